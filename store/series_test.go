package store_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// zhOf returns a store error's Chinese message.
func zhOf(err error) string {
	var e *store.Error
	if errors.As(err, &e) {
		return e.Message("zh")
	}
	return ""
}

func days(ds ...string) []store.Day {
	var out []store.Day
	for _, s := range ds {
		d, err := store.ParseDay(s)
		if err != nil {
			panic(err)
		}
		out = append(out, d)
	}
	return out
}

func sameDays(t *testing.T, what string, got []store.Day, want []store.Day) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %v, want %v", what, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: got %v, want %v", what, got, want)
		}
	}
}

func TestSeriesRuleDates(t *testing.T) {
	first := baseDay // Tuesday 2026-03-10
	t.Run("WeeklyEveryTwoWeeksOnTwoDays", func(t *testing.T) {
		r := store.SeriesRule{Weekdays: []time.Weekday{time.Tuesday, time.Thursday}, Every: 2, First: first, Count: 5}
		got, err := r.Dates()
		if err != nil {
			t.Fatal(err)
		}
		sameDays(t, "every two weeks", got, days("2026-03-10", "2026-03-12", "2026-03-24", "2026-03-26", "2026-04-07"))
		if zh := r.Describe().ZH; zh != "每 2 周的周二、周四" {
			t.Errorf("describe: got %q", zh)
		}
	})
	t.Run("MonthlyFirstTuesday", func(t *testing.T) {
		r := store.SeriesRule{Monthly: true, Nth: 1, Weekday: time.Tuesday, First: first, Last: days("2026-06-30")[0]}
		got, err := r.Dates()
		if err != nil {
			t.Fatal(err)
		}
		// March's first Tuesday (03-03) is before the first day.
		sameDays(t, "first Tuesdays", got, days("2026-04-07", "2026-05-05", "2026-06-02"))
		if zh := r.Describe().ZH; zh != "每月第一个周二" {
			t.Errorf("describe: got %q", zh)
		}
	})
	t.Run("MonthlyLastFriday", func(t *testing.T) {
		r := store.SeriesRule{Monthly: true, Nth: -1, Weekday: time.Friday, First: first, Count: 3}
		got, err := r.Dates()
		if err != nil {
			t.Fatal(err)
		}
		sameDays(t, "last Fridays", got, days("2026-03-27", "2026-04-24", "2026-05-29"))
	})
	bad := []struct {
		name, field, says string
		r                 store.SeriesRule
	}{
		{"ErrNoDates", "last", "没有日期", store.SeriesRule{Weekdays: []time.Weekday{time.Monday}, First: first, Last: first.AddDays(3)}},
		{"ErrLastBeforeFirst", "last", "早于开始日期", store.SeriesRule{First: first, Last: first.AddDays(-1)}},
		{"ErrNoEnd", "last", "结束日期或重复次数", store.SeriesRule{First: first}},
		{"ErrMoreThan100", "last", "超过 100 次", store.SeriesRule{Weekdays: []time.Weekday{time.Monday, time.Wednesday, time.Friday}, First: first, Last: first.AddDays(300)}},
		{"ErrCountOver100", "count", "1 到 100", store.SeriesRule{First: first, Count: 101}},
		{"ErrFifthTuesday", "nth", "2026-04、2026-05 没有这一天", store.SeriesRule{Monthly: true, Nth: 5, Weekday: time.Tuesday, First: first, Last: days("2026-06-30")[0]}},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.r.Dates()
			wantCode(t, err, store.EINVALID, c.field)
			if err == nil || !strings.Contains(zhOf(err), c.says) {
				t.Errorf("message: got %v, want it to say %q", err, c.says)
			}
		})
	}
}

func seriesIn(venueID int64, d store.Day, start, end string, r store.SeriesRule) store.SeriesInput {
	in := booking(venueID, d, start, end)
	in.Title, in.Purpose = "第一党小组会", "three_one"
	r.First = d
	return store.SeriesInput{BookingInput: in, Rule: r}
}

