package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/readout/readout/internal/tokens"
)

// dayNumber reads a day of the month: "3", "3rd", "21st".
func (a *analysis) dayNumber(i int) (int, bool) {
	k := a.key(i)
	if n, ok := ordinalDays[k]; ok {
		return n, true // "March eighth", as transcripts write it
	}
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
		if j < len(a.words) && a.words[j].Break > 0 {
			// A headline ending "until Friday" above its dateline.
		} else if _, _, ok := a.month(j); ok {
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
		if y, next, ok := a.yearAfter(j); ok {
			e.kind, e.y, e.m, e.end = kindMonthYear, y, m, next
			return e, true
		}
		e.kind, e.m, e.end = kindMonth, m, n
		if a.key(n) == "of" && a.key(n+2) == "year" {
			n++ // "October of next year"
		}
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
	if d, ok := slashDate(a.key(i)); ok && wd == 0 {
		d.start, d.end = i, i+1
		return d, true
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

// slashDate reads a date written with slashes and a year: "7/8/07",
// "12/25/2006". The first number is the month, as American news writes it,
// unless it cannot be ("25/12/2006"). A two-digit year is of this century
// up to 49.
func slashDate(k string) (dateExpr, bool) {
	parts := strings.Split(k, "/")
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || (len(parts[2]) != 2 && len(parts[2]) != 4) {
		return dateExpr{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || !isDigits(p) {
			return dateExpr{}, false
		}
		n[i] = v
	}
	m, d, y := n[0], n[1], n[2]
	if m > 12 {
		m, d = d, m
	}
	if len(parts[2]) == 2 {
		y += 1900
		if y < 1950 {
			y += 100
		}
	}
	if m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m+1), 0, 0, 0, 0, 0, time.UTC).Day() {
		return dateExpr{}, false
	}
	return dateExpr{typ: "DATE", kind: kindFull, y: y, m: m, d: d}, true
}

// withYear completes a month-day with a year written after it ("May 3,
// 2023", "3 May 2023").
// yearAfter reads the year that completes a month or season: "1997", or
// in a transcript "nineteen ninety-seven". It returns the year and the word
// after it.
func (a *analysis) yearAfter(i int) (int, int, bool) {
	if y, ok := a.yearNumber(i); ok {
		return y, i + 1, true
	}
	return a.spelledYear(i)
}

func (a *analysis) withYear(e dateExpr, j int, kind exprKind) dateExpr {
	e.kind = kind
	k := j
	if a.key(k) == "," {
		k++
	}
	if y, ok := a.yearNumber(k); ok && a.words[k].Break == 0 {
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
		if i > 0 && a.words[i].Text[0] == 'T' && !a.clauseStart[i] && !a.capsLine[i] && a.words[i].Break == 0 && !opensClause(a.key(i-1)) {
			// A name: "USA Today", "BBC Radio 4's Today programme".
			return dateExpr{}, false
		}
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
	case "the", "a":
		// "today is the eighth day of Desert Shield", "trading was halted
		// for a second consecutive day": the day of writing.
		j := i + 1
		if ordinalWords[a.key(j)] == 0 && ordinalDays[a.key(j)] == 0 {
			return dateExpr{}, false
		}
		j++
		if a.key(j) == "consecutive" || a.key(j) == "straight" {
			j++
		}
		if a.key(j) != "day" || !dayCountIntroducers[a.key(i-1)] {
			return dateExpr{}, false
		}
		e.end = j + 1
		return e, true
	default:
		// "afternoon yesterday", "mid-afternoon yesterday".
		j := i
		if k := a.key(j); k == "mid" || k == "early" || k == "late" {
			j++
			if a.key(j) == "-" {
				j++
			}
		}
		p, ok := dayParts[a.key(j)]
		n, day := map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1}[a.key(j+1)]
		if !ok || !day {
			return dateExpr{}, false
		}
		e.n, e.part, e.typ, e.end = n, p, "TIME", j+2
		return e, true
	}
	if p, ok := dayParts[a.key(i+1)]; ok {
		e.part, e.typ, e.end = p, "TIME", i+2
	}
	return e, true
}

// opensClause reports whether a capitalized word after k may begin a
// clause rather than be a name.
func opensClause(k string) bool {
	switch k {
	case ".", "!", "?", ":", ";", "--", "-", "(", "\"", "``", "'", "''", "“", "‘":
		return true
	}
	return false
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
	if k == "year" && (a.key(j+1) == "-" || a.key(j+1) == "'s") && a.key(j+2) == "end" {
		// "by year-end", "since year-end": December 31 of the year the
		// tense points to.
		return dateExpr{start: i, end: j + 3, typ: "DATE", kind: kindMonthDay, m: 12, d: 31}, true
	}
	if the && k == "fiscal" && a.key(j+1) == "year" && yearContext[a.key(i-1)] && !dayFollowers[a.key(j+2)] &&
		!shiftWords[a.key(j+2)] && a.key(j+2) != "ended" && a.key(j+2) != "ending" {
		e.unit, e.end = "Y", j+2 // "lower earnings for the fiscal year"
		return e, true
	}
	switch {
	case !the && (k == "then" && (a.key(i-1) == "until" || a.key(i-1) == "till" || a.key(i-1) == "by") ||
		k == "that" && a.key(j+1) == "time" && (a.key(i-1) == "by" || a.key(i-1) == "until" || a.key(i-1) == "at")):
		// "Until then, the stock remains convertible", "by that time":
		// the day the text just gave.
		e.kind, e.unit, e.end, e.anchored = kindShift, "D", j+1, true
		if k == "that" {
			e.end = j + 2
		}
		return e, true
	case k == "same" || (k == "that" && !the):
		// "that day", "the same day", "that year", "that same day": the
		// one the text gave.
		if k == "that" && a.key(j+1) == "same" {
			j++
		}
		u := unitWords[a.key(j+1)]
		if (u != "D" && u != "M" && u != "Y") || strings.HasSuffix(a.key(j+1), "s") {
			return dateExpr{}, false
		}
		e.kind, e.unit, e.end, e.anchored = kindShift, u, j+2, true
		return e, true
	case k == "weekend" && the:
		e.unit, e.end = "WE", j+1
		return e, true
	case k == "day" && the && dayContext[a.key(i-1)] && !dayFollowers[a.key(j+1)] && weekdayWords[a.key(j+1)] == 0:
		// "for the day", "end the day": the day the text speaks of.
		e.kind, e.unit, e.end, e.anchored = kindShift, "D", j+1, true
		return e, true
	case the && (k == "full" || k == "entire" || k == "whole") && a.key(j+1) == "year",
		k == "year" && the && yearContext[a.key(i-1)] && !dayFollowers[a.key(j+1)] && !shiftWords[a.key(j+1)] &&
			a.key(j+1) != "ended" && a.key(j+1) != "ending":
		// "for the year": the reference year; "the full year": the year
		// the text speaks of.
		e.unit, e.end = "Y", j+1
		if k != "year" {
			e.kind, e.anchored, e.end = kindShift, true, j+2
		}
		return e, true
	}
	r, ok := relWord(k)
	if k == "following" && the {
		r, ok = 1, true
	}
	if !ok || (the && r == 0 && k != "current") || (!the && k == "previous") {
		return dateExpr{}, false
	}
	if p, ok := dayParts[a.key(j+1)]; ok && the && r != 0 {
		// "the next morning", "the previous night": the day before or
		// after the one the text gave.
		e.kind, e.typ, e.unit, e.n, e.rel, e.part, e.anchored, e.end = kindShift, "TIME", "D", 1, r, p, true, j+2
		return e, true
	}
	if a.key(j+1) == "fiscal" {
		j++
	}
	u := unitWords[a.key(j+1)]
	if u == "" || u == "H" || u == "MIN" || u == "DE" || u == "CE" || strings.HasSuffix(a.key(j+1), "s") {
		return dateExpr{}, false
	}
	if w := a.words[j+1].Text; w[0] >= 'A' && w[0] <= 'Z' && !a.capsLine[j+1] && (a.key(i-1) == `"` || a.key(i-1) == "``") {
		return dateExpr{}, false // a quoted title: ABC News' "This Week"
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
		if a.key(i) == "the" && (a.key(j) == "quarter" || a.key(j) == "period") {
			// "the 1988 quarter", "the 1989 period": the quarter of that
			// year that earnings news compares with the latest one.
			e.end, e.sameQuarter = j+1, true
			return e, true
		}
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
		if (a.key(j+1) == "quarter" || a.key(j+1) == "period") && j > i {
			// "the latest quarter", "the latest period": the last one
			// reported on.
			e.end, e.q = j+2, 0
			return e, true
		}
		y := j + 1
		if a.key(y) == "fiscal" {
			y++
		}
		if a.key(y) == "year" && j > i {
			// "the latest fiscal year": the last whole one.
			return dateExpr{start: i, end: y + 1, typ: "DATE", kind: kindRefUnit, unit: "Y", rel: -1, explicit: true}, true
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
	if k := a.key(j); (k == "final" || k == "last") && a.key(j+2) == "of" && a.yearFollows(j+3) {
		// "the final quarter of 2009", "the last half of 1989"; without a
		// year "the last quarter" is the latest one.
		q, ok = 4, true
		if a.key(j+1) == "half" {
			q = 2
		}
	}
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
		if q > 2 || a.key(j+1) == "-" {
			return dateExpr{}, false // "a first half-effort": a match's
		}
		e.kind = kindHalf
	default:
		return dateExpr{}, false
	}
	e.q, e.end = q, j+1
	if a.key(e.end) == "of" && a.yearFollows(e.end+1) {
		if y, ok := a.yearNumber(e.end + 1); ok {
			e.y, e.end = y, e.end+2
		} else {
			e.rel, _ = relWord(a.key(e.end + 1))
			e.explicit, e.end = true, e.end+3
		}
	}
	return e, true
}

// yearFollows reports whether word i starts a year: "1989", "this year",
// "last year".
func (a *analysis) yearFollows(i int) bool {
	if _, ok := a.yearNumber(i); ok {
		return true
	}
	_, ok := relWord(a.key(i))
	return ok && a.key(i+1) == "year"
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
	if y, next, ok := a.yearAfter(k); ok {
		e.y, e.end = y, next
		return e, true
	}
	owned := j == i && i > 0 && (a.tags[i-1] == "PRP$" || a.key(i-1) == "'s") && a.key(j) != "fall"
	if j == i && !timeIntroducers[a.key(i-1)] && !owned {
		// "their Autumn meetings", "the IMF's spring meetings", but not
		// "the company's fall".
		return dateExpr{}, false
	}
	if s == "FA" && !e.explicit && !owned && !(j > i && timeIntroducers[a.key(i-1)]) {
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
		if a.key(j) == "comparable" || a.key(j) == "same" || a.key(j) == "corresponding" {
			j++
			// "the same period last year", "the same month a year ago".
			if u := a.key(j); u == "period" || u == "month" || u == "quarter" {
				switch {
				case a.key(j+1) == "last" && a.key(j+2) == "year":
					return dateExpr{start: i, end: j + 3, typ: "DATE", kind: kindShift, n: 1, unit: "Y", rel: -1}, true
				case a.key(j+1) == "a" && a.key(j+2) == "year" && (a.key(j+3) == "ago" || a.key(j+3) == "earlier"):
					return dateExpr{start: i, end: j + 4, typ: "DATE", kind: kindShift, n: 1, unit: "Y", rel: -1}, true
				}
			}
		}
	}
	if a.key(j) != "year" || a.key(j+1) != "-" || (a.key(j+2) != "earlier" && a.key(j+2) != "ago") {
		return dateExpr{}, false
	}
	e := dateExpr{start: i, end: j + 3, typ: "DATE", kind: kindShift, n: 1, unit: "Y", rel: -1}
	if q, ok := ordinalWords[a.key(e.end)]; ok && q <= 4 && a.key(e.end+1) == "quarter" {
		// "the year-ago third quarter": that quarter of the year before.
		return dateExpr{start: i, end: e.end + 2, typ: "DATE", kind: kindQuarter, q: q, rel: -1, explicit: true}, true
	}
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
		if a.key(j) == "decade" {
			// "over the past decade": ten years back from now.
			return dateExpr{start: start, end: j + 1, typ: "DURATION", n: 1, unit: "DE"}, true
		}
		return dateExpr{}, false
	}
	half := a.key(j) == "1/2"
	if half {
		j++ // "2 1/2 years"
	}
	if a.key(j) == "-" {
		j++ // "an eight-year war"
	} else if k := a.key(j); k == "more" || k == "consecutive" || k == "straight" {
		j++ // "for two more weeks", "two consecutive quarters"
	}
	working := a.key(j) == "trading" || a.key(j) == "business"
	if working {
		j++ // "five trading days": a count of days, not a calendar span
	}
	u, ok := unitWords[a.key(j)]
	if !ok || u == "WE" || working && u != "D" {
		return dateExpr{}, false
	}
	if j == start+1 && (a.key(start) == "a" || a.key(start) == "an") && (strings.HasSuffix(a.key(j), "s") || a.key(j+1) == "-" && a.key(j+2) == "long") {
		return dateExpr{}, false // "a decades-long feud", "a day-long strike"
	}
	end := j + 1
	if working {
		return dateExpr{start: start, end: end, typ: "DURATION", n: n, unit: u}, true
	}
	if half {
		v, ok := halfDuration(n, u)
		if !ok || n < 0 {
			return dateExpr{}, false
		}
		return dateExpr{start: start, end: end, typ: "DURATION", n: n, unit: u, value: v}, true
	}
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
	if a.key(start) == "one" && u == "D" && start > 0 && a.tags[start-1] == "MD" {
		// "Islam will one day be the second largest religion": some
		// day ahead.
		return dateExpr{start: start, end: end, typ: "DATE", kind: kindFixed, value: "FUTURE_REF"}, true
	}
	if a.key(end) == "or" && a.key(end+1) == "so" && shiftWords[a.key(end+2)] {
		end += 2 // "a week or so ago"
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
		adverb := a.key(end) == "earlier" || a.key(end) == "later" || a.key(end) == "previously"
		if next == "" || unicode.IsPunct(rune(next[0])) || next == "and" || next == "but" || next == "when" || adverb && next != "that" && next != "this" {
			// "earlier" and "later" take no object: "A year earlier
			// UniFirst earned ..." is a shift whatever follows, but
			// "a week after Azerbaijan installed ..." counts to an event.
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

// aroundDayAt reads a day named by another: "the day before last
// Tuesday", "the week after Christmas", "the week of March 6" (the week
// that holds March 6). In "the night of Oct. 23" the date alone is the
// expression, as TimeBank annotates it.
func (a *analysis) aroundDayAt(i int) (dateExpr, bool) {
	if a.key(i) != "the" {
		return dateExpr{}, false
	}
	w, rel := a.key(i+1), a.key(i+2)
	u := unitWords[w]
	switch {
	case (u == "D" || u == "W" || u == "M") && !strings.HasSuffix(w, "s") && (rel == "before" || rel == "after"):
	case u == "W" && w == "week" && rel == "of":
	default:
		return dateExpr{}, false
	}
	d, ok := a.bareDateAt(i + 3)
	if !ok || !namesDay(d) || d.part != "" || d.shiftUnit != "" {
		return dateExpr{}, false
	}
	d.start = i
	switch {
	case rel == "of":
		d.weekOf = true
	default:
		d.shiftN, d.shiftUnit = 1, u
		if rel == "before" {
			d.shiftN = -1
		}
	}
	return d, true
}

// halfDuration writes n and a half units in the next smaller unit:
// "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
func halfDuration(n int, unit string) (string, bool) {
	switch unit {
	case "Y":
		return fmt.Sprintf("P%dY6M", n), true
	case "D":
		return fmt.Sprintf("P%dDT12H", n), true
	case "H":
		return fmt.Sprintf("PT%dH30M", n), true
	case "MIN":
		return fmt.Sprintf("PT%dM30S", n), true
	}
	return "", false
}

// reportingYearAt reads "the year ended Sept. 30", "the fiscal year ending
// June 30": a company's twelve months, a duration that the date after it
// closes.
func (a *analysis) reportingYearAt(i int) (dateExpr, bool) {
	if a.key(i) != "the" {
		return dateExpr{}, false
	}
	j := i + 1
	if a.key(j) == "fiscal" {
		j++
	}
	if a.key(j) != "year" || a.key(j+1) != "ended" && a.key(j+1) != "ending" {
		return dateExpr{}, false
	}
	return dateExpr{start: i, end: j + 1, typ: "DURATION", n: 1, unit: "Y"}, true
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

// compactCountAt reads "10-year" and "two-year" (a duration adjective),
// and "day-long", "decades-long", "yearlong".
func (a *analysis) compactCountAt(i int) (dateExpr, bool) {
	k := a.key(i)
	unit, long := strings.CutSuffix(k, "long")
	if !long && a.key(i+1) == "-" && a.key(i+2) == "long" {
		unit, long = k, true
	}
	if a.key(i+1) == "old" {
		return dateExpr{}, false // "50-year old women": an age
	}
	if u, ok := unitWords[unit]; ok && long && u != "WE" && u != "Q" {
		e := dateExpr{start: i, end: i + 1, typ: "DURATION", n: 1, unit: u}
		if k == unit {
			e.end = i + 3
		}
		if strings.HasSuffix(unit, "s") {
			e.n = -1 // "decades-long": some decades
		}
		return e, true
	}
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
	if pre, yr, ok := strings.Cut(a.key(j), "-"); ok && (pre == "mid" || pre == "pre" || pre == "post") {
		// "mid-1996", "post-1959" are one word.
		if y, err := strconv.Atoi(yr); err == nil && len(yr) == 4 && y >= 1000 {
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
	if d, ok := decadeWords[k]; ok && j > i {
		// "the nineties"
		e.kind, e.value, e.end = kindDecade, "19"+strconv.Itoa(d), j+1
		return e, true
	}
	if c, ok := a.dayNumber(j); ok && j+1 < len(a.words) && a.key(j+1) == "century" && a.key(j) != strconv.Itoa(c) {
		// "the 20th century": its first two digits.
		e.kind, e.value, e.end = kindDecade, fmt.Sprintf("%02d", c-1), j+2
		return e, true
	}
	if a.key(j) == "'" || a.key(j) == "’" {
		j++
		k = a.key(j)
	}
	switch {
	case len(k) == 5 && isDigits(k[:4]) && k[3] == '0' && k[4] == 's':
		e.kind, e.value, e.end = kindDecade, k[:3], j+1
		return e, true
	case len(k) == 3 && isDigits(k[:2]) && k[1] == '0' && k[2] == 's' && (j > i || a.decadeBefore(i)):
		e.kind, e.value, e.end = kindDecade, "19"+k[:1], j+1
		return e, true
	case len(k) == 3 && k[0] == '\'' && isDigits(k[1:]) && timeIntroducers[a.key(j-1)]:
		// "since '82": the last century for two digits past 30.
		y, _ := strconv.Atoi(k[1:])
		e.y, e.end = 2000+y, j+1
		if y > 30 {
			e.y -= 100
		}
		return e, true
	}
	return dateExpr{}, false
}

// decadeBefore reports whether a decade and "and", "or" or "to" come
// before word i: "the 70s and 80s".
func (a *analysis) decadeBefore(i int) bool {
	switch a.key(i - 1) {
	case "and", "or", "to", "-":
		k := strings.TrimPrefix(a.key(i-2), "'")
		return len(k) >= 3 && strings.HasSuffix(k, "0s") && isDigits(k[:len(k)-1])
	}
	return false
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
	case (k == "noon" || k == "midday" || k == "midnight") && a.words[i].Text[0] < 'a' && !a.clauseStart[i]:
		return dateExpr{}, false // a title: "High Noon"
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
		case "o'clock":
		case "in":
			// "4 in the morning", "9 in the evening".
			p := dayParts[a.key(j+2)]
			switch a.key(i - 1) {
			case "at", "by", "until", "till", "before", "after", "since", "around", "about":
			default:
				return dateExpr{}, false // "2 in the morning session"
			}
			if a.key(j+1) != "the" || p == "" || h > 12 || m != 0 {
				return dateExpr{}, false
			}
			if p != "MO" && h < 12 {
				h += 12
			}
			j += 2
		default:
			// A bare "16:08" is a time after "at"; with a zone after it
			// ("14:48 UTC", "0800 GMT") it is one anywhere.
			if !(strings.Contains(k, ":") && a.key(i-1) == "at") && !timeZones[a.key(j)] {
				return dateExpr{}, false
			}
			j--
		}
		j++
		e.part = fmt.Sprintf("%02d:%02d", h, m)
	}
	if timeZones[a.key(j)] {
		// ISO 8601 writes a time in UTC with a Z; other zones stay as local times.
		if k := a.key(j); k == "utc" || k == "gmt" {
			e.part += "Z"
		}
		j++
	}
	e.end = j
	if a.key(j) == "(" {
		// A time restated in parentheses is an expression of its own,
		// and gives the first one its day: in "4 in the morning (4 a.m.
		// EDT Thursday)" both are Thursday's. A restatement in another
		// zone is skipped, and the day after it is the first time's too:
		// "10:35 a.m. (0735 GMT) Friday".
		if c, ok := a.clockAt(j + 1); ok && a.key(c.end) == ")" {
			if c.kind != kindRefDay || c.n != 0 {
				c.start, c.end, c.part, c.resume = i, j, e.part, 0
				return c, true
			}
			if d, ok := a.bareDateAt(c.end + 1); ok && d.typ == "DATE" && d.part == "" && (d.kind == kindWeekday || d.kind == kindRefDay || d.kind == kindMonthDay || d.kind == kindFull) {
				d.start, d.end, d.typ, d.part, d.resume = i, j, "TIME", e.part, c.end+1
				return d, true
			}
			e.resume = c.end + 1
		}
	}
	if a.key(j) == "," {
		// "5 p.m. EST, Nov. 6", "16:15 UTC, June 1st".
		if d, ok := a.bareDateAt(j + 1); ok && d.typ == "DATE" && d.part == "" && (d.kind == kindMonthDay || d.kind == kindFull) {
			d.start, d.typ, d.part = i, "TIME", e.part
			return d, true
		}
	}
	if d, ok := a.bareDateAt(j); ok && d.typ == "DATE" && d.part == "" && (d.kind == kindWeekday || d.kind == kindRefDay || d.kind == kindMonthDay || d.kind == kindFull) {
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
	if len(k) == 4 && isDigits(k) {
		h, m = k[:2], k[2:] // "0800", the 24-hour form of news wires
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
		if k == "now" && (a.key(i+1) == "-" || a.discourseNow(i)) || k == "soon" && (a.key(i-1) == "as" || a.key(i+1) == "after" || a.key(i+1) == "-") {
			// "now-defunct", "Now, he says", "as soon as", "soon after",
			// "the soon-to-open terminal". "now that" still says when.
			return dateExpr{}, false
		}
		e.value = v
		return e, true
	}
	if k == "current" && a.key(i-1) != "then" && unitWords[a.key(i+1)] == "" {
		// TimeML dates "the current crisis" to the present.
		e.value = "PRESENT_REF"
		return e, true
	}
	if k == "last" && (a.key(i-1) == "as" || a.key(i-1) == "than") && a.key(i-2) == "year" && a.key(i-3) == "this" {
		// "twice as high a dividend this year as last": last year.
		return dateExpr{start: i, end: i + 1, typ: "DATE", kind: kindRefUnit, unit: "Y", rel: -1, explicit: true}, true
	}
	if k == "the" && a.key(i+2) == "term" && (a.key(i+1) == "near" || a.key(i+1) == "short" || a.key(i+1) == "long") {
		e.end, e.value = i+3, "FUTURE_REF" // "in the near term"
		return e, true
	}
	if k == "recent" && unitWords[a.key(i+1)] == "" {
		e.value = "PAST_REF" // "the recent sale"
		return e, true
	}
	if k == "then" && a.key(i+1) == "current" {
		e.end, e.value = i+2, "PAST_REF" // "the then current price"
		return e, true
	}
	if (k == "these" && a.key(i+1) == "days") || (k == "the" && a.key(i+2) == "future" && a.key(i+1) == "near") {
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

// discourseNow tells "Now" that opens a sentence as a turn in the story
// ("Now, he says, ...", "Now for the quiz") from the time it also names.
func (a *analysis) discourseNow(i int) bool {
	next := a.key(i + 1)
	return (next == "," || next == "for") && a.clauseStart[i]
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
		md, fixed := holidays[name]
		offset, easter := easterDays[name]
		if _, yearAfter := a.yearNumber(i + n); (!fixed && !easter) || (n == 1 && !holidayIntroducers[a.key(i-1)] && !yearAfter) {
			// A one-word holiday is a date after "on", "since", "last"...,
			// not in "Christmas sales".
			continue
		}
		e := dateExpr{start: i, end: i + n, typ: "DATE", kind: kindHoliday, m: md[0], d: md[1], wd: md[2]}
		if easter {
			e.easter, e.d, e.weekOf = true, offset, strings.HasSuffix(name, " week")
		}
		if r, ok := relWord(a.key(i - 1)); ok && r != 0 {
			e.start, e.rel, e.explicit = i-1, r, true // "last Thanksgiving"
		}
		e = a.withYear(e, e.end, kindHoliday)
		if e.kind == kindFull {
			// "Thanksgiving 1999", "Easter 2000": the day of that year.
			t := e.holiday(e.y)
			e.m, e.d = int(t.Month()), t.Day()
		}
		return e, true
	}
	return dateExpr{}, false
}
