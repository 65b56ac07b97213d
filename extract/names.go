package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/tokens"
)

// Evidence for a mention's type, weakest first.
const (
	fromDefault = iota // a guess from the shape of the name
	fromModel          // prose's entity recognizer
	fromCue            // a title, an organization or place word, a given name
	fromList
)

// mention is one name in the text before mentions are grouped into entities.
type mention struct {
	start, end int // word indexes, end exclusive
	typ        string
	strength   int
	entry      *gazetteer.Entry // the gazetteer entity, or nil
	// title and affiliation come from the words before the name: "Armenian
	// Foreign Minister Ararat Mirzoyan". affiliation is a gazetteer entry,
	// or affiliationText for a name not in the gazetteer.
	title           string
	affiliation     *gazetteer.Entry
	affiliationText string
	// acronymOf is the mention this one abbreviates: "(IMF)" after
	// "International Monetary Fund".
	acronymOf *mention
	entity    *entityBuilder
	// unsure marks a gazetteer short form whose full name the text does
	// not give.
	unsure bool
	// tentative marks a word of no known type that is a mention only as
	// the short form of a name in the text.
	tentative bool
}

// nameConnectors may stand inside a name between capitalized words.
var nameConnectors = map[string]bool{
	"of": true, "for": true, "and": true, "&": true, "the": true, "on": true,
	"de": true, "da": true, "di": true, "del": true, "della": true, "der": true, "den": true,
	"van": true, "von": true, "la": true, "le": true, "du": true, "dos": true, "das": true,
	"bin": true, "ibn": true, "al": true, "el": true, "y": true, "zu": true, "ter": true,
}

// legalForms end a company's name.
var legalForms = map[string]bool{
	"inc": true, "inc.": true, "llc": true, "ltd": true, "ltd.": true, "corp.": true, "plc": true,
	"gmbh": true, "spa": true, "s.p.a.": true, "n.v.": true, "s.a.": true, "llp": true, "pjsc": true,
}

// connectorNeedsHead lists the connectors allowed only in the name of an
// organization or a place ("Ministry of Foreign Affairs", "Gulf of Aden").
var connectorNeedsHead = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true}

// isNameWord reports whether word i can be part of a capitalized name.
func (a *analysis) isNameWord(i int) bool {
	w := a.words[i]
	if a.capsLine[i] || w.Hyphen || tokens.IsPossessive(w.Key) {
		return false
	}
	if w.Piece && a.lowerSibling(i) {
		return false // "US-mediated", "pro-Western": a modifier, not a name
	}
	r := firstLetter(w.Text)
	if r == 0 || !unicode.IsUpper(r) {
		return false
	}
	// Initials and abbreviations ("J.", "U.S.") are name words; other
	// punctuation inside a token (URLs, handles) is not.
	for _, c := range w.Text {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '.' && c != '\'' && c != '\u2019' && c != '&' {
			return false
		}
	}
	return true
}

// lowerSibling reports whether the hyphenated token that word i is a piece
// of has a piece in lower case.
func (a *analysis) lowerSibling(i int) bool {
	for j := i + 1; j+1 < len(a.words) && a.words[j].Hyphen && a.words[j].Start == a.words[j-1].End; j += 2 {
		if !tokens.IsCapitalized(a.words[j+1].Text) {
			return true
		}
	}
	for j := i - 1; j-1 >= 0 && a.words[j].Hyphen && a.words[j].End == a.words[j+1].Start; j -= 2 {
		if !tokens.IsCapitalized(a.words[j-1].Text) {
			return true
		}
	}
	return false
}

func firstLetter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r
		}
		if !unicode.IsPunct(r) {
			return 0
		}
	}
	return 0
}

