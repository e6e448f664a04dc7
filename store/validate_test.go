package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// bad is one piece of bad input and the field its error must name.
type bad[T any] struct {
	name  string
	mod   func(*T)
	field string
}

// junkText is text every field refuses, whatever its length.
var junkText = []struct{ name, s string }{
	{"NUL", "张\x00三"},
	{"Escape", "张三\x1b[31m"},
	{"Bell", "张\a三"},
	{"DEL", "张三\x7f"},
	{"C1", "张\u0085三"},
	{"InvalidUTF8", "张\xff三"},
	{"TruncatedUTF8", "张\xe5\xbc"},
	{"BidiOverride", "张三\u202e"},
	{"BidiIsolate", "\u2066张三"},
}

// invisibleText is text a name refuses: format characters that hide or
// reorder what a reader sees.
var invisibleText = []struct{ name, s string }{
	{"ZeroWidthSpace", "张\u200b三"},
	{"ZeroWidthJoiner", "张\u200d三"},
	{"ByteOrderMark", "\ufeff张三"},
	{"RightToLeftMark", "张三\u200f"},
	{"ArabicLetterMark", "张\u061c三"},
	{"SoftHyphen", "张\u00ad三"},
}

// junkPhones are phone numbers no field takes.
var junkPhones = []string{"12345", "abc", "1381234567", "138123456789", "23812345678", "12812345678",
	"+1 202 555 0123", "+8613812345678x", "１３８１２３４５６７８ｘ", "138\x001234567", "0101234", "02112345678901"}

// wantRefused runs write with each bad input against a fresh copy of good,
// and checks each gives EINVALID naming the field and writes nothing.
func wantRefused[T any](t *testing.T, db *store.DB, good T, cases []bad[T], write func(T) error) {
	t.Helper()
	for _, c := range cases {
		t.Run("Err"+c.name, func(t *testing.T) {
			in := good
			c.mod(&in)
			before := rowCounts(t, db.Path())
			err := write(in)
			wantCode(t, err, store.EINVALID, c.field)
			wantSameCounts(t, before, rowCounts(t, db.Path()))
		})
	}
	t.Run("OK", func(t *testing.T) {
		if err := write(good); err != nil {
			t.Fatalf("the good input: got %v, want success", err)
		}
	})
}

// textCases gives the junk-text and length cases of one text field.
func textCases[T any](field string, set func(*T, string), max int, required bool) []bad[T] {
	var out []bad[T]
	for _, j := range junkText {
		out = append(out, bad[T]{field + j.name, func(in *T) { set(in, j.s) }, field})
	}
	out = append(out, bad[T]{field + "TooLong", func(in *T) { set(in, strings.Repeat("党", max+1)) }, field})
	if required {
		out = append(out,
			bad[T]{field + "Missing", func(in *T) { set(in, "") }, field},
			bad[T]{field + "Blank", func(in *T) { set(in, " \u3000 ") }, field})
	}
	return out
}

// nameCases are textCases for a name or label others read, which also
// refuses invisible format characters.
func nameCases[T any](field string, set func(*T, string), max int, required bool) []bad[T] {
	out := textCases(field, set, max, required)
	for _, j := range invisibleText {
		out = append(out, bad[T]{field + j.name, func(in *T) { set(in, j.s) }, field})
	}
	return out
}

func phoneCases[T any](field string, set func(*T, string), required bool) []bad[T] {
	var out []bad[T]
	for _, p := range junkPhones {
		out = append(out, bad[T]{field + "Junk" + p, func(in *T) { set(in, p) }, field})
	}
	if required {
		out = append(out, bad[T]{field + "Missing", func(in *T) { set(in, "") }, field})
	}
	return out
}

func TestValidateCheckIn(t *testing.T) {
	db := mustOpen(t)
	type I = store.VisitInput
	var cases []bad[I]
	cases = append(cases, nameCases("name", func(in *I, s string) { in.Name = s }, 30, true)...)
	cases = append(cases, phoneCases("phone", func(in *I, s string) { in.Phone = s }, false)...)
	cases = append(cases, nameCases("org", func(in *I, s string) { in.Org = s }, 60, false)...)
	cases = append(cases, textCases("note", func(in *I, s string) { in.Note = s }, 200, false)...)
	cases = append(cases, textCases("actor", func(in *I, s string) { in.Actor = s }, 30, true)...)
	cases = append(cases,
		bad[I]{"NameNewline", func(in *I) { in.Name = "张\n三" }, "name"},
		bad[I]{"PurposeMissing", func(in *I) { in.Purpose = "" }, "purpose"},
		bad[I]{"PurposeUnknown", func(in *I) { in.Purpose = "跳舞" }, "purpose"},
		bad[I]{"HeadcountNegative", func(in *I) { in.Headcount = -1 }, "headcount"},
		bad[I]{"HeadcountTooMany", func(in *I) { in.Headcount = 501 }, "headcount"},
		bad[I]{"SourceUnknown", func(in *I) { in.Source = "web" }, "source"},
	)
	good := visit(strings.Repeat("党", 30), "+86 138 1234 5678", "党员报到")
	good.Headcount, good.Note = 500, "第一行\n第二行\t缩进"
	wantRefused(t, db, good, cases, func(in I) error { _, err := db.CheckIn(ctx, in); return err })
}