func TestCreateSeriesRule(t *testing.T) {
	path := filepath.Join(t.TempDir(), "frontdesk.db")
	db, _ := mustOpenAt(t, path, "")
	room := mustCreateVenue(t, db, "党员活动室", 30)
	first := baseDay.AddDays(7) // Tuesday 03-17
	taken := mustBook(t, db, booking(room.ID, first.AddDays(14), "19:30", "20:30"))
	in := seriesIn(room.ID, first, "19:00", "20:00", store.SeriesRule{Count: 4})

	preview, err := db.PreviewSeries(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(preview) != 4 || preview[2].State != store.SeriesClashed || preview[2].Err.Clash == nil || preview[2].Err.Clash.ID != taken.ID {
		t.Fatalf("preview: got %+v, want 4 dates, the third clashing with %s", preview, taken.ReceiptNo)
	}
	res, err := db.CreateSeriesRule(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Booked) != 3 || len(res.Clashes) != 1 {
		t.Fatalf("create: got %d booked, %d clashed, want 3 and 1", len(res.Booked), len(res.Clashes))
	}
	s, err := db.SeriesByID(ctx, res.SeriesID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Org != in.Org || s.Start != (store.Clock{Hour: 19}) || s.Minutes != 60 || len(s.Dates) != 4 {
		t.Fatalf("series: got %+v", s)
	}
	if s.Dates[2].State != store.SeriesClashed || s.Dates[2].Booking != nil || !strings.Contains(s.Dates[2].Err.ZH, taken.ReceiptNo) {
		t.Errorf("clashed date on the series: got %+v, want it clashed naming %s", s.Dates[2], taken.ReceiptNo)
	}
	if n := s.Count(); n[store.SeriesApproved] != 3 {
		t.Errorf("counts: got %v, want 3 approved", n)
	}

	t.Run("MoveThisDate", func(t *testing.T) {
		second := s.Dates[1].Booking
		rep, err := db.ChangeSeries(ctx, second.ID, store.SeriesThis, store.SeriesChange{Day: first.AddDays(8), Actor: "王芳"})
		if err != nil || len(rep.Changed) != 1 || len(rep.Failed) != 0 {
			t.Fatalf("move: got %+v, %v", rep, err)
		}
		if got := rep.Changed[0].Start; !got.Equal(at(first.AddDays(8), "19:00")) {
			t.Errorf("moved to %v, want 03-25 19:00", got)
		}
		s, _ := db.SeriesByID(ctx, res.SeriesID)
		if s.Dates[1].State != store.SeriesMoved {
			t.Errorf("state: got %s, want moved", s.Dates[1].State)
		}
	})
	t.Run("MoveAllReportsWhatCannotMove", func(t *testing.T) {
		// A desk booking on the last date blocks the move there.
		block := mustBook(t, db, booking(room.ID, first.AddDays(21), "17:00", "18:00"))
		rep, err := db.ChangeSeries(ctx, s.Dates[0].Booking.ID, store.SeriesAll,
			store.SeriesChange{Start: store.Clock{Hour: 17}, End: store.Clock{Hour: 18}, Actor: "王芳"})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Changed) != 2 || len(rep.Failed) != 1 || rep.Failed[0].Day != first.AddDays(21) {
			t.Fatalf("move all: got %d changed, failed %+v, want 2 and the 04-07 reported", len(rep.Changed), rep.Failed)
		}
		if !strings.Contains(zhOf(rep.Failed[0].Err), block.ReceiptNo) {
			t.Errorf("failure: got %v, want it to name %s", rep.Failed[0].Err, block.ReceiptNo)
		}
		last, _ := db.Booking(ctx, s.Dates[3].Booking.ID)
		if !last.Start.Equal(at(first.AddDays(21), "19:00")) {
			t.Errorf("the date that could not move: now %v, want it left at 19:00", last.Start)
		}
	})
	t.Run("ErrCapacity", func(t *testing.T) {
		rep, err := db.ChangeSeries(ctx, s.Dates[0].Booking.ID, store.SeriesAll, store.SeriesChange{Attendees: 31, Actor: "王芳"})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Changed) != 0 || len(rep.Failed) != 3 {
			t.Fatalf("31 in a room of 30: got %d changed, %d failed, want 0 and 3", len(rep.Changed), len(rep.Failed))
		}
		wantCode(t, rep.Failed[0].Err, store.EINVALID, "attendees")
	})
	t.Run("CancelThisAndLater", func(t *testing.T) {
		rep, err := db.ChangeSeries(ctx, s.Dates[1].Booking.ID, store.SeriesLater, store.SeriesChange{Cancel: true, Reason: "支部改期", Actor: "王芳"})
		if err != nil || len(rep.Changed) != 2 {
			t.Fatalf("cancel later: got %+v, %v, want 2 cancelled", rep, err)
		}
		s, _ := db.SeriesByID(ctx, res.SeriesID)
		want := []string{store.SeriesMoved, store.SeriesCancelled, store.SeriesClashed, store.SeriesCancelled}
		for i, d := range s.Dates {
			if d.State != want[i] {
				t.Errorf("date %s: got %s, want %s", d.Day, d.State, want[i])
			}
		}
		_, err = db.ChangeSeries(ctx, s.Dates[3].Booking.ID, store.SeriesThis, store.SeriesChange{Cancel: true, Actor: "王芳"})
		wantCode(t, err, store.ECONFLICT, "")
	})

	t.Run("ErrRefusedWhole", func(t *testing.T) {
		before := rowCounts(t, path)
		late := seriesIn(room.ID, first, "20:00", "22:00", store.SeriesRule{Count: 3})
		_, err := db.CreateSeriesRule(ctx, late)
		wantCode(t, err, store.EINVALID, "end")
		crowd := seriesIn(room.ID, first, "14:00", "15:00", store.SeriesRule{Count: 3})
		crowd.Attendees = 40
		wantCode(t, second(db.CreateSeriesRule(ctx, crowd)), store.EINVALID, "attendees")
		fifth := seriesIn(room.ID, first, "14:00", "15:00", store.SeriesRule{Monthly: true, Nth: 5, Weekday: time.Tuesday, Count: 3})
		wantCode(t, second(db.CreateSeriesRule(ctx, fifth)), store.EINVALID, "nth")
		many := seriesIn(room.ID, first, "14:00", "15:00", store.SeriesRule{Weekdays: []time.Weekday{time.Monday, time.Tuesday}, Last: first.AddDays(400)})
		wantCode(t, second(db.CreateSeriesRule(ctx, many)), store.EINVALID, "last")
		wantSameCounts(t, before, rowCounts(t, path))
	})
}

