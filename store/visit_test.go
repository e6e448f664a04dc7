package store_test

import (
	"slices"
	"testing"
	"time"

	"frontdesk/store"
)

func TestCheckIn(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := mustOpen(t)
		v, err := db.CheckIn(ctx, store.VisitInput{Name: " 张三 ", Phone: "138-1234-5678", Org: "幸福里社区",
			Purpose: "咨询", Note: "问医保\n报销", Actor: "王芳"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v.ReceiptNo, "V-20260310-0001"; got != want {
			t.Errorf("receipt: got %q, want %q", got, want)
		}
		if got, want := v.Name, "张三"; got != want {
			t.Errorf("name: got %q, want %q", got, want)
		}
		if got, want := v.Phone, "13812345678"; got != want {
			t.Errorf("phone: got %q, want %q", got, want)
		}
		if got, want := v.Purpose, "consult"; got != want {
			t.Errorf("purpose: got %q, want %q", got, want)
		}
		if got, want := v.Headcount, 1; got != want {
			t.Errorf("headcount: got %d, want %d", got, want)
		}
		if got, want := v.Note, "问医保\n报销"; got != want {
			t.Errorf("note: got %q, want %q", got, want)
		}
		if !v.CheckedInAt.Equal(base) || !v.Open() {
			t.Errorf("checked in at %v, open %v: want %v, open", v.CheckedInAt, v.Open(), base)
		}
		if got, want := v.Source+"/"+v.CreatedBy, "desk/王芳"; got != want {
			t.Errorf("source/created by: got %q, want %q", got, want)
		}
		if !store.ValidStatusCode(v.StatusCode) {
			t.Errorf("status code %q is not a valid code", v.StatusCode)
		}
		got, err := db.Visit(ctx, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got != v {
			t.Errorf("stored visit: got %+v, want %+v", got, v)
		}
		byCode, err := db.VisitByCode(ctx, v.StatusCode)
		if err != nil || byCode.ID != v.ID {
			t.Errorf("visit by code: got %d (%v), want %d", byCode.ID, err, v.ID)
		}
	})
	t.Run("Kiosk", func(t *testing.T) {
		db := mustOpen(t)
		v, err := db.CheckIn(ctx, store.VisitInput{Name: "李四", Purpose: "business", Source: "kiosk"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v.Source+"/"+v.CreatedBy, "kiosk/kiosk"; got != want {
			t.Errorf("source/created by: got %q, want %q", got, want)
		}
	})
	t.Run("GroupHeadcount", func(t *testing.T) {
		db := mustOpen(t)
		in := visit("红星街道机关党支部", "", "study_tour")
		in.Headcount = 30
		v := mustCheckIn(t, db, in)
		if got, want := v.Headcount, 30; got != want {
			t.Errorf("headcount: got %d, want %d", got, want)
		}
	})
	t.Run("ReturningVisitor", func(t *testing.T) {
		db, clk := mustOpenClock(t)
		a := mustCheckIn(t, db, visit("张三", "13812345678", "consult"))
		clk.Add(24 * time.Hour)
		in := visit("张三", "13812345678", "party_report")
		in.Org = ""
		in.PartyMember = true
		b := mustCheckIn(t, db, in)
		if a.VisitorID != b.VisitorID {
			t.Fatalf("visitor of the second visit: got %d, want %d (the same person)", b.VisitorID, a.VisitorID)
		}
		found, err := db.FindVisitors(ctx, "5678", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(found) != 1 {
			t.Fatalf("visitors: got %d, want 1", len(found))
		}
		p := found[0]
		if p.VisitCount != 2 || !p.LastSeenAt.Equal(base.Add(24*time.Hour)) || !p.PartyMember || p.Org != "幸福里社区" {
			t.Errorf("visitor: got %+v, want 2 visits, last seen %v, party member, org kept", p, base.Add(24*time.Hour))
		}
		if got, want := b.ReceiptNo, "V-20260311-0001"; got != want {
			t.Errorf("receipt on the next day: got %q, want %q", got, want)
		}
		// The whole phone, however typed, finds them alone, not another
		// visitor whose phone ends in the same four digits.
		mustCheckIn(t, db, visit("李四", "13900005678", "consult"))
		for _, q := range []string{"13812345678", "138 1234 5678", "+86 138-1234-5678"} {
			found, err := db.FindVisitors(ctx, q, 10)
			if err != nil || len(found) != 1 || found[0].ID != a.VisitorID {
				t.Errorf("FindVisitors(%q): got %+v, %v; want 张三 (visitor %d) alone", q, found, err, a.VisitorID)
			}
		}
	})
}

func TestCheckOut(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db, clk := mustOpenClock(t)
		v := mustCheckIn(t, db, visit("张三", "", "business"))
		clk.Add(90 * time.Minute)
		out, err := db.CheckOut(ctx, v.ID, "王芳")
		if err != nil {
			t.Fatal(err)
		}
		if want := base.Add(90 * time.Minute); !out.CheckedOutAt.Equal(want) || out.AutoClosed {
			t.Errorf("checked out at %v auto %v: want %v, by a person", out.CheckedOutAt, out.AutoClosed, want)
		}
		stored, _ := db.Visit(ctx, v.ID)
		if !stored.CheckedOutAt.Equal(out.CheckedOutAt) {
			t.Errorf("stored check-out: got %v, want %v", stored.CheckedOutAt, out.CheckedOutAt)
		}
	})
	t.Run("ErrTwice", func(t *testing.T) {
		db, clk := mustOpenClock(t)
		v := mustCheckIn(t, db, visit("张三", "", "business"))
		clk.Add(time.Hour)
		if _, err := db.CheckOut(ctx, v.ID, "王芳"); err != nil {
			t.Fatal(err)
		}
		clk.Add(time.Hour)
		_, err := db.CheckOut(ctx, v.ID, "王芳")
		wantCode(t, err, store.ECONFLICT, "")
		_, err = db.CheckOutByCode(ctx, v.StatusCode)
		wantCode(t, err, store.ECONFLICT, "")
		stored, _ := db.Visit(ctx, v.ID)
		if want := base.Add(time.Hour); !stored.CheckedOutAt.Equal(want) {
			t.Errorf("check-out time after a second press: got %v, want %v (unchanged)", stored.CheckedOutAt, want)
		}
	})
	t.Run("ByCode", func(t *testing.T) {
		db, clk := mustOpenClock(t)
		v := mustCheckIn(t, db, visit("张三", "", "business"))
		clk.Add(time.Hour)
		out, err := db.CheckOutByCode(ctx, v.StatusCode)
		if err != nil {
			t.Fatal(err)
		}
		if out.ID != v.ID || out.Open() {
			t.Errorf("check-out by code: got visit %d open %v, want %d closed", out.ID, out.Open(), v.ID)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		db := mustOpen(t)
		_, err := db.CheckOut(ctx, 999, "王芳")
		wantCode(t, err, store.ENOTFOUND, "")
		_, err = db.CheckOutByCode(ctx, "aaaaaaaaaaaaaaaaaaaaaaaa")
		wantCode(t, err, store.ENOTFOUND, "")
	})
}

func TestCloseOpenVisits(t *testing.T) {
	db, clk := mustOpenClock(t)
	open := mustCheckIn(t, db, visit("张三", "", "business")) // 10:00, never checks out
	clk.Set(at(baseDay, "22:30"))
	late := mustCheckIn(t, db, visit("李四", "", "business")) // after closing time
	clk.Set(at(baseDay, "11:00"))
	left := mustCheckIn(t, db, visit("王五", "", "business"))
	clk.Set(at(baseDay, "12:00"))
	if _, err := db.CheckOut(ctx, left.ID, "王芳"); err != nil {
		t.Fatal(err)
	}

	t.Run("SameDayNothing", func(t *testing.T) {
		clk.Set(at(baseDay, "23:59"))
		n, err := db.CloseOpenVisits(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("closed before the day ended: got %d, want 0", n)
		}
	})
	next := baseDay.AddDays(1)
	clk.Set(at(next, "08:00"))
	today := mustCheckIn(t, db, visit("赵六", "", "business"))
	t.Run("NextDay", func(t *testing.T) {
		n, err := db.CloseOpenVisits(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := n, 2; got != want {
			t.Fatalf("closed: got %d, want %d", got, want)
		}
		for _, c := range []struct {
			id   int64
			want time.Time
		}{
			{open.ID, at(baseDay, "21:00")}, // the center's closing time of its day
			{late.ID, at(baseDay, "22:30")}, // never before its check-in
		} {
			v, _ := db.Visit(ctx, c.id)
			if !v.CheckedOutAt.Equal(c.want) || !v.AutoClosed {
				t.Errorf("visit %d: got out %v auto %v, want %v auto", c.id, v.CheckedOutAt, v.AutoClosed, c.want)
			}
		}
		v, _ := db.Visit(ctx, left.ID)
		if v.AutoClosed || !v.CheckedOutAt.Equal(at(baseDay, "12:00")) {
			t.Errorf("visit checked out by a person: got out %v auto %v, want 12:00 unchanged", v.CheckedOutAt, v.AutoClosed)
		}
		v, _ = db.Visit(ctx, today.ID)
		if !v.Open() {
			t.Errorf("today's visit: got closed at %v, want still open", v.CheckedOutAt)
		}
		if n, _ := db.CloseOpenVisits(ctx); n != 0 {
			t.Errorf("second run: got %d closed, want 0", n)
		}
	})
	t.Run("ClosingTimeSetting", func(t *testing.T) {
		if err := db.SetSetting(ctx, "closes_at", "18:00"); err != nil {
			t.Fatal(err)
		}
		clk.Set(at(next.AddDays(1), "09:00"))
		if n, err := db.CloseOpenVisits(ctx); err != nil || n != 1 {
			t.Fatalf("closed: got %d (%v), want 1", n, err)
		}
		v, _ := db.Visit(ctx, today.ID)
		if want := at(next, "18:00"); !v.CheckedOutAt.Equal(want) || !v.AutoClosed {
			t.Errorf("auto close with closes_at 18:00: got %v auto %v, want %v auto", v.CheckedOutAt, v.AutoClosed, want)
		}
	})
}

func TestInBuilding(t *testing.T) {
	db, clk := mustOpenClock(t)
	clk.Set(at(baseDay.AddDays(-1), "15:00"))
	mustCheckIn(t, db, visit("昨天没走", "", "business")) // yesterday's open visit is not in today's roll call
	clk.Set(at(baseDay, "09:00"))
	a := mustCheckIn(t, db, visit("张三", "", "business"))
	clk.Set(at(baseDay, "09:30"))
	b := mustCheckIn(t, db, visit("李四", "", "business"))
	clk.Set(at(baseDay, "09:45"))
	c := mustCheckIn(t, db, visit("王五", "", "business"))
	clk.Set(at(baseDay, "10:00"))
	if _, err := db.CheckOut(ctx, b.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	in, err := db.InBuilding(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, v := range in {
		got = append(got, v.ID)
	}
	if want := []int64{a.ID, c.ID}; !slices.Equal(got, want) {
		t.Errorf("in the building: got %v, want %v (earliest first)", got, want)
	}
}

func TestVisitsOn(t *testing.T) {
	db, clk := mustOpenClock(t)
	// The center's day runs from 00:00 to 24:00 in Shanghai, 16:00 to 16:00 UTC.
	clk.Set(at(baseDay, "00:00"))
	first := mustCheckIn(t, db, visit("零点", "", "business"))
	clk.Set(at(baseDay, "23:59"))
	last := mustCheckIn(t, db, visit("午夜前", "", "business"))
	clk.Set(at(baseDay.AddDays(1), "00:00"))
	mustCheckIn(t, db, visit("次日", "", "business"))
	clk.Set(at(baseDay, "00:00").Add(-time.Second))
	mustCheckIn(t, db, visit("前一天", "", "business"))
	vs, err := db.VisitsOn(ctx, baseDay)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, v := range vs {
		got = append(got, v.ID)
	}
	if want := []int64{last.ID, first.ID}; !slices.Equal(got, want) {
		t.Errorf("visits on %s: got %v, want %v (newest first)", baseDay, got, want)
	}
}

func TestFindVisitors(t *testing.T) {
	db, clk := mustOpenClock(t)
	people := []store.VisitInput{
		visit("张三", "13812345678", "consult"),
		visit("张三丰", "13987655678", "consult"),
		visit("李四", "010-62345678", "consult"),
		visit("Tom Lee", "15000001111", "consult"),
		visit("张", "", "consult"),
		visit("章三", "13700002222", "consult"),
	}
	for _, p := range people {
		clk.Add(time.Minute) // later ones were seen more recently
		mustCheckIn(t, db, p)
	}
	for _, c := range []struct {
		name, q string
		want    []string // names, most recently seen first
	}{
		{"Last4", "5678", []string{"李四", "张三丰", "张三"}},
		{"Last4NoneSuch", "2345", nil},
		{"WholeMobile", "13812345678", []string{"张三"}},
		{"WholeMobileSpaced", "138 1234 5678", []string{"张三"}},
		{"WholeMobilePlus86", "+86 138-1234-5678", []string{"张三"}},
		{"WholeLandline", "01062345678", []string{"李四"}},
		{"WholeLandlineDash", "010-62345678", []string{"李四"}},
		{"NamePrefixOneRune", "张", []string{"张", "张三丰", "张三"}},
		{"NamePrefix", "张三", []string{"张三丰", "张三"}},
		{"NameWhole", "张三丰", []string{"张三丰"}},
		{"NamePrefixNotInside", "三", nil},
		{"NameLatin", "Tom", []string{"Tom Lee"}},
		{"NameOtherHanzi", "章", []string{"章三"}},
		{"NoMatch", "王", nil},
		{"Blank", "  ", nil},
		{"LikeWildcardsAreText", "%", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			found, err := db.FindVisitors(ctx, c.q, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range found {
				got = append(got, v.Name)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("FindVisitors(%q): got %q, want %q", c.q, got, c.want)
			}
		})
	}
	t.Run("Limit", func(t *testing.T) {
		found, err := db.FindVisitors(ctx, "张", 2)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(found), 2; got != want {
			t.Errorf("found with limit 2: got %d, want %d", got, want)
		}
	})
	t.Run("SearchVisits", func(t *testing.T) {
		vs, err := db.SearchVisits(ctx, "5678", 10)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(vs), 3; got != want {
			t.Errorf("visits of the people with last four 5678: got %d, want %d", got, want)
		}
	})
}

func TestServiceHoursBetween(t *testing.T) {
	db, clk := mustOpenClock(t)
	march, april := store.Day{Year: 2026, Month: 3, Day: 1}, store.Day{Year: 2026, Month: 4, Day: 1}
	// serve checks a visitor in on day d at start and out after dur (zero:
	// left open).
	serve := func(in store.VisitInput, d store.Day, start string, dur time.Duration) store.Visit {
		t.Helper()
		clk.Set(at(d, start))
		v := mustCheckIn(t, db, in)
		if dur > 0 {
			clk.Add(dur)
			if _, err := db.CheckOut(ctx, v.ID, "王芳"); err != nil {
				t.Fatal(err)
			}
		}
		return v
	}
	member := func(name, phone, purpose string) store.VisitInput {
		in := visit(name, phone, purpose)
		in.PartyMember = true
		return in
	}
	zhang := member("张建国", "13811112222", "party_report")
	serve(zhang, store.Day{Year: 2026, Month: 3, Day: 3}, "09:00", 2*time.Hour)
	serve(member("张建国", "13811112222", "volunteer"), store.Day{Year: 2026, Month: 3, Day: 9}, "14:00", 90*time.Minute)
	serve(member("张建国", "13811112222", "consult"), store.Day{Year: 2026, Month: 3, Day: 9}, "17:00", time.Hour) // not service
	serve(zhang, store.Day{Year: 2026, Month: 4, Day: 2}, "09:00", 3*time.Hour)                                 // April
	serve(zhang, store.Day{Year: 2026, Month: 2, Day: 28}, "09:00", 3*time.Hour)                                // February
	li := member("李红", "13833334444", "party_report")
	serve(li, store.Day{Year: 2026, Month: 3, Day: 31}, "20:00", 45*time.Minute)
	// An open visit, closed by the system at day's end: nobody saw her leave.
	serve(li, store.Day{Year: 2026, Month: 3, Day: 20}, "09:00", 0)
	clk.Set(at(store.Day{Year: 2026, Month: 4, Day: 10}, "08:00"))
	if n, err := db.CloseOpenVisits(ctx); err != nil || n != 1 {
		t.Fatalf("auto close: got %d (%v), want 1", n, err)
	}
	// A volunteer who is not a party member still gives service hours.
	serve(visit("王志愿", "13855556666", "volunteer"), store.Day{Year: 2026, Month: 3, Day: 15}, "10:00", 30*time.Minute)

	got, err := db.ServiceHoursBetween(ctx, march, march.AddDays(30))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		name   string
		visits int
		dur    time.Duration
		member bool
	}
	var rows []row
	for _, s := range got {
		rows = append(rows, row{s.Name, s.Visits, s.Duration, s.PartyMember})
	}
	want := []row{
		{"张建国", 2, 3*time.Hour + 30*time.Minute, true},
		{"李红", 1, 45 * time.Minute, true},
		{"王志愿", 1, 30 * time.Minute, false},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("service hours in March: got %+v, want %+v", rows, want)
	}
	if len(got) > 0 && got[0].Hours() != 3.5 {
		t.Errorf("hours: got %v, want 3.5", got[0].Hours())
	}
	apr, err := db.ServiceHoursBetween(ctx, april, april.AddDays(29))
	if err != nil {
		t.Fatal(err)
	}
	if len(apr) != 1 || apr[0].Duration != 3*time.Hour {
		t.Errorf("service hours in April: got %+v, want 张建国 3h", apr)
	}
}

func TestServiceDuration(t *testing.T) {
	in := base
	out := base.Add(2 * time.Hour)
	for _, c := range []struct {
		name string
		v    store.Visit
		want time.Duration
	}{
		{"PartyReport", store.Visit{Purpose: "party_report", CheckedInAt: in, CheckedOutAt: out}, 2 * time.Hour},
		{"Volunteer", store.Visit{Purpose: "volunteer", CheckedInAt: in, CheckedOutAt: out}, 2 * time.Hour},
		{"NotService", store.Visit{Purpose: "consult", CheckedInAt: in, CheckedOutAt: out}, 0},
		{"Open", store.Visit{Purpose: "volunteer", CheckedInAt: in}, 0},
		{"AutoClosed", store.Visit{Purpose: "volunteer", CheckedInAt: in, CheckedOutAt: out, AutoClosed: true}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.v.ServiceDuration(); got != c.want {
				t.Errorf("service duration: got %v, want %v", got, c.want)
			}
		})
	}
}
