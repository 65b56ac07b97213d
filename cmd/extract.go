package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/readout/readout/extract"
)

// setupFlags are the flags extract and eval share: what the extractor is
// built from, the reference date and the parallelism.
type setupFlags struct {
	date       string
	gazetteers []string
	rules      []string
	noBuiltin  bool
	jobs       int
}

func (f *setupFlags) add(fl *pflag.FlagSet) {
	fl.StringVar(&f.date, "date", "", "reference (publication) date `YYYY-MM-DD` for relative dates")
	fl.StringArrayVar(&f.gazetteers, "gazetteer", nil, "extra gazetteer `file or folder`, merged over the built-in one (repeatable)")
	fl.StringArrayVar(&f.rules, "rules", nil, "extra rule `file or folder`, merged over the built-in ones (repeatable)")
	fl.BoolVar(&f.noBuiltin, "no-builtin", false, "use only the gazetteer and rule files given")
	fl.IntVar(&f.jobs, "jobs", runtime.NumCPU(), "documents processed in parallel")
}

// extractor checks the flags and builds the extractor, once per process;
// its workers share it. The garbage collector stays paused until resume is
// called (see collectorPause).
func (f *setupFlags) extractor() (x *extract.Extractor, resume func(), err error) {
	if f.date != "" {
		if _, err := time.Parse("2006-01-02", f.date); err != nil {
			return nil, nil, usageError(fmt.Errorf("--date %q: use the form YYYY-MM-DD", f.date))
		}
	}
	if f.jobs < 1 {
		return nil, nil, usageError(fmt.Errorf("--jobs %d: give at least 1", f.jobs))
	}
	pause := pauseCollector()
	x, err = extract.New(extract.Options{GazetteerPaths: f.gazetteers, RulePaths: f.rules, NoBuiltin: f.noBuiltin})
	if err != nil {
		pause.resume()
		return nil, nil, usageError(err)
	}
	return x, pause.resume, nil
}

type extractFlags struct {
	setupFlags
	format   string
	input    string
	maxBytes int64
	stats    bool
}

