package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/tokens"
)

// entityBuilder gathers the mentions of one entity.
type entityBuilder struct {
	entry    *gazetteer.Entry
	mentions []*mention
	typ      string
	strength int
	key      string
}

// corporateSuffixes are left out when comparing organization names, so
// "Apple Inc." and "Apple" are one company.
var corporateSuffixes = map[string]bool{
	"inc": true, "inc.": true, "corp": true, "corp.": true, "co": true, "co.": true, "ltd": true, "ltd.": true,
	"plc": true, "llc": true, "ag": true, "sa": true, "s.a.": true, "spa": true, "nv": true, "n.v.": true,
	"gmbh": true, "group": true, "corporation": true, "company": true, "holdings": true, "the": true,
}

// entities groups the document's mentions into entities and renders them.
func (a *analysis) entities(x *Extractor) []Entity {
	ms := x.candidates(a)
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	ms = x.markTeams(a, ms)
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	x.attach(a, ms)
	x.linkAcronyms(a, ms)
	builders := x.surnamesOverPlaces(a, x.group(a, ms))
	x.propagate(a, builders)
	return a.render(x, builders)
}

// attach gives people their titles and affiliations from the words before
// them: "Armenian Foreign Minister Ararat Mirzoyan", "US State Department
// deputy spokesperson Vedant Patel", "Armenia's Prime Minister".
func (x *Extractor) attach(a *analysis, ms []*mention) {
	defer x.attachAppositives(a, ms)
	for _, m := range ms {
		if m.typ != gazetteer.Person {
			continue
		}
		i := m.start
		t := x.titleBefore(a, i)
		// A title set off by commas: "the party leader, Michael Howard,
		// said".
		if t == i && i > 1 && a.words[i-1].Key == "," && m.end < len(a.words) && a.words[m.end].Key == "," {
			if tc := x.titleBefore(a, i-1); tc < i-1 {
				m.title = a.text[a.words[tc].Start:a.words[i-2].End]
				t, i = tc, i-1
			}
		}
		if t < i {
			if !formsOfAddress[strings.TrimSuffix(a.words[t].Key, ".")] || i-t > 2 {
				m.title = a.text[a.words[t].Start:a.words[i-1].End]
			}
			i = t
		}
		if i > 0 && tokens.IsPossessive(a.words[i-1].Key) {
			i--
		}
		if i == 0 {
			continue
		}
		if k := a.gazAt[i-1]; k >= 0 && a.gaz[k].End == i {
			g := a.gaz[k]
			if g.Entry.Type != gazetteer.Person && (g.Kind != gazetteer.KindShort) {
				if t < m.start || g.Kind == gazetteer.KindDemonym || g.Entry.Type == gazetteer.Org {
					m.affiliation = g.Entry
				}
			}
			continue
		}
		if t < m.start {
			// An organization not in the gazetteer: "Bundesbank President".
			for _, o := range ms {
				if o.end == i && o.typ == gazetteer.Org {
					m.affiliationText = a.text[a.words[o.start].Start:a.words[o.end-1].End]
				}
			}
		}
	}
}

// affiliationLinks join a title to the organization or place it belongs
// to: "economist at ING", "spokesman for the ministry".
var affiliationLinks = map[string]bool{"at": true, "of": true, "for": true, "with": true, "from": true, "in": true}

// attachAppositives gives a person without a title the one that follows
// the name between commas: "Sofie Janssens, senior euro zone economist at
// ING, said"; "Tom Smith, a spokesman for the Foreign Ministry".
func (x *Extractor) attachAppositives(a *analysis, ms []*mention) {
	byStart := make(map[int]*mention, len(ms))
	for _, m := range ms {
		byStart[m.start] = m
	}
	n := len(a.words)
	for _, m := range ms {
		if m.typ != gazetteer.Person || m.title != "" || m.end+1 >= n || a.words[m.end].Key != "," {
			continue
		}
		j := m.end + 1
		switch a.words[j].Key {
		case "a", "an", "the":
			j++
		}
		// The title may follow its organization's possessive: "ING's chief
		// economist".
		var owner *mention
		if o := byStart[j]; o != nil && o.typ != gazetteer.Person && o.end < n && tokens.IsPossessive(a.words[o.end].Key) {
			owner = o
			j = o.end + 1
		}
		for k := j; k < n && k < j+6; k++ {
			w := a.words[k]
			if w.Key == "," || strings.HasPrefix(a.tags[k], "VB") || a.sentenceStart[k] {
				break
			}
			t := x.titles.longestAt(a.words, k)
			if t == k {
				continue
			}
			// The longest title ending here: "chief economist", not "chief".
			for t < n && t < k+6 {
				if e := x.titles.longestAt(a.words, t); e > t {
					t = e
					continue
				}
				break
			}
			m.title = strings.Join(strings.Fields(a.text[a.words[j].Start:a.words[t-1].End]), " ")
			if owner == nil && t+1 < n && affiliationLinks[a.words[t].Key] {
				p := t + 1
				if a.words[p].Key == "the" && p+1 < n {
					p++
				}
				if o := byStart[p]; o != nil && o.typ != gazetteer.Person {
					owner = o
				}
			}
			if owner != nil {
				if owner.entry != nil {
					m.affiliation = owner.entry
				} else {
					m.affiliationText = a.text[a.words[owner.start].Start:a.words[owner.end-1].End]
				}
			}
			break
		}
	}
}

