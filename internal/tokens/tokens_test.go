package tokens_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readout/readout/internal/tokens"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		text string
		want []tokens.Word
	}{
		{
			text: "Armenia's Foreign Ministry",
			want: []tokens.Word{
				{Text: "Armenia", Start: 0, End: 7, Key: "armenia"},
				{Text: "'s", Start: 7, End: 9, Key: "'s"},
				{Text: "Foreign", Start: 10, End: 17, Key: "foreign"},
				{Text: "Ministry", Start: 18, End: 26, Key: "ministry"},
			},
		},
		{
			// Offsets are bytes; the curly apostrophe is straightened in the key only.
			text: "Armenia’s",
			want: []tokens.Word{
				{Text: "Armenia", Start: 0, End: 7, Key: "armenia"},
				{Text: "’s", Start: 7, End: 11, Key: "'s"},
			},
		},
		{
			// A PTB opening quote is a word of its own.
			text: "``Today",
			want: []tokens.Word{
				{Text: "``", Start: 0, End: 2, Key: "``"},
				{Text: "Today", Start: 2, End: 7, Key: "today"},
			},
		},
		{
			text: "Nagorno-Karabakh",
			want: []tokens.Word{
				{Text: "Nagorno", Start: 0, End: 7, Key: "nagorno", Piece: true},
				{Text: "-", Start: 7, End: 8, Key: "-", Piece: true, Hyphen: true},
				{Text: "Karabakh", Start: 8, End: 16, Key: "karabakh", Piece: true},
			},
		},
		{
			text: "US-mediated talks",
			want: []tokens.Word{
				{Text: "US", Start: 0, End: 2, Key: "us", Piece: true},
				{Text: "-", Start: 2, End: 3, Key: "-", Piece: true, Hyphen: true},
				{Text: "mediated", Start: 3, End: 11, Key: "mediated", Piece: true},
				{Text: "talks", Start: 12, End: 17, Key: "talks"},
			},
		},
		{
			// A dash without letters on both sides leaves the token whole.
			text: "on 1996-08-30.",
			want: []tokens.Word{
				{Text: "on", Start: 0, End: 2, Key: "on"},
				{Text: "1996-08-30", Start: 3, End: 13, Key: "1996-08-30"},
				{Text: ".", Start: 13, End: 14, Key: "."},
			},
		},
		{
			text: "Nikol\nPashinyan\n\nspoke",
			want: []tokens.Word{
				{Text: "Nikol", Start: 0, End: 5, Key: "nikol"},
				{Text: "Pashinyan", Start: 6, End: 15, Key: "pashinyan", Break: 1},
				{Text: "spoke", Start: 17, End: 22, Key: "spoke", Break: 2},
			},
		},
		{
			// Three blank lines count as one paragraph break.
			text: "Baku\n\n\n\nYerevan",
			want: []tokens.Word{
				{Text: "Baku", Start: 0, End: 4, Key: "baku"},
				{Text: "Yerevan", Start: 8, End: 15, Key: "yerevan", Break: 2},
			},
		},
		{
			// The final period is cut off a word, not off an abbreviation or initials.
			text: "Mr. Blinken flew to the U.S. on Monday.",
			want: []tokens.Word{
				{Text: "Mr.", Start: 0, End: 3, Key: "mr."},
				{Text: "Blinken", Start: 4, End: 11, Key: "blinken"},
				{Text: "flew", Start: 12, End: 16, Key: "flew"},
				{Text: "to", Start: 17, End: 19, Key: "to"},
				{Text: "the", Start: 20, End: 23, Key: "the"},
				{Text: "U.S.", Start: 24, End: 28, Key: "u.s."},
				{Text: "on", Start: 29, End: 31, Key: "on"},
				{Text: "Monday", Start: 32, End: 38, Key: "monday"},
				{Text: ".", Start: 38, End: 39, Key: "."},
			},
		},
		{
			text: "Café owner",
			want: []tokens.Word{
				{Text: "Café", Start: 0, End: 5, Key: "café"},
				{Text: "owner", Start: 6, End: 11, Key: "owner"},
			},
		},
		{
			text: "",
			want: []tokens.Word{},
		},
	}
	for _, tt := range tests {
		got := tokens.Split(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("Split(%q): got %d words %v, want %d %v", tt.text, len(got), got, len(tt.want), tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Split(%q) word %d:\n got %+v\nwant %+v", tt.text, i, got[i], tt.want[i])
			}
		}
	}
}

