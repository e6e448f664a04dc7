package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"frontdesk/store"
)

// runMainIn is runMain with standard input.
func runMainIn(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}
	if err := m.ParseFlags(args); err != nil {
		return out.String(), errOut.String(), err
	}
	err := m.Run(context.Background())
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		errOut.WriteString(m.message(err))
	}
	return out.String(), errOut.String(), err
}

// mustRun runs a command that must succeed and returns its output.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, err := runMain(t, args...)
	if err != nil {
		t.Fatalf("%s: %v (%s)", strings.Join(args, " "), err, errOut)
	}
	return out
}

// counts returns how many venues, staff and admin events a file holds.
func counts(t *testing.T, db string) [3]int {
	t.Helper()
	raw := openRaw(t, db)
	var c [3]int
	for i, tb := range []string{"venues", "staff", "admin_events"} {
		if err := raw.QueryRow("SELECT COUNT(*) FROM " + tb).Scan(&c[i]); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func newAdminCenter(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "c.db")
	mustRun(t, "init", "--db", db, "--center", "城南街道党群服务中心", "--venue", "多功能厅:80", "--staff", "王芳")
	return db
}

func TestVenueCommands(t *testing.T) {
	db := newAdminCenter(t)
	out := mustRun(t, "venue", "add", "报告厅", "--db", db, "--capacity", "200", "--hours", "08:30-20:00", "--facilities", "LED 屏", "--staff", "王芳")
	if !strings.Contains(out, "报告厅") {
		t.Errorf("add: got %q", out)
	}
	t.Run("BadInput", func(t *testing.T) {
		before := counts(t, db)
		for _, c := range []struct {
			name string
			args []string
			want string
		}{
			{"ErrDuplicate", []string{"add", "报告厅", "--capacity", "10"}, "已有名为“报告厅”的场地"},
			{"ErrCapacityZero", []string{"add", "新厅", "--capacity", "0"}, "--capacity"},
			{"ErrCapacityHuge", []string{"add", "新厅", "--capacity", "10001"}, "--capacity"},
			{"ErrCapacityText", []string{"add", "新厅", "--capacity", "很多"}, "--capacity"},
			{"ErrNoCapacity", []string{"add", "新厅"}, "--capacity"},
			{"ErrHoursBackwards", []string{"add", "新厅", "--capacity", "10", "--hours", "18:00-09:00"}, "--hours"},
			{"ErrHoursShape", []string{"add", "新厅", "--capacity", "10", "--hours", "全天"}, "--hours"},
			{"ErrEmptyName", []string{"add", " ", "--capacity", "10"}, "名称"},
			{"ErrRenameTaken", []string{"edit", "报告厅", "--rename", "多功能厅"}, "--rename"},
			{"ErrEditCapacity", []string{"edit", "报告厅", "--capacity", "0"}, "--capacity"},
			{"ErrUnknownVenue", []string{"disable", "无此厅"}, "无此厅"},
			{"ErrDeskStaff", []string{"add", "新厅", "--capacity", "10", "--staff", "李明"}, "李明"},
			{"ErrAction", []string{"remove", "报告厅"}, "未知的操作"},
			{"ErrEscapeInName", []string{"add", "\x1b[31m厅", "--capacity", "10"}, "控制字符"},
			{"ErrRTLInName", []string{"add", "\u202e厅", "--capacity", "10"}, "格式字符"},
			{"ErrFacilitiesLong", []string{"add", "新厅", "--capacity", "10", "--facilities", strings.Repeat("投", 201)}, "设施"},
			{"English", []string{"add", "新厅", "--capacity", "0", "--lang", "en"}, "--capacity: Capacity must be from 1 to 10000"},
		} {
			t.Run(c.name, func(t *testing.T) {
				args := append([]string{"venue"}, c.args...)
				args = append(args, "--db", db)
				_, errOut, err := runMain(t, args...)
				if err == nil || !strings.Contains(errOut, c.want) {
					t.Errorf("got %v %q, want an error naming %q", err, errOut, c.want)
				}
			})
		}
		if got := counts(t, db); got != before {
			t.Errorf("venues, staff, events after refusals: got %v, want %v", got, before)
		}
	})
	t.Run("RenameAndJSON", func(t *testing.T) {
		mustRun(t, "venue", "edit", "报告厅", "--db", db, "--rename", "多功能报告厅", "--capacity", "150")
		out := mustRun(t, "venue", "list", "--db", db, "--format", "json")
		var got []map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("json: %v\n%s", err, out)
		}
		if len(got) != 2 {
			t.Fatalf("venues: got %d, want 2", len(got))
		}
		want := map[string]any{"id": 2.0, "name": "多功能报告厅", "capacity": 150.0, "hours": "08:30-20:00", "facilities": "LED 屏", "active": true}
		if !reflect.DeepEqual(got[1], want) {
			t.Errorf("venue json: got %v, want %v", got[1], want)
		}
	})
	t.Run("DisableRefusedThenForced", func(t *testing.T) {
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		loc := s.Location()
		next := time.Now().In(loc).AddDate(0, 0, 7)
		start := time.Date(next.Year(), next.Month(), next.Day(), 9, 0, 0, 0, loc)
		v, _ := s.VenueByName(context.Background(), "多功能报告厅")
		b, err := s.CreateBooking(context.Background(), store.BookingInput{VenueID: v.ID, Org: "幸福里社区党支部", Contact: "李书记",
			Phone: "13912345678", Title: "主题党日", Purpose: "party_day", Attendees: 20, Start: start, End: start.Add(2 * time.Hour),
			Approve: true, Actor: "王芳", Source: "desk"})
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		_, errOut, err := runMain(t, "venue", "disable", "多功能报告厅", "--db", db)
		if err == nil || !strings.Contains(errOut, b.ReceiptNo) || !strings.Contains(errOut, "--force") {
			t.Fatalf("disable with a booking next week: got %v %q, want a refusal listing %s", err, errOut, b.ReceiptNo)
		}
		out := mustRun(t, "venue", "disable", "多功能报告厅", "--db", db, "--force")
		if !strings.Contains(out, b.ReceiptNo) {
			t.Errorf("forced: got %q, want the booking listed", out)
		}
		if out := mustRun(t, "venue", "list", "--db", db); strings.Contains(out, "多功能报告厅") {
			t.Errorf("list without --all: got the closed venue\n%s", out)
		}
		out = mustRun(t, "venue", "list", "--db", db, "--all")
		for _, want := range []string{"停用", "修改记录", "报告厅 → 多功能报告厅", "启用 是 → 否"} {
			if !strings.Contains(out, want) {
				t.Errorf("list --all: want %q in\n%s", want, out)
			}
		}
		mustRun(t, "venue", "enable", "多功能报告厅", "--db", db)
	})
}

