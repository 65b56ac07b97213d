package rules

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/readout/readout/internal/tokens"
	"github.com/readout/readout/internal/yamlfile"
)

// Rule is a compiled pattern rule, ready to match.
type Rule struct {
	ID              string
	Kind            string
	Priority        int
	EachCounterpart bool
	MinParticipants int
	// Spec is the rule as written, with its examples.
	Spec RuleSpec
	// File is the rule file the rule came from.
	File    string
	pattern []*node
	order   int
	// anchors are words one of which every match contains; nil when the
	// pattern has no such words. Sentences without them are skipped.
	anchors map[string]bool
}

// node is one compiled pattern element.
type node struct {
	test     func(Token) bool // a token test, or nil
	words    map[string]bool  // the words a token test requires, or nil
	entity   map[string]bool  // entity types; an empty map means any type
	isEntity bool
	date     bool
	group    []*node
	oneOf    []*node
	min, max int // max < 0: unbounded
	capture  string
}

// Token is one word of a sentence as the matcher sees it.
type Token struct {
	Text string
	// Tag is the word's Penn Treebank part-of-speech tag.
	Tag string
	key string
}

// Annotation marks tokens [Start, End) of a sentence as an entity (Type
// PERSON, ORG, GPE, LOC or FAC) or a date (Type DATE or TIME). Entity and
// date elements match whole annotations only.
type Annotation struct {
	Start, End int
	Type       string
}

// Sentence is the matcher's input: tokens with their tags, and the entity
// and date spans found in them.
type Sentence struct {
	Tokens      []Token
	Annotations []Annotation
}

// Match is one match of a rule: tokens [Start, End) and the captures.
type Match struct {
	Rule       *Rule
	Start, End int
	Captures   []Capture
}

// Capture is a named stretch of a match, tokens [Start, End).
type Capture struct {
	Name       string
	Start, End int
}

// Captured returns the captures called name, in text order.
func (m Match) Captured(name string) []Capture {
	var out []Capture
	for _, c := range m.Captures {
		if c.Name == name {
			out = append(out, c)
		}
	}
	return out
}

// isDateType reports whether an annotation type is one a date element takes.
func isDateType(t string) bool { return t == "DATE" || t == "TIME" }

// compiler turns rule specs into rules, expanding macros.
type compiler struct {
	macros map[string]macro
	check  *checker
	// expanded are the compiled macros, shared by the rules that use
	// them: a compiled pattern is never changed.
	expanded map[string][]*node
}

type macro struct {
	elements []Element
	file     string
}

func (c *compiler) compile(file string, els []Element, expanding []string) []*node {
	var out []*node
	for i := range els {
		e := &els[i]
		bounds := ops[e.Op]
		n := &node{min: bounds[0], max: bounds[1], capture: e.Capture}
		switch {
		case len(e.Entity) > 0:
			n.isEntity = true
			n.entity = map[string]bool{}
			for _, t := range e.Entity {
				if t != "ANY" {
					n.entity[t] = true
				}
			}
		case e.Date:
			n.date = true
		case e.Macro != "":
			m, ok := c.macros[e.Macro]
			if !ok {
				c.check.file = file
				c.check.at(keyNode(e.node, "macro"), "unknown macro %q", e.Macro)
				continue
			}
			if slices.Contains(expanding, e.Macro) {
				c.check.file = file
				c.check.at(keyNode(e.node, "macro"), "macro %q uses itself", e.Macro)
				continue
			}
			if group, ok := c.expanded[e.Macro]; ok {
				n.group = group
			} else {
				errs := len(c.check.errs)
				n.group = c.compile(m.file, m.elements, append(expanding, e.Macro))
				// A macro that compiles without errors here does so
				// wherever it is used.
				if len(c.check.errs) == errs {
					c.expanded[e.Macro] = n.group
				}
			}
		case len(e.Group) > 0:
			n.group = c.compile(file, e.Group, expanding)
		case len(e.OneOf) > 0:
			n.oneOf = c.compile(file, e.OneOf, expanding)
		default:
			in := wordSet(e.In)
			n.test = tokenTest(e, in)
			n.words = requiredWords(e, in)
		}
		out = append(out, n)
	}
	return out
}

