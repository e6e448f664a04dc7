package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"frontdesk/store"
)

func TestSetup(t *testing.T) {
	db, _ := mustOpen(t, false)
	d := newDriver(t, db, Options{})
	if d.m.stage != stageSetup {
		t.Fatalf("stage = %v, want setup", d.m.stage)
	}
	// The kiosk listens but answers 503 until setup: the header says so.
	if h := d.m.headerView(); !strings.Contains(h, "待设置") || strings.Contains(h, "在线") {
		t.Errorf("header before setup: %q, want 待设置 and not 在线", h)
	}
	d.typ("城南街道党群服务中心")
	d.key("tab")
	d.typ("王芳")
	d.key("tab")
	d.typ("多功能厅")
	d.key("tab")
	d.typ("8x")
	d.wantView("请填写整数", "多功能厅", "8x")
	d.key("enter")
	if db.Settings().Initialized() {
		t.Fatal("setup saved with a bad capacity")
	}
	d.key("backspace")
	d.typ("0")
	d.key("enter")
	if got := db.Settings().CenterName; got != "城南街道党群服务中心" {
		t.Fatalf("center = %q", got)
	}
	vs, err := db.Venues(context.Background(), true)
	if err != nil || len(vs) != 1 || vs[0].Name != "多功能厅" || vs[0].Capacity != 80 {
		t.Fatalf("venues = %+v, %v; want 多功能厅 for 80", vs, err)
	}
	if d.m.stage != stageDesk || d.m.env.staff != "王芳" {
		t.Fatalf("stage %v staff %q, want desk as 王芳", d.m.stage, d.m.env.staff)
	}
	d.wantView("城南街道党群服务中心", "值班:王芳", "今日")
}

func TestSetupNeedsVenue(t *testing.T) {
	db, _ := mustOpen(t, false)
	d := newDriver(t, db, Options{})
	d.typ("中心")
	d.key("enter")
	d.wantView("请至少填写一个场地")
	if db.Settings().Initialized() {
		t.Fatal("set up without venues")
	}
}

func TestStaffPick(t *testing.T) {
	db, _ := mustOpen(t, true)
	if _, err := db.EnsureStaff(context.Background(), "刘洋"); err != nil {
		t.Fatal(err)
	}
	t.Run("FromList", func(t *testing.T) {
		d := newDriver(t, db, Options{})
		if d.m.stage != stageStaff {
			t.Fatalf("stage = %v, want staff pick", d.m.stage)
		}
		d.wantView("刘洋", "王芳")
		d.key("down", "enter")
		if d.m.env.staff != "王芳" || d.m.stage != stageDesk {
			t.Fatalf("staff %q stage %v, want 王芳 at the desk", d.m.env.staff, d.m.stage)
		}
	})
	t.Run("ErrNewName", func(t *testing.T) {
		// Only a manager adds staff: a name typed here that is not on the
		// list is refused, and the desk does not open.
		d := newDriver(t, db, Options{})
		d.typ("新同事")
		d.key("enter")
		if d.m.env.staff != "" || d.m.stage != stageStaff {
			t.Fatalf("staff %q stage %v, want still picking", d.m.env.staff, d.m.stage)
		}
		d.wantView("工作人员名单里没有")
	})
	t.Run("ErrDeactivated", func(t *testing.T) {
		lx, _ := db.StaffByName(context.Background(), "刘洋")
		if _, err := db.SetStaffActive(context.Background(), store.Actor{Staff: "王芳"}, lx.ID, false); err != nil {
			t.Fatal(err)
		}
		d := newDriver(t, db, Options{})
		if strings.Contains(d.m.View(), "刘洋") {
			t.Errorf("pick list offers a deactivated member:\n%s", d.m.View())
		}
		d.typ("刘洋")
		d.key("enter")
		if d.m.stage != stageStaff {
			t.Fatalf("a deactivated member opened the desk")
		}
		d.wantView("已停用")
	})
}

func TestTabsAndGlobalKeys(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	for i, k := range []string{"1", "2", "3", "4", "5", "6"} {
		d.key(k)
		if d.m.active != i {
			t.Fatalf("after %s active = %d", k, d.m.active)
		}
	}
	d.key("tab")
	if d.m.active != tabToday {
		t.Fatalf("tab from the last tab: active = %d, want 0", d.m.active)
	}
	d.key("shift+tab")
	if d.m.active != len(tabMakers)-1 {
		t.Fatalf("shift+tab from the first: active = %d, want the last", d.m.active)
	}
	d.key("?")
	d.wantView("shift+tab")
	d.key("?")

	// In a form, digits and q are typed, not obeyed.
	d.key("2", "n", "q", "3")
	if d.m.active != tabVisits || d.quit {
		t.Fatalf("a form gave up its keys: active %d quit %v", d.m.active, d.quit)
	}
	if got := d.visits().form.value("lookup"); got != "q3" {
		t.Fatalf("lookup = %q, want q3", got)
	}
	// ctrl+c asks first while the form holds input.
	d.key("ctrl+c")
	if d.quit || !d.m.confirmQuit {
		t.Fatal("ctrl+c quit a form with input without asking")
	}
	d.wantView("确定退出")
	d.key("n")
	if d.m.confirmQuit || d.quit {
		t.Fatal("n did not take back the quit")
	}
	d.key("esc", "y", "q")
	d.wantView("停止扫码服务")
	d.key("y")
	if !d.quit {
		t.Fatal("q did not quit")
	}
}

