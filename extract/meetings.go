package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/rules"
)

// unit is an entity mention as the meeting rules see it: one span of
// words, for a person with the title and affiliation written before the
// name ("Armenian Foreign Minister Ararat Mirzoyan").
type unit struct {
	start, end int // word indexes, end exclusive
	entity     *Entity
}

// dateSpan is a date of r.Dates over words [start, end).
type dateSpan struct {
	start, end int
	date       *Date
}

// meetingFinder holds what finding the meetings of one document needs.
type meetingFinder struct {
	x     *Extractor
	a     *analysis
	r     *Result
	units []unit
	dates []dateSpan
	// cpStart and cpEnd are the code-point offsets of the words.
	cpStart, cpEnd []int
	// firstSeen is the first word at which each entity is mentioned.
	firstSeen map[string]int
	// seen lists the words at which each entity is mentioned, for "the
	// most recently named".
	seen map[string][]int
}

// meetings applies the meeting rules to every sentence and returns the
// meetings found, one entry per meeting however often it is mentioned.
func (x *Extractor) meetings(a *analysis, r *Result) []Meeting {
	if len(x.rules.Rules) == 0 {
		return []Meeting{}
	}
	f := &meetingFinder{x: x, a: a, r: r, firstSeen: map[string]int{}, seen: map[string][]int{}}
	f.collectUnits()
	f.collectDates()

	type found struct {
		match    rules.Match
		sentence int
	}
	var events []found
	var settings []string
	for k, s := range a.sentences {
		for _, m := range x.rules.Match(f.sentence(s[0], s[1])) {
			m.Start, m.End = m.Start+s[0], m.End+s[0]
			for i := range m.Captures {
				m.Captures[i].Start += s[0]
				m.Captures[i].End += s[0]
			}
			if m.Rule.Kind == rules.KindSetting {
				for _, c := range m.Captured("place") {
					if id := f.placeAt(c); id != "" {
						settings = append(settings, id)
					}
				}
				continue
			}
			events = append(events, found{m, k})
		}
	}
	var out []Meeting
	for _, e := range events {
		out = append(out, f.build(e.match, e.sentence)...)
	}
	if len(settings) > 0 {
		for i := range out {
			m := &out[i]
			if m.Location == nil && m.Kind != rules.KindCall && f.current(m.Date) {
				id := settings[0]
				m.Location = &id
			}
		}
	}
	out = mergeMeetings(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Trigger.Start < out[j].Trigger.Start })
	if out == nil {
		out = []Meeting{}
	}
	return out
}

// collectUnits maps every entity mention to its words.
func (f *meetingFinder) collectUnits() {
	add := func(list []Entity) {
		for k := range list {
			e := &list[k]
			for _, m := range e.Mentions {
				s, end := f.wordRange(m.Start, m.End)
				if end <= s {
					continue
				}
				f.seen[e.ID] = append(f.seen[e.ID], s)
				if first, ok := f.firstSeen[e.ID]; !ok || s < first {
					f.firstSeen[e.ID] = s
				}
				if e.Type == gazetteer.Person {
					s = f.titleStart(s)
				}
				f.units = append(f.units, unit{start: s, end: end, entity: e})
			}
		}
	}
	add(f.r.Actors)
	add(f.r.Locations)
	// A unit inside a longer one (the "US" of "US Secretary of State
	// Antony Blinken") is part of it.
	sort.Slice(f.units, func(i, j int) bool {
		if f.units[i].start != f.units[j].start {
			return f.units[i].start < f.units[j].start
		}
		return f.units[i].end > f.units[j].end
	})
	kept := f.units[:0]
	for _, u := range f.units {
		if n := len(kept); n > 0 && u.start < kept[n-1].end {
			continue
		}
		kept = append(kept, u)
	}
	f.units = kept
}

// titleStart returns where the title and affiliation before a person's
// name at word i start: "Armenian Foreign Minister", "Armenia's Prime
// Minister", "US National Security Advisor".
func (f *meetingFinder) titleStart(i int) int {
	a := f.a
	t := f.x.titleBefore(a, i)
	if t == i {
		return i
	}
	j := t
	if j > 0 && strings.HasSuffix(a.words[j-1].Key, "'s") || j > 0 && a.words[j-1].Key == "'s" {
		j--
	}
	if j > 0 {
		if k := a.gazAt[j-1]; k >= 0 && a.gaz[k].End == j && a.gaz[k].Entry.Type != gazetteer.Person {
			return a.gaz[k].Start
		}
	}
	return t
}

