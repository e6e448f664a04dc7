package store_test

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// tomorrow is the day most booking tests book.
var tomorrow = baseDay.AddDays(1)

func TestCreateBooking(t *testing.T) {
	t.Run("ReturnsWhatIsStored", func(t *testing.T) {
		db := mustOpen(t)
		hall := mustCreateVenue(t, db, "多功能厅", 80)
		// The booking returned is built from what was written, not read
		// back: it must be the one the file holds, field for field.
		phone := booking(hall.ID, tomorrow, "18:00", "19:00")
		phone.Approve, phone.Actor, phone.Source = false, store.ActorKiosk, store.SourceKiosk
		for _, in := range []store.BookingInput{booking(hall.ID, tomorrow, "17:00", "18:00"), phone} {
			made, err := db.CreateBooking(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			if stored, err := db.Booking(ctx, made.ID); err != nil || !reflect.DeepEqual(made, stored) {
				t.Errorf("booking returned\n%+v\nbooking stored (%v)\n%+v", made, err, stored)
			}
		}
	})
	t.Run("OK", func(t *testing.T) {
		db := mustOpen(t)
		hall := mustCreateVenue(t, db, "多功能厅", 80)
		b, err := db.CreateBooking(ctx, booking(hall.ID, tomorrow, "14:00", "16:00"))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := b.ReceiptNo, "B-20260310-0001"; got != want {
			t.Errorf("receipt: got %q, want %q (numbered by the day it was made)", got, want)
		}
		if b.Status != store.BookingApproved || b.DecidedBy != "王芳" || !b.DecidedAt.Equal(base) {
			t.Errorf("desk booking: got %s by %q at %v, want approved by 王芳 at %v", b.Status, b.DecidedBy, b.DecidedAt, base)
		}
		if b.VenueName != "多功能厅" || !b.Start.Equal(at(tomorrow, "14:00")) || !b.End.Equal(at(tomorrow, "16:00")) || b.Hours() != 2 {
			t.Errorf("booking: got %s %v–%v, want 多功能厅 14:00–16:00", b.VenueName, b.Start, b.End)
		}
		if got, _ := db.BookingByReceipt(ctx, "b-20260310-0001"); got.ID != b.ID {
			t.Errorf("by receipt: got %d, want %d", got.ID, b.ID)
		}
		if got, _ := db.BookingByCode(ctx, b.StatusCode); got.ID != b.ID {
			t.Errorf("by code: got %d, want %d", got.ID, b.ID)
		}
		on, err := db.BookingsOn(ctx, tomorrow)
		if err != nil || len(on) != 1 || on[0].ID != b.ID {
			t.Errorf("bookings on %s: got %d (%v), want the booking", tomorrow, len(on), err)
		}
		if on, _ := db.BookingsOn(ctx, baseDay); len(on) != 0 {
			t.Errorf("bookings on %s: got %d, want 0", baseDay, len(on))
		}
	})
	t.Run("KioskWaits", func(t *testing.T) {
		db := mustOpen(t)
		hall := mustCreateVenue(t, db, "多功能厅", 80)
		in := booking(hall.ID, tomorrow, "14:00", "16:00")
		in.Source, in.Actor = "kiosk", ""
		b := mustBook(t, db, in)
		if b.Status != store.BookingPending || b.CreatedBy != "kiosk" {
			t.Errorf("kiosk booking: got %s by %q, want pending by kiosk", b.Status, b.CreatedBy)
		}
		pending, _ := db.PendingBookings(ctx)
		if len(pending) != 1 || pending[0].ID != b.ID {
			t.Errorf("pending list: got %d, want the kiosk booking", len(pending))
		}
	})
}

// TestBookingRules tries one booking against each rule of a slot.
func TestBookingRules(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	room, err := db.CreateVenue(ctx, admin, store.VenueInput{Name: "党员活动室", Capacity: 30, OpensAt: "09:00", ClosesAt: "17:30"})
	if err != nil {
		t.Fatal(err)
	}
	closed := mustCreateVenue(t, db, "旧会议室", 20)
	if _, err := db.SetVenueActive(ctx, admin, closed.ID, false, false); err != nil {
		t.Fatal(err)
	}
	mod := func(in store.BookingInput, f func(*store.BookingInput)) store.BookingInput { f(&in); return in }
	ok := booking(room.ID, tomorrow, "14:00", "16:00")
	for _, c := range []struct {
		name        string
		in          store.BookingInput
		code, field string
	}{
		{"OKAtCapacity", mod(ok, func(in *store.BookingInput) { in.Attendees = 30 }), "", ""},
		{"ErrOverCapacity", mod(ok, func(in *store.BookingInput) { in.Attendees = 31 }), store.EINVALID, "attendees"},
		{"OKWholeOpeningHours", booking(room.ID, tomorrow, "09:00", "17:30"), "", ""},
		{"ErrBeforeOpening", booking(room.ID, tomorrow, "08:59", "10:00"), store.EINVALID, "start"},
		{"ErrAfterClosing", booking(room.ID, tomorrow, "16:00", "17:31"), store.EINVALID, "end"},
		{"ErrOvernight", mod(booking(hall.ID, tomorrow, "20:00", "21:00"), func(in *store.BookingInput) {
			in.End = at(tomorrow.AddDays(1), "09:00")
		}), store.EINVALID, "end"},
		{"ErrEndAtStart", booking(room.ID, tomorrow, "14:00", "14:00"), store.EINVALID, "end"},
		{"ErrEndBeforeStart", booking(room.ID, tomorrow, "14:00", "13:00"), store.EINVALID, "end"},
		{"ErrPast", booking(hall.ID, baseDay, "09:00", "11:00"), store.EINVALID, "start"},
		{"OKLaterToday", booking(hall.ID, baseDay, "10:00", "11:00"), "", ""},
		{"OK179DaysAhead", booking(hall.ID, baseDay.AddDays(179), "10:00", "11:00"), "", ""},
		{"ErrOver180DaysAhead", booking(hall.ID, baseDay.AddDays(181), "10:00", "11:00"), store.EINVALID, "date"},
		{"ErrInactiveVenue", booking(closed.ID, tomorrow, "10:00", "11:00"), store.EINVALID, "venue"},
		{"ErrNoSuchVenue", booking(999, tomorrow, "10:00", "11:00"), store.ENOTFOUND, "venue"},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk.Set(base)
			before := rowCounts(t, db.Path())
			checkErr := db.CheckBooking(ctx, c.in)
			b, err := db.CreateBooking(ctx, c.in)
			if c.code == "" {
				if err != nil || checkErr != nil {
					t.Fatalf("create: got %v (check %v), want success", err, checkErr)
				}
				// Free the slot for the next case.
				if _, err := db.CancelBooking(ctx, b.ID, "王芳", ""); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantCode(t, err, c.code, c.field)
			wantCode(t, checkErr, c.code, c.field)
			wantSameCounts(t, before, rowCounts(t, db.Path()))
		})
	}
}