// formsOfAddress are titles that tell no office: "Mr Howard" gives Michael
// Howard no title.
var formsOfAddress = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "messrs": true}

// titleBefore returns where the title (with modifiers) that ends just before
// word i starts, or i.
func (x *Extractor) titleBefore(a *analysis, i int) int {
	t := x.titles.endingAt(a.words, i)
	if t == i {
		return i
	}
	for {
		// Titles run together: "Deputy Prime Minister", "State Minister".
		if p := x.titles.endingAt(a.words, t); p < t {
			t = p
			continue
		}
		if t > 0 && x.rules.TitleModifiers[a.words[t-1].Key] {
			t--
			continue
		}
		break
	}
	return t
}

// linkAcronyms ties an acronym in parentheses to the name before it:
// "the International Monetary Fund (IMF)".
func (x *Extractor) linkAcronyms(a *analysis, ms []*mention) {
	for k := 1; k < len(ms); k++ {
		m, prev := ms[k], ms[k-1]
		if m.end-m.start != 1 || !tokens.IsUpper(a.words[m.start].Text) || m.start < 1 || a.words[m.start-1].Key != "(" || prev.end != m.start-1 {
			continue
		}
		if prev.end-prev.start < 2 {
			continue
		}
		m.acronymOf = prev
	}
}

// group puts mentions of one entity together: one gazetteer entry; the same
// name; a surname after the full name; an acronym of a name.
func (x *Extractor) group(a *analysis, ms []*mention) []*entityBuilder {
	var builders []*entityBuilder
	byKey := map[string]*entityBuilder{}
	add := func(m *mention, b *entityBuilder) {
		b.mentions = append(b.mentions, m)
		m.entity = b
		if m.strength > b.strength || (m.strength == b.strength && b.typ == "") {
			b.typ, b.strength = m.typ, m.strength
		}
	}
	newBuilder := func(key string, e *gazetteer.Entry) *entityBuilder {
		b := &entityBuilder{entry: e, key: key}
		builders = append(builders, b)
		byKey[key] = b
		return b
	}
	// Gazetteer entities first, then names with several words (which
	// short forms refer to), then single words.
	var single []*mention
	for _, m := range ms {
		if m.entry != nil {
			key := "id:" + m.entry.ID
			b := byKey[key]
			if b == nil {
				b = newBuilder(key, m.entry)
			}
			add(m, b)
		}
	}
	// Longer names first, so that "Le Maire" finds "Bruno Le Maire".
	multi := make([]*mention, 0, len(ms))
	for _, m := range ms {
		if m.entry != nil {
			continue
		}
		if m.end-m.start == 1 {
			single = append(single, m)
			continue
		}
		multi = append(multi, m)
	}
	sort.SliceStable(multi, func(i, j int) bool { return multi[i].end-multi[i].start > multi[j].end-multi[j].start })
	for _, m := range multi {
		key := a.nameKey(m)
		b := byKey[key]
		if b == nil && m.typ == gazetteer.Person {
			b = a.personEndingWith(m, builders)
		}
		if b == nil {
			b = newBuilder(key, nil)
		}
		add(m, b)
	}
	for _, m := range single {
		if m.acronymOf != nil && m.acronymOf.entity != nil {
			add(m, m.acronymOf.entity)
			byKey[a.nameKey(m)] = m.acronymOf.entity
			continue
		}
		key := a.nameKey(m)
		if b := byKey[key]; b != nil {
			if m.tentative {
				m.typ, m.strength = b.typ, b.strength
			}
			add(m, b)
			continue
		}
		if b := a.shortFormOf(m, builders); b != nil {
			// A short form takes the type of the full name: "Zidane" after
			// "Zinedine Zidane" is the person whatever the recognizer says.
			m.typ, m.strength = b.typ, b.strength
			add(m, b)
			byKey[key] = b
			continue
		}
		if m.tentative {
			continue // a capitalized word and nothing more
		}
		add(m, newBuilder(key, nil))
	}
	return builders
}

