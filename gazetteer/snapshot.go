package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
)

// builtinSnapshot holds the entries of data/*.yaml in a compact binary form,
// so that start-up parses no YAML: decoding it takes about a millisecond, as
// every string of the entries is a substring of it; parsing the YAML takes
// about a hundred. TestBuiltinSnapshot fails when it no longer matches the
// YAML; `go test ./gazetteer -run TestBuiltinSnapshot -update` rewrites it.
//
//go:embed builtin.snapshot
var builtinSnapshot string

// snapshotMagic starts a snapshot and names its format version.
const snapshotMagic = "readout-gazetteer-3\n"

// Builtin returns the entries of the embedded default gazetteer.
func Builtin() ([]Entry, error) {
	entries, _, err := decodeSnapshot(builtinSnapshot)
	if err != nil {
		return nil, fmt.Errorf("the built-in gazetteer snapshot: %w", err)
	}
	return entries, nil
}

// BuiltinGazetteer returns the embedded default gazetteer, indexed: the
// snapshot holds the index too, so that start-up builds none. Its entries
// are decoded the first time they are needed: a document names few of the
// thousands, and decoding them all took most of the gazetteer's start-up.
// Every entry is read through once here, so a damaged snapshot is an error
// now rather than later.
func BuiltinGazetteer() (*Gazetteer, error) {
	lazy, index, err := decodeLazy(builtinSnapshot)
	if err != nil {
		return nil, fmt.Errorf("the built-in gazetteer snapshot: %w", err)
	}
	// The entries are written one by one as they are decoded; until then
	// the memory is not touched.
	g := &Gazetteer{entries: make([]Entry, len(lazy.offsets)), lazy: lazy}
	g.setIndex(index)
	return g, nil
}

// lazyEntries are the entries of a snapshot, decoded on demand.
type lazyEntries struct {
	data    string
	offsets []int32 // where each entry starts in data
	once    []sync.Once
}

func (l *lazyEntries) decode(i int32, e *Entry) {
	r := &snapshotReader{data: l.data[l.offsets[i]:]}
	// decodeLazy read every entry without error.
	r.entry(e)
}

// EncodeSnapshot encodes entries, and the index New builds of them, in the
// snapshot form Builtin and BuiltinGazetteer read. The entries must have
// unique ids.
func EncodeSnapshot(entries []Entry) []byte {
	b := []byte(snapshotMagic)
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	list := func(l []string) {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			str(s)
		}
	}
	float := func(f *float64) {
		if f == nil {
			b = append(b, 0)
			return
		}
		b = append(b, 1)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*f))
	}
	g := New(entries)
	b = binary.AppendUvarint(b, uint64(len(g.entries)))
	for _, e := range g.entries {
		str(e.ID)
		str(e.Name)
		str(e.Type)
		list(e.Aliases)
		list(e.Demonyms)
		list(e.ShortNames)
		list(e.QualifiedNames)
		a := e.Attributes
		for _, s := range []string{a.Title, a.Affiliation, a.Country, a.Capital, a.PartOf, a.Wikidata, e.Origin} {
			str(s)
		}
		float(a.Lat)
		float(a.Lon)
	}
	b = binary.AppendUvarint(b, uint64(len(g.index)))
	for _, n := range g.index {
		str(n.key)
		b = binary.AppendUvarint(b, uint64(n.entry))
		b = append(b, byte(n.kind))
		str(n.words)
	}
	return b
}

var errCorrupt = errors.New("corrupt snapshot")

// snapshotReader reads the fields of a snapshot in order; the first error
// sticks.
type snapshotReader struct {
	data string
	err  error
	// skip reads lists and coordinates without keeping them.
	skip bool
	// block is how many strings or coordinates to allocate at a time
	// into strs and floats (0: as many as needed).
	block  int
	floats []float64
	strs   []string
}

func (r *snapshotReader) uvarint() int {
	if r.err != nil {
		return 0
	}
	var v uint64
	for shift, i := uint(0), 0; i < len(r.data) && i < binary.MaxVarintLen64; i, shift = i+1, shift+7 {
		c := r.data[i]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			r.data = r.data[i+1:]
			if v > math.MaxInt32 {
				r.err = errCorrupt
				return 0
			}
			return int(v)
		}
	}
	r.err = errCorrupt
	return 0
}

