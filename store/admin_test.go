package store_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"frontdesk/store"
)

// newKey returns a fresh ed25519 public key as an authorized_keys line, and
// the key itself.
func newKey(t testing.TB, comment string) (string, ssh.PublicKey) {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) + " " + comment, k
}

// mustStaff adds a staff member as the administrator.
func mustStaff(t testing.TB, db *store.DB, in store.StaffInput) store.Staff {
	t.Helper()
	s, err := db.CreateStaff(ctx, admin, in)
	if err != nil {
		t.Fatalf("add staff %s: %v", in.Name, err)
	}
	return s
}

func TestRoles(t *testing.T) {
	db := mustOpen(t)
	mustStaff(t, db, store.StaffInput{Name: "王芳", Role: store.RoleManager})
	mustStaff(t, db, store.StaffInput{Name: "李明"})
	gone := mustStaff(t, db, store.StaffInput{Name: "赵强", Role: store.RoleManager})
	if _, err := db.SetStaffActive(ctx, admin, gone.ID, false); err != nil {
		t.Fatal(err)
	}
	venue := store.VenueInput{Name: "报告厅", Capacity: 100}
	for name, actor := range map[string]store.Actor{
		"ErrDesk": {Staff: "李明"}, "ErrNobody": {}, "ErrUnknown": {Staff: "路人"}, "ErrInactiveManager": {Staff: "赵强"},
	} {
		t.Run(name, func(t *testing.T) {
			before := rowCounts(t, db.Path())
			_, err := db.CreateVenue(ctx, actor, venue)
			wantCode(t, err, store.EFORBIDDEN, "")
			_, err = db.CreateStaff(ctx, actor, store.StaffInput{Name: "新人"})
			wantCode(t, err, store.EFORBIDDEN, "")
			wantCode(t, db.UpdateSettings(ctx, actor, store.SettingsChange{Center: ptr("别的名字")}), store.EFORBIDDEN, "")
			wantCode(t, db.RotateSecret(ctx, actor), store.EFORBIDDEN, "")
			_, err = db.Purge(ctx, actor, 30)
			wantCode(t, err, store.EFORBIDDEN, "")
			wantSameCounts(t, before, rowCounts(t, db.Path()))
		})
	}
	t.Run("OKManager", func(t *testing.T) {
		v, err := db.CreateVenue(ctx, store.Actor{Staff: "王芳"}, venue)
		if err != nil {
			t.Fatal(err)
		}
		h, err := db.AdminHistory(ctx, store.KindVenue, v.ID, 0)
		if err != nil || len(h) != 1 || h[0].Actor != "王芳" || h[0].Action != store.ActionCreated || h[0].After["capacity"] != "100" {
			t.Errorf("history: got %+v (%v), want one creation by 王芳 with capacity 100", h, err)
		}
		if ok, _ := db.IsManager(ctx, "王芳"); !ok {
			t.Errorf("IsManager(王芳): got false, want true")
		}
		if ok, _ := db.IsManager(ctx, "李明"); ok {
			t.Errorf("IsManager(李明): got true, want false")
		}
	})
	t.Run("OKSystem", func(t *testing.T) {
		if err := db.RotateSecret(ctx, admin); err != nil {
			t.Fatal(err)
		}
		h, _ := db.AdminHistory(ctx, store.KindSettings, 0, 1)
		if len(h) != 1 || h[0].Actor != "admin:root" || h[0].Action != store.ActionSecret {
			t.Errorf("history: got %+v, want the new secret recorded under admin:root", h)
		}
	})
}

func ptr[T any](v T) *T { return &v }