func newKeyLine(t *testing.T) (string, string) {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := ssh.NewPublicKey(pub)
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) + " lm@laptop", ssh.FingerprintSHA256(k)
}

func TestStaffCommands(t *testing.T) {
	db := newAdminCenter(t)
	line, fp := newKeyLine(t)
	keyFile := filepath.Join(t.TempDir(), "id_ed25519.pub")
	os.WriteFile(keyFile, []byte(line+"\n"), 0o600)
	out := mustRun(t, "staff", "add", "李明", "--db", db, "--key-file", keyFile)
	if !strings.Contains(out, "liming") || !strings.Contains(out, fp) {
		t.Errorf("add with a key: got %q, want login liming and %s", out, fp)
	}
	if _, errOut, err := runMainIn(t, "secret123\n", "staff", "add", "赵强", "--db", db, "--password"); err != nil {
		t.Fatalf("add with a password: %v %s", err, errOut)
	}
	if s, err := store.Open(db); err == nil {
		if got, err := s.CheckPassword(context.Background(), "zhaoqiang", "secret123"); err != nil || got.Name != "赵强" {
			t.Errorf("the password read from stdin: got %+v (%v), want it to sign 赵强 in", got, err)
		}
		s.Close()
	}
	t.Run("BadInput", func(t *testing.T) {
		before := counts(t, db)
		for _, c := range []struct {
			name, stdin string
			args        []string
			want        string
		}{
			{"ErrDuplicateName", "", []string{"add", "李明"}, "已有名为“李明”"},
			{"ErrDuplicateLogin", "", []string{"add", "李敏", "--login", "liming"}, "--login"},
			{"ErrLogin", "", []string{"add", "李敏", "--login", "Li Min"}, "--login"},
			{"ErrKey", "", []string{"add", "李敏", "--key", "ssh-ed25519 AAAAnope"}, "--key"},
			{"ErrKeyTaken", "", []string{"add", "李敏", "--key", line}, "--key"},
			{"ErrPasswordShort", "1234567\n", []string{"add", "李敏", "--password"}, "--password"},
			{"ErrPasswordEmpty", "", []string{"add", "李敏", "--password"}, "--password"},
			{"ErrRole", "", []string{"add", "李敏", "--role", "admin"}, "--role"},
			{"ErrLangPref", "", []string{"add", "李敏", "--lang-pref", "fr"}, "--lang-pref"},
			{"ErrLangPrefEdit", "", []string{"edit", "赵强", "--lang-pref", "fr"}, "--lang-pref"},
			{"ErrEmptyName", "", []string{"add", ""}, "名称"},
			{"ErrLastManager", "", []string{"disable", "王芳", "--staff", "王芳"}, "最后一位"},
			{"ErrDeskStaff", "", []string{"add", "李敏", "--staff", "李明"}, "只有中心负责人"},
		} {
			t.Run(c.name, func(t *testing.T) {
				args := append([]string{"staff"}, c.args...)
				args = append(args, "--db", db)
				_, errOut, err := runMainIn(t, c.stdin, args...)
				if err == nil || !strings.Contains(errOut, c.want) {
					t.Errorf("got %v %q, want an error naming %q", err, errOut, c.want)
				}
			})
		}
		if got := counts(t, db); got != before {
			t.Errorf("venues, staff, events after refusals: got %v, want %v", got, before)
		}
	})
	t.Run("LangPref", func(t *testing.T) {
		stored := func() string {
			t.Helper()
			s, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			st, err := s.StaffByName(context.Background(), "孙丽")
			if err != nil {
				t.Fatal(err)
			}
			return st.Lang
		}
		if out := mustRun(t, "staff", "add", "孙丽", "--db", db, "--lang-pref", "en"); !strings.Contains(out, "语言：英文") {
			t.Errorf("add --lang-pref en: got %q, want it to say 语言：英文", out)
		}
		if got := stored(); got != "en" {
			t.Errorf("after add --lang-pref en: stored %q", got)
		}
		// --lang is this command's output; --lang-pref is what is stored.
		if out := mustRun(t, "staff", "edit", "孙丽", "--db", db, "--lang", "en", "--lang-pref", "zh"); !strings.Contains(out, "changed staff member") || !strings.Contains(out, "language: Chinese") {
			t.Errorf("edit --lang en --lang-pref zh: got %q, want English output naming Chinese", out)
		}
		if got := stored(); got != "zh" {
			t.Errorf("after edit --lang-pref zh: stored %q", got)
		}
		mustRun(t, "staff", "edit", "孙丽", "--db", db, "--rename", "孙丽")
		if got := stored(); got != "zh" {
			t.Errorf("an edit without --lang-pref changed it to %q", got)
		}
		mustRun(t, "staff", "edit", "孙丽", "--db", db, "--lang-pref", "none")
		if got := stored(); got != "" {
			t.Errorf("after edit --lang-pref none: stored %q, want the desk's", got)
		}
		if _, errOut, _ := runMain(t, "staff", "-h"); !strings.Contains(errOut, "-lang-pref") {
			t.Errorf("staff -h does not name --lang-pref:\n%s", errOut)
		}
	})
	t.Run("DeactivatedCannotStartTheDesk", func(t *testing.T) {
		mustRun(t, "staff", "disable", "李明", "--db", db, "--staff", "王芳")
		_, errOut, err := runMain(t, "--db", db, "--staff", "李明")
		if err == nil || !strings.Contains(errOut, "已停用") {
			t.Errorf("desk as a deactivated member: got %v %q, want a refusal", err, errOut)
		}
		_, errOut, err = runMain(t, "--db", db, "--staff", "路人")
		if err == nil || !strings.Contains(errOut, "名单里没有") {
			t.Errorf("desk as a stranger: got %v %q, want a refusal", err, errOut)
		}
	})
	t.Run("ListJSON", func(t *testing.T) {
		out := mustRun(t, "staff", "list", "--db", db, "--all", "--format", "json")
		if strings.Contains(out, "argon2") {
			t.Fatalf("staff json holds a hash:\n%s", out)
		}
		var got []map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		var lm map[string]any
		for _, s := range got {
			if s["name"] == "李明" {
				lm = s
			}
		}
		want := map[string]any{"id": 2.0, "name": "李明", "login": "liming", "role": "desk", "active": false, "keys": []any{fp}, "lang": ""}
		if !reflect.DeepEqual(lm, want) {
			t.Errorf("李明: got %v, want %v", lm, want)
		}
		if out := mustRun(t, "staff", "list", "--db", db, "--all"); !strings.Contains(out, "停用 李明") {
			t.Errorf("list --all: want the deactivation in the history\n%s", out)
		}
	})
}

