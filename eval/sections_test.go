package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/extract"
)

func str(s string) *string { return &s }

func date(text string, start int, value *string) extract.Date {
	return extract.Date{Text: text, Start: start, End: start + len([]rune(text)), Type: "DATE", Value: value}
}

func TestScoreDates(t *testing.T) {
	gold := []extract.Date{
		date("May 3", 10, str("2023-05-03")),
		date("last week", 40, str("2023-W17")),
		date("Monday", 80, str("2023-05-01")),
		date("the year", 200, str("2023")),
	}
	optional := []extract.Date{date("now", 120, str("PRESENT_REF"))}
	pred := []extract.Date{
		date("On May 3", 7, str("2023-05-03")), // overlapping span, same value: a hit
		date("last week", 40, str("2023-W18")), // wrong value
		date("2,000", 100, str("2000")),        // extra
		date("now", 120, nil),                  // optional: not counted
		date("this year", 300, str("2023")),    // the same value elsewhere: extra
	}
	tab, fs := ScoreDates(gold, optional, pred)
	if got, want := tab[Dates], (Count{TP: 1, FP: 3, FN: 3}); got != want {
		t.Errorf("dates: got %+v, want %+v", got, want)
	}
	if got, want := tab[DateSpans], (Count{TP: 2, FP: 2, FN: 2}); got != want {
		t.Errorf("date spans: got %+v, want %+v", got, want)
	}
	whats := map[string]int{}
	for _, f := range fs {
		whats[f.What]++
	}
	if whats["wrong"] != 1 || whats["missed"] != 2 || whats["extra"] != 2 {
		t.Errorf("findings: got %+v", fs)
	}
}

func quote(text string, start int, speaker *string, speakerText string) extract.Quote {
	return extract.Quote{Text: text, Start: start, End: start + len([]rune(text)), Speaker: speaker, SpeakerText: speakerText}
}

func TestScoreQuotes(t *testing.T) {
	gold := Gold{Result: extract.Result{Quotes: []extract.Quote{
		quote("We will build it.", 0, nil, "Donald Trump"),
		quote("It is a disgrace.", 50, nil, "she"),
		quote("No comment.", 100, nil, "a spokesman"),
	}}, OptionalQuotes: []extract.Quote{quote("that the plan would fail", 200, nil, "he")}}
	pred := extract.Result{
		Actors: []extract.Entity{entity("donald-trump", "PERSON", at("Donald Trump", 300), at("Trump", 400))},
		Quotes: []extract.Quote{
			quote("We will build it", 0, str("donald-trump"), "Trump"), // right: the entity's names
			quote("It is a disgrace.", 50, str("donald-trump"), "he"),  // found, wrong speaker
			quote("the plan would fail", 205, nil, ""),                 // optional
			quote("Make America", 500, nil, ""),                        // extra
		},
	}
	tab, _ := ScoreQuotes(gold, pred)
	if got, want := tab[Quotes], (Count{TP: 2, FP: 1, FN: 1}); got != want {
		t.Errorf("quotes: got %+v, want %+v", got, want)
	}
	if got, want := tab[QuoteSpeakers], (Count{TP: 1, FP: 2, FN: 2}); got != want {
		t.Errorf("quote speakers: got %+v, want %+v", got, want)
	}
}

