package kiosk

import (
	"context"
	"strings"
	"testing"

	"frontdesk/store"
)

// A repeat asked for from a phone arrives pending as one series; the status
// page lists every date with its state and lets the organiser cancel one
// date or the rest, in two steps.
func TestPhoneSeries(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{})
	h := s.Handler()
	ctx := context.Background()

	w := do(h, "POST", "/f/booking", bookingForm(s.token("booking", testNow), "repeat", "weekly", "until", "2026-07-01"), nil)
	if w.Code != 422 || !strings.Contains(w.Body.String(), `id="err-until">手机上最多预约三个月以内`) {
		t.Fatalf("a repeat past three months: status %d, want 422 with the message beside 重复到 %.600s", w.Code, w.Body.String())
	}
	w = do(h, "POST", "/f/booking", bookingForm(s.token("booking", testNow), "repeat", "weekly", "until", "2026-04-01"), nil)
	if w.Code != 303 {
		t.Fatalf("weekly repeat: status %d %.800s", w.Code, w.Body.String())
	}
	bs, _ := db.BookingsBetween(ctx, store.Day{Year: 2026, Month: 3, Day: 11}, store.Day{Year: 2026, Month: 4, Day: 1})
	if len(bs) != 4 || bs[0].SeriesID == 0 || bs[0].Status != store.BookingPending {
		t.Fatalf("series: got %d bookings (%+v), want 4 pending of one series", len(bs), bs)
	}
	// The desk approves the first date only.
	if _, err := db.DecideSeries(ctx, bs[0].ID, store.SeriesThis, true, "王芳", ""); err != nil {
		t.Fatal(err)
	}
	body := do(h, "GET", "/s/"+bs[1].StatusCode, nil, nil).Body.String()
	for _, want := range []string{"重复预约的各次", "每周周三", "2026-03-11 周三</a> <span class=\"state\">已确认", "<strong>2026-03-18 周三</strong> <span class=\"state\">待审核",
		"只取消这一次", `id="cancel-rest"`} {
		if !strings.Contains(body, want) {
			t.Errorf("status page lacks %q:\n%s", want, body)
		}
	}
	if w := do(h, "GET", "/s/"+bs[1].StatusCode+"/cancel-rest", nil, nil); w.Code != 200 || !strings.Contains(w.Body.String(), "取消这一次及以后的各次？") {
		t.Fatalf("cancel-rest asks first: status %d %.500s", w.Code, w.Body.String())
	}
	if w := do(h, "POST", "/s/"+bs[1].StatusCode+"/cancel-rest", nil, nil); w.Code != 200 {
		t.Fatalf("cancel-rest without the answer: status %d, want the question again", w.Code)
	}
	if w := do(h, "POST", "/s/"+bs[1].StatusCode+"/cancel-rest", map[string][]string{"confirm": {"yes"}}, nil); w.Code != 303 {
		t.Fatalf("cancel-rest: status %d %.500s", w.Code, w.Body.String())
	}
	sr, _ := db.SeriesByID(ctx, bs[0].SeriesID)
	want := []string{store.SeriesApproved, store.SeriesCancelled, store.SeriesCancelled, store.SeriesCancelled}
	for i, d := range sr.Dates {
		if d.State != want[i] {
			t.Errorf("date %s: got %s, want %s", d.Day, d.State, want[i])
		}
	}
}