func TestSplitUnicodeDashes(t *testing.T) {
	for _, text := range []string{"Nagorno–Karabakh", "Nagorno—Karabakh", "Nagorno‑Karabakh"} {
		var keys []string
		for _, w := range tokens.Split(text) {
			keys = append(keys, w.Key)
		}
		if got := strings.Join(keys, " "); got != "nagorno - karabakh" {
			t.Errorf("Split(%q) keys = %q, want %q", text, got, "nagorno - karabakh")
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"armenia", "armenia"},
		{"Armenia", "armenia"},
		{"US", "us"},
		{"’s", "'s"},
		{"‘quoted’", "'quoted'"},
		{"Armenia–Azerbaijan", "armenia-azerbaijan"},
		{"a—b−c", "a-b-c"},
		{"ÉREVAN", "érevan"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := tokens.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWordShapes(t *testing.T) {
	tests := []struct {
		s                  string
		upper, capitalized bool
	}{
		{"US", true, true},
		{"NATO", true, true},
		{"U.S.", true, true},
		{"Us", false, true},
		{"us", false, false},
		{"A", false, true}, // one letter is not an acronym
		{"Armenia", false, true},
		{"ÉREVAN", true, true},
		{"'s", false, false},
		{"1996", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		if got := tokens.IsUpper(tt.s); got != tt.upper {
			t.Errorf("IsUpper(%q) = %v, want %v", tt.s, got, tt.upper)
		}
		if got := tokens.IsCapitalized(tt.s); got != tt.capitalized {
			t.Errorf("IsCapitalized(%q) = %v, want %v", tt.s, got, tt.capitalized)
		}
	}
}

func TestIsPossessive(t *testing.T) {
	for key, want := range map[string]bool{"'s": true, "'": true, "s": false, "’s": false, "is": false} {
		if got := tokens.IsPossessive(key); got != want {
			t.Errorf("IsPossessive(%q) = %v, want %v", key, got, want)
		}
	}
}

// FuzzSplit checks what the matcher and the offsets in the output rely on:
// every word is the text at its offsets, in order, with its key.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Armenia's Foreign Ministry said on Monday.",
		"Armenia’s Nagorno-Karabakh and Nagorno–Karabakh",
		"US-mediated Armenia-Azerbaijan talks in the U.S. on 1996-08-30.",
		"Nikol\nPashinyan\n\n\nspoke \"today\", Mr. Blinken's aide said",
		"Café owner — “quoted” -x- co- 'n' a--b -",
		"\xff\xfe bad bytes",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prevEnd := 0
		for i, w := range tokens.Split(text) {
			if w.Start < prevEnd || w.End < w.Start || w.End > len(text) {
				t.Fatalf("word %d %+v: offsets out of order or range (previous end %d, text length %d)", i, w, prevEnd, len(text))
			}
			if text[w.Start:w.End] != w.Text {
				t.Fatalf("word %d %+v: text at its offsets is %q", i, w, text[w.Start:w.End])
			}
			if w.Text == "" {
				t.Fatalf("word %d %+v: empty", i, w)
			}
			if w.Key != tokens.Normalize(w.Text) {
				t.Fatalf("word %d %+v: key is not Normalize(text) = %q", i, w, tokens.Normalize(w.Text))
			}
			if w.Break < 0 || w.Break > 2 {
				t.Fatalf("word %d %+v: break out of range", i, w)
			}
			if w.Hyphen && !w.Piece {
				t.Fatalf("word %d %+v: a hyphen outside a hyphenated token", i, w)
			}
			if utf8.ValidString(text) && !utf8.ValidString(w.Text) {
				t.Fatalf("word %d %+v: cuts a character in two", i, w)
			}
			prevEnd = w.End
		}
	})
}

func TestGluedComma(t *testing.T) {
	var got []string
	for _, w := range tokens.Split("earlier this week,demanding 2,000 people") {
		got = append(got, w.Text)
	}
	want := []string{"earlier", "this", "week", ",", "demanding", "2,000", "people"}
	if !slices.Equal(got, want) {
		t.Errorf("Split = %q, want %q", got, want)
	}
}
