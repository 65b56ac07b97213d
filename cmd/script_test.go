package cmd_test

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/readout/readout/cmd"
)

var update = flag.Bool("update", false, "rewrite the expected files in testdata/script/*.txtar from the current output")

// TestMain makes the test binary double as the readout command, so that
// scripts run it with "exec readout" without a build step.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"readout": func() { os.Exit(cmd.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs every command behaviour in testdata/script/*.txtar.
//
// Besides the standard commands, scripts have:
//
//	exits CODE PROGRAM [ARGS...]   run PROGRAM like exec and check its exit code
//	writebytes FILE 'GO STRING'    write FILE from a Go string literal's body,
//	                               for bytes a txtar cannot hold ("\xff", "\x00")
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":      exits,
			"writebytes": writeBytes,
		},
	})
}

// exits runs a program and checks its exit code, keeping its stdout and
// stderr for the commands that follow. "! exec" only tells failure from
// success; readout's 1 (some inputs failed) and 2 (usage) differ.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad exit code %q", args[0])
	}
	got := 0
	var ee *exec.ExitError
	switch err := ts.Exec(args[1], args[2:]...); {
	case err == nil:
	case errors.As(err, &ee):
		got = ee.ExitCode()
	default:
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// writeBytes writes a file from the body of a double-quoted Go string, so
// that a script can make files with invalid UTF-8 or NUL bytes.
func writeBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE 'GO STRING BODY'")
	}
	b, err := strconv.Unquote(`"` + args[1] + `"`)
	if err != nil {
		ts.Fatalf("writebytes: %q is not the body of a Go string: %v", args[1], err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b), 0o644))
}
