package gazetteer

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/internal/yamlfile"
)

//go:embed data/*.yaml
var builtinFS embed.FS

// ParseBuiltin reads and checks the YAML source of the built-in gazetteer.
// Builtin returns the same entries faster, from a snapshot.
func ParseBuiltin() ([]Entry, error) {
	names, err := fs.Glob(builtinFS, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	var all []Entry
	for _, name := range names {
		b, err := builtinFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		entries, err := Parse("gazetteer/"+name, b)
		if err != nil {
			return nil, err
		}
		all = append(all, entries...)
	}
	return all, nil
}

// LoadPath reads a gazetteer file, or every .yaml/.yml file below a folder in
// name order.
func LoadPath(path string) ([]Entry, error) {
	files, err := yamlfile.Paths(path)
	if err != nil {
		return nil, err
	}
	var all []Entry
	var errs yamlfile.Errors
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		entries, err := Parse(f, b)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		all = append(all, entries...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return all, nil
}

// Parse decodes and validates one gazetteer file. name is used in error
// messages. Every problem is reported, each as file:line:col: message.
func Parse(name string, data []byte) ([]Entry, error) {
	var f file
	root, err := yamlfile.Decode(name, data, &f)
	if err != nil {
		return nil, err
	}
	if len(f.Entries) == 0 {
		return nil, &yamlfile.PositionError{File: name, Line: 1, Col: 1, Msg: "no entries: expected a mapping with an `entries:` list"}
	}
	var nodes []*yaml.Node
	if list := yamlfile.Field(root, "entries"); list != nil {
		nodes = list.Content
	}
	var errs yamlfile.Errors
	seen := make(map[string]string)
	for i := range f.Entries {
		e := &f.Entries[i]
		line, col := 0, 0
		if i < len(nodes) {
			line, col = nodes[i].Line, nodes[i].Column
		}
		e.Origin = fmt.Sprintf("%s:%d", name, line)
		for _, msg := range e.problems() {
			errs = append(errs, &yamlfile.PositionError{File: name, Line: line, Col: col, Msg: msg})
		}
		if prev, ok := seen[e.ID]; ok && e.ID != "" {
			errs = append(errs, &yamlfile.PositionError{File: name, Line: line, Col: col,
				Msg: fmt.Sprintf("duplicate id %q (first at %s)", e.ID, prev)})
		}
		seen[e.ID] = e.Origin
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return f.Entries, nil
}

var idPattern = yamlfile.Pattern(`^[a-z0-9]+(-[a-z0-9]+)*$`)
var countryPattern = yamlfile.Pattern(`^[A-Z]{2}$`)

// problems lists what is wrong with one entry on its own.
func (e *Entry) problems() []string {
	var p []string
	switch {
	case e.ID == "":
		p = append(p, "entry has no id")
	case !idPattern().MatchString(e.ID):
		p = append(p, fmt.Sprintf("id %q: use lower-case letters, digits and single hyphens (like nikol-pashinyan)", e.ID))
	}
	if strings.TrimSpace(e.Name) == "" {
		p = append(p, fmt.Sprintf("entry %q has no name", e.ID))
	}
	if !validType(e.Type) {
		p = append(p, fmt.Sprintf("entry %q: type %q is not one of PERSON, ORG, GPE, LOC, FAC", e.ID, e.Type))
	}
	if len(e.Demonyms) > 0 && e.Type != GPE && e.Type != Location {
		p = append(p, fmt.Sprintf("entry %q: demonyms are for GPE and LOC entries only", e.ID))
	}
	if len(e.QualifiedNames) > 0 && e.Attributes.Country == "" {
		p = append(p, fmt.Sprintf("entry %q: qualified_names need attributes.country", e.ID))
	}
	if c := e.Attributes.Country; c != "" && !countryPattern().MatchString(c) {
		p = append(p, fmt.Sprintf("entry %q: country %q is not an ISO 3166-1 alpha-2 code like AM", e.ID, c))
	}
	if lat := e.Attributes.Lat; lat != nil && (*lat < -90 || *lat > 90) {
		p = append(p, fmt.Sprintf("entry %q: lat %v is out of range -90..90", e.ID, *lat))
	}
	if lon := e.Attributes.Lon; lon != nil && (*lon < -180 || *lon > 180) {
		p = append(p, fmt.Sprintf("entry %q: lon %v is out of range -180..180", e.ID, *lon))
	}
	if (e.Attributes.Lat == nil) != (e.Attributes.Lon == nil) {
		p = append(p, fmt.Sprintf("entry %q: give both lat and lon, or neither", e.ID))
	}
	for _, list := range [][]string{e.Aliases, e.Demonyms, e.ShortNames, e.QualifiedNames} {
		for _, s := range list {
			if strings.TrimSpace(s) == "" {
				p = append(p, fmt.Sprintf("entry %q: empty name in a list", e.ID))
			}
		}
	}
	return p
}

func uniqueIDs(entries []Entry) bool {
	seen := make(map[string]bool, len(entries))
	for i := range entries {
		if seen[entries[i].ID] {
			return false
		}
		seen[entries[i].ID] = true
	}
	return true
}

// Merge lays later entries over earlier ones: an entry whose id is already
// present replaces it (a user's file overrides the built-in entry).
func Merge(layers ...[]Entry) []Entry {
	if len(layers) == 1 && uniqueIDs(layers[0]) {
		return layers[0] // nothing to replace: spare the copy
	}
	total := 0
	for _, layer := range layers {
		total += len(layer)
	}
	index := make(map[string]int, total)
	out := make([]Entry, 0, total)
	for _, layer := range layers {
		for _, e := range layer {
			if i, ok := index[e.ID]; ok {
				out[i] = e
				continue
			}
			index[e.ID] = len(out)
			out = append(out, e)
		}
	}
	return out
}
