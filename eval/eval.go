// Package eval scores extractions against golden files: the start of
// `readout eval`.
//
// It scores the actors and locations sections in two ways, each as
// precision, recall and F1 with the counts behind them, micro-averaged over
// documents (counts are summed, then the ratios are taken):
//
//   - Mention level, for golden files without coreference (CoNLL): every
//     mention span of every entity is one item, keyed by section, start and
//     end. The typed variant keys by coarse type (PER, ORG, LOC) instead of
//     section, like the CoNLL scorer.
//   - Entity level, for golden files with one entry per entity across its
//     name variants (MEANTIME): see ScoreEntities.
//
// Alongside the counts, each document's score lists what was missed, what
// was extra and what had the wrong type, for inspection.
package eval

import (
	"sort"

	"github.com/readout/readout/extract"
)

// The sections that are scored.
const (
	Actors    = "actors"
	Locations = "locations"
)

// Coarse types, as in CoNLL: the typed mention score compares these.
const (
	PER = "PER"
	ORG = "ORG"
	LOC = "LOC"
)

// CoarseType maps an entity type of the contract to its CoNLL type: PERSON
// to PER, ORG to ORG, and GPE, LOC and FAC to LOC. Other types are kept as
// they are, so they never match one of the three.
func CoarseType(t string) string {
	switch t {
	case "PERSON", "PER":
		return PER
	case "ORG":
		return ORG
	case "GPE", "LOC", "FAC":
		return LOC
	}
	return t
}

// Count is the outcome of matching predicted items against gold ones.
type Count struct {
	// TP counts matches, FP predicted items without a match, FN gold items
	// without a match.
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Add adds o's counts to c.
func (c *Count) Add(o Count) {
	c.TP += o.TP
	c.FP += o.FP
	c.FN += o.FN
}

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (c Count) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 0 when there was nothing to find.
func (c Count) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, 2TP / (2TP + FP + FN).
func (c Count) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Table holds counts by row: a section or a coarse type.
type Table map[string]Count

// Add adds o's rows to t.
func (t Table) Add(o Table) {
	for k, c := range o {
		sum := t[k]
		sum.Add(c)
		t[k] = sum
	}
}

// Total is the sum of all rows: the micro average.
func (t Table) Total() Count {
	var sum Count
	for _, c := range t {
		sum.Add(c)
	}
	return sum
}

// Rows returns the row names in order: the given ones first (when present),
// then the rest alphabetically.
func (t Table) Rows(first ...string) []string {
	var rows []string
	done := map[string]bool{}
	for _, r := range first {
		if _, ok := t[r]; ok && !done[r] {
			rows = append(rows, r)
			done[r] = true
		}
	}
	var rest []string
	for r := range t {
		if !done[r] {
			rest = append(rest, r)
		}
	}
	sort.Strings(rest)
	return append(rows, rest...)
}

// Counts are the scores of one document or, added up, of many.
type Counts struct {
	// Mentions has one row per section.
	Mentions Table
	// TypedMentions has one row per coarse type.
	TypedMentions Table
	// Entities has one row per section.
	Entities Table
}

// NewCounts returns empty Counts, ready to Add to.
func NewCounts() Counts {
	return Counts{Mentions: Table{}, TypedMentions: Table{}, Entities: Table{}}
}

// Add adds o to c.
func (c Counts) Add(o Counts) {
	c.Mentions.Add(o.Mentions)
	c.TypedMentions.Add(o.TypedMentions)
	c.Entities.Add(o.Entities)
}

// Mention is one mention of a scored section with the coarse type of its
// entity.
type Mention struct {
	Section string
	Type    string
	extract.Span
}

// Mistyped is a span both gold and prediction have, with a different
// section or coarse type.
type Mistyped struct {
	Gold, Predicted Mention
}

// Entry is an entity of a scored section.
type Entry struct {
	Section string
	extract.Entity
}

// DocumentScore compares one document's prediction with its gold.
type DocumentScore struct {
	Counts
	// Missed are gold mentions whose span the prediction does not have in
	// any section, Extra predicted mentions whose span is no gold mention,
	// and Mistyped the spans both have with a different section or coarse
	// type. Every mention-level error is in exactly one of the three lists
	// (a mistyped span is a false negative and a false positive in the
	// typed score, and in the section score when the sections differ).
	Missed, Extra []Mention
	Mistyped      []Mistyped
	// MissedEntities are gold entities no predicted entity was paired
	// with, ExtraEntities predicted entities no gold entity was paired with.
	MissedEntities, ExtraEntities []Entry
}

// Score compares the actors and locations of a prediction with those of
// the gold, at mention and entity level.
func Score(gold, predicted extract.Result) DocumentScore {
	s := DocumentScore{Counts: NewCounts()}
	g, p := mentionsOf(gold), mentionsOf(predicted)
	scoreMentions(&s, g, p)
	for _, sec := range []string{Actors, Locations} {
		ge, pe := sectionOf(gold, sec), sectionOf(predicted, sec)
		c, missed, extra := ScoreEntities(ge, pe)
		s.Entities[sec] = c
		for _, e := range missed {
			s.MissedEntities = append(s.MissedEntities, Entry{Section: sec, Entity: e})
		}
		for _, e := range extra {
			s.ExtraEntities = append(s.ExtraEntities, Entry{Section: sec, Entity: e})
		}
	}
	return s
}

func sectionOf(r extract.Result, section string) []extract.Entity {
	if section == Actors {
		return r.Actors
	}
	return r.Locations
}

// mentionsOf lists the mentions of a result's actors and locations, each
// (section, type, span) once, in text order.
func mentionsOf(r extract.Result) []Mention {
	var ms []Mention
	seen := map[Mention]bool{}
	for _, sec := range []string{Actors, Locations} {
		for _, e := range sectionOf(r, sec) {
			for _, sp := range e.Mentions {
				m := Mention{Section: sec, Type: CoarseType(e.Type), Span: sp}
				if !seen[m] {
					seen[m] = true
					ms = append(ms, m)
				}
			}
		}
	}
	sortMentions(ms)
	return ms
}

func sortMentions(ms []Mention) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Section != b.Section {
			return a.Section < b.Section
		}
		return a.Type < b.Type
	})
}

