package tui

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/crypto/ssh"

	"frontdesk/store"
)

func (d *driver) settings() settingsTab { return tabAs[settingsTab](d.t, d.m) }

// clearField empties the focused input.
func (d *driver) clearField() { d.send(tea.KeyMsg{Type: tea.KeyCtrlU}) }

// typeInto types s, Chinese as one runes message (teatest's way mangles it).
func (d *driver) typeInto(s string) { d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }

func TestSettingsVenues(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("6")
	d.wantView("场地", "工作人员", "多功能厅", "党员活动室")
	if !d.settings().manager {
		t.Fatal("王芳 (the first manager) sees the tab read only")
	}

	t.Run("AddKeepsInputOnError", func(t *testing.T) {
		d.key("n")
		d.typeInto("报告厅")
		d.key("tab")
		d.typ("0")
		d.key("tab")
		d.key("enter")
		d.wantView("容纳人数应在 1 到 10000 之间", "报告厅")
		if v, _ := db.VenueByName(context.Background(), "报告厅"); v.ID != 0 {
			t.Fatalf("a venue with capacity 0 was saved")
		}
		d.key("esc")
		d.wantView("放弃已填写的内容吗")
		d.key("n")
		d.wantView("报告厅")
		d.key("backspace")
		d.typ("120")
		d.key("enter")
		d.wantView("已新增场地：报告厅")
		if v, err := db.VenueByName(context.Background(), "报告厅"); err != nil || v.Capacity != 120 {
			t.Fatalf("报告厅: got %+v (%v), want capacity 120", v, err)
		}
	})

	t.Run("ShrinkListsBookings", func(t *testing.T) {
		d.key("1", "6") // back to the top of the list
		d.edit(func(tb tab) tab { m := tb.(settingsTab); m.table.cursor = 0; return m })
		d.key("enter")
		d.wantView("修改场地：多功能厅")
		d.key("tab")
		d.clearField()
		d.typ("10")
		d.key("enter")
		d.wantView("已修改场地：多功能厅", "超出新的容量", s.approved.ReceiptNo)
	})

	t.Run("CloseAsksThenForces", func(t *testing.T) {
		d.edit(func(tb tab) tab { m := tb.(settingsTab); m.table.cursor = 0; return m })
		d.key("t")
		d.wantView(s.approved.ReceiptNo, "仍要停用吗")
		if v, _ := db.Venue(context.Background(), s.hall.ID); !v.Active {
			t.Fatal("closed before the answer")
		}
		d.key("y")
		d.wantView("已停用场地：多功能厅")
		if v, _ := db.Venue(context.Background(), s.hall.ID); v.Active {
			t.Fatal("still open after y")
		}
		// The desk's booking form no longer offers it.
		d.key("4", "n")
		d.dontWantView("多功能厅 (")
		d.key("esc")
	})

	t.Run("History", func(t *testing.T) {
		d.key("6", "right", "right", "right")
		d.wantView("王芳 停用 多功能厅", "王芳 新增 报告厅")
	})
}

func TestSettingsStaff(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	ctx := context.Background()
	if _, err := db.CreateStaff(ctx, store.Actor{Staff: "王芳"}, store.StaffInput{Name: "刘洋"}); err != nil {
		t.Fatal(err)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	k, _ := ssh.NewPublicKey(pub)
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k)))

	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("6", "right")
	d.wantView("刘洋", "liuyang", "王芳", "负责人")
	d.key("n")
	d.typeInto("李明")
	d.wantView("liming")
	d.key("tab", "tab", "tab")
	d.typ("ssh-ed25519 AAAAnot")
	d.key("tab")
	d.typ("short")
	d.key("enter")
	d.wantView("SSH 公钥无法识别")
	d.clearField() // the refusal put the focus on the key
	d.typ(line)
	d.key("enter")
	d.wantView("密码至少 8 个字符")
	if strings.Contains(d.view(), "short") {
		t.Errorf("the password shows in clear:\n%s", d.view())
	}
	d.typ("123")
	d.key("tab", "3") // their own language: 英文
	d.wantView("语言", "英文")
	d.key("enter")
	d.wantView("已新增工作人员：李明（登录名 liming）")
	lm, err := db.StaffByKey(ctx, k)
	if err != nil || lm.Name != "李明" || lm.Lang != "en" {
		t.Fatalf("StaffByKey: got %+v (%v), want 李明 with Lang en", lm, err)
	}
	if _, err := db.CheckPassword(ctx, "liming", "short123"); err != nil {
		t.Errorf("the password typed: %v", err)
	}

	// Deactivating asks first, then 刘洋 cannot start a desk.
	list := d.settings().staff
	for i, s := range list {
		if s.Name == "刘洋" {
			d.edit(func(tb tab) tab { m := tb.(settingsTab); m.table.cursor = i; return m })
		}
	}
	d.key("t")
	d.wantView("停用 刘洋？")
	d.key("y")
	d.wantView("已停用：刘洋")
	if _, err := db.StartDesk(ctx, "刘洋"); store.ErrorCode(err) != store.EFORBIDDEN {
		t.Errorf("刘洋 starting the desk: got %v, want refused", err)
	}
	d2 := newDriver(t, db, Options{})
	d2.dontWantView("刘洋")
}

func TestSettingsReadOnlyForDesk(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	if _, err := db.CreateStaff(context.Background(), store.Actor{Staff: "王芳"}, store.StaffInput{Name: "刘洋"}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, db, Options{Staff: "刘洋"})
	d.key("6")
	d.wantView("只读", "多功能厅")
	d.key("n")
	if d.settings().formKind != noSettingsForm {
		t.Fatal("a desk worker got a form")
	}
	d.wantView("只有中心负责人可以修改")
	d.key("t")
	if v, _ := db.VenueByName(context.Background(), "多功能厅"); !v.Active {
		t.Fatal("a desk worker closed a venue")
	}
}

func TestSettingsCenter(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("6", "right", "right")
	d.wantView("城南街道党群服务中心", "Asia/Shanghai", "10m")
	d.key("enter")
	d.key("tab")
	d.clearField()
	d.typ("Mars/Base")
	d.key("enter")
	d.wantView("时区“Mars/Base”无法识别", "Mars/Base")
	d.clearField()
	d.typ("Asia/Urumqi")
	d.key("tab")
	d.typ("010-62345678")
	d.key("tab")
	d.clearField()
	d.typ("5m")
	d.key("enter")
	d.wantView("中心设置已保存")
	s := db.Settings()
	if s.TimeZone != "Asia/Urumqi" || s.Phone != "010-62345678" || s.QRTTL.Minutes() != 5 {
		t.Errorf("settings: got %+v", s)
	}
}

// TestSettingsShowSSHHostKey: with SSH desks on, 设置 shows where they
// listen and the host key's fingerprint, for staff to compare with what ssh
// shows on a first connection; without them it shows neither.
func TestSettingsShowSSHHostKey(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	fp := "SHA256:WHLspEtDssy5sYIxTQVw7UgNIKOVb72cVe86JGXXR20"
	d := newDriver(t, db, Options{Staff: "王芳", SSHAddr: "[::]:2222", SSHFingerprint: fp})
	d.key("6", "right", "right")
	d.wantView("SSH 前台地址", "[::]:2222", "SSH 主机指纹", fp)
	plain := newDriver(t, db, Options{Staff: "王芳"})
	plain.key("6", "right", "right")
	plain.dontWantView("SSH 主机指纹")
}
