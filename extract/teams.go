package extract

import (
	"strings"
	"unicode"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/tokens"
)

// Sports pages name clubs after their towns: in a results table ("Wigan 42
// Bradford Bulls 36", "Falkirk 3 1 1 1 1 1 4") the name before a score is a
// team, an organization, not the town. National sides keep their country
// (news and annotation conventions treat "Australia 2 England 1" as the
// countries), and a name that starts with a given name stays a person
// ("Tiger Woods 70 69 71").

// resultWords are the lower-case words a results line may hold besides
// names and numbers.
var resultWords = map[string]bool{
	"and": true, "at": true, "v": true, "vs": true, "vs.": true, "halftime": true, "half-time": true,
	"not": true, "out": true, "pts": true, "ht": true, "ft": true, "aet": true, "pens": true,
	"beat": true, "bt": true, "drew": true, "draw": true, "lost": true, "to": true, "won": true,
}

// isScore reports whether w is a score, a count or a figure of a table:
// "3", "1-0", "259", ".474", "81-3". Dates ("1996-08-30") are not.
func isScore(w tokens.Word) bool {
	t := w.Text
	if t == "" || strings.Count(t, "-") > 1 || strings.Count(t, "/") > 0 {
		return false
	}
	digits := false
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == '-' || r == '.' || r == ',':
		default:
			return false
		}
	}
	return digits
}

// markTeams finds the results lines of the document and turns the names
// before their scores into teams; other mentions of the same names become
// the team too, except after a preposition of place ("at Leicester").
func (x *Extractor) markTeams(a *analysis, ms []*mention) []*mention {
	n := len(a.words)
	at := make([]int, n) // word -> index of the mention covering it, or -1
	for i := range at {
		at[i] = -1
	}
	for k, m := range ms {
		for i := m.start; i < m.end; i++ {
			at[i] = k
		}
	}
	teams := map[string]bool{}
	var added []*mention
	drop := map[int]bool{}
	for start := 0; start < n; {
		end := start + 1
		for end < n && a.words[end].Break == 0 {
			end++
		}
		for _, r := range x.teamRuns(a, start, end) {
			if k := at[r[0]]; k >= 0 {
				m := ms[k]
				if m.start != r[0] || m.end != r[1] || !x.canBeTeam(a, m) {
					continue
				}
				drop[k] = true
			} else if r[1]-r[0] > 1 && x.rules.GivenNames[a.words[r[0]].Key] {
				continue
			}
			teams[a.nameText(r[0], r[1])] = true
			added = append(added, &mention{start: r[0], end: r[1], typ: gazetteer.Org, strength: fromCue})
		}
		start = end
	}
	// In a sports report, a town beside a verb of the game is its team:
	// "Everton visit Plymouth", "Liverpool travel to Burnley".
	sporty := len(teams) > 0 || a.sportsWords() >= 2
	for _, m := range ms {
		if m.entry != nil && strings.HasPrefix(m.entry.Origin, sportsFile) {
			sporty = true
		}
	}
	a.sports = sporty
	inPlay := map[int]bool{}
	if sporty {
		for k, m := range ms {
			if (x.placeSide(m) || x.givenNameSide(a, m)) && x.canBeTeam(a, m) && a.inPlay(m) {
				inPlay[k] = true
				teams[a.nameText(m.start, m.end)] = true
			}
		}
		// A place listed with a team is one too: "title rivals Essex,
		// Derbyshire and Surrey".
		for changed := true; changed; {
			changed = false
			for k, m := range ms {
				if inPlay[k] || !x.placeSide(m) || !x.canBeTeam(a, m) {
					continue
				}
				for _, j := range []int{k - 1, k + 1} {
					if j < 0 || j >= len(ms) || !teams[a.nameText(ms[j].start, ms[j].end)] {
						continue
					}
					first, second := ms[min(j, k)], ms[max(j, k)]
					if second.start-first.end == 1 && (a.words[first.end].Key == "," || a.words[first.end].Key == "and") {
						inPlay[k], changed = true, true
						teams[a.nameText(m.start, m.end)] = true
						break
					}
				}
			}
		}
	}
	if len(teams) == 0 {
		return ms
	}
	out := make([]*mention, 0, len(ms)+len(added))
	for k, m := range ms {
		switch {
		case drop[k]:
			continue
		case inPlay[k] || teams[a.nameText(m.start, m.end)] && x.canBeTeam(a, m) &&
			!(m.start > 0 && x.rules.PlaceContext[a.words[m.start-1].Key]):
			out = append(out, &mention{start: m.start, end: m.end, typ: gazetteer.Org, strength: fromCue})
		default:
			out = append(out, m)
		}
	}
	return append(out, added...)
}

// sportsFile is where the built-in gazetteer lists clubs, leagues and
// sports bodies; naming one makes a document a sports report.
const sportsFile = "gazetteer/data/sports.yaml"