func newExtractCmd() *cobra.Command {
	var f extractFlags
	c := &cobra.Command{
		Use:   "extract [flags] [PATH ...]",
		Short: "Extract actors, locations, dates, meetings and quotes from articles",
		Long: `Extract reads news articles and prints what is in them as JSON (schema readout.v1).

PATH is a text file, a folder (walked recursively for text files in sorted path
order, following symbolic links but not loops; hidden and binary files skipped
with a notice), or - for standard input; with no PATH it reads standard input.
One input prints one indented JSON object; several print JSON Lines, one
compact object per document, in the order of the arguments (a folder's files
in sorted path order).

With --input jsonl, each input holds JSON Lines records
{"id": "...", "text": "...", "date": "YYYY-MM-DD"} and each record gives one
output line, in input order.

Documents are processed --jobs at a time and written in input order whatever
--jobs is; memory is bounded by the documents in flight, so a JSON Lines stream
of any length goes through. A document that cannot be read, or is larger than
--max-bytes (default 10 MB), gives an error record in its place and a line on
stderr; the exit code is then 1. Bad flags, gazetteer or rule files exit 2.

A reader that goes away (readout extract corpus | head) ends the run quietly
with the exit code so far. Ctrl-C or SIGTERM stops it after the line being
written (every line written is complete), with exit code 130. On a terminal, a
progress bar shows on stderr once a run takes more than a second; --stats
prints a summary line (documents, errors, seconds, MB/s) at the end.`,
		Example: `  readout extract testdata/seed-article.txt
  readout extract --date 2023-05-04 article.txt | jq '.actors[].name'
  cat article.txt | readout extract --gazetteer my-people.yaml
  readout extract --input jsonl < records.jsonl > results.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			return runExtract(c, f, args)
		},
	}
	fl := c.Flags()
	f.setupFlags.add(fl)
	fl.StringVar(&f.format, "format", "", "output format: json (one indented object) or jsonl (one line per document); default: json for one input, jsonl for several")
	fl.StringVar(&f.input, "input", "text", "input format: text, or jsonl records {\"id\", \"text\", \"date\"}")
	fl.Int64Var(&f.maxBytes, "max-bytes", defaultMaxBytes, "largest document (file, stdin or JSON Lines record) read, in `bytes`; a larger one gives an error record; 0: no limit")
	fl.BoolVar(&f.stats, "stats", false, "print a summary line on stderr at the end: documents, errors, seconds, MB/s")
	return c
}

func runExtract(c *cobra.Command, f extractFlags, args []string) error {
	if f.format != "" && f.format != "json" && f.format != "jsonl" {
		return usageError(fmt.Errorf("--format %q: use json or jsonl", f.format))
	}
	if f.input != "text" && f.input != "jsonl" {
		return usageError(fmt.Errorf("--input %q: use text or jsonl", f.input))
	}
	if f.maxBytes < 0 {
		return usageError(fmt.Errorf("--max-bytes %d: give 0 (no limit) or more", f.maxBytes))
	}
	x, resumeCollector, err := f.extractor()
	if err != nil {
		return err
	}
	defer resumeCollector()
	if len(args) == 0 {
		args = []string{"-"}
	}
	stderr := c.ErrOrStderr()
	format := f.format
	if format == "" {
		format = "json"
		if len(args) > 1 || f.input == "jsonl" || isDir(args[0]) {
			format = "jsonl"
		}
	}

	// Ctrl-C and SIGTERM stop the run after the line being written; with
	// SIGPIPE caught, a closed stdout (readout ... | head) is a write error
	// that ends the run quietly rather than a kill.
	parent := c.Context()
	if parent == nil {
		parent = context.Background()
	}
	signals, stopSignals := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	go func() {
		// After the first signal, a second one kills at once.
		<-signals.Done()
		stopSignals()
	}()
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	defer signal.Stop(pipe)
	ctx, cancel := context.WithCancel(signals)
	defer cancel()

	prog := newProgress(stderr)
	tasks := make(chan task)
	in := &inputs{ctx: ctx, stdin: c.InOrStdin(), stderr: stderr, date: f.date, maxBytes: f.maxBytes, out: tasks, listed: prog.expect}
	go func() {
		defer close(tasks)
		for _, p := range args {
			read := in.texts
			if f.input == "jsonl" {
				read = in.records
			}
			if !read(p) {
				return
			}
		}
	}()

	failed := 0
	encode := func(out any) ([]byte, error) {
		if format == "json" {
			return json.MarshalIndent(out, "", "  ")
		}
		return json.Marshal(out)
	}
	// Results are encoded by the workers (encoding is a tenth of the work
	// on short articles); write puts them out in order.
	write := func(r extract.Result, b []byte, err error, t task) error {
		if err != nil {
			failed++
			name := t.where
			if name == "" {
				name = r.Source
			}
			if name == "" {
				name = r.ID
			}
			prog.clear()
			fmt.Fprintf(stderr, "readout: %s: %v\n", name, err)
			if b, err = encode(errorRecord{Schema: extract.Schema, ID: r.ID, Source: r.Source, Error: err.Error()}); err != nil {
				return err
			}
		}
		// One Write per line: a run stopped between two writes leaves only
		// complete lines.
		if _, err := c.OutOrStdout().Write(append(b, '\n')); err != nil {
			return err
		}
		prog.done(t.size)
		resumeCollector()
		return nil
	}
	werr := extractAll(ctx, x, tasks, f.jobs, func(r extract.Result) ([]byte, error) { return encode(r) }, write)
	prog.finish()
	if f.stats {
		docs, bytes, elapsed := prog.totals()
		fmt.Fprintf(stderr, "readout: %d documents, %d errors, %.2f s, %.2f MB/s\n",
			docs, failed, elapsed.Seconds(), float64(bytes)/1e6/max(elapsed.Seconds(), 1e-9))
	}
	switch {
	case errors.Is(werr, syscall.EPIPE):
		// The reader has gone (head): stop quietly with the code so far.
	case werr != nil:
		return failedError(fmt.Errorf("writing the output: %w", werr))
	case signals.Err() != nil:
		docs, _, _ := prog.totals()
		return &exitError{code: ExitInterrupted, err: fmt.Errorf("interrupted after %d documents", docs)}
	}
	if failed > 0 {
		return failedError(errReported)
	}
	return nil
}

// errorRecord stands in the output for a document that could not be read.
type errorRecord struct {
	Schema string `json:"schema"`
	ID     string `json:"id,omitempty"`
	Source string `json:"source,omitempty"`
	Error  string `json:"error"`
}

// extractAll runs tasks through x on jobs workers, which also encode each
// result, and calls write for each result (with its encoding, or the error)
// in input order. It stops at the first write error, which it returns, or
// when ctx is done, writing nothing more; at most about 3*jobs documents are
// held at any time.
func extractAll(ctx context.Context, x *extract.Extractor, tasks <-chan task, jobs int,
	encode func(extract.Result) ([]byte, error), write func(extract.Result, []byte, error, task) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type slot struct {
		res  extract.Result
		b    []byte
		err  error
		t    task
		done chan struct{}
	}
	type job struct {
		t task
		s *slot
	}
	order := make(chan *slot, jobs*2)
	work := make(chan job)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case w, ok := <-work:
					if !ok {
						return
					}
					w.s.res, w.s.err = extractOne(ctx, x, w.t)
					if w.s.err == nil {
						w.s.b, w.s.err = encode(w.s.res)
					}
					close(w.s.done)
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(work)
		for t := range tasks {
			s := &slot{t: task{size: t.size, where: t.where}, done: make(chan struct{})}
			select {
			case order <- s:
			case <-ctx.Done():
				return
			}
			select {
			case work <- job{t, s}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var werr error
	for {
		var s *slot
		ok := false
		select {
		case s, ok = <-order:
		case <-ctx.Done():
		}
		if ok {
			select {
			case <-s.done:
			case <-ctx.Done():
			}
		}
		if !ok || ctx.Err() != nil {
			break
		}
		if werr = write(s.res, s.b, s.err, s.t); werr != nil {
			break
		}
	}
	cancel()
	wg.Wait()
	return werr
}

// extractOne extracts one document; a panic inside becomes that document's
// error so that the rest of a batch goes on.
func extractOne(ctx context.Context, x *extract.Extractor, t task) (r extract.Result, err error) {
	r = extract.Result{Schema: extract.Schema, ID: t.doc.ID, Source: t.doc.Source}
	if t.err != nil {
		return r, t.err
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error (please report it): %v", p)
		}
	}()
	res, err := x.Extract(ctx, t.doc)
	if err != nil {
		return r, err
	}
	return res, nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
