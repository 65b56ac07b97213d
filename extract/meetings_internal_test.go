package extract

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/gazetteer"
)

// dated is a date expression of a test text and its value; the first
// occurrence of the text after the previous one is meant.
type dated struct{ text, value string }

// meetingsWithDates extracts the meetings of an ASCII text whose dates are
// given, as the dates step would give them.
func meetingsWithDates(t *testing.T, text, ref string, dates []dated) []Meeting {
	t.Helper()
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	a := x.analyze(text)
	r := Result{ReferenceDate: &ref}
	for _, e := range a.entities(x) {
		if gazetteer.IsActorType(e.Type) {
			r.Actors = append(r.Actors, e)
		} else {
			r.Locations = append(r.Locations, e)
		}
	}
	from := 0
	for _, d := range dates {
		i := strings.Index(text[from:], d.text)
		if i < 0 {
			t.Fatalf("%q is not in the text after offset %d", d.text, from)
		}
		v := d.value
		r.Dates = append(r.Dates, Date{Text: d.text, Start: from + i, End: from + i + len(d.text), Type: "DATE", Value: &v})
		from += i + len(d.text)
	}
	r.Quotes = x.quotes(a, r.Actors, r.Locations)
	return x.meetings(a, &r)
}

func describeMeetings(ms []Meeting) string {
	var out []string
	for _, m := range ms {
		date, loc := "null", "null"
		if m.Date != nil {
			date = *m.Date
		}
		if m.Location != nil {
			loc = *m.Location
		}
		out = append(out, fmt.Sprintf("%s %s %s @%s", m.Kind, strings.Join(m.Participants, "+"), date, loc))
	}
	return strings.Join(out, "; ")
}

