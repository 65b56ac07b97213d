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
// New builds from the YAML, and that its tables are sorted, as the binary
// searches over them need.
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
	if got.index != want.index {
		t.Fatalf("%d names indexed, want %d, or they differ: run go test ./gazetteer -run TestBuiltinSnapshot -update", got.index.len(), want.index.len())
	}
	x := got.index
	for i := 1; i < x.len(); i++ {
		if x.key(i-1) > x.key(i) {
			t.Fatalf("names not sorted: %q before %q", x.key(i-1), x.key(i))
		}
	}
	var firsts []string
	for i := range x.len() {
		first, _, _ := strings.Cut(x.key(i), " ")
		if len(firsts) == 0 || firsts[len(firsts)-1] != first {
			firsts = append(firsts, first)
		}
		n := x.name(i)
		if got.entry(n.entry).ID == "" || x.maxLen(first) < n.size() {
			t.Fatalf("name %q: entry %q, longest name from %q %d words", n.words, got.entry(n.entry).ID, first, x.maxLen(first))
		}
	}
	if !slices.IsSorted(firsts) || len(firsts)*firstRecord != len(x.firsts) {
		t.Fatal("the first words are not the sorted first words of the keys")
	}
}
