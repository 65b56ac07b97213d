package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/readout/readout/internal/tokens"
)

// Where a document's reference date came from (Result.ReferenceDateFrom).
const (
	// ReferenceFromFlag: the caller gave it (readout extract --date).
	ReferenceFromFlag = "flag"
	// ReferenceFromRecord: the JSONL input record's "date".
	ReferenceFromRecord = "record"
	// ReferenceFromText: the first full date of the article's opening
	// lines (a dateline or a photo caption).
	ReferenceFromText = "text"
)

// pastSlack is how many days past the reference date a past-tense date
// may lie and still fall in the reference year; futureSlack how many days
// before it a future-tense one may. News omits the year of dates in the
// current year, tense is read from the nearest verb only, and a reference
// read from the text (a caption's event date) is only a lower bound of the
// publication date: a deadline "set for Nov. 20" in an article of Nov. 2 is
// this year's.
const (
	pastSlack   = 31
	futureSlack = 7
)

// tense is the time a clause speaks of, relative to the reference date.
type tense int

const (
	tenseNone tense = iota
	tensePast
	tensePresent
	tenseFuture
)

// exprKind says how a date expression is resolved to a value.
type exprKind int

const (
	kindFull      exprKind = iota // y-m-d given in full
	kindMonthDay                  // m-d, year from the tense
	kindMonthYear                 // y-m
	kindMonth                     // m, year from rel or tense
	kindYear                      // y
	kindDecade                    // a decade, value is its first three digits
	kindSeason                    // season, year given or from rel/tense
	kindQuarter                   // quarter q (0: the latest whole one), year given or from rel/tense
	kindHalf                      // half q of year y
	kindWeekday                   // weekday wd, from rel or tense
	kindHoliday                   // a fixed holiday m-d, year from the tense
	kindRefDay                    // n days from the reference date (today, yesterday)
	kindRefUnit                   // this/last/next week, month, year, quarter, weekend
	kindShift                     // n units before or after the anchor or the reference
	kindFixed                     // value known without a reference
)

// dateExpr is one date expression found in the text, before resolution.
type dateExpr struct {
	start, end int // word range
	typ        string
	kind       exprKind
	y, m, d    int
	wd         int
	n          int    // count of units; -1 unspecified
	unit       string // D, W, M, Y, Q, WE, DE
	rel        int    // -1 last, 0 this, +1 next; for shifts the direction
	q          int
	season     string
	part       string // time of day: MO, AF, EV, NI, or hh:mm
	value      string // kindFixed, kindDecade
	anchored   bool   // a shift counted from the last date the text gave
	explicit   bool   // rel was written ("last", "this", "next")
	sign       string // modifier before the expression (early, late, mid)
	// shiftN and shiftUnit move a day by a count of units: "a week after
	// May 3".
	shiftN    int
	shiftUnit string
}

// reference is the date values are resolved against.
type reference struct {
	t  time.Time
	ok bool
}

// calDay is a resolved day; year 0 means the year is unknown.
type calDay struct {
	y, m, d int
}

func (c calDay) time() time.Time {
	y := c.y
	if y == 0 {
		y = 2001
	}
	return time.Date(y, time.Month(c.m), c.d, 12, 0, 0, 0, time.UTC)
}

func dayOf(t time.Time, keepYear bool) calDay {
	c := calDay{t.Year(), int(t.Month()), t.Day()}
	if !keepYear {
		c.y = 0
	}
	return c
}

func (c calDay) String() string {
	if c.y == 0 {
		return fmt.Sprintf("XXXX-%02d-%02d", c.m, c.d)
	}
	return fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d)
}

// dates finds the date expressions of the document and resolves them
// against ref (when ok). names marks the words inside entity mentions,
// which are never dates ("Theresa May"). It returns the dates in text order and
// the reference date the text itself gives, if ref was not set.
func (a *analysis) dates(ref reference, names []bool) ([]Date, *calDay) {
	exprs := a.findDates(names)
	var fromText *calDay
	if !ref.ok {
		if c, ok := a.textReference(exprs); ok {
			fromText = &c
			ref = reference{t: c.time(), ok: true}
		}
	}
	out := make([]Date, 0, len(exprs))
	var anchor *calDay
	quarter := ""
	for k := range exprs {
		e := &exprs[k]
		v, day := a.resolve(e, ref, anchor)
		if day != nil {
			anchor = day
		}
		if e.kind == kindQuarter && len(v) == 7 {
			quarter = v
		}
		if e.kind == kindShift && e.unit == "Y" && e.n > 0 && quarter != "" {
			// Earnings news: "up from $1.12 a share a year ago" compares
			// with the same quarter of the year before.
			y, _ := strconv.Atoi(quarter[:4])
			v = fmt.Sprintf("%04d%s", y+e.n*e.rel, quarter[4:])
		}
		sp := a.span(e.start, e.end)
		d := Date{Text: sp.Text, Start: sp.Start, End: sp.End, Type: e.typ}
		if v != "" {
			d.Value = &v
		}
		out = append(out, d)
	}
	return out, fromText
}

// textReference returns the first full date in the first three lines of
// the text that stands outside running prose: a dateline ("BAKU, January
// 10, 2024") or a photo caption ("... meet in Washington on May 1, 2023
// (Photo: ...)"), whose line does not end as a sentence does. It gives the
// article's date, or a lower bound of it.
func (a *analysis) textReference(exprs []dateExpr) (calDay, bool) {
	lineEnd := make([]int, 0, 3) // index of the last word of each line
	for i := 1; i <= len(a.words) && len(lineEnd) < 3; i++ {
		if i == len(a.words) || a.words[i].Break > 0 {
			lineEnd = append(lineEnd, i-1)
		}
	}
	for _, e := range exprs {
		line := 0
		for line < len(lineEnd) && e.start > lineEnd[line] {
			line++
		}
		if line == len(lineEnd) {
			break
		}
		if e.kind == kindFull && !endsSentence(a.words[lineEnd[line]].Key) {
			return calDay{e.y, e.m, e.d}, true
		}
	}
	return calDay{}, false
}

func endsSentence(k string) bool {
	switch k {
	case ".", "!", "?", "\"", "'", "'s":
		return true
	}
	return false
}

// nameWords marks the words inside the mentions of entities: a name is
// never a date ("Theresa May", "the Armenian Weekly").
func (a *analysis) nameWords(entities ...[]Entity) []bool {
	persons := make([]bool, len(a.words))
	var spans [][2]int
	for _, e := range slices.Concat(entities...) {
		for _, m := range e.Mentions {
			spans = append(spans, [2]int{m.Start, m.End})
		}
	}
	if len(spans) == 0 {
		return persons
	}
	for i, w := range a.words {
		p := w.Start
		if a.runes != nil {
			p = int(a.runes[p])
		}
		for _, s := range spans {
			if s[0] <= p && p < s[1] {
				persons[i] = true
				break
			}
		}
	}
	return persons
}

