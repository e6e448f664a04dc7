package store_test

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestCheckpointOffTheCommitPath writes well past the old automatic
// checkpoint's 256 pages from many writers at once: no commit checkpoints,
// so the WAL is cut back only by the checkpoints outside the commits (the
// watch's, and the committer's between batches). It must come back to
// journal_size_limit (4 MiB) with every record kept.
func TestCheckpointOffTheCommitPath(t *testing.T) {
	db := mustOpen(t)
	const writers, each = 8, 60
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				in := visit(fmt.Sprintf("访客%d", w), fmt.Sprintf("138%04d%04d", w, i), "business")
				in.Note = strings.Repeat("备注", 95) // the longest note: rows spill onto new pages
				if _, err := db.CheckIn(ctx, in); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	wal := db.Path() + "-wal"
	deadline := time.Now().Add(20 * time.Second)
	for {
		// The WAL is cut back when the next write starts over a fully
		// checkpointed log.
		if _, err := db.CheckIn(ctx, visit("王五", "13700002222", "business")); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(wal)
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() <= 4<<20+64<<10 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the WAL is still %d bytes: nothing checkpoints it", st.Size())
		}
		time.Sleep(50 * time.Millisecond)
	}
	vs, err := db.VisitsOn(ctx, db.Today())
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) < writers*each+1 {
		t.Fatalf("%d visits, want at least %d", len(vs), writers*each+1)
	}
}

// TestWALBoundedUnderSustainedWrites keeps many writers busy without a
// pause. The watch's checkpoint alone never catches up with such a stream
// (commits add frames while it copies), so SQLite never started the WAL over
// and it grew with every batch; the committer's checkpoint between batches
// keeps it within a few megabytes.
func TestWALBoundedUnderSustainedWrites(t *testing.T) {
	db := mustOpen(t)
	wal := db.Path() + "-wal"
	const writers, total = 32, 6000
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		made    int
		maxSize int64
		failed  error
	)
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
			if st, err := os.Stat(wal); err == nil && st.Size() > maxSize {
				maxSize = st.Size()
			}
		}
	}()
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				mu.Lock()
				if made >= total || failed != nil {
					mu.Unlock()
					return
				}
				made++
				mu.Unlock()
				if _, err := db.CheckIn(ctx, visit(fmt.Sprintf("访客%d", w), fmt.Sprintf("139%04d%04d", w, i), "business")); err != nil {
					mu.Lock()
					failed = err
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	if failed != nil {
		t.Fatal(failed)
	}
	const bound = 16 << 20 // without the checkpoint between batches: 60 MB
	if maxSize > bound {
		t.Fatalf("the WAL reached %d bytes during %d check-ins, want at most %d: nothing starts it over while writes go on", maxSize, total, bound)
	}
	t.Logf("the WAL's largest size: %d bytes", maxSize)
}
