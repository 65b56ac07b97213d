//go:build unix

package cmd_test

import (
	"bufio"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/readout/readout/cmd"
)

// TestInterrupt stops a JSON Lines stream with SIGINT while readout waits
// for more input: it exits 130, and every line it wrote is complete.
func TestInterrupt(t *testing.T) {
	stdinR, stdinW := io.Pipe()
	defer stdinW.Close()
	stdoutR, stdoutW := io.Pipe()
	var stderr strings.Builder
	code := make(chan int, 1)
	go func() {
		code <- cmd.Run([]string{"extract", "--input", "jsonl", "--jobs", "2"}, stdinR, stdoutW, &stderr)
		stdoutW.Close()
	}()
	go func() {
		for i := range 3 {
			io.WriteString(stdinW, `{"id": "r`+string(rune('1'+i))+`", "text": "Talks were held in Baku."}`+"\n")
		}
	}()
	lines := bufio.NewScanner(stdoutR)
	var got []string
	for len(got) < 3 && lines.Scan() {
		got = append(got, lines.Text())
	}
	// The three records are written; readout now waits on stdin.
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() {
		got = append(got, lines.Text())
	}
	select {
	case c := <-code:
		if c != cmd.ExitInterrupted {
			t.Errorf("exit code %d, want %d", c, cmd.ExitInterrupted)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("readout did not stop on SIGINT")
	}
	if len(got) != 3 {
		t.Errorf("got %d lines, want 3", len(got))
	}
	for _, l := range got {
		if !strings.HasPrefix(l, `{"schema":"readout.v1",`) || !strings.HasSuffix(l, "}") {
			t.Errorf("incomplete line %q", l)
		}
	}
	if want := "readout: interrupted after 3 documents\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}