func TestSettingsCommand(t *testing.T) {
	db := newAdminCenter(t)
	mustRun(t, "settings", "--db", db, "--phone", "010-6234 5678", "--qr-ttl", "5m", "--center", "城南街道党群服务中心（新）")
	out := mustRun(t, "settings", "--db", db, "--format", "json")
	var got map[string]string
	json.Unmarshal([]byte(out), &got)
	want := map[string]string{"center": "城南街道党群服务中心（新）", "tz": "Asia/Shanghai", "phone": "010-62345678", "qr_ttl": "5m0s", "ssh_idle": "30m0s"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("settings: got %v, want %v", got, want)
	}
	before := counts(t, db)
	for _, c := range [][]string{{"--tz", "Mars/Base"}, {"--phone", "12345"}, {"--qr-ttl", "soon"}, {"--center", ""}, {"--qr-ttl", "48h"}, {"--ssh-idle", "5s"}} {
		_, errOut, err := runMain(t, append([]string{"settings", "--db", db}, c...)...)
		if err == nil || !strings.Contains(errOut, c[0]) {
			t.Errorf("settings %v: got %v %q, want an error naming %s", c, err, errOut, c[0])
		}
	}
	if got := counts(t, db); got != before {
		t.Errorf("after refusals: got %v, want %v", got, before)
	}
}

