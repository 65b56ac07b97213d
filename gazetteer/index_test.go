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
