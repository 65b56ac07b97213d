package gazetteer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/gazetteer"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{
			name: "unknown key",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: ORG\n    colour: red\n",
			want: `g.yaml:5:5: unknown key "colour"`,
		},
		{
			name: "unknown attribute",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: ORG\n    attributes:\n      headquarters: Baku\n",
			want: `g.yaml:6:7: unknown key "headquarters"`,
		},
		{
			name: "lat is not a number",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: GPE\n    attributes: {lat: north, lon: 44.5}\n",
			want: "g.yaml:5:23: cannot unmarshal !!str `north` into float64",
		},
		{
			name: "aliases is not a list",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: ORG\n    aliases: Fu\n",
			want: "g.yaml:5:14: cannot unmarshal !!str `Fu` into []string",
		},
		{
			name: "syntax error",
			yaml: "entries:\n  - id: foo\n    name: Foo: Bar\n    type: ORG\n",
			want: "g.yaml:3:1: mapping values are not allowed in this context",
		},
		{
			name: "unclosed list",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    aliases: [Fu, Phoo\n    type: ORG\n",
			want: "g.yaml:4:1: did not find expected ',' or ']'",
		},
		{
			name: "empty file",
			yaml: "",
			want: "g.yaml: the file is empty",
		},
		{
			name: "no entries",
			yaml: "entries: []\n",
			want: "g.yaml:1:1: no entries: expected a mapping with an `entries:` list",
		},
		{
			name: "missing id",
			yaml: "entries:\n  - name: Foo\n    type: ORG\n",
			want: "g.yaml:2:5: entry has no id",
		},
		{
			name: "missing type",
			yaml: "entries:\n  - id: foo\n    name: Foo\n",
			want: `g.yaml:2:5: entry "foo": type "" is not one of PERSON, ORG, GPE, LOC, FAC`,
		},
		{
			name: "missing name",
			yaml: "entries:\n  - id: foo\n    type: ORG\n",
			want: `g.yaml:2:5: entry "foo" has no name`,
		},
		{
			name: "bad id",
			yaml: "entries:\n  - id: Nikol_Pashinyan\n    name: Nikol Pashinyan\n    type: PERSON\n",
			want: `g.yaml:2:5: id "Nikol_Pashinyan": use lower-case letters, digits and single hyphens (like nikol-pashinyan)`,
		},
		{
			name: "id with a double hyphen",
			yaml: "entries:\n  - id: nikol--pashinyan\n    name: Nikol Pashinyan\n    type: PERSON\n",
			want: `g.yaml:2:5: id "nikol--pashinyan": use lower-case letters, digits and single hyphens (like nikol-pashinyan)`,
		},
		{
			name: "bad type",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: person\n",
			want: `g.yaml:2:5: entry "foo": type "person" is not one of PERSON, ORG, GPE, LOC, FAC`,
		},
		{
			name: "bad country",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: GPE\n    attributes: {country: ARM}\n",
			want: `g.yaml:2:5: entry "foo": country "ARM" is not an ISO 3166-1 alpha-2 code like AM`,
		},
		{
			name: "lower-case country",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: GPE\n    attributes: {country: am}\n",
			want: `g.yaml:2:5: entry "foo": country "am" is not an ISO 3166-1 alpha-2 code like AM`,
		},
		{
			name: "lat out of range",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: GPE\n    attributes: {lat: 140.2, lon: 44.5}\n",
			want: `g.yaml:2:5: entry "foo": lat 140.2 is out of range -90..90`,
		},
		{
			name: "lon out of range",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: GPE\n    attributes: {lat: 40.2, lon: -181}\n",
			want: `g.yaml:2:5: entry "foo": lon -181 is out of range -180..180`,
		},
		{
			name: "lat without lon",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: GPE\n    attributes: {lat: 40.2}\n",
			want: `g.yaml:2:5: entry "foo": give both lat and lon, or neither`,
		},
		{
			name: "demonym of a person",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: PERSON\n    demonyms: [Fooish]\n",
			want: `g.yaml:2:5: entry "foo": demonyms are for GPE and LOC entries only`,
		},
		{
			name: "qualified name without a country",
			yaml: "entries:\n  - id: foo\n    name: Foo Ministry\n    type: ORG\n    qualified_names: [Ministry]\n",
			want: `g.yaml:2:5: entry "foo": qualified_names need attributes.country`,
		},
		{
			name: "empty alias",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: ORG\n    aliases: [Fu, \" \"]\n",
			want: `g.yaml:2:5: entry "foo": empty name in a list`,
		},
		{
			name: "duplicate id",
			yaml: "entries:\n  - id: foo\n    name: Foo\n    type: ORG\n\n  - id: foo\n    name: Foo Two\n    type: ORG\n",
			want: `g.yaml:6:5: duplicate id "foo" (first at g.yaml:2)`,
		},
		{
			name: "every problem is reported",
			yaml: "entries:\n  - name: Foo\n    type: ORG\n  - id: bar\n    name: Bar\n    type: THING\n    attributes: {country: XYZ}\n",
			want: "g.yaml:2:5: entry has no id\n" +
				`g.yaml:4:5: entry "bar": type "THING" is not one of PERSON, ORG, GPE, LOC, FAC` + "\n" +
				`g.yaml:4:5: entry "bar": country "XYZ" is not an ISO 3166-1 alpha-2 code like AM`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, err := gazetteer.Parse("g.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse succeeded with %d entries, want error %q", len(entries), tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("Parse error:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	entries, err := gazetteer.Parse("g.yaml", []byte(`# a comment
entries:
  - id: yerevan
    name: Yerevan
    type: GPE
    aliases: [Erevan]
    attributes: {country: AM, lat: 40.18, lon: 44.51}

  - id: nikol-pashinyan
    name: Nikol Pashinyan
    type: PERSON
    attributes:
      title: Prime Minister
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("got %d entries, want 2", len(entries))
	}
	y := entries[0]
	if y.ID != "yerevan" || y.Name != "Yerevan" || y.Type != gazetteer.GPE || len(y.Aliases) != 1 ||
		y.Attributes.Country != "AM" || *y.Attributes.Lat != 40.18 || *y.Attributes.Lon != 44.51 {
		t.Errorf("first entry = %+v", y)
	}
	if y.Origin != "g.yaml:3" || entries[1].Origin != "g.yaml:9" {
		t.Errorf("origins %q, %q; want g.yaml:3, g.yaml:9", y.Origin, entries[1].Origin)
	}
	if entries[1].Attributes.Title != "Prime Minister" {
		t.Errorf("second entry = %+v", entries[1])
	}
}

func TestBuiltin(t *testing.T) {
	entries, err := gazetteer.Builtin()
	if err != nil {
		t.Fatalf("the built-in gazetteer does not load: %v", err)
	}
	g := gazetteer.New(entries)
	if g.Len() != len(entries) {
		t.Errorf("built-in gazetteer: %d entries, %d after merging; an id is listed twice", len(entries), g.Len())
	}
	for _, id := range []string{"armenia", "nikol-pashinyan", "yerevan"} {
		if g.Entry(id) == nil {
			t.Errorf("built-in gazetteer has no entry %q", id)
		}
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Origin, "gazetteer/data/") {
			t.Errorf("entry %q has origin %q, want gazetteer/data/...", e.ID, e.Origin)
			break
		}
	}
}

func TestLoadPath(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("people/b.yaml", "entries:\n  - {id: bob, name: Bob Smith, type: PERSON}\n")
	write("people/a.yml", "entries:\n  - {id: alice, name: Alice Smith, type: PERSON}\n")
	write("people/notes.txt", "not a gazetteer")
	write("people/.hidden/c.yaml", "this: is not read")

	entries, err := gazetteer.LoadPath(filepath.Join(dir, "people"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range entries {
		ids = append(ids, e.ID)
	}
	if got := strings.Join(ids, " "); got != "alice bob" {
		t.Errorf("folder entries = %q, want %q (files in name order, hidden folders skipped)", got, "alice bob")
	}

	bad1 := write("bad/one.yaml", "entries:\n  - {id: x, name: X, type: ORG, colour: red}\n")
	bad2 := write("bad/two.yaml", "entries:\n  - {id: y, name: Y}\n")
	_, err = gazetteer.LoadPath(filepath.Join(dir, "bad"))
	want := bad1 + `:2:33: unknown key "colour"` + "\n" + bad2 + `:2:5: entry "y": type "" is not one of PERSON, ORG, GPE, LOC, FAC`
	if err == nil || err.Error() != want {
		t.Errorf("bad folder: got error %v\nwant %s", err, want)
	}

	write("empty/readme.md", "nothing here")
	_, err = gazetteer.LoadPath(filepath.Join(dir, "empty"))
	if want := filepath.Join(dir, "empty") + ": no .yaml or .yml files in this folder"; err == nil || err.Error() != want {
		t.Errorf("empty folder: got error %v, want %s", err, want)
	}

	if _, err := gazetteer.LoadPath(filepath.Join(dir, "missing.yaml")); !os.IsNotExist(err) {
		t.Errorf("missing file: got error %v, want a not-exist error", err)
	}
}

func TestMerge(t *testing.T) {
	base := []gazetteer.Entry{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}
	user := []gazetteer.Entry{{ID: "b", Name: "B2"}, {ID: "c", Name: "C"}}
	var got []string
	for _, e := range gazetteer.Merge(base, user) {
		got = append(got, e.ID+"="+e.Name)
	}
	if s := strings.Join(got, " "); s != "a=A b=B2 c=C" {
		t.Errorf("Merge = %q, want %q", s, "a=A b=B2 c=C")
	}
}

// FuzzParse checks that no file, however broken, makes the loader panic, and
// that what it accepts is valid.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"entries:\n  - id: foo\n    name: Foo\n    type: ORG\n",
		"entries:\n  - id: yerevan\n    name: Yerevan\n    type: GPE\n    demonyms: [Yerevantsi]\n    attributes: {country: AM, capital: yerevan, lat: 40.1, lon: 44.5}\n",
		"entries:\n  - id: foo\n    qualified_names: [Foreign Ministry]\n    colour: red\n",
		"entries: [\n",
		"entries:\n  - &a {id: a}\n  - *a\n",
		"",
		"---\n...\n",
		"entries: {id: x}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := gazetteer.Parse("f.yaml", data)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "f.yaml") {
				t.Fatalf("error %q does not start with the file name", msg)
			}
			return
		}
		if len(entries) == 0 {
			t.Fatal("no error and no entries")
		}
		g := gazetteer.New(entries)
		for _, e := range entries {
			if e.ID == "" || g.Entry(e.ID) == nil {
				t.Fatalf("accepted entry %+v is not indexed", e)
			}
			g.Lookup(e.Name)
		}
	})
}
