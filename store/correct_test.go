package store_test

import (
	"slices"
	"testing"
	"time"

	"frontdesk/store"
)

// fields lists the fields of corrections, in order.
func fields(cs []store.Correction) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Field)
	}
	return out
}

func mustCorrections(t *testing.T, db *store.DB, kind string, id int64) []store.Correction {
	t.Helper()
	cs, err := db.Corrections(ctx, kind, id)
	if err != nil {
		t.Fatalf("corrections: %v", err)
	}
	return cs
}

func TestCorrectVisit(t *testing.T) {
	db, clk := mustOpenClock(t)
	v := mustCheckIn(t, db, visit("张三", "13812345678", "business"))
	clk.Add(time.Hour)
	ed := store.VisitEdit{Name: "张叁", Org: v.Org, Purpose: "study_tour", Headcount: 50, CheckedInAt: v.CheckedInAt, Actor: "李娜"}

	t.Run("OK", func(t *testing.T) {
		got, err := db.CorrectVisit(ctx, v.ID, ed)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "张叁" || got.Purpose != "study_tour" || got.Headcount != 50 || !got.Open() {
			t.Fatalf("corrected visit: got %+v", got)
		}
		cs := mustCorrections(t, db, store.KindVisit, v.ID)
		if got, want := fields(cs), []string{"name", "purpose", "headcount"}; !slices.Equal(got, want) {
			t.Fatalf("fields: got %v, want %v", got, want)
		}
		if c := cs[2]; c.Before != "1" || c.After != "50" || c.Actor != "李娜" || !c.At.Equal(clk.Now()) {
			t.Fatalf("headcount correction: got %+v, want 1 → 50 by 李娜 now", c)
		}
	})
	t.Run("Unchanged", func(t *testing.T) {
		if _, err := db.CorrectVisit(ctx, v.ID, ed); err != nil {
			t.Fatal(err)
		}
		if n := len(mustCorrections(t, db, store.KindVisit, v.ID)); n != 3 {
			t.Fatalf("an unchanged save recorded corrections: got %d, want 3", n)
		}
	})
	t.Run("ErrHeadcountZero", func(t *testing.T) {
		bad := ed
		bad.Headcount = 0
		_, err := db.CorrectVisit(ctx, v.ID, bad)
		wantCode(t, err, store.EINVALID, "headcount")
	})
	t.Run("ErrOutBeforeIn", func(t *testing.T) {
		bad := ed
		bad.CheckedOutAt = v.CheckedInAt.Add(-time.Minute)
		_, err := db.CorrectVisit(ctx, v.ID, bad)
		wantCode(t, err, store.EINVALID, "checked_out_at")
	})
	t.Run("ErrFuture", func(t *testing.T) {
		bad := ed
		bad.CheckedInAt = clk.Now().Add(time.Hour)
		_, err := db.CorrectVisit(ctx, v.ID, bad)
		wantCode(t, err, store.EINVALID, "checked_in_at")
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.CorrectVisit(ctx, 999, ed)
		wantCode(t, err, store.ENOTFOUND, "")
	})
}

func TestCorrectRequest(t *testing.T) {
	db := mustOpen(t)
	r := mustCreateRequest(t, db, request())
	ed := store.RequestEdit{Name: r.Name, Phone: r.Phone, Community: r.Community, Category: "environment", Urgency: "urgent",
		Description: r.Description, Handler: "社区居委会 王主任", Actor: "王芳"}
	got, err := db.CorrectRequest(ctx, r.ID, ed)
	if err != nil {
		t.Fatal(err)
	}
	if got.Category != "environment" || got.Urgency != "urgent" || got.Handler != "社区居委会 王主任" || got.Status != r.Status {
		t.Fatalf("corrected request: got %+v", got)
	}
	if got, want := fields(mustCorrections(t, db, store.KindRequest, r.ID)), []string{"category", "urgency", "handler"}; !slices.Equal(got, want) {
		t.Fatalf("fields: got %v, want %v", got, want)
	}
	bad := ed
	bad.Phone = "123"
	_, err = db.CorrectRequest(ctx, r.ID, bad)
	wantCode(t, err, store.EINVALID, "phone")
}

