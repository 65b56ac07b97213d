package cmd

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/readout/readout/extract"
	"github.com/readout/readout/gazetteer"
)

func newGazetteerCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "gazetteer",
		Short: "Inspect and check gazetteer files",
	}
	c.AddCommand(newGazetteerValidateCmd(), newGazetteerLookupCmd())
	return c
}

func newGazetteerValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate [FILE|DIR ...]",
		Short: "Check gazetteer files; with no argument, the built-in gazetteer",
		Long: `Validate reads gazetteer files (or folders of .yaml files) and reports every
problem as file:line:col: message. With no argument it checks the built-in
gazetteer. Exit code 0 when all is well, 2 otherwise.`,
		RunE: func(c *cobra.Command, args []string) error {
			var layers [][]gazetteer.Entry
			if len(args) == 0 {
				b, err := gazetteer.ParseBuiltin()
				if err != nil {
					return usageError(err)
				}
				layers = append(layers, b)
			}
			for _, p := range args {
				entries, err := gazetteer.LoadPath(p)
				if err != nil {
					return usageError(err)
				}
				layers = append(layers, entries)
			}
			g := gazetteer.New(gazetteer.Merge(layers...))
			fmt.Fprintf(c.OutOrStdout(), "ok: %d entries\n", g.Len())
			return nil
		},
	}
}

func newGazetteerLookupCmd() *cobra.Command {
	var paths []string
	var noBuiltin bool
	c := &cobra.Command{
		Use:   "lookup NAME",
		Short: "Show the gazetteer entries a name refers to",
		Long: `Lookup prints, as JSON Lines, every gazetteer entry that NAME is a name,
alias, short form, qualified name or demonym of (case is ignored). Exit code
1 when nothing matches.`,
		Example: `  readout gazetteer lookup Pashinyan
  readout gazetteer lookup "Berdzor corridor"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			g, err := extract.LoadGazetteer(paths, noBuiltin)
			if err != nil {
				return usageError(err)
			}
			matches := g.Lookup(args[0])
			if len(matches) == 0 {
				return failedError(fmt.Errorf("no gazetteer entry is called %q", args[0]))
			}
			enc := json.NewEncoder(c.OutOrStdout())
			for _, m := range matches {
				if err := enc.Encode(lookupResult{Match: kindName(m.Kind), Entry: m.Entry, Origin: m.Entry.Origin}); err != nil {
					return err
				}
			}
			return nil
		},
	}
	c.Flags().StringArrayVar(&paths, "gazetteer", nil, "extra gazetteer `file or folder` (repeatable)")
	c.Flags().BoolVar(&noBuiltin, "no-builtin", false, "use only the gazetteer files given")
	return c
}

type lookupResult struct {
	Match  string           `json:"match"`
	Entry  *gazetteer.Entry `json:"entry"`
	Origin string           `json:"origin"`
}

func kindName(k gazetteer.Kind) string {
	switch k {
	case gazetteer.KindName:
		return "name"
	case gazetteer.KindQualified:
		return "qualified_name"
	case gazetteer.KindShort:
		return "short_name"
	case gazetteer.KindDemonym:
		return "demonym"
	}
	return "unknown"
}
