package tui

import (
	"context"
	"testing"

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
	// The listener armed at start hears the event; it reaches Update as the program would deliver it.
	d.run(d.m.live.waitCmd())
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
	d.send(reloadMsg{external: true})
	d.send(reloadMsg{external: true})
	if d.m.live.badges[tabVisits] != 1 {
		t.Fatalf("badges = %v, want 1 on visits", d.m.live.badges)
	}
	d.wantView("2 来访(+1)", "外来")
}
