package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"frontdesk/store"
)

// TestTimeZone sets up centers with init --tz and checks that their days,
// receipt numbers and opening hours follow their zone, not Shanghai's and
// not the server's.
func TestTimeZone(t *testing.T) {
	// 20:30 UTC on 10 March: still the 10th in London and New York, already
	// 04:30 on the 11th in Shanghai.
	now := time.Date(2026, 3, 10, 20, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		tz      string
		day     store.Day
		receipt string
		dayUTC  [2]time.Time // the day's bounds
	}{
		{"", store.Day{Year: 2026, Month: 3, Day: 11}, "R-20260311-0001",
			[2]time.Time{time.Date(2026, 3, 10, 16, 0, 0, 0, time.UTC), time.Date(2026, 3, 11, 16, 0, 0, 0, time.UTC)}},
		{"Europe/London", store.Day{Year: 2026, Month: 3, Day: 10}, "R-20260310-0001",
			[2]time.Time{time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)}},
		// New York moved to summer time on 8 March: UTC-4.
		{"America/New_York", store.Day{Year: 2026, Month: 3, Day: 10}, "R-20260310-0001",
			[2]time.Time{time.Date(2026, 3, 10, 4, 0, 0, 0, time.UTC), time.Date(2026, 3, 11, 4, 0, 0, 0, time.UTC)}},
	} {
		name := c.tz
		if name == "" {
			name = "Default"
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "zone.db")
			db, clk := mustOpenAt(t, path, c.tz)
			clk.Set(now)
			wantTZ := c.tz
			if wantTZ == "" {
				wantTZ = store.DefaultTimeZone
			}
			if got := db.Location().String(); got != wantTZ {
				t.Fatalf("zone: got %s, want %s", got, wantTZ)
			}
			if got := db.Today(); got != c.day {
				t.Errorf("today at %v: got %v, want %v", now, got, c.day)
			}
			start, end := db.Bounds(c.day)
			if !start.Equal(c.dayUTC[0]) || !end.Equal(c.dayUTC[1]) {
				t.Errorf("bounds of %v: got %v–%v, want %v–%v", c.day, start, end, c.dayUTC[0], c.dayUTC[1])
			}
			if got := mustCreateRequest(t, db, request()).ReceiptNo; got != c.receipt {
				t.Errorf("receipt: got %s, want %s", got, c.receipt)
			}
			v := mustCheckIn(t, db, visit("张三", "", "business"))
			if on, _ := db.VisitsOn(ctx, c.day); len(on) != 1 || on[0].ID != v.ID {
				t.Errorf("visits on %v: got %d, want the visit", c.day, len(on))
			}
			if on, _ := db.VisitsOn(ctx, c.day.AddDays(-1)); len(on) != 0 {
				t.Errorf("visits on %v: got %d, want 0", c.day.AddDays(-1), len(on))
			}
			// Opening hours are the center's wall clock: 08:00–21:00 local.
			loc := db.Location()
			hall := mustCreateVenue(t, db, "多功能厅", 80)
			d := c.day.AddDays(1)
			s, e, err := db.BookingTimes(d.String(), "08:00", "09:00")
			if err != nil {
				t.Fatal(err)
			}
			if want := d.At(store.Clock{Hour: 8}, loc); !s.Equal(want) || !e.Equal(want.Add(time.Hour)) {
				t.Errorf("BookingTimes 08:00: got %v, want %v", s, want)
			}
			in := booking(hall.ID, d, "08:00", "09:00")
			in.Start, in.End = s, e
			mustBook(t, db, in)
			in.Start, in.End = s.Add(-time.Hour), s
			_, err = db.CreateBooking(ctx, in)
			wantCode(t, err, store.EINVALID, "start")
			// The day ends at the center's midnight: an open visit closes at
			// 21:00 of its own local day.
			clk.Set(c.dayUTC[1].Add(time.Minute))
			if n, err := db.CloseOpenVisits(ctx); err != nil || n != 1 {
				t.Fatalf("auto close: got %d (%v), want 1", n, err)
			}
			got, _ := db.Visit(ctx, v.ID)
			if want := c.day.At(store.Clock{Hour: 21}, loc); !got.CheckedOutAt.Equal(want) {
				t.Errorf("auto close: got %v, want %v", got.CheckedOutAt, want)
			}
			// The zone is stored: it survives a reopen.
			db.Close()
			again, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			if got := again.Location().String(); got != wantTZ {
				t.Errorf("zone after reopening: got %s, want %s", got, wantTZ)
			}
		})
	}
	t.Run("InitKeepsZone", func(t *testing.T) {
		db, _ := mustOpenAt(t, filepath.Join(t.TempDir(), "zone.db"), "Europe/London")
		if err := db.Init(ctx, store.InitInput{Center: "新名字", Actor: admin}); err != nil {
			t.Fatal(err)
		}
		if got := db.Settings().TimeZone; got != "Europe/London" {
			t.Errorf("zone after init without --tz: got %s, want Europe/London kept", got)
		}
	})
}

func TestDay(t *testing.T) {
	d, err := store.ParseDay("2026-02-28")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		n    int
		want string
	}{{1, "2026-03-01"}, {-59, "2025-12-31"}, {366, "2027-03-01"}} {
		if got := d.AddDays(c.n).String(); got != c.want {
			t.Errorf("%v + %d: got %s, want %s", d, c.n, got, c.want)
		}
	}
	if got, want := d.Compact(), "20260228"; got != want {
		t.Errorf("Compact: got %s, want %s", got, want)
	}
	if d.Weekday() != time.Saturday || !d.Before(d.AddDays(1)) || d.AddDays(1).Before(d) {
		t.Errorf("Weekday/Before of %v: wrong", d)
	}
	for _, s := range []string{"2026-2-28", "2026-02-30", "", "28/02/2026"} {
		_, err := store.ParseDay(s)
		wantCode(t, err, store.EINVALID, "date")
	}
	for _, c := range []struct {
		s  string
		ok bool
	}{{"00:00", true}, {"24:00", true}, {"23:59", true}, {"24:01", false}, {"9:00", false}, {"12:60", false}, {"ab:cd", false}, {"-1:00", false}} {
		if _, err := store.ParseClock(c.s); (err == nil) != c.ok {
			t.Errorf("ParseClock(%q): got err %v, want ok %v", c.s, err, c.ok)
		}
	}
}

// ParseDay's quick reading agrees with time.Parse on every day of four
// years (a leap year among them) and on near misses.
func TestParseDayAgrees(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, err := store.ParseDay(s)
		want, werr := time.Parse("2006-01-02", s)
		if (err == nil) != (werr == nil) {
			t.Fatalf("ParseDay(%q): error %v, time.Parse: %v", s, err, werr)
		}
		if err == nil && (got.Year != want.Year() || got.Month != want.Month() || got.Day != want.Day()) {
			t.Fatalf("ParseDay(%q) = %v, want %v", s, got, want.Format("2006-01-02"))
		}
	}
	for d := time.Date(2023, 1, 1, 12, 0, 0, 0, time.UTC); d.Year() < 2027; d = d.AddDate(0, 0, 1) {
		check(d.Format("2006-01-02"))
	}
	for _, s := range []string{"2026-02-29", "2024-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00",
		"2026-04-31", "2026-1-01", "2026/01/01", "20260101", "", "0000-01-01", "9999-12-31", "2026-01-0x", "+026-01-01"} {
		check(s)
	}
}
