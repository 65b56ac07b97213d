package punkt

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

var update = flag.Bool("update", false, "rewrite english.snapshot from prose's English model")

// supervisedAbbrevs are the abbreviations segment.New adds to the trained
// English model ("Sgt.", "Gov.", "No.", "Mt."); TestSameSentences checks
// that the snapshot segments as segment.New does.
var supervisedAbbrevs = []string{"sgt", "gov", "no", "mt"}

// trained returns the model segment.New builds: prose's English JSON model
// with the supervised abbreviations added.
func trained(t *testing.T) *sentences.Storage {
	t.Helper()
	b, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := sentences.LoadTraining(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, abbr := range supervisedAbbrevs {
		s.AbbrevTypes.Add(abbr)
	}
	return s
}

// TestEnglishSnapshot checks that the snapshot holds exactly the model
// segment.New builds.
func TestEnglishSnapshot(t *testing.T) {
	want := trained(t)
	encoded := Encode(want)
	again, err := Decode(string(encoded))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, want) {
		t.Fatal("a snapshot does not give back the model it was made of")
	}
	if *update {
		if err := os.WriteFile("english.snapshot", encoded, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := Decode(englishSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("english.snapshot does not match prose's English model: run go test ./internal/punkt -update")
	}
}

// TestSameSentences checks that the segmenter built from the snapshot
// splits text as segment.New's does, abbreviations and initials included.
func TestSameSentences(t *testing.T) {
	want, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	got, err := English()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Sgt. Pepper met Gov. Smith at No. 10 Downing St. on Monday. Mt. Everest is high. Dr. J. R. Smith, Jr. said so.",
		"The U.S. and the U.K. agreed. \"It is done,\" he said. Then what? Nothing... until 3 p.m. on Jan. 5.",
	}
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for i, text := range texts {
		if w, g := want.Segment(text), got.Segment(text); !reflect.DeepEqual(g, w) {
			t.Errorf("text %d: the snapshot's segmenter gives %d sentences, segment.New's %d:\n%+v\n%+v", i, len(g), len(w), g, w)
		}
	}
}

// TestSnapshotCorrupt checks that a cut or damaged snapshot is an error,
// not a panic.
func TestSnapshotCorrupt(t *testing.T) {
	s := &sentences.Storage{
		AbbrevTypes:  sentences.SetString{"dr": 1, "sgt": 1},
		Collocations: sentences.SetString{"st,john": 1},
		SentStarters: sentences.SetString{"but": 1},
		OrthoContext: sentences.SetString{"the": 46, "minister": 300},
	}
	data := string(Encode(s))
	for cut := range len(data) {
		if _, err := Decode(data[:cut]); err == nil {
			t.Fatalf("a snapshot cut at byte %d of %d decoded without error", cut, len(data))
		}
	}
	if _, err := Decode(data + "x"); err == nil {
		t.Fatal("trailing bytes decoded without error")
	}
}