func TestStaffAdmin(t *testing.T) {
	db := mustOpen(t)
	boss := mustStaff(t, db, store.StaffInput{Name: "王芳", Role: "manager"})
	t.Run("LoginFromPinyin", func(t *testing.T) {
		if boss.Login != "wangfang" {
			t.Errorf("login of 王芳: got %q, want wangfang", boss.Login)
		}
		again := mustStaff(t, db, store.StaffInput{Name: "汪芳"})
		if again.Login != "wangfang2" {
			t.Errorf("login of 汪芳: got %q, want wangfang2", again.Login)
		}
		odd := mustStaff(t, db, store.StaffInput{Name: "龘龘"})
		if !strings.HasPrefix(odd.Login, "staff") {
			t.Errorf("login of a name without pinyin: got %q, want staffN", odd.Login)
		}
		if got, _ := db.SuggestLogin(ctx, "李 明"); got != "liming" {
			t.Errorf("SuggestLogin(李 明): got %q, want liming", got)
		}
	})
	line, key := newKey(t, "lm@laptop")
	var lm store.Staff
	t.Run("KeyAndPassword", func(t *testing.T) {
		lm = mustStaff(t, db, store.StaffInput{Name: "李明", Login: "li.ming", Keys: []string{line}, Password: "correct horse"})
		if len(lm.Keys) != 1 || lm.Keys[0].Fingerprint != ssh.FingerprintSHA256(key) || !strings.HasSuffix(lm.Keys[0].PublicKey, " lm@laptop") {
			t.Fatalf("keys: got %+v, want the key's SHA256 fingerprint and comment", lm.Keys)
		}
		if !lm.HasPassword {
			t.Errorf("HasPassword: got false, want true")
		}
		got, err := db.StaffByKey(ctx, key)
		if err != nil || got.ID != lm.ID {
			t.Errorf("StaffByKey: got %+v (%v), want 李明", got, err)
		}
		if got, err := db.CheckPassword(ctx, "li.ming", "correct horse"); err != nil || got.ID != lm.ID {
			t.Errorf("CheckPassword right: got %+v (%v), want 李明", got, err)
		}
		_, err = db.CheckPassword(ctx, "li.ming", "wrong horse")
		wantCode(t, err, store.EFORBIDDEN, "")
		_, err = db.CheckPassword(ctx, "nobody", "correct horse")
		wantCode(t, err, store.EFORBIDDEN, "")
		_, err = db.CheckPassword(ctx, "wangfang", "")
		wantCode(t, err, store.EFORBIDDEN, "")
		var hash string
		rawOpen(t, db.Path()).QueryRow("SELECT password_hash FROM staff WHERE id = ?", lm.ID).Scan(&hash)
		if !strings.HasPrefix(hash, "$argon2id$") || strings.Contains(hash, "correct horse") {
			t.Errorf("stored password: got %q, want an argon2id hash", hash)
		}
	})
	t.Run("Bad", func(t *testing.T) {
		other, _ := newKey(t, "")
		for _, c := range []struct {
			name  string
			in    store.StaffInput
			code  string
			field string
		}{
			{"ErrEmptyName", store.StaffInput{Name: " "}, store.EINVALID, "name"},
			{"ErrDuplicateName", store.StaffInput{Name: "李明"}, store.ECONFLICT, "name"},
			{"ErrDuplicateLogin", store.StaffInput{Name: "李敏", Login: "li.ming"}, store.ECONFLICT, "login"},
			{"ErrLoginUpper", store.StaffInput{Name: "李敏", Login: "LiMin"}, store.EINVALID, "login"},
			{"ErrLoginShort", store.StaffInput{Name: "李敏", Login: "l"}, store.EINVALID, "login"},
			{"ErrLoginDigit", store.StaffInput{Name: "李敏", Login: "1limin"}, store.EINVALID, "login"},
			{"ErrLoginLong", store.StaffInput{Name: "李敏", Login: "l" + strings.Repeat("i", 32)}, store.EINVALID, "login"},
			{"ErrRole", store.StaffInput{Name: "李敏", Role: "boss"}, store.EINVALID, "role"},
			{"ErrKey", store.StaffInput{Name: "李敏", Keys: []string{"ssh-ed25519 AAAAnotakey"}}, store.EINVALID, "key"},
			{"ErrKeyTaken", store.StaffInput{Name: "李敏", Keys: []string{line}}, store.ECONFLICT, "key"},
			{"ErrPasswordShort", store.StaffInput{Name: "李敏", Keys: []string{other}, Password: "1234567"}, store.EINVALID, "password"},
		} {
			t.Run(c.name, func(t *testing.T) {
				before := rowCounts(t, db.Path())
				_, err := db.CreateStaff(ctx, admin, c.in)
				wantCode(t, err, c.code, c.field)
				wantSameCounts(t, before, rowCounts(t, db.Path()))
			})
		}
	})
	t.Run("Edit", func(t *testing.T) {
		second, _ := newKey(t, "lm@desk")
		s, err := db.UpdateStaff(ctx, store.Actor{Staff: "王芳"}, lm.ID, store.StaffChange{Rename: "李明明", Login: "limingming",
			AddKeys: []string{second}, RemoveKeys: []string{lm.Keys[0].Fingerprint}, Role: "manager"})
		if err != nil {
			t.Fatal(err)
		}
		if s.Name != "李明明" || s.Login != "limingming" || s.Role != store.RoleManager || len(s.Keys) != 1 || s.Keys[0].Fingerprint == lm.Keys[0].Fingerprint {
			t.Errorf("after edit: got %+v", s)
		}
		h, _ := db.AdminHistory(ctx, store.KindStaff, lm.ID, 1)
		if len(h) != 1 || h[0].Before["name"] != "李明" || h[0].After["name"] != "李明明" || h[0].Actor != "王芳" || h[0].Target != "李明" {
			t.Errorf("history: got %+v, want the rename by 王芳 from 李明", h)
		}
		if _, ok := h[0].After["password"]; ok {
			t.Errorf("history: got a password change, want none")
		}
		_, err = db.StaffByKey(ctx, key)
		wantCode(t, err, store.ENOTFOUND, "")
		_, err = db.UpdateStaff(ctx, admin, lm.ID, store.StaffChange{Password: "short"})
		wantCode(t, err, store.EINVALID, "password")
	})
	t.Run("ErrLastManager", func(t *testing.T) {
		db := mustOpen(t)
		only := mustStaff(t, db, store.StaffInput{Name: "王芳", Role: store.RoleManager})
		_, err := db.UpdateStaff(ctx, admin, only.ID, store.StaffChange{Role: store.RoleDesk})
		wantCode(t, err, store.ECONFLICT, "role")
		_, err = db.SetStaffActive(ctx, admin, only.ID, false)
		wantCode(t, err, store.ECONFLICT, "role")
		next := mustStaff(t, db, store.StaffInput{Name: "李明", Role: store.RoleManager})
		if _, err := db.SetStaffActive(ctx, store.Actor{Staff: "李明"}, only.ID, false); err != nil {
			t.Fatalf("deactivate a manager with another left: %v", err)
		}
		_, err = db.UpdateStaff(ctx, admin, next.ID, store.StaffChange{Role: store.RoleDesk})
		wantCode(t, err, store.ECONFLICT, "role")
	})
}

