package store

import "testing"

// TestGatherMore: a batch smaller than nine tenths of the last one waits
// for more writers and takes them up to that size (never past maxBatch),
// leaving the rest for the next; a committer whose batches were of one or
// two never waits, nor does one whose database is closing.
func TestGatherMore(t *testing.T) {
	for _, c := range []struct {
		name           string
		queued, last   int
		closing        bool
		want, leftOver int
	}{
		{"after a batch of 20, up to 18", 30, 20, false, 18, 13},
		{"after a batch of 20, the 4 that come", 4, 20, false, 5, 0},
		{"after a batch of 2, none", 5, 2, false, 1, 5},
		{"after none, none", 5, 0, false, 1, 5},
		{"closing, none", 5, 20, true, 1, 5},
		{"never past maxBatch", 150, 1000, false, maxBatch, 150 - maxBatch + 1},
	} {
		db := &DB{jobs: make(chan *writeJob, 200), closing: make(chan struct{})}
		for range c.queued {
			db.jobs <- &writeJob{}
		}
		if c.closing {
			close(db.closing)
		}
		got := db.gatherMore([]*writeJob{{}}, c.last)
		if len(got) != c.want || len(db.jobs) != c.leftOver {
			t.Errorf("%s: a batch of %d with %d left queued, want %d with %d left", c.name, len(got), len(db.jobs), c.want, c.leftOver)
		}
	}
}
