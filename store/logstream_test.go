package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"frontdesk/demo"
	"frontdesk/store"
)

// streamDemo is a month of demo data ending 2026-03-31 18:00 in Shanghai,
// with a visit, a request and a booking of 2026-03-10 voided.
func streamDemo(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Date(2026, 3, 31, 18, 0, 0, 0, mustLoad("Asia/Shanghai"))
	db.Now = func() time.Time { return now }
	ctx := context.Background()
	if _, err := demo.Generate(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	day := store.Day{Year: 2026, Month: 3, Day: 10}
	visits, err := db.VisitsOn(ctx, day)
	if err != nil || len(visits) < 2 {
		t.Fatalf("visits: %d, %v", len(visits), err)
	}
	reqs, err := db.Requests(ctx, store.RequestFilter{})
	if err != nil || len(reqs) < 2 {
		t.Fatalf("requests: %d, %v", len(reqs), err)
	}
	bookings, err := db.BookingsOn(ctx, day)
	if err != nil || len(bookings) < 1 {
		t.Fatalf("bookings: %d, %v", len(bookings), err)
	}
	for kind, id := range map[string]int64{store.KindVisit: visits[1].ID, store.KindRequest: reqs[len(reqs)/2].ID, store.KindBooking: bookings[0].ID} {
		if _, err := db.VoidRecord(ctx, kind, id, "王主任", "录入重复"); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// TestStreamLogIsDailyLog reads a day, a range and the month both ways: the
// streamed log, its rows put back into its lists, is DailyLog's (a day) or
// PeriodLog's (several days), field for field.
func TestStreamLogIsDailyLog(t *testing.T) {
	db := streamDemo(t)
	ctx := context.Background()
	d := func(m time.Month, day int) store.Day { return store.Day{Year: 2026, Month: m, Day: day} }
	for _, p := range []struct{ from, to store.Day }{
		{d(3, 10), d(3, 10)}, {d(3, 5), d(3, 20)}, {d(3, 1), d(3, 31)}, {d(2, 20), d(3, 3)}, {d(5, 1), d(5, 1)},
	} {
		period := p.from != p.to
		read := db.DailyLog
		if period {
			read = db.PeriodLog
		}
		want, err := read(ctx, p.from, p.to)
		if err != nil {
			t.Fatal(err)
		}
		var got store.DailyLog
		err = db.StreamLog(ctx, p.from, p.to, period, nil, func(l *store.DailyLog, rows *store.LogRows) error {
			if l.Visits != nil || l.Requests != nil || l.Bookings != nil {
				t.Errorf("%s..%s: the streamed log holds its records", p.from, p.to)
			}
			got = *l
			if err := rows.Visits(func(v store.Visit) error { got.Visits = append(got.Visits, v); return nil }); err != nil {
				return err
			}
			if err := rows.Requests(func(r store.LogRequest) error { got.Requests = append(got.Requests, r); return nil }); err != nil {
				return err
			}
			return rows.Bookings(func(b store.Booking) error { got.Bookings = append(got.Bookings, b); return nil })
		})
		if err != nil {
			t.Fatal(err)
		}
		if want.Summary.Visits == 0 && p.from.Month == 3 {
			t.Fatalf("%s..%s: no visits in the demo", p.from, p.to)
		}
		if !reflect.DeepEqual(&got, want) {
			gv, wv := reflect.ValueOf(got), reflect.ValueOf(*want)
			for i := range gv.NumField() {
				if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
					t.Errorf("%s..%s: %s differs:\n got %+v\nwant %+v", p.from, p.to, gv.Type().Field(i).Name,
						gv.Field(i).Interface(), wv.Field(i).Interface())
				}
			}
		}
	}
}

// TestStreamLogStopsWhereTold reads the month's visits through the rows,
// and again stopping at the 300th, past the first batch the rows are
// scanned in beside the reader: the reader's error comes back, and the
// visits it saw are the first ones of the whole reading, in order.
func TestStreamLogStopsWhereTold(t *testing.T) {
	db := streamDemo(t)
	ctx := context.Background()
	from, to := store.Day{Year: 2026, Month: 3, Day: 1}, store.Day{Year: 2026, Month: 3, Day: 31}
	var all []store.Visit
	if err := db.StreamLog(ctx, from, to, true, nil, func(l *store.DailyLog, rows *store.LogRows) error {
		return rows.Visits(func(v store.Visit) error { all = append(all, v); return nil })
	}); err != nil {
		t.Fatal(err)
	}
	const stopAt = 300
	if len(all) <= stopAt {
		t.Fatalf("the demo month has %d visits, want more than %d", len(all), stopAt)
	}
	stop := errors.New("enough")
	var seen []store.Visit
	err := db.StreamLog(ctx, from, to, true, nil, func(l *store.DailyLog, rows *store.LogRows) error {
		return rows.Visits(func(v store.Visit) error {
			seen = append(seen, v)
			if len(seen) == stopAt {
				return stop
			}
			return nil
		})
	})
	if !errors.Is(err, stop) {
		t.Fatalf("StreamLog returned %v, want the reader's error", err)
	}
	if !reflect.DeepEqual(seen, all[:stopAt]) {
		t.Errorf("the reader saw %d visits, not the first %d in order", len(seen), stopAt)
	}
}

// TestPreviousFiguresAsTallied holds a report's previous period, summed in
// SQL as StreamLog reads it, to PeriodLog's tallying of the records one by
// one: periods before and after the voided day, and the clock on the very
// second a waiting request falls due and the second after, when it turns
// late.
func TestPreviousFiguresAsTallied(t *testing.T) {
	db := streamDemo(t)
	ctx := context.Background()
	d := func(m time.Month, day int) store.Day { return store.Day{Year: 2026, Month: m, Day: day} }
	month, err := db.PeriodLog(ctx, d(3, 1), d(3, 31))
	if err != nil {
		t.Fatal(err)
	}
	var due time.Time
	var after store.Day // the day after the waiting request's
	for _, r := range month.Requests {
		if r.RespondedAt.IsZero() {
			due, after = r.RespondBy, db.DayOf(r.CreatedAt).AddDays(1)
		}
	}
	if due.IsZero() {
		t.Fatal("every request of March was handled: none waits to fall due")
	}
	previous := func(from, to store.Day) store.Figures {
		t.Helper()
		want, err := db.PeriodLog(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		var got store.Figures
		if err := db.StreamLog(ctx, from, to, true, nil, func(l *store.DailyLog, _ *store.LogRows) error {
			got = l.Period.Previous.Figures
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want.Period.Previous.Figures) {
			t.Errorf("%s..%s, at %s: previous period\n got %+v\nwant %+v", from, to, db.Now().Format(time.RFC3339Nano), got, want.Period.Previous.Figures)
		}
		return got
	}
	for _, p := range []struct{ from, to store.Day }{
		{d(3, 11), d(3, 20)}, {d(3, 11), d(3, 11)}, {d(4, 1), d(4, 30)}, {d(3, 1), d(3, 31)}, {d(1, 1), d(1, 5)},
	} {
		f := previous(p.from, p.to)
		if p.from == d(4, 1) {
			for name, n := range map[string]int{"visitors": f.Visitors, "volunteers": f.Volunteers, "service time": int(f.ServiceTime),
				"series": f.Series, "booked time": int(f.BookedTime), "overdue": f.Overdue, "on time": f.Response.Num, "kiosk": f.VisitSources.Kiosk} {
				if n == 0 {
					t.Errorf("March, as April's previous period, has no %s: the comparison proves nothing of it", name)
				}
			}
		}
	}
	db.Now = func() time.Time { return due }
	onTheSecond := previous(after, after)
	db.Now = func() time.Time { return due.Add(time.Second) }
	past := previous(after, after)
	if past.Response.Den <= onTheSecond.Response.Den {
		t.Errorf("a second past %s no waiting request turned late: %+v then %+v", due, onTheSecond.Response, past.Response)
	}
}
