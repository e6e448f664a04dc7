package tui

import (
	"bytes"
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"frontdesk/store"
)

// startProgram runs the desk in a teatest program at 80×24.
func startProgram(t *testing.T, db *store.DB, opts Options) *teatest.TestModel {
	t.Helper()
	return startProgramAt(t, db, opts, 80, 24)
}

// startProgramAt runs the desk in a teatest program w×h.
func startProgramAt(t *testing.T, db *store.DB, opts Options, w, h int) *teatest.TestModel {
	t.Helper()
	if opts.KioskAddr == "" {
		opts.KioskAddr = "http://127.0.0.1:8080"
	}
	if opts.KioskUp == nil {
		opts.KioskUp = func() bool { return true }
	}
	return teatest.NewTestModel(t, New(db, opts), teatest.WithInitialTermSize(w, h))
}

// playGolden waits for the desk's first screen, plays steps and keeps the
// last screen as the test's golden.
func playGolden(t *testing.T, tm *teatest.TestModel, steps []step) {
	t.Helper()
	waitFor(t, tm, "待受理诉求")
	for _, st := range steps {
		for _, k := range st.keys {
			tm.Send(k)
		}
		waitFor(t, tm, st.want...)
	}
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

// waitFor waits until the screen output shows every want.
func waitFor(t *testing.T, tm *teatest.TestModel, wants ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range wants {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// finalView quits the program and returns its last screen.
func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// step is keys to send and what the screen shows once they took effect.
type step struct {
	keys []tea.Msg
	want []string
}

// TestGolden keeps a screen of every tab at 80×24 on the seeded day.
func TestGolden(t *testing.T) {
	enter, tab := tea.KeyMsg{Type: tea.KeyEnter}, tea.KeyMsg{Type: tea.KeyTab}
	cases := []struct {
		name  string
		steps []step
	}{
		{"today", []step{{nil, []string{"待受理诉求", "R-20260310-0002"}}}},
		{"rollcall", []step{{[]tea.Msg{runes("r")}, []string{"在馆名单（3 组", "市委党校参观团"}}}},
		{"visits", []step{{[]tea.Msg{runes("2")}, []string{"来访（4 组，33 人）", "张三"}}}},
		{"visitform", []step{{[]tea.Msg{runes("2"), runes("n"), runes("8888")}, []string{"1 次来访"}}}},
		{"requests", []step{{[]tea.Msg{runes("3")}, []string{"诉求（4 条）", "孙八"}}}},
		{"requestdetail", []step{{[]tea.Msg{runes("3")}, []string{"孙八"}}, {[]tea.Msg{runes("j"), enter}, []string{"办理记录", "a 受理"}}}},
		{"bookings", []step{{[]tea.Msg{runes("4")}, []string{"场地预约（3 条，待审核 1；", "志愿者培训"}}}},
		{"bookingform", []step{{[]tea.Msg{runes("4")}, []string{"志愿者培训"}},
			{[]tea.Msg{runes("n"), runes("14:30"), tab, runes("15:00")}, []string{"该时段已被预约"}}}},
		{"daily", []step{{[]tea.Msg{runes("5")}, []string{"台账预览", "打印人"}}}},
		{"settings", []step{{[]tea.Msg{runes("6")}, []string{"工作人员", "多功能厅", "08:00-21:00"}}}},
		{"help", []step{{[]tea.Msg{runes("?")}, []string{"shift+tab"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, clk := mustOpen(t, true)
			seed(t, db, clk)
			tm := startProgram(t, db, Options{Staff: "王芳"})
			if len(c.steps[0].keys) > 0 {
				waitFor(t, tm, "待受理诉求", "R-20260310-0002")
			}
			for _, st := range c.steps {
				for _, k := range st.keys {
					tm.Send(k)
				}
				waitFor(t, tm, st.want...)
			}
			golden.RequireEqual(t, []byte(finalView(t, tm)))
		})
	}
	t.Run("setup", func(t *testing.T) {
		db, _ := mustOpen(t, false)
		tm := startProgram(t, db, Options{})
		waitFor(t, tm, "首次使用")
		golden.RequireEqual(t, []byte(finalView(t, tm)))
	})
	t.Run("english", func(t *testing.T) {
		db, clk := mustOpen(t, true)
		seed(t, db, clk)
		tm := startProgram(t, db, Options{Staff: "王芳", Lang: "en"})
		tm.Send(runes("3"))
		waitFor(t, tm, "Requests (4)", "Housing")
		golden.RequireEqual(t, []byte(finalView(t, tm)))
	})
}

// TestFlowReturningVisitor logs 赵敏 in, found by her name typed in Chinese.
func TestFlowReturningVisitor(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	tm := startProgram(t, db, Options{Staff: "王芳"})
	waitFor(t, tm, "待受理诉求")
	tm.Send(runes("2"))
	tm.Send(runes("n"))
	tm.Send(runes("赵"))
	waitFor(t, tm, "135****8888")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "已登记")
	finalView(t, tm)
	vs, err := db.VisitsOn(context.Background(), db.Today())
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 5 || vs[0].Name != "赵敏" || vs[0].Phone != "13512348888" {
		t.Fatalf("today's visits: %d, newest %+v; want 赵敏 logged", len(vs), vs[0])
	}
}

// TestFlowApproveBooking approves the kiosk's pending booking.
func TestFlowApproveBooking(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	tm := startProgram(t, db, Options{Staff: "王芳"})
	waitFor(t, tm, "待受理诉求")
	tm.Send(runes("4"))
	waitFor(t, tm, "待审核 1", "志愿者培训")
	// Rows by venue and start: the hall at 14:00, the room at 09:00, the room's pending 15:00.
	tm.Send(runes("j"))
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	tm.Send(runes("a"))
	waitFor(t, tm, "已通过："+s.pending.ReceiptNo)
	finalView(t, tm)
	b, err := db.Booking(context.Background(), s.pending.ID)
	if err != nil || b.Status != store.BookingApproved || b.DecidedBy != "王芳" {
		t.Fatalf("booking = %+v, %v; want approved by 王芳", b, err)
	}
}

// TestFlowRequestToClosed takes a new request through to the callback.
func TestFlowRequestToClosed(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	tm := startProgram(t, db, Options{Staff: "王芳"})
	waitFor(t, tm, "待受理诉求")
	enter, tab := tea.KeyMsg{Type: tea.KeyEnter}, tea.KeyMsg{Type: tea.KeyTab}
	tm.Send(runes("3"))
	waitFor(t, tm, "孙八")
	for _, k := range []tea.Msg{runes("n"), runes("吴大妈"), tab, runes("13911112222"), tab, tab, tab, tab,
		runes("想申请居家养老服务"), enter} {
		tm.Send(k)
	}
	waitFor(t, tm, "已受理登记：R-20260310-0003")
	for _, k := range []tea.Msg{enter, runes("a")} {
		tm.Send(k)
	}
	waitFor(t, tm, "已受理  吴大妈")
	for _, k := range []tea.Msg{runes("d"), runes("已安排社工上门评估"), enter} {
		tm.Send(k)
	}
	waitFor(t, tm, "f 回访")
	for _, k := range []tea.Msg{runes("f"), enter} {
		tm.Send(k)
	}
	waitFor(t, tm, "已回访  吴大妈") // the detail head, once the store has it
	finalView(t, tm)
	r, err := db.RequestByReceipt(context.Background(), "R-20260310-0003")
	if err != nil || r.Status != store.StatusClosed || r.Satisfaction != "satisfied" || r.Resolution != "已安排社工上门评估" {
		t.Fatalf("request = %+v, %v; want closed, satisfied", r, err)
	}
}

// TestFlowOtherProcessWrite shows a visit written through a second
// connection to the file, with no key pressed.
func TestFlowOtherProcessWrite(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	tm := startProgram(t, db, Options{Staff: "王芳"})
	waitFor(t, tm, "待受理诉求")
	tm.Send(runes("2"))
	waitFor(t, tm, "来访（4 组")
	other, err := store.Open(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = clk.Now
	if _, err := other.CheckIn(context.Background(), store.VisitInput{Name: "隔壁进程", Purpose: "consult", Actor: "李华"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tm, "隔壁进程", "来访（5 组")
	finalView(t, tm)
}
