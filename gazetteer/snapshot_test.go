package gazetteer_test

import (
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/readout/readout/gazetteer"
)

var update = flag.Bool("update", false, "rewrite builtin.snapshot from data/*.yaml")

// TestBuiltinSnapshot checks that the snapshot Builtin reads holds exactly
// the entries of the YAML files.
func TestBuiltinSnapshot(t *testing.T) {
	fromYAML, err := gazetteer.ParseBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	encoded := gazetteer.EncodeSnapshot(fromYAML)
	if *update {
		if err := os.WriteFile("builtin.snapshot", encoded, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := gazetteer.DecodeSnapshot(string(encoded))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, fromYAML) {
		t.Fatal("a snapshot does not give back the entries it was made of")
	}
	got, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("builtin.snapshot does not match data/*.yaml: run go test ./gazetteer -run TestBuiltinSnapshot -update")
	}
}

// TestSnapshotCorrupt checks that a cut or damaged snapshot is an error,
// not a panic.
func TestSnapshotCorrupt(t *testing.T) {
	entries, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	data := string(gazetteer.EncodeSnapshot(entries[:50]))
	for cut := 0; cut < len(data); cut += 7 {
		if _, err := gazetteer.DecodeSnapshot(data[:cut]); err == nil {
			t.Fatalf("a snapshot cut at byte %d of %d decoded without error", cut, len(data))
		}
	}
	if _, err := gazetteer.DecodeSnapshot(data + "x"); err == nil {
		t.Fatal("trailing bytes decoded without error")
	}
}
