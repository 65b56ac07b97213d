package eval

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/readout/readout/extract"
)

// GoldSuffix ends the name of a golden file: NAME.gold.json lies beside
// NAME.txt.
const GoldSuffix = ".gold.json"

// Pair is a text and the golden file that describes it, or a JSON Lines
// file of records with gold attached.
type Pair struct {
	// Text is the path of NAME.txt, or of the JSON Lines file.
	Text string
	// Gold is the path of NAME.gold.json; empty for a JSON Lines file.
	Gold string
}

// FindPairs finds NAME.txt + NAME.gold.json pairs and JSON Lines files
// (NAME.jsonl) in the given files and folders; folders are walked
// recursively, hidden entries skipped. A folder contributes every text that
// has a golden file beside it and every JSON Lines file; a file named
// explicitly (either half of a pair) must have its other half. The pairs come
// sorted by text path, each once.
func FindPairs(paths ...string) ([]Pair, error) {
	return findPairs(false, paths)
}

// FindPairsToUpdate is FindPairs for writing golden files: a NAME.txt named
// explicitly may lack its golden file.
func FindPairsToUpdate(paths ...string) ([]Pair, error) {
	return findPairs(true, paths)
}

func findPairs(newGold bool, paths []string) ([]Pair, error) {
	seen := map[string]bool{}
	var pairs []Pair
	add := func(p Pair) {
		if !seen[p.Text] {
			seen[p.Text] = true
			pairs = append(pairs, p)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			p, err := pairOf(root, newGold)
			if err != nil {
				return nil, err
			}
			add(p)
			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && strings.HasSuffix(path, ".jsonl") {
				add(Pair{Text: path})
			}
			if d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return nil
			}
			gold := strings.TrimSuffix(path, ".txt") + GoldSuffix
			if _, err := os.Stat(gold); err == nil {
				add(Pair{Text: path, Gold: gold})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Text < pairs[j].Text })
	return pairs, nil
}

// pairOf completes a pair from one of its files; with newGold the golden
// file of a text may be missing.
func pairOf(path string, newGold bool) (Pair, error) {
	var p Pair
	switch {
	case strings.HasSuffix(path, ".jsonl"):
		return Pair{Text: path}, nil
	case strings.HasSuffix(path, GoldSuffix):
		p = Pair{Text: strings.TrimSuffix(path, GoldSuffix) + ".txt", Gold: path}
	case strings.HasSuffix(path, ".txt"):
		p = Pair{Text: path, Gold: strings.TrimSuffix(path, ".txt") + GoldSuffix}
	default:
		return Pair{}, fmt.Errorf("%s: not a NAME.txt or NAME%s file", path, GoldSuffix)
	}
	for _, f := range []string{p.Text, p.Gold} {
		if _, err := os.Stat(f); err != nil && !(newGold && f == p.Gold && strings.HasSuffix(path, ".txt")) {
			return Pair{}, fmt.Errorf("%s: no matching file: %w", path, err)
		}
	}
	return p, nil
}

// LoadGold reads a golden file. It has the shape of the readout.v1 output;
// fields this package does not know (attributes such as dbpedia, extra
// sections) are ignored, and sections left out decode as empty.
func LoadGold(path string) (extract.Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return extract.Result{}, err
	}
	var r extract.Result
	if err := json.Unmarshal(data, &r); err != nil {
		return extract.Result{}, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}
