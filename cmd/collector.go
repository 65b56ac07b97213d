package cmd

import (
	"os"
	"runtime/debug"
	"sync"
)

// pausedMemoryLimit bounds the heap while the collector is paused: a
// document that allocates more than this still gets its garbage collected.
const pausedMemoryLimit = 256 << 20

// collectorPause keeps the garbage collector off while the extractor loads
// and through the first document. What New allocates (gazetteer, rules,
// models) stays live for the whole run, so collecting while it loads is
// wasted start-up time, and a run of one document ends before a collection
// would pay off. The memory limit bounds the heap meanwhile.
type collectorPause struct {
	once      sync.Once
	gcPercent int
	memLimit  int64
}

func pauseCollector() *collectorPause {
	p := &collectorPause{gcPercent: debug.SetGCPercent(-1), memLimit: debug.SetMemoryLimit(-1)}
	debug.SetMemoryLimit(min(p.memLimit, pausedMemoryLimit))
	return p
}

// Batch settings of the collector, unless the user set GOGC or
// GOMEMLIMIT: the live heap of a run is small (models and the documents in
// flight, 40-100 MB), and each document allocates a few MB of garbage, so
// collecting at five times the live heap instead of twice halves the
// collector's work, which otherwise competes with the workers for the
// cores (BBC corpus, two cores: 13.2 s at GOGC=100, 11.1 s at 400). The
// soft limit keeps the heap bounded on very large documents.
const (
	batchGCPercent   = 400
	batchMemoryLimit = 1 << 30
)

// resume sets the collector for the rest of the run; calls after the first
// do nothing.
func (p *collectorPause) resume() {
	p.once.Do(func() {
		gc, limit := p.gcPercent, p.memLimit
		if os.Getenv("GOGC") == "" && gc >= 0 {
			gc = max(gc, batchGCPercent)
		}
		if os.Getenv("GOMEMLIMIT") == "" {
			limit = min(limit, batchMemoryLimit)
		}
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	})
}
