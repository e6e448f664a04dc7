package store_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"frontdesk/store"
)

// TestAllErrorsAtOnce: an empty form gets every field's message in one
// error, each naming its own field, and nothing is stored.
func TestAllErrorsAtOnce(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	fields := func(err error) []string {
		var out []string
		for _, e := range store.FieldErrors(err) {
			out = append(out, e.Field)
		}
		return out
	}
	before := rowCounts(t, db.Path())
	for _, c := range []struct {
		name  string
		err   func() error
		want  []string
		first string
	}{
		{"Request", func() error {
			_, err := db.CreateRequest(ctx, store.RequestInput{Source: "kiosk"})
			return err
		}, []string{"name", "phone", "category", "description"}, "请填写姓名"},
		{"CheckIn", func() error {
			_, err := db.CheckIn(ctx, store.VisitInput{Phone: "12345", Source: "kiosk"})
			return err
		}, []string{"name", "phone", "purpose"}, "请填写姓名"},
		{"BookingForm", func() error {
			_, err := db.ReadBookingForm(store.BookingForm{}, store.BookingInput{Source: "kiosk"})
			return err
		}, []string{"date", "start", "end", "venue", "org", "contact", "phone", "title", "purpose", "attendees"}, "请选择日期"},
		{"BookingFormBadTimes", func() error {
			_, err := db.ReadBookingForm(store.BookingForm{Venue: "1", Org: "支部", Contact: "李四", Phone: "13912345678",
				Title: "读书会", Purpose: "party_day", Attendees: "２０", Date: "2026-03-11", Start: "2pm", End: "13:00"},
				store.BookingInput{Source: "kiosk"})
			return err
		}, []string{"start"}, "开始时间格式应为 24 小时制 HH:MM，如 14:30"},
		{"BookingFormEndFirst", func() error {
			_, err := db.ReadBookingForm(store.BookingForm{Venue: "1", Org: "支部", Contact: "李四", Phone: "13912345678",
				Title: "读书会", Purpose: "party_day", Attendees: "20", Date: "3月11日", Start: "14:00", End: "13:00"},
				store.BookingInput{Source: "kiosk"})
			return err
		}, []string{"date", "end"}, "日期“3月11日”格式不对，应为 YYYY-MM-DD"},
		{"Slot", func() error {
			in := booking(hall.ID, baseDay, "07:00", "22:00")
			in.Attendees = 100
			_, err := db.CreateBooking(ctx, in)
			return err
		}, []string{"attendees", "start", "end"}, "参加人数超过场地容量（80 人）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.err()
			if got := fields(err); !slices.Equal(got, c.want) {
				t.Errorf("fields: got %v, want %v (%v)", got, c.want, err)
			}
			if got := store.ErrorMessage(err, "zh"); got != c.first {
				t.Errorf("first message: got %q, want %q", got, c.first)
			}
			if got := store.ErrorField(err); got != c.want[0] {
				t.Errorf("first field: got %q, want %q", got, c.want[0])
			}
		})
	}
	wantSameCounts(t, before, rowCounts(t, db.Path()))

	t.Run("ReadBookingFormOK", func(t *testing.T) {
		in, err := db.ReadBookingForm(store.BookingForm{Venue: "１", Org: "支部", Contact: "李四", Phone: "１３９１２３４５６７８",
			Title: "读书会", Purpose: "party_day", Attendees: "20", Date: "2026-03-11", Start: "１４:００", End: "16:00"},
			store.BookingInput{Source: "kiosk", Key: "k-0123456789abcdef"})
		if err != nil {
			t.Fatal(err)
		}
		if in.VenueID != hall.ID || in.Phone != "13912345678" || !in.Start.Equal(at(tomorrow, "14:00")) ||
			!in.End.Equal(at(tomorrow, "16:00")) || in.Actor != "kiosk" || in.Key != "k-0123456789abcdef" {
			t.Errorf("read form: got %+v", in)
		}
	})
}

