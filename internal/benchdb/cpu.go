package benchdb

import (
	"syscall"
	"testing"
	"time"
)

// CPUTime is the CPU the process has used so far, user and system. On a
// loaded machine a benchmark's wall time counts the waits for a core too;
// its CPU time per operation does not.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportCPU reports the CPU used per operation since start (a CPUTime).
func ReportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(CPUTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
