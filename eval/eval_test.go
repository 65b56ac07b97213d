package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/readout/readout/extract"
)

// text: "General Motors said GM will cut jobs in Detroit, Mary Barra said."
//
//	General Motors 0-14, GM 20-22, Detroit 40-47, Mary Barra 49-59
func at(text string, start int) extract.Span {
	return extract.Span{Text: text, Start: start, End: start + len([]rune(text))}
}

func entity(id, typ string, mentions ...extract.Span) extract.Entity {
	return extract.Entity{ID: id, Name: mentions[0].Text, Type: typ, Mentions: mentions}
}

func result(actors, locations []extract.Entity) extract.Result {
	return extract.Result{Schema: extract.Schema, Actors: actors, Locations: locations}
}

func goldGM() extract.Result {
	return result(
		[]extract.Entity{
			entity("general-motors", "ORG", at("General Motors", 0), at("GM", 20)),
			entity("mary-barra", "PERSON", at("Mary Barra", 49)),
		},
		[]extract.Entity{entity("detroit", "LOC", at("Detroit", 40))},
	)
}

func TestPerfect(t *testing.T) {
	// The location type differs (GPE against LOC) but is the same coarse type.
	pred := goldGM()
	pred.Locations = []extract.Entity{entity("detroit", "GPE", at("Detroit", 40))}
	s := Score(goldGM(), pred)
	for name, c := range map[string]Count{
		"mentions":       s.Mentions.Total(),
		"typed mentions": s.TypedMentions.Total(),
		"entities":       s.Entities.Total(),
	} {
		if c.F1() != 1 || c.Precision() != 1 || c.Recall() != 1 {
			t.Errorf("%s: got %+v (F1 %v), want a perfect score", name, c, c.F1())
		}
	}
	if want := (Count{TP: 4}); s.Mentions.Total() != want {
		t.Errorf("mention counts: got %+v, want %+v", s.Mentions.Total(), want)
	}
	if want := (Count{TP: 3}); s.Entities.Total() != want {
		t.Errorf("entity counts: got %+v, want %+v", s.Entities.Total(), want)
	}
	if len(s.Missed)+len(s.Extra)+len(s.Mistyped)+len(s.MissedEntities)+len(s.ExtraEntities) != 0 {
		t.Errorf("errors listed for a perfect match: %+v", s)
	}
}

func TestSplitEntity(t *testing.T) {
	pred := goldGM()
	pred.Actors = []extract.Entity{
		entity("general-motors", "ORG", at("General Motors", 0)),
		entity("gm", "ORG", at("GM", 20)),
		entity("mary-barra", "PERSON", at("Mary Barra", 49)),
	}
	s := Score(goldGM(), pred)
	if c := s.Mentions.Total(); c.F1() != 1 {
		t.Errorf("mention level: got %+v, want a perfect score", c)
	}
	if c := s.TypedMentions.Total(); c.F1() != 1 {
		t.Errorf("typed mention level: got %+v, want a perfect score", c)
	}
	if got, want := s.Entities[Actors], (Count{TP: 2, FP: 1}); got != want {
		t.Errorf("entity level actors: got %+v, want %+v", got, want)
	}
	// The half with the earlier first mention is paired; GM is extra.
	if len(s.ExtraEntities) != 1 || s.ExtraEntities[0].ID != "gm" || s.ExtraEntities[0].Section != Actors {
		t.Errorf("extra entities: got %+v, want gm", s.ExtraEntities)
	}
	if len(s.MissedEntities) != 0 {
		t.Errorf("missed entities: got %+v, want none", s.MissedEntities)
	}
}