func TestMeetingDates(t *testing.T) {
	tests := []struct {
		name, text string
		dates      []dated
		want       string
	}{
		{
			name:  "the date of the clause",
			text:  "On May 3, Ararat Mirzoyan met with Antony Blinken.",
			dates: []dated{{"May 3", "2023-05-03"}},
			want:  "meeting ararat-mirzoyan+antony-blinken 2023-05-03 @null",
		},
		{
			name:  "a date that opens the paragraph governs it; arriving somewhere sets the scene",
			text:  "On May 3, Ararat Mirzoyan arrived in Paris. Mirzoyan met Antony Blinken.\n\nLater, Mirzoyan met Jeyhun Bayramov.",
			dates: []dated{{"May 3", "2023-05-03"}},
			want:  "meeting ararat-mirzoyan+antony-blinken 2023-05-03 @paris; meeting ararat-mirzoyan+jeyhun-bayramov null @paris",
		},
		{
			name:  "another event's date is not the meeting's",
			text:  "Antony Blinken held phone calls with Nikol Pashinyan prior to this week's talks.",
			dates: []dated{{"this week", "2023-W18"}},
			want:  "call antony-blinken+nikol-pashinyan null @null",
		},
		{
			name: "one meeting mentioned twice, and another on a different date",
			text: "Ararat Mirzoyan and Antony Blinken meet in Washington on May 1, 2023.\n\n" +
				"Mirzoyan met with Blinken on Monday. Mirzoyan met with Blinken again on May 3.",
			dates: []dated{{"May 1, 2023", "2023-05-01"}, {"Monday", "2023-05-01"}, {"May 3", "2023-05-03"}},
			want:  "meeting ararat-mirzoyan+antony-blinken 2023-05-01 @washington; meeting ararat-mirzoyan+antony-blinken 2023-05-03 @null",
		},
		{
			name: "the setting is the place of this week's meetings only",
			text: "Ararat Mirzoyan and Jeyhun Bayramov are in Washington this week.\n\n" +
				"Mirzoyan met Bayramov on May 2. Mirzoyan met Bayramov in 2021.",
			dates: []dated{{"this week", "2023-W18"}, {"May 2", "2023-05-02"}, {"2021", "2021"}},
			want:  "meeting ararat-mirzoyan+jeyhun-bayramov 2023-05-02 @washington; meeting ararat-mirzoyan+jeyhun-bayramov 2021 @null",
		},
		{
			name:  "an intention has its future date",
			text:  "Sergey Lavrov will meet Antony Blinken in Geneva on June 1.",
			dates: []dated{{"June 1", "2023-06-01"}},
			want:  "meeting sergei-lavrov+antony-blinken 2023-06-01 @geneva",
		},
		{
			name:  "a date in a relative clause is another event's",
			text:  "Ararat Mirzoyan met Antony Blinken, who took office in January 2021.",
			dates: []dated{{"January 2021", "2021-01"}},
			want:  "meeting ararat-mirzoyan+antony-blinken null @null",
		},
		{
			name:  "a date that opens the sentence",
			text:  "Last week, Ararat Mirzoyan met Antony Blinken.",
			dates: []dated{{"Last week", "2023-W17"}},
			want:  "meeting ararat-mirzoyan+antony-blinken 2023-W17 @null",
		},
		{
			name:  "the past is not a date",
			text:  "In the past, Sergey Lavrov met Antony Blinken.",
			dates: []dated{{"the past", "PAST_REF"}},
			want:  "meeting sergei-lavrov+antony-blinken null @null",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describeMeetings(meetingsWithDates(t, tt.text, "2023-05-04", tt.dates))
			if got != tt.want {
				t.Errorf("meetings of %q:\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestMeetingPatterns(t *testing.T) {
	tests := []struct{ text, want string }{
		// met (with), coordinated subjects, a plural description
		{"Ararat Mirzoyan and Jeyhun Bayramov met with Antony Blinken.", "meeting ararat-mirzoyan+jeyhun-bayramov+antony-blinken null @null"},
		{"Ararat Mirzoyan met Jeyhun Bayramov in Moscow.", "meeting ararat-mirzoyan+jeyhun-bayramov null @moscow"},
		{"Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov spoke. The foreign ministers met with Antony Blinken.",
			"meeting ararat-mirzoyan+jeyhun-bayramov+antony-blinken null @null"},
		// a country takes part by its location id
		{"Armenia and Azerbaijan held talks in Almaty.", "talks armenia+azerbaijan null @almaty"},
		{"Talks between Armenia and Azerbaijan resumed.", "talks armenia+azerbaijan null @null"},
		{"Ilham Aliyev held negotiations with Nikol Pashinyan.", "talks ilham-aliyev+nikol-pashinyan null @null"},
		// hosted, received, passives, visits
		{"Antony Blinken hosted Ararat Mirzoyan and Jeyhun Bayramov.", "meeting antony-blinken+ararat-mirzoyan+jeyhun-bayramov null @null"},
		{"Vladimir Putin received Ilham Aliyev at the Kremlin.", "meeting vladimir-putin+ilham-aliyev null @null"},
		{"Ilham Aliyev was received by Vladimir Putin in Moscow.", "meeting ilham-aliyev+vladimir-putin null @moscow"},
		{"Nikol Pashinyan visited Paris.", "visit nikol-pashinyan null @paris"},
		{"Emmanuel Macron paid a visit to Nikol Pashinyan.", "visit emmanuel-macron+nikol-pashinyan null @null"},
		// calls: one per counterpart; spoke by phone
		{"Antony Blinken held phone calls with Nikol Pashinyan and Ilham Aliyev.", "call antony-blinken+nikol-pashinyan null @null; call antony-blinken+ilham-aliyev null @null"},
		{"Emmanuel Macron spoke by phone with Vladimir Putin.", "call emmanuel-macron+vladimir-putin null @null"},
		// a meeting hosted by Z in PLACE, attended by X and Y
		{"The meeting hosted by the EU in Prague, attended by Nikol Pashinyan and Ilham Aliyev, ended late.", "meeting european-union+nikol-pashinyan+ilham-aliyev null @prague"},
		// a "where" clause takes the place it refers to
		{"Ilham Aliyev flew home from Moscow, where he met Vladimir Putin.", "meeting ilham-aliyev+vladimir-putin null @moscow"},
		// the object of a relative clause is no subject
		{"Two councillors who back Nikol Pashinyan met Ilham Aliyev.", ""},
		// "I" in a quote is its speaker; outside one it is no one
		{"“I met Vladimir Putin in Moscow,” Nikol Pashinyan said.", "meeting nikol-pashinyan+vladimir-putin null @moscow"},
		{"I met Vladimir Putin in Moscow.", ""},
		// in a sports report, fixtures are no meetings; a past meeting of
		// people stays one
		{"Everton visit Plymouth, while Manchester United host Arsenal.", ""},
		{"Wayne Rooney will meet Steven Gerrard on Saturday, Manchester United said.", ""},
		{"Ashley Cole met Jose Mourinho in London, Chelsea said.", "meeting ashley-cole+jose-mourinho null @london"},
		// not meetings
		{"The company is meeting the demand for chips.", ""},
		{"Nikol Pashinyan met the target.", ""},
		{"The plan met with fierce resistance from Ilham Aliyev.", ""},
		{"Nikol Pashinyan meets the criteria.", ""},
		{"Ilham Aliyev received Russia's support.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := describeMeetings(meetingsWithDates(t, tt.text, "2023-05-04", nil))
			if got != tt.want {
				t.Errorf("meetings of %q:\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

// TestMeetingsConcurrent checks that one Extractor finds the same meetings
// from several goroutines at once (run with -race).
func TestMeetingsConcurrent(t *testing.T) {
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	doc := Document{Text: "Ararat Mirzoyan met Antony Blinken in Washington. Antony Blinken held phone calls with Nikol Pashinyan and Ilham Aliyev.", Date: "2023-05-04"}
	want, err := x.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan string, 8)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := x.Extract(context.Background(), doc)
			if err != nil {
				errs <- err.Error()
				return
			}
			if g, w := describeMeetings(got.Meetings), describeMeetings(want.Meetings); g != w {
				errs <- g + " != " + w
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if len(want.Meetings) != 3 {
		t.Errorf("meetings: %s, want a meeting and two calls", describeMeetings(want.Meetings))
	}
}