func TestScreenFits(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳", Links: func() []Link {
		return []Link{{"我要办事", "http://192.0.2.1:8080/f/request?t=abc"}, {"预约场地", "http://192.0.2.1:8080/f/booking?t=abc"}}
	}})
	for _, size := range [][2]int{{80, 24}, {200, 50}, {60, 20}} {
		d.send(teaSize(size[0], size[1]))
		for _, k := range []string{"1", "r", "r", "2", "n", "esc", "3", "enter", "esc", "4", "n", "esc", "5", "Q", "esc"} {
			d.key(k)
			lines := strings.Split(d.view(), "\n")
			if len(lines) != size[1] {
				t.Fatalf("%dx%d after %q: %d lines, want %d:\n%s", size[0], size[1], k, len(lines), size[1], d.view())
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Fatalf("%dx%d after %q: line %q is %d wide", size[0], size[1], k, l, w)
				}
			}
		}
	}
}

func TestEnglish(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳", Lang: "en"})
	d.wantView("Today", "Visits", "Requests", "Bookings", "Daily log", "In the building", "On duty")
	d.dontWantView("今日", "在馆")
	d.key("3")
	d.wantView("Accepted", "Housing")
}

func TestMaskedPhones(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2")
	d.wantView("138****5678")
	d.dontWantView("13812345678")
	d.key("down", "j", "down", "enter")
	d.wantView("13812345678")
}

var _ = store.Day{}

// TestTinyWindow drives every tab in windows far too small to be useful:
// nothing may panic, and no line may overflow.
func TestTinyWindow(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳", Links: func() []Link { return []Link{{"我要办事", "http://192.0.2.1/f"}} }})
	for _, size := range [][2]int{{1, 1}, {10, 4}, {30, 8}} {
		d.send(teaSize(size[0], size[1]))
		for _, k := range []string{"1", "r", "down", "r", "2", "n", "tab", "esc", "enter", "3", "enter", "esc", "b", "4",
			"n", "esc", "enter", "5", "down", "Q", "esc", "?"} {
			d.key(k)
			for _, l := range strings.Split(d.view(), "\n") {
				if w := ansi.StringWidth(l); w > max(size[0], 1) {
					t.Fatalf("%dx%d after %q: line %q is %d wide", size[0], size[1], k, l, w)
				}
			}
		}
	}
}

// TestKeysInOneRead treats runes that arrive together as separate presses:
// "3n" switches to requests and opens the new-request form.
func TestKeysInOneRead(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.typ("3n")
	if d.m.active != tabRequests || d.requests().mode != requestsForm {
		t.Fatalf("after \"3n\": tab %d mode %v", d.m.active, d.requests().mode)
	}
	d.typ("张三丰")
	if got := d.requests().form.value("name"); got != "张三丰" {
		t.Fatalf("name = %q", got)
	}
}

// TestKioskStatusStaysInSight: with a center name as long as real ones, the
// kiosk's state moves beside the tabs at 80 columns instead of being cut.
func TestKioskStatusStaysInSight(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	if err := db.Init(context.Background(), store.InitInput{Center: "大同市平城区新建南路街道党群服务中心", Actor: store.Actor{System: "root"}}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, db, Options{Staff: "王芳", KioskAddr: "http://192.168.100.200:8080"})
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		d.send(teaSize(size[0], size[1]))
		head := strings.Join(strings.Split(d.view(), "\n")[:2], "\n")
		if !strings.Contains(head, "扫码[在线]") || !strings.Contains(head, "192.168.100.200:8080") {
			t.Errorf("%dx%d: the header lacks the kiosk's state and address:\n%s", size[0], size[1], head)
		}
		if !strings.Contains(head, "大同市平城区新建南路街道党群服务中心") {
			t.Errorf("%dx%d: the header lacks the center:\n%s", size[0], size[1], head)
		}
	}
}

// TestQuitUntouchedForm: the defaults a form starts with (a venue's hours,
// a headcount of 1) are not input to lose, so ctrl+c quits at once; what
// was typed still makes it ask.
func TestQuitUntouchedForm(t *testing.T) {
	db, _ := mustOpen(t, false)
	d := newDriver(t, db, Options{KioskUp: func() bool { return false }})
	d.key("ctrl+c")
	if !d.quit || d.m.confirmQuit {
		t.Fatalf("ctrl+c on the untouched setup: quit %v, asking %v; want quit", d.quit, d.m.confirmQuit)
	}

	db2, clk := mustOpen(t, true)
	seed(t, db2, clk)
	d = newDriver(t, db2, Options{Staff: "王芳", KioskUp: func() bool { return false }})
	d.key("2", "n")
	d.key("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c on an untouched new-visit form asked instead of quitting")
	}
	d = newDriver(t, db2, Options{Staff: "王芳"})
	d.key("2", "n")
	d.typ("张")
	d.key("ctrl+c")
	if d.quit || !d.m.confirmQuit {
		t.Fatal("ctrl+c quit a form with typed input without asking")
	}
}

// TestRemoteDesk: a desk over SSH names its staff member and says 远程 with
// the client's address; q ends it at once, since it stops no kiosk, and
// Close lets go of the store's events.
func TestRemoteDesk(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳", Remote: "192.168.1.30"})
	d.wantView("值班:王芳", "远程 192.168.1.30")
	d.key("q")
	if !d.quit || d.m.confirmQuit {
		t.Fatalf("q on a remote desk: quit %v, asking %v; want quit at once", d.quit, d.m.confirmQuit)
	}
	local := newDriver(t, db, Options{Staff: "王芳"})
	local.dontWantView("远程")
	local.key("q")
	if local.quit || !local.m.confirmQuit {
		t.Fatal("q on the local desk with the kiosk up did not ask first")
	}
	local.key("n")
	local.m.opts.RemoteDesks = func() int { return 2 }
	local.key("q")
	local.wantView("关闭 2 个远程前台")
	if err := local.m.Close(); err != nil {
		t.Fatal(err)
	}
	if local.m.live.unsub != nil {
		t.Fatal("Close kept the subscription")
	}
}
