package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"frontdesk/store"
)

// TestBackup copies the file while another goroutine checks visitors in
// without pause; the copy is sound and shows one moment of the center.
func TestBackup(t *testing.T) {
	db := mustOpen(t)
	mustCreateVenue(t, db, "多功能厅", 80)
	var written atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			in := visit("访客", "", "business")
			in.Name = "访客" + strings.Repeat("甲", i%5)
			if _, err := db.CheckIn(ctx, in); err != nil {
				t.Error(err)
				return
			}
			if _, err := db.CreateRequest(ctx, request()); err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
		}
	})
	for written.Load() < 30 {
		time.Sleep(5 * time.Millisecond)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	before := written.Load()
	if err := db.Backup(ctx, out); err != nil {
		close(stop)
		wg.Wait()
		t.Fatal(err)
	}
	for written.Load() < before+30 {
		time.Sleep(5 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	total := written.Load()

	raw := rawOpen(t, out)
	var verdict string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&verdict); err != nil || verdict != "ok" {
		t.Fatalf("integrity_check of the copy: got %q (%v), want ok", verdict, err)
	}
	rows, err := raw.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Errorf("foreign_key_check of the copy: found a dangling reference")
	}
	rows.Close()
	if got, want := userVersion(t, raw), store.SchemaVersion(); got != want {
		t.Errorf("user_version of the copy: got %d, want %d", got, want)
	}
	counts := rowCounts(t, out)
	if n := int64(counts["visits"]); n < before || n > total {
		t.Errorf("visits in the copy: got %d, want between %d (at the start) and %d (at the end)", n, before, total)
	}
	// One snapshot: every visit has its request and its receipt counter.
	if counts["requests"] != counts["visits"] && counts["requests"] != counts["visits"]-1 {
		t.Errorf("copy: got %d visits and %d requests, want one moment (equal, or one request behind)", counts["visits"], counts["requests"])
	}
	var visitSeq, requestSeq int
	raw.QueryRow("SELECT n FROM counters WHERE kind = 'V'").Scan(&visitSeq)
	raw.QueryRow("SELECT n FROM counters WHERE kind = 'R'").Scan(&requestSeq)
	if visitSeq != counts["visits"] || requestSeq != counts["requests"] {
		t.Errorf("copy's counters: got V %d R %d, want %d and %d (the rows it holds)", visitSeq, requestSeq, counts["visits"], counts["requests"])
	}
	if counts["venues"] != 1 {
		t.Errorf("venues in the copy: got %d, want 1", counts["venues"])
	}
	if live := rowCounts(t, db.Path()); int64(live["visits"]) != total {
		t.Errorf("visits in the live file: got %d, want %d", live["visits"], total)
	}

	t.Run("CopyOpens", func(t *testing.T) {
		raw.Close()
		copyDB, err := store.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		defer copyDB.Close()
		if got := copyDB.Settings().CenterName; got != "测试党群服务中心" {
			t.Errorf("center in the copy: got %q, want 测试党群服务中心", got)
		}
		if verdict, err := copyDB.IntegrityCheck(ctx); err != nil || verdict != "ok" {
			t.Errorf("IntegrityCheck: got %q (%v), want ok", verdict, err)
		}
	})
	t.Run("ReplacesOldCopy", func(t *testing.T) {
		if err := db.Backup(ctx, out); err != nil {
			t.Fatal(err)
		}
		if got := rowCounts(t, out)["visits"]; int64(got) != total {
			t.Errorf("visits in the new copy: got %d, want %d", got, total)
		}
		left, _ := filepath.Glob(out + ".tmp-*")
		if len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})
	t.Run("ErrOntoItself", func(t *testing.T) {
		wantCode(t, db.Backup(ctx, db.Path()), store.EINVALID, "o")
		wantCode(t, db.Backup(ctx, ""), store.EINVALID, "o")
	})
	t.Run("ErrNoDirectory", func(t *testing.T) {
		err := db.Backup(ctx, filepath.Join(t.TempDir(), "missing", "copy.db"))
		if err == nil {
			t.Fatal("backup into a missing directory: got success")
		}
		if _, statErr := os.Stat(filepath.Join(t.TempDir(), "missing")); statErr == nil {
			t.Errorf("backup created the missing directory")
		}
	})
}

