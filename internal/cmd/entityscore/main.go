// Command entityscore scores prose v3's entity recognizer (or readout's
// extractor) on golden files with package eval, as `readout eval` does: the
// baseline beside which readout's entity scores are reported.
//
//	go run ./internal/cmd/entityscore [--engine prose|readout] [--by mention|entity] PATH...
//
// It is a measuring tool for development, not part of the readout command.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/jdkato/prose/v3"

	"github.com/readout/readout/eval"
	"github.com/readout/readout/extract"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("entityscore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	engineName := fs.String("engine", "prose", "what extracts: prose or readout")
	by := fs.String("by", "mention", "what is scored: mention (spans, for CoNLL) or entity (entries, for MEANTIME)")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "documents processed in parallel")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: entityscore [--engine prose|readout] [--by mention|entity] PATH...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 || (*by != "mention" && *by != "entity") || *jobs < 1 {
		fs.Usage()
		return 2
	}
	var engine eval.Engine = proseExtract
	switch *engineName {
	case "prose":
	case "readout":
		x, err := extract.New(extract.Options{})
		if err != nil {
			fmt.Fprintf(stderr, "entityscore: %v\n", err)
			return 2
		}
		engine = x.Extract
	default:
		fs.Usage()
		return 2
	}
	pairs, err := eval.FindPairs(fs.Args()...)
	if err == nil && len(pairs) == 0 {
		err = fmt.Errorf("no golden files found")
	}
	if err != nil {
		fmt.Fprintf(stderr, "entityscore: %v\n", err)
		return 2
	}
	cases, err := eval.LoadCases(pairs)
	if err != nil {
		fmt.Fprintf(stderr, "entityscore: %v\n", err)
		return 2
	}
	rep := eval.Evaluate(context.Background(), engine, cases, eval.Options{ByMention: *by == "mention", Jobs: *jobs})
	fmt.Fprintf(stdout, "engine %s, %s level\n\n", *engineName, *by)
	rep.WriteTable(stdout)
	if *by == "mention" {
		typed := eval.Table{}
		for _, d := range rep.Documents {
			typed.Add(d.Entities.TypedMentions)
		}
		fmt.Fprintf(stdout, "\n%-22s %7s %7s %7s\n", "span + type", "P", "R", "F1")
		for _, row := range typed.Rows(eval.PER, eval.ORG, eval.LOC) {
			c := typed[row]
			fmt.Fprintf(stdout, "%-22s %7.4f %7.4f %7.4f\n", row, c.Precision(), c.Recall(), c.F1())
		}
		c := typed.Total()
		fmt.Fprintf(stdout, "%-22s %7.4f %7.4f %7.4f\n", "overall", c.Precision(), c.Recall(), c.F1())
	}
	if rep.Failed > 0 {
		return 1
	}
	return 0
}

// proseExtract runs prose's entity model and puts its entities in the
// readout.v1 shape: PERSON and ORGANIZATION as actors; GPE, LOCATION, and
// the rarer GSP and FACILITY (Syria, Philadelphia; The Oval, Wall Street) as
// locations, as the contract places them; other labels dropped. Entities with the same text and label are
// one entity, so the entity-level score does not charge prose for having no
// coreference where the names are identical. Offsets become code points.
func proseExtract(ctx context.Context, doc extract.Document) (extract.Result, error) {
	d, err := prose.NewDocumentContext(ctx, doc.Text)
	if err != nil {
		return extract.Result{}, err
	}
	runeAt := codePointOffsets(doc.Text)
	r := extract.Result{Schema: extract.Schema, ID: doc.ID, Source: doc.Source}
	type key struct{ text, label string }
	index := map[key]int{} // into the section the label goes to
	for _, e := range d.Entities() {
		typ, actor := "", false
		switch e.Label {
		case "PERSON":
			typ, actor = "PERSON", true
		case "ORGANIZATION", "ORG":
			typ, actor = "ORG", true
		case "GPE", "GSP":
			typ = "GPE"
		case "LOCATION", "LOC":
			typ = "LOC"
		case "FACILITY", "FAC":
			typ = "FAC"
		default:
			continue
		}
		m := extract.Span{Text: e.Text, Start: runeAt[e.Start], End: runeAt[e.End()]}
		section := &r.Locations
		if actor {
			section = &r.Actors
		}
		k := key{e.Text, typ}
		if i, ok := index[k]; ok {
			(*section)[i].Mentions = append((*section)[i].Mentions, m)
			continue
		}
		index[k] = len(*section)
		*section = append(*section, extract.Entity{
			ID: fmt.Sprintf("prose-%d", len(index)), Name: e.Text, Type: typ, Source: "model",
			Mentions: []extract.Span{m},
		})
	}
	return r, nil
}

// codePointOffsets maps every byte offset of text that starts a character
// (and len(text)) to its code-point offset.
func codePointOffsets(text string) []int {
	at := make([]int, len(text)+1)
	n := 0
	for i := range text {
		at[i] = n
		n++
	}
	at[len(text)] = n
	return at
}
