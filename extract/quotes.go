package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// quote is one quoted stretch of a paragraph and what attributes it. Offsets
// are bytes.
type quote struct {
	// open is the offset of the opening mark, close the offset just past
	// the closing mark (the paragraph's end when the quote runs open).
	open, close int
	// start and end delimit the quoted words, without marks and spaces.
	start, end int
	para       int
	// runsOpen: the paragraph ends inside the quote. reopens: the quote
	// opens a paragraph after one that ended inside a quote (the news
	// convention for a quote over several paragraphs).
	runsOpen, reopens bool
	// title: the quoted words name something (a document, a show), they
	// are nobody's speech.
	title bool
	// first and last are the words inside the marks.
	first, last int
	// attribution; direct: the cue stands right before or after the quote
	// ("…," she said / he said: "…"); inherited: taken from another quote
	attributed, direct, inherited bool
	speakerFrom                   int // first word of the speaker phrase, or -1
	speakerTo                     int
	cueFrom, cueTo                int
}

// paragraphs returns the byte ranges of the text's paragraphs: a blank line
// ends one, and so does a line break after a line that does not run on into
// the next (text wrapped at a fixed width runs on).
func paragraphs(text string) [][2]int {
	var paras [][2]int
	start := -1
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := strings.TrimSpace(text[lineStart:lineEnd])
		switch {
		case line == "":
			if start >= 0 {
				paras = append(paras, [2]int{start, trimEnd(text, lineStart)})
				start = -1
			}
		case start < 0:
			start = lineStart + strings.Index(text[lineStart:lineEnd], line[:1])
		}
		if line != "" && (nl < 0 || !lineRunsOn(line, text[lineEnd+1:])) {
			paras = append(paras, [2]int{start, trimEnd(text, lineEnd)})
			start = -1
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	return paras
}

func trimEnd(text string, end int) int {
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// lineRunsOn reports whether a line of text goes on in the next line, as
// text wrapped at a fixed width does: it ends with a comma, a hyphen or a
// lower-case word, and the next line is not blank.
func lineRunsOn(line, rest string) bool {
	next := rest
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		next = rest[:i]
	}
	if strings.TrimSpace(next) == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return r == ',' || r == '-' || unicode.IsLower(r)
}

// Quotation marks, by what they can do.
const (
	markNone     = iota
	markStraight // " or '' : opens or closes
	markOpen     // “ « „ : opens (“ also closes a „ quote)
	markClose    // ” » : closes
)

// markAt returns the kind and byte length of the quotation mark at i.
func markAt(text string, i int) (kind, size int) {
	switch c := text[i]; {
	case c == '"':
		return markStraight, 1
	case c == '\'' && i+1 < len(text) && text[i+1] == '\'' && (i == 0 || text[i-1] != '\''):
		return markStraight, 2
	case c < utf8.RuneSelf:
		return markNone, 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '\u201c', '\u201e', '\u00ab':
		return markOpen, size
	case '\u201d', '\u00bb':
		return markClose, size
	}
	return markNone, size
}

// findQuotes finds the quoted stretches of each paragraph. A quote ends at
// its closing mark or at the end of its paragraph: an unmatched mark never
// reaches into the next paragraph.
func (a *analysis) findQuotes() []*quote {
	var qs []*quote
	text := a.text
	for p, pr := range paragraphs(text) {
		open := -1
		add := func(o, innerFrom, innerTo, c int, runsOpen bool) {
			s, e := trimSpan(text, innerFrom, innerTo)
			if s < e {
				qs = append(qs, &quote{open: o, close: c, start: s, end: e, para: p, runsOpen: runsOpen, speakerFrom: -1})
			}
		}
		innerFrom := 0
		for i := pr[0]; i < pr[1]; {
			kind, size := markAt(text, i)
			switch {
			case kind == markNone:
			case open < 0 && kind == markStraight && i > 0 && text[i-1] == '=':
				// A markup attribute (author="@name"): skip its value.
				if e := strings.IndexByte(text[i+size:pr[1]], '"'); e >= 0 {
					size += e + 1
				}
			case open < 0 && (kind != markClose || opensHere(text, i, size, pr[0])):
				open, innerFrom = i, i+size
			case open < 0:
				// A stray closing mark.
			case kind == markOpen && !(strings.HasPrefix(text[i:], "\u201c") && strings.HasPrefix(text[open:], "\u201e")) && !closesHere(text, i, size, pr[1]):
				// A second opening mark: the first was never closed. (A
				// curly “ closes a quote opened with „, German style.)
				open, innerFrom = i, i+size
			default:
				add(open, innerFrom, i, i+size, false)
				open = -1
			}
			i += size
		}
		if open >= 0 {
			add(open, innerFrom, pr[1], pr[1], true)
		}
	}
	for k := 1; k < len(qs); k++ {
		prev, q := qs[k-1], qs[k]
		if prev.runsOpen && q.para == prev.para+1 && q.open == paraStart(text, q.open) {
			q.reopens = true
		}
	}
	return qs
}

// opensHere reports whether a closing-shaped mark at i is used as an
// opening one: at the start of a paragraph or after a space, before a word.
func opensHere(text string, i, size, paraStart int) bool {
	if i+size >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if unicode.IsSpace(next) || unicode.IsPunct(next) {
		return false
	}
	if i == paraStart {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(prev) || prev == '(' || prev == '\u2014'
}

// closesHere reports whether an opening-shaped mark at i is used as a
// closing one (a typo): after a word or punctuation and before a space or
// the paragraph's end.
func closesHere(text string, i, size, paraEnd int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(prev) {
		return false
	}
	if i+size >= paraEnd {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	return unicode.IsSpace(next)
}

// paraStart returns where the line holding offset i starts, after any
// indentation.
func paraStart(text string, i int) int {
	s := strings.LastIndexByte(text[:i], '\n') + 1
	for s < i && (text[s] == ' ' || text[s] == '\t') {
		s++
	}
	return s
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	return s, trimEnd(text[:e], e)
}

// quoteWords maps each word to the quote whose marks enclose it, or -1, and
// sets each quote's first and last inner word.
func (a *analysis) quoteWords(qs []*quote) []int {
	at := make([]int, len(a.words))
	k := 0
	for i, w := range a.words {
		at[i] = -1
		for k < len(qs) && qs[k].close <= w.Start {
			k++
		}
		if k < len(qs) && w.End > qs[k].open {
			at[i] = k
		}
	}
	for k, q := range qs {
		q.first, q.last = -1, -1
		for i := sort.Search(len(a.words), func(i int) bool { return a.words[i].End > q.open }); i < len(a.words) && at[i] == k; i++ {
			if q.first < 0 {
				q.first = i
			}
			q.last = i
		}
	}
	return at
}
