package report

import "sync/atomic"

// held counts the rows of streamed tables being written at this moment, and
// heldMost the most there ever were: a writer that kept the rows it was given
// would show here (TestStreamHoldsOneRow).
var held = &rowGauge{}

type rowGauge struct{ now, most atomic.Int64 }

// Add moves the gauge by d and remembers its highest point.
func (g *rowGauge) Add(d int64) {
	n := g.now.Add(d)
	for {
		m := g.most.Load()
		if n <= m || g.most.CompareAndSwap(m, n) {
			return
		}
	}
}
