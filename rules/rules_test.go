package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/rules"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{
			name: "unknown key",
			yaml: "titles:\n  - President\ntitels:\n  - Minister\n",
			want: `r.yaml:3:1: unknown key "titels"`,
		},
		{
			name: "a word where a list belongs",
			yaml: "titles: President\n",
			want: "r.yaml:1:9: cannot unmarshal !!str `President` into []string",
		},
		{
			name: "a list where a mapping belongs",
			yaml: "place_words:\n  - River\n",
			want: "r.yaml:2:3: cannot unmarshal !!seq into map[string][]string",
		},
		{
			name: "unknown place type",
			yaml: "place_words:\n  GPE: [Province]\n  PLACE: [River]\n",
			want: `r.yaml:3:3: place_words: "PLACE" is not GPE, LOC or FAC`,
		},
		{
			name: "empty entry",
			yaml: "org_words:\n  - Ministry\n  - \"\"\n",
			want: "r.yaml:3:5: org_words: empty entry",
		},
		{
			name: "empty entries in two lists",
			yaml: "titles: [President, \" \"]\ngiven_names:\n  - ''\n",
			want: "r.yaml:1:21: titles: empty entry\nr.yaml:3:5: given_names: empty entry",
		},
		{
			name: "empty reporting verb",
			yaml: "reporting_verbs:\n  - said\n  - \"\"\n",
			want: "r.yaml:3:5: reporting_verbs: empty entry",
		},
		{
			name: "syntax error",
			yaml: "titles:\n  - President: of: the Republic\n",
			want: "r.yaml:2:1: mapping values are not allowed in this context",
		},
		{
			name: "empty file",
			yaml: "",
			want: "r.yaml: the file is empty",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.Parse("r.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse succeeded, want error %q", tt.want)
			}
			if got := withoutSource(err.Error()); got != tt.want {
				t.Errorf("Parse error:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestBuiltin(t *testing.T) {
	s, err := rules.Load(nil, false)
	if err != nil {
		t.Fatalf("the built-in rules do not load: %v", err)
	}
	if len(s.Titles) == 0 || len(s.OrgWords) == 0 || len(s.PlaceWords) == 0 || len(s.NotNames) == 0 {
		t.Errorf("built-in rules look empty: %d titles, %d org words, %d place words, %d not-names",
			len(s.Titles), len(s.OrgWords), len(s.PlaceWords), len(s.NotNames))
	}
	if !contains(s.Titles, "Foreign Minister") {
		t.Error(`built-in titles lack "Foreign Minister"`)
	}
	if !s.ReportingVerbs["said"] || !s.ReportingVerbs["told"] || !s.TitleCues["titled"] || !s.SourceDocuments["readout"] {
		t.Error("built-in quote lexicons lack said, told, titled or readout")
	}
}

func TestLoadMergesUserFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.yaml")
	err := os.WriteFile(path, []byte(`titles: [Ombudsman, foreign minister]
org_words: [Holding]
place_words:
  FAC: [Checkpoint]
given_names: [Zorya]
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	s, err := rules.Load([]string{path}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !contains(s.Titles, "Ombudsman") {
		t.Error("user title Ombudsman is missing")
	}
	n := 0
	for _, title := range s.Titles {
		if title == "Foreign Minister" || title == "foreign minister" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Foreign Minister is listed %d times, want once (titles are compared without case)", n)
	}
	if !s.OrgWords["holding"] || !s.GivenNames["zorya"] || s.PlaceWords["checkpoint"] != "FAC" {
		t.Errorf("user words missing or not lower-cased: holding=%v zorya=%v checkpoint=%q",
			s.OrgWords["holding"], s.GivenNames["zorya"], s.PlaceWords["checkpoint"])
	}

	only, err := rules.Load([]string{path}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(only.Titles) != 2 || len(only.OrgWords) != 1 {
		t.Errorf("without built-ins: titles %q, org words %v; want only the user's", only.Titles, only.OrgWords)
	}
}

func TestLoadPath(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"b.yaml":         "titles: [Ombudsman]\n",
		"sub/a.yml":      "org_words: [Holding]\n",
		"sub/.git/x.yml": "on: push\n",
		"notes.txt":      "not a rule file",
		"bad/x.yaml":     "titles: [Mayor]\nkind: titles\n",
		"bad/y.yaml":     "org_words: Bank\n",
		"empty/none.md":  "",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	files, err := rules.LoadPath(filepath.Join(dir, "sub"))
	if err != nil || len(files) != 1 || files[0].OrgWords[0] != "Holding" {
		t.Errorf("LoadPath(sub) = %+v, %v; want the one file, hidden folders skipped", files, err)
	}

	_, err = rules.LoadPath(filepath.Join(dir, "bad"))
	want := filepath.Join(dir, "bad", "x.yaml") + `:2:1: unknown key "kind"` + "\n" +
		filepath.Join(dir, "bad", "y.yaml") + ":1:12: cannot unmarshal !!str `Bank` into []string"
	if err == nil || withoutSource(err.Error()) != want {
		t.Errorf("LoadPath(bad) error:\n got %v\nwant %s", err, want)
	}

	_, err = rules.LoadPath(filepath.Join(dir, "empty"))
	if want := filepath.Join(dir, "empty") + ": no .yaml or .yml files in this folder"; err == nil || err.Error() != want {
		t.Errorf("LoadPath(empty) error = %v, want %s", err, want)
	}

	if _, err := rules.Load([]string{filepath.Join(dir, "missing.yaml")}, false); !os.IsNotExist(err) {
		t.Errorf("Load(missing) error = %v, want a not-exist error", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// withoutSource leaves out the offending lines and carets that follow each
// message, to compare the messages alone.
func withoutSource(msg string) string {
	var keep []string
	for _, line := range strings.Split(msg, "\n") {
		if !strings.HasPrefix(line, "    ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
