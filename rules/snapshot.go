package rules

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"github.com/readout/readout/internal/varint"
)

// builtinSnapshot holds the built-in rule files, decoded from YAML, in a
// compact binary form (see encodeFiles). Start-up reads them from here
// instead of parsing their YAML (given-names.yaml alone took some 50 ms);
// every string of the files is a substring of it. The snapshot keeps no
// YAML positions: built-in rules are checked by the tests, which read the
// YAML. TestRulesSnapshot fails when the snapshot no longer matches the
// YAML; `go test ./rules -run TestRulesSnapshot -update` rewrites it.
//
//go:embed rules.snapshot
var builtinSnapshot string

// snapshotMagic starts a snapshot and names its format version.
const snapshotMagic = "readout-rules-2\n"

// parseBuiltin reads the YAML source of every built-in rule file.
func parseBuiltin() ([]File, error) {
	return readBuiltin(nil)
}

// readBuiltin reads the built-in rule files, taking those in snap from it
// and parsing the others' YAML.
func readBuiltin(snap map[string]File) ([]File, error) {
	names, err := fs.Glob(builtinFS, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	var files []File
	for _, name := range names {
		if f, ok := snap["rules/"+name]; ok {
			files = append(files, f)
			continue
		}
		b, err := builtinFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := Parse("rules/"+name, b)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// loadBuiltin reads the built-in rule files from the snapshot, and a file
// missing from it from its YAML.
func loadBuiltin() ([]File, error) {
	snap, err := decodeFiles(builtinSnapshot)
	if err != nil {
		return nil, err
	}
	return readBuiltin(snap)
}

// encodeFiles encodes files, with their names, in the snapshot form: each
// field in the order File declares it, strings and lists prefixed with
// their lengths, maps in key order.
func encodeFiles(files []File) []byte {
	w := &snapshotWriter{b: []byte(snapshotMagic)}
	w.uint(len(files))
	for _, f := range files {
		w.str(f.name)
		w.strs(f.Titles)
		w.strs(f.TitleModifiers)
		w.strs(f.OrgWords)
		w.uint(len(f.PlaceWords))
		for _, typ := range slices.Sorted(maps.Keys(f.PlaceWords)) {
			w.str(typ)
			w.strs(f.PlaceWords[typ])
		}
		for _, l := range [][]string{f.GivenNames, f.SurnameFirst, f.FemaleNames, f.MaleNames, f.NotNames, f.EventWords, f.PersonContext,
			f.PlaceContext, f.ReportingVerbs, f.TitleCues, f.SourceDocuments, f.WorkWords, f.FieldWords, f.PostNominals} {
			w.strs(l)
		}
		w.uint(len(f.Macros))
		for _, name := range slices.Sorted(maps.Keys(f.Macros)) {
			w.str(name)
			w.elements(f.Macros[name])
		}
		w.uint(len(f.Rules))
		for _, r := range f.Rules {
			w.str(r.ID)
			w.str(r.Kind)
			w.int(r.Priority)
			w.bool(r.EachCounterpart)
			w.int(r.MinParticipants)
			w.str(r.Doc)
			w.elements(r.Pattern)
			w.uint(len(r.Match))
			for _, ex := range r.Match {
				w.str(ex.Text)
				w.uint(len(ex.Captures))
				for _, name := range slices.Sorted(maps.Keys(ex.Captures)) {
					w.str(name)
					w.strs(ex.Captures[name])
				}
			}
			w.strs(r.NoMatch)
		}
	}
	return w.b
}

type snapshotWriter struct{ b []byte }

func (w *snapshotWriter) uint(n int) { w.b = binary.AppendUvarint(w.b, uint64(n)) }
func (w *snapshotWriter) int(n int)  { w.b = binary.AppendVarint(w.b, int64(n)) }

func (w *snapshotWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *snapshotWriter) str(s string) {
	w.uint(len(s))
	w.b = append(w.b, s...)
}

func (w *snapshotWriter) strs(l []string) {
	w.uint(len(l))
	for _, s := range l {
		w.str(s)
	}
}

func (w *snapshotWriter) elements(els []Element) {
	w.uint(len(els))
	for _, e := range els {
		w.str(e.Text)
		w.str(e.Lower)
		w.strs(e.In)
		w.str(e.Regex)
		w.str(e.Tag)
		w.bool(e.Not)
		w.strs(e.Entity)
		w.bool(e.Date)
		w.str(e.Macro)
		w.elements(e.Group)
		w.elements(e.OneOf)
		w.str(e.Op)
		w.str(e.Capture)
	}
}

var errCorrupt = errors.New("decoding the built-in rule snapshot: corrupt data")

// decodeFiles decodes the files written by encodeFiles, by name. Their
// strings share the memory of data.
func decodeFiles(data string) (map[string]File, error) {
	if len(data) < len(snapshotMagic) || data[:len(snapshotMagic)] != snapshotMagic {
		return nil, fmt.Errorf("decoding the built-in rule snapshot: not a snapshot of this version")
	}
	r := &snapshotReader{data: data[len(snapshotMagic):]}
	n := r.count()
	out := make(map[string]File, n)
	for range n {
		var f File
		f.name = r.str()
		f.Titles = r.strs()
		f.TitleModifiers = r.strs()
		f.OrgWords = r.strs()
		if k := r.count(); k > 0 {
			f.PlaceWords = make(map[string][]string, k)
			for range k {
				typ := r.str()
				f.PlaceWords[typ] = r.strs()
			}
		}
		for _, l := range []*[]string{&f.GivenNames, &f.SurnameFirst, &f.FemaleNames, &f.MaleNames, &f.NotNames, &f.EventWords, &f.PersonContext,
			&f.PlaceContext, &f.ReportingVerbs, &f.TitleCues, &f.SourceDocuments, &f.WorkWords, &f.FieldWords, &f.PostNominals} {
			*l = r.strs()
		}
		if k := r.count(); k > 0 {
			f.Macros = make(map[string][]Element, k)
			for range k {
				name := r.str()
				f.Macros[name] = r.elements()
			}
		}
		if k := r.count(); k > 0 {
			f.Rules = make([]RuleSpec, k)
			for i := range f.Rules {
				s := &f.Rules[i]
				s.ID, s.Kind, s.Priority, s.EachCounterpart, s.MinParticipants, s.Doc = r.str(), r.str(), r.int(), r.bool(), r.int(), r.str()
				s.Pattern = r.elements()
				if m := r.count(); m > 0 {
					s.Match = make([]Example, m)
					for j := range s.Match {
						ex := &s.Match[j]
						ex.Text = r.str()
						if c := r.count(); c > 0 {
							ex.Captures = make(map[string]Words, c)
							for range c {
								name := r.str()
								ex.Captures[name] = r.strs()
							}
						}
					}
				}
				s.NoMatch = r.strs()
			}
		}
		if r.err != nil {
			return nil, r.err
		}
		out[f.name] = f
	}
	if r.err == nil && r.data != "" {
		r.err = errCorrupt
	}
	if r.err != nil {
		return nil, r.err
	}
	return out, nil
}

// snapshotReader reads the fields of a snapshot in order; the first error
// sticks, and reads after it give zero values.
type snapshotReader struct {
	data string
	err  error
}

func (r *snapshotReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := varint.Uvarint(r.data)
	if n <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.data = r.data[n:]
	return v
}

// count reads a length; every counted item takes at least a byte, so a
// count larger than what is left is corrupt data.
func (r *snapshotReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.err = errCorrupt
		return 0
	}
	return int(n)
}

func (r *snapshotReader) int() int {
	v := r.uvarint()
	return int(int64(v>>1) ^ -int64(v&1)) // zig-zag, as binary.AppendVarint writes
}

func (r *snapshotReader) bool() bool {
	if r.err != nil || r.data == "" || r.data[0] > 1 {
		r.err = errCorrupt
		return false
	}
	v := r.data[0] == 1
	r.data = r.data[1:]
	return v
}

func (r *snapshotReader) str() string {
	n := r.count()
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

func (r *snapshotReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = r.str()
	}
	return l
}

func (r *snapshotReader) elements() []Element {
	n := r.count()
	if n == 0 {
		return nil
	}
	els := make([]Element, n)
	for i := range els {
		e := &els[i]
		e.Text, e.Lower, e.In, e.Regex, e.Tag, e.Not = r.str(), r.str(), r.strs(), r.str(), r.str(), r.bool()
		e.Entity, e.Date, e.Macro = r.strs(), r.bool(), r.str()
		e.Group, e.OneOf = r.elements(), r.elements()
		e.Op, e.Capture = r.str(), r.str()
	}
	return els
}