func TestValidateRequest(t *testing.T) {
	db := mustOpen(t)
	type I = store.RequestInput
	var cases []bad[I]
	cases = append(cases, nameCases("name", func(in *I, s string) { in.Name = s }, 30, true)...)
	cases = append(cases, phoneCases("phone", func(in *I, s string) { in.Phone = s }, true)...)
	cases = append(cases, nameCases("community", func(in *I, s string) { in.Community = s }, 60, false)...)
	cases = append(cases, textCases("description", func(in *I, s string) { in.Description = s }, 1000, true)...)
	cases = append(cases, textCases("handler", func(in *I, s string) { in.Handler = s }, 30, false)...)
	cases = append(cases,
		bad[I]{"CategoryMissing", func(in *I) { in.Category = "" }, "category"},
		bad[I]{"CategoryUnknown", func(in *I) { in.Category = "投诉" }, "category"},
		bad[I]{"UrgencyUnknown", func(in *I) { in.Urgency = "特急" }, "urgency"},
		bad[I]{"PromisedByPast", func(in *I) { in.PromisedBy = baseDay.AddDays(-1) }, "promised_by"},
		bad[I]{"SourceUnknown", func(in *I) { in.Source = "wechat" }, "source"},
	)
	good := request()
	good.Description = strings.Repeat("诉", 999) + "\n"
	good.Phone = "0755-1234567"
	wantRefused(t, db, good, cases, func(in I) error { _, err := db.CreateRequest(ctx, in); return err })
}

func TestValidateBooking(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	type I = store.BookingInput
	var cases []bad[I]
	cases = append(cases, nameCases("org", func(in *I, s string) { in.Org = s }, 60, true)...)
	cases = append(cases, nameCases("contact", func(in *I, s string) { in.Contact = s }, 30, true)...)
	cases = append(cases, phoneCases("phone", func(in *I, s string) { in.Phone = s }, true)...)
	cases = append(cases, nameCases("title", func(in *I, s string) { in.Title = s }, 60, true)...)
	cases = append(cases,
		bad[I]{"VenueMissing", func(in *I) { in.VenueID = 0 }, "venue"},
		bad[I]{"PurposeUnknown", func(in *I) { in.Purpose = "聚餐" }, "purpose"},
		bad[I]{"AttendeesZero", func(in *I) { in.Attendees = 0 }, "attendees"},
		bad[I]{"AttendeesNegative", func(in *I) { in.Attendees = -5 }, "attendees"},
		bad[I]{"AttendeesHuge", func(in *I) { in.Attendees = 1 << 40 }, "attendees"},
		bad[I]{"StartMissing", func(in *I) { in.Start = time.Time{} }, "start"},
		bad[I]{"EndMissing", func(in *I) { in.End = time.Time{} }, "end"},
		bad[I]{"EndBeforeStart", func(in *I) { in.End = in.Start.Add(-time.Minute) }, "end"},
		// Times are kept to the minute: 14:00:30–14:00:50 is no time at all.
		bad[I]{"EndSameMinute", func(in *I) { in.Start, in.End = in.Start.Add(30*time.Second), in.Start.Add(50*time.Second) }, "end"},
	)
	good := booking(hall.ID, tomorrow, "14:00", "16:00")
	wantRefused(t, db, good, cases, func(in I) error { _, err := db.CreateBooking(ctx, in); return err })
	t.Run("Series", func(t *testing.T) {
		good := booking(hall.ID, tomorrow, "09:00", "10:00")
		series := []bad[I]{
			{"TitleMissing", func(in *I) { in.Title = "" }, "title"},
			{"PhoneJunk", func(in *I) { in.Phone = "110" }, "phone"},
		}
		wantRefused(t, db, good, series, func(in I) error { _, err := db.CreateSeries(ctx, in, 2); return err })
		for _, weeks := range []int{0, -1, 27} {
			before := rowCounts(t, db.Path())
			_, err := db.CreateSeries(ctx, booking(hall.ID, tomorrow, "18:00", "19:00"), weeks)
			wantCode(t, err, store.EINVALID, "weeks")
			wantSameCounts(t, before, rowCounts(t, db.Path()))
		}
	})
	t.Run("FormTimes", func(t *testing.T) {
		for _, c := range []struct{ date, start, end, field string }{
			{"2026-3-11", "14:00", "16:00", "date"},
			{"2026-02-30", "14:00", "16:00", "date"},
			{"", "14:00", "16:00", "date"},
			{"2026-03-11", "2pm", "16:00", "start"},
			{"2026-03-11", "14:60", "16:00", "start"},
			{"2026-03-11", "14:00", "25:00", "end"},
			{"2026-03-11", "14:00", "", "end"},
		} {
			_, _, err := db.BookingTimes(c.date, c.start, c.end)
			wantCode(t, err, store.EINVALID, c.field)
		}
		s, e, err := db.BookingTimes("2026-03-11", "14:00", "16:00")
		if err != nil || !s.Equal(at(tomorrow, "14:00")) || !e.Equal(at(tomorrow, "16:00")) {
			t.Errorf("BookingTimes: got %v–%v (%v), want 14:00–16:00 on %s in Shanghai", s, e, err, tomorrow)
		}
	})
}

