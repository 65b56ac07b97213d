// Package tokens splits text into the words readout matches names over, with
// byte offsets into the text and a normalized key for each word.
package tokens

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tokenize"
)

// Word is one token of the text, or one piece of a hyphenated token.
type Word struct {
	// Text is the word as written; Start and End are byte offsets.
	Text       string
	Start, End int
	// Key is the normalized form names are matched on: lower case, curly
	// apostrophes straightened, dashes made hyphens.
	Key string
	// Hyphen marks a hyphen or dash joining two pieces of a token
	// (Nagorno-Karabakh); matching skips it, so "Nagorno Karabakh" and
	// "Nagorno-Karabakh" are the same name.
	Hyphen bool
	// Piece marks a word cut out of a hyphenated token.
	Piece bool
	// Break says what separates the word from the one before: 0 spaces,
	// 1 a line break, 2 a blank line or more.
	Break int
}

var tokenizer = tokenize.New()

// Split returns the words of text in order.
func Split(text string) []Word {
	if words, ok := splitLetters(text); ok {
		return words
	}
	return splitTokenizer(text)
}

// splitTokenizer is Split by the tokenizer, for any text.
func splitTokenizer(text string) []Word {
	toks := tokenizer.Tokenize(text)
	words := make([]Word, 0, len(toks)+len(toks)/8)
	prevEnd := 0
	for _, t := range toks {
		brk := lineBreaks(text[prevEnd:t.Start])
		prevEnd = t.Start + len(t.Text)
		if len(t.Text) > 2 && strings.HasPrefix(t.Text, "``") {
			// The tokenizer keeps a PTB opening quote on its word
			// ("``Today"); the quote is a word of its own.
			words = append(words, Word{Text: "``", Start: t.Start, End: t.Start + 2, Key: "``", Break: brk})
			t.Text, t.Start, brk = t.Text[2:], t.Start+2, 0
		}
		for c := gluedComma(t.Text); c > 0; c = gluedComma(t.Text) {
			// "this week,demanding": a comma that lost its space.
			words = appendToken(words, t.Text[:c], t.Start, brk)
			words = append(words, Word{Text: ",", Start: t.Start + c, End: t.Start + c + 1, Key: ","})
			t.Text, t.Start, brk = t.Text[c+1:], t.Start+c+1, 0
		}
		words = appendToken(words, t.Text, t.Start, brk)
	}
	return words
}

// appendToken appends the words of one token of the tokenizer, starting at
// byte start, brk line breaks after the previous one.
func appendToken(words []Word, tok string, start, brk int) []Word {
	if cut := finalPeriod(tok); cut > 0 {
		return append(words, Word{Text: tok[:cut], Start: start, End: start + cut, Key: Normalize(tok[:cut]), Break: brk},
			Word{Text: ".", Start: start + cut, End: start + len(tok), Key: "."})
	}
	pieces := splitHyphens(tok)
	if pieces == nil {
		return append(words, Word{Text: tok, Start: start, End: start + len(tok), Key: Normalize(tok), Break: brk})
	}
	for i, p := range pieces {
		w := Word{Text: tok[p[0]:p[1]], Start: start + p[0], End: start + p[1], Piece: true}
		w.Key = Normalize(w.Text)
		w.Hyphen = w.Key == "-"
		if i == 0 {
			w.Break = brk
		}
		words = append(words, w)
	}
	return words
}

// gluedComma returns the byte offset of the first comma in tok between two
// lower-case letters, or 0: "week,demanding" is two words, while "2,000"
// and "Inc.,Ltd" (rare) stay as the tokenizer left them.
func gluedComma(tok string) int {
	for i := 1; i+1 < len(tok); i++ {
		if tok[i] == ',' && isLowerASCII(tok[i-1]) && isLowerASCII(tok[i+1]) {
			return i
		}
	}
	return 0
}