func TestScoreMeetings(t *testing.T) {
	// "Mirzoyan met Bayramov in Washington on May 3."
	trigger := at("met", 9)
	gold := Gold{
		Result: extract.Result{Actors: []extract.Entity{entity("ararat-mirzoyan", "PERSON", at("Mirzoyan", 0))}},
		GoldMeetings: []GoldMeeting{{
			Meeting: extract.Meeting{Kind: "meeting", Participants: []string{"ararat-mirzoyan", "the Azerbaijani minister"},
				Date: str("2023-05-03"), Location: str("Washington"), Trigger: trigger},
			HasDate: true, HasLocation: true,
			Arguments: []Argument{{Role: "participant", Span: at("Bayramov", 13)}},
		}},
	}
	gold.GoldMeetings[0].Arguments[0].Text = "the Azerbaijani minister"
	pred := extract.Result{
		Actors: []extract.Entity{
			entity("ararat-mirzoyan", "PERSON", at("Mirzoyan", 0)),
			entity("jeyhun-bayramov", "PERSON", at("Bayramov", 13)),
		},
		Locations: []extract.Entity{entity("washington", "GPE", at("Washington", 25))},
		Meetings: []extract.Meeting{
			{Kind: "meeting", Participants: []string{"ararat-mirzoyan", "jeyhun-bayramov"},
				Date: str("2023-05-02"), Location: str("washington"), Trigger: trigger},
			{Kind: "call", Participants: []string{"ararat-mirzoyan"}, Trigger: at("May", 39)},
		},
	}
	tab, fs := ScoreMeetings(gold, pred)
	for row, want := range map[string]Count{
		Meetings:            {TP: 1, FP: 1},
		MeetingParticipants: {TP: 2, FP: 1},
		MeetingDates:        {FP: 1, FN: 1},
		MeetingLocations:    {TP: 1},
	} {
		if tab[row] != want {
			t.Errorf("%s: got %+v, want %+v", row, tab[row], want)
		}
	}
	if len(fs) != 2 {
		t.Errorf("findings: got %+v, want a wrong date and an extra meeting", fs)
	}
}

func TestEntitiesPairByName(t *testing.T) {
	gold := goldGM()
	pred := result([]extract.Entity{
		// "the GM" is no gold span, but GM is a name of the gold entity.
		entity("gm-corp", "ORG", at("the GM", 17)),
		entity("barra", "PERSON", at("Barra", 54)),
	}, nil)
	pred.Actors[1].ID = "mary-barra" // the same id as the gold entity
	s := Score(gold, pred)
	if got, want := s.Entities[Actors], (Count{TP: 2}); got != want {
		t.Errorf("actors by name and id: got %+v, want %+v", got, want)
	}
}

func TestEvaluateUpdateAndRecords(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.txt", "Ford offers")
	write("a.gold.json", `{"schema": "readout.v1", "id": "a", "note": "kept",
	  "actors": [{"id": "ford", "name": "Ford", "type": "ORG", "mentions": [{"text": "Ford", "start": 0, "end": 4}]}],
	  "optional_quotes": []}`)
	write("r.jsonl", `{"id": "r1", "text": "GM cuts", "gold": {"actors": []}, "extra": 1}`+"\n"+
		`{"id": "r2", "text": "no gold"}`+"\n")
	engine := func(_ context.Context, doc extract.Document) (extract.Result, error) {
		r := extract.Result{Schema: extract.Schema, ID: doc.ID}
		words := strings.Fields(doc.Text)
		r.Actors = []extract.Entity{entity(strings.ToLower(words[0]), "ORG", at(words[0], 0))}
		return r, nil
	}
	pairs, err := FindPairs(dir)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := LoadCases(pairs)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 3 {
		t.Fatalf("cases: got %d, want 3", len(cases))
	}
	rep := Evaluate(context.Background(), engine, cases, Options{Jobs: 2})
	if rep.Failed != 1 || !strings.Contains(rep.Documents[2].Error, "no \"gold\"") {
		t.Errorf("the record without gold: got %+v", rep.Documents[2])
	}
	if got, want := rep.Total[Actors], (Count{TP: 1, FP: 1}); got != want {
		t.Errorf("actors: got %+v, want %+v", got, want)
	}
	if f := rep.Failing(1); len(f) != 1 || f[0] != Actors {
		t.Errorf("failing rows: got %v", f)
	}
	if n, err := Update(cases, rep); err != nil || n != 2 {
		t.Fatalf("update: got %d, %v", n, err)
	}
	gold, _ := os.ReadFile(filepath.Join(dir, "a.gold.json"))
	if !strings.Contains(string(gold), `"note": "kept"`) || strings.Contains(string(gold), "dates") {
		t.Errorf("updated golden file lost a field or gained a section:\n%s", gold)
	}
	records, _ := os.ReadFile(filepath.Join(dir, "r.jsonl"))
	lines := strings.Split(string(records), "\n")
	if !strings.Contains(lines[0], `"gold":{"actors":[{"id":"gm"`) || !strings.Contains(lines[0], `"extra":1`) ||
		lines[1] != `{"id": "r2", "text": "no gold"}` {
		t.Errorf("updated records:\n%s", records)
	}
	cases, _ = LoadCases(pairs)
	rep = Evaluate(context.Background(), engine, cases, Options{Jobs: 1})
	if f := rep.Failing(1); len(f) != 0 {
		t.Errorf("after update, failing rows: %v", f)
	}
}

