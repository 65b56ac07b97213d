package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/internal/yamlfile"
)

// RuleSpec is one pattern rule as written in a rule file: what it finds
// (Kind), the pattern, and the examples that show and test it.
type RuleSpec struct {
	// ID names the rule in the output ("meeting.met-with"); a user's rule
	// with the id of a built-in one replaces it.
	ID string `yaml:"id"`
	// Kind is what a match means: meeting, call, talks or visit; setting
	// (where the article takes place); none (a match that blocks the
	// meetings whose trigger it overlaps: "met the target").
	Kind string `yaml:"kind"`
	// Priority breaks ties between overlapping matches of the same length;
	// higher wins.
	Priority int `yaml:"priority"`
	// EachCounterpart makes one meeting per counterpart, each with the
	// participants: "X held phone calls with Y and Z" is two calls.
	EachCounterpart bool `yaml:"each_counterpart"`
	// MinParticipants is the fewest participants a meeting of this rule
	// needs; 0 means the default, two (one for a visit to a place).
	MinParticipants int `yaml:"min_participants"`
	// Doc says what the rule is for.
	Doc string `yaml:"doc"`
	// Pattern is the sequence of elements a match consists of.
	Pattern []Element `yaml:"pattern"`
	// Match are texts the rule must match, with the captures expected.
	Match []Example `yaml:"match"`
	// NoMatch are texts the rule must not match.
	NoMatch []string `yaml:"no_match"`

	node *yaml.Node
}

// Element is one pattern element: one token, one whole entity or date span,
// a group of elements, or a macro. Token tests combine (all must hold).
type Element struct {
	Text   string    `yaml:"text"`   // the word exactly as written
	Lower  string    `yaml:"lower"`  // the word in lower case
	In     Words     `yaml:"in"`     // one of these words, in lower case
	Regex  string    `yaml:"regex"`  // a regular expression matching the whole word
	Tag    string    `yaml:"tag"`    // a regular expression matching the whole POS tag
	Not    bool      `yaml:"not"`    // the token tests must fail (the element still takes one token)
	Entity Words     `yaml:"entity"` // a whole entity span of one of these types (ANY: any type)
	Date   bool      `yaml:"date"`   // a whole date span
	Macro  string    `yaml:"macro"`  // the elements of a macro
	Group  []Element `yaml:"group"`  // a sequence of elements, for operators and captures
	OneOf  []Element `yaml:"one_of"` // one of these elements (the longest match overall wins)
	// Op repeats the element: "?" (optional), "*" (any number), "+" (one or more).
	Op string `yaml:"op"`
	// Capture names the text the element matched; repeated elements add
	// one capture per repetition.
	Capture string `yaml:"capture"`

	node *yaml.Node
}

// Example is a text a rule must match, written with inline marks for the
// entity and date spans the matcher needs: "[Blinken](PERSON) met
// [Lavrov](PERSON) on [Monday](DATE)." Captures lists the texts expected per
// capture name, in order.
type Example struct {
	Text     string           `yaml:"text"`
	Captures map[string]Words `yaml:"captures"`

	node *yaml.Node
}

// Words is a list of strings that may be written as one string.
type Words []string

// UnmarshalYAML accepts a scalar or a sequence of scalars.
func (w *Words) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*w = Words{n.Value}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*w = list
	return nil
}

// Kinds of rule.
const (
	KindMeeting = "meeting"
	KindCall    = "call"
	KindTalks   = "talks"
	KindVisit   = "visit"
	KindSetting = "setting"
	KindNone    = "none"
)

var ruleKinds = []string{KindMeeting, KindCall, KindTalks, KindVisit, KindSetting, KindNone}

// EntityTypes are the types an entity element can ask for.
var EntityTypes = []string{"PERSON", "ORG", "GPE", "LOC", "FAC"}

var ops = map[string][2]int{"": {1, 1}, "?": {0, 1}, "*": {0, -1}, "+": {1, -1}}

var (
	ruleID    = yamlfile.Pattern(`^[a-z0-9][a-z0-9.-]*$`)
	macroName = yamlfile.Pattern(`^[A-Z][A-Z0-9_]*$`)
)

// attachNodes gives the rules, macros and their elements the YAML nodes
// they came from, for positions in messages.
func (f *File) attachNodes(root *yaml.Node) {
	if n := yamlfile.Field(root, "rules"); n != nil && n.Kind == yaml.SequenceNode {
		for i := range f.Rules {
			if i < len(n.Content) {
				r := &f.Rules[i]
				r.node = n.Content[i]
				attachElements(r.Pattern, child(r.node, "pattern"))
				if m := child(r.node, "match"); m != nil {
					for k := range r.Match {
						if k < len(m.Content) {
							r.Match[k].node = m.Content[k]
						}
					}
				}
			}
		}
	}
	if n := yamlfile.Field(root, "macros"); n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if els, ok := f.Macros[n.Content[i].Value]; ok {
				attachElements(els, n.Content[i+1])
			}
		}
	}
}

