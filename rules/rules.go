// Package rules owns readout's rule files: the lexicons that say how names
// are written in news (titles, the words that end an organization's or a
// place's name, given names), and the pattern rules that find meetings,
// written in a small rule language over tokens, entity spans and date spans
// (see docs/rules.md). Rule files are YAML, embedded as defaults and
// extended by users' files; every pattern rule carries examples that tests
// run.
package rules

import (
	"embed"
	"fmt"
	"os"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/internal/yamlfile"
)

//go:embed data/*.yaml
var builtinFS embed.FS

// File is the shape of one rule file. Every list is optional; lists from
// several files are joined.
type File struct {
	// Titles are offices and forms of address that stand before a person's
	// name ("Foreign Minister", "spokesperson", "Dr."). Matched without
	// regard to case, longest first.
	Titles []string `yaml:"titles"`
	// TitleModifiers may precede a title ("Deputy", "acting", "former").
	TitleModifiers []string `yaml:"title_modifiers"`
	// OrgWords mark a name as an organization's ("Ministry", "Bank", "Inc").
	OrgWords []string `yaml:"org_words"`
	// PlaceWords mark a name as a place's: GPE ("Province", "District"),
	// LOC ("River", "Mountains"), FAC ("Airport", "Bridge", "Checkpoint").
	PlaceWords map[string][]string `yaml:"place_words"`
	// GivenNames are first names: a name starting with one is a person's.
	GivenNames []string `yaml:"given_names"`
	// SurnameFirst are family names written before the given name (Xi
	// Jinping, Kim Jong Un): a name starting with one is a person's.
	SurnameFirst []string `yaml:"surname_first"`
	// FemaleNames and MaleNames are given names borne by women only or by
	// men only: they tell which person "she" or "he" can stand for.
	FemaleNames []string `yaml:"female_names"`
	MaleNames   []string `yaml:"male_names"`
	// NotNames are capitalized words that never begin or make up a name
	// on their own: weekdays, months, sentence-initial function words.
	NotNames []string `yaml:"not_names"`
	// EventWords make a name an event's, a competition's or a prize's
	// ("World Cup", "Nobel Prize"): not an actor or a location.
	EventWords []string `yaml:"event_words"`
	// PersonContext are words right before or after a capitalized name
	// that show it is a person's ("said", "told", "Mr.").
	PersonContext []string `yaml:"person_context"`
	// PlaceContext are prepositions after which a bare name is most likely
	// a place ("in", "near").
	PlaceContext []string `yaml:"place_context"`
	// ReportingVerbs introduce speech or writing ("said", "told", "wrote",
	// "warned"), in every form that attributes a quote.
	ReportingVerbs []string `yaml:"reporting_verbs"`
	// TitleCues are words right before a quotation mark that make the quoted
	// words a name, not speech ("titled", "dubbed", "hashtag").
	TitleCues []string `yaml:"title_cues"`
	// SourceDocuments are the things a statement is issued in ("statement",
	// "readout"): in "a statement from X" the speaker is X.
	SourceDocuments []string `yaml:"source_documents"`
	// WorkWords name kinds of creative work; the capitalized words right
	// after one are a title ("the novel Beloved", "her collection Journey
	// to Tatev"), not an actor or a place.
	WorkWords []string `yaml:"work_words"`
	// FieldWords end the name of a field of study ("Near Eastern Studies",
	// "Political Science"): such a name alone is neither actor nor place.
	FieldWords []string `yaml:"field_words"`
	// PostNominals follow a person's name without being part of it ("Ian
	// MacDonald QC", "Jane Smith MP").
	PostNominals []string `yaml:"post_nominals"`
	// Macros are named sequences of pattern elements that rules use with
	// "macro: NAME".
	Macros map[string][]Element `yaml:"macros"`
	// Rules are pattern rules.
	Rules []RuleSpec `yaml:"rules"`

	name string
	data []byte
}

