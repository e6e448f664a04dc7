package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"frontdesk/store"
)

// next returns the next event of kind on ch, failing t if none comes within
// wait. Events of other kinds are skipped.
// eventWait is how long a test waits for an event it expects. It is
// generous on purpose: how soon events arrive is measured by benchmarks
// (BenchmarkSSHDesks), and a loaded CI machine must not fail a test that
// only asks whether the event comes.
const eventWait = 10 * time.Second

func next(t *testing.T, ch <-chan store.Event, kind string, wait time.Duration) store.Event {
	t.Helper()
	deadline := time.After(wait)
	for {
		select {
		case e, ok := <-ch:
			if !ok {
				t.Fatalf("waiting for a %s event: the channel closed", kind)
			}
			if e.Kind == kind {
				return e
			}
		case <-deadline:
			t.Fatalf("waiting for a %s event: none within %v", kind, wait)
		}
	}
}

// quiet drains ch until no event has come for a while, so that what comes
// next was caused by what the test does next.
func quiet(ch <-chan store.Event) {
	for {
		select {
		case <-ch:
		case <-time.After(700 * time.Millisecond):
			return
		}
	}
}

func TestSubscribe(t *testing.T) {
	t.Run("OwnWrites", func(t *testing.T) {
		db := mustOpen(t)
		ch, stop := db.Subscribe()
		defer stop()
		v := mustCheckIn(t, db, visit("张三", "", "business"))
		e := next(t, ch, store.KindVisit, eventWait)
		want := store.Event{Kind: store.KindVisit, Action: "checked_in", ID: v.ID, Source: "desk", At: base.UTC()}
		if e != want {
			t.Errorf("event: got %+v, want %+v", e, want)
		}
		in := request()
		in.Source, in.Actor = "kiosk", ""
		r := mustCreateRequest(t, db, in)
		e = next(t, ch, store.KindRequest, eventWait)
		if e.Action != "created" || e.ID != r.ID || e.Source != "kiosk" {
			t.Errorf("event: got %+v, want request %d created from the kiosk", e, r.ID)
		}
		if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
			t.Fatal(err)
		}
		if e = next(t, ch, store.KindRequest, eventWait); e.Action != store.StatusAccepted || e.ID != r.ID {
			t.Errorf("event: got %+v, want request %d accepted", e, r.ID)
		}
	})
	t.Run("NothingForFailedWrites", func(t *testing.T) {
		db := mustOpen(t)
		hall := mustCreateVenue(t, db, "多功能厅", 80)
		mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00"))
		ch, stop := db.Subscribe()
		defer stop()
		// A clash is found inside the write transaction; it rolls back and
		// must publish nothing. Neither does a refused check-in.
		if _, err := db.CreateBooking(ctx, booking(hall.ID, tomorrow, "15:00", "17:00")); err == nil {
			t.Fatal("clash: got success")
		}
		if _, err := db.CheckIn(ctx, store.VisitInput{}); err == nil {
			t.Fatal("empty check-in: got success")
		}
		mustCheckIn(t, db, visit("张三", "", "business"))
		for {
			e := <-ch
			if e.Kind == store.KindBooking {
				t.Fatalf("event for a refused booking: %+v", e)
			}
			if e.Kind == store.KindVisit {
				break // the one write that committed
			}
		}
	})
	t.Run("Stop", func(t *testing.T) {
		db := mustOpen(t)
		ch, stop := db.Subscribe()
		stop()
		stop() // twice is harmless
		mustCheckIn(t, db, visit("张三", "", "business"))
		if e, ok := <-ch; ok {
			t.Errorf("after stop: got %+v, want a closed channel", e)
		}
	})
	t.Run("CloseEndsSubscriptions", func(t *testing.T) {
		db, err := store.Open(filepath.Join(t.TempDir(), "f.db"))
		if err != nil {
			t.Fatal(err)
		}
		ch, stop := db.Subscribe()
		db.Close()
		stop()
		if _, ok := <-ch; ok {
			t.Errorf("after Close: want a closed channel")
		}
	})
	t.Run("SlowListenerDoesNotStallWriters", func(t *testing.T) {
		db := mustOpen(t)
		_, stop := db.Subscribe() // never read
		defer stop()
		for range 300 {
			mustCheckIn(t, db, visit("张三", "", "business"))
		}
	})
}

// TestExternalWrites checks that a write by another process on the same file
// reaches this process's listeners, as KindExternal.
func TestExternalWrites(t *testing.T) {
	for _, c := range []struct {
		name  string
		write func(t *testing.T, path string)
	}{
		{"SecondStore", func(t *testing.T, path string) {
			other, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			other.Now = func() time.Time { return base }
			if _, err := other.CheckIn(ctx, visit("扫码来的", "", "business")); err != nil {
				t.Fatal(err)
			}
		}},
		{"RawSQL", func(t *testing.T, path string) {
			raw := rawOpen(t, path)
			if _, err := raw.Exec("UPDATE settings SET value = '另一个中心' WHERE key = 'center_name'"); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := mustOpen(t)
			ch, stop := db.Subscribe()
			defer stop()
			quiet(ch)
			c.write(t, db.Path())
			e := next(t, ch, store.KindExternal, eventWait)
			if e.ID != 0 || e.Action != "" {
				t.Errorf("external event: got %+v, want only the kind", e)
			}
		})
	}
	// Tests replace DB.Now after Open, as its comment invites; the watcher
	// noticing another process's write must not read it (go test -race).
	t.Run("ClockReplacedWhileWatching", func(t *testing.T) {
		db, err := store.Open(filepath.Join(t.TempDir(), "f.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ch, stop := db.Subscribe()
		defer stop()
		raw := rawOpen(t, db.Path())
		for i := range 3 {
			db.Now = func() time.Time { return base.Add(time.Duration(i) * time.Hour) }
			if _, err := raw.Exec("INSERT OR REPLACE INTO settings (key, value) VALUES ('probe', ?)", i); err != nil {
				t.Fatal(err)
			}
			next(t, ch, store.KindExternal, eventWait)
		}
	})
	t.Run("NoWriteNoEvent", func(t *testing.T) {
		db := mustOpen(t)
		ch, stop := db.Subscribe()
		defer stop()
		quiet(ch)
		raw := rawOpen(t, db.Path())
		var n int
		raw.QueryRow("SELECT COUNT(*) FROM visits").Scan(&n) // a read changes nothing
		select {
		case e := <-ch:
			t.Errorf("after a read by another process: got %+v, want no event", e)
		case <-time.After(time.Second):
		}
	})
}
