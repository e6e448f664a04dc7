package tui

import (
	"context"
	"testing"
	"time"

	"frontdesk/store"
)

func TestKioskBadge(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	_, err := db.CreateRequest(context.Background(), store.RequestInput{Name: "新访客", Phone: "13900009999",
		Category: "other", Description: "扫码提交的诉求", Source: "kiosk"})
	if err != nil {
		t.Fatal(err)
	}
	// The event reaches Update as the listener would deliver it; the reload
	// it schedules is sent by hand, since the re-armed listener never returns.
	for heard := false; !heard; {
		select {
		case e := <-d.m.live.events:
			d.m.Update(eventMsg(e))
			heard = e.Kind == store.KindRequest
		case <-time.After(5 * time.Second):
			t.Fatal("no event for the kiosk request")
		}
	}
	d.send(reloadMsg{})
	if d.m.live.badges[tabRequests] != 1 {
		t.Fatalf("badges = %v, want 1 on requests", d.m.live.badges)
	}
	d.wantView("3 诉求(+1)", "扫码新提交：诉求")
	d.key("3")
	if d.m.live.badges[tabRequests] != 0 {
		t.Fatal("visiting the tab did not clear its badge")
	}
	d.wantView("新访客")
}

func TestExternalKioskRecordCountsOnce(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	other, err := store.Open(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = clk.Now
	if _, err := other.CheckIn(context.Background(), store.VisitInput{Name: "外来", Purpose: "consult", Source: "kiosk"}); err != nil {
		t.Fatal(err)
	}
	// The watcher's event for the other process's write, heard twice; the
	// listener's own commands (it would wait for the next) are dropped.
	for range 2 {
		d.m.Update(eventMsg{Kind: store.KindExternal})
		d.send(reloadMsg{})
	}
	if d.m.live.badges[tabVisits] != 1 {
		t.Fatalf("badges = %v, want 1 on visits", d.m.live.badges)
	}
	d.wantView("2 来访(+1)", "外来")
}

// A phone check-in raises the badge and a notice that names who came.
func TestKioskCheckInNoticed(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	v, err := db.CheckIn(context.Background(), store.VisitInput{Name: "扫码来客", Phone: "13900007777", Purpose: "consult", Source: "kiosk"})
	if err != nil {
		t.Fatal(err)
	}
	for heard := false; !heard; {
		select {
		case e := <-d.m.live.events:
			d.m.Update(eventMsg(e))
			heard = e.Kind == store.KindVisit && e.ID == v.ID
		case <-time.After(5 * time.Second):
			t.Fatal("no event for the kiosk check-in")
		}
	}
	d.run(nameArrivalCmd(d.m.env, store.KindVisit, v.ID))
	d.send(reloadMsg{})
	if d.m.live.badges[tabVisits] != 1 {
		t.Fatalf("badges = %v, want 1 on visits", d.m.live.badges)
	}
	d.wantView("2 来访(+1)", "扫码新提交：来访 扫码来客 "+v.ReceiptNo, "扫码来客")
}

// A burst of phone check-ins costs a desk one naming read at a time: the
// arrivals heard while a read is out wait, and the newest of them is named
// when it is done.
func TestArrivalsNamedOneReadAtATime(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	var ids []int64
	for _, name := range []string{"甲", "乙", "丙"} {
		v, err := db.CheckIn(context.Background(), store.VisitInput{Name: "扫码" + name, Purpose: "consult", Source: "kiosk"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, v.ID)
	}
	for heard := 0; heard < len(ids); {
		select {
		case e := <-d.m.live.events:
			if e.Kind == store.KindVisit {
				heard++
				d.m.Update(eventMsg(e)) // the first arrival's read is left to run below
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no event for a kiosk check-in")
		}
	}
	if !d.m.live.naming || d.m.live.next == nil || d.m.live.next.id != ids[2] {
		t.Fatalf("after 3 arrivals: naming %v, waiting %+v; want one read out and the newest (%d) waiting",
			d.m.live.naming, d.m.live.next, ids[2])
	}
	d.run(nameArrivalCmd(d.m.env, store.KindVisit, ids[0]))
	d.wantView("扫码新提交：来访 扫码丙")
	if d.m.live.naming || d.m.live.next != nil {
		t.Fatalf("after the reads: naming %v, waiting %+v; want none", d.m.live.naming, d.m.live.next)
	}
	if d.m.live.badges[tabVisits] != 3 {
		t.Fatalf("badges = %v, want 3 on visits", d.m.live.badges)
	}
}
