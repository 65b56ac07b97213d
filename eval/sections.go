package eval

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/readout/readout/extract"
)

// Rows of the score table besides the sections themselves: the parts of
// dates, meetings and quotes that are scored on their own.
const (
	DateSpans           = "dates.span"
	MeetingParticipants = "meetings.participants"
	MeetingDates        = "meetings.date"
	MeetingLocations    = "meetings.location"
	QuoteSpeakers       = "quotes.speaker"
)

// RowOrder is the order of the rows of a score table.
var RowOrder = []string{Actors, Locations, Dates, DateSpans, Dates + ".DATE", Dates + ".TIME",
	Dates + ".DURATION", Dates + ".SET", Meetings, MeetingParticipants, MeetingDates, MeetingLocations,
	Quotes, QuoteSpeakers}

// Finding is one difference between a prediction and its gold.
type Finding struct {
	// Row is the row of the score table it counts in.
	Row string `json:"row"`
	// What is "missed" (a gold item the prediction lacks), "extra" (a
	// predicted item the gold lacks) or "wrong" (paired, but a part
	// differs; Note says how).
	What  string `json:"what"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Note  string `json:"note,omitempty"`
}

// pairUp pairs gold items with predicted ones, one to one, greedily: the
// candidate pairs (those score accepts) with the highest score first, then
// in gold order, then in predicted order. It returns for each gold item its
// predicted item, or -1, and the other way round.
func pairUp(ng, np int, score func(g, p int) (float64, bool)) (gp, pg []int) {
	type candidate struct {
		g, p  int
		score float64
	}
	var cands []candidate
	for g := range ng {
		for p := range np {
			if s, ok := score(g, p); ok {
				cands = append(cands, candidate{g, p, s})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	gp, pg = filled(ng, -1), filled(np, -1)
	for _, c := range cands {
		if gp[c.g] < 0 && pg[c.p] < 0 {
			gp[c.g], pg[c.p] = c.p, c.g
		}
	}
	return gp, pg
}

func filled(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// overlap is the number of code points two spans share.
func overlap(a1, a2, b1, b2 int) int {
	return max(0, min(a2, b2)-max(a1, b1))
}

// matchesAny reports whether some optional item accepts the predicted one.
func matchesAny(n int, ok func(i int) bool) bool {
	for i := range n {
		if ok(i) {
			return true
		}
	}
	return false
}

// tally adds a paired item's outcome for a part scored on its own: right is
// a true positive, wrong a false positive and a false negative.
func tally(c *Count, right bool) {
	if right {
		c.TP++
	} else {
		c.FP++
		c.FN++
	}
}

func sameValue(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b || canonicalValue(*a) == canonicalValue(*b)
}

var (
	shortWeek    = regexp.MustCompile(`^([0-9X]{4}-W)([0-9])\b`)
	trailingX    = regexp.MustCompile(`^([0-9]{4}(?:-[0-9]{2})?)(?:-XX)+$`)
	decadeOrCent = regexp.MustCompile(`^([0-9]{2,3})X+$`)
	wholeHour    = regexp.MustCompile(`(T[0-9]{2}):00\b`)
)

// canonicalValue writes a TIMEX3 value in one notation where annotators
// use several for the same time: week numbers zero-padded ("2000-W7" is
// 2000-W07), unspecified trailing fields dropped ("1968-XX" is the year
// 1968, "1998-10-XX" its October), decades and centuries by their leading
// digits ("198X" is 198, the 1980s), whole hours without minutes
// ("T17:00" is T17).
func canonicalValue(v string) string {
	v = wholeHour.ReplaceAllString(v, "$1")
	v = shortWeek.ReplaceAllString(v, "${1}0$2")
	v = trailingX.ReplaceAllString(v, "$1")
	return decadeOrCent.ReplaceAllString(v, "$1")
}

func show(v *string) string {
	if v == nil {
		return "null"
	}
	return *v
}

// spanScoring scores items with spans that pair one to one (dates,
// quotes): the found row counts pairs, missed and extra items; the right row
// counts pairs whose other part (a value, a speaker) is right too. Missed
// and extra items are listed under section.
type spanScoring struct {
	section              string
	found, right         string
	gold, optional, pred []extract.Span
	goldNote, predNote   func(i int) string
	pairable             func(g, p int) (float64, bool)
	check                func(g, p int) (ok bool, note string)
}

func (s spanScoring) score() (Table, []Finding) {
	gp, pg := pairUp(len(s.gold), len(s.pred), s.pairable)
	var found, right Count
	var fs []Finding
	finding := func(row, what string, sp extract.Span, note string) {
		fs = append(fs, Finding{Row: row, What: what, Text: sp.Text, Start: sp.Start, End: sp.End, Note: note})
	}
	for g, p := range gp {
		if p < 0 {
			found.FN++
			right.FN++
			finding(s.section, "missed", s.gold[g], s.goldNote(g))
			continue
		}
		found.TP++
		ok, note := s.check(g, p)
		tally(&right, ok)
		if !ok {
			finding(s.right, "wrong", s.pred[p], note)
		}
	}
	for p, g := range pg {
		sp := s.pred[p]
		if g >= 0 || matchesAny(len(s.optional), func(i int) bool {
			return overlap(s.optional[i].Start, s.optional[i].End, sp.Start, sp.End) > 0
		}) {
			continue
		}
		found.FP++
		right.FP++
		finding(s.section, "extra", sp, s.predNote(p))
	}
	return Table{s.found: found, s.right: right}, fs
}

func dateSpans(ds []extract.Date) []extract.Span {
	spans := make([]extract.Span, len(ds))
	for i, d := range ds {
		spans[i] = extract.Span{Text: d.Text, Start: d.Start, End: d.End}
	}
	return spans
}

func quoteSpans(qs []extract.Quote) []extract.Span {
	spans := make([]extract.Span, len(qs))
	for i, q := range qs {
		spans[i] = extract.Span{Text: q.Text, Start: q.Start, End: q.End}
	}
	return spans
}

// ScoreDates scores dates by span and value: a predicted date pairs with a
// gold date whose span it overlaps (TempEval's relaxed span match), the one
// with the same value first. The dates.span row counts the pairs, the dates
// row the pairs with equal values. A predicted date that overlaps an
// optional date and pairs with no gold one is not counted.
func ScoreDates(gold, optional, pred []extract.Date) (Table, []Finding) {
	return spanScoring{
		section: Dates, found: DateSpans, right: Dates,
		gold: dateSpans(gold), optional: dateSpans(optional), pred: dateSpans(pred),
		goldNote: func(i int) string { return "value " + show(gold[i].Value) },
		predNote: func(i int) string { return "value " + show(pred[i].Value) },
		pairable: func(g, p int) (float64, bool) {
			o := overlap(gold[g].Start, gold[g].End, pred[p].Start, pred[p].End)
			if o == 0 {
				return 0, false
			}
			if sameValue(gold[g].Value, pred[p].Value) {
				o += 1 << 30
			}
			return float64(o), true
		},
		check: func(g, p int) (bool, string) {
			return sameValue(gold[g].Value, pred[p].Value),
				fmt.Sprintf("value %s, want %s (gold %q)", show(pred[p].Value), show(gold[g].Value), gold[g].Text)
		},
	}.score()
}

// sameQuote reports whether two quotes are the same stretch: spans that
// overlap by at least half of their union, or, where a golden file gives
// no span, the same words.
func sameQuote(g, p extract.Quote) bool {
	if g.End <= g.Start {
		return normName(g.Text) == normName(p.Text)
	}
	o := overlap(g.Start, g.End, p.Start, p.End)
	union := max(g.End, p.End) - min(g.Start, p.Start)
	return o > 0 && 2*o >= union
}

// ScoreQuotes scores quotes by text and speaker. A predicted quote pairs
// with the gold quote it overlaps by half their union or more; the quotes
// row counts the pairs, the quotes.speaker row the pairs whose speaker is
// right as well (see sameSpeaker). A predicted quote that overlaps an
// optional quote and pairs with no gold one is not counted.
func ScoreQuotes(gold Gold, pred extract.Result) (Table, []Finding) {
	gq, pq := gold.Quotes, pred.Quotes
	return spanScoring{
		section: Quotes, found: Quotes, right: QuoteSpeakers,
		gold: quoteSpans(gq), optional: quoteSpans(gold.OptionalQuotes), pred: quoteSpans(pq),
		goldNote: func(i int) string { return "speaker " + speakerOf(gq[i]) },
		predNote: func(i int) string { return "speaker " + speakerOf(pq[i]) },
		pairable: func(g, p int) (float64, bool) {
			return float64(overlap(gq[g].Start, gq[g].End, pq[p].Start, pq[p].End)), sameQuote(gq[g], pq[p])
		},
		check: func(g, p int) (bool, string) {
			return sameSpeaker(gold.Result, gq[g], pred, pq[p]),
				fmt.Sprintf("speaker %s, want %s", speakerOf(pq[p]), speakerOf(gq[g]))
		},
	}.score()
}

func speakerOf(q extract.Quote) string {
	switch {
	case q.Speaker != nil && q.SpeakerText != "":
		return fmt.Sprintf("%s (%q)", *q.Speaker, q.SpeakerText)
	case q.Speaker != nil:
		return *q.Speaker
	case q.SpeakerText != "":
		return fmt.Sprintf("%q", q.SpeakerText)
	}
	return "null"
}

// sameSpeaker reports whether a predicted quote's speaker is the gold
// one's: the same entity id, or a name of one (the speaker_text, the
// entity's name and mention texts) that equals or contains, word for word,
// a name of the other ("Trump" for "Donald Trump"). Golden files converted
// from corpora name speakers as written ("she", "a spokesman"), so the
// predicted speaker_text counts as a name. A gold quote with no speaker
// at all wants none.
func sameSpeaker(gold extract.Result, g extract.Quote, pred extract.Result, p extract.Quote) bool {
	if g.Speaker == nil && g.SpeakerText == "" {
		return p.Speaker == nil && p.SpeakerText == ""
	}
	if g.Speaker != nil && p.Speaker != nil && *g.Speaker == *p.Speaker {
		return true
	}
	return namesMeet(speakerNames(gold, g), speakerNames(pred, p))
}

func speakerNames(r extract.Result, q extract.Quote) []string {
	var names []string
	if q.Speaker != nil {
		names = append(names, entityNames(r, *q.Speaker)...)
	}
	if q.SpeakerText != "" {
		names = append(names, q.SpeakerText)
	}
	return names
}

// entityNames returns the name and mention texts of the entity with the
// given id, or the id itself when the result has no such entity (golden
// files may name participants and speakers as written).
func entityNames(r extract.Result, id string) []string {
	if e, ok := entityByID(r, id); ok {
		names := []string{e.Name}
		for _, m := range e.Mentions {
			names = append(names, m.Text)
		}
		return names
	}
	return []string{id}
}

func entityByID(r extract.Result, id string) (extract.Entity, bool) {
	for _, list := range [][]extract.Entity{r.Actors, r.Locations} {
		for _, e := range list {
			if e.ID == id {
				return e, true
			}
		}
	}
	return extract.Entity{}, false
}

// namesMeet reports whether a name of one list equals or contains, word
// for word, a name of the other. Only the head of a name, before a comma or
// parenthesis, contains: "Kenneth Baer" and "Baer" are names of "Kenneth
// Baer, a former Obama administration official", "Obama" is not.
func namesMeet(a, b []string) bool {
	for _, x := range a {
		nx := words(head(x))
		for _, y := range b {
			ny := words(head(y))
			if nx != "" && ny != "" && (containsWords(nx, ny) || containsWords(ny, nx)) {
				return true
			}
		}
	}
	return false
}

// normName folds a name for comparison: lower case, straight apostrophes,
// single spaces, without a leading "the", a possessive 's and surrounding
// punctuation.
func normName(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(strings.ToLower(s))
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, ` .,;:!?"'()`)
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimPrefix(s, "the ")
	return strings.Trim(s, ` .,;:!?"'()`)
}

