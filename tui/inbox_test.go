package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"frontdesk/store"
)

// The inbox lists the longest-waiting callbacks only, counts them all, and
// says how many more there are at the end of its list.
func TestInboxListsHeadOfCallbacks(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	ctx := context.Background()
	const extra = inboxCallbacks + 5
	for i := range extra {
		r, err := db.CreateRequest(ctx, store.RequestInput{Name: fmt.Sprintf("回访%02d", i), Phone: "13900001111",
			Category: "policy", Description: "咨询", Actor: "王芳"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Resolve(ctx, r.ID, "王芳", "已办结"); err != nil {
			t.Fatal(err)
		}
	}
	all, err := db.Callbacks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, db, Options{Staff: "王芳"})
	today := tabAs[todayTab](t, d.m)
	listed := 0
	for _, it := range today.inbox {
		if it.group == inboxCallback {
			listed++
		}
	}
	if listed != inboxCallbacks {
		t.Fatalf("the inbox lists %d callbacks, want the first %d", listed, inboxCallbacks)
	}
	_, total := today.inboxSizes()
	d.wantView(fmt.Sprintf("待回访 %d", len(all)), fmt.Sprintf("待办（%d）", total))
	more := fmt.Sprintf("…另有 %d 条待回访", len(all)-inboxCallbacks)
	d.dontWantView(more)
	for range len(today.inbox) {
		d.key("down")
	}
	d.wantView(more, all[inboxCallbacks-1].ReceiptNo)
	if v := d.view(); strings.Contains(v, all[inboxCallbacks].ReceiptNo) {
		t.Fatalf("the inbox lists callback %d of %d:\n%s", inboxCallbacks+1, len(all), v)
	}
}

// The inbox counts every phone submission that waits, not only the newest it
// looked at: thirteen phone check-ins still in the building are 扫码新 13.
func TestInboxCountsEveryPhoneSubmission(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	ctx := context.Background()
	before, _, err := db.KioskWaiting(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	const phones = 13
	for i := range phones {
		if _, err := db.CheckIn(ctx, store.VisitInput{Name: fmt.Sprintf("扫码%02d", i), Phone: "13700001234", Purpose: "consult",
			Headcount: 1, Source: store.SourceKiosk}); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.wantView(fmt.Sprintf("扫码新 %d", len(before)+phones))
}
