package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sync"

	"github.com/readout/readout/internal/varint"
)

// builtinSnapshot holds the entries of data/*.yaml, and the index of their
// names, in a compact binary form, so that start-up parses no YAML and
// builds no index: the index is read in place (see nameIndex) and an entry
// is decoded the first time it is needed, its strings substrings of the
// snapshot. TestBuiltinSnapshot fails when it no longer matches the YAML;
// `go test ./gazetteer -run TestBuiltinSnapshot -update` rewrites it.
//
//go:embed builtin.snapshot
var builtinSnapshot string

// snapshotMagic starts a snapshot and names its format version.
const snapshotMagic = "readout-gazetteer-4\n"

// A snapshot is snapshotMagic, a header of little-endian uint32s (the
// number of entries, then the lengths of the entries, names, firsts and
// strs sections, then the CRC-32C of all that follows the header), the
// offset in the entries section of each entry (uint32s), and the sections:
// the entries one after the other, each field a length-prefixed string, a
// list of them, or a flag and a float64; then the three parts of the
// nameIndex.
const snapshotHeader = 6 * 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Builtin returns the entries of the embedded default gazetteer.
func Builtin() ([]Entry, error) {
	entries, err := DecodeSnapshot(builtinSnapshot)
	if err != nil {
		return nil, fmt.Errorf("the built-in gazetteer snapshot: %w", err)
	}
	return entries, nil
}

// BuiltinGazetteer returns the embedded default gazetteer, indexed. Its
// index is read in place and its entries are decoded the first time they
// are needed: a document names a few dozen of the thousands, and decoding
// them all was most of the gazetteer's start-up. The snapshot is checked
// whole here, so that reading it later cannot fail.
func BuiltinGazetteer() (*Gazetteer, error) {
	s, err := readSnapshot(builtinSnapshot)
	if err != nil {
		return nil, fmt.Errorf("the built-in gazetteer snapshot: %w", err)
	}
	// The entries are written one by one as they are decoded; until then
	// their memory is not touched.
	g := &Gazetteer{
		entries: make([]Entry, s.n),
		lazy:    &lazyEntries{snapshot: s, once: make([]sync.Once, s.n)},
		index:   s.index,
	}
	g.byID = g.idLookup()
	return g, nil
}

// lazyEntries are the entries of a snapshot, decoded on demand.
type lazyEntries struct {
	snapshot
	once []sync.Once
}

func (l *lazyEntries) decode(i int32, e *Entry) {
	r := &snapshotReader{data: l.entries[u32(l.offsets[4*i:]):]}
	// readSnapshot checked the data: this reads what EncodeSnapshot wrote.
	r.entry(e)
}

// snapshot is a snapshot's parts.
type snapshot struct {
	n       int    // entries
	offsets string // n uint32s
	entries string
	index   nameIndex
}

// readSnapshot splits data into its parts and checks them: the checksum,
// and that the entry offsets and the index point where they may.
func readSnapshot(data string) (snapshot, error) {
	if len(data) < len(snapshotMagic) || data[:len(snapshotMagic)] != snapshotMagic {
		return snapshot{}, errors.New("not a gazetteer snapshot of this version")
	}
	data = data[len(snapshotMagic):]
	if len(data) < snapshotHeader {
		return snapshot{}, errCorrupt
	}
	var h [6]int
	for i := range h {
		h[i] = u32(data[4*i:])
	}
	body := data[snapshotHeader:]
	if h[0]*4+h[1]+h[2]+h[3]+h[4] != len(body) || checksum(body) != uint32(h[5]) {
		return snapshot{}, errCorrupt
	}
	s := snapshot{n: h[0]}
	s.offsets, body = body[:4*s.n], body[4*s.n:]
	s.entries, body = body[:h[1]], body[h[1]:]
	s.index.names, body = body[:h[2]], body[h[2]:]
	s.index.firsts, s.index.strs = body[:h[3]], body[h[3]:]
	last := -1
	for i := range s.n {
		off := u32(s.offsets[4*i:])
		if off <= last || off >= len(s.entries) {
			return snapshot{}, errCorrupt
		}
		last = off
	}
	if !s.index.check(s.n) {
		return snapshot{}, errCorrupt
	}
	return s, nil
}

// checksum is the CRC-32C of s.
func checksum(s string) uint32 {
	var buf [32 << 10]byte
	crc := uint32(0)
	for s != "" {
		n := copy(buf[:], s)
		crc = crc32.Update(crc, castagnoli, buf[:n])
		s = s[n:]
	}
	return crc
}

// EncodeSnapshot encodes entries, and the index New builds of them, in the
// snapshot form Builtin and BuiltinGazetteer read. The entries must have
// unique ids.
func EncodeSnapshot(entries []Entry) []byte {
	var b, offsets []byte
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
	for _, e := range g.entries {
		offsets = binary.LittleEndian.AppendUint32(offsets, uint32(len(b)))
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
	x := g.index
	body := string(offsets) + string(b) + x.names + x.firsts + x.strs
	out := []byte(snapshotMagic)
	for _, v := range []int{len(g.entries), len(b), len(x.names), len(x.firsts), len(x.strs)} {
		out = binary.LittleEndian.AppendUint32(out, uint32(v))
	}
	out = binary.LittleEndian.AppendUint32(out, checksum(body))
	return append(out, body...)
}

var errCorrupt = errors.New("corrupt snapshot")

// snapshotReader reads the fields of a snapshot in order; the first error
// sticks.
type snapshotReader struct {
	data string
	err  error
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
	v, n := varint.Uvarint(r.data)
	if n <= 0 || v > math.MaxInt32 {
		r.err = errCorrupt
		return 0
	}
	r.data = r.data[n:]
	return int(v)
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
	s, err := readSnapshot(data)
	if err != nil {
		return nil, err
	}
	r := &snapshotReader{data: s.entries, block: 4096}
	entries := make([]Entry, s.n)
	for i := range entries {
		if len(s.entries)-len(r.data) != u32(s.offsets[4*i:]) {
			return nil, errCorrupt
		}
		r.entry(&entries[i])
		if r.err != nil {
			return nil, r.err
		}
	}
	if r.data != "" {
		return nil, errCorrupt
	}
	return entries, nil
}
