package gazetteer

import (
	"testing"
	"github.com/readout/readout/internal/tokens"
)

const y = `entries:
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
    qualified_names: [Foreign Ministry, Ministry of Foreign Affairs]
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
  - id: yerevan
    name: Yerevan
    type: GPE
`

func TestScratch(t *testing.T) {
	es, err := Parse("t.yaml", []byte(y))
	if err != nil { t.Fatal(err) }
	g := New(es)
	for _, s := range []string{"US officials", "us officials", "Armenia's army", "Armenia’s army", "Nagorno Karabakh", "Nagorno-Karabakh", "Nikol\nPashinyan", "Nikol\n\nPashinyan", "New York City", "New York", "Armenia's Foreign Ministry", "Armenia’s Foreign Ministry", "the Foreign Ministry", "US-mediated talks", "Armenia-Azerbaijan talks", "US State Department", "Ministry of Foreign Affairs of Armenia", "Pashinyan said", "Armenian troops", "Nagorno–Karabakh", "the Ministry of Foreign Affairs of the Armenia", "U.S. officials", "USA", "NEW YORK", "new york"} {
		ws := tokens.Split(s)
		var out []string
		for _, m := range g.Match(ws) {
			q := ""
			if m.Qualifier != nil { q = " q=" + m.Qualifier.ID }
			out = append(out, s[ws[m.Start].Start:ws[m.End-1].End] + "=" + m.Entry.ID + q + " k=" + string('0'+rune(m.Kind)))
		}
		t.Logf("%q -> %v", s, out)
	}
}