func TestClash(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	room := mustCreateVenue(t, db, "党员活动室", 30)
	taken := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00"))
	for _, c := range []struct {
		name       string
		venue      int64
		start, end string
		clash      bool
	}{
		{"ErrSame", hall.ID, "14:00", "16:00", true},
		{"ErrOverlapEnd", hall.ID, "15:00", "17:00", true},
		{"ErrOverlapStart", hall.ID, "13:00", "14:01", true},
		{"ErrInside", hall.ID, "14:30", "15:00", true},
		{"ErrAround", hall.ID, "13:00", "17:00", true},
		{"OKJustBefore", hall.ID, "12:00", "14:00", false},
		{"OKJustAfter", hall.ID, "16:00", "18:00", false},
		{"OKOtherVenue", room.ID, "14:00", "16:00", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := db.Clash(ctx, c.venue, at(tomorrow, c.start), at(tomorrow, c.end))
			if err != nil {
				t.Fatal(err)
			}
			if (got != nil) != c.clash {
				t.Fatalf("Clash: got %v, want clash %v", got, c.clash)
			}
			before := rowCounts(t, db.Path())
			b, err := db.CreateBooking(ctx, booking(c.venue, tomorrow, c.start, c.end))
			if !c.clash {
				if err != nil {
					t.Fatalf("create: got %v, want success", err)
				}
				if _, err := db.CancelBooking(ctx, b.ID, "王芳", "测试"); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got.ID != taken.ID {
				t.Errorf("Clash: got booking %d, want %d", got.ID, taken.ID)
			}
			wantCode(t, err, store.ECONFLICT, "")
			var e *store.Error
			if !errors.As(err, &e) || e.Clash == nil || e.Clash.ID != taken.ID {
				t.Fatalf("the error's Clash: got %+v, want booking %d", e, taken.ID)
			}
			if !strings.Contains(e.ZH, taken.ReceiptNo) || !strings.Contains(e.ZH, "14:00") {
				t.Errorf("message %q: want the clashing receipt %s and its time", e.ZH, taken.ReceiptNo)
			}
			wantSameCounts(t, before, rowCounts(t, db.Path()))
		})
	}
	t.Run("PendingDoesNotBlock", func(t *testing.T) {
		in := booking(room.ID, tomorrow, "09:00", "11:00")
		in.Approve = false
		p := mustBook(t, db, in)
		if p.Status != store.BookingPending {
			t.Fatalf("status: got %s, want pending", p.Status)
		}
		if c, _ := db.Clash(ctx, room.ID, p.Start, p.End); c != nil {
			t.Errorf("Clash with only a pending booking: got %d, want none", c.ID)
		}
		mustBook(t, db, booking(room.ID, tomorrow, "09:00", "11:00"))
	})
}