func TestMergedEntities(t *testing.T) {
	gold := goldGM()
	gold.Actors = []extract.Entity{
		entity("general-motors", "ORG", at("General Motors", 0)),
		entity("gm", "ORG", at("GM", 20), at("GM", 70)),
	}
	pred := goldGM()
	pred.Actors = []extract.Entity{
		entity("general-motors", "ORG", at("General Motors", 0), at("GM", 20), at("GM", 70)),
	}
	c, missed, extra := ScoreEntities(gold.Actors, pred.Actors)
	if want := (Count{TP: 1, FN: 1}); c != want {
		t.Errorf("got %+v, want %+v", c, want)
	}
	// Two shared spans beat one: the prediction pairs with gm.
	if len(missed) != 1 || missed[0].ID != "general-motors" || len(extra) != 0 {
		t.Errorf("missed %+v, extra %+v; want general-motors missed", missed, extra)
	}
}

func TestWrongSection(t *testing.T) {
	pred := goldGM()
	pred.Actors = pred.Actors[:1]
	pred.Locations = []extract.Entity{
		entity("detroit", "GPE", at("Detroit", 40)),
		entity("mary-barra", "GPE", at("Mary Barra", 49)),
	}
	s := Score(goldGM(), pred)
	if got, want := s.Mentions[Actors], (Count{TP: 2, FN: 1}); got != want {
		t.Errorf("mentions actors: got %+v, want %+v", got, want)
	}
	if got, want := s.Mentions[Locations], (Count{TP: 1, FP: 1}); got != want {
		t.Errorf("mentions locations: got %+v, want %+v", got, want)
	}
	if got, want := s.Entities[Actors], (Count{TP: 1, FN: 1}); got != want {
		t.Errorf("entities actors: got %+v, want %+v", got, want)
	}
	if got, want := s.Entities[Locations], (Count{TP: 1, FP: 1}); got != want {
		t.Errorf("entities locations: got %+v, want %+v", got, want)
	}
	want := []Mistyped{{
		Gold:      Mention{Section: Actors, Type: PER, Span: at("Mary Barra", 49)},
		Predicted: Mention{Section: Locations, Type: LOC, Span: at("Mary Barra", 49)},
	}}
	if !reflect.DeepEqual(s.Mistyped, want) {
		t.Errorf("mistyped: got %+v, want %+v", s.Mistyped, want)
	}
	if len(s.Missed) != 0 || len(s.Extra) != 0 {
		t.Errorf("missed %+v, extra %+v; want none (the span is mistyped)", s.Missed, s.Extra)
	}
}

func TestTypeMismatch(t *testing.T) {
	// Mary Barra as an ORG: right section, wrong type.
	pred := goldGM()
	pred.Actors = []extract.Entity{
		pred.Actors[0],
		entity("mary-barra", "ORG", at("Mary Barra", 49)),
	}
	s := Score(goldGM(), pred)
	if c := s.Mentions.Total(); c.F1() != 1 {
		t.Errorf("untyped mention level: got %+v, want a perfect score", c)
	}
	if c := s.Entities.Total(); c.F1() != 1 {
		t.Errorf("entity level: got %+v, want a perfect score", c)
	}
	if got, want := s.TypedMentions[PER], (Count{FN: 1}); got != want {
		t.Errorf("typed PER: got %+v, want %+v", got, want)
	}
	if got, want := s.TypedMentions[ORG], (Count{TP: 2, FP: 1}); got != want {
		t.Errorf("typed ORG: got %+v, want %+v", got, want)
	}
	if got, want := s.TypedMentions[LOC], (Count{TP: 1}); got != want {
		t.Errorf("typed LOC: got %+v, want %+v", got, want)
	}
	if got, want := s.TypedMentions.Total(), (Count{TP: 3, FP: 1, FN: 1}); got != want {
		t.Errorf("typed total: got %+v, want %+v", got, want)
	}
	if len(s.Mistyped) != 1 || s.Mistyped[0].Gold.Type != PER || s.Mistyped[0].Predicted.Type != ORG {
		t.Errorf("mistyped: got %+v, want Mary Barra PER -> ORG", s.Mistyped)
	}
}

