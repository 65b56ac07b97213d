package extract_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/readout/readout/extract"
)

// quoteWant is one expected quote: its words, the phrase naming its
// speaker, the speaker's entity id ("" for none) and the cue.
type quoteWant struct{ text, speakerText, speaker, cue string }

func (q quoteWant) String() string {
	return fmt.Sprintf("%q by %q (%s) cue %q", q.text, q.speakerText, q.speaker, q.cue)
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []quoteWant
	}{
		{
			name: "curly marks, speaker after",
			text: "Antony Blinken arrived in Paris on Monday.\n\n“We are making progress on the talks,” Blinken said.",
			want: []quoteWant{{"We are making progress on the talks,", "Blinken", "antony-blinken", "said"}},
		},
		{
			name: "straight marks, verb before the speaker",
			text: `"The border will stay open for trucks and buses," said Nikol Pashinyan.`,
			want: []quoteWant{{"The border will stay open for trucks and buses,", "Nikol Pashinyan", "nikol-pashinyan", "said"}},
		},
		{
			name: "guillemets after a colon",
			text: "Emmanuel Macron said: «France will keep supporting the negotiations in every way it can.»",
			want: []quoteWant{{"France will keep supporting the negotiations in every way it can.", "Emmanuel Macron", "emmanuel-macron", "said"}},
		},
		{
			name: "low-high German marks",
			text: "Olaf Scholz told reporters: „We will not send troops to the region under any circumstances.“",
			want: []quoteWant{{"We will not send troops to the region under any circumstances.", "Olaf Scholz", "olaf-scholz", "told"}},
		},
		{
			name: "several sentences are one quote",
			text: "“The vote was fair. The count was fair. Now we govern,” Nikol Pashinyan said.",
			want: []quoteWant{{"The vote was fair. The count was fair. Now we govern,", "Nikol Pashinyan", "nikol-pashinyan", "said"}},
		},
		{
			name: "a quote over two paragraphs",
			text: "“The first part of the plan is to rebuild the roads,” Antony Blinken said. “The second part is harder.\n\n“It means paying for schools and hospitals for ten years.”",
			want: []quoteWant{
				{"The first part of the plan is to rebuild the roads,", "Antony Blinken", "antony-blinken", "said"},
				{"The second part is harder.", "Antony Blinken", "antony-blinken", "said"},
				{"It means paying for schools and hospitals for ten years.", "Antony Blinken", "antony-blinken", "said"},
			},
		},
		{
			name: "nested single quotes stay inside",
			text: "“The claims about ‘ethnic cleansing’ and a ‘blockade’ are false propaganda,” Ilham Aliyev said.",
			want: []quoteWant{{"The claims about ‘ethnic cleansing’ and a ‘blockade’ are false propaganda,", "Ilham Aliyev", "ilham-aliyev", "said"}},
		},
		{
			name: "an unmatched mark stays in its paragraph",
			text: "The report had a “missing closing mark in this paragraph.\n\nLater, Ilham Aliyev spoke. “Every road will be rebuilt by the end of the year,” Aliyev said.",
			want: []quoteWant{{"Every road will be rebuilt by the end of the year,", "Aliyev", "ilham-aliyev", "said"}},
		},
		{
			name: "a document title is not speech",
			text: "The delegations are negotiating a document titled “Agreement on normalization of relations,” according to US officials.",
			want: nil,
		},
		{
			name: "scare quotes and show names are not speech",
			text: "The so-called “reform” failed. Antony Blinken said on “Meet the Press” that the talks would go on.",
			want: nil,
		},
		{
			name: "according to a statement from an organization",
			text: "The ministers discussed “regional security and stability,” according to a statement from the US State Department.",
			want: []quoteWant{{"regional security and stability,", "the US State Department", "us-state-department", "according to"}},
		},
		{
			name: "X told Y",
			text: "Antony Blinken told reporters “the ceasefire has to hold for the talks to work.”",
			want: []quoteWant{{"the ceasefire has to hold for the talks to work.", "Antony Blinken", "antony-blinken", "told"}},
		},
		{
			name: "appositive between speaker and verb",
			text: "“We treated more than 600 patients this week,” Ahmed Khan, a doctor at the clinic, said.",
			want: []quoteWant{{"We treated more than 600 patients this week,", "Ahmed Khan", "ahmed-khan", "said"}},
		},
		{
			name: "the spokesperson continued",
			text: "“The situation is central to the conflict,” a spokesperson from the US State Department said.\n\n“Only a settlement can end it,” the spokesperson continued.",
			want: []quoteWant{
				{"The situation is central to the conflict,", "a spokesperson from the US State Department", "us-state-department", "said"},
				{"Only a settlement can end it,", "the spokesperson", "us-state-department", "continued"},
			},
		},
		{
			name: "he said and she added, across paragraphs",
			text: "Nikol Pashinyan met voters in Gyumri.\n\n“We will finish the road this year,” he said.\n\nKaja Kallas visited Yerevan on Friday.\n\n“Europe is ready to help,” she added.",
			want: []quoteWant{
				{"We will finish the road this year,", "he", "nikol-pashinyan", "said"},
				{"Europe is ready to help,", "she", "kaja-kallas", "added"},
			},
		},
		{
			name: "partial quotes inside a reporting clause",
			text: "Kremlin spokesperson Dmitry Peskov said that there are “no alternatives” to the agreement. He welcomed “any assistance that could help the settlement.” Yet he also suggested that Western mediation could “dilute the basis for the settlement.”",
			want: []quoteWant{
				{"no alternatives", "Kremlin spokesperson Dmitry Peskov", "dmitry-peskov", "said"},
				{"any assistance that could help the settlement.", "He", "dmitry-peskov", "welcomed"},
				{"dilute the basis for the settlement.", "he", "dmitry-peskov", "suggested"},
			},
		},
		{
			name: "a readout as the source",
			text: "During the call, Antony Blinken “emphasized the importance of reopening the corridor,” according to a readout from the US State Department.",
			want: []quoteWant{{"emphasized the importance of reopening the corridor,", "the US State Department", "us-state-department", "according to"}},
		},
		{
			name: "speaker named before a colon",
			text: "Ilham Aliyev issued a short statement: “Azerbaijan will guarantee traffic safety along the road.”",
			want: []quoteWant{{"Azerbaijan will guarantee traffic safety along the road.", "Ilham Aliyev", "ilham-aliyev", "issued"}},
		},
		{
			name: "a description without an entity",
			text: "“The checkpoint makes us proud,” the protesters said in a joint statement.",
			want: []quoteWant{{"The checkpoint makes us proud,", "the protesters", "", "said"}},
		},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), extract.Document{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []quoteWant
			runes := []rune(tt.text)
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
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("quotes of\n%s\ngot\n  %s\nwant\n  %s", tt.text, join(got), join(tt.want))
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
