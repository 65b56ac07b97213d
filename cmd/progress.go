package cmd

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressDelay is how long a run goes before a progress bar appears: a
// run shorter than that shows none.
const progressDelay = time.Second

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
	bar      *progressbar.ProgressBar
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
	if p.bar != nil {
		p.bar.ChangeMax(p.expected)
	}
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
	elapsed := time.Since(p.start)
	if p.bar == nil {
		if elapsed < progressDelay {
			return
		}
		max := -1
		if p.expected > 0 {
			max = p.expected
		}
		p.bar = progressbar.NewOptions(max,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionShowIts(),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(30))
		_ = p.bar.Set(p.docs - 1)
	}
	p.bar.Describe(fmt.Sprintf("%.2f MB/s", float64(p.bytes)/1e6/elapsed.Seconds()))
	_ = p.bar.Add(1)
}

// clear takes the bar off the line so that a message can be printed.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

// finish removes the bar.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}

// totals returns the documents and bytes written and the time so far.
func (p *progress) totals() (docs int, bytes int64, elapsed time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.docs, p.bytes, time.Since(p.start)
}