// collectDates maps the dates of the result to words.
func (f *meetingFinder) collectDates() {
	for k := range f.r.Dates {
		d := &f.r.Dates[k]
		if start, end := f.wordRange(d.Start, d.End); end > start {
			f.dates = append(f.dates, dateSpan{start: start, end: end, date: d})
		}
	}
}

// wordRange returns the words [start, end) that lie within code points
// [from, to).
func (f *meetingFinder) wordRange(from, to int) (start, end int) {
	if f.cpStart == nil {
		f.cpStart = make([]int, len(f.a.words))
		f.cpEnd = make([]int, len(f.a.words))
		for i := range f.a.words {
			sp := f.a.span(i, i+1)
			f.cpStart[i], f.cpEnd[i] = sp.Start, sp.End
		}
	}
	start = sort.SearchInts(f.cpStart, from)
	end = sort.Search(len(f.cpEnd), func(i int) bool { return f.cpEnd[i] > to })
	return start, end
}

// sentence is the rules' input for words [s, e).
func (f *meetingFinder) sentence(s, e int) rules.Sentence {
	sent := rules.Sentence{Tokens: make([]rules.Token, e-s)}
	for i := s; i < e; i++ {
		sent.Tokens[i-s] = rules.Token{Text: f.a.words[i].Text, Tag: f.a.tags[i]}
	}
	for _, u := range f.units[sort.Search(len(f.units), func(k int) bool { return f.units[k].start >= s }):] {
		if u.start >= e {
			break
		}
		if u.end <= e {
			sent.Annotations = append(sent.Annotations, rules.Annotation{Start: u.start - s, End: u.end - s, Type: u.entity.Type})
		}
	}
	for _, d := range f.dates {
		if d.start >= s && d.end <= e && (d.date.Type == "DATE" || d.date.Type == "TIME") {
			sent.Annotations = append(sent.Annotations, rules.Annotation{Start: d.start - s, End: d.end - s, Type: d.date.Type})
		}
	}
	return sent
}

// build turns one match into meetings: one, or one per counterpart.
func (f *meetingFinder) build(m rules.Match, sentence int) []Meeting {
	var participants []string
	if f.objectModifies(m) {
		return nil // "receive IMF support": the object is no party
	}
	for _, c := range m.Captured("participants") {
		if u := f.unitAt(c.Start); c.Start == m.Start && u != nil && !gazetteer.IsActorType(u.entity.Type) && f.afterPreposition(c.Start) {
			continue // "was in India visiting ...": India is no subject
		}
		if c.Start == m.Start && f.inRelativeClause(c.Start) {
			continue // "councillors who back Mr Flight met ...": Flight is no subject
		}
		participants = appendNew(participants, f.parties(c, m.End)...)
	}
	var counterparts []string
	for _, c := range m.Captured("counterparts") {
		counterparts = appendNew(counterparts, f.parties(c, m.End)...)
	}
	// What is visited: places give the location, the rest take part.
	var visitedPlace string
	for _, c := range m.Captured("visited") {
		for _, id := range f.parties(c, m.End) {
			switch {
			case !f.isLocation(id):
				participants = appendNew(participants, id)
			case visitedPlace == "":
				visitedPlace = id
			}
		}
	}
	base := Meeting{Kind: m.Rule.Kind, Rule: m.Rule.ID, Participants: participants}
	if t := m.Captured("trigger"); len(t) > 0 {
		base.Trigger = f.a.span(t[0].Start, t[len(t)-1].End)
	} else {
		base.Trigger = f.a.span(m.Start, m.End)
	}
	s := f.a.sentences[sentence]
	base.Evidence = f.a.span(s[0], s[1])
	for _, c := range m.Captured("place") {
		if id := f.placeAt(c); id != "" {
			base.Location = &id
			break
		}
	}
	if base.Location == nil && visitedPlace != "" {
		base.Location = &visitedPlace
	}
	if base.Location == nil {
		if id := f.placeBeforeWhere(m.Start); id != "" {
			base.Location = &id
		}
	}
	if d := f.dateOf(m, sentence); d != nil {
		base.Date, base.DateText = d.Value, d.Text
	}
	var out []Meeting
	if m.Rule.EachCounterpart && len(counterparts) > 0 {
		for _, c := range counterparts {
			one := base
			one.Participants = appendNew(slices.Clone(participants), c)
			out = append(out, one)
		}
	} else {
		base.Participants = appendNew(participants, counterparts...)
		out = append(out, base)
	}
	if f.contest(m, out) {
		return nil
	}
	kept := out[:0]
	for _, mt := range out {
		if mt.Location != nil {
			mt.Participants = slices.DeleteFunc(mt.Participants, func(id string) bool { return id == *mt.Location && mt.Kind == rules.KindVisit })
		}
		least := m.Rule.MinParticipants
		if least == 0 {
			least = 2
			if mt.Kind == rules.KindVisit && mt.Location != nil {
				least = 1
			}
		}
		if len(mt.Participants) >= least {
			kept = append(kept, mt)
		}
	}
	return kept
}

