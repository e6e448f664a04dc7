package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestToday(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	// In the building: 张三, the study tour and 王五 (李梅 left): 3 groups, 32 people.
	d.wantView("在馆 3 组 32 人", "待受理诉求 2", "超期 1", "待回访 1", "今日预约 3")
	d.wantView("多功能厅", "党员活动室", "待办（5）", s.kioskReq.ReceiptNo, s.pending.ReceiptNo, "王五")
	// The hall's approved 14:00–16:00 is drawn as '=', the room's pending 15:00–17:00 as '?'.
	var hall, room string
	for _, l := range strings.Split(d.view(), "\n") {
		switch {
		case strings.HasPrefix(l, "多功能厅"):
			hall = l
		case strings.HasPrefix(l, "党员活动室"):
			room = l
		}
	}
	if !strings.Contains(hall, "=") || strings.Contains(hall, "?") {
		t.Fatalf("hall line %q: want approved '=' only", hall)
	}
	if !strings.Contains(room, "?") || !strings.Contains(room, "=") {
		t.Fatalf("room line %q: want the morning '=' and the pending '?'", room)
	}
}

func TestRollCall(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("r")
	d.wantView("在馆名单（3 组，32 人）", "张三", "市委党校参观团", "王五")
	d.dontWantView("李梅")
	d.key("p")
	notice := d.m.notice
	dir := filepath.Dir(db.Path())
	matches, _ := filepath.Glob(filepath.Join(dir, "在馆名单-*.txt"))
	if len(matches) != 1 || filepath.Base(matches[0]) != "在馆名单-2026-03-10-1000.txt" {
		t.Fatalf("roll call files: %v (notice %q), want 在馆名单-2026-03-10-1000.txt", matches, notice)
	}
	if !strings.Contains(notice, matches[0]) {
		t.Fatalf("notice %q does not say where the file is", notice)
	}
	d.key("p") // printed again the same minute: a new file, the first kept
	if again, _ := filepath.Glob(filepath.Join(dir, "在馆名单-*.txt")); len(again) != 2 {
		t.Fatalf("printing twice: files %v, want two", again)
	}
	body, _ := os.ReadFile(matches[0])
	for _, want := range []string{"城南街道党群服务中心", "张三", "市委党校参观团", "2026-03-10 10:00"} {
		if !strings.Contains(string(body), want) {
			t.Fatalf("roll call lacks %q:\n%s", want, body)
		}
	}
	if !strings.Contains(notice, matches[0]) && !strings.Contains(notice, "lp") {
		t.Fatalf("notice %q names neither the file nor the printer", notice)
	}
	// Whole numbers, for calling; check-out from the list.
	d.wantView("13812345678")
	d.key("o")
	d.wantView("为 张三（")
	d.key("y")
	d.wantView("在馆名单（2 组，31 人）")
	d.dontWantView("13812345678")
	d.key("esc")
	d.wantView("待办（5）")
}

func TestTodayOpensKioskSubmission(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	// The inbox: the kiosk request (09:55), the kiosk visit (09:50), then the
	// pending booking, the overdue request and the callback.
	d.key("enter")
	if d.m.active != tabRequests || d.requests().mode != requestsDetail || d.requests().req.ID != s.kioskReq.ID {
		t.Fatalf("enter opened tab %d mode %v request %d", d.m.active, d.requests().mode, d.requests().req.ID)
	}
	d.wantView(s.kioskReq.ReceiptNo, "楼道堆放杂物", "办理记录")
	d.key("esc") // back to 今日, where the jump came from
	if d.m.active != tabToday || d.requests().mode == requestsDetail {
		t.Fatalf("esc after the jump: tab %d mode %v, want 今日 and the detail closed", d.m.active, d.requests().mode)
	}
	d.key("j", "enter")
	if v, ok := d.visits().selected(); d.m.active != tabVisits || !ok || v.Name != "王五" || !d.visits().detail {
		t.Fatalf("second line opened tab %d, %+v", d.m.active, v)
	}
	d.key("1", "down", "enter") // the cursor stayed on the second line
	if b, ok := d.bookings().selected(); d.m.active != tabBookings || !ok || b.ID != s.pending.ID {
		t.Fatalf("third line opened tab %d, %+v", d.m.active, b)
	}
	d.wantView("可办理：a 通过")
}

// The inbox lists every kind of waiting work with counts, and enter opens
// an overdue request and a callback on the requests tab.
func TestInbox(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.wantView("待办（5）", "扫码新 2 · 待审核 1 · 超期 1 · 待回访 1", "孙八", "周九")
	d.key("down", "down", "down", "enter")
	if d.m.active != tabRequests || d.requests().req.ID != s.overdue.ID {
		t.Fatalf("the overdue line opened tab %d request %d, want %d", d.m.active, d.requests().req.ID, s.overdue.ID)
	}
	d.key("1", "down", "enter")
	if d.requests().req.ID != s.callback.ID {
		t.Fatalf("the callback line opened request %d, want %d", d.requests().req.ID, s.callback.ID)
	}
}
