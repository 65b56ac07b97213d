package rules_test

import (
	"testing"

	"github.com/readout/readout/rules"
)

// TestBuiltinExamples runs every example of every built-in rule.
func TestBuiltinExamples(t *testing.T) {
	s, err := rules.Load(nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rules) == 0 {
		t.Fatal("no built-in pattern rules")
	}
	for _, r := range s.Rules {
		t.Run(r.ID, func(t *testing.T) {
			fails, err := s.TestExamples(r)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fails {
				t.Error(f)
			}
		})
	}
}