func TestValidateVenue(t *testing.T) {
	db := mustOpen(t)
	type I = store.VenueInput
	var cases []bad[I]
	cases = append(cases, nameCases("name", func(in *I, s string) { in.Name = s }, 30, true)...)
	cases = append(cases, textCases("facilities", func(in *I, s string) { in.Facilities = s }, 200, false)...)
	cases = append(cases,
		bad[I]{"CapacityZero", func(in *I) { in.Capacity = 0 }, "capacity"},
		bad[I]{"CapacityHuge", func(in *I) { in.Capacity = store.MaxCapacity + 1 }, "capacity"},
		bad[I]{"OpensJunk", func(in *I) { in.OpensAt = "8点" }, "opens_at"},
		bad[I]{"ClosesJunk", func(in *I) { in.ClosesAt = "25:00" }, "closes_at"},
		bad[I]{"ClosesBeforeOpens", func(in *I) { in.OpensAt, in.ClosesAt = "18:00", "09:00" }, "closes_at"},
		bad[I]{"ClosesAtOpens", func(in *I) { in.OpensAt, in.ClosesAt = "09:00", "09:00" }, "closes_at"},
	)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	t.Run("Create", func(t *testing.T) {
		good := store.VenueInput{Name: "党员活动室", Capacity: 30, OpensAt: "00:00", ClosesAt: "24:00"}
		wantRefused(t, db, good, cases, func(in I) error { _, err := db.CreateVenue(ctx, admin, in); return err })
	})
	t.Run("Update", func(t *testing.T) {
		good := store.VenueInput{Name: "多功能报告厅", Capacity: 100}
		wantRefused(t, db, good, cases, func(in I) error {
			_, err := db.UpdateVenue(ctx, admin, hall.ID, in)
			if err != nil {
				if got, _ := db.Venue(ctx, hall.ID); got.Name != "多功能厅" || got.Capacity != 80 {
					t.Errorf("venue after a refused update: got %+v, want unchanged", got)
				}
			}
			return err
		})
	})
}

func TestValidateSettings(t *testing.T) {
	db := mustOpen(t)
	for _, c := range []struct{ name, field string }{
		{"", "center"},
		{"  ", "center"},
		{"中心\x1b", "center"},
		{strings.Repeat("中", 61), "center"},
	} {
		before := rowCounts(t, db.Path())
		wantCode(t, db.Init(ctx, store.InitInput{Center: c.name}), store.EINVALID, c.field)
		wantSameCounts(t, before, rowCounts(t, db.Path()))
	}
	before := rowCounts(t, db.Path())
	wantCode(t, db.Init(ctx, store.InitInput{Center: "中心", TimeZone: "Mars/Olympus"}), store.EINVALID, "tz")
	wantCode(t, db.Init(ctx, store.InitInput{Center: "中心", Venues: []store.VenueInput{{Name: "好厅", Capacity: 10}, {Name: "", Capacity: 5}}}), store.EINVALID, "name")
	wantCode(t, db.SetSetting(ctx, "closes_at", "9pm"), store.EINVALID, "closes_at")
	wantCode(t, db.SetSetting(ctx, "promise_days", "0"), store.EINVALID, "promise_days")
	wantCode(t, db.SetSetting(ctx, "secret", "00"), store.EINVALID, "secret")
	_, err := db.Purge(ctx, admin, 0)
	wantCode(t, err, store.EINVALID, "older-than")
	_, err = db.EnsureStaff(ctx, "")
	wantCode(t, err, store.EINVALID, "staff")
	wantSameCounts(t, before, rowCounts(t, db.Path()))
	if got := db.Settings().CenterName; got != "测试党群服务中心" {
		t.Errorf("center name after refused inits: got %q, want 测试党群服务中心", got)
	}
}

