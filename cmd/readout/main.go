// Command readout turns English news articles into structured facts: who,
// where, when, who met whom, and who said what.
package main

import (
	"os"

	"github.com/readout/readout/cmd"
)

func main() {
	os.Exit(cmd.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
