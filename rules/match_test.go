package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/readout/readout/rules"
)

// set loads the given rules alone (with the built-in macros).
func set(t *testing.T, yaml string) *rules.Set {
	t.Helper()
	path := t.TempDir() + "/r.yaml"
	writeFile(t, path, yaml)
	s, err := rules.Load([]string{path}, true)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// matches returns "rule[captures]" for each match in a marked text.
func matches(t *testing.T, s *rules.Set, text string) string {
	t.Helper()
	m, err := rules.ParseMarked(text)
	if err != nil {
		t.Fatal(err)
	}
	sent, words, err := m.Sentence()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, match := range s.Match(sent) {
		var caps []string
		for _, c := range match.Captures {
			caps = append(caps, c.Name+"="+m.Text[words[c.Start].Start:words[c.End-1].End])
		}
		out = append(out, fmt.Sprintf("%s[%s]", match.Rule.ID, strings.Join(caps, " ")))
	}
	return strings.Join(out, " ")
}

func rule(id, kind, extra, pattern string) string {
	return fmt.Sprintf("  - id: %s\n    kind: %s\n%s    pattern:\n%s    match: [{text: x}]\n", id, kind, extra, pattern)
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name, rules, text, want string
	}{
		{
			name:  "literal, lower case and in",
			rules: rule("a", "meeting", "", "      - {text: Met, capture: x}\n      - {lower: with}\n      - {in: [him, her], capture: y}\n"),
			text:  "Met WITH her. met with him. Met with them.",
			want:  "a[x=Met y=her]",
		},
		{
			name:  "regex and tag combine",
			rules: rule("a", "meeting", "", "      - {regex: '[A-Z].*', tag: 'NNP', capture: x}\n      - {tag: 'VB.*'}\n"),
			text:  "Yesterday Smith arrived.",
			want:  "a[x=Smith]",
		},
		{
			name:  "not",
			rules: rule("a", "meeting", "", "      - {lower: met}\n      - {in: [the, a], not: true, capture: x}\n"),
			text:  "He met the team and met Jones.",
			want:  "a[x=Jones]",
		},
		{
			name:  "entity spans are whole units",
			rules: rule("a", "meeting", "", "      - {entity: [PERSON], capture: x}\n      - {lower: met}\n"),
			text:  "[Ararat Mirzoyan](PERSON) met [Blinken](ORG) met.",
			want:  "a[x=Ararat Mirzoyan]",
		},
		{
			name:  "ANY entity and dates",
			rules: rule("a", "meeting", "", "      - {entity: ANY, capture: x}\n      - {lower: on}\n      - {date: true, capture: d}\n"),
			text:  "They met in [Prague](GPE) on [October 6](DATE).",
			want:  "a[x=Prague d=October 6]",
		},
		{
			name:  "optional, star and plus with repeated captures",
			rules: rule("a", "meeting", "", "      - {entity: PERSON, capture: p}\n      - group:\n          - {in: [',', and]}\n          - {entity: PERSON, capture: p}\n        op: '+'\n      - {tag: RB, op: '*'}\n      - {lower: met}\n      - {lower: up, op: '?'}\n"),
			text:  "[Ann](PERSON), [Bob](PERSON) and [Cy](PERSON) finally met up. [Dee](PERSON) met.",
			want:  "a[p=Ann p=Bob p=Cy]",
		},
		{
			name:  "one_of",
			rules: rule("a", "call", "", "      - one_of:\n          - {lower: phoned}\n          - group: [{lower: spoke}, {lower: by}, {lower: phone}]\n        capture: t\n"),
			text:  "She phoned and spoke by phone.",
			want:  "a[t=phoned] a[t=spoke by phone]",
		},
		{
			name: "longest match wins over priority",
			rules: rule("short", "meeting", "    priority: 5\n", "      - {lower: met, capture: t}\n") +
				rule("long", "meeting", "", "      - {lower: met, capture: t}\n      - {lower: with}\n"),
			text: "They met with us.",
			want: "long[t=met]",
		},
		{
			name: "then priority, then the earlier rule",
			rules: rule("first", "meeting", "", "      - {lower: met, capture: t}\n") +
				rule("second", "meeting", "    priority: 1\n", "      - {lower: met, capture: t}\n") +
				rule("third", "talks", "", "      - {lower: talks, capture: t}\n") +
				rule("fourth", "talks", "", "      - {lower: talks, capture: t}\n"),
			text: "They met for talks.",
			want: "second[t=met] third[t=talks]",
		},
		{
			name: "none blocks the events whose trigger it overlaps",
			rules: rule("meet", "meeting", "", "      - {entity: ORG}\n      - {lower: met, capture: trigger}\n") +
				rule("target", "none", "", "      - {lower: met, capture: trigger}\n      - {lower: its}\n      - {lower: target}\n"),
			text: "[Apple](ORG) met its target. [Ford](ORG) met.",
			want: "meet[trigger=met]",
		},
		{
			name: "settings do not compete with events",
			rules: rule("meet", "meeting", "", "      - {lower: met}\n      - {lower: in}\n      - {entity: GPE, capture: place}\n") +
				rule("where", "setting", "", "      - {lower: in}\n      - {entity: GPE, capture: place}\n"),
			text: "They met in [Paris](GPE).",
			want: "meet[place=Paris] where[place=Paris]",
		},
		{
			name:  "macros",
			rules: rule("a", "meeting", "", "      - {macro: ACTORS, capture: p}\n      - {macro: MEET, capture: t}\n"),
			text:  "[Armenia](GPE) and [Azerbaijan](GPE) met.",
			want:  "a[p=Armenia and Azerbaijan t=met]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := set(t, "rules:\n"+tt.rules)
			if got := matches(t, s, tt.text); got != tt.want {
				t.Errorf("matches in %q:\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestPatternErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"no id", "rules:\n  - kind: meeting\n    pattern: [{lower: met}]\n    match: [{text: met}]\n", "r.yaml:2:5: rule without an id"},
		{"bad id", "rules:\n  - id: Meeting One\n    kind: meeting\n    pattern: [{lower: met}]\n    match: [{text: met}]\n", `r.yaml:2:9: rule id "Meeting One": use lower-case letters, digits, '.' and '-'`},
		{"id twice", "rules:\n  - id: a\n    kind: meeting\n    pattern: [{lower: met}]\n    match: [{text: met}]\n  - id: a\n    kind: meeting\n    pattern: [{lower: met}]\n    match: [{text: met}]\n", `r.yaml:6:9: rule id "a" is used twice in this file`},
		{"no pattern, no examples", "rules:\n  - id: a\n    kind: meeting\n", "r.yaml:2:5: rule a: no pattern\nr.yaml:2:5: rule a: no match: examples (every rule shows at least one text it matches)"},
		{"empty element", "rules:\n  - id: a\n    kind: call\n    pattern: [{op: '?'}]\n    match: [{text: x}]\n", "r.yaml:4:15: empty pattern element: give text, lower, in, regex, tag, entity, date, macro, group or one_of"},
		{"not on an entity", "rules:\n  - id: a\n    kind: call\n    pattern: [{entity: ORG, not: true}]\n    match: [{text: x}]\n", "r.yaml:4:34: not: applies only to token tests"},
		{"bad entity type", "rules:\n  - id: a\n    kind: call\n    pattern: [{entity: [PERSON, PER]}]\n    match: [{text: x}]\n", `r.yaml:4:24: entity type "PER" is not one of PERSON, ORG, GPE, LOC, FAC or ANY`},
		{"bad tag", "rules:\n  - id: a\n    kind: call\n    pattern: [{tag: 'VB['}]\n    match: [{text: x}]\n", "r.yaml:4:21: tag: error parsing regexp: missing closing ]: `[`"},
		{"unknown key in an element", "rules:\n  - id: a\n    kind: call\n    pattern: [{lowercase: met}]\n    match: [{text: x}]\n", `r.yaml:4:16: unknown key "lowercase"`},
		{"bad mark", "rules:\n  - id: a\n    kind: call\n    pattern: [{lower: met}]\n    match: [{text: 'x'}]\n    no_match: ['[Ann](PERSON met']\n", `r.yaml:6:16: rule a: mark "[Ann](PERSON met" has no closing ')'`},
		{"bad macro name", "macros:\n  actor: [{entity: PERSON}]\n", `r.yaml: macro "actor": use upper-case letters, digits and '_'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.Parse("r.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse succeeded, want %q", tt.want)
			}
			if got := withoutSource(err.Error()); got != tt.want {
				t.Errorf("Parse error:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestUnknownMacro(t *testing.T) {
	path := t.TempDir() + "/r.yaml"
	writeFile(t, path, "macros:\n  A: [{macro: B}]\n  B: [{macro: A}]\nrules:\n  - id: a\n    kind: call\n    pattern: [{macro: A}, {macro: C}]\n    match: [{text: x}]\n")
	_, err := rules.Load([]string{path}, true)
	if err == nil {
		t.Fatal("Load succeeded")
	}
	got := withoutSource(err.Error())
	for _, want := range []string{`r.yaml:3:15: macro "A" uses itself`, `r.yaml:7:35: unknown macro "C"`} {
		if !strings.Contains(got, want) {
			t.Errorf("error %q lacks %q", got, want)
		}
	}
}

func TestParseMarked(t *testing.T) {
	m, err := rules.ParseMarked("[Ann Lee](PERSON) met [Bo](PERSON) on [May 3](DATE) [sic].")
	if err != nil {
		t.Fatal(err)
	}
	if m.Text != "Ann Lee met Bo on May 3 [sic]." {
		t.Errorf("text %q", m.Text)
	}
	want := []rules.MarkedSpan{{Start: 0, End: 7, Type: "PERSON"}, {Start: 12, End: 14, Type: "PERSON"}, {Start: 18, End: 23, Type: "DATE"}}
	if fmt.Sprint(m.Spans) != fmt.Sprint(want) {
		t.Errorf("spans %v, want %v", m.Spans, want)
	}
	for _, bad := range []string{"[Ann](PERS)", "[](PERSON)", "[Ann](PERSON"} {
		if _, err := rules.ParseMarked(bad); err == nil {
			t.Errorf("ParseMarked(%q) succeeded", bad)
		}
	}
}

func TestUserRuleReplacesBuiltin(t *testing.T) {
	path := t.TempDir() + "/r.yaml"
	writeFile(t, path, "rules:\n  - id: meeting.met\n    kind: talks\n    pattern: [{lower: conclave, capture: trigger}]\n    match: [{text: a conclave}]\n")
	s, err := rules.Load([]string{path}, false)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range s.Rules {
		if r.ID == "meeting.met" {
			n++
			if r.Kind != "talks" || r.File != path {
				t.Errorf("meeting.met is %s from %s, want the user's talks rule", r.Kind, r.File)
			}
		}
	}
	if n != 1 {
		t.Errorf("meeting.met is there %d times, want once", n)
	}
}
