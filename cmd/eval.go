package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/eval"
)

type evalFlags struct {
	setupFlags
	format string
	by     string
	minF1  float64
	update bool
	brief  bool
}

func newEvalCmd() *cobra.Command {
	var f evalFlags
	c := &cobra.Command{
		Use:   "eval [flags] PATH ...",
		Short: "Score extractions against golden files",
		Long: `Eval extracts each text that has a golden file and scores the output against it.

PATH is a NAME.txt or NAME.gold.json file (the other half must lie beside it),
a JSON Lines file of records {"id", "text", "date", "gold": {...}}, or a folder
walked recursively for both. A golden file has the shape of readout's output;
only the sections it has are scored, and items in its optional_actors,
optional_locations, optional_dates, optional_meetings and optional_quotes lists
are neither hits nor misses:

  actors, locations   by entity: a predicted entity pairs with the gold entity
                      that shares mention spans, its id or a name variant, one
                      to one (--by mention: every mention span with its section)
  dates               span overlaps and value is equal (dates.span: overlap only)
  meetings            same trigger, or same evidence sentence and a shared
                      participant; then participants (by id, name or mention
                      span), date and location, each a row of its own
  quotes              spans overlap by half their union; quotes.speaker: the
                      speaker is right too (same id, or a name that contains
                      the other's: "Trump" for "Donald Trump")

The reference date of a document is the golden file's reference_date, else the
record's date, else --date.

It prints a table of precision, recall and F1 per row, then for each document
what was missed, extra or wrong. It exits 1 when a row's F1 is below --min-f1
(default 1: exact regression checks) or a document fails, 2 on bad flags or
files. --update writes the current output into the golden files instead (the
sections each has; NAME.txt named without a golden file gets one in full).`,
		Example: `  readout eval testdata/
  readout eval --min-f1 0.8 --brief golden/
  readout eval --by mention --min-f1 0 corpus/ner/
  readout eval --update testdata/new-article.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runEval(c, f, args)
		},
	}
	fl := c.Flags()
	f.setupFlags.add(fl)
	fl.StringVar(&f.format, "format", "text", "output format: text (a table and the findings) or json")
	fl.StringVar(&f.by, "by", "entity", "how actors and locations are scored: entity, or mention (spans, for golden files without coreference)")
	fl.Float64Var(&f.minF1, "min-f1", 1, "exit 1 when a row's F1 is below this")
	fl.BoolVar(&f.update, "update", false, "write the current output into the golden files")
	fl.BoolVar(&f.brief, "brief", false, "print the table only, not the findings of each document")
	return c
}

func runEval(c *cobra.Command, f evalFlags, args []string) error {
	if f.format != "text" && f.format != "json" {
		return usageError(fmt.Errorf("--format %q: use text or json", f.format))
	}
	if f.by != "entity" && f.by != "mention" {
		return usageError(fmt.Errorf("--by %q: use entity or mention", f.by))
	}
	x, resumeCollector, err := f.extractor()
	if err != nil {
		return err
	}
	resumeCollector()
	find := eval.FindPairs
	if f.update {
		find = eval.FindPairsToUpdate
	}
	pairs, err := find(args...)
	if err != nil {
		return usageError(err)
	}
	cases, err := eval.LoadCases(pairs)
	if err != nil {
		return usageError(err)
	}
	if len(cases) == 0 {
		return usageError(fmt.Errorf("no golden files in %s (NAME.txt beside NAME%s, or JSON Lines records with \"gold\")",
			strings.Join(args, " "), eval.GoldSuffix))
	}
	rep := eval.Evaluate(c.Context(), x.Extract, cases, eval.Options{ByMention: f.by == "mention", Date: f.date, Jobs: f.jobs})

	out, stderr := c.OutOrStdout(), c.ErrOrStderr()
	if f.format == "json" {
		if err := rep.WriteJSON(out); err != nil {
			return err
		}
	} else {
		rep.WriteTable(out)
		if !f.brief {
			rep.WriteFindings(out)
		}
	}
	for _, d := range rep.Documents {
		if d.Error != "" {
			fmt.Fprintf(stderr, "readout: %s: %s\n", d.Source, d.Error)
		}
	}
	if f.update {
		n, err := eval.Update(cases, rep)
		fmt.Fprintf(stderr, "readout: wrote %d golden files\n", n)
		if err != nil {
			return failedError(err)
		}
	} else if failing := rep.Failing(f.minF1); len(failing) > 0 {
		return failedError(fmt.Errorf("F1 below %g: %s", f.minF1, strings.Join(failing, ", ")))
	}
	if rep.Failed > 0 {
		return failedError(errReported)
	}
	return nil
}
