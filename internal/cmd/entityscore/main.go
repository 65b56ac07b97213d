// Command entityscore measures entity accuracy on golden files: it runs an
// engine (readout's extractor, or prose's entity model as a baseline) on each
// NAME.txt, scores the actors and locations against NAME.gold.json with
// package eval, and prints a table.
//
//	go run ./internal/cmd/entityscore [--engine readout|prose] [--by mention|entity] [--show-errors N] PATH...
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
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jdkato/prose/v3"

	"github.com/readout/readout/eval"
	"github.com/readout/readout/extract"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// engine extracts the actors and locations of one document.
type engine func(ctx context.Context, doc extract.Document) (extract.Result, error)

// outcome is one document's score, or why it could not be scored.
type outcome struct {
	pair  eval.Pair
	score eval.DocumentScore
	err   error
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("entityscore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	engineName := fs.String("engine", "readout", "what extracts: readout or prose")
	by := fs.String("by", "mention", "what is scored: mention (spans, for CoNLL) or entity (entries, for MEANTIME)")
	showErrors := fs.Int("show-errors", 0, "list the `N` most frequent missed and extra mention texts")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "documents processed in parallel")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: entityscore [--engine readout|prose] [--by mention|entity] [--show-errors N] PATH...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 || (*by != "mention" && *by != "entity") || *jobs < 1 {
		fs.Usage()
		return 2
	}

	start := time.Now()
	var eng engine
	switch *engineName {
	case "readout":
		x, err := extract.New(extract.Options{})
		if err != nil {
			fmt.Fprintf(stderr, "entityscore: %v\n", err)
			return 2
		}
		eng = x.Extract
	case "prose":
		eng = proseExtract
	default:
		fs.Usage()
		return 2
	}
	pairs, err := eval.FindPairs(fs.Args()...)
	if err != nil {
		fmt.Fprintf(stderr, "entityscore: %v\n", err)
		return 2
	}
	if len(pairs) == 0 {
		fmt.Fprintln(stderr, "entityscore: no NAME.txt + NAME.gold.json pairs found")
		return 2
	}
	loaded := time.Now()

	outcomes := scoreAll(context.Background(), eng, pairs, *jobs)
	elapsed := time.Since(loaded)

	total := eval.NewCounts()
	failed := 0
	for _, o := range outcomes {
		if o.err != nil {
			fmt.Fprintf(stderr, "entityscore: %s: %v\n", o.pair.Text, o.err)
			failed++
			continue
		}
		total.Add(o.score.Counts)
	}

	fmt.Fprintf(stdout, "engine %s, %s level, %d documents (%s)\n\n", *engineName, *by, len(pairs)-failed, strings.Join(fs.Args(), " "))
	if *by == "mention" {
		printTable(stdout, "section", total.Mentions, eval.Actors, eval.Locations)
		fmt.Fprintln(stdout)
		printTable(stdout, "type", total.TypedMentions, eval.PER, eval.ORG, eval.LOC)
	} else {
		printTable(stdout, "section", total.Entities, eval.Actors, eval.Locations)
	}
	fmt.Fprintf(stdout, "\nwall time %.2fs (%.2fs scoring %d documents on %d workers, %.2fs loading)\n",
		time.Since(start).Seconds(), elapsed.Seconds(), len(pairs), *jobs, loaded.Sub(start).Seconds())

	if *showErrors > 0 {
		printErrors(stdout, outcomes, *by, *showErrors)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// scoreAll runs the engine on every pair, jobs at a time, and keeps the
// outcomes in pair order.
func scoreAll(ctx context.Context, eng engine, pairs []eval.Pair, jobs int) []outcome {
	outcomes := make([]outcome, len(pairs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outcomes[i] = scoreOne(ctx, eng, pairs[i])
			}
		}()
	}
	for i := range pairs {
		next <- i
	}
	close(next)
	wg.Wait()
	return outcomes
}

func scoreOne(ctx context.Context, eng engine, p eval.Pair) outcome {
	o := outcome{pair: p}
	gold, err := eval.LoadGold(p.Gold)
	if err != nil {
		o.err = err
		return o
	}
	text, err := os.ReadFile(p.Text)
	if err != nil {
		o.err = err
		return o
	}
	doc := extract.Document{ID: gold.ID, Source: p.Text, Text: string(text)}
	if gold.ReferenceDate != nil {
		doc.Date = *gold.ReferenceDate
	}
	pred, err := eng(ctx, doc)
	if err != nil {
		o.err = err
		return o
	}
	if bad := badSpans(doc.Text, pred); len(bad) > 0 {
		o.err = fmt.Errorf("%d predicted mentions do not match the text at their offsets, first %q at %d-%d",
			len(bad), bad[0].Text, bad[0].Start, bad[0].End)
		return o
	}
	o.score = eval.Score(gold, pred)
	return o
}

// badSpans lists the predicted mentions whose text is not the text at their
// code-point offsets: the contract's invariant, checked so that an offset
// bug shows as an error rather than as a low score.
func badSpans(text string, r extract.Result) []extract.Span {
	runes := []rune(text)
	var bad []extract.Span
	for _, es := range [][]extract.Entity{r.Actors, r.Locations} {
		for _, e := range es {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(runes) || m.Start > m.End || string(runes[m.Start:m.End]) != m.Text {
					bad = append(bad, m)
				}
			}
		}
	}
	return bad
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

func printTable(w io.Writer, head string, t eval.Table, order ...string) {
	fmt.Fprintf(w, "%-10s %7s %7s %7s %7s %7s %7s\n", head, "P", "R", "F1", "tp", "fp", "fn")
	line := func(name string, c eval.Count) {
		fmt.Fprintf(w, "%-10s %7.4f %7.4f %7.4f %7d %7d %7d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, row := range t.Rows(order...) {
		line(row, t[row])
	}
	line("overall", t.Total())
}

// printErrors lists the n most frequent texts of what was missed and what
// was extra, over all documents.
func printErrors(w io.Writer, outcomes []outcome, by string, n int) {
	missed, extra, mistyped := map[string]int{}, map[string]int{}, map[string]int{}
	for _, o := range outcomes {
		s := o.score
		if by == "mention" {
			for _, m := range s.Missed {
				missed[label(m)]++
			}
			for _, m := range s.Extra {
				extra[label(m)]++
			}
			for _, m := range s.Mistyped {
				mistyped[fmt.Sprintf("%s  %s -> %s", m.Gold.Text, typeOf(m.Gold), typeOf(m.Predicted))]++
			}
			continue
		}
		// An unpaired entity counts each of its distinct mention texts once.
		// A gold and a predicted entity left unpaired that share a span are
		// the same entity in different sections: they are listed as
		// mistyped, not as missed and extra.
		crossed := map[int]bool{}
		for _, g := range s.MissedEntities {
			across := false
			for j, p := range s.ExtraEntities {
				if text, ok := sharedSpan(g.Entity, p.Entity); ok {
					across, crossed[j] = true, true
					mistyped[fmt.Sprintf("%s  %s -> %s", text, entryType(g), entryType(p))]++
				}
			}
			if across {
				continue
			}
			for t := range entityTexts(g) {
				missed[t]++
			}
		}
		for j, e := range s.ExtraEntities {
			if crossed[j] {
				continue
			}
			for t := range entityTexts(e) {
				extra[t]++
			}
		}
	}
	if by == "mention" {
		printFrequent(w, "missed (gold spans the engine does not have)", missed, n)
		printFrequent(w, "extra (spans that are no gold mention)", extra, n)
		printFrequent(w, "mistyped (gold type -> predicted type)", mistyped, n)
	} else {
		printFrequent(w, "missed (mention texts of gold entities left unpaired)", missed, n)
		printFrequent(w, "extra (mention texts of predicted entities left unpaired)", extra, n)
		printFrequent(w, "mistyped (unpaired entities sharing a span across sections: gold -> predicted)", mistyped, n)
	}
}

// sharedSpan returns the text of the first mention span a and b share.
func sharedSpan(a, b extract.Entity) (string, bool) {
	for _, m := range a.Mentions {
		for _, o := range b.Mentions {
			if m.Start == o.Start && m.End == o.End {
				return m.Text, true
			}
		}
	}
	return "", false
}

func entryType(e eval.Entry) string {
	return typeOf(eval.Mention{Section: e.Section, Type: eval.CoarseType(e.Type)})
}

func label(m eval.Mention) string { return fmt.Sprintf("%s  %s", m.Text, typeOf(m)) }

func typeOf(m eval.Mention) string {
	if m.Section == eval.Locations && m.Type == eval.LOC || m.Section == eval.Actors && m.Type != eval.LOC {
		return m.Type
	}
	return m.Section + "/" + m.Type
}

func entityTexts(e eval.Entry) map[string]bool {
	texts := map[string]bool{}
	for _, m := range e.Mentions {
		texts[fmt.Sprintf("%s  %s", m.Text, entryType(e))] = true
	}
	return texts
}

func printFrequent(w io.Writer, title string, counts map[string]int, n int) {
	type entry struct {
		text  string
		count int
	}
	var list []entry
	sum := 0
	for t, c := range counts {
		list = append(list, entry{t, c})
		sum += c
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].text < list[j].text
	})
	fmt.Fprintf(w, "\n%s: %d in all, %d distinct; the %d most frequent:\n", title, sum, len(list), min(n, len(list)))
	for _, e := range list[:min(n, len(list))] {
		fmt.Fprintf(w, "%6d  %s\n", e.count, e.text)
	}
}
