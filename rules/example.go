package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"

	"github.com/readout/readout/internal/tokens"
)

// Marked is an example text with its inline marks taken out.
type Marked struct {
	Text string
	// Spans are the marked stretches, byte offsets into Text.
	Spans []MarkedSpan
}

// MarkedSpan is one stretch marked "[words](TYPE)".
type MarkedSpan struct {
	Start, End int
	Type       string
}

var markTypes = append(slices.Clone(EntityTypes), "DATE", "TIME")

// ParseMarked reads an example text in which entity and date spans are
// marked "[words](TYPE)", TYPE one of PERSON, ORG, GPE, LOC, FAC, DATE and
// TIME. A "[" not followed by "](" is text.
func ParseMarked(s string) (Marked, error) {
	var b strings.Builder
	var m Marked
	for {
		open := strings.IndexByte(s, '[')
		if open < 0 {
			break
		}
		mid := strings.Index(s[open:], "](")
		if mid < 0 {
			break
		}
		mid += open
		end := strings.IndexByte(s[mid:], ')')
		if end < 0 {
			return Marked{}, fmt.Errorf("mark %q has no closing ')'", s[open:])
		}
		end += mid
		typ := s[mid+2 : end]
		if !slices.Contains(markTypes, typ) {
			return Marked{}, fmt.Errorf("mark %q: type %q is not one of %s", s[open:end+1], typ, strings.Join(markTypes, ", "))
		}
		words := s[open+1 : mid]
		if strings.TrimSpace(words) == "" || strings.ContainsAny(words, "[]") {
			return Marked{}, fmt.Errorf("mark %q: nothing or a bracket between [ and ]", s[open:end+1])
		}
		b.WriteString(s[:open])
		start := b.Len()
		b.WriteString(words)
		m.Spans = append(m.Spans, MarkedSpan{Start: start, End: b.Len(), Type: typ})
		s = s[end+1:]
	}
	b.WriteString(s)
	m.Text = b.String()
	return m, nil
}

var tagger = sync.OnceValues(func() (*tag.Tagger, error) { return tag.New() })

// Sentence makes the matcher's input from a marked text: its words with
// part-of-speech tags, and the marks as annotations. It also returns the
// words' byte offsets.
func (m Marked) Sentence() (Sentence, []tokens.Word, error) {
	words := tokens.Split(m.Text)
	tg, err := tagger()
	if err != nil {
		return Sentence{}, nil, fmt.Errorf("loading the part-of-speech model: %w", err)
	}
	toks := make([]token.Token, len(words))
	for i, w := range words {
		toks[i] = token.Token{Text: w.Text, Start: w.Start}
	}
	tg.TagTokens(toks)
	s := Sentence{Tokens: make([]Token, len(words))}
	for i, w := range words {
		s.Tokens[i] = Token{Text: w.Text, Tag: toks[i].Tag}
	}
	for _, sp := range m.Spans {
		start, end := -1, -1
		for i, w := range words {
			if start < 0 && w.Start >= sp.Start {
				start = i
			}
			if w.End <= sp.End {
				end = i + 1
			}
		}
		if start >= 0 && end > start {
			s.Annotations = append(s.Annotations, Annotation{Start: start, End: end, Type: sp.Type})
		}
	}
	return s, words, nil
}

// Failure is an example a rule does not pass.
type Failure struct {
	Rule *Rule
	// Line and Col locate the example in the rule's file.
	Line, Col int
	Text      string
	Problem   string
}

func (f Failure) Error() string {
	return fmt.Sprintf("%s:%d:%d: rule %s: %s\n    %s", f.Rule.File, f.Line, f.Col, f.Rule.ID, f.Problem, f.Text)
}