type span struct{ start, end int }

type sectionKey struct {
	section string
	span
}

type typeKey struct {
	typ string
	span
}

// scoreMentions fills the mention tables and lists of s.
func scoreMentions(s *DocumentScore, gold, pred []Mention) {
	gs, gt, gspan := keys(gold)
	ps, pt, pspan := keys(pred)
	for _, sec := range []string{Actors, Locations} {
		s.Mentions[sec] = Count{}
	}
	for _, typ := range []string{PER, ORG, LOC} {
		s.TypedMentions[typ] = Count{}
	}
	count := func(t Table, row string, f func(*Count)) {
		c := t[row]
		f(&c)
		t[row] = c
	}
	for k := range gs {
		if ps[k] {
			count(s.Mentions, k.section, func(c *Count) { c.TP++ })
		} else {
			count(s.Mentions, k.section, func(c *Count) { c.FN++ })
		}
	}
	for k := range ps {
		if !gs[k] {
			count(s.Mentions, k.section, func(c *Count) { c.FP++ })
		}
	}
	for k := range gt {
		if pt[k] {
			count(s.TypedMentions, k.typ, func(c *Count) { c.TP++ })
		} else {
			count(s.TypedMentions, k.typ, func(c *Count) { c.FN++ })
		}
	}
	for k := range pt {
		if !gt[k] {
			count(s.TypedMentions, k.typ, func(c *Count) { c.FP++ })
		}
	}

	// The lists: a gold mention that is matched exactly (same section and
	// type) is no error; otherwise it is mistyped when the prediction has
	// its span under another label, else missed. Likewise for predictions.
	exact := func(m Mention, sections map[sectionKey]bool, types map[typeKey]bool) bool {
		sp := span{m.Start, m.End}
		return sections[sectionKey{m.Section, sp}] && types[typeKey{m.Type, sp}]
	}
	for _, m := range gold {
		if exact(m, ps, pt) {
			continue
		}
		others := pspan[span{m.Start, m.End}]
		if len(others) == 0 {
			s.Missed = append(s.Missed, m)
			continue
		}
		for _, o := range others {
			s.Mistyped = append(s.Mistyped, Mistyped{Gold: m, Predicted: o})
		}
	}
	for _, m := range pred {
		if !exact(m, gs, gt) && len(gspan[span{m.Start, m.End}]) == 0 {
			s.Extra = append(s.Extra, m)
		}
	}
}