func TestPurge(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	old := base.AddDate(-2, 0, 0)
	oldDay := db.DayOf(old)
	clk.Set(old)
	member := visit("张建国", "13811112222", "party_report")
	member.PartyMember = true
	ov := mustCheckIn(t, db, member)
	clk.Add(2 * time.Hour)
	if _, err := db.CheckOut(ctx, ov.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	mustCheckIn(t, db, visit("李老太", "13899990000", "consult"))
	or := mustCreateRequest(t, db, request())
	ob := mustBook(t, db, booking(hall.ID, oldDay.AddDays(1), "14:00", "16:00"))
	// A returning visitor: seen two years ago and again today.
	mustCheckIn(t, db, visit("王常来", "13700001111", "business"))
	clk.Set(base)
	recent := mustCheckIn(t, db, visit("王常来", "13700001111", "business"))
	rr := mustCreateRequest(t, db, request())

	hoursBefore, err := db.ServiceHoursBetween(ctx, oldDay, oldDay)
	if err != nil || len(hoursBefore) != 1 {
		t.Fatalf("service hours before purge: got %v (%v), want one person", hoursBefore, err)
	}
	before := rowCounts(t, db.Path())
	res, err := db.Purge(ctx, admin, 365)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.PurgeResult{Visits: 3, Visitors: 2, Requests: 1, Bookings: 1}); res != want {
		t.Errorf("purged: got %+v, want %+v", res, want)
	}
	before["admin_events"]++ // the purge itself is recorded
	wantSameCounts(t, before, rowCounts(t, db.Path()))

	v, _ := db.Visit(ctx, ov.ID)
	if v.Name != store.Anonymized || v.Phone != "" || v.Headcount != 1 || !v.PartyMember || v.Purpose != "party_report" {
		t.Errorf("old visit: got %+v, want the name and phone gone and the rest kept", v)
	}
	r, _ := db.Request(ctx, or.ID)
	if r.Name != store.Anonymized || r.Phone != "" || r.Category != "housing" || r.Description == "" {
		t.Errorf("old request: got name %q phone %q category %q, want anonymised with the category kept", r.Name, r.Phone, r.Category)
	}
	b, _ := db.Booking(ctx, ob.ID)
	if b.Contact != store.Anonymized || b.Phone != "" || b.Org != "幸福里社区党支部" || b.Hours() != 2 {
		t.Errorf("old booking: got contact %q phone %q org %q, want contact and phone gone, org and hours kept", b.Contact, b.Phone, b.Org)
	}
	if got, _ := db.Visit(ctx, recent.ID); got.Name != "王常来" || got.Phone != "13700001111" {
		t.Errorf("recent visit: got %q %q, want untouched", got.Name, got.Phone)
	}
	if got, _ := db.Request(ctx, rr.ID); got.Name != "张秀英" || got.Phone != "13812345678" {
		t.Errorf("recent request: got %q %q, want untouched", got.Name, got.Phone)
	}
	for _, q := range []string{"2222", "13811112222", "张建国", "0000"} {
		if found, _ := db.FindVisitors(ctx, q, 10); len(found) != 0 {
			t.Errorf("FindVisitors(%q) after purge: got %+v, want nobody", q, found)
		}
	}
	if found, _ := db.FindVisitors(ctx, "1111", 10); len(found) != 1 || found[0].Name != "王常来" {
		t.Errorf("returning visitor after purge: got %+v, want 王常来 kept (seen today)", found)
	}
	hoursAfter, err := db.ServiceHoursBetween(ctx, oldDay, oldDay)
	if err != nil || len(hoursAfter) != 1 || hoursAfter[0].Duration != hoursBefore[0].Duration || hoursAfter[0].Visits != 1 {
		t.Errorf("service hours after purge: got %+v (%v), want the same %v", hoursAfter, err, hoursBefore[0].Duration)
	}
	again, err := db.Purge(ctx, admin, 365)
	if err != nil || again != (store.PurgeResult{}) {
		t.Errorf("second purge: got %+v (%v), want nothing left to do", again, err)
	}
}