// candidates finds the names in the text: gazetteer matches, and runs of
// capitalized words split into places, titles and names that the gazetteer
// does not know, each classified by the words in and around it.
func (x *Extractor) candidates(a *analysis) []*mention {
	var out []*mention
	var pendingShort []*mention
	fullSeen := map[string]bool{}
	for k, m := range a.gaz {
		if x.placeInPersonName(a, m) {
			// Leave the words to the person's name: "Denzel Washington".
			for i := m.Start; i < m.End; i++ {
				if a.gazAt[i] == k {
					a.gazAt[i] = -1
				}
			}
			continue
		}
		switch m.Kind {
		case gazetteer.KindName, gazetteer.KindQualified:
			out = append(out, &mention{start: m.Start, end: m.End, typ: m.Entry.Type, strength: fromList, entry: m.Entry})
			fullSeen[m.Entry.ID] = true
		case gazetteer.KindShort:
			pendingShort = append(pendingShort, &mention{start: m.Start, end: m.End, typ: m.Entry.Type, strength: fromList, entry: m.Entry})
		}
	}
	out = append(out, x.parenthesizedNames(a)...)
	for _, m := range pendingShort {
		if !fullSeen[m.entry.ID] {
			m.entry = x.namesakeSeen(a, m, fullSeen)
		}
		if x.afterOtherName(a, m.start) {
			continue // "Mher Grigoryan" is not Armen Grigoryan
		}
		if m.end-m.start == 1 && x.rules.NotNames[a.words[m.start].Key] && usedAsDate(a, m.start) {
			continue // "in May 1995" after "Theresa May"
		}
		if fullSeen[m.entry.ID] {
			out = append(out, m)
		} else if x.uniqueShort(a, m) && !a.capsLine[m.start] && !x.inLongerName(a, m.start, m.end) {
			m.unsure = true
			out = append(out, m)
		}
	}
	out = dropOverlaps(out)
	covered := make([]bool, len(a.words))
	taken := make([]bool, len(a.words)) // inside a mention not from the gazetteer matcher
	for _, m := range out {
		k := a.gazAt[m.start]
		exact := k >= 0 && a.gaz[k].Start == m.start && a.gaz[k].End == m.end
		for i := m.start; i < m.end; i++ {
			covered[i] = true
			taken[i] = !exact
		}
	}

	n := len(a.words)
	for i := 0; i < n; {
		if taken[i] || !a.isNameWord(i) && !(covered[i] && !a.capsLine[i]) {
			i++
			continue
		}
		if end := x.workTitleEnd(a, i); end > i {
			i = end
			continue
		}
		end := a.runEnd(i, covered, taken)
		if end < n && a.words[end].Piece && a.words[end].Break == 0 && a.lowerSibling(end) {
			// The run is the start of a compound modifier: "New
			// York-based", like "Paris-based", names no entity here.
			i = end + 1
			continue
		}
		out = append(out, x.splitRun(a, i, end, covered)...)
		i = end
	}
	// A place inside an organization's name ("New York University") is
	// part of that name, not a mention of its own.
	out = dropOverlaps(out)
	// A surname only the gazetteer knows yields to a person the text names
	// in full: "Blair" after "Tony Blair" is not Bill Blair.
	surnames := map[string]bool{}
	for _, m := range out {
		if m.entry == nil && m.typ == gazetteer.Person && m.end-m.start > 1 {
			surnames[a.words[m.end-1].Key] = true
		}
	}
	for _, m := range out {
		if m.unsure && m.end-m.start == 1 && surnames[a.words[m.start].Key] {
			m.entry, m.typ, m.strength = nil, gazetteer.Person, fromDefault
		}
	}
	// Nor is a place in the name of a sports event ("the U.S. Open", "the
	// London Marathon").
	kept := out[:0]
	for _, m := range out {
		if m.entry != nil && !gazetteer.IsActorType(m.typ) && m.end < n && a.words[m.end].Break == 0 &&
			sportsEvents[a.words[m.end].Key] && tokens.IsCapitalized(a.words[m.end].Text) {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// sportsEvents are the words that make a place's name a sports event's.
var sportsEvents = map[string]bool{
	"open": true, "masters": true, "classic": true, "marathon": true, "championships": true,
	"championship": true, "games": true, "grand": true, "cup": true, "trophy": true, "derby": true,
	"tour": true, "rally": true, "invitational": true, "challenge": true,
}

// titleWords are the lower-case words a work's title may hold between its
// capitalized ones ("Journey to Tatev", "War and Peace").
var titleWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true, "in": true,
	"on": true, "for": true, "with": true, "from": true, "at": true, "by": true,
}

// workTitleEnd returns the end of the title of a creative work that starts
// at word i, right after a noun naming the kind of work ("the novel
// Beloved", "her collection Journey to Tatev", "a report titled “Hope”"),
// or i when no title starts there.
func (x *Extractor) workTitleEnd(a *analysis, i int) int {
	p := i - 1
	if p >= 0 && isOpeningQuote(a.words[p].Text) {
		p--
	}
	if p < 0 || a.sentenceStart[i] || !x.rules.WorkWords[a.words[p].Key] || a.words[p].Text != a.words[p].Key {
		return i
	}
	if t := a.tags[p]; t != "NN" && t != "NNS" && t != "VBN" && t != "VBD" {
		return i // "to play Arsenal": a verb, not a kind of work
	}
	n := len(a.words)
	end := i
	for j := i; j < n && j-i < 12; j++ {
		if j > i && (a.sentenceStart[j] || a.words[j].Break >= 2) {
			break
		}
		if a.isNameWord(j) {
			end = j + 1
			continue
		}
		if !titleWords[a.words[j].Key] || j+1 >= n || !a.isNameWord(j+1) {
			break
		}
	}
	return end
}

// parenthesizedNames finds names that give another name in parentheses
// before their last word: "Berdzor (Lachin) Corridor" is the Lachin corridor
// when "Berdzor Corridor" or "Lachin Corridor" is a gazetteer name.
func (x *Extractor) parenthesizedNames(a *analysis) []*mention {
	var out []*mention
	for i := 1; i+2 < len(a.words); i++ {
		if a.words[i].Key != "(" {
			continue
		}
		close := i + 1
		for close < len(a.words) && close-i <= 4 && a.words[close].Key != ")" {
			close++
		}
		if close+1 >= len(a.words) || a.words[close].Key != ")" || !a.isNameWord(close+1) {
			continue
		}
		head := a.words[close+1].Text
		start := i - 1
		for start > 0 && a.isNameWord(start-1) && i-start < 4 {
			start--
		}
		for _, alt := range []string{a.text[a.words[start].Start:a.words[i-1].End], a.text[a.words[i+1].Start:a.words[close-1].End]} {
			if ms := x.gaz.Lookup(alt + " " + head); len(ms) == 1 && ms[0].Kind == gazetteer.KindName {
				e := ms[0].Entry
				out = append(out, &mention{start: start, end: close + 2, typ: e.Type, strength: fromList, entry: e})
				break
			}
		}
	}
	return out
}

// dropOverlaps keeps, of mentions that overlap, the longest (the first
// found among equals).
func dropOverlaps(ms []*mention) []*mention {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end-ms[i].start > ms[j].end-ms[j].start
	})
	var out []*mention
	for _, m := range ms {
		n := len(out)
		if n > 0 && m.start < out[n-1].end {
			if m.end-m.start > out[n-1].end-out[n-1].start && m.start == out[n-1].start {
				out[n-1] = m
			}
			continue
		}
		// A longer mention starting later may swallow earlier ones.
		for n > 0 && out[n-1].start >= m.start && out[n-1].end <= m.end {
			out = out[:n-1]
			n--
		}
		out = append(out, m)
	}
	return out
}

