package extract

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

var testExtractor = sync.OnceValues(func() (*Extractor, error) { return New(Options{}) })

// entityNames extracts text and lists its entities as "TYPE Name".
func entityNames(t *testing.T, text string) []string {
	t.Helper()
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range append(r.Actors, r.Locations...) {
		out = append(out, e.Type+" "+e.Name)
	}
	return out
}

func TestNames(t *testing.T) {
	tests := []struct {
		text    string
		want    []string // entities that must be there
		notWant []string // entities that must not
	}{
		{
			text:    "In Washington Armenian Foreign Minister Ararat Mirzoyan spoke to reporters.",
			want:    []string{"GPE Washington", "PERSON Ararat Mirzoyan"},
			notWant: []string{"PERSON Washington Armenian Foreign Minister Ararat Mirzoyan", "PERSON Armenian Foreign Minister Ararat Mirzoyan"},
		},
		{
			text:    "Her first poetry collection Journey to Tatev was released with Girls on Key Press in 2020.",
			want:    []string{"ORG Girls on Key Press"},
			notWant: []string{"PERSON Journey", "PERSON Tatev", "GPE Tatev"},
		},
		{
			text:    "The novel War and Peace was read aloud by Maria Petrova in Moscow.",
			want:    []string{"PERSON Maria Petrova", "GPE Moscow"},
			notWant: []string{"ORG War and Peace", "PERSON War", "ORG Peace"},
		},
		{
			text:    "She is pursuing degrees in journalism and Near Eastern Studies at New York University.",
			want:    []string{"ORG New York University"},
			notWant: []string{"PERSON Near Eastern Studies", "ORG Near Eastern Studies"},
		},
		{
			text: "Karen Holt directs the Center for Near Eastern Studies in Chicago.",
			want: []string{"PERSON Karen Holt", "ORG Center for Near Eastern Studies", "GPE Chicago"},
		},
		{
			text:    "Apple Chief Executive Officer Tom Smith said the A380 order landed at 1600 UTC.",
			want:    []string{"ORG Apple", "PERSON Tom Smith"},
			notWant: []string{"PERSON Chief Executive Officer Tom Smith", "PERSON A380", "ORG UTC"},
		},
		{
			text:    "DJ Norman Cook said: \"I think 'I've got them'. I've got a PC and a DVD.\" Cook smiled.",
			want:    []string{"PERSON Norman Cook"},
			notWant: []string{"ORG I've", "PERSON I've", "ORG PC", "ORG DVD", "PERSON DJ Norman Cook"},
		},
		{
			text:    "Bill Gates opened the Consumer Electronics Show before Federer won a Grand Slam.",
			want:    []string{"PERSON Bill Gates", "PERSON Federer"},
			notWant: []string{"PERSON Consumer Electronics Show", "PERSON Grand Slam", "ORG Consumer Electronics Show"},
		},
		{
			text:    "Clint Eastwood won for Million Dollar Baby, and Johnny Depp starred in Finding Neverland.",
			want:    []string{"PERSON Clint Eastwood", "PERSON Johnny Depp"},
			notWant: []string{"PERSON Million Dollar Baby", "PERSON Finding Neverland"},
		},
		{
			text:    "Actor Keanu Reeves said it. Striker Michael Owen scored.",
			want:    []string{"PERSON Keanu Reeves", "PERSON Michael Owen"},
			notWant: []string{"PERSON Actor Keanu Reeves", "PERSON Striker Michael Owen"},
		},
		{
			text:    "The show was broadcast in ITV and sung by U2 in Dublin.",
			want:    []string{"GPE Dublin"},
			notWant: []string{"GPE ITV", "GPE U2", "LOC ITV", "LOC U2"},
		},
		{
			text:    "Virginia Woolf wrote in Kent, and Kent Brockman read the news.",
			want:    []string{"PERSON Virginia Woolf", "GPE Kent", "PERSON Kent Brockman"},
			notWant: []string{"GPE Virginia", "PERSON Woolf"},
		},
		{
			text:    "She studied at the University of Michigan and moved to Florida.",
			want:    []string{"ORG University of Michigan", "GPE Florida"},
			notWant: []string{"GPE Michigan"},
		},
		{
			text:    "Leicestershire beat Somerset by an innings, while Kent took four wickets against Essex.",
			want:    []string{"ORG Leicestershire", "ORG Somerset", "ORG Essex"},
			notWant: []string{"GPE Leicestershire", "GPE Somerset", "GPE Essex"},
		},
		{
			text:    "Leicestershire won by an innings. Title rivals Essex, Derbyshire and Surrey took wickets, and Essex reached 372.",
			want:    []string{"ORG Essex", "ORG Derbyshire", "ORG Surrey"},
			notWant: []string{"GPE Derbyshire", "GPE Surrey", "GPE Essex"},
		},
		{
			text:    "Mike Leigh's abortion drama Vera Drake won, and the comedy Sideways lost.",
			want:    []string{"PERSON Mike Leigh"},
			notWant: []string{"PERSON Vera Drake", "PERSON Sideways"},
		},
		{
			text:    "United beat Chelsea at Old Trafford, and later Roger Federer beat Safin.",
			want:    []string{"ORG Chelsea", "FAC Old Trafford", "PERSON Roger Federer"},
			notWant: []string{"PERSON Chelsea", "ORG Safin"},
		},
		{
			text:    "Developers saw Mac OS X Lion and the PT Cruiser on stage.",
			notWant: []string{"PERSON Mac OS X Lion", "PERSON PT Cruiser"},
		},
		{
			text:    "Apple sold the iPod Shuffle, and a Thai Airways International tug hit the jet.",
			want:    []string{"ORG Apple", "ORG Thai Airways International"},
			notWant: []string{"PERSON Shuffle", "PERSON Thai Airways International"},
		},
		{
			text:    "Deputy Foreign Minister Mher Grigoryan met Secretary of the Security Council Armen Grigoryan.",
			want:    []string{"PERSON Mher Grigoryan", "PERSON Armen Grigoryan"},
			notWant: []string{"PERSON Mher"},
		},
		{
			text:    "The New York-based group and the Kurdistan Democratic Party met at New York University.",
			want:    []string{"ORG Kurdistan Democratic Party", "ORG New York University"},
			notWant: []string{"GPE New", "GPE New York City", "LOC Kurdistan"},
		},
		{
			text:    "Muslims and Arabs gathered in Cairo.",
			want:    []string{"GPE Cairo"},
			notWant: []string{"PERSON Muslims", "ORG Muslims", "PERSON Arabs", "GPE Arabs"},
		},
		{
			text:    "Results on Saturday:\nWigan 42 Bradford Bulls 36\nFalkirk 3 1 1 1 1 1 4\nAustralia 2 England 1\nTiger Woods 70 69 71\nThe team flew home to Wigan.",
			want:    []string{"ORG Wigan", "ORG Falkirk", "GPE Australia", "GPE England", "PERSON Tiger Woods"},
			notWant: []string{"ORG England", "ORG Australia", "ORG Tiger Woods"},
		},
		{
			text: "Arsenal beat Leeds on Saturday, and the Leeds manager said so. Fans in Leeds were unhappy.",
			want: []string{"ORG Arsenal", "ORG Leeds", "GPE Leeds"}, // the club, and the city "in Leeds"
		},
		{
			text:    "Tony Blair met Bill Clinton. Blair said so.",
			want:    []string{"PERSON Tony Blair", "PERSON Bill Clinton"},
			notWant: []string{"PERSON Bill Blair"},
		},
		{
			text:    "Ian MacDonald QC resigned. Treasurer Peter Costello said GDP grew.",
			want:    []string{"PERSON Ian MacDonald", "PERSON Peter Costello"},
			notWant: []string{"PERSON Ian MacDonald QC", "PERSON Treasurer Peter Costello", "GPE GDP", "ORG GDP"},
		},
		{
			text:    "Liberty, the rights group, said Crime figures fell. The Indus River rose and the Indus flooded.",
			want:    []string{"LOC Indus River"},
			notWant: []string{"GPE Liberty", "GPE Crime", "GPE Indus"},
		},
		{
			text:    "Chicago 2,000 people marched on Friday in Chicago.",
			want:    []string{"GPE Chicago"},
			notWant: []string{"ORG Chicago"},
		},
		{
			text: "The book by J. K. Rowling sold well, George W. Bush said.",
			want: []string{"PERSON J. K. Rowling", "PERSON George W. Bush"},
		},
		{
			text:    "The actor Denzel Washington and the writer Jack London met in Moscow.",
			want:    []string{"PERSON Denzel Washington", "PERSON Jack London", "GPE Moscow"},
			notWant: []string{"GPE Washington", "GPE London"},
		},
		{
			text:    "Sampras won the U.S. Open before the London Marathon.",
			notWant: []string{"GPE United States", "GPE London"},
		},
		{
			text: "Elections were held in May 1995. Theresa May spoke. May said so, and on May 3 she left.",
			want: []string{"PERSON Theresa May"},
		},
		{
			text: "Eurostat said prices in Germany rose.",
			want: []string{"ORG Eurostat", "GPE Germany"},
		},
		{
			text: "The analyst Henrik\nVollmer said Vollmer had seen it before.",
			want: []string{"PERSON Henrik Vollmer"},
		},
		{
			// Known surnames and given names inside other people's names.
			text:    "Payne Stewart beat Jonathan Smith and P. Johnson; Johnson Controls shares rose.",
			want:    []string{"PERSON Payne Stewart", "PERSON Jonathan Smith"},
			notWant: []string{"PERSON Marise Payne", "PERSON Boris Johnson"},
		},
		{
			// A surname two gazetteer people share is the one named in full.
			text:    "Prime Minister Shehbaz Sharif spoke on Tuesday.\n\nSharif has ordered aid.",
			want:    []string{"PERSON Shehbaz Sharif"},
			notWant: []string{"PERSON Nawaz Sharif"},
		},
		{
			// A regnal number is not a short form.
			text:    "King Charles III met the crew of USA III.",
			want:    []string{"PERSON Charles III"},
			notWant: []string{"PERSON Elizabeth II"},
		},
		{
			text: "Britain's Foreign Office and Canada's House of Commons replied; MI6 and the Bundestag did not.",
			want: []string{"ORG Foreign, Commonwealth and Development Office", "ORG House of Commons of Canada",
				"ORG Secret Intelligence Service", "ORG Bundestag"},
			notWant: []string{"ORG House of Commons"},
		},
	}
	for _, tt := range tests {
		got := entityNames(t, tt.text)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q:\n missing %q\n got %s", tt.text, w, strings.Join(got, "; "))
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(got, w) {
				t.Errorf("%q:\n unexpected %q\n got %s", tt.text, w, strings.Join(got, "; "))
			}
		}
	}
}