// pennTags are the Penn Treebank tags prose's tagger gives.
var pennTags = strings.Fields("CC CD DT EX FW IN JJ JJR JJS LS MD NN NNS NNP NNPS PDT POS PRP PRP$ RB RBR RBS RP SYM TO UH " +
	"VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB , . : ( ) `` '' # $ -LRB- -RRB-")

// wordSet returns the keys of words, or nil when there are none.
func wordSet(words []string) map[string]bool {
	if len(words) == 0 {
		return nil
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[tokens.Normalize(w)] = true
	}
	return set
}

// requiredWords returns the words one of which a token test requires, or
// nil when it does not require given words; in is wordSet(e.In).
func requiredWords(e *Element, in map[string]bool) map[string]bool {
	switch {
	case e.Not:
		return nil
	case e.Lower != "":
		return map[string]bool{tokens.Normalize(e.Lower): true}
	}
	return in
}

// anchorsOf returns words one of which every match of nodes contains: those
// of the first required element that requires words.
func anchorsOf(nodes []*node) map[string]bool {
	for _, n := range nodes {
		if n.min == 0 {
			continue
		}
		var a map[string]bool
		switch {
		case n.words != nil:
			a = n.words
		case n.group != nil:
			a = anchorsOf(n.group)
		case n.oneOf != nil:
			a = map[string]bool{}
			for _, alt := range n.oneOf {
				sub := anchorsOf([]*node{alt})
				if sub == nil {
					a = nil
					break
				}
				for w := range sub {
					a[w] = true
				}
			}
		}
		if a != nil {
			return a
		}
	}
	return nil
}

// Patterns repeat across rules and macros: each is compiled once.
var (
	wholeWords sync.Map // pattern -> *regexp.Regexp
	tagTests   sync.Map // pattern -> *tagSet
)

type tagSet struct {
	re    *regexp.Regexp
	known map[string]bool // the Penn Treebank tags, decided once
}

// wholeWord compiles pattern to match a whole word. Patterns were checked
// when their file was read.
func wholeWord(pattern string) *regexp.Regexp {
	if re, ok := wholeWords.Load(pattern); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile("^(?:" + pattern + ")$")
	wholeWords.Store(pattern, re)
	return re
}

// tagTest compiles a tag pattern and decides it for the tagger's tags,
// which are few.
func tagTest(pattern string) (*regexp.Regexp, map[string]bool) {
	if ts, ok := tagTests.Load(pattern); ok {
		t := ts.(*tagSet)
		return t.re, t.known
	}
	re := wholeWord(pattern)
	known := make(map[string]bool, len(pennTags))
	for _, tag := range pennTags {
		known[tag] = re.MatchString(tag)
	}
	tagTests.Store(pattern, &tagSet{re: re, known: known})
	return re, known
}

// tokenTest compiles the token tests of e; in is wordSet(e.In).
func tokenTest(e *Element, in map[string]bool) func(Token) bool {
	var tests []func(Token) bool
	if e.Text != "" {
		text := e.Text
		tests = append(tests, func(t Token) bool { return t.Text == text })
	}
	if e.Lower != "" {
		key := tokens.Normalize(e.Lower)
		tests = append(tests, func(t Token) bool { return t.key == key })
	}
	if in != nil {
		tests = append(tests, func(t Token) bool { return in[t.key] })
	}
	if e.Regex != "" {
		re := wholeWord(e.Regex)
		tests = append(tests, func(t Token) bool { return re.MatchString(t.Text) })
	}
	if e.Tag != "" {
		re, known := tagTest(e.Tag)
		tests = append(tests, func(t Token) bool {
			if ok, seen := known[t.Tag]; seen {
				return ok
			}
			return re.MatchString(t.Tag)
		})
	}
	not := e.Not
	return func(t Token) bool {
		for _, test := range tests {
			if !test(t) {
				return not
			}
		}
		return !not
	}
}

