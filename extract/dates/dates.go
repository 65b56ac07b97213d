// Package dates finds the date and time expressions of a news text and
// normalizes them to TIMEX3-style values against a reference date: full
// dates, month-days, months, years, decades, seasons, quarters, weekdays,
// expressions relative to the reference ("this week", "yesterday") or to
// the last date the text gave ("five days earlier", "the next day"),
// durations, clock times and sets.
//
// The year of a date written without one, and the direction of a weekday,
// come from the tense of the clause around it (the part-of-speech tags of
// the nearest verb). Without a reference date, values that need one are
// partial (XXXX-05-03, XXXX-WXX-1) or unknown.
package dates

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/readout/readout/internal/tokens"
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
	// tensePerfect is a past that was over by the reference date ("had
	// set").
	tensePerfect
	tensePresent
	tenseFuture
)

// exprKind says how a date expression is resolved to a value.
type exprKind int

const (
	kindNone      exprKind = iota // a duration: no point in time
	kindFull                      // y-m-d given in full
	kindMonthDay                  // m-d, year from the tense
	kindMonthYear                 // y-m
	kindMonth                     // m, year from rel or tense
	kindYear                      // y
	kindDecade                    // a decade, value is its first three digits
	kindSeason                    // season, year given or from rel/tense
	kindQuarter                   // quarter q (0: the latest whole one), year given or from rel/tense
	kindHalf                      // half q of year y
	kindWeekday                   // weekday wd, from rel or tense
	kindHoliday                   // a holiday m-d (wd > 0: the first such weekday from m-d), year from the tense
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
	// sameQuarter marks a quarter of a given year that is the latest
	// reported one's counterpart ("the 1988 period").
	sameQuarter bool
	// shiftN and shiftUnit move a day by a count of units: "a week after
	// May 3".
	shiftN    int
	shiftUnit string
	// weekOf turns the day into the week that holds it: "the week of
	// March 6".
	weekOf bool
	// easter marks a holiday d days from Easter Sunday.
	easter bool
	// resume, when past end, is where the scan goes on: after a
	// restatement in parentheses that is no expression of its own.
	resume int
}

// holiday is the day of holiday e in year y.
func (e dateExpr) holiday(y int) time.Time {
	switch {
	case e.easter:
		return easterSunday(y).AddDate(0, 0, e.d)
	case e.wd > 0:
		return weekdayFrom(y, e.m, e.d, e.wd)
	}
	return calDay{y, e.m, e.d}.time()
}

// easterSunday is Easter in the Gregorian calendar (the anonymous
// algorithm of Meeus).
func easterSunday(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 12, 0, 0, 0, time.UTC)
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

// time is the day at noon; a day of unknown year is placed in 2001, a
// common year, so that "five days earlier" still counts back across a
// month.
func (c calDay) time() time.Time {
	y := c.y
	if y == 0 {
		y = 2001
	}
	return time.Date(y, time.Month(c.m), c.d, 12, 0, 0, 0, time.UTC)
}

// dayOf is the day of t, its year dropped unless keepYear.
func dayOf(t time.Time, keepYear bool) calDay {
	c := calDay{t.Year(), int(t.Month()), t.Day()}
	if !keepYear {
		c.y = 0
	}
	return c
}

// String is the TIMEX3 value: 2023-05-03, or XXXX-05-03.
func (c calDay) String() string {
	if c.y == 0 {
		return fmt.Sprintf("XXXX-%02d-%02d", c.m, c.d)
	}
	return fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d)
}

// Text is a tokenized document as Find reads it. The slices are indexed
// by word; Names marks the words inside entity mentions, which are never
// dates on their own ("Theresa May", "the Armenian Weekly").
type Text struct {
	Words []tokens.Word
	// Tags are Penn Treebank part-of-speech tags.
	Tags []string
	// Sentences are [start, end) word ranges; SentenceOf maps a word to
	// its sentence.
	Sentences  [][2]int
	SentenceOf []int
	// ClauseStart marks sentence starts and the first word of a quote;
	// CapsLine marks words on a line written in capitals.
	ClauseStart []bool
	CapsLine    []bool
	Names       []bool
}

// Found is one date expression: its word range [Start, End), its TIMEX3
// type (DATE, TIME, DURATION, SET) and value ("" when it cannot be
// resolved).
type Found struct {
	Start, End int
	Type       string
	Value      string
}

// analysis is the Text as the matchers read it.
type analysis struct {
	words       []tokens.Word
	tags        []string
	sentences   [][2]int
	sentenceOf  []int
	clauseStart []bool
	capsLine    []bool
}