// contest reports whether a meeting of a sports report is a fixture or a
// match: sides that meet, visit, host or face each other in the present
// or ahead ("Bolton meet Ipswich", "She will now meet Venus Williams"), or
// teams and countries whatever the tense ("England and France visited
// Lansdowne Road"). A past meeting of people stays one ("Cole met
// Mourinho in a London hotel").
func (f *meetingFinder) contest(m rules.Match, ms []Meeting) bool {
	t := m.Captured("trigger")
	if !f.a.sports || len(t) == 0 || len(ms) == 0 || len(ms[0].Participants) < 2 {
		return false // "the board is expected to meet": a body's own meeting
	}
	i := t[0].Start
	past := false
	switch f.a.words[i].Key {
	case "met", "visited", "hosted", "faced":
		past = true
	case "meet", "meets", "meeting", "visit", "visits", "visiting", "host", "hosts", "hosting", "face", "faces", "facing":
	default:
		return false
	}
	sides := true
	for _, id := range ms[0].Participants {
		if e := f.entity(id); e == nil || e.Type == gazetteer.Person {
			sides = false
		}
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch f.a.words[k].Key {
		case "has", "have", "had", "'ve", "'d":
			past = true // "have met"
		}
	}
	return sides || !past
}

// entity returns the actor or location with the given id, or nil.
func (f *meetingFinder) entity(id string) *Entity {
	for _, list := range [][]Entity{f.r.Actors, f.r.Locations} {
		for k := range list {
			if list[k].ID == id {
				return &list[k]
			}
		}
	}
	return nil
}

func appendNew(list []string, ids ...string) []string {
	for _, id := range ids {
		if !slices.Contains(list, id) {
			list = append(list, id)
		}
	}
	return list
}

// placeAt returns the id of the location unit a capture holds, or "".
func (f *meetingFinder) placeAt(c rules.Capture) string {
	for _, u := range f.units {
		if u.start >= c.Start && u.end <= c.End && !gazetteer.IsActorType(u.entity.Type) {
			return u.entity.ID
		}
	}
	return ""
}

// coordinators separate the parties of a coordinated phrase.
var coordinators = map[string]bool{",": true, "and": true, "&": true, "both": true, "as": true, "well": true}

// placePrepositions govern the place names after them.
var placePrepositions = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "into": true, "near": true, "across": true, "inside": true,
	"toward": true, "towards": true, "through": true, "via": true, "outside": true, "around": true,
}

// afterPreposition reports whether word i follows a preposition of place,
// so that a place named there is the preposition's object.
func (f *meetingFinder) afterPreposition(i int) bool {
	return i > 0 && placePrepositions[f.a.words[i-1].Key] && f.a.sentenceOf[i-1] == f.a.sentenceOf[i]
}

// placeBeforeWhere returns the place a "where" clause before word i refers
// to: "flying from the United States, where he met ...".
func (f *meetingFinder) placeBeforeWhere(i int) string {
	if i < 2 || f.a.words[i-1].Key != "where" {
		return ""
	}
	j := i - 1
	if f.a.words[j-1].Key == "," {
		j--
	}
	for k := len(f.units) - 1; k >= 0; k-- {
		if u := f.units[k]; u.end == j && !gazetteer.IsActorType(u.entity.Type) {
			return u.entity.ID
		}
	}
	return ""
}

