package rules

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io/fs"
)

// lexiconSnapshot holds the built-in rule files that are word lists only
// (no pattern rules, no macros), decoded from YAML and encoded with gob, by
// file name. Start-up reads them from here instead of parsing their YAML:
// given-names.yaml alone took some 50 ms. Files with rules are always parsed.
// TestLexiconSnapshot fails when the snapshot no longer matches the YAML;
// `go test ./rules -run TestLexiconSnapshot -update` rewrites it.
//
//go:embed lexicons.snapshot
var lexiconSnapshot []byte

// isLexicon reports whether f holds word lists only.
func (f *File) isLexicon() bool { return len(f.Rules) == 0 && len(f.Macros) == 0 }

// parseBuiltin reads the YAML source of every built-in rule file.
func parseBuiltin() ([]File, error) {
	names, err := fs.Glob(builtinFS, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	var files []File
	for _, name := range names {
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

// encodeLexicons encodes the word-list files of files, by name.
func encodeLexicons(files []File) ([]byte, error) {
	m := map[string]File{}
	for _, f := range files {
		if f.isLexicon() {
			m[f.name] = f
		}
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(m); err != nil {
		return nil, fmt.Errorf("encoding the rule snapshot: %w", err)
	}
	return b.Bytes(), nil
}

func decodeLexicons(data []byte) (map[string]File, error) {
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

// loadBuiltin reads the built-in rule files: word lists from the snapshot,
// files with rules (or missing from the snapshot) from their YAML.
func loadBuiltin() ([]File, error) {
	snap, err := decodeLexicons(lexiconSnapshot)
	if err != nil {
		return nil, err
	}
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