// key returns the normalized word i, or "" past either end.
func (a *analysis) key(i int) string {
	if i < 0 || i >= len(a.words) {
		return ""
	}
	return a.words[i].Key
}

// findDates scans the words left to right; at each word the longest
// expression starting there wins. Words inside names are dates only when
// they are written as one: a weekday, or a month with a day or a year
// ("met with Sununu Sunday", "As of Sept. 30" where a name reader glued
// them), never a bare month ("Theresa May").
func (a *analysis) findDates(names []bool) []dateExpr {
	var out []dateExpr
	for i := 0; i < len(a.words); {
		e, ok := a.dateAt(i)
		if !ok || (slices.Contains(names[e.start:e.end], true) && !writtenAsDate(e)) {
			i++
			continue
		}
		out = append(out, e)
		i = e.end
		// "April 24 and 25": the second day shares the month.
		for (e.kind == kindMonthDay || e.kind == kindFull) && (a.key(i) == "and" || a.key(i) == "or" || a.key(i) == "-" || a.key(i) == "to" || a.key(i) == "through") {
			d, ok := a.dayNumber(i + 1)
			if !ok || a.key(i+2) == "%" || unitWords[a.key(i+2)] != "" {
				break
			}
			if _, _, ok := a.month(i + 2); ok {
				break
			}
			e = dateExpr{start: i + 1, end: i + 2, typ: "DATE", kind: kindMonthDay, m: e.m, d: d}
			e = a.withYear(e, e.end, kindMonthDay)
			out = append(out, e)
			i = e.end
		}
	}
	return out
}

// dateAt reads the date expression starting at word i, with its modifiers.
func (a *analysis) dateAt(i int) (dateExpr, bool) {
	k := a.key(i)
	// Modifiers that narrow a period but keep its value: "early 2021",
	// "mid-November", "late last year", "the end of 1990".
	switch k {
	case "early", "late", "mid", "earlier", "later":
		j := i + 1
		if a.key(j) == "-" {
			j++
		}
		if e, ok := a.bareDateAt(j); ok && modifiable(e) {
			e.start, e.sign = i, k
			return e, true
		}
	case "the":
		switch a.key(i + 1) {
		case "end", "beginning", "start", "middle", "rest":
			if a.key(i+2) == "of" {
				if e, ok := a.bareDateAt(i + 3); ok && modifiable(e) {
					e.start = i
					return e, true
				}
				if u, ok := a.periodWord(i + 3); ok {
					return u, true
				}
			}
		}
	}
	return a.bareDateAt(i)
}

// writtenAsDate reports whether e is unmistakably a date, even inside what
// looks like a name.
func writtenAsDate(e dateExpr) bool {
	switch e.kind {
	case kindFull, kindMonthDay, kindMonthYear, kindWeekday:
		return true
	}
	return false
}

// modifiable reports whether a period can take early/late/end-of modifiers.
func modifiable(e dateExpr) bool {
	switch e.kind {
	case kindMonth, kindMonthYear, kindYear, kindDecade, kindSeason, kindQuarter, kindRefUnit:
		return true
	case kindRefDay, kindWeekday:
		return e.part == ""
	}
	return false
}

// periodWord reads "the year", "the month", "the week" after "the end of":
// the current one.
func (a *analysis) periodWord(i int) (dateExpr, bool) {
	if a.key(i) != "the" {
		return dateExpr{}, false
	}
	switch u := unitWords[a.key(i+1)]; u {
	case "W", "M", "Y", "Q":
		if !strings.HasSuffix(a.key(i+1), "s") {
			return dateExpr{start: i - 3, end: i + 2, typ: "DATE", kind: kindRefUnit, unit: u}, true
		}
	}
	return dateExpr{}, false
}

func (a *analysis) bareDateAt(i int) (dateExpr, bool) {
	for _, f := range []func(int) (dateExpr, bool){
		a.clockAt, a.calendarAt, a.weekdayAt, a.refDayAt, a.relativeUnitAt,
		a.quarterAt, a.seasonAt, a.yearAgoAt, a.countAt, a.yearAt, a.fixedAt, a.setAt, a.holidayAt,
	} {
		if e, ok := f(i); ok {
			return e, true
		}
	}
	return dateExpr{}, false
}

// dayNumber reads a day of the month: "3", "3rd", "21st".
func (a *analysis) dayNumber(i int) (int, bool) {
	k := a.key(i)
	k = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(k, "st"), "nd"), "rd"), "th")
	if len(k) == 0 || len(k) > 2 || !isDigits(k) {
		return 0, false
	}
	n, _ := strconv.Atoi(k)
	return n, n >= 1 && n <= 31
}