// placeInPersonName reports whether the one-word place m is part of a
// person's name: a surname after a given name ("Denzel Washington"), or a
// given name before a surname ("Paris Hilton").
func (x *Extractor) placeInPersonName(a *analysis, m gazetteer.Match) bool {
	if m.Kind != gazetteer.KindName || m.End-m.Start != 1 || gazetteer.IsActorType(m.Entry.Type) || a.capsLine[m.Start] {
		return false
	}
	plainName := func(i int) bool {
		w := a.words[i]
		return a.isNameWord(i) && a.gazAt[i] < 0 && !x.rules.OrgWords[w.Key] && x.rules.PlaceWords[w.Key] == "" &&
			!x.rules.NotNames[w.Key] && x.titles.longestAt(a.words, i) == i && !x.rules.TitleModifiers[w.Key]
	}
	if p := m.Start - 1; p >= 0 && a.words[m.Start].Break == 0 && x.rules.GivenNames[a.words[p].Key] && plainName(p) &&
		x.titles.endingAt(a.words, m.Start) == m.Start {
		return true
	}
	next := m.End
	return x.rules.GivenNames[a.words[m.Start].Key] && next < len(a.words) && a.words[next].Break == 0 && plainName(next) &&
		!x.rules.GivenNames[a.words[next].Key]
}

// afterOtherName reports whether word i follows a capitalized word of the
// same name that is not a title: a short form there is part of another name.
func (x *Extractor) afterOtherName(a *analysis, i int) bool {
	p := i - 1
	if p < 0 || !a.isNameWord(p) || a.words[i].Break > 0 || a.sentenceStart[i] || a.gazAt[p] >= 0 {
		return false
	}
	return !x.rules.TitleModifiers[a.words[p].Key] && x.titles.endingAt(a.words, i) == i
}

