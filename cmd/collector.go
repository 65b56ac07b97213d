package cmd

import (
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

// resume restores the collector's settings; calls after the first do
// nothing.
func (p *collectorPause) resume() {
	p.once.Do(func() {
		debug.SetGCPercent(p.gcPercent)
		debug.SetMemoryLimit(p.memLimit)
	})
}
