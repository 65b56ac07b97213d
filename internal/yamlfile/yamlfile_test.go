package yamlfile_test

import (
	"errors"
	"testing"

	"github.com/readout/readout/internal/yamlfile"
)

// place is a small stand-in for a data file's shape.
type place struct {
	Places []struct {
		ID   string            `yaml:"id"`
		Lat  *float64          `yaml:"lat"`
		Lats []float64         `yaml:"lats"`
		Tags []string          `yaml:"tags"`
		Meta map[string]string `yaml:"meta"`
	} `yaml:"places"`
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{
			name: "unknown key",
			yaml: "places:\n  - id: yerevan\n    colour: red\n",
			want: `f.yaml:3:5: unknown key "colour"`,
		},
		{
			name: "unknown top-level key",
			yaml: "places: []\nentries: []\n",
			want: `f.yaml:2:1: unknown key "entries"`,
		},
		{
			name: "text for a number",
			yaml: "places:\n  - id: yerevan\n    lat: north\n",
			want: "f.yaml:3:10: cannot unmarshal !!str `north` into float64",
		},
		{
			name: "long text for a number",
			yaml: "places:\n  - id: yerevan\n    lat: a long way north\n",
			want: "f.yaml:3:10: cannot unmarshal !!str `a long ...` into float64",
		},
		{
			name: "list for a string",
			yaml: "places:\n  - id: [yerevan]\n",
			want: "f.yaml:2:9: cannot unmarshal !!seq into string",
		},
		{
			name: "texts for numbers",
			yaml: "places:\n  - id: yerevan\n    lats: [north, northeast]\n",
			want: "f.yaml:3:12: cannot unmarshal !!str `north` into float64\nf.yaml:3:19: cannot unmarshal !!str `northeast` into float64",
		},
		{
			name: "string for a list",
			yaml: "places:\n  - id: yerevan\n    tags: capital\n",
			want: "f.yaml:3:11: cannot unmarshal !!str `capital` into []string",
		},
		{
			name: "block list for a mapping",
			yaml: "places:\n  - id: yerevan\n    meta:\n      - x\n",
			want: "f.yaml:4:7: cannot unmarshal !!seq into map[string]string",
		},
		{
			name: "key given twice",
			yaml: "places:\n  - id: yerevan\n    id: baku\n",
			want: `f.yaml:3:5: mapping key "id" already defined at line 2`,
		},
		{
			name: "mapping value where none may be",
			yaml: "places:\n  - id: yerevan: baku\n",
			want: "f.yaml:2:1: mapping values are not allowed in this context",
		},
		{
			name: "key without a colon",
			yaml: "places:\n  - id: yerevan\n    lat 40\n  x\n",
			want: "f.yaml:3:1: could not find expected ':'",
		},
		{
			name: "unclosed flow list",
			yaml: "places:\n  - id: yerevan\n    tags: [a, b\n    lat: 40\n",
			want: "f.yaml:3:1: did not find expected ',' or ']'",
		},
		{
			name: "list after a mapping at the top",
			yaml: "places: []\n- id: baku\n",
			want: "f.yaml:2:1: did not find expected key",
		},
		{
			name: "tab in the indentation",
			yaml: "places:\n\t- id: baku\n",
			want: "f.yaml:2:1: found character that cannot start any token",
		},
		{
			name: "empty file",
			yaml: "",
			want: "f.yaml: the file is empty",
		},
		{
			name: "several problems",
			yaml: "places:\n  - id: yerevan\n    lat: north\n    zone: 4\n",
			want: "f.yaml:3:10: cannot unmarshal !!str `north` into float64\nf.yaml:4:5: unknown key \"zone\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v place
			_, err := yamlfile.Decode("f.yaml", []byte(tt.yaml), &v)
			if err == nil {
				t.Fatalf("Decode(%q) succeeded, want error %q", tt.yaml, tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("Decode(%q) error:\n got %q\nwant %q", tt.yaml, got, tt.want)
			}
		})
	}
}

func TestDecodeErrorIsPositionError(t *testing.T) {
	var v place
	_, err := yamlfile.Decode("f.yaml", []byte("places:\n  - id: a\n    zone: 4\n"), &v)
	var pe *yamlfile.PositionError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *PositionError", err, err)
	}
	want := yamlfile.PositionError{File: "f.yaml", Line: 3, Col: 5, Msg: `unknown key "zone"`}
	if *pe != want {
		t.Errorf("got %+v, want %+v", *pe, want)
	}
}

func TestDecodeAndField(t *testing.T) {
	var v place
	root, err := yamlfile.Decode("f.yaml", []byte("# places\nplaces:\n  - id: yerevan\n    lat: 40.18\n  - id: baku\n"), &v)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Places) != 2 || v.Places[0].ID != "yerevan" || *v.Places[0].Lat != 40.18 || v.Places[1].ID != "baku" {
		t.Errorf("decoded %+v", v)
	}
	list := yamlfile.Field(root, "places")
	if list == nil || len(list.Content) != 2 {
		t.Fatalf("Field(places) = %v, want a list of 2", list)
	}
	if n := list.Content[1]; n.Line != 5 || n.Column != 5 {
		t.Errorf("second place at %d:%d, want 5:5", n.Line, n.Column)
	}
	if f := yamlfile.Field(root, "missing"); f != nil {
		t.Errorf("Field(missing) = %v, want nil", f)
	}
	if f := yamlfile.Field(nil, "places"); f != nil {
		t.Errorf("Field(nil) = %v, want nil", f)
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&yamlfile.PositionError{File: "a.yaml", Line: 3, Col: 7, Msg: "bad"}, "a.yaml:3:7: bad"},
		{&yamlfile.PositionError{File: "a.yaml", Msg: "the file is empty"}, "a.yaml: the file is empty"},
		{yamlfile.Errors{
			&yamlfile.PositionError{File: "a.yaml", Line: 1, Col: 1, Msg: "one"},
			&yamlfile.PositionError{File: "b.yaml", Line: 2, Col: 3, Msg: "two"},
		}, "a.yaml:1:1: one\nb.yaml:2:3: two"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestWithSource(t *testing.T) {
	data := []byte("places:\n  - id: a\n\t  lat: north\n")
	err := yamlfile.WithSource(&yamlfile.PositionError{File: "p.yaml", Line: 3, Col: 9, Msg: "lat: not a number"}, data)
	want := "p.yaml:3:9: lat: not a number\n    \t  lat: north\n    \t       ^"
	if err.Error() != want {
		t.Errorf("message:\n got %q\nwant %q", err.Error(), want)
	}

	// Every error of a list gets its line; one without a line stays as it is.
	errs := yamlfile.WithSource(yamlfile.Errors{
		&yamlfile.PositionError{File: "p.yaml", Line: 1, Col: 1, Msg: "first"},
		&yamlfile.PositionError{File: "p.yaml", Msg: "the file is empty"},
		&yamlfile.PositionError{File: "p.yaml", Line: 9, Col: 1, Msg: "past the end"},
	}, data)
	want = "p.yaml:1:1: first\n    places:\n    ^\np.yaml: the file is empty\np.yaml:9:1: past the end"
	if errs.Error() != want {
		t.Errorf("messages:\n got %q\nwant %q", errs.Error(), want)
	}
}