// namesakeSeen returns, among the entries whose short form m is, the one
// named in full in the document ("Sharif" after "Shehbaz Sharif", though
// Nawaz Sharif has the same surname), or m's own entry.
func (x *Extractor) namesakeSeen(a *analysis, m *mention, fullSeen map[string]bool) *gazetteer.Entry {
	var keys []string
	for _, w := range a.words[m.start:m.end] {
		keys = append(keys, w.Text)
	}
	for _, g := range x.gaz.Lookup(strings.Join(keys, " ")) {
		if g.Kind == gazetteer.KindShort && fullSeen[g.Entry.ID] {
			return g.Entry
		}
	}
	return m.entry
}

// inLongerName reports whether the words [start, end) are written as part of
// a longer name: on the same line next to another name word that is not a title ("Payne
// Stewart", "Johnson Controls", "Ahmed Khan") or after an initial ("P.
// Johnson"). A surname known from the gazetteer alone is then someone else's.
func (x *Extractor) inLongerName(a *analysis, start, end int) bool {
	if end < len(a.words) && a.words[end].Break == 0 && !a.sentenceStart[end] && a.isNameWord(end) {
		return true
	}
	p := start - 1
	if p < 0 || a.words[start].Break > 0 || a.sentenceStart[start] {
		return false
	}
	if a.words[p].Key == "." {
		return p > 0 && isInitial(a.words[p-1].Text) && a.words[p-1].End == a.words[p].Start
	}
	if !a.isNameWord(p) || a.gazAt[p] >= 0 && a.gaz[a.gazAt[p]].Kind != gazetteer.KindShort {
		return false
	}
	return !x.rules.TitleModifiers[a.words[p].Key] && x.titles.endingAt(a.words, start) == start
}

// dateLead are the words before a month or weekday used as one.
var dateLead = map[string]bool{
	"in": true, "since": true, "on": true, "until": true, "till": true, "by": true, "from": true,
	"last": true, "next": true, "this": true, "early": true, "late": true, "mid": true, "mid-": true,
	"of": true, "during": true, "before": true, "after": true, "between": true, "and": true, "or": true,
}