func TestPhoneSeries(t *testing.T) {
	db := mustOpen(t)
	room := mustCreateVenue(t, db, "党员活动室", 30)
	first := baseDay.AddDays(2) // Thursday 03-12
	in := seriesIn(room.ID, first, "14:00", "16:00", store.SeriesRule{Count: 3})
	in.Source, in.Actor = "kiosk", "kiosk"
	res, err := db.CreateSeriesRule(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Booked) != 3 || res.Booked[0].Status != store.BookingPending {
		t.Fatalf("phone series: got %+v, want 3 pending dates", res.Booked)
	}
	// The desk books the second Thursday before the series is decided: the
	// series shows that date clashed.
	desk := mustBook(t, db, booking(room.ID, first.AddDays(7), "15:00", "17:00"))
	s, _ := db.SeriesByID(ctx, res.SeriesID)
	if s.Dates[1].State != store.SeriesClashed || s.Dates[1].Err.Clash.ID != desk.ID {
		t.Fatalf("a later clash: got %+v, want the second date clashed with %s", s.Dates[1], desk.ReceiptNo)
	}
	rep, err := db.DecideSeries(ctx, res.Booked[0].ID, store.SeriesAll, true, "王芳", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Changed) != 2 || len(rep.Failed) != 1 || rep.Failed[0].Day != first.AddDays(7) {
		t.Fatalf("approve whole: got %d approved, failed %+v, want 2 and the 03-19 reported", len(rep.Changed), rep.Failed)
	}
	rep, err = db.DecideSeries(ctx, res.Booked[1].ID, store.SeriesThis, false, "王芳", "该日已有活动")
	if err != nil || len(rep.Changed) != 1 {
		t.Fatalf("reject one: got %+v, %v", rep, err)
	}
	// The organiser cancels the last date from the status page.
	rep, err = db.CancelSeriesByCode(ctx, res.Booked[2].StatusCode, store.SeriesThis)
	if err != nil || len(rep.Changed) != 1 {
		t.Fatalf("organiser cancels: got %+v, %v", rep, err)
	}
	s, _ = db.SeriesByID(ctx, res.SeriesID)
	want := []string{store.SeriesApproved, store.SeriesRejected, store.SeriesCancelled}
	for i, d := range s.Dates {
		if d.State != want[i] {
			t.Errorf("date %s: got %s, want %s", d.Day, d.State, want[i])
		}
	}
	t.Run("ErrMoreThanThreeMonths", func(t *testing.T) {
		far := seriesIn(room.ID, first, "09:00", "10:00", store.SeriesRule{Monthly: true, Nth: 2, Weekday: time.Thursday, Count: 4})
		far.Source, far.Actor, far.Approve = "kiosk", "kiosk", false
		wantCode(t, second(db.CreateSeriesRule(ctx, far)), store.EINVALID, "last")
	})
}
