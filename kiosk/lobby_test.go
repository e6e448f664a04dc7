package kiosk

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// TestLobbyBusyDay: a venue with a full day lists what is on and next, a
// few at a time, and says how many more there are, so the TV never scrolls.
func TestLobbyBusyDay(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	venues, _ := db.Venues(ctx, true)
	day := db.DayOf(testNow)
	db.Now = func() time.Time { return testNow.Add(-2 * time.Hour) } // 07:00, before any of them
	for _, span := range [][2]string{{"08:00", "08:30"}, {"10:00", "11:00"}, {"11:00", "12:00"}, {"12:00", "13:00"}, {"13:00", "14:00"}, {"14:00", "15:00"}} {
		start, end, err := db.BookingTimes(day.String(), span[0], span[1])
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.CreateBooking(ctx, store.BookingInput{VenueID: venues[0].ID, Org: "第一党支部", Contact: "李四", Phone: "13912345678",
			Title: "活动" + span[0], Purpose: "party_day", Attendees: 10, Start: start, End: end, Approve: true, Actor: "王芳"})
		if err != nil {
			t.Fatal(err)
		}
	}
	db.Now = func() time.Time { return testNow } // 09:00: the first has ended
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	rec := do(s.Handler(), "GET", "/", nil, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("lobby: got %d, want 200", rec.Code)
	}
	page := rec.Body.String()
	for _, want := range []string{"活动10:00", "活动11:00", "活动12:00", "另有 2 场"} {
		if !strings.Contains(page, want) {
			t.Errorf("lobby lacks %q", want)
		}
	}
	for _, gone := range []string{"活动08:00", "活动13:00", "活动14:00"} {
		if strings.Contains(page, gone) {
			t.Errorf("lobby shows %q, want it left out", gone)
		}
	}
}