// compileRules compiles the rule specs of files, later files replacing
// earlier rules of the same id, with the macros of all files (a later
// file's macro of the same name replaces an earlier one).
func compileRules(files []File, builtinMacros map[string]macro) ([]*Rule, error) {
	c := &compiler{macros: map[string]macro{}, check: &checker{}, expanded: map[string][]*node{}}
	for name, m := range builtinMacros {
		c.macros[name] = m
	}
	for _, f := range files {
		for name, els := range f.Macros {
			c.macros[name] = macro{elements: els, file: f.name}
		}
	}
	var rules []*Rule
	index := map[string]int{}
	for _, f := range files {
		for _, spec := range f.Rules {
			r := &Rule{ID: spec.ID, Kind: spec.Kind, Priority: spec.Priority, EachCounterpart: spec.EachCounterpart,
				MinParticipants: spec.MinParticipants, Spec: spec, File: f.name}
			r.pattern = c.compile(f.name, spec.Pattern, nil)
			r.anchors = anchorsOf(r.pattern)
			if k, ok := index[r.ID]; ok {
				rules[k] = r
				continue
			}
			index[r.ID] = len(rules)
			rules = append(rules, r)
		}
	}
	if len(c.check.errs) > 0 {
		for _, e := range c.check.errs {
			for _, f := range files {
				if pe, ok := e.(*yamlfile.PositionError); ok && pe.File == f.name {
					yamlfile.WithSource(pe, f.data)
				}
			}
		}
		return nil, c.check.errs
	}
	for i, r := range rules {
		r.order = i
	}
	return rules, nil
}

// maxSteps bounds the work of matching one rule at one position, so that a
// pattern with nested repetitions cannot stall a document.
const maxSteps = 20000

// matcher matches one rule in one sentence.
type matcher struct {
	s       *Sentence
	startAt map[int][]Annotation
	steps   int
}

// capList is an immutable list of captures, shared between the branches
// of the search.
type capList struct {
	c    Capture
	prev *capList
}

// Match runs every rule over a sentence and resolves overlaps. Matches
// compete within three groups: rules that find events (meeting, call,
// talks, visit), rules of kind none, and settings. Within a group a longer
// match wins over a shorter one it overlaps, then the higher priority, then
// the earlier rule. An event match whose trigger a none match overlaps is
// dropped. The result, without the none matches, is in text order.
func (s *Set) Match(sent Sentence) []Match {
	return s.match(sent, false)
}

func (s *Set) match(sent Sentence, keepNone bool) []Match {
	for i := range sent.Tokens {
		sent.Tokens[i].key = tokens.Normalize(sent.Tokens[i].Text)
	}
	m := &matcher{s: &sent, startAt: map[int][]Annotation{}}
	for _, a := range sent.Annotations {
		m.startAt[a.Start] = append(m.startAt[a.Start], a)
	}
	// lastAt is the last position of each word: a match holds one of its
	// rule's anchors, so it starts at or before the last one.
	lastAt := make(map[string]int, len(sent.Tokens))
	for i, t := range sent.Tokens {
		lastAt[t.key] = i
	}
	var events, vetoes, settings []Match
	for _, r := range s.Rules {
		last := len(sent.Tokens) - 1
		if r.anchors != nil {
			last = -1
			for w := range r.anchors {
				if i, ok := lastAt[w]; ok && i > last {
					last = i
				}
			}
		}
		for start := 0; start <= last; start++ {
			match, ok := m.longest(r, start)
			switch {
			case !ok:
			case r.Kind == KindSetting:
				settings = append(settings, match)
			case r.Kind == KindNone:
				vetoes = append(vetoes, match)
			default:
				events = append(events, match)
			}
		}
	}
	vetoes = resolve(vetoes)
	var out []Match
	for _, e := range resolve(events) {
		if !vetoed(e, vetoes) {
			out = append(out, e)
		}
	}
	out = append(out, resolve(settings)...)
	if keepNone {
		out = append(out, vetoes...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func vetoed(e Match, vetoes []Match) bool {
	span := [2]int{e.Start, e.End}
	if t := e.Captured("trigger"); len(t) > 0 {
		span = [2]int{t[0].Start, t[len(t)-1].End}
	}
	for _, v := range vetoes {
		if v.Start < span[1] && span[0] < v.End {
			return true
		}
	}
	return false
}

func resolve(ms []Match) []Match {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return la > lb
		}
		if a.Rule.Priority != b.Rule.Priority {
			return a.Rule.Priority > b.Rule.Priority
		}
		if a.Rule.order != b.Rule.order {
			return a.Rule.order < b.Rule.order
		}
		return a.Start < b.Start
	})
	var kept []Match
	for _, m := range ms {
		overlaps := false
		for _, k := range kept {
			if m.Start < k.End && k.Start < m.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, m)
		}
	}
	return kept
}

