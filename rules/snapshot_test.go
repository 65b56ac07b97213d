package rules

import (
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite lexicons.snapshot from data/*.yaml")

// TestLexiconSnapshot checks that the snapshot holds exactly the word-list
// files of data/*.yaml, as parsed from their YAML.
func TestLexiconSnapshot(t *testing.T) {
	files, err := parseBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	encoded, err := encodeLexicons(files)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("lexicons.snapshot", encoded, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := decodeLexicons(encoded)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeLexicons(lexiconSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("lexicons.snapshot does not match rules/data/*.yaml: run go test ./rules -run TestLexiconSnapshot -update")
	}
	for _, f := range files {
		if f.isLexicon() && len(f.GivenNames)+len(f.Titles)+len(f.ReportingVerbs) > 0 {
			if _, ok := got[f.name]; !ok {
				t.Errorf("%s is missing from the snapshot", f.name)
			}
		}
	}
}
