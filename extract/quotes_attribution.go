package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteContext holds what attribution reads around the quotes.
type quoteContext struct {
	a      *analysis
	qs     []*quote
	at     []int
	paraOf []int // paragraph of each word
}

func (x *Extractor) quotes(a *analysis, actors, locations []Entity) []Quote {
	qs := a.findQuotes()
	if len(qs) == 0 {
		return []Quote{}
	}
	c := &quoteContext{a: a, qs: qs, at: a.quoteWords(qs)}
	c.paraOf = make([]int, len(a.words))
	paras := paragraphs(a.text)
	p := 0
	for i, w := range a.words {
		for p+1 < len(paras) && w.Start >= paras[p+1][0] {
			p++
		}
		c.paraOf[i] = p
	}
	for _, q := range qs {
		if q.first < 0 {
			continue
		}
		q.title = c.isTitle(q)
		if !q.title && c.attribute(q) {
			q.direct = q.cueFrom > q.last && q.cueFrom-q.last <= 8 && min(q.cueFrom, q.speakerFrom)-q.last <= 4 ||
				q.cueTo <= q.first && (c.introduced(q) || c.objectOnly(q.cueTo, q.first))
		}
	}
	c.inherit()
	r := newSpeakerResolver(a, actors, locations)
	out := []Quote{}
	for k, q := range qs {
		if q.first < 0 || q.title || !c.keep(k) {
			continue
		}
		s := a.byteSpan(q.start, q.end)
		out = append(out, Quote{Text: s.Text, Start: s.Start, End: s.End})
		o := &out[len(out)-1]
		if q.attributed {
			if q.speakerFrom >= 0 {
				o.SpeakerText = a.text[a.words[q.speakerFrom].Start:a.words[q.speakerTo-1].End]
				o.Speaker = r.resolve(q, o.SpeakerText)
			}
			o.Cue = a.text[a.words[q.cueFrom].Start:a.words[q.cueTo-1].End]
		}
	}
	return out
}

// keep decides whether an unattributed quote is speech: a quote that stands
// as a sentence of its own or runs long is, a short one inside a sentence is
// a scare quote or a name.
func (c *quoteContext) keep(k int) bool {
	q := c.qs[k]
	switch {
	case q.inherited:
		return c.standsAlone(q)
	case q.direct:
		return true
	case q.attributed:
		// A name or a word or two inside a reporting clause is a title or
		// a scare quote.
		return !c.nameLike(q)
	}
	if q.runsOpen && !q.reopens && !(k+1 < len(c.qs) && c.qs[k+1].reopens) {
		return false
	}
	return q.last-q.first+1 >= 8 && c.standsAlone(q)
}

// introduced reports whether a comma or colon introduces q ("told the
// agency simply, “…”").
func (c *quoteContext) introduced(q *quote) bool {
	i := c.wordBefore(q)
	return i >= 0 && (c.a.words[i].Key == "," || c.a.words[i].Key == ":")
}

// objectOnly reports whether the words [from, to) between a reporting
// verb and a quote are at most a short object ("told reporters “…”"), not
// a prepositional phrase ("said on “Meet the Press”").
func (c *quoteContext) objectOnly(from, to int) bool {
	if to-from > 4 {
		return false
	}
	for i := from; i < to; i++ {
		if c.at[i] < 0 && (c.a.tags[i] == "IN" || c.a.tags[i] == "TO") {
			return false
		}
	}
	return true
}

// nameLike reports whether a quote reads as a name or a label: a word
// alone, or a short phrase in title case ("Meet the Press").
func (c *quoteContext) nameLike(q *quote) bool {
	n, caps := c.letterWords(q)
	return n <= 1 || caps
}