// longest finds the longest match of r starting at token start.
func (m *matcher) longest(r *Rule, start int) (Match, bool) {
	m.steps = 0
	best := -1
	var bestCaps *capList
	m.seq(r.pattern, 0, start, nil, func(end int, caps *capList) {
		if end > best {
			best, bestCaps = end, caps
		}
	})
	if best <= start {
		return Match{}, false
	}
	match := Match{Rule: r, Start: start, End: best}
	for c := bestCaps; c != nil; c = c.prev {
		match.Captures = append(match.Captures, c.c)
	}
	slices.Reverse(match.Captures)
	sort.SliceStable(match.Captures, func(i, j int) bool { return match.Captures[i].Start < match.Captures[j].Start })
	return match, true
}

// seq matches nodes[i:] at token pos and calls k with each end reached.
func (m *matcher) seq(nodes []*node, i, pos int, caps *capList, k func(int, *capList)) {
	if m.steps++; m.steps > maxSteps {
		return
	}
	if i == len(nodes) {
		k(pos, caps)
		return
	}
	m.repeat(nodes[i], 0, pos, caps, func(end int, caps *capList) {
		m.seq(nodes, i+1, end, caps, k)
	})
}

// repeat matches n again after count repetitions, more repetitions first.
func (m *matcher) repeat(n *node, count, pos int, caps *capList, k func(int, *capList)) {
	if n.max < 0 || count < n.max {
		m.once(n, pos, caps, func(end int, caps *capList) {
			if end == pos {
				// An empty match (a group of optional elements) stands
				// for all the repetitions left; repeating it would loop.
				k(end, caps)
				return
			}
			m.repeat(n, count+1, end, caps, k)
		})
	}
	if count >= n.min {
		k(pos, caps)
	}
}

// once matches n one time at pos.
func (m *matcher) once(n *node, pos int, caps *capList, k func(int, *capList)) {
	done := func(end int, caps *capList) {
		if n.capture != "" {
			caps = &capList{c: Capture{Name: n.capture, Start: pos, End: end}, prev: caps}
		}
		k(end, caps)
	}
	switch {
	case n.test != nil:
		if pos < len(m.s.Tokens) && n.test(m.s.Tokens[pos]) {
			done(pos+1, caps)
		}
	case n.isEntity || n.date:
		for _, a := range m.startAt[pos] {
			if n.date && isDateType(a.Type) || n.isEntity && !isDateType(a.Type) && (len(n.entity) == 0 || n.entity[a.Type]) {
				done(a.End, caps)
			}
		}
	case n.oneOf != nil:
		for _, alt := range n.oneOf {
			m.repeat(alt, 0, pos, caps, done)
		}
	default:
		m.seq(n.group, 0, pos, caps, done)
	}
}

// builtinMacros are the macros of the built-in rule files, which users'
// files may use even with --no-builtin.
func builtinMacros() (map[string]macro, error) {
	files, err := builtinFiles()
	if err != nil {
		return nil, err
	}
	out := map[string]macro{}
	for _, f := range files {
		for name, els := range f.Macros {
			out[name] = macro{elements: els, file: f.name}
		}
	}
	return out, nil
}
