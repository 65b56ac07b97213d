package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
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
// snapshot holds the index too, so that start-up builds none.
func BuiltinGazetteer() (*Gazetteer, error) {
	entries, index, err := decodeSnapshot(builtinSnapshot)
	if err != nil {
		return nil, fmt.Errorf("the built-in gazetteer snapshot: %w", err)
	}
	g := &Gazetteer{entries: entries}
	g.setIndex(index)
	return g, nil
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
	b = binary.AppendUvarint(b, uint64(len(entries)))
	for _, e := range entries {
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
	g := New(entries)
	at := make(map[*Entry]int, len(g.entries))
	for i := range g.entries {
		at[&g.entries[i]] = i
	}
	b = binary.AppendUvarint(b, uint64(len(g.index)))
	for _, n := range g.index {
		str(n.key)
		b = binary.AppendUvarint(b, uint64(at[n.entry]))
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
	// floats and strs are where coordinates and lists go, allocated a
	// block at a time.
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
	if len(r.strs) < n {
		r.strs = make([]string, max(n, 4096))
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
	if len(r.floats) == 0 {
		r.floats = make([]float64, 1024)
	}
	f := &r.floats[0]
	*f = math.Float64frombits(u)
	r.floats = r.floats[1:]
	return f
}

// DecodeSnapshot decodes the entries written by EncodeSnapshot. Their
// strings share the memory of data.
func DecodeSnapshot(data string) ([]Entry, error) {
	entries, _, err := decodeSnapshot(data)
	return entries, err
}

func decodeSnapshot(data string) ([]Entry, []indexed, error) {
	if len(data) < len(snapshotMagic) || data[:len(snapshotMagic)] != snapshotMagic {
		return nil, nil, errors.New("not a gazetteer snapshot of this version")
	}
	r := &snapshotReader{data: data[len(snapshotMagic):]}
	n := r.uvarint()
	if n > len(r.data) {
		return nil, nil, errCorrupt
	}
	entries := make([]Entry, n)
	for i := range entries {
		e := &entries[i]
		e.ID, e.Name, e.Type = r.str(), r.str(), r.str()
		e.Aliases, e.Demonyms, e.ShortNames, e.QualifiedNames = r.list(), r.list(), r.list(), r.list()
		a := &e.Attributes
		a.Title, a.Affiliation, a.Country, a.Capital, a.PartOf, a.Wikidata, e.Origin = r.str(), r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
		a.Lat, a.Lon = r.float(), r.float()
		if r.err != nil {
			return nil, nil, r.err
		}
	}
	m := r.uvarint()
	if r.err != nil || m > len(r.data) {
		return nil, nil, errCorrupt
	}
	index := make([]indexed, m)
	for i := range index {
		x := &index[i]
		x.key = r.str()
		e := r.uvarint()
		if r.err != nil || e >= len(entries) || len(r.data) == 0 {
			return nil, nil, errCorrupt
		}
		x.entry, x.kind = &entries[e], Kind(r.data[0])
		r.data = r.data[1:]
		x.words = r.str()
		if r.err != nil {
			return nil, nil, r.err
		}
	}
	if r.data != "" {
		return nil, nil, errCorrupt
	}
	return entries, index, nil
}