func TestStartDesk(t *testing.T) {
	db := mustOpen(t)
	first, err := db.StartDesk(ctx, "王芳")
	if err != nil || first.Role != store.RoleManager {
		t.Fatalf("first on a new center: got %+v (%v), want a manager", first, err)
	}
	again, err := db.StartDesk(ctx, "王芳")
	if err != nil || again.ID != first.ID {
		t.Errorf("again: got %+v (%v), want the same", again, err)
	}
	_, err = db.StartDesk(ctx, "路人甲")
	wantCode(t, err, store.ENOTFOUND, "staff")
	lm := mustStaff(t, db, store.StaffInput{Name: "李明", Password: "12345678"})
	if _, err := db.SetStaffActive(ctx, store.Actor{Staff: "王芳"}, lm.ID, false); err != nil {
		t.Fatal(err)
	}
	_, err = db.StartDesk(ctx, "李明")
	wantCode(t, err, store.EFORBIDDEN, "")
	if !strings.Contains(store.ErrorMessage(err, "zh"), "停用") {
		t.Errorf("message: got %q, want it to say deactivated", store.ErrorMessage(err, "zh"))
	}
	_, err = db.CheckPassword(ctx, lm.Login, "12345678")
	wantCode(t, err, store.EFORBIDDEN, "")
}

