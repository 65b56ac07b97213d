package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/readout/readout/extract"
)

// Case is one document to score: its text and its gold.
type Case struct {
	// ID names the document: the gold's id, else the record's, else NAME.
	ID string `json:"id"`
	// Source is NAME.txt, or FILE:LINE of a JSON Lines record.
	Source string `json:"source"`
	Text   string `json:"-"`
	// Date is the reference date: the gold's reference_date, else the
	// record's date.
	Date string `json:"-"`
	Gold Gold   `json:"-"`
	// goldJSON is the golden file (or the record's gold) as written, kept
	// for Update.
	goldJSON []byte
	// pair is where the case came from; line is the record's line number
	// in a JSON Lines file, 0 for a pair of files.
	pair Pair
	line int
	// Err is why the case could not be loaded.
	Err error `json:"-"`
}

// goldRecord is a JSON Lines record with gold attached.
type goldRecord struct {
	ID   string          `json:"id"`
	Text string          `json:"text"`
	Date string          `json:"date"`
	Gold json.RawMessage `json:"gold"`
}

// LoadCases loads the cases of the pairs FindPairs finds: for a pair of
// files one case, for a JSON Lines file one case per record
// {"id", "text", "date", "gold": {...}}. A case that cannot be read is
// kept with its Err set.
func LoadCases(pairs []Pair) ([]Case, error) {
	var cases []Case
	for _, p := range pairs {
		if p.Gold != "" {
			cases = append(cases, loadPair(p))
			continue
		}
		cs, err := loadRecords(p)
		if err != nil {
			return nil, err
		}
		cases = append(cases, cs...)
	}
	return cases, nil
}

func loadPair(p Pair) Case {
	c := Case{Source: p.Text, pair: p}
	c.ID = strings.TrimSuffix(baseName(p.Text), ".txt")
	text, err := os.ReadFile(p.Text)
	if err != nil {
		c.Err = err
		return c
	}
	c.Text = string(text)
	c.goldJSON, err = os.ReadFile(p.Gold)
	if errors.Is(err, fs.ErrNotExist) {
		// Only FindPairsToUpdate gives a pair without its golden file: it
		// is written with every section.
		c.Gold = Gold{Sections: map[string]bool{Actors: true, Locations: true, Dates: true, Meetings: true, Quotes: true}}
		return c
	}
	if err != nil {
		c.Err = err
		return c
	}
	c.setGold()
	return c
}

