package gazetteer_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/tokens"
)

// testGazetteer is a small gazetteer with the kinds of names the matcher
// treats differently: acronyms, hyphenated names, qualified names, short
// names, demonyms, and names that start alike.
const testGazetteer = `
entries:
  - id: united-states
    name: United States
    type: GPE
    aliases: [US, USA, U.S.]
    demonyms: [American]
    attributes: {country: US, capital: washington}
  - id: armenia
    name: Armenia
    type: GPE
    demonyms: [Armenian]
    attributes: {country: AM, capital: yerevan}
  - id: azerbaijan
    name: Azerbaijan
    type: GPE
    attributes: {country: AZ, capital: baku}
  - id: armenia-foreign-ministry
    name: Ministry of Foreign Affairs of Armenia
    type: ORG
    qualified_names: [Foreign Ministry]
    attributes: {country: AM}
  - id: us-state-department
    name: United States Department of State
    type: ORG
    qualified_names: [State Department]
    attributes: {country: US}
  - id: nagorno-karabakh
    name: Nagorno-Karabakh
    type: GPE
    aliases: [Artsakh]
  - id: nikol-pashinyan
    name: Nikol Pashinyan
    type: PERSON
  - id: new-york
    name: New York
    type: GPE
  - id: new-york-city
    name: New York City
    type: GPE
  - id: peoples-party
    name: People’s Party
    type: ORG
`

func newTestGazetteer(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	entries, err := gazetteer.Parse("test.yaml", []byte(testGazetteer))
	if err != nil {
		t.Fatal(err)
	}
	return gazetteer.New(entries)
}

var kindNames = map[gazetteer.Kind]string{
	gazetteer.KindName:      "name",
	gazetteer.KindQualified: "qualified",
	gazetteer.KindShort:     "short",
	gazetteer.KindDemonym:   "demonym",
}

// describe writes a match as "text=id/kind", with "+qualifier" when there is one.
func describe(text string, words []tokens.Word, m gazetteer.Match) string {
	s := fmt.Sprintf("%s=%s/%s", text[words[m.Start].Start:words[m.End-1].End], m.Entry.ID, kindNames[m.Kind])
	if m.Qualifier != nil {
		s += "+" + m.Qualifier.ID
	}
	return s
}