// letterWords counts the words of q that start with a letter or digit, and
// reports whether q is a short phrase (at most seven such words) in title
// case: its first word and every word of four letters or more capitalized.
func (c *quoteContext) letterWords(q *quote) (n int, caps bool) {
	caps = true
	for i := q.first; i <= q.last; i++ {
		w := c.a.words[i].Text
		r := firstLetter(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		n++
		if (n == 1 || utf8.RuneCountInString(w) >= 4) && !unicode.IsUpper(r) {
			caps = false
		}
	}
	return n, caps && n <= 7
}

// standsAlone reports whether a quote is a sentence of its own: nothing but
// punctuation between it and the sentence or paragraph around it.
func (c *quoteContext) standsAlone(q *quote) bool {
	a := c.a
	i := c.wordBefore(q)
	// "But “…”", "Then, “…”": a conjunction or an adverb may lead in.
	for n := 0; n < 3 && i >= 0 && c.at[i] < 0 && (a.words[i].Key == "," || a.tags[i] == "CC" || strings.HasPrefix(a.tags[i], "RB")); n++ {
		i--
	}
	return i < 0 || c.paraOf[i] != q.para || c.at[i] >= 0 || c.boundary(i) || a.words[i].Key == ":"
}

// boundary reports whether word i ends a sentence (or a clause, ";"). A
// period after an initial ("J. Gerald Hebert") or before a comma or a
// closing parenthesis ("(D-Pa.),") ends none.
func (c *quoteContext) boundary(i int) bool {
	ws := c.a.words
	switch ws[i].Key {
	case "!", "?", ";":
		return true
	case ".":
		if i > 0 && ws[i-1].End == ws[i].Start && utf8.RuneCountInString(ws[i-1].Text) == 1 && unicode.IsUpper(firstLetter(ws[i-1].Text)) {
			return false
		}
		if i+1 < len(ws) && (ws[i+1].Key == "," || ws[i+1].Key == ")") {
			return false
		}
		return true
	}
	return false
}

// isTitle reports whether the quoted words are a name: right after a title
// cue ("a document titled “…”").
func (c *quoteContext) isTitle(q *quote) bool {
	a := c.a
	i := c.wordBefore(q)
	if i < 0 {
		return false
	}
	k := a.words[i].Key
	if a.x.rules.TitleCues[k] {
		return true
	}
	// "known as “…”", "called “…”" without a speaker: a name.
	if (k == "as" && i > 0 && a.words[i-1].Key == "known") || k == "called" || k == "named" {
		return true
	}
	// A short phrase in title case after a possessive, a preposition or
	// "told" ("told ABC's “Good Morning America”"), or one that modifies a
	// noun after it ("the “Never Trump” movement"), names a show, a book,
	// a slogan.
	_, caps := c.letterWords(q)
	if !caps {
		return false
	}
	if t := a.tags[i]; k == "'s" || k == "told" || t == "IN" || t == "TO" || t == "DT" || t == "POS" {
		return true
	}
	next := q.last + 1
	return next < len(a.words) && c.at[next] < 0 && strings.HasPrefix(a.tags[next], "NN") && !unicode.IsUpper(firstLetter(a.words[next].Text))
}

// wordBefore returns the word right before q's opening mark in its
// paragraph, or -1.
func (c *quoteContext) wordBefore(q *quote) int {
	i := q.first - 1
	for i >= 0 && c.at[i] == c.at[q.first] {
		i--
	}
	if i < 0 || c.paraOf[i] != q.para {
		return -1
	}
	return i
}

// outside reports whether word i is outside every quote.
func (c *quoteContext) outside(i int) bool { return c.at[i] < 0 && !isMarkWord(c.a.words[i].Text) }

func isMarkWord(s string) bool {
	for _, r := range s {
		switch r {
		case '"', '\'', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2018', '\u2019', '`':
		default:
			return false
		}
	}
	return true
}

// after returns the words after quote q up to the end of its sentence, the
// next quote or the paragraph's end. With crossQuotes it reads on past the
// quotes inside the sentence, leaving their words out.
func (c *quoteContext) after(q *quote, crossQuotes bool) []int {
	var ws []int
	if !crossQuotes && strings.HasSuffix(c.a.text[q.start:q.end], ".") {
		// The sentence ended inside the quote.
		return nil
	}
	for i := q.last + 1; i < len(c.a.words) && len(ws) < 60; i++ {
		if c.paraOf[i] != q.para || c.boundary(i) {
			break
		}
		if k := c.at[i]; k >= 0 {
			if c.qs[k] == q {
				continue
			}
			if !crossQuotes || endsWithStop(c.a.text[c.qs[k].start:c.qs[k].end]) {
				break
			}
			continue
		}
		if !isMarkWord(c.a.words[i].Text) {
			ws = append(ws, i)
		}
	}
	return ws
}

// before returns the words of q's sentence before q, in order, leaving out
// earlier quotes of the same sentence.
func (c *quoteContext) before(q *quote) []int {
	var ws []int
	for i := q.first - 1; i >= 0 && len(ws) < 60; i-- {
		if c.paraOf[i] != q.para {
			break
		}
		if k := c.at[i]; k >= 0 {
			if c.qs[k] == q {
				continue
			}
			if endsWithStop(c.a.text[c.qs[k].start:c.qs[k].end]) {
				break
			}
			continue
		}
		if c.boundary(i) {
			break
		}
		if !isMarkWord(c.a.words[i].Text) {
			ws = append(ws, i)
		}
	}
	for l, r := 0, len(ws)-1; l < r; l, r = l+1, r-1 {
		ws[l], ws[r] = ws[r], ws[l]
	}
	return ws
}

// endsWithStop reports whether s ends with a full stop, "!" or "?".
func endsWithStop(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?'
}

// reporting reports whether word i is a reporting verb used as a verb.
func (c *quoteContext) reporting(i int) bool {
	a := c.a
	k := a.words[i].Key
	if !a.x.rules.ReportingVerbs[k] {
		return false
	}
	switch k {
	case "said", "says", "told", "wrote", "tweeted", "added", "asked":
		return true
	}
	return strings.HasPrefix(a.tags[i], "VB")
}

// according reports whether words ws[j], ws[j+1] are "according to".
func (c *quoteContext) according(ws []int, j int) bool {
	return j+1 < len(ws) && c.a.words[ws[j]].Key == "according" && c.a.words[ws[j+1]].Key == "to" && ws[j+1] == ws[j]+1
}

// attribute finds the speaker and cue of q in its own sentence.
func (c *quoteContext) attribute(q *quote) bool {
	aw := c.after(q, false)
	if c.attributeAfter(q, aw) {
		return true
	}
	bw := c.before(q)
	// "… “…”, according to X": the stated source wins over the verbs of
	// the sentence, which may be what X reported.
	for _, ws := range [][]int{c.after(q, true), bw} {
		for j := range ws {
			if c.according(ws, j) {
				if c.setForward(q, ws, j+2, ws[j], ws[j+1]+1) {
					return true
				}
			}
		}
	}
	return c.attributeBefore(q, bw) || c.attributeColon(q, bw)
}

func (c *quoteContext) set(q *quote, from, to, cueFrom, cueTo int) bool {
	for from < to && leadingFiller(c.a.tags[from]) {
		from++
	}
	if from >= to {
		return false
	}
	q.attributed = true
	q.speakerFrom, q.speakerTo, q.cueFrom, q.cueTo = from, to, cueFrom, cueTo
	return true
}

// setForward attributes q to the noun phrase starting at ws[j].
func (c *quoteContext) setForward(q *quote, ws []int, j, cueFrom, cueTo int) bool {
	if j >= len(ws) {
		return false
	}
	from := ws[j]
	to := c.phraseForward(ws[j:])
	from = c.skipSourceDocument(from, to)
	return c.set(q, from, to, cueFrom, cueTo)
}

// skipSourceDocument leaves out "a statement from" before the source's name.
func (c *quoteContext) skipSourceDocument(from, to int) int {
	a := c.a
	for i := from; i+1 < to && i < from+4; i++ {
		if a.x.rules.SourceDocuments[a.words[i].Key] {
			if k := a.words[i+1].Key; k == "from" || k == "by" || k == "of" {
				if i+2 < to {
					return i + 2
				}
			}
			break
		}
	}
	return from
}

// attributeAfter reads "…," X said / "…," said X / "…," X, a doctor, said /
// "…," X, who runs the firm, said.
func (c *quoteContext) attributeAfter(q *quote, aw []int) bool {
	a := c.a
	j := 0
	for j < len(aw) && isLeadPunct(a.words[aw[j]].Key) {
		j++
	}
	if j >= len(aw) {
		return false
	}
	if c.according(aw, j) {
		return c.setForward(q, aw, j+2, aw[j], aw[j+1]+1)
	}
	// A quote that ends in a comma, a question or an exclamation leads into
	// its attribution: there any verb of the right form is the cue ("…,"
	// he surmised).
	r, _ := utf8.DecodeLastRuneInString(a.text[q.start:q.end])
	leads := r == ',' || r == '?' || r == '!' || r == '\u2014' || r == '-'
	if c.reporting(aw[j]) || leads && c.pastOrPresent(aw[j]) && j+1 < len(aw) && startsName(a.tags[aw[j+1]]) {
		return c.setForward(q, aw, j+1, aw[j], aw[j]+1)
	}
	np := j
	for np < len(aw) && aw[np] == aw[j]+(np-j) {
		if np > j && a.words[aw[np]].Key == "(" {
			// "Rep. John Mica (R-Fla.)"
			k := np + 1
			for k < len(aw) && k < np+8 && a.words[aw[k]].Key != ")" {
				k++
			}
			if k < len(aw) && a.words[aw[k]].Key == ")" && aw[k] == aw[j]+(k-j) {
				np = k + 1
				continue
			}
		}
		if !c.nounPhraseWord(aw[np]) || np > j && c.cueAfter(aw, np, leads) {
			// A cue the tagger read as a noun ends the phrase ("Conway
			// notes").
			break
		}
		np++
	}
	if np == j || np-j > 12 {
		return false
	}
	// The verb comes right after the phrase, or after an appositive or a
	// relative clause set off by commas.
	verbs := []int{np}
	if np < len(aw) && a.words[aw[np]].Key == "," {
		for k := np + 1; k < len(aw) && k < np+30; k++ {
			if a.words[aw[k]].Key == "," {
				verbs = append(verbs, k+1)
			}
		}
	}
	for _, v := range verbs {
		for v < len(aw) && (c.auxiliary(aw[v]) || strings.HasPrefix(a.tags[aw[v]], "RB")) {
			v++
		}
		if v < len(aw) && c.cueAfter(aw, v, leads) {
			return c.set(q, aw[j], aw[np-1]+1, aw[v], aw[v]+1)
		}
	}
	return false
}

// cueAfter reports whether aw[v], after a speaker phrase, is the reporting
// verb: one of the list ("…," Viguerie notes, even where the tagger read a
// noun), or, after a quote that leads into its attribution, any verb that
// ends the clause ("…," Toomey fumed).
func (c *quoteContext) cueAfter(aw []int, v int, leads bool) bool {
	a := c.a
	if c.reporting(aw[v]) {
		return true
	}
	ends := v+1 == len(aw)
	if !ends {
		switch t := a.tags[aw[v+1]]; {
		case a.words[aw[v+1]].Key == ",", t == "IN", t == "TO", strings.HasPrefix(t, "RB"):
			ends = true
		}
	}
	if ends && a.x.rules.ReportingVerbs[a.words[aw[v]].Key] {
		return true
	}
	return leads && ends && c.pastOrPresent(aw[v])
}

// pastOrPresent reports whether word i is a verb in the past or the third
// person present ("fumed", "writes").
func (c *quoteContext) pastOrPresent(i int) bool {
	t := c.a.tags[i]
	return (t == "VBD" || t == "VBZ") && !c.auxiliary(i)
}

// startsName reports whether a word tagged t can start a speaker's name or
// description.
func startsName(t string) bool {
	return t == "NNP" || t == "NNPS" || t == "DT" || t == "PRP" || t == "PRP$"
}

// leadingFiller reports whether a word with tag t is left out at the start
// of a speaker phrase ("But he", "Yet she").
func leadingFiller(t string) bool {
	switch t {
	case "CC", "RB", "IN", "UH", "WRB", "TO":
		return true
	}
	return false
}

func isLeadPunct(k string) bool {
	switch k {
	case ",", "-", "--", "\u2013", "\u2014", "(", ")", ":":
		return true
	}
	return false
}

var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true,
	"will": true, "would": true, "did": true, "does": true, "do": true, "could": true, "can": true,
	"may": true, "might": true, "should": true, "must": true, "also": true, "then": true, "later": true,
	"once": true, "again": true, "just": true, "previously": true, "recently": true, "repeatedly": true,
	"be": true, "been": true, "being": true, "not": true, "never": true,
}

func (c *quoteContext) auxiliary(i int) bool {
	return auxiliaries[c.a.words[i].Key] || c.a.tags[i] == "MD"
}

func (c *quoteContext) finiteVerb(i int) bool {
	switch c.a.tags[i] {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

func (c *quoteContext) nounPhraseWord(i int) bool {
	a := c.a
	w := a.words[i]
	switch w.Key {
	case "that", "if", "because", "when", "while", "but", "which", "who", ",", ":", ";", "(", ")", "as", "than", "to":
		return false
	case "of", "from", "for", "at", "and", "&", "'s", "-", "in", "with", "on", "$":
		return true
	case ".":
		return !c.boundary(i)
	}
	if c.at[i] >= 0 {
		return false
	}
	t := a.tags[i]
	switch {
	case strings.HasPrefix(t, "NN"), strings.HasPrefix(t, "JJ"), t == "DT", t == "PRP", t == "PRP$", t == "POS", t == "CD", t == "VBN", t == "VBG":
		return true
	}
	r, _ := utf8.DecodeRuneInString(w.Text)
	return unicode.IsUpper(r)
}

// phraseForward returns where the noun phrase starting at ws[0] ends: at a
// comma, a verb, or a preposition that does not continue a name.
func (c *quoteContext) phraseForward(ws []int) int {
	a := c.a
	end := ws[0]
	for n, i := range ws {
		if n > 0 && i != ws[n-1]+1 {
			break
		}
		k := a.words[i].Key
		if n > 0 && (k == "in" || k == "on" || k == "at" || k == "with" || k == "and" || k == "to") {
			break
		}
		if !c.nounPhraseWord(i) || (n > 0 && c.finiteVerb(i)) || (n > 0 && a.tags[i] == "VBG") {
			break
		}
		end = i + 1
	}
	for end > ws[0] {
		k := a.words[end-1].Key
		if k == "of" || k == "from" || k == "for" || k == "-" || k == "'s" && end-1 == ws[0] {
			end--
			continue
		}
		break
	}
	return end
}

// attributeBefore reads X said: "…" / X told Y "…" / X said that … could
// "…" / X welcomed "…" / X responded, saying "…".
func (c *quoteContext) attributeBefore(q *quote, bw []int) bool {
	a := c.a
	for j, i := range bw {
		if !c.reporting(i) {
			continue
		}
		v := i
		if strings.HasSuffix(a.words[i].Key, "ing") {
			// A participle takes the subject of the sentence's verb.
			for jj := j - 1; jj >= 0; jj-- {
				if c.finiteVerb(bw[jj]) {
					v = bw[jj]
					j = jj
					break
				}
			}
			if v == i {
				continue
			}
		}
		from, to := c.subjectBefore(bw, j)
		if from >= to && v == i && j+1 < len(bw) {
			// "Said Comey, “…”": the speaker after the verb.
			if c.setForward(q, bw, j+1, i, i+1) {
				return true
			}
		}
		if from >= to {
			// "he supported Obama and said, “…”": the subject of the
			// clause's first verb.
			for jj := 0; jj < j; jj++ {
				if c.finiteVerb(bw[jj]) && !c.auxiliary(bw[jj]) {
					from, to = c.subjectBefore(bw, jj)
					break
				}
			}
		}
		if from < to && !strings.HasPrefix(a.tags[from], "VB") {
			return c.set(q, from, to, i, i+1)
		}
	}
	return false
}

// subjectBefore returns the words [from, to) of the noun phrase that is the
// subject of the verb bw[j]: before its adverbs and auxiliaries ("has
// also said") and before an appositive ("X, a doctor, said").
func (c *quoteContext) subjectBefore(bw []int, j int) (from, to int) {
	a := c.a
	to = bw[j]
	m := j
	for m > 0 && bw[m-1] == to-1 && (c.auxiliary(to-1) || strings.HasPrefix(a.tags[to-1], "RB")) {
		to--
		m--
	}
	if m > 0 && a.words[to-1].Key == "," {
		for k := m - 2; k >= 0 && k >= m-20; k-- {
			if a.words[bw[k]].Key == "," {
				to, m = bw[k], k
				break
			}
		}
	}
	from = to
	for m > 0 && bw[m-1] == from-1 {
		if a.words[from-1].Key == ")" {
			// "Rep. Paul Ryan (R-WI) said"
			k := m - 2
			for k >= 0 && k >= m-8 && a.words[bw[k]].Key != "(" {
				k--
			}
			if k > 0 && a.words[bw[k]].Key == "(" && bw[k] == from-1-(m-1-k) {
				if from == to {
					to = bw[k]
				}
				from, m = bw[k], k
				continue
			}
		}
		if !c.nounPhraseWord(from-1) || a.words[from-1].Key == "and" {
			break
		}
		from--
		m--
	}
	for from < to {
		switch a.words[from].Key {
		case "of", "from", "for", "at", "in", "with", "on", "-", "'s":
			from++
			continue
		}
		break
	}
	return from, to
}

// attributeColon reads a quote a colon introduces without a reporting verb
// ("Trump issued a statement:", "Clinton: “…”"): the speaker is the
// subject of the clause before the colon. bw ends with the colon.
func (c *quoteContext) attributeColon(q *quote, bw []int) bool {
	a := c.a
	n := len(bw)
	if n < 2 || a.words[bw[n-1]].Key != ":" {
		return false
	}
	for j := 0; j < n-1; j++ {
		if c.finiteVerb(bw[j]) && !c.auxiliary(bw[j]) {
			from, to := c.subjectBefore(bw, j)
			if from < to && !strings.HasPrefix(a.tags[from], "VB") {
				return c.set(q, from, to, bw[j], bw[j]+1)
			}
			return false
		}
	}
	// No verb: the colon follows a bare name ("Clinton: “…”"), or a
	// description that opens the sentence ("The report:").
	from, to := c.subjectBefore(bw, n-1)
	if to-from > 6 || from != bw[0] && !unicode.IsUpper(firstLetter(a.words[from].Text)) {
		return false
	}
	return c.set(q, from, to, bw[n-1], bw[n-1]+1)
}

// inherit gives quotes without an attribution of their own the one of the
// quote they continue: in the same paragraph ("“A,” he said. “B.”"), or in
// the paragraph before when they open a paragraph ("He said:" / a quote
// over several paragraphs).
func (c *quoteContext) inherit() {
	qs := c.qs
	for k, q := range qs {
		if q.attributed || q.title || q.first < 0 {
			continue
		}
		if src := c.sameParagraphSource(k); src != nil {
			copyAttribution(q, src)
			continue
		}
		if q.first > 0 && c.paraOf[q.first-1] == q.para && c.outside(q.first-1) {
			continue
		}
		// Opens its paragraph: a paragraph ending in "X said:" introduces
		// it; otherwise a quote of the paragraph before continues.
		if q.first > 0 && c.a.words[q.first-1].Key == ":" && c.paraOf[q.first-1] == q.para-1 {
			bw := c.before(&quote{first: q.first - 1, para: q.para - 1})
			if c.attributeBefore(q, bw) || c.attributeColon(q, append(bw, q.first-1)) {
				continue
			}
		}
		for j := k - 1; j >= 0; j-- {
			p := qs[j]
			if p.para < q.para-1 {
				break
			}
			if p.para == q.para-1 && p.attributed && !p.title && (q.reopens || c.endsParagraph(p)) {
				copyAttribution(q, p)
				break
			}
		}
	}
	// A quote left open at a paragraph's end whose speaker is named only
	// in the paragraph that continues it.
	for k := len(qs) - 2; k >= 0; k-- {
		if q, next := qs[k], qs[k+1]; !q.attributed && q.runsOpen && next.reopens && next.attributed {
			copyAttribution(q, next)
		}
	}
}

// endsParagraph reports whether quote p, or its attribution, ends its
// paragraph.
func (c *quoteContext) endsParagraph(p *quote) bool {
	for i := p.last + 1; i < len(c.a.words) && c.paraOf[i] == p.para; i++ {
		if c.at[i] >= 0 && c.qs[c.at[i]] != p {
			return false
		}
	}
	return true
}

// sameParagraphSource returns the attributed quote of q's paragraph that q
// goes with: the nearest one before, else the nearest one after, with no
// other speaker's attribution in between.
func (c *quoteContext) sameParagraphSource(k int) *quote {
	qs := c.qs
	q := qs[k]
	for j := k - 1; j >= 0 && qs[j].para == q.para; j-- {
		if qs[j].attributed && !qs[j].title {
			return qs[j]
		}
	}
	for j := k + 1; j < len(qs) && qs[j].para == q.para; j++ {
		if qs[j].attributed && !qs[j].title {
			return qs[j]
		}
	}
	return nil
}

func copyAttribution(q, src *quote) {
	q.attributed, q.inherited = true, true
	q.speakerFrom, q.speakerTo, q.cueFrom, q.cueTo = src.speakerFrom, src.speakerTo, src.cueFrom, src.cueTo
}