// surnamesOverPlaces gives a one-word place mention to the person whose
// surname it is when the document names that person in full ("Washington"
// after "Denzel Washington"), unless a preposition of place comes before
// it ("in Washington").
func (x *Extractor) surnamesOverPlaces(a *analysis, builders []*entityBuilder) []*entityBuilder {
	surnameOf := map[string]*entityBuilder{}
	for _, b := range builders {
		if b.typ != gazetteer.Person {
			continue
		}
		for _, m := range b.mentions {
			if m.end-m.start < 2 {
				continue
			}
			key := a.words[m.end-1].Key
			if p, ok := surnameOf[key]; ok && p != b {
				surnameOf[key] = nil // two people share it
				continue
			}
			surnameOf[key] = b
		}
	}
	out := builders[:0]
	for _, b := range builders {
		if b.entry != nil && !gazetteer.IsActorType(b.typ) {
			kept := b.mentions[:0]
			for _, m := range b.mentions {
				if p := surnameOf[a.words[m.start].Key]; p != nil && m.end-m.start == 1 &&
					!(m.start > 0 && x.rules.PlaceContext[a.words[m.start-1].Key]) {
					m.typ, m.entity = gazetteer.Person, p
					p.mentions = append(p.mentions, m)
					continue
				}
				kept = append(kept, m)
			}
			b.mentions = kept
			if len(kept) == 0 {
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// nameKey is how a name not in the gazetteer is compared with others: its
// words, lower case, without corporate suffixes or a leading "the".
func (a *analysis) nameKey(m *mention) string {
	var keys []string
	for k := m.start; k < m.end; k++ {
		if a.words[k].Hyphen {
			continue
		}
		keys = append(keys, a.words[k].Key)
	}
	for len(keys) > 1 && corporateSuffixes[keys[len(keys)-1]] {
		keys = keys[:len(keys)-1]
	}
	for len(keys) > 1 && keys[0] == "the" {
		keys = keys[1:]
	}
	return strings.Join(keys, " ")
}

// personEndingWith finds the one person whose fuller name ends with the
// words of m: "Le Maire" after "Bruno Le Maire".
func (a *analysis) personEndingWith(m *mention, builders []*entityBuilder) *entityBuilder {
	key := " " + a.nameKey(m)
	var found *entityBuilder
	for _, b := range builders {
		if b.typ != gazetteer.Person {
			continue
		}
		for _, o := range b.mentions {
			if o.end-o.start > m.end-m.start && strings.HasSuffix(a.nameKey(o), key) {
				if found != nil && found != b {
					return nil
				}
				found = b
			}
		}
	}
	return found
}

// shortFormOf finds the one entity whose longer name the single word m
// abbreviates: a person's surname or first name, an organization's first
// word or initials.
func (a *analysis) shortFormOf(m *mention, builders []*entityBuilder) *entityBuilder {
	w := a.words[m.start]
	var found *entityBuilder
	for _, b := range builders {
		if b.matchesShort(a, w) {
			if found != nil && found != b {
				return nil // ambiguous: two Smiths
			}
			found = b
		}
	}
	return found
}

func (b *entityBuilder) matchesShort(a *analysis, w tokens.Word) bool {
	if b.entry != nil && b.entry.Type != gazetteer.Person {
		return false // the gazetteer lists every name of its places and organizations
	}
	acronym := tokens.IsUpper(w.Text)
	for _, o := range b.mentions {
		if o.end-o.start < 2 {
			continue
		}
		var words []tokens.Word
		for k := o.start; k < o.end; k++ {
			if !a.words[k].Hyphen {
				words = append(words, a.words[k])
			}
		}
		switch {
		case acronym && b.typ != gazetteer.Person:
			var initials strings.Builder
			for _, x := range words {
				if r := firstLetter(x.Text); r != 0 && unicode.IsUpper(r) {
					initials.WriteRune(r)
				}
			}
			if initials.String() == strings.ReplaceAll(w.Text, ".", "") {
				return true
			}
		case b.typ == gazetteer.Person:
			if words[len(words)-1].Key == w.Key || words[0].Key == w.Key {
				return true
			}
		case b.typ == gazetteer.Org:
			if words[0].Key == w.Key && len(words) == 2 && corporateSuffixes[words[1].Key] {
				return true
			}
		case b.typ == gazetteer.Location:
			// A natural place without its kind: "the Indus" for the Indus
			// River.
			if words[0].Key == w.Key && len(words) == 2 && a.placeWord(words[1].Key) {
				return true
			}
		}
	}
	return false
}

// propagate finds further mentions of the document's entities where the
// first reading passed them over: a name at the start of a sentence or in a
// headline in capitals.
func (x *Extractor) propagate(a *analysis, builders []*entityBuilder) {
	covered := make([]bool, len(a.words))
	names := map[string]*entityBuilder{}
	maxLen := 0
	for _, b := range builders {
		for _, m := range b.mentions {
			for k := m.start; k < m.end; k++ {
				covered[k] = true
			}
			if b.entry != nil {
				continue // the gazetteer already found every writing
			}
			keys := []string{a.nameKey(m)}
			if b.typ == gazetteer.Person && m.end-m.start > 1 {
				keys = append(keys, a.words[m.end-1].Key) // the surname
			}
			for _, key := range keys {
				if prev, ok := names[key]; ok && prev != b {
					names[key] = nil // two entities share it: leave it alone
					continue
				}
				names[key] = b
			}
			maxLen = max(maxLen, m.end-m.start)
		}
	}
	for i := 0; i < len(a.words); i++ {
		if covered[i] {
			continue
		}
		for n := min(maxLen, len(a.words)-i); n >= 1; n-- {
			if covered[i+n-1] {
				continue
			}
			m := &mention{start: i, end: i + n}
			b := names[a.nameKey(m)]
			if b == nil || !a.isNameWord(i) || !a.isNameWord(i+n-1) || !a.writtenAsName(i, i+n) ||
				n == 1 && x.rules.NotNames[a.words[i].Key] && usedAsDate(a, i) {
				continue
			}
			m.typ, m.strength, m.entity = b.typ, fromDefault, b
			b.mentions = append(b.mentions, m)
			i += n - 1
			break
		}
	}
}

// writtenAsName reports whether [i, j) is capitalized like a name.
func (a *analysis) writtenAsName(i, j int) bool {
	for k := i; k < j; k++ {
		w := a.words[k]
		if w.Hyphen || nameConnectors[w.Key] {
			continue
		}
		if !tokens.IsCapitalized(w.Text) {
			return false
		}
	}
	return true
}

// render turns the grouped mentions into output entities, sorted by first
// mention, with unique ids.
func (a *analysis) render(x *Extractor, builders []*entityBuilder) []Entity {
	for _, b := range builders {
		sort.Slice(b.mentions, func(i, j int) bool { return b.mentions[i].start < b.mentions[j].start })
	}
	sort.SliceStable(builders, func(i, j int) bool { return builders[i].mentions[0].start < builders[j].mentions[0].start })
	ids := map[string]bool{}
	for _, b := range builders {
		if b.entry != nil {
			ids[b.entry.ID] = true
		}
	}
	out := make([]Entity, 0, len(builders))
	for _, b := range builders {
		e := Entity{Type: b.typ, Source: "model"}
		if b.entry != nil {
			e.ID, e.Name, e.Type, e.Source = b.entry.ID, b.entry.Name, b.entry.Type, "gazetteer"
			e.Attributes = fromGazetteer(b.entry.Attributes)
		} else {
			e.Name = a.bestName(b)
			e.ID = uniqueID(slug(e.Name), ids)
		}
		for _, m := range b.mentions {
			e.Mentions = append(e.Mentions, a.span(m.start, m.end))
		}
		out = append(out, e)
	}
	// Attributes from the text: the first title and affiliation given.
	for k, b := range builders {
		for _, m := range b.mentions {
			if m.title != "" && out[k].Attributes.Title == "" || m.title != "" && b.entry != nil && !titledByText(b, m) {
				out[k].Attributes.Title = m.title
			}
			switch {
			case m.affiliation != nil:
				out[k].Attributes.Affiliation = m.affiliation.ID
			case m.affiliationText != "" && out[k].Attributes.Affiliation == "":
				out[k].Attributes.Affiliation = slug(m.affiliationText)
			}
		}
	}
	return out
}

// titledByText reports whether an earlier mention of b already gave a title.
func titledByText(b *entityBuilder, upTo *mention) bool {
	for _, m := range b.mentions {
		if m == upTo {
			return false
		}
		if m.title != "" {
			return true
		}
	}
	return false
}

// bestName is the fullest way the text writes the entity: the mention with
// the most words, the first of those.
func (a *analysis) bestName(b *entityBuilder) string {
	best := b.mentions[0]
	for _, m := range b.mentions[1:] {
		if m.end-m.start > best.end-best.start && m.acronymOf == nil {
			best = m
		}
	}
	return a.nameText(best.start, best.end) // one space where a line broke the name
}

func fromGazetteer(g gazetteer.Attributes) Attributes {
	return Attributes{Title: g.Title, Affiliation: g.Affiliation, Country: g.Country, Capital: g.Capital,
		PartOf: g.PartOf, Lat: g.Lat, Lon: g.Lon, Wikidata: g.Wikidata}
}

// slug makes an id of a name: lower-case ASCII letters and digits joined by
// hyphens; letters with accents lose them where Unicode says how.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		r = foldAccent(r)
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		if r == '\'' || r == '\u2019' || r == '.' {
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "entity"
	}
	return b.String()
}

func uniqueID(id string, taken map[string]bool) string {
	candidate := id
	for n := 2; taken[candidate]; n++ {
		candidate = id + "-" + itoa(n)
	}
	taken[candidate] = true
	return candidate
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