func keys(ms []Mention) (map[sectionKey]bool, map[typeKey]bool, map[span][]Mention) {
	sections, types, spans := map[sectionKey]bool{}, map[typeKey]bool{}, map[span][]Mention{}
	for _, m := range ms {
		sp := span{m.Start, m.End}
		sections[sectionKey{m.Section, sp}] = true
		types[typeKey{m.Type, sp}] = true
		spans[sp] = append(spans[sp], m)
	}
	return sections, types, spans
}

// ScoreEntities scores the entities of one section at entity level.
//
// A predicted entity and a gold entity can be paired when they share at
// least one mention span exactly (same start and end), have the same id,
// or share a name variant (a name or mention text, compared without case,
// a leading "the" or a possessive). Pairs are made one to one, greedily:
// the candidate pairs with the most shared spans first, then those with the
// same id, then those with more shared names; on a tie, the one whose gold
// entity's first mention comes earlier, then
// whose predicted entity's first mention comes earlier, then the earlier
// entities in list order. Each paired entity is a true positive, each
// predicted entity left unpaired a false positive (missing from the returned
// extra), each gold entity left unpaired a false negative (missed).
//
// So an entity split in two by the prediction (General Motors, GM) pairs
// one half and charges the other as a false positive, and two entities
// merged into one pair with one of them and charge the other as a false
// negative, while the mention-level score sees no error in either case.
// Mention boundaries must be exact: a prediction "Ford" for gold "Ford Motor
// Co." shares no span (but pairs by name when the gold entity has a
// mention "Ford" elsewhere).
func ScoreEntities(gold, pred []extract.Entity) (c Count, missed, extra []extract.Entity) {
	type candidate struct {
		g, p   int
		shared int
		sameID bool
		names  int
	}
	gspans, gnames := make([]map[span]bool, len(gold)), make([]map[string]bool, len(gold))
	for i, e := range gold {
		gspans[i], gnames[i] = spanSet(e), nameSet(e)
	}
	var cands []candidate
	for j, e := range pred {
		ps, pn := spanSet(e), nameSet(e)
		for i, g := range gold {
			k := candidate{g: i, p: j, sameID: e.ID != "" && e.ID == g.ID}
			for sp := range ps {
				if gspans[i][sp] {
					k.shared++
				}
			}
			for n := range pn {
				if gnames[i][n] {
					k.names++
				}
			}
			if k.shared > 0 || k.sameID || k.names > 0 {
				cands = append(cands, k)
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.shared != y.shared {
			return x.shared > y.shared
		}
		if x.sameID != y.sameID {
			return x.sameID
		}
		if x.names != y.names {
			return x.names > y.names
		}
		if fx, fy := firstStart(gold[x.g]), firstStart(gold[y.g]); fx != fy {
			return fx < fy
		}
		if fx, fy := firstStart(pred[x.p]), firstStart(pred[y.p]); fx != fy {
			return fx < fy
		}
		if x.g != y.g {
			return x.g < y.g
		}
		return x.p < y.p
	})
	gUsed, pUsed := make([]bool, len(gold)), make([]bool, len(pred))
	for _, k := range cands {
		if gUsed[k.g] || pUsed[k.p] {
			continue
		}
		gUsed[k.g], pUsed[k.p] = true, true
		c.TP++
	}
	for i, e := range gold {
		if !gUsed[i] {
			c.FN++
			missed = append(missed, e)
		}
	}
	for j, e := range pred {
		if !pUsed[j] {
			c.FP++
			extra = append(extra, e)
		}
	}
	return c, missed, extra
}

func spanSet(e extract.Entity) map[span]bool {
	s := make(map[span]bool, len(e.Mentions))
	for _, m := range e.Mentions {
		s[span{m.Start, m.End}] = true
	}
	return s
}

// nameSet holds an entity's name and mention texts, folded by normName.
func nameSet(e extract.Entity) map[string]bool {
	s := map[string]bool{}
	for _, n := range append([]string{e.Name}, spanTexts(e.Mentions)...) {
		if n := normName(n); n != "" {
			s[n] = true
		}
	}
	return s
}

func spanTexts(spans []extract.Span) []string {
	texts := make([]string, len(spans))
	for i, sp := range spans {
		texts[i] = sp.Text
	}
	return texts
}

// firstStart is where an entity is first mentioned; an entity without
// mentions sorts last.
func firstStart(e extract.Entity) int {
	first := int(^uint(0) >> 1)
	for _, m := range e.Mentions {
		first = min(first, m.Start)
	}
	return first
}