// inRelativeClause reports whether word i is the object of a relative
// clause's verb ("who back Mr Flight"), not the subject of what follows.
func (f *meetingFinder) inRelativeClause(i int) bool {
	if i < 2 || f.a.sentenceOf[i-2] != f.a.sentenceOf[i] || !strings.HasPrefix(f.a.tags[i-1], "VB") {
		return false
	}
	switch f.a.words[i-2].Key {
	case "who", "which", "that":
		return true
	}
	return false
}

// isLocation reports whether id is one of the document's locations.
func (f *meetingFinder) isLocation(id string) bool {
	for _, e := range f.r.Locations {
		if e.ID == id {
			return true
		}
	}
	return false
}

// modifies reports whether the words after an entity that ends at word i
// make it a modifier of something else: "Russia's support", "IMF support".
func (f *meetingFinder) modifies(i int) bool {
	if i >= len(f.a.words) || f.a.sentenceOf[i] != f.a.sentenceOf[i-1] {
		return false
	}
	k := f.a.words[i].Key
	if k == "'s" || k == "'" {
		return true
	}
	switch f.a.tags[i] {
	case "NN", "NNS", "JJ":
		return !tokensCapitalized(f.a.words[i].Text) && !f.dateAt(i)
	}
	return false
}

// dateAt reports whether a date starts at word i ("met Smith last week").
func (f *meetingFinder) dateAt(i int) bool {
	for _, d := range f.dates {
		if d.start == i {
			return true
		}
	}
	return false
}

func tokensCapitalized(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// objectModifies reports whether the party that ends the match modifies the
// word after it ("receive IMF support", "welcomed Tony Blair's courage"),
// so that the match reads a noun phrase, not a meeting.
func (f *meetingFinder) objectModifies(m rules.Match) bool {
	for _, c := range m.Captures {
		if c.End != m.End || c.Name != "participants" && c.Name != "counterparts" && c.Name != "visited" {
			continue
		}
		if u := f.lastUnitIn(c); u != nil && u.end == m.End && f.modifies(u.end) && !f.coordinated(c) {
			return true
		}
	}
	return false
}

// coordinated reports whether a capture lists several parties.
func (f *meetingFinder) coordinated(c rules.Capture) bool {
	for i := c.Start; i < c.End; {
		if u := f.unitAt(i); u != nil && u.end <= c.End {
			i = u.end
			continue
		}
		if coordinators[f.a.words[i].Key] && f.a.words[i].Key != "both" {
			return true
		}
		i++
	}
	return false
}

func (f *meetingFinder) lastUnitIn(c rules.Capture) *unit {
	var last *unit
	for i := c.Start; i < c.End; {
		if u := f.unitAt(i); u != nil && u.end <= c.End {
			last = u
			i = u.end
			continue
		}
		i++
	}
	return last
}

// parties resolves a captured phrase to entity ids: each conjunct's last
// entity ("his Azerbaijani counterpart Jeyhun Bayramov"), or the entities a
// plural description names ("the foreign ministers").
func (f *meetingFinder) parties(c rules.Capture, matchEnd int) []string {
	var ids []string
	var conjunct []int // words of the current conjunct outside units
	var head *unit
	flush := func() {
		switch {
		case head != nil:
			// The last of a list may modify the next word ("X, Y and
			// India's petroleum minister ..."): that one is left out.
			if head.end < matchEnd || !f.modifies(head.end) {
				ids = appendNew(ids, head.entity.ID)
			}
		case len(conjunct) == 1 && f.a.words[conjunct[0]].Key == "i":
			// "I met him in Moscow" inside a quote: its speaker.
			if id := f.quoteSpeaker(conjunct[0]); id != "" {
				ids = appendNew(ids, id)
			}
		case len(conjunct) == 1 && pronouns[f.a.words[conjunct[0]].Key] != nil:
			if u := f.antecedent(conjunct[0], pronouns[f.a.words[conjunct[0]].Key], pronounSex[f.a.words[conjunct[0]].Key]); u != nil {
				ids = appendNew(ids, u.entity.ID)
			}
		case len(conjunct) > 0:
			ids = appendNew(ids, f.describe(conjunct)...)
		}
		conjunct, head = nil, nil
	}
	for i := c.Start; i < c.End; {
		if u := f.unitAt(i); u != nil && u.end <= c.End {
			head = u
			i = u.end
			continue
		}
		if coordinators[f.a.words[i].Key] {
			flush()
		} else {
			conjunct = append(conjunct, i)
		}
		i++
	}
	flush()
	return ids
}

// quoteSpeaker returns the speaker of the quote that holds word i, or "".
func (f *meetingFinder) quoteSpeaker(i int) string {
	at := f.a.span(i, i+1).Start
	for _, q := range f.r.Quotes {
		if q.Start <= at && at < q.End && q.Speaker != nil {
			return *q.Speaker
		}
	}
	return ""
}

// pronouns are the pronouns a participant may be, with the types of
// entity each can stand for.
var pronouns = map[string][]string{
	"he": {gazetteer.Person}, "she": {gazetteer.Person}, "him": {gazetteer.Person},
	"it": {gazetteer.Org, gazetteer.GPE},
}

// antecedent is the entity a pronoun at word i stands for: news refers
// back to a sentence's subject, so the first one of the right type named
// before it in its sentence, else in the sentence before, else the one
// before that.
func (f *meetingFinder) antecedent(i int, types []string, sex string) *unit {
	k := f.a.sentenceOf[i]
	for back := 0; back <= 2 && k-back >= 0; back++ {
		s := f.a.sentences[k-back]
		end := s[1]
		if back == 0 {
			end = i
		}
		for u := range f.units {
			un := &f.units[u]
			if un.start >= s[0] && un.end <= end && slices.Contains(types, un.entity.Type) && !f.x.otherSex(un.entity, sex) {
				return un
			}
		}
	}
	return nil
}

func (f *meetingFinder) unitAt(i int) *unit {
	k := sort.Search(len(f.units), func(k int) bool { return f.units[k].start >= i })
	if k < len(f.units) && f.units[k].start == i {
		return &f.units[k]
	}
	return nil
}

var groupNumbers = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}

