// Package cmd is readout's command line: a thin shell of cobra commands
// around the extract, gazetteer and rules packages. Run takes its streams as
// parameters so that every behaviour can be tested in-process.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Exit codes of the readout command.
const (
	ExitOK     = 0 // success
	ExitFailed = 1 // some inputs failed; each failure was reported
	ExitUsage  = 2 // bad flags or a bad gazetteer or rule file
	// ExitInterrupted: a batch stopped by Ctrl-C or SIGTERM (128 + SIGINT,
	// as shells report it); every line written is complete.
	ExitInterrupted = 130
)

// exitError carries the exit code of an error to Run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(err error) error  { return &exitError{code: ExitUsage, err: err} }
func failedError(err error) error { return &exitError{code: ExitFailed, err: err} }

// errReported means the failures were already written to stderr; Run only
// sets the exit code.
var errReported = errors.New("some inputs failed")

// Run executes the readout command line with args (without the program
// name) and returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	code := ExitUsage // cobra's own errors are about flags and arguments
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if !errors.Is(err, errReported) {
		fmt.Fprintf(stderr, "readout: %v\n", err)
	}
	return code
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "readout",
		Short: "Turn English news articles into structured facts",
		Long: `readout reads English news text and prints JSON of the actors (people and
organizations), locations, dates, dated meetings and quotes in it.

  readout extract article.txt | jq .actors
  cat article.txt | readout extract --date 2023-05-04
  readout gazetteer lookup Pashinyan`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError(fmt.Errorf("%w (see '%s --help')", err, c.CommandPath()))
	})
	root.AddCommand(newExtractCmd(), newEvalCmd(), newGazetteerCmd(), newRulesCmd(), newVersionCmd())
	return root
}

// Version is the readout version, set at build time with
// -ldflags "-X github.com/readout/readout/cmd.Version=v1.2.3"; otherwise
// taken from the module's build information.
var Version = ""

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the readout version and output schema",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			v := Version
			if v == "" {
				v = "(devel)"
				if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
					v = info.Main.Version
				}
			}
			fmt.Fprintf(c.OutOrStdout(), "readout %s (schema readout.v1)\n", v)
			return nil
		},
	}
}