// Find returns the date expressions of t in text order, resolved against
// ref (the zero time: none). When ref is zero and the text's opening lines
// give a full date (a dateline, a photo caption), that date becomes the
// reference and is returned as textRef (YYYY-MM-DD); else textRef is "".
func Find(t *Text, ref time.Time) (found []Found, textRef string) {
	a := &analysis{words: t.Words, tags: t.Tags, sentences: t.Sentences, sentenceOf: t.SentenceOf,
		clauseStart: t.ClauseStart, capsLine: t.CapsLine}
	r := reference{t: ref, ok: !ref.IsZero()}
	exprs := a.findDates(t.Names)
	if !r.ok {
		if c, ok := a.textReference(exprs); ok {
			textRef = c.String()
			r = reference{t: c.time(), ok: true}
		}
	}
	found = make([]Found, 0, len(exprs))
	var anchor *calDay
	var point calDay // the last year, month or day the text gave
	period := ""     // the last quarter or month the text gave
	yearly := false  // a nine-month or yearly figure came after it
	for k := range exprs {
		e := &exprs[k]
		v, day := a.resolve(e, r, anchor)
		if day != nil {
			anchor = day
		}
		if e.kind == kindShift && e.anchored && e.unit == "D" && e.n == 0 && point.y != 0 && point.m != 0 && point.d == 0 &&
			(a.key(e.start) == "that" || a.key(e.start+1) == "same") {
			// "killed last October ... crossed out that same day": a day
			// of the month the text just gave.
			v, day = fmt.Sprintf("%04d-%02d-XX", point.y, point.m), nil
		}
		if e.kind == kindShift && e.anchored && point.y != 0 && (e.unit == "Y" || e.unit == "M" && point.m != 0) {
			// "later that year", "the following month": counted from the
			// period the text just gave, at its grain.
			v = shiftPoint(point, e.n*e.rel, e.unit)
		}
		if p, ok := pointOf(v); ok && !(e.kind == kindShift && e.unit == "Y" && e.rel < 0) {
			// "a year earlier" compares with the period at hand, and a
			// second one compares with it again, not with the first.
			point = p
		}
		switch {
		case e.sameQuarter && yearly:
			// "In the first nine months, ... in the 1988 period": the
			// same months of 1988.
			v = strconv.Itoa(e.y)
		case e.kind == kindQuarter && len(v) == 7 && !e.sameQuarter:
			// "the 1988 period" is itself the comparison, not a new
			// latest quarter.
			period, yearly = v, false
		case e.kind == kindMonth || e.kind == kindMonthYear:
			period, yearly = v, false
		case e.typ == "DURATION" && (e.unit == "M" && e.n >= 6 || e.unit == "Y" && e.n == 1):
			// "In the nine months, ...": what follows compares longer
			// periods, year with year.
			period, yearly = "", true
		case e.kind == kindShift && e.unit == "Y" && e.n > 0 && len(period) == 7 && (period[5] == 'Q' || isSamePeriod(a, e)):
			// Earnings news: "up from $1.12 a share a year ago" compares
			// with the same quarter of the year before; "the same month a
			// year ago" with the month the text gave.
			y, _ := strconv.Atoi(period[:4])
			v = fmt.Sprintf("%04d%s", y+e.n*e.rel, period[4:])
		}
		found = append(found, Found{Start: e.start, End: e.end, Type: e.typ, Value: v})
	}
	return found, textRef
}

// isSamePeriod reports whether e is "the same period/month ... a year
// ago".
func isSamePeriod(a *analysis, e *dateExpr) bool {
	return a.key(e.start) == "the" && e.end-e.start >= 4
}

// pointOf reads the year, and the month and day where it has them, of a
// value (2023, 2023-05, 2023-05-03, 2023-Q3, 2023-W18).
func pointOf(v string) (calDay, bool) {
	var c calDay
	if len(v) < 4 || !isDigits(v[:4]) {
		return c, false
	}
	c.y, _ = strconv.Atoi(v[:4])
	if len(v) >= 7 && v[4] == '-' && isDigits(v[5:7]) {
		c.m, _ = strconv.Atoi(v[5:7])
	}
	if len(v) >= 10 && v[7] == '-' && isDigits(v[8:10]) {
		c.d, _ = strconv.Atoi(v[8:10])
	}
	return c, len(v) == 4 || v[4] == '-'
}

// shiftPoint moves a year or month by n units of a year or month.
func shiftPoint(p calDay, n int, unit string) string {
	if unit == "Y" {
		return strconv.Itoa(p.y + n)
	}
	return time.Date(p.y, time.Month(p.m), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0).Format("2006-01")
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
		i = max(e.end, e.resume)
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
	case kindShift:
		return e.anchored && e.n == 0 // "later that year"
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

// bareDateAt reads the longest date expression starting at word i; of
// matches as long, the first matcher's ("last year's quarter" is a quarter,
// not last year).
func (a *analysis) bareDateAt(i int) (dateExpr, bool) {
	var best dateExpr
	found := false
	for _, f := range []func(int) (dateExpr, bool){
		a.clockAt, a.calendarAt, a.weekdayAt, a.refDayAt, a.yearAgoAt, a.relativeUnitAt,
		a.quarterAt, a.seasonAt, a.countAt, a.yearAt, a.fixedAt, a.setAt, a.holidayAt,
		a.reportingYearAt, a.aroundDayAt,
	} {
		if e, ok := f(i); ok && (!found || e.end > best.end) {
			best, found = e, true
		}
	}
	return best, found
}