// yearNumber reads a four-digit year.
func (a *analysis) yearNumber(i int) (int, bool) {
	k := a.key(i)
	if len(k) != 4 || !isDigits(k) {
		return 0, false
	}
	n, _ := strconv.Atoi(k)
	return n, n >= 1000 && n <= 2199
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// month reads a capitalized month name at word i and returns the word
// after it; "Sept." may come as two words, the name and its period.
func (a *analysis) month(i int) (int, int, bool) {
	if i < 0 || i >= len(a.words) {
		return 0, i, false
	}
	w := a.words[i]
	m, ok := monthWords[w.Key]
	if !ok || !tokens.IsCapitalized(w.Text) {
		return 0, i, false
	}
	if i+1 < len(a.words) && a.words[i+1].Key == "." && a.words[i+1].Start == w.End && monthWords[w.Key+"."] != 0 {
		return m, i + 2, true
	}
	return m, i + 1, true
}

// calendarAt reads dates written with a month name: "Monday, December 12,
// 2022", "12 December 2022", "the 3rd of May", "May 3rd", "December 2022",
// "July last year", "in May".
func (a *analysis) calendarAt(i int) (dateExpr, bool) {
	start := i
	wd := 0
	if w, ok := weekdayWords[a.key(i)]; ok && tokens.IsCapitalized(a.words[i].Text) {
		j := i + 1
		if a.key(j) == "," {
			j++
		}
		if _, _, ok := a.month(j); ok {
			wd, i = w, j
		} else if _, ok := a.dayNumber(j); ok {
			if _, _, ok := a.month(j + 1); ok {
				wd, i = w, j
			}
		}
	}
	e := dateExpr{start: start, typ: "DATE", wd: wd}
	if m, n, ok := a.month(i); ok {
		if d, ok := a.dayNumber(n); ok && a.key(n+1) != "%" && unitWords[a.key(n+1)] == "" {
			e.m, e.d, e.end = m, d, n+1
			return a.withYear(e, e.end, kindMonthDay), true
		}
		j := n
		if a.key(j) == "," || a.key(j) == "of" {
			j++
		}
		if y, ok := a.yearNumber(j); ok {
			e.kind, e.y, e.m, e.end = kindMonthYear, y, m, j+1
			return e, true
		}
		e.kind, e.m, e.end = kindMonth, m, n
		if r, ok := relWord(a.key(n)); ok && a.key(n+1) == "year" {
			// "July last year", "January this year".
			e.kind, e.rel, e.unit, e.end = kindMonthYear, r, "Y", n+2
			return e, true
		}
		if ambiguousMonths[a.key(i)] && !timeIntroducers[a.key(i-1)] && (a.clauseStart[i] || a.capsLine[i] || a.key(i) == "may") {
			return dateExpr{}, false
		}
		if wd != 0 {
			return dateExpr{}, false
		}
		if r, ok := relWord(a.key(i - 1)); ok {
			e.start, e.rel, e.explicit = i-1, r, true
		}
		return e, true
	}
	// Day before month: "3 May 2023", "the 3rd of May".
	j := i
	if a.key(j) == "the" && wd == 0 {
		j++
	}
	if d, ok := a.dayNumber(j); ok {
		k := j + 1
		if a.key(k) == "of" {
			k++
		}
		if m, n, ok := a.month(k); ok && (j == i || k > j+1) {
			e.m, e.d, e.end = m, d, n
			return a.withYear(e, e.end, kindMonthDay), true
		}
	}
	return dateExpr{}, false
}

// withYear completes a month-day with a year written after it ("May 3,
// 2023", "3 May 2023").
func (a *analysis) withYear(e dateExpr, j int, kind exprKind) dateExpr {
	e.kind = kind
	k := j
	if a.key(k) == "," {
		k++
	}
	if y, ok := a.yearNumber(k); ok {
		e.kind, e.y, e.end = kindFull, y, k+1
	}
	return e
}

func relWord(k string) (int, bool) {
	switch k {
	case "last", "past", "previous":
		return -1, true
	case "this", "current":
		return 0, true
	case "next", "coming":
		return 1, true
	}
	return 0, false
}

// weekdayAt reads weekdays: "Monday", "last Friday", "Thursday night",
// "the previous Friday", "every Monday", "Mondays".
func (a *analysis) weekdayAt(i int) (dateExpr, bool) {
	j := i
	e := dateExpr{start: i, typ: "DATE", kind: kindWeekday}
	switch a.key(j) {
	case "every", "each":
		if wd, ok := weekdayWords[a.key(j+1)]; ok {
			return dateExpr{start: i, end: j + 2, typ: "SET", kind: kindFixed, value: fmt.Sprintf("XXXX-WXX-%d", wd)}, true
		}
		return dateExpr{}, false
	case "the":
		if r, ok := relWord(a.key(j + 1)); ok && r != 0 {
			e.rel, e.explicit, e.anchored = r, true, true
			j += 2
		}
	case "following":
		e.rel, e.explicit, e.anchored = 1, true, true
		j++
	default:
		if r, ok := relWord(a.key(j)); ok {
			e.rel, e.explicit = r, true
			j++
		}
	}
	if j >= len(a.words) || !tokens.IsCapitalized(a.words[j].Text) {
		return dateExpr{}, false
	}
	if wd, ok := weekdayPlurals[a.key(j)]; ok && !e.explicit {
		return dateExpr{start: i, end: j + 1, typ: "SET", kind: kindFixed, value: fmt.Sprintf("XXXX-WXX-%d", wd)}, true
	}
	wd, ok := weekdayWords[a.key(j)]
	if !ok {
		return dateExpr{}, false
	}
	e.wd, e.end = wd, j+1
	if p, ok := dayParts[a.key(e.end)]; ok {
		e.part, e.typ, e.end = p, "TIME", e.end+1
	}
	return e, true
}

// refDayAt reads days named from the reference date: "today", "yesterday",
// "tomorrow", "tonight", "this morning", "last night".
func (a *analysis) refDayAt(i int) (dateExpr, bool) {
	e := dateExpr{start: i, end: i + 1, typ: "DATE", kind: kindRefDay}
	switch a.key(i) {
	case "today":
	case "yesterday":
		e.n = -1
	case "tomorrow":
		e.n = 1
	case "tonight":
		e.part, e.typ = "NI", "TIME"
		return e, true
	case "this", "last":
		p, ok := dayParts[a.key(i+1)]
		if !ok || (a.key(i) == "last" && p != "NI") {
			return dateExpr{}, false
		}
		if a.key(i) == "last" {
			e.n = -1
		}
		e.part, e.typ, e.end = p, "TIME", i+2
		return e, true
	default:
		return dateExpr{}, false
	}
	if p, ok := dayParts[a.key(i+1)]; ok {
		e.part, e.typ, e.end = p, "TIME", i+2
	}
	return e, true
}

// relativeUnitAt reads "this week", "last month", "next year", "the past
// year", "the weekend", "the next day", "the following month", "the same
// day", "that day".
func (a *analysis) relativeUnitAt(i int) (dateExpr, bool) {
	e := dateExpr{start: i, typ: "DATE", kind: kindRefUnit}
	j := i
	the := false
	if a.key(j) == "the" {
		the = true
		j++
	}
	k := a.key(j)
	switch {
	case k == "same" || (k == "that" && !the):
		u := unitWords[a.key(j+1)]
		if u != "D" || strings.HasSuffix(a.key(j+1), "s") {
			return dateExpr{}, false
		}
		e.kind, e.unit, e.end, e.anchored = kindShift, "D", j+2, true
		return e, true
	case k == "weekend" && the:
		e.unit, e.end = "WE", j+1
		return e, true
	case k == "day" && the && dayContext[a.key(i-1)] && !dayFollowers[a.key(j+1)] && weekdayWords[a.key(j+1)] == 0:
		// "for the day", "end the day": the day the text speaks of.
		e.kind, e.unit, e.end, e.anchored = kindShift, "D", j+1, true
		return e, true
	}
	r, ok := relWord(k)
	if k == "following" && the {
		r, ok = 1, true
	}
	if !ok || (the && r == 0 && k != "current") || (!the && k == "previous") {
		return dateExpr{}, false
	}
	if a.key(j+1) == "fiscal" {
		j++
	}
	u := unitWords[a.key(j+1)]
	if u == "" || u == "H" || u == "MIN" || u == "DE" || u == "CE" || strings.HasSuffix(a.key(j+1), "s") {
		return dateExpr{}, false
	}
	e.rel, e.explicit, e.unit, e.end = r, true, u, j+2
	if the && (k == "next" || k == "following" || k == "previous") {
		// "the next day", "the following month": counted from the date the
		// text just gave.
		e.kind, e.n, e.anchored = kindShift, 1, true
		return e, true
	}
	if u == "D" {
		return dateExpr{}, false
	}
	return e, true
}

// quarterAt reads quarters and halves: "the third quarter", "third-quarter",
// "the fourth quarter of 1989", "the quarter", "the latest quarter", "the
// first half of 2023".
func (a *analysis) quarterAt(i int) (dateExpr, bool) {
	e := dateExpr{start: i, typ: "DATE", kind: kindQuarter}
	j := i
	if a.key(j) == "the" {
		j++
	}
	if a.key(j) == "fiscal" {
		j++
		if a.key(j) == "-" {
			j++
		}
	}
	if y, ok := a.yearNumber(j); ok {
		e.y = y
		j++
	} else if r, ok := relWord(a.key(j)); ok && a.key(j+1) == "year" && tokens.IsPossessive(a.key(j+2)) {
		// "this year's third quarter", "last year's quarter".
		e.rel, e.explicit = r, true
		j += 3
		if a.key(j) == "quarter" {
			e.end, e.q = j+1, 0
			return e, true
		}
	}
	switch a.key(j) {
	case "latest", "most":
		if a.key(j) == "most" && a.key(j+1) == "recent" {
			j++
		}
		if a.key(j+1) == "quarter" && j > i {
			e.end, e.q = j+2, 0
			return e, true
		}
		return dateExpr{}, false
	case "quarter":
		if j > i && a.key(i) == "the" && e.y == 0 {
			e.end = j + 1
			return e, true
		}
		return dateExpr{}, false
	}
	q, ok := ordinalWords[a.key(j)]
	if !ok {
		return dateExpr{}, false
	}
	j++
	if a.key(j) == "-" {
		j++
	}
	switch a.key(j) {
	case "quarter":
	case "half":
		if q > 2 {
			return dateExpr{}, false
		}
		e.kind = kindHalf
	default:
		return dateExpr{}, false
	}
	e.q, e.end = q, j+1
	if a.key(e.end) == "of" {
		if y, ok := a.yearNumber(e.end + 1); ok {
			e.y, e.end = y, e.end+2
		} else if r, ok := relWord(a.key(e.end + 1)); ok && a.key(e.end+2) == "year" {
			e.rel, e.explicit, e.end = r, true, e.end+3
		}
	}
	return e, true
}

// seasonAt reads seasons: "spring of 2021", "summer 2020", "this fall",
// "last winter", "the summer", "in spring".
func (a *analysis) seasonAt(i int) (dateExpr, bool) {
	e := dateExpr{start: i, typ: "DATE", kind: kindSeason}
	j := i
	if r, ok := relWord(a.key(j)); ok {
		e.rel, e.explicit = r, true
		j++
		if a.key(i) == "this" && a.key(j) == "past" {
			e.rel = -1
			j++
		}
	} else if a.key(j) == "the" {
		j++
	}
	s, ok := seasonWords[a.key(j)]
	if !ok {
		return dateExpr{}, false
	}
	e.season, e.end = s, j+1
	k := e.end
	if a.key(k) == "of" {
		k++
	}
	if y, ok := a.yearNumber(k); ok {
		e.y, e.end = y, k+1
		return e, true
	}
	if j == i && !timeIntroducers[a.key(i-1)] {
		return dateExpr{}, false
	}
	if s == "FA" && !e.explicit && !(j > i && timeIntroducers[a.key(i-1)]) {
		return dateExpr{}, false
	}
	return e, true
}

// yearAgoAt reads the year-before adjectives of earnings news:
// "year-earlier", "the year-ago quarter", "the comparable year-earlier
// period". Their value is the period a year before the reference (or
// before the quarter the text reports on, see dates).
func (a *analysis) yearAgoAt(i int) (dateExpr, bool) {
	j := i
	if a.key(j) == "the" {
		j++
		if a.key(j) == "comparable" || a.key(j) == "same" {
			j++
		}
	}
	if a.key(j) != "year" || a.key(j+1) != "-" || (a.key(j+2) != "earlier" && a.key(j+2) != "ago") {
		return dateExpr{}, false
	}
	e := dateExpr{start: i, end: j + 3, typ: "DATE", kind: kindShift, n: 1, unit: "Y", rel: -1}
	switch a.key(e.end) {
	case "quarter", "period":
		e.end++
	default:
		if j > i {
			return dateExpr{}, false
		}
	}
	return e, true
}

// countAt reads counted units: durations ("four months", "the past three
// years", "a 10-year plan") and shifts ("five days earlier", "two years
// ago", "a week after May 3").
func (a *analysis) countAt(i int) (dateExpr, bool) {
	start := i
	j := i
	past := false
	if a.key(j) == "the" {
		switch a.key(j + 1) {
		case "past", "last", "next", "coming", "previous", "first":
			past = true
			j += 2
		}
	}
	n, j, ok := a.numberAt(j)
	if !ok {
		if !past {
			return a.vagueCountAt(i)
		}
		return dateExpr{}, false
	}
	if a.key(j) == "-" {
		j++ // "an eight-year war"
	}
	u, ok := unitWords[a.key(j)]
	if !ok || u == "WE" {
		return dateExpr{}, false
	}
	end := j + 1
	switch {
	case a.key(end) == "-" && (a.key(end+1) == "old" || a.key(end+1) == "earlier" || a.key(end+1) == "ago"),
		a.key(end) == "old":
		// Ages ("a 44-year-old", "37 years old") and year-earlier
		// adjectives are no durations.
		return dateExpr{}, false
	case (a.key(i) == "a" || a.key(i) == "an") && i > 0 && a.rate(i-1) && !shiftWords[a.key(end)]:
		// "358,000 a month", "four flights a week": a rate.
		return dateExpr{}, false
	}
	e := dateExpr{start: start, end: end, typ: "DURATION", n: n, unit: u}
	if past {
		return e, true
	}
	switch a.key(end) {
	case "ago":
		e.typ, e.kind, e.rel, e.end = "DATE", kindShift, -1, end+1
		return e, true
	case "earlier", "before", "later", "after", "previously", "prior", "afterward", "afterwards":
		e.rel = -1
		switch a.key(end) {
		case "later", "after", "afterward", "afterwards":
			e.rel = 1
		}
		next := a.key(end + 1)
		if next == "" || unicode.IsPunct(rune(next[0])) || next == "and" || next == "but" || next == "when" {
			e.typ, e.kind, e.anchored, e.end = "DATE", kindShift, true, end+1
			return e, true
		}
		if next == "to" && a.key(end) == "prior" {
			end++
		}
		if d, ok := a.bareDateAt(end + 1); ok && n > 0 && namesDay(d) && d.part == "" && d.shiftUnit == "" {
			// "a week after May 3" is one expression, counted from May 3.
			d.start, d.shiftN, d.shiftUnit = start, n*e.rel, u
			return d, true
		}
	case "from":
		if a.key(end+1) == "now" {
			e.typ, e.kind, e.rel, e.end = "DATE", kindShift, 1, end+2
			return e, true
		}
	}
	if u == "Q" {
		return dateExpr{}, false
	}
	return e, true
}

// namesDay reports whether e names one day.
func namesDay(e dateExpr) bool {
	switch e.kind {
	case kindFull, kindMonthDay, kindWeekday, kindRefDay, kindHoliday:
		return true
	}
	return false
}

// rate reports whether word k is an amount a following "a week" divides:
// a number, or a plural noun ("flights").
func (a *analysis) rate(k int) bool {
	key := a.key(k)
	return a.tags[k] == "CD" || a.tags[k] == "NNS" || (key != "" && key[len(key)-1] >= '0' && key[len(key)-1] <= '9') || key == "million" || key == "billion"
}

// vagueCountAt reads durations without a number: "for weeks", "within
// months", "in recent years", "for centuries", and else "10-year".
func (a *analysis) vagueCountAt(i int) (dateExpr, bool) {
	j := i
	if a.key(j) == "recent" {
		j++
	}
	if u := unitWords[a.key(j)]; u != "" && u != "WE" && u != "Q" && strings.HasSuffix(a.key(j), "s") && (j > i || vagueContext[a.key(i-1)]) {
		return dateExpr{start: i, end: j + 1, typ: "DURATION", n: -1, unit: u}, true
	}
	return a.compactCountAt(i)
}

// compactCountAt reads "10-year" and "two-year" (a duration adjective).
func (a *analysis) compactCountAt(i int) (dateExpr, bool) {
	k := a.key(i)
	if h := strings.IndexByte(k, '-'); h > 0 && isDigits(k[:h]) {
		u, ok := unitWords[k[h+1:]]
		if ok && u != "WE" && u != "Q" {
			n, _ := strconv.Atoi(k[:h])
			return dateExpr{start: i, end: i + 1, typ: "DURATION", n: n, unit: u}, true
		}
	}
	return dateExpr{}, false
}

// numberAt reads a count: digits, number words, "a couple of", "a few",
// "twenty-five".
func (a *analysis) numberAt(i int) (int, int, bool) {
	k := a.key(i)
	if isDigits(k) && len(k) <= 3 {
		n, _ := strconv.Atoi(k)
		return n, i + 1, true
	}
	switch {
	case (k == "a" || k == "an") && a.key(i+1) == "few":
		return -1, i + 2, true
	case k == "a" && a.key(i+1) == "couple" && a.key(i+2) == "of":
		return 2, i + 3, true
	case k == "a" && a.key(i+1) == "dozen":
		return 12, i + 2, true
	}
	n, ok := numberWords[k]
	if !ok || k == "couple" || k == "dozen" {
		return 0, i, false
	}
	if n >= 20 && a.key(i+1) == "-" {
		if m, ok := numberWords[a.key(i+2)]; ok && m > 0 && m < 10 {
			return n + m, i + 3, true
		}
	}
	return n, i + 1, true
}

// yearAt reads years and decades: "2023", "fiscal 1989", "the 1990s",
// "the '70s".
func (a *analysis) yearAt(i int) (dateExpr, bool) {
	e := dateExpr{start: i, typ: "DATE", kind: kindYear}
	j := i
	if a.key(j) == "fiscal" {
		j++
		if a.key(j) == "year" {
			j++
		}
	}
	if y, ok := a.yearNumber(j); ok {
		if !a.isYear(j, y) {
			return dateExpr{}, false
		}
		e.y, e.end = y, j+1
		return e, true
	}
	if k := a.key(j); strings.HasPrefix(k, "mid-") {
		// "mid-1996" is one word.
		if y, err := strconv.Atoi(k[4:]); err == nil && len(k) == 8 && y >= 1000 {
			e.y, e.end = y, j+1
			return e, true
		}
	}
	if j == i && a.key(j) == "the" && a.key(j+1) == "year" {
		j += 2
	}
	if y, next, ok := a.spelledYear(j); ok {
		e.y, e.end = y, next
		return e, true
	}
	j = i
	if a.key(j) == "fiscal" {
		return dateExpr{}, false
	}
	// Decades.
	if a.key(j) == "the" {
		j++
		if a.key(j) == "mid" || a.key(j) == "early" || a.key(j) == "late" {
			j++
			if a.key(j) == "-" {
				j++
			}
		}
	}
	k := a.key(j)
	if a.key(j) == "'" || a.key(j) == "’" {
		j++
		k = a.key(j)
	}
	switch {
	case len(k) == 5 && isDigits(k[:4]) && k[3] == '0' && k[4] == 's':
		e.kind, e.value, e.end = kindDecade, k[:3], j+1
		return e, true
	case len(k) == 3 && isDigits(k[:2]) && k[1] == '0' && k[2] == 's' && (j > i):
		e.kind, e.value, e.end = kindDecade, "19"+k[:1], j+1
		return e, true
	}
	return dateExpr{}, false
}

// spelledYear reads a year in words, as transcripts write it: "nineteen
// ninety-six", "two thousand", "two thousand and one".
func (a *analysis) spelledYear(i int) (int, int, bool) {
	switch a.key(i) {
	case "nineteen", "eighteen", "twenty":
		tens, next, ok := a.numberAt(i + 1)
		if !ok || tens < 10 || tens > 99 || a.key(i+1) == "a" || a.key(i+1) == "an" {
			return 0, i, false
		}
		return numberWords[a.key(i)]*100 + tens, next, true
	case "two":
		if a.key(i+1) != "thousand" {
			return 0, i, false
		}
		next := i + 2
		if a.key(next) == "and" {
			next++
		}
		if n, after, ok := a.numberAt(next); ok && n > 0 && n < 100 && a.key(next) != "a" {
			return 2000 + n, after, true
		}
		if unitWords[a.key(i+2)] != "" {
			return 0, i, false // "two thousand years"
		}
		return 2000, i + 2, true
	}
	return 0, i, false
}

// isYear reports whether the four-digit number at word j is a year, not a
// count or an amount ("2,000 people" never gets here; "1500 troops",
// "$2000", "2000 percent" do).
func (a *analysis) isYear(j, y int) bool {
	prev, next := a.key(j-1), a.key(j+1)
	if prev == "$" || prev == "#" || prev == "no." || prev == "number" || prev == "£" || prev == "€" {
		return false
	}
	if countNouns[next] || next == ":" {
		return false
	}
	if y < 1800 && !timeIntroducers[prev] {
		return false
	}
	return true
}

// clockAt reads clock times: "4 a.m.", "9:30 p.m. EST", "noon",
// "midnight", with a day after them ("4 p.m. Thursday").
func (a *analysis) clockAt(i int) (dateExpr, bool) {
	k := a.key(i)
	e := dateExpr{start: i, typ: "TIME", kind: kindRefDay}
	j := i + 1
	switch {
	case k == "noon" || k == "midday":
		e.part = "12:00"
	case k == "midnight":
		e.part = "24:00"
	default:
		h, m, ok := clock(k)
		if !ok {
			return dateExpr{}, false
		}
		switch a.key(j) {
		case "a.m.", "am", "a.m":
			if h == 12 {
				h = 0
			}
		case "p.m.", "pm", "p.m":
			if h < 12 {
				h += 12
			}
		default:
			if !strings.Contains(k, ":") || a.key(i-1) != "at" {
				return dateExpr{}, false
			}
			j--
		}
		j++
		e.part = fmt.Sprintf("%02d:%02d", h, m)
	}
	switch a.key(j) {
	case "est", "edt", "gmt", "utc", "et", "pst", "pdt", "cet", "bst":
		j++
	}
	e.end = j
	if d, ok := a.bareDateAt(j); ok && d.part == "" && (d.kind == kindWeekday || d.kind == kindRefDay || d.kind == kindMonthDay || d.kind == kindFull) {
		d.start, d.typ, d.part = i, "TIME", e.part
		return d, true
	}
	return e, true
}

// clock reads "4", "11", "9:30".
func clock(k string) (int, int, bool) {
	h, m := k, "00"
	if c := strings.IndexByte(k, ':'); c > 0 {
		h, m = k[:c], k[c+1:]
	}
	if !isDigits(h) || !isDigits(m) || len(h) > 2 || len(m) != 2 {
		return 0, 0, false
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	return hh, mm, hh <= 23 && mm <= 59
}

// fixedAt reads words whose value needs no reference date: "now",
// "recently", "the past", "the future", and ISO dates (2023-05-04).
func (a *analysis) fixedAt(i int) (dateExpr, bool) {
	k := a.key(i)
	e := dateExpr{start: i, end: i + 1, typ: "DATE", kind: kindFixed}
	if v, ok := refWords[k]; ok {
		if k == "now" && (a.key(i+1) == "-" || a.key(i+1) == "that") || k == "soon" && (a.key(i-1) == "as" || a.key(i+1) == "after") ||
			k == "future" && (i+1 >= len(a.tags) || !strings.HasPrefix(a.tags[i+1], "NN")) {
			// "future losses" is a time; "a peaceful future" is not.
			return dateExpr{}, false
		}
		e.value = v
		return e, true
	}
	if (k == "these" && a.key(i+1) == "days") || (k == "the" && a.key(i+2) == "future" && (a.key(i+1) == "near" || a.key(i+1) == "foreseeable")) {
		e.end, e.value = i+2, "PRESENT_REF"
		if k == "the" {
			e.end, e.value = i+3, "FUTURE_REF"
		}
		return e, true
	}
	if k == "the" && (a.key(i+1) == "past" || a.key(i+1) == "future") {
		next := a.key(i + 2)
		if next == "of" || next != "" && (unitWords[next] != "" || isDigits(next) || numberWords[next] != 0) {
			return dateExpr{}, false
		}
		e.end = i + 2
		e.value = "PAST_REF"
		if a.key(i+1) == "future" {
			e.value = "FUTURE_REF"
		}
		return e, true
	}
	if len(k) == 10 && k[4] == '-' && k[7] == '-' {
		if t, err := time.Parse("2006-01-02", k); err == nil {
			e.kind, e.y, e.m, e.d = kindFull, t.Year(), int(t.Month()), t.Day()
			return e, true
		}
	}
	return dateExpr{}, false
}

// setAt reads frequencies: "every year", "each week", "daily", "annually".
func (a *analysis) setAt(i int) (dateExpr, bool) {
	k := a.key(i)
	e := dateExpr{start: i, end: i + 1, typ: "SET", kind: kindFixed}
	if v, ok := setWords[k]; ok {
		e.value = v
		return e, true
	}
	if k == "every" || k == "each" || k == "per" {
		u := unitWords[a.key(i+1)]
		switch u {
		case "D", "W", "M", "Y", "Q":
			e.value, e.end = "P1"+u, i+2
			return e, true
		}
	}
	return dateExpr{}, false
}

// holidayAt reads holidays with a fixed date: "Christmas", "New Year's Day".
func (a *analysis) holidayAt(i int) (dateExpr, bool) {
	if i >= len(a.words) || !tokens.IsCapitalized(a.words[i].Text) {
		return dateExpr{}, false
	}
	for n := 4; n >= 1; n-- {
		if i+n > len(a.words) {
			continue
		}
		parts := make([]string, 0, n)
		for j := i; j < i+n; j++ {
			parts = append(parts, a.words[j].Key)
		}
		name := strings.ReplaceAll(strings.Join(parts, " "), " 's", "'s")
		if md, ok := holidays[name]; ok {
			e := dateExpr{start: i, end: i + n, typ: "DATE", kind: kindHoliday, m: md[0], d: md[1]}
			return a.withYear(e, e.end, kindHoliday), true
		}
	}
	return dateExpr{}, false
}

// tenseAround returns the tense of the verb nearest to words [i, j) in their
// sentence: the clause that the date expression modifies, in most news
// sentences.
//
// A word right before the date can say it alone: "until", "payable" and
// "effective" point ahead, "since" back. Verbs after the date count double
// their distance, as a date phrase mostly follows the verb it dates
// ("was released on May 3 ..."), unless it opens the sentence.
func (a *analysis) tenseAround(i, j int) tense {
	switch a.key(i - 1) {
	case "until", "till", "payable", "effective", "due":
		return tenseFuture
	case "since":
		return tensePast
	}
	s := a.sentences[a.sentenceOf[i]]
	best, bestDist := tenseNone, 4*len(a.words)+1
	opening := i <= s[0]+1
	for k := s[0]; k < s[1]; k++ {
		if k >= i && k < j {
			continue
		}
		d := 2 * (i - k)
		if k >= j {
			d = 2*(k-j) + 1
			if !opening {
				d = 4*(k-j) + 1
			}
		}
		if !opening && (k >= j && a.clauseBreak(j, k) || k < i && a.clauseBreak(k+1, i)) {
			// A verb across "and", "but" or a comma is another clause's
			// ("met Blinken on Monday and are in Washington").
			d += 12
		}
		if d >= bestDist {
			continue
		}
		if t := a.verbTense(k); t != tenseNone {
			best, bestDist = t, d
		}
	}
	return best
}

// clauseBreak reports whether words [from, to) hold a word that joins
// clauses.
func (a *analysis) clauseBreak(from, to int) bool {
	for k := from; k < to; k++ {
		switch a.words[k].Key {
		case ",", ";", "and", "but", "while", "when", "after", "before", "as", ":", "--", "_":
			return true
		}
	}
	return false
}

// verbTense returns the tense word k marks, or tenseNone if it is not a
// finite verb or a future cue.
func (a *analysis) verbTense(k int) tense {
	key, tag := a.words[k].Key, a.tags[k]
	switch key {
	case "will", "shall", "'ll", "wo", "upcoming", "scheduled", "slated", "planned", "soon":
		return tenseFuture
	case "would", "could", "may", "might", "should", "can":
		// Reported or possible future ("said it would leave on March
		// 30", "could start falling in June"), unless "would have".
		if tag == "MD" && a.key(k+1) != "have" && a.key(k+1) != "not" && a.key(k+1) != "n't" {
			return tenseFuture
		}
	}
	if futureCues[key] && a.key(k+1) == "to" && (tag == "VBN" || tag == "VBZ" || tag == "VBP" || tag == "VBG" || tag == "JJ") {
		return tenseFuture
	}
	switch tag {
	case "VBD":
		return tensePast
	case "VBN":
		// A participle without its auxiliary ("the plan, announced
		// Friday") tells of something done.
		for b := k - 1; b >= 0 && b >= k-3; b-- {
			switch a.key(b) {
			case "is", "are", "am", "'s", "'re":
				return tensePresent
			case "be":
				return tenseNone
			}
		}
		return tensePast
	case "VBZ", "VBP":
		if next := a.key(k + 1); (key == "has" || key == "have") && k+1 < len(a.tags) && (a.tags[k+1] == "VBN" || next == "been") {
			return tensePast
		}
		return tensePresent
	}
	return tenseNone
}

// resolve computes the value of e against the reference and the anchor
// (the last day the text gave). It returns the value ("" for unknown) and
// the day the expression names when it names one, the next anchor.
func (a *analysis) resolve(e *dateExpr, ref reference, anchor *calDay) (string, *calDay) {
	v, day := a.resolveDay(e, ref, anchor)
	if e.shiftUnit == "" || day == nil {
		return v, day
	}
	c := shiftDay(*day, e.shiftN, e.shiftUnit)
	return withPart(c.String(), e.part), &c
}

func (a *analysis) resolveDay(e *dateExpr, ref reference, anchor *calDay) (string, *calDay) {
	if e.typ == "DURATION" {
		return durationValue(e.n, e.unit), nil
	}
	switch e.kind {
	case kindFixed:
		return e.value, nil
	case kindDecade:
		return e.value, nil
	case kindYear:
		return strconv.Itoa(e.y), nil
	case kindMonthYear:
		if e.unit == "Y" {
			if !ref.ok {
				return "", nil
			}
			e.y = ref.t.Year() + e.rel
		}
		return fmt.Sprintf("%04d-%02d", e.y, e.m), nil
	case kindFull:
		c := calDay{e.y, e.m, e.d}
		return withPart(c.String(), e.part), &c
	}
	t := a.tenseAround(e.start, e.end)
	switch e.kind {
	case kindMonthDay, kindHoliday:
		c := calDay{0, e.m, e.d}
		if ref.ok {
			c = pickYear(ref, t, func(y int) time.Time { return calDay{y, e.m, e.d}.time() })
		}
		return withPart(c.String(), e.part), &c
	case kindMonth:
		if !ref.ok {
			return fmt.Sprintf("XXXX-%02d", e.m), nil
		}
		y := ref.t.Year()
		rm := int(ref.t.Month())
		switch {
		case e.explicit && e.rel < 0:
			if e.m >= rm {
				y--
			}
		case e.explicit && e.rel > 0:
			if e.m <= rm {
				y++
			}
		case e.explicit:
		case t == tensePast:
			// A month up to a quarter ahead stays in this year even in a
			// past clause ("a move in June was now more likely").
			if e.m > rm+3 {
				y--
			}
		case t == tenseFuture:
			if e.m < rm {
				y++
			}
		case e.m-rm > 6:
			y--
		case rm-e.m > 6:
			y++
		}
		return fmt.Sprintf("%04d-%02d", y, e.m), nil
	case kindWeekday:
		if e.anchored && anchor != nil {
			c := stepWeekday(anchor.time(), e.wd, e.rel, false)
			d := dayOf(c, anchor.y != 0)
			return withPart(d.String(), e.part), &d
		}
		if !ref.ok {
			return withPart(fmt.Sprintf("XXXX-WXX-%d", e.wd), e.part), nil
		}
		dir := e.rel
		inclusive := !e.explicit
		switch {
		case e.sign == "earlier" || (!e.explicit && tokens.IsPossessive(a.key(e.end))):
			// "Friday's ruling" names something that has happened.
			dir = -1
		case e.sign == "later":
			dir = 1
		case !e.explicit:
			// "Leaders meet Monday": the present of news speaks of what
			// is ahead.
			dir = -1
			if t == tenseFuture || t == tensePresent {
				dir = 1
			}
		}
		c := dayOf(stepWeekday(ref.t, e.wd, dir, inclusive), true)
		return withPart(c.String(), e.part), &c
	case kindRefDay:
		if !ref.ok {
			return "", nil
		}
		c := dayOf(ref.t.AddDate(0, 0, e.n), true)
		return withPart(c.String(), e.part), &c
	case kindRefUnit:
		if !ref.ok {
			return "", nil
		}
		return refUnitValue(ref.t, e.unit, e.rel, e.explicit, t), nil
	case kindShift:
		base := ref.t
		keepYear := ref.ok
		if e.anchored && anchor != nil {
			base, keepYear = anchor.time(), anchor.y != 0
		} else if !ref.ok {
			return "", nil
		}
		if e.n < 0 {
			if e.rel < 0 {
				return "PAST_REF", nil
			}
			return "FUTURE_REF", nil
		}
		if e.unit == "D" && e.rel == 0 {
			c := dayOf(base, keepYear)
			return c.String(), &c
		}
		return shiftValue(base, e.n*e.rel, e.unit, keepYear)
	case kindQuarter, kindHalf:
		if e.y == 0 && !ref.ok {
			if e.q == 0 {
				return "", nil
			}
			return fmt.Sprintf("XXXX-%s%d", map[exprKind]string{kindQuarter: "Q", kindHalf: "H"}[e.kind], e.q), nil
		}
		return quarterValue(e, ref, t), nil
	case kindSeason:
		if e.y != 0 {
			return fmt.Sprintf("%04d-%s", e.y, e.season), nil
		}
		if !ref.ok {
			return "XXXX-" + e.season, nil
		}
		return fmt.Sprintf("%04d-%s", seasonYear(ref.t, e.season, e.rel, e.explicit, t), e.season), nil
	}
	return "", nil
}

// withPart adds a time of day to a day's value: 2023-05-03TMO,
// 2023-05-03T16:00.
func withPart(v, part string) string {
	if part == "" {
		return v
	}
	return v + "T" + part
}

// pickYear chooses the year of a date given without one: the latest such
// date not after the reference for a past-tense clause, the earliest not
// before it for a future one, and the nearest otherwise.
func pickYear(ref reference, t tense, at func(y int) time.Time) calDay {
	y0 := ref.t.Year()
	var best time.Time
	switch t {
	case tensePast:
		for y := y0 + 1; y >= y0-2; y-- {
			if c := at(y); !c.After(ref.t.AddDate(0, 0, pastSlack)) {
				best = c
				break
			}
		}
	case tenseFuture:
		for y := y0 - 1; y <= y0+2; y++ {
			if c := at(y); !c.Before(ref.t.AddDate(0, 0, -futureSlack)) {
				best = c
				break
			}
		}
	default:
		var bestDist time.Duration = 1 << 62
		for y := y0 - 1; y <= y0+1; y++ {
			c := at(y)
			d := c.Sub(ref.t)
			if d < 0 {
				d = -d
			}
			if d < bestDist {
				best, bestDist = c, d
			}
		}
	}
	return dayOf(best, true)
}

// stepWeekday returns the day with ISO weekday wd nearest to t in
// direction dir (-1 before, +1 after, 0 nearest either way); inclusive
// lets t itself count.
func stepWeekday(t time.Time, wd, dir int, inclusive bool) time.Time {
	cur := int(t.Weekday())
	if cur == 0 {
		cur = 7
	}
	back := (cur - wd + 7) % 7
	fwd := (wd - cur + 7) % 7
	if !inclusive {
		if back == 0 {
			back = 7
		}
		if fwd == 0 {
			fwd = 7
		}
	}
	switch {
	case dir < 0:
		return t.AddDate(0, 0, -back)
	case dir > 0:
		return t.AddDate(0, 0, fwd)
	case fwd < back:
		return t.AddDate(0, 0, fwd)
	}
	return t.AddDate(0, 0, -back)
}

func shiftDay(c calDay, n int, unit string) calDay {
	t := c.time()
	switch unit {
	case "D":
		t = t.AddDate(0, 0, n)
	case "W":
		t = t.AddDate(0, 0, 7*n)
	case "M":
		t = t.AddDate(0, n, 0)
	case "Y":
		t = t.AddDate(n, 0, 0)
	}
	return dayOf(t, c.y != 0)
}

// shiftValue is base moved by n units, at the grain of the unit.
func shiftValue(base time.Time, n int, unit string, keepYear bool) (string, *calDay) {
	switch unit {
	case "D", "W":
		c := shiftDay(dayOf(base, keepYear), n, unit)
		if !keepYear {
			c.y = 0
		}
		return c.String(), &c
	}
	if !keepYear {
		return "", nil
	}
	switch unit {
	case "M":
		t := time.Date(base.Year(), base.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		return t.Format("2006-01"), nil
	case "Y":
		return strconv.Itoa(base.Year() + n), nil
	case "DE":
		return strconv.Itoa(base.Year() + 10*n), nil
	case "Q":
		q := (int(base.Month())-1)/3 + n
		y := base.Year() + floorDiv(q, 4)
		return fmt.Sprintf("%04d-Q%d", y, q-4*floorDiv(q, 4)+1), nil
	}
	return "", nil
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// refUnitValue is "this/last/next week, month, year, quarter, weekend".
func refUnitValue(t time.Time, unit string, rel int, explicit bool, tn tense) string {
	switch unit {
	case "W":
		y, w := t.AddDate(0, 0, 7*rel).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case "M":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, rel, 0).Format("2006-01")
	case "Y":
		return strconv.Itoa(t.Year() + rel)
	case "Q":
		v, _ := shiftValue(t, rel, "Q", true)
		return v
	case "WE":
		if !explicit {
			wd := int(t.Weekday())
			switch {
			case tn == tenseFuture, wd == 6 || wd == 0:
				rel = 0
			case tn == tensePast || wd <= 3:
				rel = -1
			}
		}
		y, w := t.AddDate(0, 0, 7*rel).ISOWeek()
		return fmt.Sprintf("%04d-W%02d-WE", y, w)
	}
	return ""
}

// durationValue is the TIMEX3 duration of n units (n < 0: unspecified).
func durationValue(n int, unit string) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n)
	}
	switch unit {
	case "H":
		return "PT" + num + "H"
	case "MIN":
		return "PT" + num + "M"
	case "DE", "CE", "Q":
		// Decades and centuries in years, quarters in months.
		if n >= 0 {
			return "P" + strconv.Itoa(n*map[string]int{"DE": 10, "CE": 100, "Q": 3}[unit]) + map[string]string{"DE": "Y", "CE": "Y", "Q": "M"}[unit]
		}
		return "PX" + map[string]string{"DE": "Y", "CE": "Y", "Q": "M"}[unit]
	}
	return "P" + num + unit
}

