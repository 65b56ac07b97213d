package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// progressDelay is how long a run goes before a progress bar appears: a
// run shorter than that shows none.
const progressDelay = time.Second

// progressEvery is how often the bar is drawn at most.
const progressEvery = 100 * time.Millisecond

// progressWidth is the width of the bar itself, in cells.
const progressWidth = 20

// progress counts the documents written and draws a progress bar on stderr
// when stderr is a terminal and the run lasts longer than progressDelay;
// never in pipes or CI logs.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool
	start    time.Time
	docs     int
	bytes    int64
	expected int // documents known to come (listed folders, files), 0: unknown
	shown    bool
	drawn    time.Time // when the bar was last drawn
}

func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	return &progress{w: stderr, tty: ok && term.IsTerminal(int(f.Fd())), start: time.Now()}
}

// expect adds n documents to those known to come.
func (p *progress) expect(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expected += n
}

// done counts a document of size bytes as written.
func (p *progress) done(size int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.docs++
	p.bytes += size
	if !p.tty {
		return
	}
	now := time.Now()
	elapsed := now.Sub(p.start)
	if elapsed < progressDelay || p.shown && now.Sub(p.drawn) < progressEvery {
		return
	}
	p.shown, p.drawn = true, now
	// Back to the start of the line, the bar, and erase what is left of
	// a longer line drawn before.
	fmt.Fprintf(p.w, "\r%s\x1b[K", progressLine(p.docs, p.expected, p.bytes, elapsed))
}

// progressLine is the bar's text: with the number of documents known, how
// far the run is and the time left; else the count alone; and the rates.
func progressLine(docs, expected int, bytes int64, elapsed time.Duration) string {
	secs := max(elapsed.Seconds(), 1e-9)
	rate, mbs := float64(docs)/secs, float64(bytes)/1e6/secs
	if expected < docs {
		return fmt.Sprintf("%d docs (%.1f docs/s, %.2f MB/s)", docs, rate, mbs)
	}
	filled := docs * progressWidth / max(expected, 1)
	left := time.Duration(float64(expected-docs) / max(rate, 1e-9) * float64(time.Second)).Round(time.Second)
	return fmt.Sprintf("%3d%% |%s%s| %d/%d docs (%.1f docs/s, %.2f MB/s, %v left)",
		docs*100/max(expected, 1), strings.Repeat("█", filled), strings.Repeat(" ", progressWidth-filled),
		docs, expected, rate, mbs, left)
}

// clear takes the bar off the line so that a message can be printed; the
// next document draws it again.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// finish removes the bar.
func (p *progress) finish() { p.clear() }

// totals returns the documents and bytes written and the time so far.
func (p *progress) totals() (docs int, bytes int64, elapsed time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.docs, p.bytes, time.Since(p.start)
}
