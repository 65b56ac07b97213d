package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/readout/readout/gazetteer"
)

// byteSpan returns the output span of bytes [start, end).
func (a *analysis) byteSpan(start, end int) Span {
	s := Span{Text: a.text[start:end], Start: start, End: end}
	if a.runes != nil {
		s.Start, s.End = int(a.runes[start]), int(a.runes[end])
	}
	return s
}

// speakerResolver finds the entity a speaker phrase names.
type speakerResolver struct {
	a        *analysis
	mentions []entityMention // actors' and places' mentions by start
	// heads maps the head noun of each speaker phrase resolved so far to
	// its entity, for "the spokesperson" after "a spokesperson from X".
	heads map[string]*string
}

type entityMention struct {
	e          *Entity
	start, end int // code points
	actor      bool
}

func newSpeakerResolver(a *analysis, actors, locations []Entity) *speakerResolver {
	r := &speakerResolver{a: a, heads: map[string]*string{}}
	for _, list := range [][]Entity{actors, locations} {
		for k := range list {
			e := &list[k]
			for _, m := range e.Mentions {
				r.mentions = append(r.mentions, entityMention{e: e, start: m.Start, end: m.End, actor: gazetteer.IsActorType(e.Type)})
			}
		}
	}
	sort.SliceStable(r.mentions, func(i, j int) bool { return r.mentions[i].start < r.mentions[j].start })
	return r
}

// speakerPronouns are the pronouns a speaker may be, with the type of entity
// each stands for.
var speakerPronouns = map[string]string{"he": gazetteer.Person, "she": gazetteer.Person, "him": gazetteer.Person, "her": gazetteer.Person}

// resolve returns the id of the entity the speaker phrase of q names, or nil.
func (r *speakerResolver) resolve(q *quote, phrase string) *string {
	a := r.a
	sp := a.span(q.speakerFrom, q.speakerTo)
	head := a.headWord(q.speakerFrom, q.speakerTo)
	// A name inside the phrase: the one at its end is its head ("US State
	// Department deputy spokesperson Vedant Patel", "a spokesperson from
	// the State Department").
	var best *entityMention
	for k := range r.mentions {
		m := &r.mentions[k]
		if m.start >= sp.End {
			break
		}
		if m.end <= sp.Start {
			continue
		}
		if !m.actor && (m.end != sp.End || q.speakerTo-q.speakerFrom > 3) {
			continue
		}
		if best == nil || m.end > best.end || (m.end == best.end && m.actor) {
			best = m
		}
	}
	var id *string
	single := q.speakerTo-q.speakerFrom == 1
	switch {
	case best != nil:
		id = &best.e.ID
	case single && speakerPronouns[head] != "":
		id = r.lastBefore(sp.Start, speakerPronouns[head], pronounSex[head])
	case single && unicode.IsUpper(firstLetter(phrase)) && a.tags[q.speakerFrom] == "NNP":
		// A name that is no entity's.
	default:
		// A description: the one given before with the same head noun
		// ("the spokesperson"), else the last person with that title.
		if prev, ok := r.heads[head]; ok {
			id = prev
		} else if id = r.lastDescribed(q.speakerFrom, head); id == nil {
			id = r.lastTitled(sp.Start, head)
		}
	}
	r.heads[head] = id
	return id
}

// headWord returns the key of the head noun of words [from, to): the last
// word before a preposition ("spokesperson" in "a spokesperson from the
// State Department").
func (a *analysis) headWord(from, to int) string {
	for i := from + 1; i < to; i++ {
		switch a.words[i].Key {
		case "from", "of", "for", "at", "with", "in", "on":
			return a.words[i-1].Key
		}
	}
	return a.words[to-1].Key
}

// lastBefore returns the last actor of type typ mentioned before code point
// offset pos, of sex sex when that is given and the actor's is known.
func (r *speakerResolver) lastBefore(pos int, typ, sex string) *string {
	var id *string
	for k := range r.mentions {
		m := &r.mentions[k]
		if m.start >= pos {
			break
		}
		if m.actor && m.e.Type == typ && !r.a.x.otherSex(m.e, sex) {
			id = &m.e.ID
		}
	}
	return id
}

// pronounSex is the sex a personal pronoun refers to.
var pronounSex = map[string]string{"he": "M", "him": "M", "his": "M", "she": "F", "her": "F", "hers": "F"}

// otherSex reports whether person e is known to be of the other sex than
// sex ("M" or "F"; "" matches anyone): by a title that says it ("Mrs",
// "Lord") or by a given name borne by one sex only.
func (x *Extractor) otherSex(e *Entity, sex string) bool {
	if sex == "" || e.Type != gazetteer.Person {
		return false
	}
	known := titleSex[strings.ToLower(strings.TrimSuffix(firstWord(e.Attributes.Title), "."))]
	if known == "" {
		switch first := strings.ToLower(firstWord(e.Name)); {
		case x.rules.FemaleNames[first]:
			known = "F"
		case x.rules.MaleNames[first]:
			known = "M"
		}
	}
	return known != "" && known != sex
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// titleSex are the titles and forms of address that say whether a person
// is a woman or a man.
var titleSex = map[string]string{
	"mrs": "F", "ms": "F", "miss": "F", "lady": "F", "dame": "F", "baroness": "F", "queen": "F",
	"princess": "F", "duchess": "F", "countess": "F", "madame": "F", "mme": "F", "sister": "F",
	"actress": "F", "chairwoman": "F", "spokeswoman": "F", "businesswoman": "F", "congresswoman": "F",
	"mr": "M", "sir": "M", "lord": "M", "baron": "M", "king": "M", "prince": "M", "duke": "M",
	"monsieur": "M", "spokesman": "M", "businessman": "M", "congressman": "M", "chairman": "M",
}

// lastDescribed finds the last use of the word head before word i that
// says whom it describes: "spokesperson Vedant Patel", "a spokesperson for
// the State Department", "State Department spokesperson".
func (r *speakerResolver) lastDescribed(i int, head string) *string {
	a := r.a
	for k := i - 1; k >= 0; k-- {
		if a.words[k].Key != head {
			continue
		}
		next := k + 1
		if next < len(a.words) {
			switch a.words[next].Key {
			case "for", "from", "of", "at", "with":
				next++
				if next < len(a.words) && a.words[next].Key == "the" {
					next++
				}
			}
		}
		if next < len(a.words) {
			if m := r.mentionAt(a.span(next, next+1).Start, true); m != nil && m.actor {
				return &m.e.ID
			}
		}
		if m := r.mentionAt(a.span(k, k+1).Start, false); m != nil && m.actor {
			return &m.e.ID
		}
		return nil
	}
	return nil
}

// mentionAt returns the mention that starts (or, with !starts, ends just
// before) code point pos.
func (r *speakerResolver) mentionAt(pos int, starts bool) *entityMention {
	for k := range r.mentions {
		m := &r.mentions[k]
		if starts && m.start == pos || !starts && m.end <= pos && m.end >= pos-1 {
			return m
		}
	}
	return nil
}

// lastTitled returns the last person mentioned before pos whose title has
// the word head ("the minister").
func (r *speakerResolver) lastTitled(pos int, head string) *string {
	var id *string
	for k := range r.mentions {
		m := &r.mentions[k]
		if m.start >= pos {
			break
		}
		if m.actor && m.e.Attributes.Title != "" {
			for _, w := range strings.Fields(strings.ToLower(m.e.Attributes.Title)) {
				if w == head {
					id = &m.e.ID
				}
			}
		}
	}
	return id
}
