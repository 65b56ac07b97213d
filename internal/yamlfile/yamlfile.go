// Package yamlfile decodes readout's YAML data files strictly (unknown keys
// are errors) and reports every problem as file:line:col: message.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// PositionError is a problem at a place in a file. Its message reads
// "file:line:col: what is wrong".
type PositionError struct {
	File      string
	Line, Col int
	Msg       string
	// Source is the offending line of the file, shown under the message
	// with a caret at the column; empty to leave it out.
	Source string
}

func (e *PositionError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	msg := fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	if e.Source != "" {
		pad := []rune(e.Source)[:min(max(e.Col-1, 0), len([]rune(e.Source)))]
		for i, r := range pad {
			if r != '\t' {
				pad[i] = ' '
			}
		}
		msg += "\n    " + e.Source + "\n    " + string(pad) + "^"
	}
	return msg
}

// WithSource returns err with the offending line of data, the file's
// contents, attached to each PositionError in it.
func WithSource(err error, data []byte) error {
	lines := strings.Split(string(data), "\n")
	attach := func(e error) {
		var pe *PositionError
		if errors.As(e, &pe) && pe.Line > 0 && pe.Line <= len(lines) {
			pe.Source = strings.TrimRight(lines[pe.Line-1], "\r")
		}
	}
	var es Errors
	if errors.As(err, &es) {
		for _, e := range es {
			attach(e)
		}
		return err
	}
	attach(err)
	return err
}

// Errors is a list of problems found in data files.
type Errors []error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Decode decodes data, the contents of the file called name, into v, which
// must be a pointer to a struct. It returns the document's root node for
// positions, and an error in file:line:col form for bad YAML, unknown keys
// and values of the wrong type.
func Decode(name string, data []byte, v any) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &PositionError{File: name, Msg: "the file is empty"}
		}
		return nil, convert(name, err, nil)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return nil, convert(name, err, &root)
	}
	return &root, nil
}

// Field returns the value node of key in the top-level mapping of root, or
// nil.
func Field(root *yaml.Node, key string) *yaml.Node {
	doc := root
	if doc != nil && doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc == nil || doc.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == key {
			return doc.Content[i+1]
		}
	}
	return nil
}

var linePrefix = Pattern(`^(?:yaml: )?(?:unmarshal errors:\n\s*)?line (\d+): (.*)$`)

// convert turns a yaml.v3 error into PositionErrors.
func convert(name string, err error, root *yaml.Node) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		var errs Errors
		for _, msg := range te.Errors {
			errs = append(errs, at(name, msg, root))
		}
		if len(errs) == 1 {
			return errs[0]
		}
		return errs
	}
	return at(name, err.Error(), root)
}

var unknownField = Pattern(`^field (\S+) not found`)

func at(name, msg string, root *yaml.Node) error {
	m := linePrefix().FindStringSubmatch(msg)
	if m == nil {
		return &PositionError{File: name, Msg: strings.TrimPrefix(msg, "yaml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	if parserProblems[m[2]] {
		line++ // yaml.v3 counts lines from 0 in the parser's (not the scanner's) errors
	}
	col := 1
	if f := unknownField().FindStringSubmatch(m[2]); f != nil {
		if k := findKey(root, f[1], line); k != nil {
			col = k.Column
		}
		m[2] = fmt.Sprintf("unknown key %q", f[1])
	} else if f := duplicateKey().FindStringSubmatch(m[2]); f != nil {
		if k := findKey(root, f[1], line); k != nil {
			col = k.Column
		}
	} else if f := badValue().FindStringSubmatch(m[2]); f != nil {
		if v := findValue(root, nodeKind(f[1]), f[2], line); v != nil {
			col = v.Column
		}
	}
	return &PositionError{File: name, Line: line, Col: col, Msg: m[2]}
}

// parserProblems are the messages of yaml.v3's parser errors, whose line
// numbers are 0-based; its scanner's are 1-based like its decoder's.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

var (
	duplicateKey = Pattern(`^mapping key "(.*)" already defined`)
	// badValue gives the tag and the start of the value yaml.v3 quotes (it
	// cuts long ones to 7 bytes and "...").
	badValue = Pattern("^cannot unmarshal (\\S+)(?: `(.*?)(?:\\.\\.\\.)?`)? into ")
)

func nodeKind(tag string) yaml.Kind {
	switch tag {
	case "!!seq":
		return yaml.SequenceNode
	case "!!map":
		return yaml.MappingNode
	}
	return yaml.ScalarNode
}

// findValue finds the first node of the given kind on the given line that is
// not a mapping key and whose value starts with prefix; inner nodes come
// before the list or mapping that holds them.
func findValue(n *yaml.Node, kind yaml.Kind, prefix string, line int) *yaml.Node {
	if n == nil {
		return nil
	}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			continue
		}
		if v := findValue(c, kind, prefix, line); v != nil {
			return v
		}
	}
	if n.Kind == kind && n.Line == line && strings.HasPrefix(n.Value, prefix) {
		return n
	}
	return nil
}

// findKey finds a mapping key called key on the given line.
func findKey(n *yaml.Node, key string, line int) *yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Value == key && k.Line == line {
				return k
			}
		}
	}
	for _, c := range n.Content {
		if k := findKey(c, key, line); k != nil {
			return k
		}
	}
	return nil
}

// Paths returns path itself when it is a file, or the .yaml and .yml files
// below it, in sorted order and without hidden folders (.git), when it is a
// folder. A folder without such files is an error.
func Paths(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var paths []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != path && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if ext := filepath.Ext(p); !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no .yaml or .yml files in this folder", path)
	}
	sort.Strings(paths)
	return paths, nil
}

// Pattern returns a regular expression compiled on first use. Checking
// YAML is what the packages reading it use their patterns for, and a run
// with only built-in data reads none: compiling them at start-up was time
// lost.
func Pattern(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
