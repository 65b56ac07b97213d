package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/tokens"
)

// analysis is one document split into words, with what is known of each.
type analysis struct {
	x     *Extractor
	text  string
	words []tokens.Word
	// tags are Penn Treebank part-of-speech tags, one per word.
	tags []string
	// model holds prose's entity label for each word: PERSON, GPE, ORG,
	// LOC or "". Sentences are labelled on demand (see modelType), as the
	// recognizer is the slowest step and most sentences need no vote.
	model    []string
	labelled []bool
	// modelErr is why the recognizer could not be loaded, or nil.
	modelErr error
	// sentences are the [start, end) word ranges of the sentences;
	// sentenceOf maps a word to its sentence.
	sentences  [][2]int
	sentenceOf []int
	// sentenceStart marks the first word of each sentence.
	sentenceStart []bool
	// clauseStart marks sentence starts and the first word inside an
	// opening quotation mark, where any word is capitalized.
	clauseStart []bool
	// capsLine marks words on a line written all in capitals (a headline).
	capsLine []bool
	// sports is set when the document is a sports report: it has results
	// lines or names a club, league or sports body (see markTeams).
	sports bool
	// gaz are the gazetteer matches; gazAt maps a word to the match that
	// covers it, or -1.
	gaz   []gazetteer.Match
	gazAt []int
	// runes maps byte offsets to code-point offsets; nil when the text is
	// ASCII.
	runes []int32
}

func (x *Extractor) analyze(text string) *analysis {
	a := &analysis{x: x, text: text, words: tokens.Split(text)}
	n := len(a.words)
	a.sentenceStart = make([]bool, n)
	a.capsLine = make([]bool, n)
	a.tags = make([]string, n)
	a.model = make([]string, n)
	a.markSentences(x)
	a.markClauses()
	a.markCapsLines()

	// Tag sentence by sentence: the tagger conditions on the words around
	// each word within one sentence.
	a.sentenceOf = make([]int, n)
	toks := make([]token.Token, 0, 64)
	for start := 0; start < n; {
		end := start + 1
		for end < n && !a.sentenceStart[end] {
			end++
		}
		for i := start; i < end; i++ {
			a.sentenceOf[i] = len(a.sentences)
		}
		a.sentences = append(a.sentences, [2]int{start, end})
		toks = a.sentenceTokens(toks[:0], start, end)
		x.tagger.TagTokens(toks)
		for k, t := range toks {
			a.tags[start+k] = t.Tag
		}
		start = end
	}
	a.labelled = make([]bool, len(a.sentences))

	a.gaz = x.gaz.Match(a.words)
	a.gazAt = make([]int, n)
	for i := range a.gazAt {
		a.gazAt[i] = -1
	}
	for k, m := range a.gaz {
		for i := m.Start; i < m.End; i++ {
			a.gazAt[i] = k
		}
	}
	if !isASCII(text) {
		a.runes = make([]int32, len(text)+1)
		r := int32(0)
		for i := range text {
			a.runes[i] = r
			r++
		}
		a.runes[len(text)] = r
		// Fill the offsets inside multi-byte characters, never looked up
		// but kept monotonic.
		for i := 1; i < len(text); i++ {
			if !utf8.RuneStart(text[i]) {
				a.runes[i] = a.runes[i-1]
			}
		}
	}
	return a
}

func (a *analysis) sentenceTokens(toks []token.Token, start, end int) []token.Token {
	for k, w := range a.words[start:end] {
		toks = append(toks, token.Token{Text: w.Text, Start: w.Start})
		if a.tags[start+k] != "" {
			toks[k].Tag = a.tags[start+k]
		}
	}
	return toks
}

// modelLabel returns prose's entity type for word i, labelling its sentence
// the first time one of its words is asked about.
func (a *analysis) modelLabel(i int) string {
	k := a.sentenceOf[i]
	if !a.labelled[k] {
		a.labelled[k] = true
		start, end := a.sentences[k][0], a.sentences[k][1]
		recognizer, err := a.x.entityModel()
		if err != nil {
			a.modelErr = err
			return ""
		}
		toks := a.sentenceTokens(make([]token.Token, 0, end-start), start, end)
		recognizer.Label(toks)
		for j, t := range toks {
			if len(t.Label) > 2 {
				a.model[start+j] = modelType(t.Label[2:])
			}
		}
	}
	return a.model[i]
}

// placeWord reports whether the word key ends place names ("River").
func (a *analysis) placeWord(key string) bool { return a.x.rules.PlaceWords[key] != "" }