func TestMatch(t *testing.T) {
	g := newTestGazetteer(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"acronym in capitals", "US officials said", []string{"US=united-states/name"}},
		{"acronym in lower case is a word", "Let us talk", nil},
		{"acronym capitalized is not the acronym", "Us and them", nil},
		{"dotted acronym", "the U.S. envoy", []string{"U.S.=united-states/name"}},
		{"headline capitals", "NEW YORK CITY", []string{"NEW YORK CITY=new-york-city/name"}},
		{"capitalized name in lower case", "a new york city", nil},
		{"possessive", "Armenia's army", []string{"Armenia=armenia/name"}},
		{"curly possessive", "Armenia’s army", []string{"Armenia=armenia/name"}},
		{"hyphenated as listed", "in Nagorno-Karabakh", []string{"Nagorno-Karabakh=nagorno-karabakh/name"}},
		{"hyphen written as a space", "in Nagorno Karabakh", []string{"Nagorno Karabakh=nagorno-karabakh/name"}},
		{"curly apostrophe in the gazetteer, straight in the text", "the People's Party", []string{"People's Party=peoples-party/name"}},
		{"curly apostrophe in both", "the People’s Party", []string{"People’s Party=peoples-party/name"}},
		{"across a line break", "Nikol\nPashinyan said", []string{"Nikol\nPashinyan=nikol-pashinyan/name"}},
		{"not across a blank line", "Nikol\n\nPashinyan said", []string{"Pashinyan=nikol-pashinyan/short"}},
		{"longest match wins", "in New York City today", []string{"New York City=new-york-city/name"}},
		{"shorter name when the longer is not there", "in New York today", []string{"New York=new-york/name"}},
		{"qualified name with its country", "Armenia's Foreign Ministry said", []string{"Armenia's Foreign Ministry=armenia-foreign-ministry/qualified+armenia"}},
		{"qualified name with its country, curly apostrophe", "Armenia’s Foreign Ministry said", []string{"Armenia’s Foreign Ministry=armenia-foreign-ministry/qualified+armenia"}},
		{"qualified name after the country as a modifier", "the US State Department", []string{"US State Department=us-state-department/qualified+united-states"}},
		{"qualified name of another country", "Armenia's State Department", []string{"Armenia=armenia/name"}},
		{"qualified name alone", "the Foreign Ministry said", nil},
		{"full name", "the Ministry of Foreign Affairs of Armenia", []string{"Ministry of Foreign Affairs of Armenia=armenia-foreign-ministry/name"}},
		{"lower-case hyphen piece after an acronym", "US-mediated talks", nil},
		{"two names joined by a hyphen", "Armenia-Azerbaijan talks", []string{"Armenia=armenia/name", "Azerbaijan=azerbaijan/name"}},
		{"short name", "Pashinyan said", []string{"Pashinyan=nikol-pashinyan/short"}},
		{"demonym", "Armenian troops", []string{"Armenian=armenia/demonym"}},
		{"several names", "Nikol Pashinyan flew from Armenia to New York.", []string{
			"Nikol Pashinyan=nikol-pashinyan/name", "Armenia=armenia/name", "New York=new-york/name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := tokens.Split(tt.text)
			var got []string
			for _, m := range g.Match(words) {
				got = append(got, describe(tt.text, words, m))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Match(%q):\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestMatchEnDash(t *testing.T) {
	g := newTestGazetteer(t)
	for _, text := range []string{"in Nagorno–Karabakh", "Armenia–Azerbaijan talks"} {
		if ms := g.Match(tokens.Split(text)); len(ms) == 0 {
			t.Errorf("Match(%q) found nothing", text)
		}
	}
}

func TestLookup(t *testing.T) {
	g := newTestGazetteer(t)
	tests := []struct {
		name string
		want []string
	}{
		{"Nikol Pashinyan", []string{"nikol-pashinyan/name"}},
		{"nikol pashinyan", []string{"nikol-pashinyan/name"}},
		{"Pashinyan", []string{"nikol-pashinyan/short"}},
		{"Nagorno Karabakh", []string{"nagorno-karabakh/name"}},
		{"artsakh", []string{"nagorno-karabakh/name"}},
		{"Foreign Ministry", []string{"armenia-foreign-ministry/qualified"}},
		{"Armenian", []string{"armenia/demonym"}},
		{"us", []string{"united-states/name"}}, // case is ignored
		{"Atlantis", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range g.Lookup(tt.name) {
			got = append(got, m.Entry.ID+"/"+kindNames[m.Kind])
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNewMergesByID(t *testing.T) {
	g := gazetteer.New([]gazetteer.Entry{
		{ID: "x", Name: "Old Name", Type: gazetteer.Org},
		{ID: "x", Name: "New Name", Type: gazetteer.Org},
	})
	if g.Len() != 1 || g.Entry("x").Name != "New Name" {
		t.Errorf("New kept %d entries, x = %+v; want the later entry only", g.Len(), g.Entry("x"))
	}
	if ms := g.Lookup("Old Name"); len(ms) != 0 {
		t.Errorf("the replaced name is still indexed: %v", ms)
	}
}

// TestBuiltinConcurrent checks that the built-in gazetteer, whose entries
// are decoded on first use, matches the same from goroutines that use it
// at once from the start (run with -race).
func TestBuiltinConcurrent(t *testing.T) {
	words := tokens.Split("Armenian Foreign Minister Ararat Mirzoyan met Antony Blinken in Washington. " +
		"Armenia's Foreign Ministry and the US State Department spoke of the Lachin corridor and Nagorno-Karabakh.")
	ids := func(g *gazetteer.Gazetteer) string {
		var b strings.Builder
		for _, m := range g.Match(words) {
			fmt.Fprintf(&b, "%s/%d ", m.Entry.ID, m.Kind)
		}
		for _, m := range g.Lookup("Armenia") {
			fmt.Fprintf(&b, "%s ", m.Entry.ID)
		}
		return b.String()
	}
	ref, err := gazetteer.BuiltinGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	want := ids(ref)
	if !strings.Contains(want, "ararat-mirzoyan") {
		t.Fatalf("matches %q lack a built-in name", want)
	}
	g, err := gazetteer.BuiltinGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	got := make([]string, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			if i == 0 {
				g.Entries()
			}
			got[i] = ids(g)
		})
	}
	wg.Wait()
	for i, s := range got {
		if s != want {
			t.Errorf("goroutine %d: %q, want %q", i, s, want)
		}
	}
	if e := g.Entry("ararat-mirzoyan"); e == nil || e.Name != "Ararat Mirzoyan" {
		t.Errorf("Entry(ararat-mirzoyan) = %+v", e)
	}
}