// leaderTitles are the titles "the leaders" refers to.
var leaderTitles = []string{"president", "prime minister", "chancellor", "premier", "king", "leader", "emir"}

// describe resolves a plural description ("the foreign ministers", "the two
// leaders", "the two countries") to the entities named before it that it
// fits, the most recently mentioned first when a number limits them.
func (f *meetingFinder) describe(words []int) []string {
	var mods []string
	limit := 0
	for _, i := range words {
		k := f.a.words[i].Key
		if n, ok := groupNumbers[k]; ok {
			limit = n
			continue
		}
		switch k {
		case "the", "his", "her", "their", "its":
			continue
		}
		mods = append(mods, k)
	}
	if len(mods) == 0 {
		return nil
	}
	head := singular(mods[len(mods)-1])
	phrase := strings.Join(append(slices.Clone(mods[:len(mods)-1]), head), " ")
	fits := func(e *Entity) bool {
		title := strings.ToLower(e.Attributes.Title)
		switch head {
		case "country", "nation":
			// "The G8 countries" are not all the countries named before.
			return limit > 0 && e.Type == gazetteer.GPE && e.Attributes.Capital != ""
		case "leader":
			for _, t := range leaderTitles {
				if strings.Contains(title, t) {
					return true
				}
			}
			return false
		}
		return e.Type == gazetteer.Person && title != "" && strings.Contains(title, phrase)
	}
	before := words[0]
	type candidate struct {
		id   string
		last int
	}
	var cands []candidate
	for _, list := range [][]Entity{f.r.Actors, f.r.Locations} {
		for k := range list {
			e := &list[k]
			if !fits(e) {
				continue
			}
			last := -1
			for _, s := range f.seen[e.ID] {
				if s < before && s > last {
					last = s
				}
			}
			if last >= 0 {
				cands = append(cands, candidate{e.ID, last})
			}
		}
	}
	if limit > 0 && len(cands) > limit {
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].last > cands[j].last })
		cands = cands[:limit]
	}
	// The order in which the text first names them.
	sort.SliceStable(cands, func(i, j int) bool { return f.firstSeen[cands[i].id] < f.firstSeen[cands[j].id] })
	ids := make([]string, len(cands))
	for i, c := range cands {
		ids[i] = c.id
	}
	return ids
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies"):
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return strings.TrimSuffix(w, "es")
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// notTheDate are words before a date that make it another event's date:
// "prior to this week's negotiations", "since December".
var notTheDate = map[string]bool{
	"before": true, "after": true, "since": true, "until": true, "till": true, "prior": true, "to": true,
	"ahead": true, "following": true, "by": true, "from": true, "than": true,
}