// quarterValue is a quarter or half year: written ("the third quarter of
// 1989"), relative ("of last year") or the one the tense points to.
func quarterValue(e *dateExpr, ref reference, t tense) string {
	letter := "Q"
	per := 3
	if e.kind == kindHalf {
		letter, per = "H", 6
	}
	if e.y != 0 {
		if e.q == 0 {
			return fmt.Sprintf("%04d", e.y)
		}
		return fmt.Sprintf("%04d-%s%d", e.y, letter, e.q)
	}
	y := ref.t.Year()
	cur := (int(ref.t.Month())-1)/per + 1
	if e.q == 0 {
		// "the quarter", "the latest quarter": the last one reported on;
		// "last year's quarter": the same a year before.
		n := -1
		if e.explicit {
			n += 4 * e.rel
		}
		v, _ := shiftValue(ref.t, n, "Q", true)
		return v
	}
	switch {
	case e.explicit:
		y += e.rel
	case e.q > cur && t != tenseFuture:
		y--
	}
	return fmt.Sprintf("%04d-%s%d", y, letter, e.q)
}

// seasonYear picks the year of a season named without one.
func seasonYear(ref time.Time, s string, rel int, explicit bool, t tense) int {
	y := ref.Year()
	start := time.Date(y, time.Month(seasonStart[s]), 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 3, 0)
	switch {
	case explicit && rel < 0:
		if !end.Before(ref) {
			return y - 1
		}
	case explicit && rel > 0:
		if !start.After(ref) {
			return y + 1
		}
	case explicit:
	case t == tensePast && start.After(ref):
		return y - 1
	case t == tenseFuture && end.Before(ref):
		return y + 1
	}
	return y
}
