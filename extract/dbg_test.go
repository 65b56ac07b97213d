package extract

import ("testing";"fmt";"os";"context")

func TestDbg(t *testing.T) {
	x, _ := New(Options{})
	text, _ := os.ReadFile("../testdata/seed-article.txt")
	a := x.analyze(string(text))
	r, _ := x.Extract(context.Background(), Document{Text: string(text), Date: "2023-05-04"})
	f := &meetingFinder{x: x, a: a, r: &r, firstSeen: map[string]int{}, seen: map[string][]int{}}
	f.collectUnits()
	for k, s := range a.sentences {
		if k > 12 && k < 3 { continue }
		if k > 30 {break}
		sent := f.sentence(s[0], s[1])
		line := ""
		for i, tk := range sent.Tokens { 
			for _, an := range sent.Annotations { if an.Start == i { line += "[" } }
			line += tk.Text + "/" + tk.Tag
			for _, an := range sent.Annotations { if an.End == i+1 { line += "]"+an.Type } }
			line += " "
		}
		fmt.Println(k, line)
		for _, m := range x.rules.Match(sent) { fmt.Println("   ", m.Rule.ID, m.Captures) }
	}
}
