package extract_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/extract"
)

// quoteWant is one expected quote: its words, the phrase naming its
// speaker, the speaker's entity id ("" for none) and the cue.
type quoteWant struct{ text, speakerText, speaker, cue string }

func (q quoteWant) String() string {
	return fmt.Sprintf("%q by %q (%s) cue %q", q.text, q.speakerText, q.speaker, q.cue)
}

// quoteCase is one case of testdata/quotes.yaml.
type quoteCase struct {
	Name   string      `yaml:"name"`
	Text   string      `yaml:"text"`
	Quotes [][4]string `yaml:"quotes"`
}

func TestQuotes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "quotes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var tests []quoteCase
	if err := dec.Decode(&tests); err != nil {
		t.Fatal(err)
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.Name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), extract.Document{Text: tt.Text})
			if err != nil {
				t.Fatal(err)
			}
			var got []quoteWant
			runes := []rune(tt.Text)
			for _, q := range res.Quotes {
				if string(runes[q.Start:q.End]) != q.Text {
					t.Errorf("quote %q has offsets %d-%d that give %q", q.Text, q.Start, q.End, string(runes[q.Start:q.End]))
				}
				w := quoteWant{text: q.Text, speakerText: q.SpeakerText, cue: q.Cue}
				if q.Speaker != nil {
					w.speaker = *q.Speaker
				}
				got = append(got, w)
			}
			var want []quoteWant
			for _, q := range tt.Quotes {
				want = append(want, quoteWant{q[0], q[1], q[2], q[3]})
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("quotes of\n%s\ngot\n  %s\nwant\n  %s", tt.Text, join(got), join(want))
			}
		})
	}
}

func join(qs []quoteWant) string {
	s := make([]string, len(qs))
	for i, q := range qs {
		s[i] = q.String()
	}
	return strings.Join(s, "\n  ")
}

func TestQuotesSorted(t *testing.T) {
	text := "“First,” said Antony Blinken. Then “second,” he said. “Third and last of all the quotes,” Blinken added."
	res, err := extractor(t).Extract(context.Background(), extract.Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(res.Quotes); i++ {
		if res.Quotes[i].Start < res.Quotes[i-1].Start {
			t.Errorf("quotes out of order: %v", res.Quotes)
		}
	}
}

// FuzzQuotes checks that any text gives quotes whose offsets hold and that
// stay inside one paragraph's reach, without a panic.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"“Yes,” he said.",
		"\"Open and never closed\n\nNext “para",
		"''Doubled,'' Mr. Smith said. «Oui» „Ja“ ” stray “",
		"“A.\n\n“B,” she added. ‘single’ author=\"@x\"",
		"Said Comey, \"x\" — \u201c\u201c\u201d\u201d",
	} {
		f.Add(s)
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		if extract.CheckText(text) != nil {
			return
		}
		res, err := x.Extract(context.Background(), extract.Document{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(text)
		for i, q := range res.Quotes {
			if q.Start < 0 || q.End > len(runes) || q.Start >= q.End || string(runes[q.Start:q.End]) != q.Text {
				t.Fatalf("quote %+v does not match the text", q)
			}
			if i > 0 && q.Start < res.Quotes[i-1].Start {
				t.Fatalf("quotes out of order")
			}
			if strings.Contains(q.Text, "\n\n") {
				t.Fatalf("quote %q runs over a blank line", q.Text)
			}
		}
	})
}
