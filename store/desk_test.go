package store_test

import (
	"fmt"
	"testing"
	"time"

	"frontdesk/store"
)

func TestCountsForDesk(t *testing.T) {
	db, clk := mustOpenClock(t)
	clk.Set(base.AddDate(0, 0, -5))
	late := request()
	late.PromisedBy = baseDay.AddDays(-2)
	overdue := mustCreateRequest(t, db, late)
	if _, err := db.Accept(ctx, overdue.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	resolved := mustCreateRequest(t, db, request())
	for _, step := range []func() error{
		func() error { _, err := db.Accept(ctx, resolved.ID, "王芳"); return err },
		func() error { _, err := db.Resolve(ctx, resolved.ID, "王芳", "已修好"); return err },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	clk.Set(base)
	mustCreateRequest(t, db, request())
	mustCreateRequest(t, db, request())

	got, err := db.CountsForDesk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The counts agree with the lists the desk opens from them.
	waiting, _ := db.Requests(ctx, store.RequestFilter{Statuses: []string{store.StatusNew}})
	late2, _ := db.Requests(ctx, store.RequestFilter{Overdue: true})
	calls, _ := db.Callbacks(ctx)
	want := store.DeskCounts{Waiting: len(waiting), Overdue: len(late2), Callbacks: len(calls)}
	if got != want || got != (store.DeskCounts{Waiting: 2, Overdue: 1, Callbacks: 1}) {
		t.Fatalf("got %+v, want %+v (and 2/1/1)", got, want)
	}
}

func TestKioskSubmissions(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	clk.Set(base.AddDate(0, 0, -8))
	old := visit("很久以前", "", "consult")
	old.Source = "kiosk"
	mustCheckIn(t, db, old)
	clk.Set(base.Add(-3 * time.Hour))
	k := visit("扫码访客", "13700001234", "consult")
	k.Source = "kiosk"
	v := mustCheckIn(t, db, k)
	mustCheckIn(t, db, visit("前台访客", "", "business"))
	clk.Set(base.Add(-2 * time.Hour))
	in := request()
	in.Source, in.Actor = "kiosk", ""
	r := mustCreateRequest(t, db, in)
	clk.Set(base.Add(-1 * time.Hour))
	bin := booking(hall.ID, baseDay, "15:00", "16:00")
	bin.Source, bin.Actor = "kiosk", ""
	b := mustBook(t, db, bin)
	clk.Set(base)

	got, err := db.KioskSubmissions(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind string
		id   int64
	}{{store.KindBooking, b.ID}, {store.KindRequest, r.ID}, {store.KindVisit, v.ID}}
	if len(got) != len(want) {
		t.Fatalf("got %d submissions %+v, want %d (the week-old one and the desk's left out)", len(got), got, len(want))
	}
	for i, w := range want {
		if got[i].Kind != w.kind || got[i].ID != w.id {
			t.Fatalf("submission %d: got %s/%d, want %s/%d", i, got[i].Kind, got[i].ID, w.kind, w.id)
		}
	}
	if got[0].Status != store.BookingPending || got[1].Name != "张秀英" || !got[0].At.Equal(b.Start) || !got[1].At.Equal(r.CreatedAt) {
		t.Fatalf("got %+v", got)
	}
	if two, _ := db.KioskSubmissions(ctx, 2); len(two) != 2 || two[0].ID != b.ID {
		t.Fatalf("limit 2: got %+v", two)
	}

	// One record read by its key is the same as listed; the desk's own
	// records are not the kiosk's.
	for _, s := range got {
		one, err := db.KioskSubmission(ctx, s.Kind, s.ID)
		if err != nil || one != s {
			t.Errorf("KioskSubmission(%s, %d): got %+v (%v), want %+v", s.Kind, s.ID, one, err, s)
		}
	}
	desk := mustCheckIn(t, db, visit("前台又一位", "", "business"))
	if _, err := db.KioskSubmission(ctx, store.KindVisit, desk.ID); store.ErrorCode(err) != store.ENOTFOUND {
		t.Errorf("a desk check-in as a kiosk record: got %v, want not found", err)
	}
	if _, err := db.KioskSubmission(ctx, store.KindRequest, 9999); store.ErrorCode(err) != store.ENOTFOUND {
		t.Errorf("no such request: got %v, want not found", err)
	}
}

// TestCountsForDeskFollowWrites: the desk's counts, shared by every desk of
// the process, move with each write of this process and, soon after it,
// with a write of another process on the same file.
func TestCountsForDeskFollowWrites(t *testing.T) {
	db := mustOpen(t)
	count := func() int {
		t.Helper()
		c, err := db.CountsForDesk(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c.Waiting
	}
	before := count()
	if again := count(); again != before {
		t.Fatalf("asked twice with no write between: %d then %d", before, again)
	}
	mustCreateRequest(t, db, request())
	if got := count(); got != before+1 {
		t.Fatalf("after a request: waiting %d, want %d", got, before+1)
	}
	other, err := store.Open(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = db.Now
	mustCreateRequest(t, other, request())
	deadline := time.Now().Add(eventWait)
	for count() != before+2 {
		if time.Now().After(deadline) {
			t.Fatalf("another process's request not counted after %v: waiting %d, want %d", eventWait, count(), before+2)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestVisitListsFollowWrites: the day's visits and who is in the building,
// shared by the desks between writes, move with each check-in and
// check-out, and a caller changing its copy changes no one else's.
func TestVisitListsFollowWrites(t *testing.T) {
	db := mustOpen(t)
	lists := func() (day, in []store.Visit) {
		t.Helper()
		day, err := db.VisitsOn(ctx, db.Today())
		if err != nil {
			t.Fatal(err)
		}
		if in, err = db.InBuilding(ctx); err != nil {
			t.Fatal(err)
		}
		return day, in
	}
	v := mustCheckIn(t, db, store.VisitInput{Name: "张三", Purpose: "business", Headcount: 1, Actor: "王芳", Source: "desk"})
	day, in := lists()
	if len(day) != 1 || len(in) != 1 || day[0].ID != v.ID {
		t.Fatalf("after a check-in: day %d, in the building %d; want 1 and 1", len(day), len(in))
	}
	day[0].Name, in[0].Name = "改了", "改了"
	if day, in := lists(); day[0].Name != "张三" || in[0].Name != "张三" {
		t.Fatalf("a caller's change reached the shared list: %q %q", day[0].Name, in[0].Name)
	}
	if _, err := db.CheckOut(ctx, v.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	if day, in := lists(); len(day) != 1 || len(in) != 0 || day[0].CheckedOutAt.IsZero() {
		t.Fatalf("after the check-out: day %d, in the building %d; want 1 checked out and 0", len(day), len(in))
	}
}

// TestInboxListsFollowWrites: the head of the callback list and the pending
// bookings, which every desk's home tab shows and so share between writes,
// move with each write of this process and of another on the same file,
// and a caller changing its copy changes no one else's.
func TestInboxListsFollowWrites(t *testing.T) {
	db := mustOpen(t)
	callbacks := func() []store.Request {
		t.Helper()
		rs, err := db.FirstCallbacks(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	pending := func() []store.Booking {
		t.Helper()
		bs, err := db.PendingBookings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return bs
	}
	resolve := func(db *store.DB) store.Request {
		t.Helper()
		r := mustCreateRequest(t, db, request())
		if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
			t.Fatal(err)
		}
		r, err := db.Resolve(ctx, r.ID, "王芳", "已办结")
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if n := len(callbacks()) + len(pending()); n != 0 {
		t.Fatalf("a new file has %d waiting", n)
	}
	r := resolve(db)
	if got := callbacks(); len(got) != 1 || got[0].ID != r.ID {
		t.Fatalf("after a resolve: callbacks %+v, want %d", got, r.ID)
	}
	venue := mustCreateVenue(t, db, "多功能厅", 80)
	in := booking(venue.ID, db.Today().AddDays(1), "09:00", "10:00")
	in.Approve = false
	b := mustBook(t, db, in)
	got := pending()
	if len(got) != 1 || got[0].ID != b.ID {
		t.Fatalf("after a booking: pending %+v, want %d", got, b.ID)
	}
	got[0].Title = "改了"
	cs := callbacks()
	cs[0].Name = "改了"
	if pending()[0].Title != b.Title || callbacks()[0].Name != r.Name {
		t.Fatal("a caller's change reached the shared lists")
	}
	if _, err := db.Approve(ctx, b.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	if got := pending(); len(got) != 0 {
		t.Fatalf("after the approval: pending %+v, want none", got)
	}
	other, err := store.Open(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = db.Now
	resolve(other)
	deadline := time.Now().Add(eventWait)
	for len(callbacks()) != 2 {
		if time.Now().After(deadline) {
			t.Fatalf("another process's resolve not listed after %v: %d callbacks, want 2", eventWait, len(callbacks()))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestKioskWaiting: what the phones sent that still waits is today's kiosk
// visitors still in and the kiosk requests not yet taken, the newest first,
// with the count of them all however many are listed.
func TestKioskWaiting(t *testing.T) {
	db, clk := mustOpenClock(t)
	clk.Set(base.AddDate(0, 0, -1))
	yesterday := visit("昨天的访客", "", "consult")
	yesterday.Source = "kiosk"
	mustCheckIn(t, db, yesterday)
	clk.Set(base.Add(-3 * time.Hour))
	var in []store.Visit
	for i := range 12 {
		k := visit(fmt.Sprintf("扫码访客%02d", i), "", "consult")
		k.Source = "kiosk"
		in = append(in, mustCheckIn(t, db, k))
		clk.Add(time.Minute)
	}
	if _, err := db.CheckOut(ctx, in[0].ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	mustCheckIn(t, db, visit("前台访客", "", "business"))
	var newest store.Request
	for i := range 3 {
		r := request()
		r.Name, r.Source, r.Actor = fmt.Sprintf("扫码群众%d", i), "kiosk", ""
		newest = mustCreateRequest(t, db, r)
		clk.Add(time.Minute)
	}
	taken := request()
	taken.Source, taken.Actor = "kiosk", ""
	if _, err := db.Accept(ctx, mustCreateRequest(t, db, taken).ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	mustCreateRequest(t, db, request()) // the desk's own
	clk.Set(base)

	got, total, err := db.KioskWaiting(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if total != 11+3 || len(got) != 5 {
		t.Fatalf("got %d listed of %d, want 5 of 14 (11 still in today, 3 untaken requests)", len(got), total)
	}
	if got[0].Kind != store.KindRequest || got[0].ID != newest.ID || got[3].Kind != store.KindVisit || got[3].Name != "扫码访客11" {
		t.Fatalf("not newest first: %+v", got)
	}
	all, total, _ := db.KioskWaiting(ctx, 50)
	if len(all) != total {
		t.Fatalf("limit 50: %d listed, %d counted", len(all), total)
	}
	for _, s := range all {
		if s.Name == in[0].Name || s.Name == "昨天的访客" || s.Name == "前台访客" || s.Name == taken.Name {
			t.Errorf("%s is listed as waiting", s.Name)
		}
	}
}
