// Package tune sets the Go runtime for what a frontdesk process does, unless
// GOGC or GOMAXPROCS was set by hand, which still decides (issue 16). The
// commands set it; the benchmarks set the same, so that they measure the
// kiosk as `frontdesk serve` runs it.
package tune

import (
	"os"
	"runtime"
	"runtime/debug"
)

// Kiosk sets the runtime for a process that runs the kiosk (serve, and the
// desk beside it), and returns what restores the settings it replaced:
//
//   - A kiosk under load makes garbage fast and keeps little of it live:
//     the collector ran every few hundred submissions and cost a fifth of
//     each one's CPU. Four times the default heap growth costs a few tens
//     of MB.
//   - Twice the default GOMAXPROCS (the CPUs, or a container's share). The
//     committer spends most of each batch inside SQLite, a cgo call that
//     keeps its processor while it writes and waits on fsync, and the
//     handlers bringing the next batch shared what was left. With twice as
//     many, wrk at 64 connections on two cores went from 0.63 to 0.70 of
//     the bare server's rate (medians of six interleaved rounds; the bare
//     server ran with Go's defaults, and the same settings make it about 5 %
//     faster) and from 96 to 86 µs of CPU a check-in. Setting it stops Go's
//     own following of a container's CPU limit as it changes; the process
//     is restarted (make run, a service manager) when the machine is.
func Kiosk() (restore func()) {
	gc := GC(400)
	if os.Getenv("GOMAXPROCS") != "" {
		return gc
	}
	was := runtime.GOMAXPROCS(2 * defaultProcs)
	return func() { runtime.GOMAXPROCS(was); gc() }
}

// defaultProcs is GOMAXPROCS as the process started with it, so that a
// second kiosk in the process (the tests run many) sets the same.
var defaultProcs = runtime.GOMAXPROCS(0)

// GC sets the collector's heap growth to percent, unless GOGC was set by
// hand, which still decides, and returns what restores the growth it
// replaced.
func GC(percent int) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	was := debug.SetGCPercent(percent)
	return func() { debug.SetGCPercent(was) }
}
