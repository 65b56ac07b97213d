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
const snapshotMagic = "readout-gazetteer-1\n"

// Builtin returns the entries of the embedded default gazetteer.
func Builtin() ([]Entry, error) {
	entries, err := DecodeSnapshot(builtinSnapshot)
	if err != nil {
		return nil, fmt.Errorf("the built-in gazetteer snapshot: %w", err)
	}
	return entries, nil
}

// EncodeSnapshot encodes entries in the snapshot form Builtin reads.
func EncodeSnapshot(entries []Entry) []byte {
	b := []byte(snapshotMagic)
	b = binary.AppendUvarint(b, uint64(len(entries)))
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
	return b
}

var errCorrupt = errors.New("corrupt snapshot")

// snapshotReader reads the fields of a snapshot in order; the first error
// sticks.
type snapshotReader struct {
	data string
	err  error
	// floats is where the coordinates go, allocated at once.
	floats []float64
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
	l := make([]string, n)
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

// DecodeSnapshot decodes entries written by EncodeSnapshot. The strings of
// the entries share the memory of data.
func DecodeSnapshot(data string) ([]Entry, error) {
	if len(data) < len(snapshotMagic) || data[:len(snapshotMagic)] != snapshotMagic {
		return nil, errors.New("not a gazetteer snapshot of this version")
	}
	r := &snapshotReader{data: data[len(snapshotMagic):]}
	n := r.uvarint()
	if n > len(r.data) {
		return nil, errCorrupt
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
			return nil, r.err
		}
	}
	if r.data != "" {
		return nil, errCorrupt
	}
	return entries, nil
}
