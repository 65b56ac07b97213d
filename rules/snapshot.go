package rules

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io/fs"
)

// builtinSnapshot holds the built-in rule files, decoded from YAML and
// encoded with gob, by file name. Start-up reads them from here instead of
// parsing their YAML (given-names.yaml alone took some 50 ms). The snapshot
// keeps no YAML positions: built-in rules are checked by the tests, which
// read the YAML. TestRulesSnapshot fails when the snapshot no longer matches
// the YAML; `go test ./rules -run TestRulesSnapshot -update` rewrites it.
//
//go:embed rules.snapshot
var builtinSnapshot []byte

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

// encodeFiles encodes files by name.
func encodeFiles(files []File) ([]byte, error) {
	m := map[string]File{}
	for _, f := range files {
		m[f.name] = f
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(m); err != nil {
		return nil, fmt.Errorf("encoding the rule snapshot: %w", err)
	}
	return b.Bytes(), nil
}

func decodeFiles(data []byte) (map[string]File, error) {
	var m map[string]File
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&m); err != nil {
		return nil, fmt.Errorf("decoding the built-in rule snapshot: %w", err)
	}
	for name, f := range m {
		f.name = name
		m[name] = f
	}
	return m, nil
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
