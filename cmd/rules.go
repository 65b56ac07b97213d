package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/readout/readout/rules"
)

func newRulesCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "rules",
		Short: "Check rule files",
	}
	c.AddCommand(&cobra.Command{
		Use:   "validate [FILE|DIR ...]",
		Short: "Check rule files; with no argument, the built-in rules",
		Long: `Validate reads rule files (or folders of .yaml files) and reports every
problem as file:line:col: message. With no argument it checks the built-in
rules. Exit code 0 when all is well, 2 otherwise.`,
		RunE: func(c *cobra.Command, args []string) error {
			s, err := rules.Load(args, len(args) > 0)
			if err != nil {
				return usageError(err)
			}
			fmt.Fprintf(c.OutOrStdout(), "ok: %d titles, %d given names, %d organization words\n",
				len(s.Titles), len(s.GivenNames), len(s.OrgWords))
			return nil
		},
	})
	return c
}