// TestSubmissionKey: a form sent again with its one-time key returns the
// first record, across a restart, for each kind; a new key makes a new one.
func TestSubmissionKey(t *testing.T) {
	db, _ := mustOpenClock(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	path := db.Path()
	req := request()
	req.Key = "req-0123456789abcdef"
	vis := visit("王小明", "13812345678", "business")
	vis.Key = "vis-0123456789abcdef"
	bk := booking(hall.ID, tomorrow, "14:00", "16:00")
	bk.Approve, bk.Source, bk.Actor, bk.Key = false, "kiosk", "", "bk-0123456789abcdef"
	r1 := mustCreateRequest(t, db, req)
	v1 := mustCheckIn(t, db, vis)
	b1 := mustBook(t, db, bk)
	db.Close()
	db2, c := mustOpenAt(t, path, "")
	c.Add(10)
	before := rowCounts(t, path)
	if r2 := mustCreateRequest(t, db2, req); r2.ReceiptNo != r1.ReceiptNo || r2.StatusCode != r1.StatusCode {
		t.Errorf("request again: got %s, want %s", r2.ReceiptNo, r1.ReceiptNo)
	}
	if v2 := mustCheckIn(t, db2, vis); v2.ReceiptNo != v1.ReceiptNo {
		t.Errorf("check-in again: got %s, want %s", v2.ReceiptNo, v1.ReceiptNo)
	}
	if b2 := mustBook(t, db2, bk); b2.ReceiptNo != b1.ReceiptNo {
		t.Errorf("booking again: got %s, want %s", b2.ReceiptNo, b1.ReceiptNo)
	}
	wantSameCounts(t, before, rowCounts(t, path))
	t.Run("OtherKind", func(t *testing.T) {
		other := request()
		other.Key = vis.Key
		_, err := db2.CreateRequest(ctx, other)
		wantCode(t, err, store.EINVALID, "key")
	})
	t.Run("BadKey", func(t *testing.T) {
		other := request()
		other.Key = "short"
		_, err := db2.CreateRequest(ctx, other)
		wantCode(t, err, store.EINVALID, "key")
	})
	t.Run("NewKey", func(t *testing.T) {
		other := req
		other.Key = "req-fedcba9876543210"
		if r3 := mustCreateRequest(t, db2, other); r3.ReceiptNo == r1.ReceiptNo {
			t.Errorf("a new key gave the old receipt %s", r3.ReceiptNo)
		}
	})
}

// TestSubmissionKeyAtOnce: the same check-in form sent by many goroutines
// at once, among other check-ins that share their batches, is one visit:
// every sending is answered with its receipt, the visitor is counted once,
// and the other check-ins are all kept.
func TestSubmissionKeyAtOnce(t *testing.T) {
	db := mustOpen(t)
	same := visit("李同", "13911112222", "business")
	same.Key = "vis-samesamesamesame"
	const copies, others = 12, 24
	var wg sync.WaitGroup
	got := make([]store.Visit, copies)
	errs := make([]error, copies+others)
	for i := range copies + others {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i < copies {
				got[i], errs[i] = db.CheckIn(ctx, same)
				return
			}
			in := visit(fmt.Sprintf("访客%d", i), fmt.Sprintf("1380000%04d", i), "business")
			in.Key = fmt.Sprintf("vis-other%011d", i)
			_, errs[i] = db.CheckIn(ctx, in)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("check-in %d: %v", i, err)
		}
	}
	for i, v := range got {
		if v.ID == 0 || v.ReceiptNo != got[0].ReceiptNo || v.StatusCode != got[0].StatusCode || v.Name != same.Name {
			t.Fatalf("sending %d answered %+v, want the first sending's %s", i, v, got[0].ReceiptNo)
		}
	}
	vs, err := db.VisitsOn(ctx, db.Today())
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1+others {
		t.Fatalf("%d visits, want %d: one for the copies, one for each other", len(vs), 1+others)
	}
	found, err := db.FindVisitors(ctx, same.Phone, 5)
	if err != nil || len(found) != 1 || found[0].VisitCount != 1 {
		t.Fatalf("the visitor who sent %d copies: %+v, %v; want one, counted once", copies, found, err)
	}
	t.Run("OtherKind", func(t *testing.T) {
		req := request()
		req.Key = "req-takenbyarequest1"
		mustCreateRequest(t, db, req)
		in := visit("王五", "13700002222", "business")
		in.Key = req.Key
		_, err := db.CheckIn(ctx, in)
		wantCode(t, err, store.EINVALID, "key")
		if vs, _ := db.VisitsOn(ctx, db.Today()); len(vs) != 1+others {
			t.Errorf("a check-in refused for its key left %d visits, want %d", len(vs), 1+others)
		}
	})
}