// head is a name up to the first comma or parenthesis.
func head(name string) string {
	if i := strings.IndexAny(name, ",("); i > 0 {
		return name[:i]
	}
	return name
}

// words is normName's folding with every character other than a letter,
// a digit or an apostrophe taken as a space between words.
func words(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			return r
		}
		return ' '
	}, normName(s))
	return strings.Join(strings.Fields(s), " ")
}

// containsWords reports whether the words of b occur in a, in order and
// next to each other.
func containsWords(a, b string) bool {
	return strings.Contains(" "+a+" ", " "+b+" ")
}

// participant is what is known of a meeting participant or location: the
// names it goes by and the spans where the text names it.
type participant struct {
	label string
	names []string
	spans []extract.Span
}

func participantOf(r extract.Result, idOrName string, args []Argument) participant {
	pt := participant{label: idOrName, names: entityNames(r, idOrName)}
	if e, ok := entityByID(r, idOrName); ok {
		pt.spans = e.Mentions
	}
	for _, a := range args {
		if a.Text == idOrName {
			pt.spans = append(pt.spans, a.Span)
		}
	}
	return pt
}

func sameParticipant(a, b participant) bool {
	if a.label == b.label || namesMeet(a.names, b.names) {
		return true
	}
	for _, x := range a.spans {
		for _, y := range b.spans {
			if overlap(x.Start, x.End, y.Start, y.End) > 0 {
				return true
			}
		}
	}
	return false
}

