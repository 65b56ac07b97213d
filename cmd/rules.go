package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/readout/readout/internal/yamlfile"
	"github.com/readout/readout/rules"
)

func newRulesCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "rules",
		Short: "Check rule files and run the examples they carry",
	}
	c.AddCommand(&cobra.Command{
		Use:   "validate [FILE|DIR ...]",
		Short: "Check rule files; with no argument, the built-in rules",
		Long: `Validate reads rule files (or folders of .yaml files) and reports every
problem as file:line:col: message, followed by the offending line. With no
argument it checks the built-in rules. Exit code 0 when all is well, 2
otherwise.`,
		RunE: func(c *cobra.Command, args []string) error {
			s, err := rules.Load(args, len(args) > 0)
			if err != nil {
				return usageError(err)
			}
			fmt.Fprintf(c.OutOrStdout(), "ok: %d titles, %d given names, %d organization words, %d pattern rules\n",
				len(s.Titles), len(s.GivenNames), len(s.OrgWords), len(s.Rules))
			return nil
		},
	})
	c.AddCommand(&cobra.Command{
		Use:   "test [FILE|DIR ...]",
		Short: "Run the examples of the pattern rules in rule files; with no argument, the built-in ones",
		Long: `Test runs every match: and no_match: example of the pattern rules in the
given files (or folders), together with the built-in rules, as extraction
would run them: a built-in rule may win over yours or block it. Each failing
example is reported as file:line:col: rule ID: what went wrong, followed by
the example. Exit code 0 when every example passes, 1 when one fails, 2 for
a bad file.`,
		RunE: func(c *cobra.Command, args []string) error {
			s, err := rules.Load(args, false)
			if err != nil {
				return usageError(err)
			}
			mine := map[string]bool{}
			for _, arg := range args {
				paths, err := yamlfile.Paths(arg)
				if err != nil {
					return usageError(err)
				}
				for _, p := range paths {
					mine[p] = true
				}
			}
			ruleCount, examples, failed := 0, 0, 0
			for _, r := range s.Rules {
				if len(args) > 0 && !mine[r.File] {
					continue
				}
				ruleCount++
				examples += len(r.Spec.Match) + len(r.Spec.NoMatch)
				fails, err := s.TestExamples(r)
				if err != nil {
					return err
				}
				for _, f := range fails {
					fmt.Fprintln(c.ErrOrStderr(), f.Error())
				}
				failed += len(fails)
			}
			if failed > 0 {
				fmt.Fprintf(c.OutOrStdout(), "FAIL: %d of %d examples of %d rules\n", failed, examples, ruleCount)
				return failedError(errReported)
			}
			fmt.Fprintf(c.OutOrStdout(), "ok: %d examples of %d rules\n", examples, ruleCount)
			return nil
		},
	})
	return c
}
