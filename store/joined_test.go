package store

// Writes that join a batch while its check-ins are written (runBatch):
// the batch is put together by hand and the joiners wait in a channel of
// the test's own, so each case is met for certain, whatever the timing.

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// answerOf is what j was answered, failing the test if it is not answered
// at once (it was committed already, or never will be).
func answerOf(t *testing.T, j *writeJob) error {
	t.Helper()
	select {
	case err := <-j.done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("a write of the batch was never answered")
		return nil
	}
}

// joiners is a channel holding jobs, as the committer's queue holds them.
func joiners(jobs []*writeJob, room int) chan *writeJob {
	ch := make(chan *writeJob, len(jobs)+room)
	for _, j := range jobs {
		ch <- j
	}
	return ch
}

func joinIns(t *testing.T, n int, tag string) []VisitInput {
	ins := make([]VisitInput, n)
	for i := range ins {
		ins[i] = kioskCheckIn(t, fmt.Sprintf("访客%s%d", tag, i), fmt.Sprintf("1390000%04d", i), fmt.Sprintf("join-%s-%010d", tag, i))
	}
	return ins
}

// TestWritesJoinTheBatch: check-ins and another write waiting while a
// batch's check-ins are written join it: one commit holds them all, each
// answered with what the file holds, and the queue is left empty.
func TestWritesJoinTheBatch(t *testing.T) {
	db, job := batchDB(t)
	ins := joinIns(t, 6, "a")
	jobs, got := batchOf(ins)
	venue := job(func(t *tx) error {
		_, err := t.insertVenue("测试", VenueInput{Name: "会议室", Capacity: 20, OpensAt: "08:00", ClosesAt: "21:00"})
		return err
	})
	queue := joiners(append(jobs[2:], venue), 0)
	gen := db.gen.Load()
	db.commitBatchJoined(jobs[:2], queue)
	if n := len(queue); n != 0 {
		t.Errorf("%d writes left waiting, want all joined", n)
	}
	if n := db.gen.Load() - gen; n != 1 {
		t.Errorf("%d commits, want one for the batch and its joiners", n)
	}
	if n, m := db.reruns.Load(), db.together.Load(); n != 0 || m != 6 {
		t.Errorf("reruns %d, written together %d; want 0 and 6", n, m)
	}
	for i, j := range jobs {
		if err := answerOf(t, j); err != nil {
			t.Fatalf("check-in %d: %v", i, err)
		}
		if stored, err := db.Visit(context.Background(), got[i].ID); err != nil || stored != got[i] {
			t.Errorf("check-in %d answered %+v, the file holds %+v (%v)", i, got[i], stored, err)
		}
	}
	if err := answerOf(t, venue); err != nil {
		t.Fatalf("the venue: %v", err)
	}
	if vs, err := db.Venues(context.Background(), true); err != nil || len(vs) != 1 {
		t.Errorf("venues %v (%v), want the one that joined", vs, err)
	}
	seen := map[string]bool{}
	for _, v := range got {
		if seen[v.ReceiptNo] {
			t.Errorf("receipt %s given twice", v.ReceiptNo)
		}
		seen[v.ReceiptNo] = true
	}
}

// TestJoinedCheckInFails: a joiner that breaks a rule of the file after
// writing sends the whole batch, joiners and all, job by job: it alone is
// refused, and every other is kept and answered.
func TestJoinedCheckInFails(t *testing.T) {
	db, _ := batchDB(t)
	ins := joinIns(t, 5, "b")
	ins[4].Headcount = 0 // past Validate, the file's CHECK refuses it
	jobs, got := batchOf(ins)
	db.commitBatchJoined(jobs[:2], joiners(jobs[2:], 0))
	if n := db.reruns.Load(); n != 1 {
		t.Errorf("the batch was run again %d times, want once, job by job", n)
	}
	oneRefused(t, db, jobs, got, 4)
}

// TestJoinersStopAtMaxBatch: no more join than make maxBatch in all; the
// rest wait for the next batch.
func TestJoinersStopAtMaxBatch(t *testing.T) {
	db, _ := batchDB(t)
	jobs, _ := batchOf(joinIns(t, maxBatch+5, "c"))
	queue := joiners(jobs[2:], 0)
	db.commitBatchJoined(jobs[:2], queue)
	if n := len(queue); n != 5 {
		t.Errorf("%d left waiting, want 5 past maxBatch (%d)", n, maxBatch)
	}
	for i, j := range jobs[:maxBatch] {
		if err := answerOf(t, j); err != nil {
			t.Fatalf("check-in %d: %v", i, err)
		}
	}
	for i, j := range jobs[maxBatch:] {
		select {
		case err := <-j.done:
			t.Errorf("check-in %d past maxBatch answered (%v) before its batch", maxBatch+i, err)
		default:
		}
	}
}

// TestAloneWriteTakesNoJoiners: a batch of one write runs as any write,
// and leaves the waiting ones to the next batch.
func TestAloneWriteTakesNoJoiners(t *testing.T) {
	db, _ := batchDB(t)
	jobs, _ := batchOf(joinIns(t, 3, "d"))
	queue := joiners(jobs[1:], 0)
	db.commitBatchJoined(jobs[:1], queue)
	if err := answerOf(t, jobs[0]); err != nil {
		t.Fatal(err)
	}
	if n := len(queue); n != 2 {
		t.Errorf("%d left waiting, want 2", n)
	}
}
