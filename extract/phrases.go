package extract

import (
	"strings"

	"github.com/readout/readout/internal/tokens"
)

// phraseSet finds fixed phrases (titles) in words, ignoring case, longest
// first.
type phraseSet struct {
	phrases map[string]string // normalized words joined by spaces -> phrase as listed
	maxLen  map[string]int    // longest phrase in words, by first word
}

func newPhraseSet(list []string) *phraseSet {
	p := &phraseSet{phrases: map[string]string{}, maxLen: map[string]int{}}
	for _, s := range list {
		var keys []string
		for _, w := range tokens.Split(s) {
			if !w.Hyphen {
				keys = append(keys, w.Key)
			}
		}
		if len(keys) == 0 {
			continue
		}
		p.phrases[strings.Join(keys, " ")] = s
		if len(keys) > p.maxLen[keys[0]] {
			p.maxLen[keys[0]] = len(keys)
		}
	}
	return p
}

// longestAt returns the end (exclusive word index) of the longest phrase
// starting at word i, or i when none does. Phrases do not cross a blank line.
func (p *phraseSet) longestAt(words []tokens.Word, i int) int {
	if i >= len(words) {
		return i
	}
	limit := p.maxLen[words[i].Key]
	if limit == 0 {
		return i
	}
	var idx []int
	for j := i; j < len(words) && len(idx) < limit; j++ {
		if j > i && words[j].Break >= 2 {
			break
		}
		if !words[j].Hyphen {
			idx = append(idx, j)
		}
	}
	for n := len(idx); n >= 1; n-- {
		keys := make([]string, n)
		for k := 0; k < n; k++ {
			keys[k] = words[idx[k]].Key
		}
		if _, ok := p.phrases[strings.Join(keys, " ")]; ok {
			return idx[n-1] + 1
		}
	}
	return i
}

// endingAt returns the start of the longest phrase that ends just before
// word end (exclusive), or end when none does.
func (p *phraseSet) endingAt(words []tokens.Word, end int) int {
	best := end
	for start := end - 1; start >= 0 && end-start <= 6; start-- {
		if p.longestAt(words, start) == end {
			best = start
		}
	}
	return best
}