func isLowerASCII(b byte) bool { return b >= 'a' && b <= 'z' }

// lineBreaks counts the line breaks in the gap between two tokens, capped at 2.
func lineBreaks(gap string) int {
	n := strings.Count(gap, "\n")
	if n > 2 {
		n = 2
	}
	return n
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

// splitHyphens returns the byte ranges of the pieces of a hyphenated token
// (words and the dashes between them), or nil when the token is not one:
// a dash at either end, or a token without letters on both sides of a dash
// (1996-08-30), stays whole.
func splitHyphens(tok string) [][2]int {
	if !strings.ContainsFunc(tok, isDash) {
		return nil
	}
	var pieces [][2]int
	start := 0
	for i, r := range tok {
		if !isDash(r) {
			continue
		}
		if i == start {
			return nil
		}
		pieces = append(pieces, [2]int{start, i})
		size := utf8.RuneLen(r)
		pieces = append(pieces, [2]int{i, i + size})
		start = i + size
	}
	if start == len(tok) {
		return nil
	}
	pieces = append(pieces, [2]int{start, len(tok)})
	for _, p := range pieces {
		if r, size := utf8.DecodeRuneInString(tok[p[0]:]); size == p[1]-p[0] && isDash(r) {
			continue
		}
		if !strings.ContainsFunc(tok[p[0]:p[1]], unicode.IsLetter) {
			return nil
		}
	}
	return pieces
}

// Normalize gives the key of a word: lower case, curly apostrophes and
// quotes made straight, every dash a hyphen.
func Normalize(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			r = '\''
		case isDash(r):
			r = '-'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// IsUpper reports whether s has at least two letters and no lower-case one:
// an acronym or a word of a headline in capitals.
func IsUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// IsCapitalized reports whether the first letter of s is upper case.
func IsCapitalized(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// IsPossessive reports whether w is a possessive ending split off by the
// tokenizer ('s, ’s, or a lone apostrophe).
func IsPossessive(key string) bool {
	return key == "'s" || key == "'"
}

// abbreviations keep their period: a word of these followed by "." is one
// token ("Mr.", "Gen.", "Inc."), not the end of a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "maj": true, "adm": true, "jr": true, "sr": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "no": true, "gov": true, "sen": true, "rep": true, "prof": true, "rev": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "vs": true, "etc": true, "mt": true, "ft": true,
	"bros": true, "dept": true, "univ": true, "assn": true, "ave": true, "blvd": true, "rd": true,
}

// finalPeriod returns where a sentence-final period starts in a word the
// tokenizer left it on ("War." before a new sentence), or 0 when the period
// belongs to the word (an abbreviation, initials such as "U.S." or "J.").
func finalPeriod(tok string) int {
	n := len(tok)
	if n < 3 || tok[n-1] != '.' || strings.Contains(tok[:n-1], ".") {
		return 0
	}
	base := tok[:n-1]
	for _, r := range base {
		if !unicode.IsLetter(r) {
			return 0
		}
	}
	if abbreviations[strings.ToLower(base)] {
		return 0
	}
	return n - 1
}

// IsLetters reports whether text is made only of letters and single spaces
// between words, at most 64 bytes: the kind of text Split takes a fast path
// for.
func IsLetters(text string) bool {
	if text == "" || len(text) > 64 || text[0] == ' ' || text[len(text)-1] == ' ' {
		return false
	}
	prevSpace := false
	for _, r := range text {
		if r == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		prevSpace = false
	}
	return true
}

// splitLetters splits text made only of letters and single spaces (most
// names in a gazetteer) the way the tokenizer would, many times faster; ok
// is false for any other text.
func splitLetters(text string) (words []Word, ok bool) {
	if !IsLetters(text) {
		return nil, false
	}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			words = append(words, Word{Text: text[start:i], Start: start, End: i, Key: Normalize(text[start:i])})
			start = i + 1
		}
	}
	return words, true
}