// FuzzParseGold checks that any golden file either parses or gives an
// error, and that scoring what parses against itself never panics and
// finds every item.
func FuzzParseGold(f *testing.F) {
	f.Add([]byte(`{"dates": [{"text": "May 3", "start": 0, "end": 5, "value": "2023-05-03"}], "optional_dates": []}`))
	f.Add([]byte(`{"meetings": [{"participants": ["a", "b"], "date": null, "arguments": [{"role": "place", "text": "x", "start": 1, "end": 2}]}]}`))
	f.Add([]byte(`{"quotes": [{"text": "x", "start": 3, "end": 4, "speaker": "s"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGold(data)
		if err != nil {
			return
		}
		pred := g.Result
		pred.Meetings = nil
		for _, m := range g.GoldMeetings {
			pred.Meetings = append(pred.Meetings, m.Meeting)
		}
		ScoreDocument(g, pred, false)
		ScoreDocument(g, pred, true)
	})
}

func TestNamesMeet(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Donald Trump", "Trump", true},
		{"the Clinton campaign", "Clinton campaign", true},
		{"Kenneth Baer, a former Obama administration official", "Baer", true},
		{"Kenneth Baer, a former Obama administration official", "Obama", false},
		{"Rep. Jim Clyburn (D-S.C.), the assistant leader", "Jim Clyburn", true},
		{"Trump’s", "Donald Trump", true},
		{"she", "he", false},
		{"Rep. Gwen Moore", "Rep. Jim Clyburn", false},
	} {
		if got := namesMeet([]string{c.a}, []string{c.b}); got != c.want {
			t.Errorf("namesMeet(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestScoreDateTypes(t *testing.T) {
	v := func(s string) *string { return &s }
	gold := []extract.Date{
		{Text: "May 3", Start: 0, End: 5, Type: "DATE", Value: v("2023-05-03")},
		{Text: "noon", Start: 10, End: 14, Type: "TIME", Value: v("2023-05-03T12:00")},
	}
	pred := []extract.Date{
		{Text: "May 3", Start: 0, End: 5, Type: "DATE", Value: v("2023-05-03")},
		{Text: "noon", Start: 10, End: 14, Type: "TIME", Value: v("2023-05-04T12:00")},
		{Text: "a week", Start: 20, End: 26, Type: "DURATION", Value: v("P1W")},
	}
	rows := scoreDateTypes(gold, nil, pred)
	want := map[string][3]int{ // tp, fp, fn
		"dates.DATE": {1, 0, 0}, "dates.TIME": {0, 1, 1}, "dates.DURATION": {0, 1, 0},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %v, want %v", rows, want)
	}
	for row, w := range want {
		c := rows[row]
		if got := [3]int{c.TP, c.FP, c.FN}; got != w {
			t.Errorf("%s: tp/fp/fn %v, want %v", row, got, w)
		}
	}
}

func TestSameValueNotations(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"2000-W7", "2000-W07", true},
		{"2000-W7-WE", "2000-W07-WE", true},
		{"2000-W17", "2000-W07", false},
		{"1968-XX", "1968", true},
		{"1994-XX-XX", "1994", true},
		{"1998-10-XX", "1998-10", true},
		{"1998-XX-05", "1998", false},
		{"198X", "198", true},
		{"19XX", "19", true},
		{"199X", "198", false},
		{"XXXX-05-03", "XXXX-05-03", true},
		{"P1W", "P7D", false},
		{"1989-11-06T17:00", "1989-11-06T17", true},
		{"1989-11-06T17:30", "1989-11-06T17", false},
	} {
		a, b := c.a, c.b
		if got := sameValue(&a, &b); got != c.same {
			t.Errorf("sameValue(%q, %q) = %v, want %v", a, b, got, c.same)
		}
	}
	v := "2000-W07"
	if sameValue(&v, nil) {
		t.Error("a value equals null")
	}
}