func TestCorrectBooking(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 40)
	day := baseDay.AddDays(1)
	b := mustBook(t, db, booking(hall.ID, day, "14:00", "16:00"))
	other := mustBook(t, db, booking(hall.ID, day, "17:00", "18:00"))
	ed := store.BookingEdit{Title: "四月主题党日", Attendees: 30, Start: at(day, "14:30"), End: at(day, "16:30"), Actor: "王芳"}

	t.Run("OK", func(t *testing.T) {
		got, err := db.CorrectBooking(ctx, b.ID, ed)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "四月主题党日" || got.Attendees != 30 || !got.Start.Equal(ed.Start) {
			t.Fatalf("corrected booking: got %+v", got)
		}
		cs := mustCorrections(t, db, store.KindBooking, b.ID)
		if got, want := fields(cs), []string{"title", "attendees", "start", "end"}; !slices.Equal(got, want) {
			t.Fatalf("fields: got %v, want %v", got, want)
		}
		if cs[2].Before != "2026-03-11 14:00" || cs[2].After != "2026-03-11 14:30" {
			t.Fatalf("start correction: got %+v", cs[2])
		}
	})
	t.Run("ErrOverlap", func(t *testing.T) {
		bad := ed
		bad.Start, bad.End = at(day, "16:00"), at(day, "17:30")
		_, err := db.CorrectBooking(ctx, b.ID, bad)
		wantCode(t, err, store.ECONFLICT, "")
		if e, ok := err.(*store.Error); !ok || e.Clash == nil || e.Clash.ID != other.ID {
			t.Fatalf("clash: got %v, want the booking %s", err, other.ReceiptNo)
		}
	})
	t.Run("OwnSlotIsNoClash", func(t *testing.T) {
		// Moving within its own time does not clash with itself.
		same := ed
		same.Start, same.End = at(day, "14:00"), at(day, "16:00")
		if _, err := db.CorrectBooking(ctx, b.ID, same); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrCapacity", func(t *testing.T) {
		bad := ed
		bad.Attendees = 41
		_, err := db.CorrectBooking(ctx, b.ID, bad)
		wantCode(t, err, store.EINVALID, "attendees")
	})
}