// usedAsDate reports whether the word i (a month or weekday that is also a
// surname) is used as a date: before a number, or after "in", "since"...
func usedAsDate(a *analysis, i int) bool {
	if i+1 < len(a.words) && a.words[i+1].Break == 0 {
		if r := firstRune(a.words[i+1].Text); r >= '0' && r <= '9' {
			return true
		}
	}
	return i > 0 && dateLead[a.words[i-1].Key]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// uniqueShort reports whether a short form matched without its full name
// names exactly one gazetteer entry, so that it can stand for it.
func (x *Extractor) uniqueShort(a *analysis, m *mention) bool {
	var keys []string
	for _, w := range a.words[m.start:m.end] {
		keys = append(keys, w.Text)
	}
	matches := x.gaz.Lookup(strings.Join(keys, " "))
	if m.end-m.start == 1 && x.rules.NotNames[a.words[m.start].Key] {
		return false // "May" is a month unless Theresa May was named in full
	}
	if len(matches) != 1 || a.sentenceStart[m.start] && a.tags[m.start] != "NNP" {
		return false
	}
	return true
}

// runEnd returns the end of the run of name words starting at i: capitalized
// words, gazetteer names, and connectors between them.
func (a *analysis) runEnd(i int, covered, taken []bool) int {
	n := len(a.words)
	end := i
	for j := i; j < n; {
		if j > i && (a.sentenceStart[j] || a.words[j].Break >= 2 || taken[j] || legalForms[a.words[j-1].Key]) {
			break // a legal form ends a company's name: "Chrysler LLC Jim Press"
		}
		if a.isNameWord(j) || (covered[j] && !a.capsLine[j]) {
			j++
			end = j
			continue
		}
		// The period of an initial continues the run: "J. K. Rowling",
		// "George W. Bush".
		if a.words[j].Key == "." && j > i && isInitial(a.words[j-1].Text) && a.words[j-1].End == a.words[j].Start &&
			j+1 < n && a.words[j+1].Break == 0 && a.isNameWord(j+1) {
			j++
			continue
		}
		// A connector or hyphen continues the run only if a name word
		// follows it.
		// A month or weekday after it is a date: "the Office on June 5".
		if (nameConnectors[a.words[j].Key] || a.words[j].Hyphen) && j+1 < n && a.words[j+1].Break == 0 &&
			(a.isNameWord(j+1) && (a.words[j].Hyphen || !a.x.rules.NotNames[a.words[j+1].Key]) ||
				(nameConnectors[a.words[j+1].Key] && j+2 < n && a.isNameWord(j+2))) {
			j++
			continue
		}
		if a.words[j].Hyphen && j+1 < n && a.words[j+1].Piece {
			// A lower-case piece ends the run: "US-mediated".
			break
		}
		break
	}
	if end == i {
		end = i + 1
	}
	return end
}

// runPart is a part of a run of name words.
type runPart struct {
	start, end int
	kind       int // segGazetteer, segTitle, segPlain
	match      *gazetteer.Match
}

const (
	segGazetteer = iota
	segTitle
	segPlain
)

// splitRun divides the run [start, end) into gazetteer names, titles and
// plain words, and turns them into mentions.
func (x *Extractor) splitRun(a *analysis, start, end int, covered []bool) []*mention {
	var segs []runPart
	for i := start; i < end; {
		if k := a.gazAt[i]; k >= 0 {
			m := &a.gaz[k]
			if m.Kind != gazetteer.KindShort || covered[i] {
				e := min(m.End, end)
				if m.Start < i {
					// A match that began before the run (a lower-case
					// first word): the rest of it belongs to it.
					i = e
					continue
				}
				segs = append(segs, runPart{start: i, end: e, kind: segGazetteer, match: m})
				i = e
				continue
			}
		}
		if t := x.titleAt(a, i, end); t > i {
			segs = append(segs, runPart{start: i, end: t, kind: segTitle})
			i = t
			continue
		}
		if len(segs) > 0 && segs[len(segs)-1].kind == segPlain && segs[len(segs)-1].end == i {
			segs[len(segs)-1].end = i + 1
		} else {
			segs = append(segs, runPart{start: i, end: i + 1, kind: segPlain})
		}
		i++
	}
	segs = x.mergeSegments(a, segs)

	var out []*mention
	for k := range segs {
		s := segs[k]
		if s.kind != segPlain {
			continue
		}
		for _, part := range x.splitPlain(a, s.start, s.end) {
			m := x.classify(a, part[0], part[1], segs, k)
			if m != nil {
				out = append(out, m)
			}
		}
	}
	// Titles and affiliations for gazetteer people inside the run are found
	// by attach, which looks at the words before every person.
	return out
}

// mergeSegments joins a place (or a demonym) with the organization or
// facility word after it ("New York University", "Armenian Weekly",
// "Sukkur Barrage"), and a title with the organization word after it
// ("General Motors", "Justice Department").
func (x *Extractor) mergeSegments(a *analysis, segs []runPart) []runPart {
	var out []runPart
	for k := 0; k < len(segs); k++ {
		s := segs[k]
		if k+1 < len(segs) {
			next := segs[k+1]
			joinable := (s.kind == segTitle) ||
				(s.kind == segGazetteer && s.match.Entry.Type != gazetteer.Person && s.match.Kind != gazetteer.KindQualified)
			// A place before a name ending in an organization word
			// names the organization: "Kurdistan Democratic Party".
			placeOrg := s.kind == segGazetteer && !gazetteer.IsActorType(s.match.Entry.Type) &&
				next.end-next.start <= 3 && x.rules.OrgWords[a.words[next.end-1].Key]
			if joinable && next.kind == segPlain && next.start == s.end && (placeOrg || x.allHeadWords(a, next.start, next.start+1)) {
				out = append(out, runPart{start: s.start, end: next.end, kind: segPlain})
				k++
				continue
			}
			// A one-word place (not a country) named like people, before a
			// single name the entity model reads as a person's, is a given
			// name: "Virginia Woolf", "Kent Brockman".
			if s.kind == segGazetteer && s.end-s.start == 1 && next.kind == segPlain && next.start == s.end &&
				next.end-next.start == 1 && s.match.Entry.Type == gazetteer.GPE && len(s.match.Entry.Demonyms) == 0 &&
				x.givenName(a.words[s.start].Key) && a.modelLabel(next.start) == gazetteer.Person && !x.rules.OrgWords[a.words[next.start].Key] && x.rules.PlaceWords[a.words[next.start].Key] == "" {
				out = append(out, runPart{start: s.start, end: next.end, kind: segPlain})
				k++
				continue
			}
			// An organization word and "of" before a place name the
			// organization: "University of Michigan", "Bank of Scotland".
			if s.kind == segPlain && next.kind == segGazetteer && next.start == s.end && next.match.Entry.Type != gazetteer.Person &&
				!gazetteer.IsActorType(next.match.Entry.Type) && s.end-s.start >= 2 && a.words[s.end-1].Key == "of" &&
				x.rules.OrgWords[a.words[s.end-2].Key] {
				out = append(out, runPart{start: s.start, end: next.end, kind: segPlain})
				k++
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// givenName reports whether key is a given name of the lexicon.
func (x *Extractor) givenName(key string) bool {
	return x.rules.GivenNames[key] || x.rules.FemaleNames[key] || x.rules.MaleNames[key]
}

// allHeadWords reports whether every word of [i, j) is an organization or
// place word. The words after a place that begin with one make a name with
// it: "New York University", "Los Angeles Review of Books".
func (x *Extractor) allHeadWords(a *analysis, i, j int) bool {
	for k := i; k < j; k++ {
		key := a.words[k].Key
		if !x.rules.OrgWords[key] && x.rules.PlaceWords[key] == "" {
			return false
		}
	}
	return true
}

// titleAt returns the end of a title (with its modifiers) starting at word
// i and ending before limit, or i.
func (x *Extractor) titleAt(a *analysis, i, limit int) int {
	// The title proper may begin on a word that can also be a modifier:
	// "Chief Executive" is a title, "Chief" and "Executive" modifiers.
	j := i
	for j < limit && x.rules.TitleModifiers[a.words[j].Key] {
		if e := x.titles.longestAt(a.words, j); e > j && e <= limit {
			break
		}
		j++
	}
	found := false
	for j < limit {
		e := x.titles.longestAt(a.words, j)
		if e == j || e > limit {
			break
		}
		found = true
		j = e
	}
	if !found {
		return i
	}
	return j
}

// splitPlain trims the plain words [i, j) of words that are not names and
// splits them at connectors that only organization and place names allow.
func (x *Extractor) splitPlain(a *analysis, i, j int) [][2]int {
	var parts [][2]int
	start := i
	flush := func(end int) {
		s, e := start, end
		for s < e && (isLowerConnector(a.words[s]) || a.words[s].Hyphen || a.words[s].Key == "." ||
			(x.rules.NotNames[a.words[s].Key] && !(x.rules.GivenNames[a.words[s].Key] && s+1 < e)) ||
			(a.clauseStart[s] && !isProperTag(a.tags[s]) && !x.rules.GivenNames[a.words[s].Key] && s+1 < e)) {
			s++
		}
		for e > s && (isLowerConnector(a.words[e-1]) || a.words[e-1].Hyphen || a.words[e-1].Key == "." ||
			e-1 > s && x.rules.PostNominals[a.words[e-1].Key]) {
			e--
		}
		if s < e {
			parts = append(parts, [2]int{s, e})
		}
	}
	for k := i; k < j; k++ {
		w := a.words[k]
		if !connectorNeedsHead[w.Key] {
			continue
		}
		// Keep the connector when the words before it carry an organization
		// or place word ("Bank of England") or the whole ends in one.
		if x.hasHeadWord(a, start, k) || x.hasHeadWord(a, j-1, j) && w.Key != "and" {
			continue
		}
		flush(k)
		start = k + 1
	}
	flush(j)
	return parts
}

func (x *Extractor) hasHeadWord(a *analysis, i, j int) bool {
	for k := i; k < j; k++ {
		key := a.words[k].Key
		if x.rules.OrgWords[key] || x.rules.PlaceWords[key] != "" {
			return true
		}
	}
	return false
}

// isLowerConnector reports whether w is a connector written in lower case:
// "of" ends no name, but the "Le" of "Le Maire" is part of one.
// isInitial reports whether s is one capital letter.
func isInitial(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && unicode.IsUpper(r)
}

func isLowerConnector(w tokens.Word) bool {
	return nameConnectors[w.Key] && !tokens.IsCapitalized(w.Text)
}

func isProperTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// modelCode matches the model numbers of products (A380, A400M, MiG29); groupOf
// the names of country groups that look like them (G7, G20).
var (
	modelCode = regexp.MustCompile(`^[A-Z][A-Za-z]{0,2}[0-9]{2,4}[A-Z]?s?$`)
	groupOf   = regexp.MustCompile(`^G[0-9]+$`)
)

// classify decides what the plain name [i, j) is, from the words in it and
// around it; segs[k] is the segment it came from. It returns nil for words
// that are not a name.
func (x *Extractor) classify(a *analysis, i, j int, segs []runPart, k int) *mention {
	m := &mention{start: i, end: j}
	first, last := a.words[i].Key, a.words[j-1].Key
	single := j-i == 1
	if single && (x.rules.NotNames[first] || x.titles.longestAt(a.words, i) == j) {
		return nil
	}
	// A lone word at the start of a sentence or quotation is capitalized
	// whatever it is; if it is a name used elsewhere, propagate finds it.
	if single && (a.clauseStart[i] || x.notSingleName(a, i)) {
		return nil
	}
	if x.onlyTitles(a, i, j) {
		return nil // "the Foreign Ministers of Armenia and Azerbaijan"
	}
	if x.rules.EventWords[last] || j < len(a.words) && x.rules.EventWords[a.words[j].Key] {
		return nil // "the World Cup", "the Artsakh War"
	}
	if single && modelCode.MatchString(a.words[i].Text) && !groupOf.MatchString(a.words[i].Text) {
		return nil // a product: "the Airbus A380", "an A330"
	}
	if i > 0 && a.words[i-1].End == a.words[i].Start-1 && camelCase(a.words[i-1].Text) {
		return nil // a product line: "the iPod Shuffle", "iPhone Pro"
	}
	if single && (len([]rune(a.words[i].Text)) == 1 || x.rules.OrgWords[first] || x.rules.PlaceWords[first] != "") {
		return nil // an initial, or "the Division" with its name elsewhere
	}
	if single && k > 0 && segs[k-1].kind == segGazetteer && segs[k-1].end == i && a.modelLabel(i) == "" {
		return nil // a word after a known name, as in "the Artsakh War"
	}
	if !single && x.rules.FieldWords[last] && !x.hasOrgHead(a, i, j) {
		return nil // a field of study: "a degree in Near Eastern Studies"
	}
	afterTitle := k > 0 && segs[k-1].kind == segTitle && segs[k-1].end == i && segs[k].start == i
	switch {
	case x.rules.OrgWords[last] || x.hasOrgHead(a, i, j) || !single && x.rules.OrgWords[first] && x.rules.PlaceWords[last] == "":
		m.typ, m.strength = gazetteer.Org, fromCue
	case x.rules.PlaceWords[last] != "" && !single:
		m.typ, m.strength = x.rules.PlaceWords[last], fromCue
	case afterTitle:
		m.typ, m.strength = gazetteer.Person, fromCue
	case !single && isInitial(a.words[i].Text) && a.words[i+1].Key == ".":
		m.typ, m.strength = gazetteer.Person, fromCue // "J. K. Rowling"
	case !single && (x.rules.GivenNames[first] || x.rules.SurnameFirst[first]) && !tokens.IsUpper(a.words[i].Text):
		m.typ, m.strength = gazetteer.Person, fromCue
	case !single && i > 0 && !x.rules.TitleModifiers[a.words[i-1].Key] && x.titles.endingAt(a.words, i) < i:
		m.typ, m.strength = gazetteer.Person, fromCue
	default:
		m.typ, m.strength = a.modelVote(i, j), fromModel
		doubted := false
		if m.typ == gazetteer.GPE && !(i > 0 && x.rules.PlaceContext[a.words[i-1].Key]) {
			// The recognizer calls many unknown people and capitalized
			// words places; a place the (large) gazetteer does not know is
			// rarer, and usually comes after "in", "from" or "near".
			m.typ, doubted = "", true
		}
		if m.typ == "" {
			m.typ, m.strength = x.shapeGuess(a, i, j), fromDefault
		}
		if m.typ == gazetteer.Person && !single && a.notPersonShape(i, j) {
			return nil // a title: "Finding Neverland", "Million Dollar Baby"
		}
		if single && (m.typ == gazetteer.GPE || m.typ == gazetteer.Location || m.typ == gazetteer.Facility) && !a.capsLine[i] && a.hasAcronym(i, j) {
			// A place the gazetteer does not know is not written as an
			// acronym: "ITV", "U2" are names of other things.
			m.typ = gazetteer.Org
		}
		if m.typ == gazetteer.Person && !single && a.hasAcronym(i, j) {
			// People's names hold no acronyms: "Mac OS X", "PT Cruiser",
			// "BBC Radio" are products or organizations.
			m.typ = gazetteer.Org
		}
		if m.typ == "" && doubted && single {
			// Kept only as a short form of a name the text gives in full:
			// "the Indus" after "the Indus River", "Lillian" after
			// "Lillian Avedian" (see group).
			m.tentative = true
			return m
		}
	}
	if m.typ == "" {
		return nil
	}
	return m
}

// hasAcronym reports whether words [i, j) hold one written in capitals or
// with a digit ("OS", "MP3"), not an initial ("F.").
func (a *analysis) hasAcronym(i, j int) bool {
	for k := i; k < j; k++ {
		w := a.words[k].Text
		if len(w) >= 2 && !strings.Contains(w, ".") && (tokens.IsUpper(w) || strings.ContainsAny(w, "0123456789")) {
			return true
		}
	}
	return false
}

// notPersonShape reports whether words [i, j) cannot be a person's name:
// they open with a gerund ("Finding Neverland") or hold a number word
// ("Million Dollar Baby", "Five Hundred", "Six Nations").
func (a *analysis) notPersonShape(i, j int) bool {
	if a.tags[i] == "VBG" && strings.HasSuffix(a.words[i].Key, "ing") {
		return true
	}
	for k := i; k < j; k++ {
		switch a.words[k].Key {
		case "million", "billion", "thousand", "hundred", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
			return true
		}
	}
	return false
}

// camelCase reports whether w starts lower-case and has a capital inside,
// as product brands do ("iPod", "iPhone", "eReader").
func camelCase(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return strings.ContainsFunc(w[1:], unicode.IsUpper)
}

// notSingleName reports whether the single capitalized word i is no name of
// its own: an adjective ("Western"), or a plural of a demonym ("Armenians").
func (x *Extractor) notSingleName(a *analysis, i int) bool {
	w := a.words[i]
	if a.tags[i] == "JJ" || a.tags[i] == "JJS" || a.tags[i] == "JJR" {
		return true
	}
	if base, ok := strings.CutSuffix(w.Text, "s"); ok {
		if x.rules.NotNames[strings.ToLower(base)] {
			return true // "Muslims", "Arabs"
		}
		for _, m := range x.gaz.Lookup(base) {
			if m.Kind == gazetteer.KindDemonym {
				return true
			}
		}
	}
	return false
}

// onlyTitles reports whether [i, j) is made of titles and their plurals.
func (x *Extractor) onlyTitles(a *analysis, i, j int) bool {
	for k := i; k < j; {
		if e := x.titleAt(a, k, j); e > k {
			k = e
			continue
		}
		key := a.words[k].Key
		base, plural := strings.CutSuffix(key, "s")
		if !x.rules.TitleModifiers[key] && (!plural || x.titles.phrases[base] == "") {
			return false
		}
		k++
	}
	return true
}

// hasOrgHead reports whether an organization word is followed by a
// connector inside the name ("Bank of England", "Ministry for Europe").
func (x *Extractor) hasOrgHead(a *analysis, i, j int) bool {
	for k := i; k+1 < j; k++ {
		if x.rules.OrgWords[a.words[k].Key] && connectorNeedsHead[a.words[k+1].Key] {
			return true
		}
	}
	return false
}

// modelVote returns the type prose's recognizer gives most of the words of
// [i, j), or "".
func (a *analysis) modelVote(i, j int) string {
	count := map[string]int{}
	best, bestN := "", 0
	for k := i; k < j; k++ {
		t := a.modelLabel(k)
		if t == "" {
			continue
		}
		count[t]++
		if count[t] > bestN {
			best, bestN = t, count[t]
		}
	}
	if bestN*2 < j-i {
		return ""
	}
	return best
}

// shapeGuess types a name nothing else speaks for: a lone word after "in"
// is a place, an acronym an organization, a name of two or three words a
// person's.
func (x *Extractor) shapeGuess(a *analysis, i, j int) string {
	if i > 0 && x.rules.PlaceContext[a.words[i-1].Key] && j-i <= 2 {
		return gazetteer.GPE
	}
	if j-i == 1 && tokens.IsUpper(a.words[i].Text) {
		return gazetteer.Org
	}
	if j < len(a.words) && x.rules.PersonContext[a.words[j].Key] {
		return gazetteer.Person
	}
	if j-i >= 2 && j-i <= 3 {
		return gazetteer.Person
	}
	if j-i == 1 {
		return "" // one unknown capitalized word: too little to go on
	}
	return gazetteer.Org
}