// Set is the merged content of rule files, ready for use. It is immutable
// and safe for concurrent use.
type Set struct {
	Titles         []string
	TitleModifiers map[string]bool
	OrgWords       map[string]bool
	PlaceWords     map[string]string // normalized word -> GPE, LOC or FAC
	GivenNames     map[string]bool
	SurnameFirst   map[string]bool
	FemaleNames    map[string]bool
	MaleNames      map[string]bool
	NotNames       map[string]bool
	EventWords     map[string]bool
	PersonContext  map[string]bool
	PlaceContext   map[string]bool
	ReportingVerbs map[string]bool
	TitleCues      map[string]bool
	// SourceDocuments: see File.SourceDocuments.
	SourceDocuments map[string]bool
	WorkWords       map[string]bool
	FieldWords      map[string]bool
	PostNominals    map[string]bool
	// Rules are the pattern rules, built-in first; a user's rule with the id
	// of an earlier one replaces it.
	Rules []*Rule
}

// Load reads the built-in rule files (unless noBuiltin) and then each path,
// a file or a folder of .yaml files, and merges them into a Set.
func Load(paths []string, noBuiltin bool) (*Set, error) {
	var files []File
	if !noBuiltin {
		b, err := builtinFiles()
		if err != nil {
			return nil, err
		}
		files = append(files, b...)
	}
	for _, p := range paths {
		fs, err := LoadPath(p)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	macros, err := builtinMacros()
	if err != nil {
		return nil, err
	}
	s := compile(files)
	if s.Rules, err = compileRules(files, macros); err != nil {
		return nil, err
	}
	return s, nil
}

var builtinFiles = sync.OnceValues(loadBuiltin)

// LoadPath reads a rule file, or every .yaml/.yml file below a folder.
func LoadPath(path string) ([]File, error) {
	paths, err := yamlfile.Paths(path)
	if err != nil {
		return nil, err
	}
	var files []File
	var errs yamlfile.Errors
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := Parse(p, b)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return files, nil
}

var placeTypes = map[string]bool{"GPE": true, "LOC": true, "FAC": true}

// Parse decodes and checks one rule file; name is used in messages, which
// read file:line:col: message followed by the offending line.
func Parse(name string, data []byte) (File, error) {
	f, err := parse(name, data)
	if err != nil {
		return File{}, yamlfile.WithSource(err, data)
	}
	return f, nil
}

func parse(name string, data []byte) (File, error) {
	var f File
	root, err := yamlfile.Decode(name, data, &f)
	if err != nil {
		return File{}, err
	}
	f.name, f.data = name, data
	f.attachNodes(root)
	var errs yamlfile.Errors
	check := func(key string, node *yaml.Node, list []string) {
		for i, s := range list {
			if strings.TrimSpace(s) != "" {
				continue
			}
			line, col := 0, 0
			if node != nil && i < len(node.Content) {
				line, col = node.Content[i].Line, node.Content[i].Column
			}
			errs = append(errs, &yamlfile.PositionError{File: name, Line: line, Col: col, Msg: key + ": empty entry"})
		}
	}
	check("titles", yamlfile.Field(root, "titles"), f.Titles)
	check("title_modifiers", yamlfile.Field(root, "title_modifiers"), f.TitleModifiers)
	check("org_words", yamlfile.Field(root, "org_words"), f.OrgWords)
	check("given_names", yamlfile.Field(root, "given_names"), f.GivenNames)
	check("surname_first", yamlfile.Field(root, "surname_first"), f.SurnameFirst)
	check("female_names", yamlfile.Field(root, "female_names"), f.FemaleNames)
	check("male_names", yamlfile.Field(root, "male_names"), f.MaleNames)
	check("not_names", yamlfile.Field(root, "not_names"), f.NotNames)
	check("event_words", yamlfile.Field(root, "event_words"), f.EventWords)
	check("person_context", yamlfile.Field(root, "person_context"), f.PersonContext)
	check("place_context", yamlfile.Field(root, "place_context"), f.PlaceContext)
	check("reporting_verbs", yamlfile.Field(root, "reporting_verbs"), f.ReportingVerbs)
	check("title_cues", yamlfile.Field(root, "title_cues"), f.TitleCues)
	check("source_documents", yamlfile.Field(root, "source_documents"), f.SourceDocuments)
	check("work_words", yamlfile.Field(root, "work_words"), f.WorkWords)
	check("field_words", yamlfile.Field(root, "field_words"), f.FieldWords)
	check("post_nominals", yamlfile.Field(root, "post_nominals"), f.PostNominals)
	if node := yamlfile.Field(root, "place_words"); node != nil {
		for i := 0; i+1 < len(node.Content); i += 2 {
			k := node.Content[i]
			if !placeTypes[k.Value] {
				errs = append(errs, &yamlfile.PositionError{File: name, Line: k.Line, Col: k.Column,
					Msg: fmt.Sprintf("place_words: %q is not GPE, LOC or FAC", k.Value)})
			}
		}
	}
	c := &checker{file: name}
	c.checkPatterns(&f)
	errs = append(errs, c.errs...)
	if len(errs) > 0 {
		return File{}, errs
	}
	return f, nil
}

func compile(files []File) *Set {
	givenNames := 0
	for _, f := range files {
		givenNames += len(f.GivenNames)
	}
	s := &Set{
		TitleModifiers: map[string]bool{},
		OrgWords:       map[string]bool{},
		PlaceWords:     map[string]string{},
		GivenNames:     make(map[string]bool, givenNames), // thousands: no rehashing

		SurnameFirst:    map[string]bool{},
		FemaleNames:     map[string]bool{},
		MaleNames:       map[string]bool{},
		NotNames:        map[string]bool{},
		EventWords:      map[string]bool{},
		PersonContext:   map[string]bool{},
		PlaceContext:    map[string]bool{},
		ReportingVerbs:  map[string]bool{},
		TitleCues:       map[string]bool{},
		SourceDocuments: map[string]bool{},
		WorkWords:       map[string]bool{},
		FieldWords:      map[string]bool{},
		PostNominals:    map[string]bool{},
	}
	seenTitle := map[string]bool{}
	for _, f := range files {
		for _, t := range f.Titles {
			if k := key(t); !seenTitle[k] {
				seenTitle[k] = true
				s.Titles = append(s.Titles, t)
			}
		}
		addAll(s.TitleModifiers, f.TitleModifiers)
		addAll(s.OrgWords, f.OrgWords)
		addAll(s.GivenNames, f.GivenNames)
		addAll(s.SurnameFirst, f.SurnameFirst)
		addAll(s.FemaleNames, f.FemaleNames)
		addAll(s.MaleNames, f.MaleNames)
		addAll(s.NotNames, f.NotNames)
		addAll(s.EventWords, f.EventWords)
		addAll(s.PersonContext, f.PersonContext)
		addAll(s.PlaceContext, f.PlaceContext)
		addAll(s.ReportingVerbs, f.ReportingVerbs)
		addAll(s.TitleCues, f.TitleCues)
		addAll(s.SourceDocuments, f.SourceDocuments)
		addAll(s.WorkWords, f.WorkWords)
		addAll(s.FieldWords, f.FieldWords)
		addAll(s.PostNominals, f.PostNominals)
		for typ, words := range f.PlaceWords {
			for _, w := range words {
				s.PlaceWords[key(w)] = typ
			}
		}
	}
	return s
}

// addAll adds the keys of words to m. The keys share one allocation: the
// built-in lexicons hold thousands of words, nearly all in ASCII.
func addAll(m map[string]bool, words []string) {
	size := 0
	for _, w := range words {
		size += len(w)
	}
	var b strings.Builder
	b.Grow(size)
	ends := make([]int, 0, len(words))
	for _, w := range words {
		if !isASCII(w) {
			b.WriteString(key(w))
		} else {
			// key's work for ASCII: trim, and lower the letters.
			for _, c := range []byte(strings.TrimSpace(w)) {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		}
		ends = append(ends, b.Len())
	}
	keys, start := b.String(), 0
	for _, end := range ends {
		m[keys[start:end]] = true
		start = end
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// key is the form lexicon words are compared in: lower case, curly
// apostrophes straight.
func key(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "\u2019", "'"))
}
