package gazetteer_test

import (
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/readout/readout/gazetteer"
)

var update = flag.Bool("update", false, "rewrite builtin.gob from data/*.yaml")

// TestBuiltinSnapshot checks that the snapshot Builtin reads holds exactly
// the entries of the YAML files.
func TestBuiltinSnapshot(t *testing.T) {
	fromYAML, err := gazetteer.ParseBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	encoded, err := gazetteer.EncodeSnapshot(fromYAML)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("builtin.gob", encoded, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := gazetteer.DecodeSnapshot(encoded)
	if err != nil {
		t.Fatal(err)
	}
	got, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("builtin.gob does not match data/*.yaml: run go test ./gazetteer -run TestBuiltinSnapshot -update")
	}
}
