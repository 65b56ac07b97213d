package gazetteer

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/readout/readout/internal/tokens"
)

// Kind says which list of an entry a match came from.
type Kind uint8

// Kinds of matches, in the order they are preferred when two lists of
// different entries give the same words.
const (
	// KindName is the entry's name or one of its aliases.
	KindName Kind = iota
	// KindQualified is a qualified name beside its country ("Armenia's
	// Foreign Ministry"), or a name with its country before it.
	KindQualified
	// KindShort is a short form; it counts only where the full name is in
	// the same document.
	KindShort
	// KindDemonym is a place's adjective; never a mention by itself.
	KindDemonym
)

// Match is a run of words that names a gazetteer entry.
type Match struct {
	// Start and End index the words, End exclusive.
	Start, End int
	Entry      *Entry
	Kind       Kind
	// Qualifier is the country entry that qualified an organization's name
	// ("Armenia" in "Armenia's Foreign Ministry"), or nil.
	Qualifier *Entry
}

// name is one way of writing an entry, as the index holds it.
type name struct {
	entry int32 // the entry's place in Gazetteer.entries
	kind  Kind
	// words are the words as written in the gazetteer, hyphens left out,
	// joined by spaces: one string is less to load than a list.
	words string
}

// size is the number of words of the name.
func (n *name) size() int { return strings.Count(n.words, " ") + 1 }

// Gazetteer is a merged set of entries with an index of their names. It is
// immutable once built and safe for concurrent use.
type Gazetteer struct {
	entries []Entry
	// lazy, for a gazetteer read from a snapshot, decodes an entry the first
	// time it is needed (see entry); nil when every entry is there.
	lazy *lazyEntries
	// byID is built on first use: matching never needs it.
	byID func() map[string]*Entry
	// index holds every name, sorted by key (normalized words joined by
	// spaces), names of one key in the order they were added, and the
	// first words of the keys.
	index nameIndex
}

// indexed is a name under its key.
type indexed struct {
	key string
	name
}

// New indexes entries. Entries later in the list replace earlier ones with
// the same id (see Merge).
func New(entries []Entry) *Gazetteer {
	entries = Merge(entries)
	g := &Gazetteer{entries: entries}
	index := make([]indexed, 0, len(entries)*3)
	for i := range entries {
		e := &g.entries[i]
		add := func(kind Kind, s string) {
			if words, key, _ := nameWords(s); len(words) > 0 {
				index = append(index, indexed{key: key, name: name{entry: int32(i), kind: kind, words: strings.Join(words, " ")}})
			}
		}
		for _, s := range append([]string{e.Name}, e.Aliases...) {
			add(KindName, s)
		}
		for _, s := range e.QualifiedNames {
			add(KindQualified, s)
		}
		for _, s := range e.Demonyms {
			add(KindDemonym, s)
		}
		for _, s := range e.shortForms() {
			add(KindShort, s)
		}
	}
	sort.SliceStable(index, func(i, j int) bool { return index[i].key < index[j].key })
	g.index = newNameIndex(dedupe(index))
	g.byID = g.idLookup()
	return g
}

// dedupe drops the names indexed already as well or better: the same entry
// and words under the same key, with a kind as good.
func dedupe(index []indexed) []indexed {
	out := index[:0]
	group := 0 // where the current key's names start in out
	for _, n := range index {
		if len(out) > 0 && out[len(out)-1].key != n.key {
			group = len(out)
		}
		dup := false
		for _, o := range out[group:] {
			if o.entry == n.entry && o.kind <= n.kind && o.words == n.words {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, n)
		}
	}
	return out
}

// idLookup returns the function that builds the id lookup on first use.
func (g *Gazetteer) idLookup() func() map[string]*Entry {
	return sync.OnceValue(func() map[string]*Entry {
		entries := g.Entries()
		byID := make(map[string]*Entry, len(entries))
		for i := range entries {
			byID[entries[i].ID] = &entries[i]
		}
		return byID
	})
}