func TestMissedAndExtra(t *testing.T) {
	pred := goldGM()
	pred.Actors = []extract.Entity{
		entity("general-motors", "ORG", at("General Motors", 0), at("GM", 20)),
		entity("barra", "PERSON", at("Barra", 54)), // a boundary error
	}
	pred.Locations = nil
	s := Score(goldGM(), pred)
	wantMissed := []Mention{
		{Section: Locations, Type: LOC, Span: at("Detroit", 40)},
		{Section: Actors, Type: PER, Span: at("Mary Barra", 49)},
	}
	wantExtra := []Mention{{Section: Actors, Type: PER, Span: at("Barra", 54)}}
	if !reflect.DeepEqual(s.Missed, wantMissed) {
		t.Errorf("missed: got %+v, want %+v", s.Missed, wantMissed)
	}
	if !reflect.DeepEqual(s.Extra, wantExtra) {
		t.Errorf("extra: got %+v, want %+v", s.Extra, wantExtra)
	}
	if got, want := s.Mentions.Total(), (Count{TP: 2, FP: 1, FN: 2}); got != want {
		t.Errorf("mentions: got %+v, want %+v", got, want)
	}
	if got, want := s.Entities.Total(), (Count{TP: 1, FP: 1, FN: 2}); got != want {
		t.Errorf("entities: got %+v, want %+v", got, want)
	}
}

func TestCountsAddMicroAverages(t *testing.T) {
	total := NewCounts()
	total.Add(Score(goldGM(), goldGM()).Counts)
	total.Add(Score(goldGM(), result(nil, nil)).Counts)
	c := total.Mentions.Total()
	if want := (Count{TP: 4, FN: 4}); c != want {
		t.Fatalf("got %+v, want %+v", c, want)
	}
	if c.Precision() != 1 || c.Recall() != 0.5 {
		t.Errorf("P %v R %v, want 1 and 0.5", c.Precision(), c.Recall())
	}
	if f := c.F1(); f < 0.6666 || f > 0.6667 {
		t.Errorf("F1 %v, want 2/3", f)
	}
	if (Count{}).F1() != 0 {
		t.Errorf("F1 of nothing should be 0")
	}
}

func TestFindPairsAndLoadGold(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gold := `{"schema": "readout.v1", "id": "a", "reference_date": "2007-09-08",
	  "actors": [{"id": "ford", "name": "Ford", "type": "ORG",
	    "attributes": {"dbpedia": "http://dbpedia.org/resource/Ford_Motor_Company"},
	    "mentions": [{"text": "Ford", "start": 0, "end": 4}]}],
	  "optional_quotes": [{"text": "x"}], "arguments": {"k": 1}}`
	write("b/a.txt", "Ford offers")
	write("b/a.gold.json", gold)
	write("0.txt", "no gold here")
	write("c.gold.json", gold) // no text
	write(".hidden/h.txt", "x")
	write(".hidden/h.gold.json", gold)
	write("sub/z.txt", "z")
	write("sub/z.gold.json", gold)

	pairs, err := FindPairs(dir, filepath.Join(dir, "b/a.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Pair{
		{Text: filepath.Join(dir, "b/a.txt"), Gold: filepath.Join(dir, "b/a.gold.json")},
		{Text: filepath.Join(dir, "sub/z.txt"), Gold: filepath.Join(dir, "sub/z.gold.json")},
	}
	if !reflect.DeepEqual(pairs, want) {
		t.Errorf("pairs: got %+v, want %+v", pairs, want)
	}
	if _, err := FindPairs(filepath.Join(dir, "0.txt")); err == nil {
		t.Errorf("a text named without its golden file: want an error")
	}

	r, err := LoadGold(want[0].Gold)
	if err != nil {
		t.Fatal(err)
	}
	if r.ReferenceDate == nil || *r.ReferenceDate != "2007-09-08" {
		t.Errorf("reference_date: got %v", r.ReferenceDate)
	}
	if len(r.Actors) != 1 || r.Actors[0].Mentions[0] != (extract.Span{Text: "Ford", Start: 0, End: 4}) {
		t.Errorf("actors: got %+v", r.Actors)
	}
	write("bad.gold.json", `{"actors": [}`)
	if _, err := LoadGold(filepath.Join(dir, "bad.gold.json")); err == nil {
		t.Errorf("bad JSON: want an error")
	}
}
