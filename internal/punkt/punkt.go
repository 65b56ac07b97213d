// Package punkt holds the English sentence model of prose's segmenter (a
// Punkt model: abbreviations, collocations, sentence starters and the
// orthographic context of words) as a compact snapshot, so that start-up
// builds the model from it in a millisecond or two instead of decompressing
// and parsing the 400 KB of JSON it ships as, which took some 20 ms.
package punkt

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/jdkato/prose/v3/segment"
	"gopkg.in/neurosnap/sentences.v1"

	"github.com/readout/readout/internal/varint"
)

// englishSnapshot is the model segment.New uses, encoded by Encode.
// TestEnglishSnapshot fails when it no longer matches the model prose
// ships; `go test ./internal/punkt -update` rewrites it.
//
//go:embed english.snapshot
var englishSnapshot string

// snapshotMagic starts a snapshot and names its format version.
const snapshotMagic = "readout-punkt-1\n"

// English returns a segmenter with the same model as segment.New's, built
// from the snapshot. The model is decoded once per process and shared, as
// segment.New shares its own: it is never changed.
func English() (*segment.Segmenter, error) {
	s, err := english()
	if err != nil {
		return nil, fmt.Errorf("the built-in sentence model: %w", err)
	}
	return segment.WithTraining(s), nil
}

var english = sync.OnceValues(func() (*sentences.Storage, error) { return Decode(englishSnapshot) })

// Encode writes s in the snapshot form Decode reads: each of its four sets
// as a count and then its keys in sorted order, each with its value.
func Encode(s *sentences.Storage) []byte {
	b := []byte(snapshotMagic)
	for _, set := range []sentences.SetString{s.AbbrevTypes, s.Collocations, s.SentStarters, s.OrthoContext} {
		b = binary.AppendUvarint(b, uint64(len(set)))
		for _, k := range slices.Sorted(maps.Keys(set)) {
			b = binary.AppendUvarint(b, uint64(len(k)))
			b = append(b, k...)
			b = binary.AppendVarint(b, int64(set[k]))
		}
	}
	return b
}

var errCorrupt = errors.New("corrupt sentence model snapshot")

// Decode reads a snapshot written by Encode. The keys of the sets share
// the memory of data.
func Decode(data string) (*sentences.Storage, error) {
	if len(data) < len(snapshotMagic) || data[:len(snapshotMagic)] != snapshotMagic {
		return nil, errors.New("not a sentence model snapshot of this version")
	}
	r := reader{data: data[len(snapshotMagic):]}
	var s sentences.Storage
	for _, set := range []*sentences.SetString{&s.AbbrevTypes, &s.Collocations, &s.SentStarters, &s.OrthoContext} {
		n := r.uvarint()
		if r.bad || n > uint64(len(r.data)) {
			return nil, errCorrupt
		}
		m := make(sentences.SetString, n)
		for range n {
			l := r.uvarint()
			if r.bad || l > uint64(len(r.data)) {
				return nil, errCorrupt
			}
			k := r.data[:l]
			r.data = r.data[l:]
			v := r.uvarint()
			m[k] = int(int64(v>>1) ^ -int64(v&1)) // zig-zag, as binary.AppendVarint writes
		}
		if r.bad {
			return nil, errCorrupt
		}
		*set = m
	}
	if r.data != "" {
		return nil, errCorrupt
	}
	return &s, nil
}

// reader reads unsigned varints from a string; bad turns true for good at
// the first bad one.
type reader struct {
	data string
	bad  bool
}

func (r *reader) uvarint() uint64 {
	v, n := varint.Uvarint(r.data)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.data = r.data[n:]
	return v
}
