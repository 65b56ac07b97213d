package gazetteer

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
)

// builtinSnapshot holds the entries of data/*.yaml encoded with gob, so
// that start-up does not parse YAML: decoding it takes a few milliseconds,
// parsing the YAML about a hundred. TestBuiltinSnapshot fails when it no
// longer matches the YAML; `go test ./gazetteer -run TestBuiltinSnapshot
// -update` rewrites it.
//
//go:embed builtin.gob
var builtinSnapshot []byte

// Builtin returns the entries of the embedded default gazetteer.
func Builtin() ([]Entry, error) {
	return DecodeSnapshot(builtinSnapshot)
}

// EncodeSnapshot encodes entries in the snapshot form Builtin reads.
func EncodeSnapshot(entries []Entry) ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(entries); err != nil {
		return nil, fmt.Errorf("encoding the gazetteer snapshot: %w", err)
	}
	return b.Bytes(), nil
}

// DecodeSnapshot decodes entries written by EncodeSnapshot.
func DecodeSnapshot(data []byte) ([]Entry, error) {
	var entries []Entry
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&entries); err != nil {
		return nil, fmt.Errorf("decoding the built-in gazetteer snapshot: %w", err)
	}
	return entries, nil
}
