package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"frontdesk/lang"
	"frontdesk/store"
)

// In English at 80 columns no label in a list is cut: a request of every
// category, a visit of every purpose and a booking of every status are each
// listed whole, on the requests, visits and bookings lists, the roll call
// and the 待办 inbox. Long English names show short in lists (lang.ListShort)
// and whole in the details.
func TestEnglishListLabelsWhole(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	ctx := context.Background()
	// Enough older requests for the list to say where the cursor is
	// (1/113), then one of every category, two of them moved on to the
	// statuses with the longest names.
	for i := range 100 {
		if _, err := db.CreateRequest(ctx, store.RequestInput{Name: fmt.Sprintf("旧%d", i), Phone: "13900003333", Category: "other",
			Description: "x", Actor: "王芳"}); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range store.Categories {
		r, err := db.CreateRequest(ctx, store.RequestInput{Name: fmt.Sprintf("R%d", i), Phone: "13900003333", Category: c.Code,
			Description: "x", Source: store.SourceKiosk})
		if err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			if _, err := db.Accept(ctx, r.ID, "王芳"); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				_, err = db.Start(ctx, r.ID, "王芳", "")
			} else {
				_, err = db.Transfer(ctx, r.ID, "王芳", "平城区人社局", "")
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, p := range store.Purposes {
		if _, err := db.CheckIn(ctx, store.VisitInput{Name: fmt.Sprintf("V%d", i), Phone: "13900004444", Purpose: p.Code, Actor: "王芳"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.CancelBooking(ctx, s.approved.ID, "王芳", "x"); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, db, Options{Staff: "王芳", Lang: "en"})
	d.send(teaSize(80, 24))
	e := d.m.env
	// lists names the labels a list shows and the keys that reach it.
	lists := []struct {
		keys   []string
		labels []string
	}{
		{[]string{"3"}, nil},
		{[]string{"2"}, nil},
		{[]string{"1", "r"}, nil},
		{[]string{"4"}, nil},
	}
	for _, c := range store.Categories {
		lists[0].labels = append(lists[0].labels, e.short(store.Categories, c.Code))
	}
	lists[0].labels = append(lists[0].labels, "1/113", e.short(store.RequestStatuses, store.StatusInProgress),
		e.short(store.RequestStatuses, store.StatusTransferred))
	for _, p := range store.Purposes {
		lists[1].labels = append(lists[1].labels, e.short(store.Purposes, p.Code))
		lists[2].labels = append(lists[2].labels, e.short(store.Purposes, p.Code))
	}
	for _, st := range []string{store.BookingApproved, store.BookingPending, store.BookingCancelled} {
		lists[3].labels = append(lists[3].labels, e.short(store.BookingStatuses, st))
	}
	for _, l := range lists {
		d.key(l.keys...)
		screen := d.view()
		// A label cut shows as its start and "…": whole, it is there.
		for _, want := range l.labels {
			if !strings.Contains(screen, want) {
				t.Errorf("after %v: %q is not listed whole:\n%s", l.keys, want, screen)
			}
		}
		for _, line := range strings.Split(screen, "\n") {
			if ansi.StringWidth(line) > 80 {
				t.Errorf("after %v: %q is wider than 80", l.keys, line)
			}
		}
	}
	// The inbox ends a phone request's line with its category, whole.
	d.key("1", "esc")
	shorts := map[string]bool{}
	for _, c := range lists[0].labels {
		shorts[c] = true
	}
	seen := 0
	for _, line := range strings.Split(d.view(), "\n") {
		if _, cat, ok := strings.Cut(line, " "+lang.KindRequest.EN+" "); ok {
			seen++
			if !shorts[strings.TrimSpace(cat)] {
				t.Errorf("inbox: %q does not end in a whole category", line)
			}
		}
	}
	if seen < 3 {
		t.Errorf("inbox: %d phone requests listed, want several:\n%s", seen, d.view())
	}
	// Every long name has its short form, and the short forms fit the
	// narrowest column a list gives a label (the Chinese names' 8 cells
	// would do; the short names stay under twice that).
	for _, list := range [][]store.Label{store.Categories, store.Purposes, store.RequestStatuses, store.BookingStatuses, store.Sources} {
		for _, l := range list {
			if short := e.short(list, l.Code); ansi.StringWidth(short) > 14 {
				t.Errorf("%s: %q is %d wide; give it a short name in lang.ListShort", l.Code, short, ansi.StringWidth(short))
			}
		}
	}
	// The details keep the full name.
	d.key("3", "/")
	d.typ("R5") // of store.Categories[5], environment
	d.key("enter", "enter")
	d.wantView(lang.EnvironmentSanitation.EN)
}
