package store_test

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"frontdesk/store"
)

func TestInit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "init.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	in := store.InitInput{Center: "红星街道党群服务中心", Staff: "王芳",
		Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}, {Name: "党员活动室", Capacity: 30, OpensAt: "09:00", ClosesAt: "17:30"}}}
	if err := db.Init(ctx, in); err != nil {
		t.Fatal(err)
	}
	s := db.Settings()
	if !s.Initialized() || s.CenterName != "红星街道党群服务中心" || s.TimeZone != store.DefaultTimeZone {
		t.Errorf("settings: got %+v, want the center in %s", s, store.DefaultTimeZone)
	}
	if len(s.Secret) != 32 {
		t.Errorf("kiosk secret: got %d bytes, want 32", len(s.Secret))
	}
	if s.ClosesAt != (store.Clock{Hour: 21}) || s.ResponseHours != 24 || s.UrgentResponseHours != 2 || s.PromiseDays != 5 || s.UrgentPromiseDays != 1 {
		t.Errorf("defaults: got %+v", s)
	}
	before := rowCounts(t, path)

	t.Run("Idempotent", func(t *testing.T) {
		if err := db.Init(ctx, in); err != nil {
			t.Fatal(err)
		}
		after := rowCounts(t, path)
		for _, tb := range []string{"venues", "staff", "settings"} {
			if after[tb] != before[tb] {
				t.Errorf("rows in %s after a second init: got %d, want %d", tb, after[tb], before[tb])
			}
		}
		if got := db.Settings().Secret; !bytes.Equal(got, s.Secret) {
			t.Errorf("kiosk secret changed on a second init")
		}
	})
	t.Run("AddsNewVenueOnly", func(t *testing.T) {
		more := in
		more.Venues = append(more.Venues, store.VenueInput{Name: "报告厅", Capacity: 200})
		if err := db.Init(ctx, more); err != nil {
			t.Fatal(err)
		}
		vs, _ := db.Venues(ctx, false)
		if len(vs) != 3 || vs[2].Name != "报告厅" {
			t.Errorf("venues: got %d, want 3 ending with 报告厅", len(vs))
		}
	})
	t.Run("SeenByAnotherProcess", func(t *testing.T) {
		other, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		if got := other.Settings(); got.CenterName != s.CenterName || !bytes.Equal(got.Secret, s.Secret) {
			t.Errorf("settings in a second process: got %q, want %q and the same secret", got.CenterName, s.CenterName)
		}
		if err := db.SetSetting(ctx, "promise_days", "7"); err != nil {
			t.Fatal(err)
		}
		if err := other.Reload(ctx); err != nil {
			t.Fatal(err)
		}
		if got := other.Settings().PromiseDays; got != 7 {
			t.Errorf("promise days after Reload: got %d, want 7", got)
		}
	})
	t.Run("SettingsChangeRules", func(t *testing.T) {
		db, clk := mustOpenClock(t)
		for k, v := range map[string]string{"promise_days": "3", "urgent_promise_days": "2", "response_hours": "48", "urgent_response_hours": "4"} {
			if err := db.SetSetting(ctx, k, v); err != nil {
				t.Fatal(err)
			}
		}
		r := mustCreateRequest(t, db, request())
		if r.PromisedBy != baseDay.AddDays(3) || !r.RespondBy.Equal(clk.Now().Add(48*time.Hour)) {
			t.Errorf("request: got promised %v respond %v, want %v and 48 h", r.PromisedBy, r.RespondBy, baseDay.AddDays(3))
		}
		in := request()
		in.Urgency = "urgent"
		r = mustCreateRequest(t, db, in)
		if r.PromisedBy != baseDay.AddDays(2) || !r.RespondBy.Equal(clk.Now().Add(4*time.Hour)) {
			t.Errorf("urgent request: got promised %v respond %v, want %v and 4 h", r.PromisedBy, r.RespondBy, baseDay.AddDays(2))
		}
	})
}

