package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/readout/readout/internal/tokens"
)

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
		// "Until Thursday, they had not called him a suspect", "it had
		// been due to expire Friday": a past perfect is over by the date,
		// which is then past too.
		if a.clauseTense(i, j) == tensePerfect {
			return tensePast
		}
		return tenseFuture
	case "since":
		return tensePast
	case "and", "or":
		if weekdayWords[a.key(i-2)] != 0 {
			// "statements made Friday and Thursday": the second day
			// shares the first one's verb.
			return a.tenseAround(i-2, i-1)
		}
	}
	return a.clauseTense(i, j)
}

// clauseTense returns the tense of the verb nearest to words [i, j).
func (a *analysis) clauseTense(i, j int) tense {
	s := a.sentences[a.sentenceOf[i]]
	best, bestDist := tenseNone, 4*len(a.words)+1
	opening := i <= s[0]+1
	aside := a.asides(s[0], s[1])
	for k := s[0]; k < s[1]; k++ {
		if k >= i && k < j || aside != nil && aside[k-s[0]] && !aside[i-s[0]] {
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
		if k >= j && a.relativeVerb(k) {
			// "On Sunday, the countries -- that is, those which use the
			// euro -- had agreed": a relative clause's verb is not the
			// date's.
			d += 12
		}
		if d >= bestDist {
			continue
		}
		if k < i && a.tags[k] == "VBZ" && a.inNounPhrase(k) {
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
		case "and":
			if k > 0 && k+1 < len(a.tags) && strings.HasPrefix(a.tags[k-1], "NN") && strings.HasPrefix(a.tags[k+1], "NN") {
				continue // "between Australia and India" joins nouns
			}
			return true
		case ",", ";", "but", "while", "when", "after", "before", "as", ":", "--", "_":
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
	case "will", "shall", "'ll", "wo", "upcoming", "soon":
		return tenseFuture
	case "scheduled", "slated", "planned":
		if a.hadBeen(k) {
			// "had been scheduled to expire Friday": a plan told of in
			// the past, for a day near the reference.
			return tensePast
		}
		return tenseFuture
	case "would", "could", "may", "might", "should", "can":
		if key == "could" && a.unreachable(k) {
			// "could not be reached Wednesday", "could be located
			// Friday": the reporter's attempt, already made.
			return tensePast
		}
		// Reported or possible future ("said it would leave on March
		// 30", "could start falling in June"), unless "would have".
		if tag == "MD" && a.key(k+1) != "have" && a.key(k+1) != "not" && a.key(k+1) != "n't" {
			return tenseFuture
		}
	}
	if (key == "agreement" || key == "agreed") && a.key(k+1) == "to" {
		// "an agreement to acquire the bank in January": the deal is ahead.
		return tenseFuture
	}
	if futureCues[key] && a.key(k+1) == "to" && (tag == "VBN" || tag == "VBZ" || tag == "VBP" || tag == "VBG" || tag == "JJ") {
		if a.hadBeen(k) {
			return tensePast // "it had been due to expire Friday"
		}
		return tenseFuture
	}
	if (tag == "NN" || tag == "NNS") && presentVerbs[key] && k > 0 && (a.tags[k-1] == "NNP" || a.tags[k-1] == "PRP") && (k < 2 || a.tags[k-2] != "DT") {
		// "Arafat meet separately Monday": a verb of news the tagger read
		// as a noun after a name.
		return tensePresent
	}
	switch tag {
	case "VBD":
		if a.perfect(k) {
			return tensePerfect
		}
		return tensePast
	case "VBN":
		// A participle without its auxiliary ("the plan, announced
		// Friday") tells of something done.
		for b := k - 1; b >= 0 && b >= k-3; b-- {
			if strings.HasPrefix(a.tags[b], "NN") {
				break // "statements made Friday": the noun's participle
			}
			switch a.key(b) {
			case "is", "are", "am", "'s", "'re":
				return tensePresent
			case "be":
				return tenseNone
			case "had", "'d":
				return tensePerfect
			case "has", "have", "'ve":
				return tensePast
			}
		}
		return tensePast
	case "VBZ", "VBP":
		if a.perfect(k) {
			// "has met", but also "has set Nov. 10 as the deadline".
			return tensePast
		}
		return tensePresent
	}
	return tenseNone
}

// unreachable reports whether modal k opens the reporter's idiom "could
// (not) be reached / located / contacted / found".
func (a *analysis) unreachable(k int) bool {
	j := k + 1
	if a.key(j) == "not" || a.key(j) == "n't" {
		j++
	}
	if a.key(j) != "be" {
		return false
	}
	switch a.key(j + 1) {
	case "reached", "located", "contacted", "found":
		return true
	}
	return false
}

// asides marks the words of [from, to) set off by a pair of dashes or by
// parentheses ("the countries -- that is, those which use the euro --
// had agreed"), or nil when there are none, as in most sentences.
func (a *analysis) asides(from, to int) []bool {
	dashes, parens := 0, false
	for k := from; k < to; k++ {
		switch key := a.key(k); {
		case isDash(key):
			dashes++
		case key == "(":
			parens = true
		}
	}
	if dashes < 2 && !parens {
		return nil
	}
	in := make([]bool, to-from)
	inDash, depth := false, 0
	for k := from; k < to; k++ {
		switch key := a.key(k); {
		case isDash(key) && dashes%2 == 0:
			inDash = !inDash
		case key == "(":
			depth++
		case key == ")" && depth > 0:
			depth--
		default:
			in[k-from] = inDash || depth > 0
		}
	}
	return in
}

func isDash(key string) bool { return key == "--" || key == "—" || key == "–" }

// relativeVerb reports whether word k follows a relative pronoun ("which
// use", "who had").
func (a *analysis) relativeVerb(k int) bool {
	b := k - 1
	if b >= 0 && a.tags[b] == "RB" {
		b--
	}
	switch a.key(b) {
	case "which", "who", "whom", "whose":
		return true
	case "that":
		return a.tags[b] == "WDT" || a.tags[b] == "DT"
	}
	return false
}

// inNounPhrase reports whether word k, tagged VBZ, ends a noun phrase
// after a preposition ("lashed out at his Miami relatives Sunday night",
// where the tagger read "relatives" as a verb): only determiners,
// adjectives and nouns lie between the preposition and the word.
func (a *analysis) inNounPhrase(k int) bool {
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		switch t := a.tags[b]; {
		case t == "IN" || t == "TO":
			return !subordinators[a.key(b)]
		case t == "DT" || t == "PRP$" || t == "POS" || t == "CD" ||
			strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN"):
		default:
			return false
		}
	}
	return false
}

// subordinators are the words tagged IN that open a clause, not a noun
// phrase.
var subordinators = map[string]bool{
	"that": true, "because": true, "as": true, "if": true, "while": true, "although": true,
	"though": true, "since": true, "after": true, "before": true, "when": true, "until": true,
	"whether": true, "so": true, "than": true, "once": true, "unless": true, "whereas": true,
}

// hadBeen reports whether "had been" comes right before word k.
func (a *analysis) hadBeen(k int) bool {
	return a.key(k-1) == "been" && (a.key(k-2) == "had" || a.key(k-2) == "'d")
}

// perfect reports whether word k is "has", "have" or "had" before a
// participle ("had already set", "has been"). Only the past perfect is
// over by the reference date: the present perfect also announces ("has
// set Nov. 10 as the deadline").
func (a *analysis) perfect(k int) bool {
	switch a.key(k) {
	case "has", "have", "had":
		for j := k + 1; j < len(a.tags) && j <= k+2; j++ {
			if a.tags[j] == "VBN" || a.key(j) == "been" {
				return true
			}
		}
	}
	return false
}

// resolve computes the value of e against the reference and the anchor
// (the last day the text gave). It returns the value ("" for unknown) and
// the day the expression names when it names one, the next anchor.
func (a *analysis) resolve(e *dateExpr, ref reference, anchor *calDay) (string, *calDay) {
	v, day := a.resolveDay(e, ref, anchor)
	if e.weekOf && day != nil && day.y != 0 {
		y, w := day.time().ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), day
	}
	if e.shiftUnit == "" || day == nil {
		return v, day
	}
	c := shiftDay(*day, e.shiftN, e.shiftUnit)
	return withPart(c.String(), e.part), &c
}