// TestMonthsAreNotSurnames checks that a month that is also a person's
// surname stays a date where it is used as one.
func TestMonthsAreNotSurnames(t *testing.T) {
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	r, err := x.Extract(context.Background(), Document{Text: "Elections were held in May 1995. Theresa May spoke. May said so, and on May 3 she left."})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range r.Actors {
		for _, m := range e.Mentions {
			got = append(got, fmt.Sprintf("%s@%d", m.Text, m.Start))
		}
	}
	want := []string{"Theresa May@33", "May@52"}
	if !slices.Equal(got, want) {
		t.Errorf("mentions %v, want %v", got, want)
	}
}

// TestAppositiveTitles checks titles and affiliations given after a name.
func TestAppositiveTitles(t *testing.T) {
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	text := "\"The door is open,\" said Sofie Janssens, senior euro zone\neconomist at ING. " +
		"Tom Smith, a spokesman for the Foreign Ministry of Armenia, said no. Jane Doe, ING's chief economist, agreed. " +
		"Bob Lee, who runs the fund, declined."
	r, err := x.Extract(context.Background(), Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Attributes{
		"Sofie Janssens": {Title: "senior euro zone economist", Affiliation: "ing"},
		"Tom Smith":      {Title: "spokesman", Affiliation: "armenia-foreign-ministry"},
		"Jane Doe":       {Title: "chief economist", Affiliation: "ing"},
		"Bob Lee":        {},
	}
	for _, e := range r.Actors {
		if w, ok := want[e.Name]; ok && e.Attributes != w {
			t.Errorf("%s: attributes %+v, want %+v", e.Name, e.Attributes, w)
		}
	}
}

// TestTitlesBetweenCommas checks a title set off by commas before the name,
// and that "Mr" is no title.
func TestTitlesBetweenCommas(t *testing.T) {
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	text := "The Conservative Party leader, Michael Howard, disagreed. Mr Howard said Labour had failed. " +
		"After meeting the president, Smith left."
	r, err := x.Extract(context.Background(), Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Attributes{
		"Michael Howard": {Title: "leader", Affiliation: "uk-conservative-party"},
		"Smith":          {},
	}
	for _, e := range r.Actors {
		if w, ok := want[e.Name]; ok && e.Attributes != w {
			t.Errorf("%s: attributes %+v, want %+v", e.Name, e.Attributes, w)
		}
	}
}
