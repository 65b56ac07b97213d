package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/rules"
)

// FuzzParse checks that no rule file, however broken, makes the loader or
// the matcher panic, and that every error names the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"rules:\n  - id: a\n    kind: meeting\n    pattern: [{entity: PERSON, capture: participants}, {lower: met, capture: trigger}, {entity: PERSON, capture: participants}]\n    match: [{text: '[A](PERSON) met [B](PERSON)'}]\n",
		"macros:\n  X: [{macro: X}]\nrules:\n  - id: b\n    kind: call\n    pattern: [{macro: X, op: '*'}]\n    match: [{text: x}]\n",
		"rules:\n  - id: c\n    kind: none\n    pattern: [{group: [{tag: 'VB.*', op: '?'}], op: '+'}, {one_of: [{date: true}, {regex: '('}]}]\n    match: [{text: '[x](DATE'}]\n",
		"rules: [\n",
		"titles: [President]\nrules: {id: x}\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := rules.Parse("f.yaml", data); err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "f.yaml") {
				t.Fatalf("error %q does not start with the file name", msg)
			}
			return
		}
		path := filepath.Join(t.TempDir(), "f.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := rules.Load([]string{path}, true)
		if err != nil {
			return // an unknown or self-using macro
		}
		for _, r := range s.Rules {
			if _, err := s.TestExamples(r); err != nil {
				t.Fatalf("examples of an accepted file: %v", err)
			}
		}
	})
}

// FuzzParseMarked checks that marked example texts never panic and that
// every span lies inside the text.
func FuzzParseMarked(f *testing.F) {
	for _, s := range []string{"[Ann](PERSON) met [Bo](ORG) on [May 3](DATE).", "[x](", "[](GPE)", "a [b] c](PERSON)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := rules.ParseMarked(s)
		if err != nil {
			return
		}
		for _, sp := range m.Spans {
			if sp.Start < 0 || sp.End > len(m.Text) || sp.Start >= sp.End {
				t.Fatalf("span %+v outside %q", sp, m.Text)
			}
		}
		if _, _, err := m.Sentence(); err != nil {
			t.Fatal(err)
		}
	})
}