func (r *snapshotReader) str() string {
	n := r.uvarint()
	if r.err != nil || n > len(r.data) {
		r.err = errCorrupt
		return ""
	}
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

func (r *snapshotReader) list() []string {
	n := r.uvarint()
	if n == 0 || r.err != nil {
		return nil
	}
	if n > len(r.data) {
		r.err = errCorrupt
		return nil
	}
	if r.skip {
		for range n {
			r.str()
		}
		return nil
	}
	if len(r.strs) < n {
		r.strs = make([]string, max(n, r.block))
	}
	l := r.strs[:n:n]
	r.strs = r.strs[n:]
	for i := range l {
		l[i] = r.str()
	}
	return l
}

func (r *snapshotReader) float() *float64 {
	if r.err != nil || len(r.data) == 0 {
		r.err = errCorrupt
		return nil
	}
	flag := r.data[0]
	r.data = r.data[1:]
	if flag == 0 {
		return nil
	}
	if len(r.data) < 8 {
		r.err = errCorrupt
		return nil
	}
	var u uint64
	for i := 7; i >= 0; i-- {
		u = u<<8 | uint64(r.data[i])
	}
	r.data = r.data[8:]
	if r.skip {
		return nil
	}
	if len(r.floats) == 0 {
		r.floats = make([]float64, max(1, r.block))
	}
	f := &r.floats[0]
	*f = math.Float64frombits(u)
	r.floats = r.floats[1:]
	return f
}

// entry reads one entry into e.
func (r *snapshotReader) entry(e *Entry) {
	e.ID, e.Name, e.Type = r.str(), r.str(), r.str()
	e.Aliases, e.Demonyms, e.ShortNames, e.QualifiedNames = r.list(), r.list(), r.list(), r.list()
	a := &e.Attributes
	a.Title, a.Affiliation, a.Country, a.Capital, a.PartOf, a.Wikidata, e.Origin = r.str(), r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
	a.Lat, a.Lon = r.float(), r.float()
}

// DecodeSnapshot decodes the entries written by EncodeSnapshot. Their
// strings share the memory of data.
func DecodeSnapshot(data string) ([]Entry, error) {
	entries, _, err := decodeSnapshot(data)
	return entries, err
}

func decodeSnapshot(data string) ([]Entry, []indexed, error) {
	r, n, err := snapshotEntries(data)
	if err != nil {
		return nil, nil, err
	}
	r.block = 4096
	entries := make([]Entry, n)
	for i := range entries {
		r.entry(&entries[i])
		if r.err != nil {
			return nil, nil, r.err
		}
	}
	index, err := r.index(n)
	if err != nil {
		return nil, nil, err
	}
	return entries, index, nil
}

// decodeLazy reads through the entries of a snapshot, noting where each
// starts, and decodes the index.
func decodeLazy(data string) (*lazyEntries, []indexed, error) {
	r, n, err := snapshotEntries(data)
	if err != nil {
		return nil, nil, err
	}
	l := &lazyEntries{data: data, offsets: make([]int32, n), once: make([]sync.Once, n)}
	r.skip = true
	var scratch Entry
	for i := range l.offsets {
		l.offsets[i] = int32(len(data) - len(r.data))
		r.entry(&scratch)
		if r.err != nil {
			return nil, nil, r.err
		}
	}
	r.skip = false
	index, err := r.index(n)
	if err != nil {
		return nil, nil, err
	}
	return l, index, nil
}

// snapshotEntries checks the magic and reads the number of entries.
func snapshotEntries(data string) (*snapshotReader, int, error) {
	if len(data) < len(snapshotMagic) || data[:len(snapshotMagic)] != snapshotMagic {
		return nil, 0, errors.New("not a gazetteer snapshot of this version")
	}
	r := &snapshotReader{data: data[len(snapshotMagic):]}
	n := r.uvarint()
	if r.err != nil || n > len(r.data) {
		return nil, 0, errCorrupt
	}
	return r, n, nil
}

// index reads the index of a snapshot of n entries, after the entries.
func (r *snapshotReader) index(n int) ([]indexed, error) {
	m := r.uvarint()
	if r.err != nil || m > len(r.data) {
		return nil, errCorrupt
	}
	index := make([]indexed, m)
	for i := range index {
		x := &index[i]
		x.key = r.str()
		e := r.uvarint()
		if r.err != nil || e >= n || len(r.data) == 0 {
			return nil, errCorrupt
		}
		x.entry, x.kind = int32(e), Kind(r.data[0])
		r.data = r.data[1:]
		x.words = r.str()
		if r.err != nil {
			return nil, r.err
		}
	}
	if r.data != "" {
		return nil, errCorrupt
	}
	return index, nil
}