// meetingMatch compares one gold meeting with one predicted meeting.
type meetingMatch struct {
	gold, pred    []participant
	gp, pg        []int // participant pairs
	shared        int
	trigger       bool
	evidence      bool
	noSpans       bool
	datesDisagree bool
}

func matchMeeting(gr extract.Result, g GoldMeeting, pr extract.Result, p extract.Meeting) meetingMatch {
	var m meetingMatch
	for _, id := range g.Participants {
		m.gold = append(m.gold, participantOf(gr, id, g.Arguments))
	}
	for _, id := range p.Participants {
		m.pred = append(m.pred, participantOf(pr, id, nil))
	}
	m.gp, m.pg = pairUp(len(m.gold), len(m.pred), func(i, j int) (float64, bool) {
		return 1, sameParticipant(m.gold[i], m.pred[j])
	})
	for _, j := range m.gp {
		if j >= 0 {
			m.shared++
		}
	}
	m.trigger = overlap(g.Trigger.Start, g.Trigger.End, p.Trigger.Start, p.Trigger.End) > 0
	m.evidence = overlap(g.Evidence.Start, g.Evidence.End, p.Evidence.Start, p.Evidence.End) > 0
	m.noSpans = g.Trigger.End == 0 && g.Evidence.End == 0
	m.datesDisagree = g.HasDate && !sameValue(g.Date, p.Date)
	return m
}