func (a *analysis) resolveDay(e *dateExpr, ref reference, anchor *calDay) (string, *calDay) {
	if e.typ == "DURATION" {
		if e.value != "" {
			return e.value, nil
		}
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
		if e.kind == kindMonthDay && e.m == 9 && e.d == 11 && nineEleven[a.key(e.end)] {
			// "the September 11 attacks" are those of 2001.
			c := calDay{2001, 9, 11}
			return c.String(), &c
		}
		if e.explicit {
			t = tensePast
			if e.rel > 0 {
				t = tenseFuture
			}
		}
		if e.kind == kindHoliday && (e.wd > 0 || e.easter) {
			// A holiday on a weekday of its month, or Easter's.
			if !ref.ok {
				return "", nil
			}
			c := pickYear(ref, t, e.holiday)
			return c.String(), &c
		}
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
		case t == tensePerfect:
			if e.m > rm {
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
		case e.sign == "earlier" || (!e.explicit && tokens.IsPossessive(a.key(e.end)) && !(t == tenseFuture && a.clauseStart[e.start])):
			// "Friday's ruling" names something that has happened, unless
			// it opens a clause that looks ahead ("Wednesday's game will
			// decide").
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
		v, c := shiftValue(base, e.n*e.rel, e.unit, keepYear)
		if c != nil {
			v = withPart(v, e.part)
		}
		return v, c
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
// before it for a future one, and the nearest otherwise. In the present
// tense news speaks of what is scheduled ("the summit opens on Nov. 15"),
// so a date more than a month back is taken as next year's.
func pickYear(ref reference, t tense, at func(y int) time.Time) calDay {
	y0 := ref.t.Year()
	if t == tensePresent {
		t = tenseFuture
		if c := at(y0); !c.After(ref.t) && c.After(ref.t.AddDate(0, 0, -pastSlack)) {
			return dayOf(c, true)
		}
	}
	var best time.Time
	switch t {
	case tensePerfect:
		for y := y0; y >= y0-2; y-- {
			if c := at(y); !c.After(ref.t) {
				best = c
				break
			}
		}
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
			case tn == tensePast || tn == tensePerfect || wd <= 3:
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
			if e.sameQuarter && ref.ok {
				// The latest whole quarter's number, in the year given.
				v, _ := shiftValue(ref.t, -1, "Q", true)
				return fmt.Sprintf("%04d%s", e.y, v[4:])
			}
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
	case (t == tensePast || t == tensePerfect) && start.After(ref):
		return y - 1
	case t == tenseFuture && end.Before(ref):
		return y + 1
	}
	return y
}

// weekdayFrom is the first ISO weekday wd on or after day d of a month:
// the fourth Thursday of November is the first from November 22.
func weekdayFrom(y, m, d, wd int) time.Time {
	from := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
	cur := int(from.Weekday())
	if cur == 0 {
		cur = 7
	}
	return from.AddDate(0, 0, (wd-cur+7)%7)
}