func TestNormalizePhone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"13812345678", "13812345678"},
		{"138 1234 5678", "13812345678"},
		{"138-1234-5678", "13812345678"},
		{"+86 138 1234 5678", "13812345678"},
		{"+8613812345678", "13812345678"},
		{"8613812345678", "13812345678"},
		{"19912345678", "19912345678"},
		{"010-62345678", "010-62345678"},
		{"01062345678", "010-62345678"},
		{"(0755) 1234567", "0755-1234567"},
		{"0755-12345678", "0755-12345678"},
		{"021 6234 5678", "021-62345678"},
		{"+86 010 62345678", "010-62345678"},
		{"+86 10 6234 5678", "010-62345678"},
		{"+86 352 1234567", "0352-1234567"},
		{"86 755 12345678", "0755-12345678"},
		// As Chinese input methods type them: full-width digits and signs,
		// an ideographic space.
		{"１３８１２３４５６７８", "13812345678"},
		{"＋８６　１３８－１２３４－５６７８", "13812345678"},
		{"（０１０）６２３４５６７８", "010-62345678"},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, ok := store.NormalizePhone(c.in)
			if !ok || got != c.want {
				t.Errorf("NormalizePhone(%q): got %q %v, want %q", c.in, got, ok, c.want)
			}
		})
	}
	for _, in := range junkPhones {
		t.Run("Err"+in, func(t *testing.T) {
			if got, ok := store.NormalizePhone(in); ok {
				t.Errorf("NormalizePhone(%q): got %q, want refused", in, got)
			}
		})
	}
}

func TestMaskPhone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"13812345678", "138****5678"},
		{"010-62345678", "010****5678"},
		{"", ""},
		{"123", "123"},
	} {
		if got := store.MaskPhone(c.in); got != c.want {
			t.Errorf("MaskPhone(%q): got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	db := mustOpen(t)
	_, err := db.CheckIn(ctx, store.VisitInput{Purpose: "business", Actor: "王芳"})
	if got, want := store.ErrorMessage(err, "zh"), "请填写姓名"; got != want {
		t.Errorf("Chinese message: got %q, want %q", got, want)
	}
	if got, want := store.ErrorMessage(err, "en"), "Name is required"; got != want {
		t.Errorf("English message: got %q, want %q", got, want)
	}
	raw := errors.New("sqlite: disk I/O error")
	if got := store.ErrorMessage(raw, "zh"); strings.Contains(got, "sqlite") || got == "" {
		t.Errorf("message of an internal error: got %q, want a generic Chinese message", got)
	}
	if store.ErrorCode(nil) != "" || store.ErrorCode(raw) != store.EINTERNAL {
		t.Errorf("ErrorCode: got %q for nil and %q for a raw error, want \"\" and internal", store.ErrorCode(nil), store.ErrorCode(raw))
	}
}

// TestClassifyLookup checks the one rule for what a desk lookup is: the
// last four digits, a whole phone however written, a partial number, or a
// name prefix; FindVisitors matches by the same reading.
func TestClassifyLookup(t *testing.T) {
	cases := []struct {
		q    string
		kind store.LookupKind
		v    string
	}{
		{"5678", store.LookupTail, "5678"},
		{" 5678 ", store.LookupTail, "5678"},
		{"567", store.LookupDigits, "567"},
		{"123456", store.LookupDigits, "123456"},
		{"1234567", store.LookupPhone, "1234567"},
		{"13812345678", store.LookupPhone, "13812345678"},
		{"+86 138-1234-5678", store.LookupPhone, "13812345678"},
		{"张", store.LookupName, "张"},
		{"张三5678", store.LookupName, "张三5678"},
		{"", store.LookupName, ""},
	}
	for _, c := range cases {
		kind, v := store.ClassifyLookup(c.q)
		if kind != c.kind || v != c.v {
			t.Errorf("ClassifyLookup(%q) = %v, %q; want %v, %q", c.q, kind, v, c.kind, c.v)
		}
	}
}