// Words of the game around a team's name: before it ("beat Leeds",
// "against Leeds", "travel to Leeds") and after it ("Leeds beat", "Leeds
// manager").
var (
	playBefore = map[string]bool{
		"beat": true, "beating": true, "against": true, "v": true, "vs": true, "vs.": true, "versus": true,
		"face": true, "faces": true, "facing": true, "host": true, "hosts": true, "hosted": true,
		"visit": true, "visits": true, "play": true, "plays": true, "played": true, "edged": true,
		"thrashed": true, "defeated": true, "defeat": true, "overcame": true, "eliminated": true,
		"rivals": true, "over": true, "bowling": true, "dismissing": true,
	}
	playBeforeTo = map[string]bool{"travel": true, "travels": true, "lost": true, "lose": true, "loses": true, "go": true, "goes": true, "went": true}
	playAfter    = map[string]bool{
		"beat": true, "beats": true, "drew": true, "draw": true, "lost": true, "lose": true, "won": true,
		"face": true, "faces": true, "host": true, "hosts": true, "visit": true, "visits": true,
		"travel": true, "travels": true, "striker": true, "midfielder": true, "defender": true,
		"goalkeeper": true, "manager": true, "coach": true, "boss": true, "captain": true, "fans": true,
		"supporters": true, "winger": true, "forward": true, "skipper": true, "side": true, "squad": true,
		// the score of a side: "Essex reached 372", "Kent declared on 400"
		"reached": true, "declared": true, "replied": true, "collapsed": true, "slumped": true,
		"trailed": true, "led": true, "finished": true, "scored": true, "recovered": true, "resumed": true,
		"batted": true, "bowled": true,
	}
)

// placeSide reports whether m is a place that may stand for its team.
func (x *Extractor) placeSide(m *mention) bool {
	return (m.entry != nil || m.typ == gazetteer.GPE) && !gazetteer.IsActorType(m.typ)
}

// givenNameSide reports whether m is a lone word the name reader took for a
// person only because it is a given name: beside a verb of the game it is a
// club ("beat Chelsea"), while a player is named by the surname ("beat
// Federer").
func (x *Extractor) givenNameSide(a *analysis, m *mention) bool {
	return m.entry == nil && m.typ == gazetteer.Person && m.end-m.start == 1 && x.givenName(a.words[m.start].Key)
}

// sportsWords counts the distinct words of the game the document uses
// ("innings", "wickets", "midfielder"): two make it a sports report even
// when it names no club the gazetteer knows.
func (a *analysis) sportsWords() int {
	seen := map[string]bool{}
	for _, w := range a.words {
		if gameWords[w.Key] {
			seen[w.Key] = true
		}
	}
	return len(seen)
}

// gameWords are words that news uses of sport and hardly of anything else.
var gameWords = map[string]bool{
	"innings": true, "wicket": true, "wickets": true, "batsman": true, "bowler": true, "goalkeeper": true,
	"midfielder": true, "winger": true, "half-time": true, "halftime": true, "touchdown": true,
	"quarterback": true, "inning": true, "pitcher": true, "fly-half": true, "scrum": true,
	"semi-final": true, "semifinal": true, "quarter-final": true, "quarterfinal": true, "tiebreak": true,
	"tie-break": true, "relegation": true, "fixture": true, "fixtures": true,
}

// inPlay reports whether the words around m are the game's.
func (a *analysis) inPlay(m *mention) bool {
	if p := m.start - 1; p >= 0 {
		k := a.words[p].Key
		if playBefore[k] || k == "to" && p > 0 && playBeforeTo[a.words[p-1].Key] ||
			k == "with" && p > 0 && (a.words[p-1].Key == "drew" || a.words[p-1].Key == "draw") {
			return true
		}
	}
	if m.end < len(a.words) {
		k := a.words[m.end].Key
		if tokens.IsPossessive(k) && m.end+1 < len(a.words) {
			k = a.words[m.end+1].Key
		}
		return playAfter[k]
	}
	return false
}

// canBeTeam reports whether m may name a club: a town, a region or an
// unknown name, not a nation, a person or a known organization.
func (x *Extractor) canBeTeam(a *analysis, m *mention) bool {
	if e := m.entry; e != nil {
		// A place with a demonym is a nation, whose side keeps its name.
		return !gazetteer.IsActorType(e.Type) && len(e.Demonyms) == 0
	}
	if m.typ == gazetteer.Person && m.end-m.start > 1 {
		// Only a guess from the shape of the name gives way.
		return m.strength == fromDefault && !x.rules.GivenNames[a.words[m.start].Key]
	}
	return true
}

// teamRuns returns the runs of capitalized words directly followed by a
// score on the line [start, end), when the line is a results line: names
// and numbers only, with two names before scores or one before three
// figures (a table row).
func (x *Extractor) teamRuns(a *analysis, start, end int) [][2]int {
	var runs [][2]int
	figures := 0
	for i := start; i < end; {
		w := a.words[i]
		switch {
		case isScore(w):
			i++
			continue
		case isCapitalizedWord(w.Text) && !a.capsLine[i]:
			j := i + 1
			for j < end && (isCapitalizedWord(a.words[j].Text) || a.words[j].Hyphen ||
				nameConnectors[a.words[j].Key] && j+1 < end && isCapitalizedWord(a.words[j+1].Text)) {
				j++
			}
			if j < end && isScore(a.words[j]) {
				runs = append(runs, [2]int{i, j})
				k := j
				for k < end && isScore(a.words[k]) {
					k++
				}
				figures = max(figures, k-j)
			}
			i = j
			continue
		case resultWords[w.Key] || !strings.ContainsFunc(w.Text, unicode.IsLetter):
			i++
			continue
		}
		return nil // a word of prose: not a results line
	}
	if len(runs) >= 2 || len(runs) == 1 && figures >= 3 {
		return runs
	}
	return nil
}

func isCapitalizedWord(s string) bool {
	r := firstLetter(s)
	return r != 0 && unicode.IsUpper(r)
}

// nameText is the text of words [i, j) with white space made single spaces.
func (a *analysis) nameText(i, j int) string {
	return strings.Join(strings.Fields(a.text[a.words[i].Start:a.words[j-1].End]), " ")
}
