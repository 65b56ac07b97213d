package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/readout/readout/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// goldenDocs are the articles in testdata with their publication dates.
// Each NAME.gold.json was checked by hand against NAME.txt, name by name.
var goldenDocs = []struct{ name, date string }{
	{"seed-article", "2023-05-04"},
	{"central-bank-article", "2024-03-14"},
	{"flood-article", "2024-05-08"},
}

var shared = sync.OnceValues(func() (*extract.Extractor, error) { return extract.New(extract.Options{}) })

func extractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	x, err := shared()
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

func TestGolden(t *testing.T) {
	x := extractor(t)
	for _, d := range goldenDocs {
		t.Run(d.name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("..", "testdata", d.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := x.Extract(context.Background(), extract.Document{ID: d.name, Text: string(text), Date: d.date})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("..", "testdata", d.name+".gold.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s; run go test ./extract -run TestGolden -update and read the diff", path)
			}
			checkSpans(t, string(text), res)
		})
	}
}

// TestFirstUseConcurrent checks that a new Extractor, whose entity model
// and gazetteer entries load on first use, gives the golden output to
// several goroutines that use it at once from the start (run with -race).
func TestFirstUseConcurrent(t *testing.T) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := goldenDocs[0]
	text, err := os.ReadFile(filepath.Join("..", "testdata", d.name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "testdata", d.name+".gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	got := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			res, err := x.Extract(context.Background(), extract.Document{ID: d.name, Text: string(text), Date: d.date})
			if err != nil {
				t.Error(err)
				return
			}
			b, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Error(err)
			}
			got[i] = append(b, '\n')
		})
	}
	wg.Wait()
	for i, b := range got {
		if !bytes.Equal(b, want) {
			t.Errorf("goroutine %d: output differs from %s.gold.json", i, d.name)
		}
	}
}

// checkSpans asserts the contract's offset rule: every span's text is the
// input's code points [start, end).
func checkSpans(t *testing.T, text string, res extract.Result) {
	t.Helper()
	runes := []rune(text)
	seen := map[string]bool{}
	for _, sec := range [][]extract.Entity{res.Actors, res.Locations} {
		for _, e := range sec {
			if seen[e.ID] {
				t.Errorf("id %q is used twice", e.ID)
			}
			seen[e.ID] = true
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
					t.Errorf("%s: mention %q at [%d,%d) does not match the text", e.ID, m.Text, m.Start, m.End)
				}
			}
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seed-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc := extract.Document{Text: string(text), Date: "2023-05-04"}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Extract(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := extract.New(extract.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