func modelType(label string) string {
	switch label {
	case "PERSON":
		return gazetteer.Person
	case "ORGANIZATION":
		return gazetteer.Org
	case "GPE":
		return gazetteer.GPE
	case "LOCATION":
		return gazetteer.Location
	}
	return ""
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// span returns the output span of words [i, j).
func (a *analysis) span(i, j int) Span {
	start, end := a.words[i].Start, a.words[j-1].End
	s := Span{Text: a.text[start:end], Start: start, End: end}
	if a.runes != nil {
		s.Start, s.End = int(a.runes[start]), int(a.runes[end])
	}
	return s
}

// markSentences finds sentence starts: prose's sentence segmenter inside
// each block of text, where a block ends at a blank line or at a line break
// after a line that does not run on into the next (a headline, a dateline,
// a sentence per line).
func (a *analysis) markSentences(x *Extractor) {
	n := len(a.words)
	if n == 0 {
		return
	}
	blockStart := 0
	flush := func(end int) {
		if blockStart >= end {
			return
		}
		a.sentenceStart[blockStart] = true
		from, to := a.words[blockStart].Start, a.words[end-1].End
		wi := blockStart
		for _, s := range x.segmenter.Segment(a.text[from:to]) {
			off := from + s.Start
			for wi < end && a.words[wi].Start < off {
				wi++
			}
			if wi < end && a.words[wi].Start == off && !afterInitial(a.words, wi) && !falseStop(a.words, wi) {
				a.sentenceStart[wi] = true
			}
		}
		blockStart = end
	}
	for i := 1; i < n; i++ {
		w := a.words[i]
		if w.Break >= 2 || (w.Break == 1 && !runsOn(a.words[i-1], w)) {
			flush(i)
		}
	}
	flush(n)
}

// afterInitial reports whether word i follows an initial ("P. Simmons"),
// where the sentence model sees the period as the end of a sentence.
func afterInitial(words []tokens.Word, i int) bool {
	if i >= 1 && isInitial(strings.TrimSuffix(words[i-1].Text, ".")) && strings.HasSuffix(words[i-1].Text, ".") {
		return true // "P." as one token
	}
	return i >= 2 && words[i-1].Key == "." && words[i-2].End == words[i-1].Start && isInitial(words[i-2].Text)
}

// falseStop reports whether the sentence model's break before word i
// follows a period that ends no sentence: the next word is lower-case or a
// comma ("Birmingham, Ala., killed"), or the period closes an abbreviation
// that never ends one ("Roe vs. Wade", "Dr. Slepian").
func falseStop(words []tokens.Word, i int) bool {
	r, _ := utf8.DecodeRuneInString(words[i].Text)
	if unicode.IsLower(r) || strings.ContainsRune(",;:)", r) {
		return true
	}
	prev := ""
	switch {
	case i >= 2 && words[i-1].Key == ".":
		prev = words[i-2].Key
	case i >= 1:
		prev = strings.TrimSuffix(words[i-1].Key, ".")
	}
	return neverFinal[prev]
}

// neverFinal are abbreviations that stand before a word, never at the end
// of a sentence.
var neverFinal = map[string]bool{
	"vs": true, "v": true, "mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "adm": true,
	"rev": true, "messrs": true,
}

func (a *analysis) markClauses() {
	a.clauseStart = make([]bool, len(a.words))
	for i := range a.words {
		a.clauseStart[i] = a.sentenceStart[i] ||
			i > 0 && isOpeningQuote(a.words[i-1].Text) && a.words[i-1].End == a.words[i].Start
	}
}

func isOpeningQuote(s string) bool {
	switch s {
	case "\u201c", "\"", "``", "\u2018", "'", "\u00ab":
		return true
	}
	return false
}

// runsOn reports whether a line ending with word prev continues on the next
// line starting with next, as in text wrapped at a fixed width.
func runsOn(prev, next tokens.Word) bool {
	r, _ := utf8.DecodeLastRuneInString(prev.Text)
	if r == ',' || r == '-' || unicode.IsLower(r) {
		return true
	}
	// A capitalized word at the end of a line, followed by one at the start
	// of the next, may be a name broken by the wrap ("Ararat\nMirzoyan"):
	// only punctuation ends a sentence.
	if unicode.IsLetter(r) && tokens.IsCapitalized(next.Text) && !tokens.IsUpper(prev.Text) {
		return true
	}
	return false
}

// markCapsLines marks the words of lines written in capitals, where case
// says nothing about names.
func (a *analysis) markCapsLines() {
	n := len(a.words)
	for start := 0; start < n; {
		end := start + 1
		for end < n && a.words[end].Break == 0 {
			end++
		}
		upper, letters := 0, 0
		for _, w := range a.words[start:end] {
			if strings.ContainsFunc(w.Text, unicode.IsLetter) {
				letters++
				if tokens.IsUpper(w.Text) || (len(w.Text) == 1 && unicode.IsUpper(rune(w.Text[0]))) {
					upper++
				}
			}
		}
		if letters >= 3 && upper*5 >= letters*4 {
			for i := start; i < end; i++ {
				a.capsLine[i] = true
			}
		}
		start = end
	}
}
