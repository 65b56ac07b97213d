package cmd

import (
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	for _, c := range []struct {
		docs, expected int
		bytes          int64
		elapsed        time.Duration
		want           string
	}{
		{450, 1000, 2_000_000, 10 * time.Second, " 45% |█████████           | 450/1000 docs (45.0 docs/s, 0.20 MB/s, 12s left)"},
		{1000, 1000, 5_000_000, 4 * time.Second, "100% |████████████████████| 1000/1000 docs (250.0 docs/s, 1.25 MB/s, 0s left)"},
		{12, 0, 30_000, 2 * time.Second, "12 docs (6.0 docs/s, 0.01 MB/s)"},
		{12, 10, 30_000, 2 * time.Second, "12 docs (6.0 docs/s, 0.01 MB/s)"}, // more than announced: stdin after a folder
	} {
		if got := progressLine(c.docs, c.expected, c.bytes, c.elapsed); got != c.want {
			t.Errorf("progressLine(%d, %d, %d, %v) =\n%q, want\n%q", c.docs, c.expected, c.bytes, c.elapsed, got, c.want)
		}
	}
}