// shortForms are the listed short names and, for people, the last word of
// each multi-word name.
func (e *Entry) shortForms() []string {
	out := append([]string(nil), e.ShortNames...)
	if e.Type != Person {
		return out
	}
	for _, s := range append([]string{e.Name}, e.Aliases...) {
		fields := strings.Fields(s)
		for len(fields) > 1 && isGenerational(fields[len(fields)-1]) {
			fields = fields[:len(fields)-1]
		}
		if len(fields) >= 2 {
			out = append(out, fields[len(fields)-1])
		}
	}
	return out
}

// isGenerational reports whether s is a generational suffix or a regnal
// number ("Jr.", "III", "XIV"), never a short form: "Charles III" has none.
func isGenerational(s string) bool {
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	if s == "jr" || s == "sr" {
		return true
	}
	return s != "" && strings.Trim(s, "ivx") == ""
}

// nameWords splits a name into the words it is matched on, and gives the
// index key (their keys joined by spaces) and the key of the first word.
func nameWords(s string) (words []string, key, first string) {
	if tokens.IsLetters(s) {
		// Most names: the words are the fields, and the key of the whole
		// is the keys of the words joined, as Normalize maps rune by rune.
		words = strings.Fields(s)
		key = tokens.Normalize(s)
		first, _, _ = strings.Cut(key, " ")
		return words, key, first
	}
	var keys []string
	for _, w := range tokens.Split(s) {
		if w.Hyphen {
			continue
		}
		words = append(words, w.Text)
		keys = append(keys, w.Key)
	}
	if len(keys) == 0 {
		return nil, "", ""
	}
	return words, strings.Join(keys, " "), keys[0]
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entries returns every entry, in load order.
func (g *Gazetteer) Entries() []Entry {
	if g.lazy != nil {
		for i := range g.entries {
			g.entry(int32(i))
		}
	}
	return g.entries
}

// entry returns entry i, decoding it first if need be.
func (g *Gazetteer) entry(i int32) *Entry {
	e := &g.entries[i]
	if g.lazy != nil {
		g.lazy.once[i].Do(func() { g.lazy.decode(i, e) })
	}
	return e
}

// Entry returns the entry with the given id, or nil.
func (g *Gazetteer) Entry(id string) *Entry { return g.byID()[id] }

// Lookup returns the entries one of whose names (of any kind) is s, compared
// without regard to case, with the kind of name that matched.
func (g *Gazetteer) Lookup(s string) []Match {
	var keys []string
	for _, w := range tokens.Split(s) {
		if !w.Hyphen {
			keys = append(keys, w.Key)
		}
	}
	var out []Match
	lo, hi := g.index.find(strings.Join(keys, " "))
	for k := lo; k < hi; k++ {
		n := g.index.name(k)
		m := Match{Entry: g.entry(n.entry), Kind: n.kind, End: len(keys)}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// Match finds the gazetteer names in words, left to right, longest first.
// Qualified names are returned only with their country; short names and
// demonyms are returned for the caller to use or drop.
func (g *Gazetteer) Match(words []tokens.Word) []Match {
	var out []Match
	for i := 0; i < len(words); {
		m, ok := g.matchAt(words, i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

// matchAt finds the best match starting at word i, combining a country with
// an organization of that country that follows it ("Armenia's Foreign
// Ministry", "US State Department") or precedes it ("Ministry of Foreign
// Affairs of Armenia").
func (g *Gazetteer) matchAt(words []tokens.Word, i int) (Match, bool) {
	m, ok := g.longestAt(words, i, nil)
	if !ok {
		return m, false
	}
	if code := countryCode(m); code != "" && m.Kind != KindShort {
		j := m.End
		possessive := j < len(words) && tokens.IsPossessive(words[j].Key) && words[j].Break == 0
		if possessive {
			j++
		}
		org, ok := g.longestAt(words, j, func(n name) bool {
			e := g.entry(n.entry)
			return e.Type == Org && e.Attributes.Country == code &&
				(n.kind == KindQualified || (n.kind == KindName && !possessive))
		})
		if ok && (j == m.End || words[j].Break == 0) {
			return Match{Start: i, End: org.End, Entry: org.Entry, Kind: KindQualified, Qualifier: m.Entry}, true
		}
	}
	if m.Kind == KindQualified {
		// Only "<name> of [the] <country>" completes a qualified name here.
		j := m.End
		if j < len(words) && words[j].Key == "of" {
			j++
			if j < len(words) && words[j].Key == "the" {
				j++
			}
			c, ok := g.longestAt(words, j, func(n name) bool { return n.kind == KindName })
			if ok && countryCode(c) == m.Entry.Attributes.Country {
				return Match{Start: i, End: c.End, Entry: m.Entry, Kind: KindQualified, Qualifier: c.Entry}, true
			}
		}
		// A qualified name alone is not a mention; look for a shorter name.
		return g.longestAt(words, i, func(n name) bool { return n.kind != KindQualified })
	}
	return m, true
}

// countryCode is the ISO code of a country named or implied by m (the
// country's name or demonym), or "".
func countryCode(m Match) string {
	e := m.Entry
	if e.Type != GPE || e.Attributes.Capital == "" || (m.Kind != KindName && m.Kind != KindDemonym) {
		return ""
	}
	return e.Attributes.Country
}

// longestAt returns the longest name starting at word i that keep accepts
// (nil accepts all) and that is written compatibly with the gazetteer's form.
func (g *Gazetteer) longestAt(words []tokens.Word, i int, keep func(name) bool) (Match, bool) {
	if i >= len(words) || words[i].Hyphen || !startsName(words, i) {
		return Match{}, false
	}
	limit := g.index.maxLen(words[i].Key)
	if limit == 0 {
		return Match{}, false
	}
	// Collect the word indexes of up to limit name words from i.
	idx := make([]int, 0, limit)
	for j := i; j < len(words) && len(idx) < limit; j++ {
		if j > i && words[j].Break >= 2 {
			break
		}
		if words[j].Hyphen {
			continue
		}
		idx = append(idx, j)
	}
	var key strings.Builder
	for n := len(idx); n >= 1; n-- {
		key.Reset()
		for k := 0; k < n; k++ {
			if k > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(words[idx[k]].Key)
		}
		end := idx[n-1] + 1
		if !endsName(words, end) {
			continue
		}
		var best name
		found := false
		lo, hi := g.index.find(key.String())
		for c := lo; c < hi; c++ {
			cand := g.index.name(c)
			if keep != nil && !keep(cand) {
				continue
			}
			if !writtenAs(words, idx[:n], cand.words) {
				continue
			}
			if !found || cand.kind < best.kind {
				best, found = cand, true
			}
		}
		if found {
			return Match{Start: i, End: end, Entry: g.entry(best.entry), Kind: best.kind}, true
		}
	}
	return Match{}, false
}

// startsName reports whether a name may start at word i: not in the middle
// of a hyphenated token unless the piece before is itself capitalized
// ("Armenia-Azerbaijan", but not the "US" of "US-mediated" read backwards).
func startsName(words []tokens.Word, i int) bool {
	if !words[i].Piece || i < 2 || !words[i-1].Hyphen || words[i-1].End != words[i].Start {
		return true
	}
	return tokens.IsCapitalized(words[i-2].Text)
}

// endsName reports whether a name may end before word end: not inside a
// hyphenated token unless the piece after is capitalized.
func endsName(words []tokens.Word, end int) bool {
	if end >= len(words) || !words[end].Hyphen || words[end].Start != words[end-1].End {
		return true
	}
	return end+1 < len(words) && tokens.IsCapitalized(words[end+1].Text)
}

// writtenAs reports whether the text words are an acceptable writing of the
// gazetteer's words: an acronym only in capitals ("US", never "us"), a
// capitalized word capitalized or in capitals, a lower-case word in any case.
// forms are the gazetteer's words joined by spaces.
func writtenAs(words []tokens.Word, idx []int, forms string) bool {
	if len(idx) != strings.Count(forms, " ")+1 {
		return false
	}
	for _, j := range idx {
		var f string
		f, forms, _ = strings.Cut(forms, " ")
		t := words[j].Text
		switch {
		case tokens.IsUpper(f):
			if tokens.Normalize(t) != tokens.Normalize(f) || !tokens.IsUpper(t) {
				return false
			}
		case tokens.IsCapitalized(f):
			if !tokens.IsCapitalized(t) {
				return false
			}
		}
	}
	return true
}
