package extract

import (
	"slices"
	"time"

	"github.com/readout/readout/extract/dates"
)

// Where a document's reference date came from (Result.ReferenceDateFrom).
const (
	// ReferenceFromFlag: the caller gave it (readout extract --date).
	ReferenceFromFlag = "flag"
	// ReferenceFromRecord: the JSONL input record's "date".
	ReferenceFromRecord = "record"
	// ReferenceFromText: the first full date of the article's opening
	// lines outside running prose (a dateline or a photo caption).
	ReferenceFromText = "text"
)

// dates fills r.Dates and the reference date from doc and the text. It runs
// after the entities, whose mentions are never dates, and before meetings
// and quotes, which read r.Dates.
func (a *analysis) dates(doc Document, r *Result) {
	ref := referenceOf(doc)
	found, textRef := dates.Find(&dates.Text{
		Words: a.words, Tags: a.tags, Sentences: a.sentences, SentenceOf: a.sentenceOf,
		ClauseStart: a.clauseStart, CapsLine: a.capsLine, Names: a.nameWords(r.Actors, r.Locations),
	}, ref)
	r.Dates = make([]Date, 0, len(found))
	for _, f := range found {
		sp := a.span(f.Start, f.End)
		d := Date{Text: sp.Text, Start: sp.Start, End: sp.End, Type: f.Type}
		if f.Value != "" {
			v := f.Value
			d.Value = &v
		}
		r.Dates = append(r.Dates, d)
	}
	switch {
	case !ref.IsZero():
		d, from := ref.Format("2006-01-02"), doc.DateFrom
		if from == "" {
			from = ReferenceFromFlag
		}
		r.ReferenceDate, r.ReferenceDateFrom = &d, &from
	case textRef != "":
		from := ReferenceFromText
		r.ReferenceDate, r.ReferenceDateFrom = &textRef, &from
	}
}

// referenceOf reads the document's reference date, at noon so that day
// arithmetic never crosses midnight. A Date that is not YYYY-MM-DD is
// treated as absent, and the text's own date is looked for.
func referenceOf(doc Document) time.Time {
	t, err := time.Parse("2006-01-02", doc.Date)
	if err != nil {
		return time.Time{}
	}
	return t.Add(12 * time.Hour)
}

// nameWords marks the words inside the mentions of entities.
func (a *analysis) nameWords(entities ...[]Entity) []bool {
	names := make([]bool, len(a.words))
	var spans [][2]int
	for _, e := range slices.Concat(entities...) {
		for _, m := range e.Mentions {
			spans = append(spans, [2]int{m.Start, m.End})
		}
	}
	if len(spans) == 0 {
		return names
	}
	for i, w := range a.words {
		p := w.Start
		if a.runes != nil {
			p = int(a.runes[p])
		}
		for _, s := range spans {
			if s[0] <= p && p < s[1] {
				names[i] = true
				break
			}
		}
	}
	return names
}