func baseName(path string) string {
	return path[strings.LastIndexAny(path, `/\`)+1:]
}

func (c *Case) setGold() {
	g, err := ParseGold(c.goldJSON)
	if err != nil {
		c.Err = fmt.Errorf("golden file: %w", err)
		return
	}
	c.Gold = g
	if g.ID != "" {
		c.ID = g.ID
	}
	if g.ReferenceDate != nil && *g.ReferenceDate != "" {
		c.Date = *g.ReferenceDate
	}
}

func loadRecords(p Pair) ([]Case, error) {
	f, err := os.Open(p.Text)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []Case
	br := bufio.NewReader(f)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			cases = append(cases, recordCase(p, line, b))
		}
		if errors.Is(err, io.EOF) {
			return cases, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", p.Text, line, err)
		}
	}
}

func recordCase(p Pair, line int, b []byte) Case {
	c := Case{Source: fmt.Sprintf("%s:%d", p.Text, line), pair: p, line: line}
	var rec goldRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		c.Err = fmt.Errorf("not a JSON record: %w", err)
		return c
	}
	c.ID, c.Text, c.Date = rec.ID, rec.Text, rec.Date
	if len(rec.Gold) == 0 || string(rec.Gold) == "null" {
		c.Err = errors.New(`the record has no "gold"`)
		return c
	}
	c.goldJSON = rec.Gold
	c.setGold()
	return c
}

// Engine extracts one document.
type Engine func(ctx context.Context, doc extract.Document) (extract.Result, error)

// Options says how Evaluate scores.
type Options struct {
	// ByMention scores actors and locations by mention span and section
	// (for golden files without coreference, such as CoNLL) instead of by
	// entity.
	ByMention bool
	// Date is the reference date of cases that carry none.
	Date string
	// Jobs is the number of documents extracted in parallel (at least 1).
	Jobs int
}

// DocumentReport is the score of one document.
type DocumentReport struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	// Scores has a row per scored section and part (see RowOrder).
	Scores   Table     `json:"scores,omitempty"`
	Findings []Finding `json:"findings,omitempty"`
	Error    string    `json:"error,omitempty"`
	// Entities is the mention- and entity-level score of the actors and
	// locations, for tools that want more than the rows.
	Entities DocumentScore  `json:"-"`
	Result   extract.Result `json:"-"`
}

// Report is the score of many documents.
type Report struct {
	// Total adds up the rows of all documents (micro average).
	Total     Table            `json:"total"`
	Documents []DocumentReport `json:"documents"`
	// Failed counts documents that could not be scored.
	Failed int `json:"failed"`
}

// Evaluate extracts every case with the engine and scores it against its
// gold. Documents keep the order of the cases.
func Evaluate(ctx context.Context, engine Engine, cases []Case, opt Options) Report {
	docs := make([]DocumentReport, len(cases))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(opt.Jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i] = evaluateOne(ctx, engine, cases[i], opt)
			}
		}()
	}
	for i := range cases {
		next <- i
	}
	close(next)
	wg.Wait()
	rep := Report{Total: Table{}, Documents: docs}
	for _, d := range docs {
		if d.Error != "" {
			rep.Failed++
			continue
		}
		rep.Total.Add(d.Scores)
	}
	return rep
}

func evaluateOne(ctx context.Context, engine Engine, c Case, opt Options) (d DocumentReport) {
	d = DocumentReport{ID: c.ID, Source: c.Source}
	if c.Err != nil {
		d.Error = c.Err.Error()
		return d
	}
	defer func() {
		if p := recover(); p != nil {
			d.Error = fmt.Sprintf("internal error (please report it): %v", p)
		}
	}()
	doc := extract.Document{ID: c.ID, Source: c.Source, Text: c.Text, Date: c.Date, DateFrom: "record"}
	if doc.Date == "" && opt.Date != "" {
		doc.Date, doc.DateFrom = opt.Date, "flag"
	}
	pred, err := engine(ctx, doc)
	if err != nil {
		d.Error = err.Error()
		return d
	}
	if err := CheckSpans(c.Text, pred); err != nil {
		d.Error = err.Error()
		return d
	}
	d.Result = pred
	d.Scores, d.Findings, d.Entities = ScoreDocument(c.Gold, pred, opt.ByMention)
	return d
}

// ScoreDocument scores the sections a golden file has.
func ScoreDocument(gold Gold, pred extract.Result, byMention bool) (Table, []Finding, DocumentScore) {
	t := Table{}
	var fs []Finding
	pred = withoutOptional(gold, pred)
	es := Score(gold.Result, pred)
	for _, sec := range []string{Actors, Locations} {
		if !gold.Sections[sec] {
			continue
		}
		if byMention {
			t[sec] = es.Mentions[sec]
		} else {
			t[sec] = es.Entities[sec]
		}
	}
	fs = append(fs, entityFindings(gold, es, byMention)...)
	if gold.Sections[Dates] {
		dt, dfs := ScoreDates(gold.Dates, gold.OptionalDates, pred.Dates)
		t.Add(dt)
		fs = append(fs, dfs...)
		t.Add(scoreDateTypes(gold.Dates, gold.OptionalDates, pred.Dates))
	}
	if gold.Sections[Meetings] {
		mt, mfs := ScoreMeetings(gold, pred)
		t.Add(mt)
		fs = append(fs, mfs...)
	}
	if gold.Sections[Quotes] {
		qt, qfs := ScoreQuotes(gold, pred)
		t.Add(qt)
		fs = append(fs, qfs...)
	}
	return t, fs, es
}

// withoutOptional drops the predicted mentions that are mentions of an
// optional gold entity and no gold mention, and the entities left without
// mentions.
func withoutOptional(gold Gold, pred extract.Result) extract.Result {
	optional := map[span]bool{}
	for _, e := range append(append([]extract.Entity{}, gold.OptionalActors...), gold.OptionalLocations...) {
		for sp := range spanSet(e) {
			optional[sp] = true
		}
	}
	if len(optional) == 0 {
		return pred
	}
	for _, e := range append(append([]extract.Entity{}, gold.Actors...), gold.Locations...) {
		for sp := range spanSet(e) {
			delete(optional, sp)
		}
	}
	keep := func(es []extract.Entity) []extract.Entity {
		var out []extract.Entity
		for _, e := range es {
			var ms []extract.Span
			for _, m := range e.Mentions {
				if !optional[span{m.Start, m.End}] {
					ms = append(ms, m)
				}
			}
			if len(ms) > 0 {
				e.Mentions = ms
				out = append(out, e)
			}
		}
		return out
	}
	pred.Actors, pred.Locations = keep(pred.Actors), keep(pred.Locations)
	return pred
}

func entityFindings(gold Gold, s DocumentScore, byMention bool) []Finding {
	var fs []Finding
	if byMention {
		for _, m := range s.Missed {
			if gold.Sections[m.Section] {
				fs = append(fs, Finding{Row: m.Section, What: "missed", Text: m.Text, Start: m.Start, End: m.End, Note: m.Type})
			}
		}
		for _, m := range s.Extra {
			if gold.Sections[m.Section] {
				fs = append(fs, Finding{Row: m.Section, What: "extra", Text: m.Text, Start: m.Start, End: m.End, Note: m.Type})
			}
		}
		for _, m := range s.Mistyped {
			fs = append(fs, Finding{Row: m.Gold.Section, What: "wrong", Text: m.Gold.Text, Start: m.Gold.Start, End: m.Gold.End,
				Note: fmt.Sprintf("%s %s, want %s %s", m.Predicted.Section, m.Predicted.Type, m.Gold.Section, m.Gold.Type)})
		}
		return fs
	}
	add := func(what string, es []Entry) {
		for _, e := range es {
			if !gold.Sections[e.Section] {
				continue
			}
			f := Finding{Row: e.Section, What: what, Text: e.Name,
				Note: fmt.Sprintf("%s %s, %d mentions %q", e.ID, e.Type, len(e.Mentions), distinct(spanTexts(e.Mentions)))}
			if len(e.Mentions) > 0 {
				f.Start, f.End = e.Mentions[0].Start, e.Mentions[0].End
			}
			fs = append(fs, f)
		}
	}
	add("missed", s.MissedEntities)
	add("extra", s.ExtraEntities)
	return fs
}

func distinct(texts []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// CheckSpans checks the contract's invariant on every span of a result:
// the text at its code-point offsets is its text. An offset bug then shows
// as an error rather than as a low score.
func CheckSpans(text string, r extract.Result) error {
	runes := []rune(text)
	var spans []extract.Span
	for _, es := range [][]extract.Entity{r.Actors, r.Locations} {
		for _, e := range es {
			spans = append(spans, e.Mentions...)
		}
	}
	for _, d := range r.Dates {
		spans = append(spans, extract.Span{Text: d.Text, Start: d.Start, End: d.End})
	}
	for _, m := range r.Meetings {
		spans = append(spans, m.Trigger, m.Evidence)
	}
	for _, q := range r.Quotes {
		spans = append(spans, extract.Span{Text: q.Text, Start: q.Start, End: q.End})
	}
	bad := 0
	var first extract.Span
	for _, m := range spans {
		if m.Start < 0 || m.End > len(runes) || m.Start > m.End || string(runes[m.Start:m.End]) != m.Text {
			if bad == 0 {
				first = m
			}
			bad++
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d predicted spans do not match the text at their offsets, first %q at %d-%d",
			bad, first.Text, first.Start, first.End)
	}
	return nil
}

// Failing lists the rows of the total whose F1 is under min; rows with
// nothing in them (no gold and no predicted item) pass.
func (r Report) Failing(min float64) []string {
	var rows []string
	for _, row := range r.Total.Rows(RowOrder...) {
		c := r.Total[row]
		if c.TP+c.FP+c.FN > 0 && c.F1() < min {
			rows = append(rows, row)
		}
	}
	return rows
}

// WriteTable prints the total as a table of precision, recall and F1 per
// row, with the counts behind them.
func (r Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%-22s %7s %7s %7s %7s %7s %7s\n", "section", "P", "R", "F1", "tp", "fp", "fn")
	for _, row := range r.Total.Rows(RowOrder...) {
		c := r.Total[row]
		if c.TP+c.FP+c.FN == 0 {
			fmt.Fprintf(w, "%-22s %7s %7s %7s %7d %7d %7d\n", row, "-", "-", "-", 0, 0, 0)
			continue
		}
		fmt.Fprintf(w, "%-22s %7.4f %7.4f %7.4f %7d %7d %7d\n", row, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	if q, ok := r.Total[Quotes]; ok && q.TP > 0 {
		s := r.Total[QuoteSpeakers]
		fmt.Fprintf(w, "speakers right: %d of %d quotes found (%.4f)\n", s.TP, q.TP, float64(s.TP)/float64(q.TP))
	}
	fmt.Fprintf(w, "%d documents scored", len(r.Documents)-r.Failed)
	if r.Failed > 0 {
		fmt.Fprintf(w, ", %d failed", r.Failed)
	}
	fmt.Fprintln(w)
}

// WriteFindings prints, per document, what was missed, extra or wrong, and
// the documents that failed.
func (r Report) WriteFindings(w io.Writer) {
	for _, d := range r.Documents {
		if d.Error == "" && len(d.Findings) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%s)\n", d.ID, d.Source)
		if d.Error != "" {
			fmt.Fprintf(w, "  error: %s\n", d.Error)
		}
		for _, f := range d.Findings {
			fmt.Fprintf(w, "  %-22s %-6s %q %d-%d", f.Row, f.What, f.Text, f.Start, f.End)
			if f.Note != "" {
				fmt.Fprintf(w, "  %s", f.Note)
			}
			fmt.Fprintln(w)
		}
	}
}

// jsonRow is a row of the total in the JSON report.
type jsonRow struct {
	Count
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// WriteJSON prints the report as one JSON object: the total's rows with
// their ratios, and every document with its rows and findings.
func (r Report) WriteJSON(w io.Writer) error {
	total := map[string]jsonRow{}
	for row, c := range r.Total {
		total[row] = jsonRow{Count: c, Precision: c.Precision(), Recall: c.Recall(), F1: c.F1()}
	}
	b, err := json.MarshalIndent(struct {
		Total     map[string]jsonRow `json:"total"`
		Documents []DocumentReport   `json:"documents"`
		Failed    int                `json:"failed"`
	}{total, r.Documents, r.Failed}, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// Update rewrites the golden files of the cases from the predictions of
// the report (Evaluate's on the same cases): a golden file keeps its
// sections and its other fields with the predicted sections put in, a
// missing one is written in full, and a JSON Lines file gets each record's
// gold replaced. Cases that failed are left as they are. It returns the
// number of golden files or records written.
func Update(cases []Case, rep Report) (int, error) {
	n := 0
	records := map[string]map[int][]byte{} // JSON Lines file -> line -> new gold
	for i, c := range cases {
		d := rep.Documents[i]
		if c.Err != nil || d.Error != "" {
			continue
		}
		b, err := UpdateGold(c.goldJSON, d.Result)
		if err != nil {
			return n, fmt.Errorf("%s: %w", c.Source, err)
		}
		if c.line > 0 {
			if records[c.pair.Text] == nil {
				records[c.pair.Text] = map[int][]byte{}
			}
			records[c.pair.Text][c.line] = b
			n++
			continue
		}
		if err := os.WriteFile(c.pair.Gold, b, 0o644); err != nil {
			return n, err
		}
		n++
	}
	for path, golds := range records {
		if err := updateRecords(path, golds); err != nil {
			return n, err
		}
	}
	return n, nil
}

// updateRecords rewrites the gold of the given lines of a JSON Lines file,
// keeping every other line and field.
func updateRecords(path string, golds map[int][]byte) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.SplitAfter(string(data), "\n")
	for i, l := range lines {
		gold, ok := golds[i+1]
		if !ok {
			continue
		}
		b, err := replaceFields([]byte(l), func(k string) (json.RawMessage, bool) { return gold, k == "gold" })
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		if strings.HasSuffix(l, "\n") {
			b = append(b, '\n')
		}
		lines[i] = string(b)
	}
	return os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644)
}

// dateTypes are the TIMEX3 types that get a row of their own.
var dateTypes = []string{"DATE", "TIME", "DURATION", "SET"}

// scoreDateTypes gives a row per date type ("dates.DATE"): the dates row
// counted over the gold and predicted dates of that type only, for a type
// either side has.
func scoreDateTypes(gold, optional, pred []extract.Date) Table {
	t := Table{}
	of := func(ds []extract.Date, typ string) []extract.Date {
		var out []extract.Date
		for _, d := range ds {
			if d.Type == typ {
				out = append(out, d)
			}
		}
		return out
	}
	for _, typ := range dateTypes {
		g, p := of(gold, typ), of(pred, typ)
		if len(g)+len(p) == 0 {
			continue
		}
		rows, _ := ScoreDates(g, of(optional, typ), p)
		t[Dates+"."+typ] = rows[Dates]
	}
	return t
}
