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
		case strings.IndexByte(text, 0) >= 0:
			if err != ErrBinary {
				t.Fatalf("CheckText(%q) = %v, want ErrBinary", text, err)
			}
		case !utf8.ValidString(text):
			if err != ErrInvalidUTF8 {
				t.Fatalf("CheckText(%q) = %v, want ErrInvalidUTF8", text, err)
			}
		case err == ErrEmpty:
			if hasWords(text) {
				t.Fatalf("CheckText(%q) = ErrEmpty for text with words", text)
			}
		case err == nil:
			if !hasWords(text) {
				t.Fatalf("CheckText(%q) = nil for text without words", text)
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

func TestCheckTextBinaryNotUTF8(t *testing.T) {
	for _, text := range []string{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"} {
		if got := CheckText(text); got != ErrBinary {
			t.Errorf("CheckText(%q) = %v, want ErrBinary", text, got)
		}
	}
}