func attachElements(els []Element, n *yaml.Node) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	for i := range els {
		if i < len(n.Content) {
			els[i].node = n.Content[i]
			attachElements(els[i].Group, child(n.Content[i], "group"))
			attachElements(els[i].OneOf, child(n.Content[i], "one_of"))
		}
	}
}

func position(n *yaml.Node) (line, col int) {
	if n == nil {
		return 0, 0
	}
	return n.Line, n.Column
}

// child returns the value node of key in mapping n, or nil.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// checker collects positioned problems in one file.
type checker struct {
	file string
	errs yamlfile.Errors
}

func (c *checker) at(n *yaml.Node, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	c.errs = append(c.errs, &yamlfile.PositionError{File: c.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// keyNode returns the node of key in mapping n for messages, else n.
func keyNode(n *yaml.Node, key string) *yaml.Node {
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
	}
	return n
}

// checkPatterns checks what can be checked of rules and macros without the
// macros of other files.
func (c *checker) checkPatterns(f *File) {
	ids := map[string]bool{}
	for i := range f.Rules {
		r := &f.Rules[i]
		switch {
		case r.ID == "":
			c.at(r.node, "rule without an id")
		case !ruleID().MatchString(r.ID):
			c.at(keyNode(r.node, "id"), "rule id %q: use lower-case letters, digits, '.' and '-'", r.ID)
		case ids[r.ID]:
			c.at(keyNode(r.node, "id"), "rule id %q is used twice in this file", r.ID)
		}
		ids[r.ID] = true
		if !slices.Contains(ruleKinds, r.Kind) {
			c.at(keyNode(r.node, "kind"), "rule %s: kind %q is not one of %s", r.ID, r.Kind, strings.Join(ruleKinds, ", "))
		}
		if len(r.Pattern) == 0 {
			c.at(r.node, "rule %s: no pattern", r.ID)
		}
		c.checkElements(r.Pattern)
		if len(r.Match) == 0 {
			c.at(r.node, "rule %s: no match: examples (every rule shows at least one text it matches)", r.ID)
		}
		for _, ex := range r.Match {
			if strings.TrimSpace(ex.Text) == "" {
				c.at(ex.node, "rule %s: a match: example without text", r.ID)
				continue
			}
			if _, err := ParseMarked(ex.Text); err != nil {
				c.at(keyNode(ex.node, "text"), "rule %s: %v", r.ID, err)
			}
		}
		for k, text := range r.NoMatch {
			if _, err := ParseMarked(text); err != nil {
				n := child(r.node, "no_match")
				if n != nil && k < len(n.Content) {
					n = n.Content[k]
				}
				c.at(n, "rule %s: %v", r.ID, err)
			}
		}
	}
	for name, els := range f.Macros {
		if !macroName().MatchString(name) {
			c.at(nil, "macro %q: use upper-case letters, digits and '_'", name)
		}
		c.checkElements(els)
	}
}

func (c *checker) checkElements(els []Element) {
	for i := range els {
		e := &els[i]
		units := 0
		if e.Text != "" || e.Lower != "" || len(e.In) > 0 || e.Regex != "" || e.Tag != "" {
			units++
		}
		for _, set := range []bool{len(e.Entity) > 0, e.Date, e.Macro != "", len(e.Group) > 0, len(e.OneOf) > 0} {
			if set {
				units++
			}
		}
		switch {
		case units == 0:
			c.at(e.node, "empty pattern element: give text, lower, in, regex, tag, entity, date, macro, group or one_of")
		case units > 1:
			c.at(e.node, "a pattern element is one token test, entity, date, macro, group or one_of; split it into several elements")
		}
		if e.Not && units == 1 && (len(e.Entity) > 0 || e.Date || e.Macro != "" || len(e.Group) > 0 || len(e.OneOf) > 0) {
			c.at(keyNode(e.node, "not"), "not: applies only to token tests")
		}
		if _, ok := ops[e.Op]; !ok {
			c.at(keyNode(e.node, "op"), "op %q: use ?, * or +", e.Op)
		}
		for _, key := range []string{"regex", "tag"} {
			expr := e.Regex
			if key == "tag" {
				expr = e.Tag
			}
			if expr == "" {
				continue
			}
			if _, err := regexp.Compile(expr); err != nil {
				c.at(keyNode(e.node, key), "%s: %v", key, err)
			}
		}
		for _, t := range e.Entity {
			if t != "ANY" && !slices.Contains(EntityTypes, t) {
				c.at(keyNode(e.node, "entity"), "entity type %q is not one of %s or ANY", t, strings.Join(EntityTypes, ", "))
			}
		}
		if e.Macro != "" && !macroName().MatchString(e.Macro) {
			c.at(keyNode(e.node, "macro"), "macro name %q: use upper-case letters, digits and '_'", e.Macro)
		}
		c.checkElements(e.Group)
		c.checkElements(e.OneOf)
	}
}