func TestStaff(t *testing.T) {
	db := mustOpen(t)
	a, err := db.EnsureStaff(ctx, " 王芳 ")
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "王芳" || a.Role != store.RoleDesk || !a.Active {
		t.Errorf("new staff: got %+v, want 王芳, desk, active", a)
	}
	again, err := db.EnsureStaff(ctx, "王芳")
	if err != nil || again.ID != a.ID {
		t.Errorf("the same name again: got %+v (%v), want id %d", again, err, a.ID)
	}
	b, _ := db.EnsureStaff(ctx, "李明")
	if _, err := db.SetStaffActive(ctx, admin, a.ID, false); err != nil {
		t.Fatal(err)
	}
	list, err := db.StaffList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != b.ID || list[1].ID != a.ID || list[1].Active {
		t.Errorf("staff list: got %+v, want 李明 (active) then 王芳 (inactive)", list)
	}
	wantCode(t, second(db.SetStaffActive(ctx, admin, 999, true)), store.ENOTFOUND, "")
}

func TestLabels(t *testing.T) {
	for name, list := range map[string][]store.Label{
		"Purposes": store.Purposes, "Categories": store.Categories, "Urgencies": store.Urgencies,
		"BookingPurposes": store.BookingPurposes, "Satisfactions": store.Satisfactions,
		"RequestStatuses": store.RequestStatuses, "BookingStatuses": store.BookingStatuses,
	} {
		seen := map[string]bool{}
		for _, l := range list {
			if l.Code == "" || l.ZH == "" || l.EN == "" {
				t.Errorf("%s: label %+v lacks a code, Chinese or English", name, l)
			}
			if seen[l.Code] {
				t.Errorf("%s: code %s twice", name, l.Code)
			}
			seen[l.Code] = true
			if l.In("en") != l.EN || l.In("zh") != l.ZH || l.In("") != l.ZH {
				t.Errorf("%s: Text of %s: wrong language", name, l.Code)
			}
		}
	}
	// The SPEC's lists, in its order.
	for _, c := range []struct {
		list []store.Label
		zh   []string
	}{
		{store.Purposes, []string{"办事", "咨询", "参加活动", "党员报到", "志愿服务", "参观学习", "其他"}},
		{store.Categories, []string{"政策咨询", "社保医保", "就业创业", "养老助残", "住房物业", "环境卫生", "矛盾调解", "党员服务", "其他"}},
		{store.BookingPurposes, []string{"主题党日", "三会一课", "志愿服务", "培训", "居民活动", "其他"}},
		{store.Satisfactions, []string{"满意", "基本满意", "不满意"}},
		{store.BookingStatuses, []string{"待审核", "已确认", "已取消", "未通过", "未到场"}},
	} {
		var got []string
		for _, l := range c.list {
			got = append(got, l.ZH)
		}
		if len(got) != len(c.zh) {
			t.Errorf("labels: got %v, want %v", got, c.zh)
			continue
		}
		for i := range got {
			if got[i] != c.zh[i] {
				t.Errorf("labels: got %v, want %v", got, c.zh)
				break
			}
		}
	}
	if got := store.LabelOf(store.Categories, "unknown"); got.ZH != "unknown" {
		t.Errorf("LabelOf an unknown code: got %+v, want the code as its name", got)
	}
}

// TestRotateSecret: a new secret replaces the old one, and another process
// on the same file (a kiosk) picks it up without a restart, as it does a new
// center name.
func TestRotateSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret.db")
	desk, _ := mustOpenAt(t, path, "")
	kiosk, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kiosk.Close() })
	before := string(desk.Settings().Secret)
	if got := string(kiosk.Settings().Secret); got != before {
		t.Fatal("two opens of one file disagree on the secret")
	}
	if err := desk.RotateSecret(ctx, admin); err != nil {
		t.Fatal(err)
	}
	after := string(desk.Settings().Secret)
	if after == before || len(after) != 32 {
		t.Fatalf("secret after rotating: %d bytes, changed %v; want 32 new bytes", len(after), after != before)
	}
	if err := desk.Init(ctx, store.InitInput{Center: "改名后的中心", Actor: admin}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for string(kiosk.Settings().Secret) != after || kiosk.Settings().CenterName != "改名后的中心" {
		if time.Now().After(deadline) {
			t.Fatalf("the other process still has center %q and the old secret: %v",
				kiosk.Settings().CenterName, string(kiosk.Settings().Secret) == before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
