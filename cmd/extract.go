package cmd

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
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
// its workers share it.
func (f *setupFlags) extractor() (*extract.Extractor, error) {
	if f.date != "" {
		if _, err := time.Parse("2006-01-02", f.date); err != nil {
			return nil, usageError(fmt.Errorf("--date %q: use the form YYYY-MM-DD", f.date))
		}
	}
	if f.jobs < 1 {
		return nil, usageError(fmt.Errorf("--jobs %d: give at least 1", f.jobs))
	}
	x, err := extract.New(extract.Options{GazetteerPaths: f.gazetteers, RulePaths: f.rules, NoBuiltin: f.noBuiltin})
	if err != nil {
		return nil, usageError(err)
	}
	return x, nil
}

type extractFlags struct {
	setupFlags
	format string
	input  string
}

func newExtractCmd() *cobra.Command {
	var f extractFlags
	c := &cobra.Command{
		Use:   "extract [flags] [PATH ...]",
		Short: "Extract actors, locations, dates, meetings and quotes from articles",
		Long: `Extract reads news articles and prints what is in them as JSON (schema readout.v1).

PATH is a text file, a folder (walked recursively for text files, hidden files
skipped), or - for standard input; with no PATH it reads standard input.
One input prints one indented JSON object; several print JSON Lines, one
compact object per document, in the order of the arguments (a folder's files
in sorted path order).

With --input jsonl, each input holds JSON Lines records
{"id": "...", "text": "...", "date": "YYYY-MM-DD"} and each record gives one
output line, in input order.

A document that cannot be read gives an error record in its place and a line on
stderr; the exit code is then 1. Bad flags, gazetteer or rule files exit 2.`,
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
	return c
}

// task is one document to extract, or the reason it could not be read.
type task struct {
	doc extract.Document
	err error
}

func runExtract(c *cobra.Command, f extractFlags, args []string) error {
	if f.format != "" && f.format != "json" && f.format != "jsonl" {
		return usageError(fmt.Errorf("--format %q: use json or jsonl", f.format))
	}
	if f.input != "text" && f.input != "jsonl" {
		return usageError(fmt.Errorf("--input %q: use text or jsonl", f.input))
	}
	x, err := f.extractor()
	if err != nil {
		return err
	}
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

	tasks := make(chan task)
	go func() {
		defer close(tasks)
		for _, p := range args {
			if f.input == "jsonl" {
				readRecords(c.InOrStdin(), p, f.date, tasks)
			} else {
				readTexts(c.InOrStdin(), stderr, p, f.date, tasks)
			}
		}
	}()

	failed := 0
	write := func(r extract.Result, err error) error {
		var out any = r
		if err != nil {
			failed++
			name := r.Source
			if name == "" {
				name = r.ID
			}
			fmt.Fprintf(stderr, "readout: %s: %v\n", name, err)
			out = errorRecord{Schema: extract.Schema, ID: r.ID, Source: r.Source, Error: err.Error()}
		}
		var b []byte
		if format == "json" {
			b, err = json.MarshalIndent(out, "", "  ")
		} else {
			b, err = json.Marshal(out)
		}
		if err != nil {
			return err
		}
		_, err = c.OutOrStdout().Write(append(b, '\n'))
		return err
	}
	if err := extractAll(c.Context(), x, tasks, f.jobs, write); err != nil {
		return failedError(err)
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

// extractAll runs tasks through x on jobs workers and calls write for each
// result in input order.
func extractAll(ctx context.Context, x *extract.Extractor, tasks <-chan task, jobs int, write func(extract.Result, error) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	type slot struct {
		res  extract.Result
		err  error
		done chan struct{}
	}
	order := make(chan *slot, jobs*2)
	work := make(chan struct {
		t task
		s *slot
	})
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for w := range work {
				w.s.res, w.s.err = extractOne(ctx, x, w.t)
				close(w.s.done)
			}
		}()
	}
	go func() {
		for t := range tasks {
			s := &slot{done: make(chan struct{})}
			order <- s
			work <- struct {
				t task
				s *slot
			}{t, s}
		}
		close(work)
		close(order)
	}()
	var werr error
	for s := range order {
		<-s.done
		if werr == nil {
			werr = write(s.res, s.err)
		}
	}
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

// readTexts sends the documents of one PATH argument: stdin, a file, or the
// text files below a folder in sorted order.
func readTexts(stdin io.Reader, stderr io.Writer, p, date string, out chan<- task) {
	if p == "-" {
		b, err := io.ReadAll(stdin)
		out <- newTask("", "-", b, err, date)
		return
	}
	if !isDir(p) {
		b, err := os.ReadFile(p)
		out <- newTask("", p, b, err, date)
		return
	}
	for _, path := range listFiles(p, out) {
		b, err := os.ReadFile(path)
		if err == nil && extract.CheckText(string(b)) == extract.ErrBinary {
			fmt.Fprintf(stderr, "readout: %s: skipped: not a text file\n", path)
			continue
		}
		out <- newTask("", path, b, err, date)
	}
}

// listFiles returns the regular files below folder root in sorted order,
// leaving out hidden files and folders; a folder it cannot read becomes an
// error task.
func listFiles(root string, out chan<- task) []string {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			out <- task{doc: extract.Document{Source: path}, err: err}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		out <- task{doc: extract.Document{Source: root}, err: err}
	}
	sort.Strings(files)
	return files
}
func newTask(id, source string, b []byte, err error, date string) task {
	if id == "" && source != "-" {
		id = strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	}
	if err != nil {
		return task{doc: extract.Document{ID: id, Source: source}, err: err}
	}
	doc := extract.Document{ID: id, Source: source, Text: string(b), Date: date}
	if date != "" {
		doc.DateFrom = "flag"
	}
	return task{doc: doc}
}

// record is one JSON Lines input record.
type record struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Date string `json:"date"`
}

// readRecords sends one document per JSON Lines record of p (or stdin).
func readRecords(stdin io.Reader, p, date string, out chan<- task) {
	if p != "-" && isDir(p) {
		for _, f := range listFiles(p, out) {
			readRecords(stdin, f, date, out)
		}
		return
	}
	var r io.Reader = stdin
	if p != "-" {
		fh, err := os.Open(p)
		if err != nil {
			out <- task{doc: extract.Document{Source: p}, err: err}
			return
		}
		defer fh.Close()
		r = fh
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			out <- recordTask(p, line, b, date)
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				out <- task{doc: extract.Document{Source: fmt.Sprintf("%s:%d", p, line)}, err: err}
			}
			return
		}
	}
}

func recordTask(p string, line int, b []byte, date string) task {
	src := fmt.Sprintf("%s:%d", p, line)
	var rec record
	if err := json.Unmarshal(b, &rec); err != nil {
		return task{doc: extract.Document{Source: src}, err: fmt.Errorf("not a JSON record: %w", err)}
	}
	doc := extract.Document{ID: rec.ID, Source: src, Text: rec.Text}
	switch {
	case date != "":
		doc.Date, doc.DateFrom = date, "flag"
	case rec.Date != "":
		if _, err := time.Parse("2006-01-02", rec.Date); err != nil {
			return task{doc: doc, err: fmt.Errorf("date %q: use the form YYYY-MM-DD", rec.Date)}
		}
		doc.Date, doc.DateFrom = rec.Date, "record"
	}
	return task{doc: doc}
}