// A void takes each kind of record out of the day's counts and lists it as
// voided; the record stays, and the void is in its history.
func TestVoidLeavesTheDailyLog(t *testing.T) {
	db, clk := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	keepV := mustCheckIn(t, db, visit("李四", "13900001111", "consult"))
	group := visit("参观团", "", "study_tour")
	group.Headcount = 50
	mistake := mustCheckIn(t, db, group)
	r := mustCreateRequest(t, db, request())
	b := mustBook(t, db, booking(hall.ID, baseDay, "14:00", "16:00"))
	clk.Add(time.Minute)

	before, err := db.DailyLog(ctx, baseDay, baseDay)
	if err != nil {
		t.Fatal(err)
	}
	if before.Summary.Visits != 2 || before.Summary.Headcount != 51 || before.Summary.RequestsReceived != 1 || before.Summary.Bookings != 1 {
		t.Fatalf("before voids: got %+v", before.Summary.Figures)
	}
	counts, _ := db.CountsForDesk(ctx)
	if counts.Waiting != 1 {
		t.Fatalf("waiting before the void: got %d, want 1", counts.Waiting)
	}

	for _, x := range []struct {
		kind string
		id   int64
	}{{store.KindVisit, mistake.ID}, {store.KindRequest, r.ID}, {store.KindBooking, b.ID}} {
		if _, err := db.VoidRecord(ctx, x.kind, x.id, "王芳", "录入错误"); err != nil {
			t.Fatalf("void %s: %v", x.kind, err)
		}
	}
	l, err := db.DailyLog(ctx, baseDay, baseDay)
	if err != nil {
		t.Fatal(err)
	}
	if l.Summary.Visits != 1 || l.Summary.Headcount != 1 || l.Summary.RequestsReceived != 0 || l.Summary.Bookings != 0 {
		t.Fatalf("after voids: got %+v, want only 李四", l.Summary.Figures)
	}
	if len(l.Visits) != 1 || l.Visits[0].ID != keepV.ID {
		t.Fatalf("visits listed: got %+v", l.Visits)
	}
	if len(l.Voided) != 3 {
		t.Fatalf("voided: got %+v, want the visit, request and booking", l.Voided)
	}
	if v := l.Voided[0]; v.Kind != store.KindVisit || v.ReceiptNo != mistake.ReceiptNo || v.Headcount != 50 || v.Reason != "录入错误" || v.Actor != "王芳" {
		t.Fatalf("voided visit: got %+v", v)
	}
	counts, _ = db.CountsForDesk(ctx)
	if counts.Waiting != 0 {
		t.Fatalf("waiting after the void: got %d, want 0", counts.Waiting)
	}
	// The voided visit left the building; the booking's slot is free.
	in, _ := db.InBuilding(ctx)
	for _, v := range in {
		if v.ID == mistake.ID {
			t.Fatal("the voided visit is still in the building")
		}
	}
	if c, _ := db.Clash(ctx, hall.ID, at(baseDay, "14:00"), at(baseDay, "16:00")); c != nil {
		t.Fatalf("the voided booking still holds its slot: %+v", c)
	}
	if cs := mustCorrections(t, db, store.KindVisit, mistake.ID); len(cs) != 1 || cs[0].Field != store.FieldVoid || cs[0].After != "录入错误" {
		t.Fatalf("history of the voided visit: got %+v", cs)
	}
	vs, err := db.Voids(ctx, store.KindVisit, []int64{keepV.ID, mistake.ID})
	if err != nil || len(vs) != 1 || vs[mistake.ID].Reason != "录入错误" {
		t.Fatalf("Voids: got %+v, %v", vs, err)
	}

	t.Run("ErrTwice", func(t *testing.T) {
		_, err := db.VoidRecord(ctx, store.KindVisit, mistake.ID, "王芳", "again")
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("ErrCorrectVoided", func(t *testing.T) {
		_, err := db.CorrectVisit(ctx, mistake.ID, store.VisitEdit{Name: "x", Purpose: "consult", Headcount: 1, Actor: "王芳"})
		wantCode(t, err, store.ECONFLICT, "")
	})
	t.Run("ErrNoReason", func(t *testing.T) {
		_, err := db.VoidRecord(ctx, store.KindVisit, keepV.ID, "王芳", "  ")
		wantCode(t, err, store.EINVALID, "reason")
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.VoidRecord(ctx, store.KindRequest, 999, "王芳", "录入错误")
		wantCode(t, err, store.ENOTFOUND, "")
	})
}

func TestLastPurpose(t *testing.T) {
	db, clk := mustOpenClock(t)
	v := mustCheckIn(t, db, visit("张三", "13812345678", "consult"))
	clk.Add(time.Hour)
	mustCheckIn(t, db, visit("张三", "13812345678", "party_report"))
	got, err := db.LastPurpose(ctx, v.VisitorID)
	if err != nil || got != "party_report" {
		t.Fatalf("LastPurpose: got %q, %v; want party_report", got, err)
	}
	if got, err := db.LastPurpose(ctx, 999); err != nil || got != "" {
		t.Fatalf("LastPurpose of nobody: got %q, %v; want empty", got, err)
	}
}

func TestHandlersUsed(t *testing.T) {
	db, _ := mustOpenClock(t)
	for _, h := range []string{"社区居委会", "街道民政科", "街道民政科", ""} {
		if _, err := db.CreateRequest(ctx, store.RequestInput{Name: "甲", Phone: "13600003333", Category: "policy",
			Description: "咨询", Handler: h, Actor: "王芳"}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.HandlersUsed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != "街道民政科" || got[1] != "社区居委会" {
		t.Errorf("handlers: got %q, want the most used first and no empty name", got)
	}
}
