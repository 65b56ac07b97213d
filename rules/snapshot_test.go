package rules

import (
	"encoding/json"
	"flag"
	"os"
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
	encoded := encodeFiles(files)
	decoded, err := decodeFiles(string(encoded))
	if err != nil {
		t.Fatal(err)
	}
	// The exported fields (all a File holds but YAML positions) come back
	// as they were: a field the snapshot forgot would differ here.
	for _, f := range files {
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(decoded[f.name])
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("%s: a snapshot does not give back the file it was made of:\n%s\nwant\n%s", f.name, got, want)
		}
	}
	if len(decoded) != len(files) {
		t.Errorf("the snapshot has %d files, data/ %d", len(decoded), len(files))
	}
	if *update {
		if err := os.WriteFile("rules.snapshot", encoded, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if builtinSnapshot != string(encoded) {
		t.Fatal("rules.snapshot does not match rules/data/*.yaml: run go test ./rules -run TestRulesSnapshot -update")
	}
}

// TestSnapshotCorrupt checks that a cut or damaged snapshot is an error,
// not a panic.
func TestSnapshotCorrupt(t *testing.T) {
	f, err := Parse("f.yaml", []byte("titles: [President]\nplace_words: {LOC: [River]}\n"+
		"macros:\n  X: [{lower: met}]\nrules:\n  - id: a\n    kind: meeting\n    priority: -1\n"+
		"    pattern: [{entity: PERSON, capture: participants}, {macro: X, capture: trigger}, {group: [{entity: PERSON}], op: '+'}]\n"+
		"    match: [{text: '[A](PERSON) met [B](PERSON)', captures: {trigger: [met]}}]\n    no_match: [x]\n"))
	if err != nil {
		t.Fatal(err)
	}
	data := string(encodeFiles([]File{f}))
	if _, err := decodeFiles(data); err != nil {
		t.Fatal(err)
	}
	for cut := range len(data) {
		if _, err := decodeFiles(data[:cut]); err == nil {
			t.Fatalf("a snapshot cut at byte %d of %d decoded without error", cut, len(data))
		}
	}
	if _, err := decodeFiles(data + "x"); err == nil {
		t.Fatal("trailing bytes decoded without error")
	}
}
