package rules

import (
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite rules.snapshot from data/*.yaml")

// TestRulesSnapshot checks that the snapshot holds exactly the built-in
// rule files, as parsed from their YAML.
func TestRulesSnapshot(t *testing.T) {
	files, err := parseBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	encoded, err := encodeFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	want, err := decodeFiles(encoded)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeFiles(builtinSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	// gob writes maps in no fixed order: rewrite only a snapshot that differs.
	if *update && !reflect.DeepEqual(got, want) {
		if err := os.WriteFile("rules.snapshot", encoded, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("rules.snapshot does not match rules/data/*.yaml: run go test ./rules -run TestRulesSnapshot -update")
	}
	if len(got) != len(files) {
		t.Errorf("the snapshot has %d files, data/ %d", len(got), len(files))
	}
}
