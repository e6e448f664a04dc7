package store

import (
	"context"
	"testing"
)

// BenchmarkCheckInBatch is the committer's serial section alone: batches of
// 25 kiosk check-ins (as wrk's 64 connections make them), each with its own
// one-time key, run by commitBatch as the committer runs them, with fsync
// turned off so that what is left is the statements and the Go around them.
// ns/op is one check-in's share; the kiosk's check-ins per second are
// bounded by about 25 / (25 × that + one commit's fsync). together is how
// the committer writes them (checkInsTogether), alone each by its own job.
func BenchmarkCheckInBatch(b *testing.B) {
	const size = 25
	ctx := context.Background()
	visits := make([]Visit, size)
	batch := make([]*writeJob, size)
	in, err := VisitInput{Name: "王五", Phone: "13700002222", Org: "阳光社区", Purpose: "volunteer",
		Actor: ActorKiosk, Source: SourceKiosk}.Validate()
	if err != nil {
		b.Fatal(err)
	}
	for _, together := range []bool{true, false} {
		b.Run(map[bool]string{true: "together", false: "alone"}[together], func(b *testing.B) {
			// Each on a file of its own, so neither meets the other's rows.
			db, err := Open(b.TempDir() + "/batch.db")
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			if _, err := db.w.Exec("PRAGMA synchronous = OFF"); err != nil {
				b.Fatal(err)
			}
			for n := 0; n < b.N; n += size {
				jobs := batch[:min(size, b.N-n)]
				for i := range jobs {
					in.Key = NewKey()
					w := newCheckInWork(in, &visits[i])
					jobs[i] = &writeJob{ctx: ctx, fn: w.write, done: make(chan error, 1)}
					if together {
						jobs[i].checkin = w
					}
				}
				db.commitBatch(jobs)
				for _, j := range jobs {
					if err := <-j.done; err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