// pairable: the same trigger; or the same sentence and a shared
// participant; or, for a golden file without spans, a shared participant
// and no disagreeing date.
func (m meetingMatch) pairable() bool {
	return m.trigger || m.evidence && m.shared > 0 || m.noSpans && m.shared > 0 && !m.datesDisagree
}

func (m meetingMatch) score() float64 {
	s := float64(m.shared) * 10
	if m.trigger {
		s += 1000
	}
	if m.evidence {
		s++
	}
	return s
}

// ScoreMeetings scores meetings. A predicted meeting pairs with a gold one
// that has the same trigger, or the same evidence sentence and a shared
// participant, or (gold without spans) a shared participant and no other
// date. The meetings row counts pairs; meetings.participants counts
// participants over all meetings (paired ones matched one to one by id,
// name or mention span; those of unpaired meetings as missed or extra);
// meetings.date and meetings.location count the paired meetings whose
// gold gives a date or location, right or wrong. Participants may be
// given in gold as entity ids or as names.
func ScoreMeetings(gold Gold, pred extract.Result) (Table, []Finding) {
	gm, pm := gold.GoldMeetings, pred.Meetings
	t := Table{Meetings: {}, MeetingParticipants: {}}
	var fs []Finding
	matches := make([][]meetingMatch, len(gm))
	for g := range gm {
		matches[g] = make([]meetingMatch, len(pm))
		for p := range pm {
			matches[g][p] = matchMeeting(gold.Result, gm[g], pred, pm[p])
		}
	}
	gp, pg := pairUp(len(gm), len(pm), func(g, p int) (float64, bool) {
		return matches[g][p].score(), matches[g][p].pairable()
	})
	mc, pc := t[Meetings], t[MeetingParticipants]
	for g, p := range gp {
		gmt := gm[g]
		if p < 0 {
			mc.FN++
			pc.FN += len(gmt.Participants)
			fs = append(fs, meetingFinding(Meetings, "missed", gmt.Meeting, ""))
			continue
		}
		mc.TP++
		m := matches[g][p]
		var lost, added []string
		for i, j := range m.gp {
			if j >= 0 {
				pc.TP++
			} else {
				pc.FN++
				lost = append(lost, m.gold[i].label)
			}
		}
		for j, i := range m.pg {
			if i < 0 {
				pc.FP++
				added = append(added, m.pred[j].label)
			}
		}
		if len(lost)+len(added) > 0 {
			fs = append(fs, meetingFinding(MeetingParticipants, "wrong", pm[p],
				fmt.Sprintf("participants missed %q, extra %q", lost, added)))
		}
		if gmt.HasDate {
			c := t[MeetingDates]
			tally(&c, sameValue(gmt.Date, pm[p].Date))
			t[MeetingDates] = c
			if !sameValue(gmt.Date, pm[p].Date) {
				fs = append(fs, meetingFinding(MeetingDates, "wrong", pm[p],
					fmt.Sprintf("date %s, want %s", show(pm[p].Date), show(gmt.Date))))
			}
		}
		if gmt.HasLocation {
			right := sameLocation(gold.Result, gmt, pred, pm[p])
			c := t[MeetingLocations]
			tally(&c, right)
			t[MeetingLocations] = c
			if !right {
				fs = append(fs, meetingFinding(MeetingLocations, "wrong", pm[p],
					fmt.Sprintf("location %s, want %s", show(pm[p].Location), show(gmt.Location))))
			}
		}
	}
	for p, g := range pg {
		if g >= 0 || matchesAny(len(gold.OptionalMeetings), func(i int) bool {
			return matchMeeting(gold.Result, gold.OptionalMeetings[i], pred, pm[p]).pairable()
		}) {
			continue
		}
		mc.FP++
		pc.FP += len(pm[p].Participants)
		fs = append(fs, meetingFinding(Meetings, "extra", pm[p], ""))
	}
	t[Meetings], t[MeetingParticipants] = mc, pc
	return t, fs
}

func sameLocation(gr extract.Result, g GoldMeeting, pr extract.Result, p extract.Meeting) bool {
	if g.Location == nil || p.Location == nil {
		return g.Location == p.Location
	}
	var places []Argument
	for _, a := range g.Arguments {
		if strings.EqualFold(a.Role, "place") {
			places = append(places, a)
		}
	}
	return sameParticipant(participantOf(gr, *g.Location, places), participantOf(pr, *p.Location, nil))
}

func meetingFinding(row, what string, m extract.Meeting, note string) Finding {
	sp := m.Trigger
	if sp.End == 0 {
		sp = m.Evidence
	}
	if note == "" {
		note = fmt.Sprintf("%s of %q, date %s, location %s", m.Kind, m.Participants, show(m.Date), show(m.Location))
	}
	return Finding{Row: row, What: what, Text: sp.Text, Start: sp.Start, End: sp.End, Note: note}
}