// TestFindByReceipt is 查询进度: the receipt number and the phone's last four
// digits find the status code; any miss is one message.
func TestFindByReceipt(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	r := mustCreateRequest(t, db, request())
	v := mustCheckIn(t, db, visit("王小明", "010-62345678", "business"))
	b := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00"))
	for _, c := range []struct {
		name, no, last4, want, code, field string
	}{
		{"Request", r.ReceiptNo, "5678", r.StatusCode, "", ""},
		{"RequestLowerFullWidth", "r-２０２６0310-0001", "５６７８", r.StatusCode, "", ""},
		{"Visit", v.ReceiptNo, "5678", v.StatusCode, "", ""},
		{"Booking", " " + b.ReceiptNo + " ", "5678", b.StatusCode, "", ""},
		{"ErrWrongPhone", r.ReceiptNo, "1234", "", store.ENOTFOUND, ""},
		{"ErrNoSuchNumber", "R-20260310-0099", "5678", "", store.ENOTFOUND, ""},
		{"ErrJunkNumber", "hello", "5678", "", store.ENOTFOUND, ""},
		{"ErrNoNumber", "", "5678", "", store.EINVALID, "receipt"},
		{"ErrShortPhone", r.ReceiptNo, "567", "", store.EINVALID, "phone_last4"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := db.FindByReceipt(ctx, c.no, c.last4)
			if c.code != "" {
				wantCode(t, err, c.code, c.field)
				return
			}
			if err != nil || got != c.want {
				t.Errorf("got %q %v, want %q", got, err, c.want)
			}
		})
	}
	// A miss never says which part was wrong.
	_, e1 := db.FindByReceipt(ctx, r.ReceiptNo, "1234")
	_, e2 := db.FindByReceipt(ctx, "R-20260310-0099", "5678")
	if store.ErrorMessage(e1, "zh") != store.ErrorMessage(e2, "zh") {
		t.Errorf("misses differ: %q and %q", store.ErrorMessage(e1, "zh"), store.ErrorMessage(e2, "zh"))
	}
}

// TestVenueDay: a venue's day lists approved and pending bookings and the
// free spans between them, from now on; overlapping pending bookings are
// found for the warning.
func TestVenueDay(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	approved := mustBook(t, db, booking(hall.ID, baseDay, "14:00", "16:00"))
	pend := booking(hall.ID, baseDay, "11:00", "12:00")
	pend.Approve = false
	p1 := mustBook(t, db, pend)
	p2 := mustBook(t, db, pend)
	cancelled := mustBook(t, db, booking(hall.ID, baseDay, "18:00", "19:00"))
	if _, err := db.CancelBooking(ctx, cancelled.ID, "王芳", ""); err != nil {
		t.Fatal(err)
	}
	d, err := db.VenueDayOf(ctx, hall.ID, baseDay)
	if err != nil {
		t.Fatal(err)
	}
	span := func(s store.Slot) string {
		return s.Start.In(shanghai).Format("15:04") + "-" + s.End.In(shanghai).Format("15:04") + s.Status
	}
	var taken, free []string
	for _, s := range d.Taken {
		taken = append(taken, span(s))
	}
	for _, s := range d.Free {
		free = append(free, span(s))
	}
	// The clock stands at 10:00: the morning before it is not free.
	if want := []string{"11:00-12:00pending", "11:00-12:00pending", "14:00-16:00approved"}; !slices.Equal(taken, want) {
		t.Errorf("taken: got %v, want %v", taken, want)
	}
	if want := []string{"10:00-11:00", "12:00-14:00", "16:00-21:00"}; !slices.Equal(free, want) {
		t.Errorf("free: got %v, want %v", free, want)
	}
	over, err := db.PendingOverlaps(ctx, p1)
	if err != nil || len(over) != 1 || over[0].ID != p2.ID {
		t.Errorf("pending overlaps of %s: got %v %v, want %s", p1.ReceiptNo, over, err, p2.ReceiptNo)
	}
	if over, _ := db.PendingOverlaps(ctx, approved); len(over) != 0 {
		t.Errorf("pending overlaps of %s: got %d, want 0", approved.ReceiptNo, len(over))
	}
}

// TestVisitorWording: a visitor's own actions are refused in plain words,
// not the workflow's.
func TestVisitorWording(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	b := mustBook(t, db, booking(hall.ID, tomorrow, "14:00", "16:00"))
	if _, err := db.CancelBookingByCode(ctx, b.StatusCode); err != nil {
		t.Fatal(err)
	}
	v := mustCheckIn(t, db, visit("王小明", "", "business"))
	if _, err := db.CheckOutByCode(ctx, v.StatusCode); err != nil {
		t.Fatal(err)
	}
	r := mustCreateRequest(t, db, request())
	for _, c := range []struct {
		name string
		err  func() error
		want string
	}{
		{"CancelTwice", func() error { _, err := db.CancelBookingByCode(ctx, b.StatusCode); return err }, "这项预约已经取消了，无需再次取消"},
		{"CheckOutTwice", func() error { _, err := db.CheckOutByCode(ctx, v.StatusCode); return err }, "您已经签退过了，无需再次签退"},
		{"RateEarly", func() error { _, err := db.RateByCode(ctx, r.StatusCode, "satisfied", ""); return err }, "诉求办结后才能评价，请留意办理进度"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.err()
			wantCode(t, err, store.ECONFLICT, "")
			if got := store.ErrorMessage(err, "zh"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
