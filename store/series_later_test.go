package store_test

import (
	"testing"

	"frontdesk/store"
)

// TestMoveLaterFromTheFirstDate: "this date and later" taken from the first
// date still to come moves the whole series, so the series itself (its
// venue and time, what its heading shows) moves with its dates and they do
// not all read as moved; from a later date it stays a move of those dates.
func TestMoveLaterFromTheFirstDate(t *testing.T) {
	db := mustOpen(t)
	room := mustCreateVenue(t, db, "党员活动室", 30)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	first := baseDay.AddDays(7)
	res, err := db.CreateSeriesRule(ctx, seriesIn(room.ID, first, "19:00", "20:00", store.SeriesRule{Count: 3}))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := db.SeriesByID(ctx, res.SeriesID)

	rep, err := db.ChangeSeries(ctx, s.Dates[1].Booking.ID, store.SeriesLater, store.SeriesChange{VenueID: hall.ID, Actor: "王芳"})
	if err != nil || len(rep.Changed) != 2 {
		t.Fatalf("from the second date: got %+v, %v, want 2 moved", rep, err)
	}
	s, _ = db.SeriesByID(ctx, res.SeriesID)
	if s.VenueName != room.Name || s.Dates[0].State != store.SeriesApproved || s.Dates[1].State != store.SeriesMoved {
		t.Fatalf("from the second date: got venue %s, states %s %s, want %s, approved, moved", s.VenueName, s.Dates[0].State, s.Dates[1].State, room.Name)
	}

	rep, err = db.ChangeSeries(ctx, s.Dates[0].Booking.ID, store.SeriesLater, store.SeriesChange{VenueID: hall.ID, Actor: "王芳"})
	if err != nil || len(rep.Failed) != 0 {
		t.Fatalf("from the first date: got %+v, %v", rep, err)
	}
	s, _ = db.SeriesByID(ctx, res.SeriesID)
	if s.VenueName != hall.Name {
		t.Errorf("series venue: got %s, want %s", s.VenueName, hall.Name)
	}
	for _, d := range s.Dates {
		if d.State != store.SeriesApproved {
			t.Errorf("date %s: got %s, want approved (the series moved whole)", d.Day, d.State)
		}
	}
}
