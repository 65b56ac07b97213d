package gazetteer

import (
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/internal/tokens"
)

// TestNameWordsFastPath checks that names of letters and spaces are indexed
// exactly as the tokenizer would split them, for every built-in name.
func TestNameWordsFastPath(t *testing.T) {
	entries, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range entries {
		for _, s := range append(append([]string{e.Name}, e.Aliases...), e.Demonyms...) {
			if !tokens.IsLetters(s) {
				continue
			}
			checked++
			words, key, first := nameWords(s)
			var wantWords, keys []string
			for _, w := range tokens.Split(s) {
				wantWords = append(wantWords, w.Text)
				keys = append(keys, w.Key)
			}
			if !slices.Equal(words, wantWords) || key != strings.Join(keys, " ") || first != keys[0] {
				t.Errorf("%q: nameWords = %q, %q, %q; the tokenizer gives %q, %q", s, words, key, first, wantWords, keys)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d names checked", checked)
	}
}

// TestBuiltinIndex checks that the index read from the snapshot is the one
// New builds from the YAML, name for name.
func TestBuiltinIndex(t *testing.T) {
	fromYAML, err := ParseBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	want := New(fromYAML)
	got, err := BuiltinGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.index) != len(want.index) {
		t.Fatalf("%d names indexed, want %d: run go test ./gazetteer -run TestBuiltinSnapshot -update", len(got.index), len(want.index))
	}
	for i, n := range got.index {
		w := want.index[i]
		if n.key != w.key || n.kind != w.kind || got.entry(n.entry).ID != want.entry(w.entry).ID || n.words != w.words {
			t.Fatalf("name %d: %q %v %s %q, want %q %v %s %q", i, n.key, n.kind, got.entry(n.entry).ID, n.words, w.key, w.kind, want.entry(w.entry).ID, w.words)
		}
	}
	if !slices.Equal(got.firsts, want.firsts) || !slices.Equal(got.maxLens, want.maxLens) {
		t.Fatal("the first-word index differs")
	}
	if !slices.IsSorted(got.firsts) {
		t.Fatal("first words are not sorted")
	}
}