// clauseBreaks end the clause that a meeting's date may come from: "met Y,
// who was elected in 2019".
var clauseBreaks = map[string]bool{
	"who": true, "which": true, "whose": true, "whom": true, "where": true, "while": true, "whereas": true,
	"but": true, "although": true, "though": true, "because": true, ";": true, ":": true, "after": true, "before": true,
}

// dateOf finds a meeting's date: the date the rule captured, else a date of
// the sentence that is not another event's (inside the match, after it in
// its clause, or opening the sentence), else the date that opens an earlier
// sentence of the paragraph ("On May 3, ...").
func (f *meetingFinder) dateOf(m rules.Match, sentence int) *Date {
	for _, c := range m.Captured("date") {
		for _, d := range f.dates {
			if d.start == c.Start && d.end == c.End && calendarDate(d.date) {
				return d.date
			}
		}
	}
	s := f.a.sentences[sentence]
	usable := func(d dateSpan) bool {
		return d.start >= s[0] && d.end <= s[1] && calendarDate(d.date) && !(d.start > 0 && notTheDate[f.a.words[d.start-1].Key])
	}
	// A date inside the match, then the first after it in the same clause
	// ("met Y in Paris on Monday"), then one that opens the sentence ("On
	// May 3, X met Y").
	var opening *Date
	clauseEnd := s[1]
	for i := m.End; i < s[1]; i++ {
		if clauseBreaks[f.a.words[i].Key] {
			clauseEnd = i
			break
		}
	}
	for _, d := range f.dates {
		switch {
		case !usable(d):
		case d.start >= m.Start && d.end <= m.End, d.start >= m.End && d.end <= clauseEnd:
			return d.date
		case d.start <= s[0]+1 && opening == nil:
			opening = d.date
		}
	}
	if opening != nil {
		return opening
	}
	// A date at the start of an earlier sentence of the same paragraph
	// governs the sentences after it.
	for k := sentence - 1; k >= 0; k-- {
		first := f.a.sentences[k+1][0]
		if f.a.words[first].Break >= 2 {
			break
		}
		start := f.a.sentences[k][0]
		for _, d := range f.dates {
			if calendarDate(d.date) && d.start >= start && d.start <= start+1 {
				return d.date
			}
		}
	}
	return nil
}

// calendarDate reports whether d is a date on the calendar, at any grain
// ("2023-05-03", "2023-W18", "XXXX-05-03"), rather than "the past".
func calendarDate(d *Date) bool {
	if d.Type != "DATE" || d.Value == nil || *d.Value == "" {
		return false
	}
	c := (*d.Value)[0]
	return c >= '0' && c <= '9' || c == 'X'
}

// current reports whether a meeting date is close enough to the reference
// date for the article's setting to be the meeting's place: within a week,
// or unknown.
func (f *meetingFinder) current(date *string) bool {
	if date == nil {
		return true
	}
	if f.r.ReferenceDate == nil {
		return false
	}
	ref, err := time.Parse("2006-01-02", *f.r.ReferenceDate)
	if err != nil {
		return false
	}
	if d, err := time.Parse("2006-01-02", *date); err == nil {
		diff := ref.Sub(d)
		return diff < 8*24*time.Hour && diff > -8*24*time.Hour
	}
	y, w := ref.ISOWeek()
	return *date == fmt.Sprintf("%d-W%02d", y, w)
}

// mergeMeetings keeps one entry per meeting: two entries of the same kind
// (calls apart from the rest) with the same participants and dates that
// agree (equal, or one unknown) are one meeting mentioned twice.
func mergeMeetings(ms []Meeting) []Meeting {
	var out []Meeting
	for _, m := range ms {
		merged := false
		for i := range out {
			o := &out[i]
			if (o.Kind == rules.KindCall) != (m.Kind == rules.KindCall) || !sameSet(o.Participants, m.Participants) {
				continue
			}
			if o.Date != nil && m.Date != nil && *o.Date != *m.Date {
				continue
			}
			if o.Date == nil {
				o.Date, o.DateText = m.Date, m.DateText
			}
			if o.Location == nil {
				o.Location = m.Location
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, m)
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