func TestApprove(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	pending := func(start, end string) store.Booking {
		in := booking(hall.ID, tomorrow, start, end)
		in.Approve = false
		return mustBook(t, db, in)
	}
	a, b := pending("14:00", "16:00"), pending("15:00", "17:00")
	t.Run("OK", func(t *testing.T) {
		clk.Add(time.Hour)
		got, err := db.Approve(ctx, a.ID, "李明")
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != store.BookingApproved || got.DecidedBy != "李明" || !got.DecidedAt.Equal(base.Add(time.Hour)) {
			t.Errorf("approved: got %s by %q at %v, want approved by 李明 at %v", got.Status, got.DecidedBy, got.DecidedAt, base.Add(time.Hour))
		}
	})
	t.Run("ErrClashRechecked", func(t *testing.T) {
		_, err := db.Approve(ctx, b.ID, "李明")
		wantCode(t, err, store.ECONFLICT, "")
		var e *store.Error
		if !errors.As(err, &e) || e.Clash == nil || e.Clash.ID != a.ID {
			t.Fatalf("Clash: got %+v, want booking %d", e, a.ID)
		}
		if got, _ := db.Booking(ctx, b.ID); got.Status != store.BookingPending {
			t.Errorf("status after a refused approval: got %s, want pending", got.Status)
		}
	})
	t.Run("ErrVenueClosedOrShrunk", func(t *testing.T) {
		room := mustCreateVenue(t, db, "会议室", 20)
		in := booking(room.ID, tomorrow, "09:00", "10:00")
		in.Approve, in.Attendees = false, 15
		p := mustBook(t, db, in)
		if _, err := db.UpdateVenue(ctx, admin, room.ID, store.VenueInput{Name: "会议室", Capacity: 10}); err != nil {
			t.Fatal(err)
		}
		// Desk staff cannot approve beyond the new capacity; only a manager.
		_, err := db.Approve(ctx, p.ID, "李明")
		wantCode(t, err, store.EFORBIDDEN, "attendees")
		if _, err := db.UpdateVenue(ctx, admin, room.ID, store.VenueInput{Name: "会议室", Capacity: 20}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetVenueActive(ctx, admin, room.ID, false, false); err != nil {
			t.Fatal(err)
		}
		_, err = db.Approve(ctx, p.ID, "李明")
		wantCode(t, err, store.ECONFLICT, "")
		if got, _ := db.Booking(ctx, p.ID); got.Status != store.BookingPending {
			t.Errorf("status after refused approvals: got %s, want pending", got.Status)
		}
	})
	t.Run("ErrTwice", func(t *testing.T) {
		_, err := db.Approve(ctx, a.ID, "李明")
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("Reject", func(t *testing.T) {
		_, err := db.RejectBooking(ctx, b.ID, "李明", "")
		wantCode(t, err, store.EINVALID, "reason")
		got, err := db.RejectBooking(ctx, b.ID, "李明", "与已确认的活动冲突")
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != store.BookingRejected || got.Reason != "与已确认的活动冲突" {
			t.Errorf("rejected: got %s %q, want rejected with the reason", got.Status, got.Reason)
		}
		_, err = db.Approve(ctx, b.ID, "李明")
		wantCode(t, err, store.ECONFLICT, "")
		_, err = db.RejectBooking(ctx, a.ID, "李明", "不行")
		wantCode(t, err, store.ECONFLICT, "") // approved bookings are cancelled, not rejected
	})
	t.Run("ErrPast", func(t *testing.T) {
		c := pending("18:00", "19:00")
		clk.Set(at(tomorrow, "19:01"))
		_, err := db.Approve(ctx, c.ID, "李明")
		wantCode(t, err, store.ECONFLICT, "")
		clk.Set(base)
	})
}

func TestCancelBooking(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	a := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00"))
	got, err := db.CancelBooking(ctx, a.ID, "王芳", "活动延期")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.BookingCancelled || got.Reason != "活动延期" {
		t.Errorf("cancelled: got %s %q, want cancelled 活动延期", got.Status, got.Reason)
	}
	_, err = db.CancelBooking(ctx, a.ID, "王芳", "")
	wantCode(t, err, store.ECONFLICT, "")
	_, err = db.Approve(ctx, a.ID, "王芳")
	wantCode(t, err, store.ECONFLICT, "")
	b := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00")) // the slot is free again
	t.Run("ByCode", func(t *testing.T) {
		got, err := db.CancelBookingByCode(ctx, b.StatusCode)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != store.BookingCancelled || got.DecidedBy != "kiosk" {
			t.Errorf("cancelled by code: got %s by %q, want cancelled by kiosk", got.Status, got.DecidedBy)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.CancelBooking(ctx, 999, "王芳", "")
		wantCode(t, err, store.ENOTFOUND, "")
	})
}

func TestArrive(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	b := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00"))
	for _, c := range []struct {
		name string
		now  string
		ok   bool
	}{
		{"ErrTooEarly", "12:59", false},
		{"ErrAfterEnd", "16:01", false},
		{"OKHourBefore", "13:00", true},
		{"ErrTwice", "13:30", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			clk.Set(at(tomorrow, c.now))
			got, err := db.Arrive(ctx, strings.ToLower(b.ReceiptNo), "王芳")
			if !c.ok {
				wantCode(t, err, store.ECONFLICT, "")
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.ArrivedAt.Equal(at(tomorrow, c.now)) {
				t.Errorf("arrived at: got %v, want %v", got.ArrivedAt, at(tomorrow, c.now))
			}
			if got.ArrivedBy != "王芳" {
				t.Errorf("arrived by: got %q, want the staff member who checked the group in", got.ArrivedBy)
			}
			if again, _ := db.BookingByReceipt(ctx, b.ReceiptNo); again.ArrivedBy != "王芳" {
				t.Errorf("arrived by, read back: got %q, want 王芳", again.ArrivedBy)
			}
		})
	}
	t.Run("ErrPending", func(t *testing.T) {
		clk.Set(base)
		in := booking(hall.ID, tomorrow, "18:00", "19:00")
		in.Approve = false
		p := mustBook(t, db, in)
		clk.Set(at(tomorrow, "18:00"))
		_, err := db.Arrive(ctx, p.ReceiptNo, "王芳")
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		_, err := db.Arrive(ctx, "B-20990101-0001", "王芳")
		wantCode(t, err, store.ENOTFOUND, "")
	})
}

func TestMarkNoShow(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	b := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "17:00"))
	t.Run("ErrTooSoon", func(t *testing.T) {
		clk.Set(at(tomorrow, "14:29"))
		_, err := db.MarkNoShow(ctx, b.ID, "王芳")
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("OKFreesSlot", func(t *testing.T) {
		clk.Set(at(tomorrow, "14:30"))
		got, err := db.MarkNoShow(ctx, b.ID, "王芳")
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != store.BookingNoShow {
			t.Errorf("status: got %s, want no_show", got.Status)
		}
		// The rest of the afternoon can be booked by someone else.
		mustBook(t, db, booking(hall.ID, tomorrow, "15:00", "17:00"))
		_, err = db.MarkNoShow(ctx, b.ID, "王芳")
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("ErrArrived", func(t *testing.T) {
		clk.Set(base)
		c := mustBook(t, db, booking(hall.ID, tomorrow, "18:00", "19:00"))
		clk.Set(at(tomorrow, "18:05"))
		if _, err := db.Arrive(ctx, c.ReceiptNo, "王芳"); err != nil {
			t.Fatal(err)
		}
		clk.Set(at(tomorrow, "18:45"))
		_, err := db.MarkNoShow(ctx, c.ID, "王芳")
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("ErrPending", func(t *testing.T) {
		clk.Set(base)
		in := booking(hall.ID, tomorrow, "19:00", "20:00")
		in.Approve = false
		p := mustBook(t, db, in)
		clk.Set(at(tomorrow, "20:00"))
		_, err := db.MarkNoShow(ctx, p.ID, "王芳")
		wantCode(t, err, store.ECONFLICT, "")
	})
}

func TestCreateSeries(t *testing.T) {
	db := mustOpen(t)
	room := mustCreateVenue(t, db, "党员活动室", 30)
	// Tuesday 2026-03-17, then weekly; the third Tuesday is already taken.
	first := baseDay.AddDays(7)
	third := first.AddDays(14)
	taken := mustBook(t, db, booking(room.ID, third, "15:00", "16:00"))
	in := booking(room.ID, first, "14:00", "16:00")
	in.Title, in.Purpose = "第一党支部三会一课", "three_one"
	res, err := db.CreateSeries(ctx, in, 4)
	if err != nil {
		t.Fatal(err)
	}
	if res.SeriesID == 0 {
		t.Errorf("series id: got 0, want one")
	}
	if got, want := len(res.Booked), 3; got != want {
		t.Fatalf("booked: got %d, want %d", got, want)
	}
	for i, d := range []store.Day{first, first.AddDays(7), first.AddDays(21)} {
		b := res.Booked[i]
		if !b.Start.Equal(at(d, "14:00")) || !b.End.Equal(at(d, "16:00")) || b.SeriesID != res.SeriesID || b.Status != store.BookingApproved {
			t.Errorf("booking %d: got %v–%v series %d %s, want %s 14:00–16:00 series %d approved", i, b.Start, b.End,
				b.SeriesID, b.Status, d, res.SeriesID)
		}
		if b.Start.In(shanghai).Weekday() != time.Tuesday {
			t.Errorf("booking %d on %v, want a Tuesday", i, b.Start.In(shanghai).Weekday())
		}
	}
	if len(res.Clashes) != 1 {
		t.Fatalf("clashes: got %d, want 1", len(res.Clashes))
	}
	c := res.Clashes[0]
	if c.Day != third {
		t.Errorf("clash day: got %v, want %v", c.Day, third)
	}
	wantCode(t, c.Err, store.ECONFLICT, "")
	var e *store.Error
	if !errors.As(c.Err, &e) || e.Clash == nil || e.Clash.ID != taken.ID {
		t.Errorf("clash: got %+v, want booking %d", e, taken.ID)
	}
	t.Run("EndsAtMidnight", func(t *testing.T) {
		late, err := db.CreateVenue(ctx, admin, store.VenueInput{Name: "通宵自习室", Capacity: 20, OpensAt: "00:00", ClosesAt: "24:00"})
		if err != nil {
			t.Fatal(err)
		}
		in := booking(late.ID, first, "19:00", "20:00")
		in.End = at(first.AddDays(1), "00:00") // 24:00
		res, err := db.CreateSeries(ctx, in, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Booked) != 3 || len(res.Clashes) != 0 {
			t.Fatalf("series 19:00–24:00: got %d booked, clashes %+v, want 3 booked", len(res.Booked), res.Clashes)
		}
		for i, b := range res.Booked {
			d := first.AddDays(7 * i)
			if !b.Start.Equal(at(d, "19:00")) || !b.End.Equal(at(d.AddDays(1), "00:00")) {
				t.Errorf("booking %d: got %v–%v, want %s 19:00–24:00", i, b.Start, b.End, d)
			}
		}
	})
	t.Run("ErrPastDateReported", func(t *testing.T) {
		in := booking(room.ID, baseDay.AddDays(-7), "11:00", "12:00")
		res, err := db.CreateSeries(ctx, in, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Booked) != 1 || len(res.Clashes) != 1 || res.Clashes[0].Day != baseDay.AddDays(-7) {
			t.Errorf("series from last week: got %d booked, clashes %+v, want 1 booked and last week reported", len(res.Booked), res.Clashes)
		}
		wantCode(t, res.Clashes[0].Err, store.EINVALID, "start")
	})
}

// TestCancelEnded: a booking that has ended is history. Neither the desk nor
// a POST to the status page may cancel it (which would take its hours out of
// the log), and Cancellable, which the desk and the status page ask, says so.
func TestCancelEnded(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	desk := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00"))
	phone := mustBook(t, db, booking(hall.ID, tomorrow, "17:00", "18:00"))
	for _, c := range []struct {
		name string
		now  string
		want bool
	}{{"DuringIsCancellable", "15:59", true}, {"AtEndIsNot", "16:00", false}, {"AfterIsNot", "20:00", false}} {
		t.Run(c.name, func(t *testing.T) {
			clk.Set(at(tomorrow, c.now))
			if got := desk.Cancellable(db.Now()); got != c.want {
				t.Errorf("Cancellable at %s: got %v, want %v", c.now, got, c.want)
			}
		})
	}
	clk.Set(at(tomorrow, "18:30"))
	t.Run("ErrDesk", func(t *testing.T) {
		_, err := db.CancelBooking(ctx, desk.ID, "王芳", "补录")
		wantCode(t, err, store.ECONFLICT, "")
		if got, _ := db.Booking(ctx, desk.ID); got.Status != store.BookingApproved {
			t.Errorf("status after the refused cancel: got %s, want approved", got.Status)
		}
	})
	t.Run("ErrForgedPost", func(t *testing.T) {
		_, err := db.CancelBookingByCode(ctx, phone.StatusCode)
		wantCode(t, err, store.ECONFLICT, "")
		if got, _ := db.Booking(ctx, phone.ID); got.Status != store.BookingApproved {
			t.Errorf("status after the refused cancel: got %s, want approved", got.Status)
		}
	})
}

// TestRuleNumbersInMessages: the booking horizon and the no-show delay are
// each one constant, and the refusals quote it, so a change to the rule
// cannot leave a message saying the old number.
func TestRuleNumbersInMessages(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	t.Run("Horizon", func(t *testing.T) {
		_, err := db.CreateBooking(ctx, booking(hall.ID, baseDay.AddDays(store.MaxBookingDays+1), "14:00", "16:00"))
		wantCode(t, err, store.EINVALID, "date")
		days := strconv.Itoa(store.MaxBookingDays)
		for _, l := range []string{"zh", "en"} {
			if msg := store.ErrorMessage(err, l); !strings.Contains(msg, days) {
				t.Errorf("%s: %q does not say %s days", l, msg, days)
			}
		}
		if _, err := db.CreateBooking(ctx, booking(hall.ID, baseDay.AddDays(store.MaxBookingDays-1), "14:00", "16:00")); err != nil {
			t.Errorf("a booking within the horizon: %v", err)
		}
	})
	t.Run("NoShowDelay", func(t *testing.T) {
		b := mustBook(t, db, booking(hall.ID, tomorrow, "09:00", "10:00"))
		clk.Set(at(tomorrow, "09:00").Add(store.NoShowAfter - time.Minute))
		_, err := db.MarkNoShow(ctx, b.ID, "王芳")
		wantCode(t, err, store.ECONFLICT, "")
		mins := strconv.Itoa(int(store.NoShowAfter / time.Minute))
		for _, l := range []string{"zh", "en"} {
			if msg := store.ErrorMessage(err, l); !strings.Contains(msg, mins) {
				t.Errorf("%s: %q does not say %s minutes", l, msg, mins)
			}
		}
		clk.Set(at(tomorrow, "09:00").Add(store.NoShowAfter))
		if _, err := db.MarkNoShow(ctx, b.ID, "王芳"); err != nil {
			t.Errorf("no-show once the delay has passed: %v", err)
		}
	})
	t.Run("DefaultHours", func(t *testing.T) {
		v, err := store.VenueInput{Name: "会议室", Capacity: 20}.Validate()
		if err != nil {
			t.Fatal(err)
		}
		if v.OpensAt != store.DefaultOpensAt.String() || v.ClosesAt != store.DefaultClosesAt.String() {
			t.Errorf("default hours: got %s–%s, want %s–%s", v.OpensAt, v.ClosesAt, store.DefaultOpensAt, store.DefaultClosesAt)
		}
	})
}

// An organiser may read out only the last four digits: they name the one
// booking starting today with them; two of today's with the same four, or
// none, ask for the whole number.
func TestArriveBySuffix(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	room := mustCreateVenue(t, db, "会议室", 20)
	first := mustBook(t, db, booking(hall.ID, tomorrow, "09:00", "10:00"))  // …-0001
	second := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00")) // …-0002
	later := mustBook(t, db, booking(hall.ID, tomorrow.AddDays(1), "14:00", "16:00"))
	clk.Set(at(tomorrow, "08:30"))
	twin := mustBook(t, db, booking(room.ID, tomorrow, "09:00", "10:00")) // drawn today: …-0001 again
	if first.ReceiptNo[len(first.ReceiptNo)-4:] != twin.ReceiptNo[len(twin.ReceiptNo)-4:] {
		t.Fatalf("want two of the day's bookings ending alike, got %s and %s", first.ReceiptNo, twin.ReceiptNo)
	}
	clk.Set(at(tomorrow, "13:30"))
	got, err := db.Arrive(ctx, " "+second.ReceiptNo[len(second.ReceiptNo)-4:]+" ", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != second.ID || got.ArrivedAt.IsZero() {
		t.Errorf("by suffix: got %s arrived %v, want %s checked in", got.ReceiptNo, got.ArrivedAt, second.ReceiptNo)
	}
	_, err = db.Arrive(ctx, first.ReceiptNo[len(first.ReceiptNo)-4:], "王芳")
	wantCode(t, err, store.ECONFLICT, "")
	// Checked in already: said so, with when and by whom, by suffix as by
	// the whole number.
	clk.Set(at(tomorrow, "14:10"))
	for _, no := range []string{second.ReceiptNo[len(second.ReceiptNo)-4:], second.ReceiptNo} {
		_, err = db.Arrive(ctx, no, "李娜")
		wantCode(t, err, store.ECONFLICT, "")
		if msg := store.ErrorMessage(err, "zh"); !strings.Contains(msg, second.ReceiptNo) || !strings.Contains(msg, "13:30") || !strings.Contains(msg, "王芳") {
			t.Errorf("a second check-in by %s: got %q, want it to name %s, 13:30 and 王芳", no, msg, second.ReceiptNo)
		}
	}
	// Outside its window: the booking four digits or a number found is named.
	_, err = db.Arrive(ctx, later.ReceiptNo, "王芳")
	wantCode(t, err, store.ECONFLICT, "")
	if msg := store.ErrorMessage(err, "zh"); !strings.Contains(msg, later.ReceiptNo) || !strings.Contains(msg, "14:00-16:00") {
		t.Errorf("too early: got %q, want it to name %s 14:00-16:00", msg, later.ReceiptNo)
	}
	_, err = db.Arrive(ctx, later.ReceiptNo[len(later.ReceiptNo)-4:], "王芳") // tomorrow's, not today's
	wantCode(t, err, store.ENOTFOUND, "")
	_, err = db.Arrive(ctx, "9999", "王芳")
	wantCode(t, err, store.ENOTFOUND, "")
	if b, _ := db.BookingByReceipt(ctx, first.ReceiptNo); !b.ArrivedAt.IsZero() {
		t.Errorf("an ambiguous suffix checked %s in", first.ReceiptNo)
	}
}