// TestExamples runs the examples of rule r against the whole set, as the
// extractor would (other rules may win over r or block it), and returns
// the examples r fails.
func (s *Set) TestExamples(r *Rule) ([]Failure, error) {
	var fails []Failure
	fail := func(line, col int, text, format string, args ...any) {
		fails = append(fails, Failure{Rule: r, Line: line, Col: col, Text: text, Problem: fmt.Sprintf(format, args...)})
	}
	for _, ex := range r.Spec.Match {
		line, col := position(ex.node)
		got, err := s.exampleMatches(r, ex.Text)
		if err != nil {
			return nil, err
		}
		if len(got) == 0 {
			fail(line, col, ex.Text, "does not match%s", s.whyNot(r, ex.Text))
			continue
		}
		ok := false
		for _, caps := range got {
			if capturesAgree(ex.Captures, caps) {
				ok = true
				break
			}
		}
		if !ok {
			fail(line, col, ex.Text, "matches with %s, want %s", formatCaptures(got[0], ex.Captures), formatCaptures(ex.Captures, ex.Captures))
		}
	}
	noMatch := child(r.Spec.node, "no_match")
	for k, text := range r.Spec.NoMatch {
		line, col := position(r.Spec.node)
		if noMatch != nil && k < len(noMatch.Content) {
			line, col = position(noMatch.Content[k])
		}
		got, err := s.exampleMatches(r, text)
		if err != nil {
			return nil, err
		}
		if len(got) > 0 {
			fail(line, col, text, "matches (%s) but must not", formatCaptures(got[0], nil))
		}
	}
	return fails, nil
}

// whyNot names the rules that win over r, or block it, in a text where r
// alone matches.
func (s *Set) whyNot(r *Rule, text string) string {
	m, err := ParseMarked(text)
	if err != nil {
		return ""
	}
	sent, _, err := m.Sentence()
	if err != nil {
		return ""
	}
	alone := (&Set{Rules: []*Rule{r}}).match(sent, true)
	if len(alone) == 0 {
		return ""
	}
	var winners []string
	for _, w := range s.match(sent, true) {
		for _, a := range alone {
			if w.Rule.ID == r.ID || w.Start >= a.End || a.Start >= w.End || slices.Contains(winners, w.Rule.ID) {
				continue
			}
			why := "wins over it (longer)"
			switch {
			case w.Rule.Kind == KindNone:
				why = "blocks its trigger"
			case w.End-w.Start == a.End-a.Start && w.Rule.Priority > r.Priority:
				why = "wins over it (higher priority)"
			case w.End-w.Start == a.End-a.Start:
				why = "wins over it (same length and priority, loaded first)"
			}
			winners = append(winners, w.Rule.ID+" "+why)
		}
	}
	if len(winners) == 0 {
		return ""
	}
	return ": it matches alone, but " + strings.Join(winners, "; ")
}

// exampleMatches returns the captured texts of each match of r in a marked
// text.
func (s *Set) exampleMatches(r *Rule, text string) ([]map[string]Words, error) {
	m, err := ParseMarked(text)
	if err != nil {
		return nil, err
	}
	sent, words, err := m.Sentence()
	if err != nil {
		return nil, err
	}
	var out []map[string]Words
	for _, match := range s.match(sent, true) {
		if match.Rule.ID != r.ID {
			continue
		}
		caps := map[string]Words{}
		for _, c := range match.Captures {
			caps[c.Name] = append(caps[c.Name], m.Text[words[c.Start].Start:words[c.End-1].End])
		}
		out = append(out, caps)
	}
	return out, nil
}

func capturesAgree(want, got map[string]Words) bool {
	for name, texts := range want {
		if !slices.Equal(texts, got[name]) {
			return false
		}
	}
	return true
}

// formatCaptures writes the captures of caps, only those named in want
// when want is given, in name order.
func formatCaptures(caps, want map[string]Words) string {
	var names []string
	for name := range caps {
		if _, ok := want[name]; ok || want == nil {
			names = append(names, name)
		}
	}
	for name := range want {
		if _, ok := caps[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return "no captures"
	}
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = fmt.Sprintf("%s: %q", name, []string(caps[name]))
	}
	return strings.Join(parts, ", ")
}