func TestVenueAdmin(t *testing.T) {
	db := mustOpen(t)
	boss := store.Actor{Staff: "王芳"}
	if _, err := db.StartDesk(ctx, "王芳"); err != nil {
		t.Fatal(err)
	}
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	nextWeek := baseDay.AddDays(7)
	old := mustBook(t, db, booking(hall.ID, nextWeek, "09:00", "11:00"))
	t.Run("RenameKeepsIDAndOldName", func(t *testing.T) {
		in := hall.Input()
		in.Name = "多功能报告厅"
		ch, err := db.UpdateVenue(ctx, boss, hall.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Venue.ID != hall.ID || ch.Venue.Name != "多功能报告厅" || len(ch.Misfit) != 0 {
			t.Errorf("renamed: got %+v", ch)
		}
		if b, _ := db.Booking(ctx, old.ID); b.VenueName != "多功能厅" || b.VenueID != hall.ID {
			t.Errorf("old booking: got venue %d %q, want %d 多功能厅", b.VenueID, b.VenueName, hall.ID)
		}
		nb := mustBook(t, db, booking(hall.ID, nextWeek, "14:00", "15:00"))
		if nb.VenueName != "多功能报告厅" {
			t.Errorf("new booking: got venue %q, want 多功能报告厅", nb.VenueName)
		}
	})
	t.Run("ShrinkListsMisfits", func(t *testing.T) {
		in := hall.Input()
		in.Name, in.Capacity, in.OpensAt = "多功能报告厅", 10, "10:00"
		ch, err := db.UpdateVenue(ctx, boss, hall.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if len(ch.Misfit) != 2 || ch.Misfit[0].ID != old.ID {
			t.Errorf("misfits: got %d, want the 2 bookings of 20 (one before 10:00)", len(ch.Misfit))
		}
		in.Capacity, in.OpensAt = 80, "08:00"
		if _, err := db.UpdateVenue(ctx, boss, hall.ID, in); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("Bad", func(t *testing.T) {
		mustCreateVenue(t, db, "党员活动室", 30)
		for _, c := range []struct {
			name  string
			in    store.VenueInput
			code  string
			field string
		}{
			{"ErrEmptyName", store.VenueInput{Name: "", Capacity: 10}, store.EINVALID, "name"},
			{"ErrDuplicate", store.VenueInput{Name: "党员活动室", Capacity: 10}, store.ECONFLICT, "name"},
			{"ErrCapacityZero", store.VenueInput{Name: "新厅", Capacity: 0}, store.EINVALID, "capacity"},
			{"ErrCapacityHuge", store.VenueInput{Name: "新厅", Capacity: 10001}, store.EINVALID, "capacity"},
			{"ErrHoursBackwards", store.VenueInput{Name: "新厅", Capacity: 10, OpensAt: "18:00", ClosesAt: "09:00"}, store.EINVALID, "closes_at"},
		} {
			t.Run(c.name, func(t *testing.T) {
				before := rowCounts(t, db.Path())
				_, err := db.CreateVenue(ctx, boss, c.in)
				wantCode(t, err, c.code, c.field)
				_, err = db.UpdateVenue(ctx, boss, hall.ID, c.in)
				wantCode(t, err, c.code, c.field)
				wantSameCounts(t, before, rowCounts(t, db.Path()))
			})
		}
		if v, _ := db.Venue(ctx, hall.ID); v.Name != "多功能报告厅" || v.Capacity != 80 {
			t.Errorf("after refused edits: got %+v", v)
		}
	})
	t.Run("DeactivateRefusedThenForced", func(t *testing.T) {
		_, err := db.SetVenueActive(ctx, boss, hall.ID, false, false)
		wantCode(t, err, store.ECONFLICT, "venue")
		var e *store.Error
		if !errors.As(err, &e) || len(e.Bookings) != 2 || e.Bookings[0].ID != old.ID {
			t.Fatalf("refusal: got %+v, want the 2 coming bookings listed", e)
		}
		if v, _ := db.Venue(ctx, hall.ID); !v.Active {
			t.Fatalf("venue after a refused deactivation: inactive, want active")
		}
		kept, err := db.SetVenueActive(ctx, boss, hall.ID, false, true)
		if err != nil || len(kept) != 2 {
			t.Fatalf("forced: got %d bookings (%v), want 2", len(kept), err)
		}
		active, _ := db.Venues(ctx, true)
		for _, v := range active {
			if v.ID == hall.ID {
				t.Errorf("Venues(active): got the closed venue")
			}
		}
		_, err = db.CreateBooking(ctx, booking(hall.ID, nextWeek, "16:00", "17:00"))
		wantCode(t, err, store.EINVALID, "venue")
		if b, _ := db.Booking(ctx, old.ID); b.Status != store.BookingApproved {
			t.Errorf("booking on the closed venue: got %s, want it to stand approved", b.Status)
		}
		if _, err := db.SetVenueActive(ctx, boss, hall.ID, true, false); err != nil {
			t.Fatal(err)
		}
		h, _ := db.AdminHistory(ctx, store.KindVenue, hall.ID, 0)
		if len(h) < 2 || h[0].Action != store.ActionActivated || h[1].Action != store.ActionDeactivated {
			t.Errorf("history: got %+v, want activated after deactivated", h)
		}
	})
	t.Run("ApproveBeyondCapacityTakesAManager", func(t *testing.T) {
		room := mustCreateVenue(t, db, "小会议室", 20)
		in := booking(room.ID, nextWeek, "09:00", "10:00")
		in.Approve, in.Attendees, in.Actor = false, 15, "王芳"
		p := mustBook(t, db, in)
		small := room.Input()
		small.Capacity = 10
		if _, err := db.UpdateVenue(ctx, boss, room.ID, small); err != nil {
			t.Fatal(err)
		}
		mustStaff(t, db, store.StaffInput{Name: "李明"})
		_, err := db.Approve(ctx, p.ID, "李明")
		wantCode(t, err, store.EFORBIDDEN, "attendees")
		if b, err := db.Approve(ctx, p.ID, "王芳"); err != nil || b.Status != store.BookingApproved {
			t.Errorf("a manager approving: got %v (%v), want approved", b.Status, err)
		}
	})
}

func TestSettingsAdmin(t *testing.T) {
	db := mustOpen(t)
	boss := store.Actor{Staff: "王芳"}
	db.StartDesk(ctx, "王芳")
	ttl := 5 * time.Minute
	if got := db.Settings().SSHIdle; got != store.DefaultSSHIdle {
		t.Errorf("SSH idle timeout %v before any setting, want %v", got, store.DefaultSSHIdle)
	}
	err := db.UpdateSettings(ctx, boss, store.SettingsChange{Center: ptr("新名字中心"), TimeZone: ptr("Asia/Urumqi"),
		Phone: ptr("010-6234 5678"), QRTTL: &ttl, SSHIdle: ptr(time.Duration(0))})
	if err != nil {
		t.Fatal(err)
	}
	s := db.Settings()
	if s.CenterName != "新名字中心" || s.TimeZone != "Asia/Urumqi" || s.Phone != "010-62345678" || s.QRTTL != ttl || !s.QRTTLSet || s.SSHIdle != 0 {
		t.Errorf("settings: got %+v", s)
	}
	h, _ := db.AdminHistory(ctx, store.KindSettings, 0, 1)
	if len(h) != 1 || h[0].Before["center_name"] != "测试党群服务中心" || h[0].After["phone"] != "010-62345678" {
		t.Errorf("history: got %+v", h)
	}
	before := rowCounts(t, db.Path())
	for name, c := range map[string]struct {
		ch    store.SettingsChange
		field string
	}{
		"ErrZone":    {store.SettingsChange{TimeZone: ptr("Mars/Olympus")}, "tz"},
		"ErrCenter":  {store.SettingsChange{Center: ptr(" ")}, "center"},
		"ErrPhone":   {store.SettingsChange{Phone: ptr("12345")}, "phone"},
		"ErrQRTTL":   {store.SettingsChange{QRTTL: ptr(48 * time.Hour)}, "qr_ttl"},
		"ErrSSHIdle": {store.SettingsChange{SSHIdle: ptr(10 * time.Second)}, "ssh_idle"},
	} {
		t.Run(name, func(t *testing.T) {
			wantCode(t, db.UpdateSettings(ctx, boss, c.ch), store.EINVALID, c.field)
		})
	}
	wantSameCounts(t, before, rowCounts(t, db.Path()))
}

func TestInitUpdates(t *testing.T) {
	db := mustOpen(t)
	in := store.InitInput{Center: "测试党群服务中心", Staff: "王芳", Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80, OpensAt: "09:00", ClosesAt: "18:00"}}}
	res, err := db.InitChanges(ctx, in)
	if err != nil || res.StaffAdded != "王芳" || len(res.VenuesAdded) != 1 {
		t.Fatalf("first init: got %+v (%v)", res, err)
	}
	if res, err := db.InitChanges(ctx, in); err != nil || res.Changed() {
		t.Errorf("same again: got %+v (%v), want no change", res, err)
	}
	in.Venues = []store.VenueInput{{Name: "多功能厅", Capacity: 100}}
	res, err = db.InitChanges(ctx, in)
	if err != nil || len(res.VenuesUpdated) != 1 {
		t.Fatalf("capacity change: got %+v (%v)", res, err)
	}
	v, _ := db.VenueByName(ctx, "多功能厅")
	if v.Capacity != 100 || v.Hours() != "09:00-18:00" {
		t.Errorf("venue: got %d %s, want 100 and the hours kept", v.Capacity, v.Hours())
	}
	mustStaff(t, db, store.StaffInput{Name: "李明"})
	before := rowCounts(t, db.Path())
	_, err = db.InitChanges(ctx, store.InitInput{Center: "别的中心", Staff: "李明"})
	wantCode(t, err, store.EFORBIDDEN, "")
	_, err = db.InitChanges(ctx, store.InitInput{Center: "别的中心", Staff: "不存在"})
	wantCode(t, err, store.ENOTFOUND, "staff")
	_, err = db.InitChanges(ctx, store.InitInput{Center: "别的中心"})
	wantCode(t, err, store.EFORBIDDEN, "")
	wantSameCounts(t, before, rowCounts(t, db.Path()))
	if _, err := db.InitChanges(ctx, store.InitInput{Center: "测试党群服务中心", Staff: "李明"}); err != nil {
		t.Errorf("desk staff running an init that changes nothing: %v", err)
	}
}

// BenchmarkCheckPassword is one password sign-in (an SSH desk's), argon2id
// included: the cost a guesser pays per try.
func BenchmarkCheckPassword(b *testing.B) {
	db := mustOpen(b)
	if _, err := db.CreateStaff(ctx, admin, store.StaffInput{Name: "王芳", Password: "correct horse"}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := db.CheckPassword(ctx, "wangfang", "correct horse"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStaffLang: a staff member's own language is stored, kept by edits that
// do not name it, cleared with "none", recorded in the history, and a
// language that is neither is refused with nothing stored.
func TestStaffLang(t *testing.T) {
	db := mustOpen(t)
	s := mustStaff(t, db, store.StaffInput{Name: "王芳", Role: store.RoleManager, Lang: "en"})
	if s.Lang != "en" {
		t.Fatalf("new staff with Lang en: got %q", s.Lang)
	}
	plain := mustStaff(t, db, store.StaffInput{Name: "李明"})
	if plain.Lang != "" {
		t.Errorf("without a language: got %q, want the desk's (empty)", plain.Lang)
	}
	rename := "王芳芳"
	got, err := db.UpdateStaff(ctx, admin, s.ID, store.StaffChange{Rename: rename})
	if err != nil || got.Lang != "en" {
		t.Errorf("an edit that does not name it: got %q (%v), want en kept", got.Lang, err)
	}
	for _, c := range []struct{ in, want string }{{"zh", "zh"}, {"English", "en"}, {"EN", "en"}, {"中文", "zh"}, {"none", ""}, {"", ""}} {
		in := c.in
		got, err := db.UpdateStaff(ctx, admin, s.ID, store.StaffChange{Lang: &in})
		if err != nil || got.Lang != c.want {
			t.Errorf("Lang %q: got %q (%v), want %q", c.in, got.Lang, err, c.want)
		}
		if again, _ := db.StaffByLogin(ctx, got.Login); again.Lang != c.want {
			t.Errorf("Lang %q read back: %q, want %q", c.in, again.Lang, c.want)
		}
	}
	bad := "fr"
	if _, err := db.UpdateStaff(ctx, admin, s.ID, store.StaffChange{Lang: &bad}); store.ErrorCode(err) != store.EINVALID || !strings.Contains(store.ErrorMessage(err, "zh"), "fr") {
		t.Errorf("Lang fr: got %v, want EINVALID naming it", err)
	}
	if _, err := db.CreateStaff(ctx, admin, store.StaffInput{Name: "赵强", Lang: "fr"}); store.ErrorCode(err) != store.EINVALID {
		t.Errorf("new staff with Lang fr: got %v, want EINVALID", err)
	}
	if err := (store.StaffInput{Name: "赵强", Lang: "fr"}).Validate(); store.ErrorCode(err) != store.EINVALID {
		t.Errorf("Validate with Lang fr: got %v, want EINVALID", err)
	}
	if _, err := db.StaffByName(ctx, "赵强"); store.ErrorCode(err) != store.ENOTFOUND {
		t.Errorf("a refused new member was stored: %v", err)
	}
	events, err := db.AdminHistory(ctx, store.KindStaff, s.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range events {
		found = found || strings.Contains(e.Describe("zh"), "语言")
	}
	if !found {
		t.Errorf("no history line names the language change")
	}
}