func TestInitUpdatesNeverDeletes(t *testing.T) {
	db := newAdminCenter(t)
	mustRun(t, "venue", "add", "报告厅", "--db", db, "--capacity", "200")
	out := mustRun(t, "init", "--db", db, "--center", "城南街道党群服务中心", "--venue", "多功能厅:100")
	if !strings.Contains(out, "更新场地：多功能厅") {
		t.Errorf("init with a new capacity: got %q", out)
	}
	out = mustRun(t, "init", "--db", db, "--center", "城南街道党群服务中心", "--venue", "多功能厅:100")
	if !strings.Contains(out, "没有需要修改的内容") {
		t.Errorf("the same again: got %q, want nothing changed", out)
	}
	s, _ := store.Open(db)
	v, _ := s.VenueByName(context.Background(), "多功能厅")
	all, _ := s.Venues(context.Background(), false)
	secret := string(s.Settings().Secret)
	s.Close()
	if v.Capacity != 100 || len(all) != 2 {
		t.Errorf("after init: capacity %d, %d venues; want 100 and the added venue kept", v.Capacity, len(all))
	}
	out = mustRun(t, "init", "--db", db, "--new-secret")
	if !strings.Contains(out, "已更换扫码签名密钥") {
		t.Errorf("init --new-secret alone: got %q", out)
	}
	s, _ = store.Open(db)
	defer s.Close()
	if string(s.Settings().Secret) == secret {
		t.Errorf("init --new-secret: the secret did not change")
	}
	_, errOut, err := runMain(t, "init", "--db", db, "--new-secret", "--staff", "路人")
	if err == nil || !strings.Contains(errOut, "路人") {
		t.Errorf("init --new-secret as a stranger: got %v %q", err, errOut)
	}
}

// openRaw opens db with plain database/sql, as another program would.
func openRaw(t *testing.T, db string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+db+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}
