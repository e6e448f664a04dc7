package tui

import (
	"context"
	"testing"

	"frontdesk/store"
)

func TestVisitReturningVisitor(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2", "n")
	d.typ("8888")
	d.wantView("赵敏", "135****8888")
	// After the lookup text: enter picks, enter saves: well within six keys.
	d.key("enter", "enter")
	vs, err := db.VisitsOn(context.Background(), db.Today())
	if err != nil {
		t.Fatal(err)
	}
	v := vs[0]
	if v.Name != "赵敏" || v.Phone != "13512348888" || v.Org != "光明社区" || v.CreatedBy != "王芳" || v.Source != "desk" {
		t.Fatalf("newest visit = %+v, want 赵敏 logged by 王芳 at the desk", v)
	}
	if v.Purpose != "consult" {
		t.Fatalf("purpose = %q, want her last visit's (consult) offered", v.Purpose)
	}
	if d.visits().mode != visitsList {
		t.Fatal("the form stayed open after saving")
	}
	d.wantView("已登记", "赵敏")
}

func TestVisitNewVisitor(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2", "n")
	d.typ("钱多多")
	d.key("tab") // the lookup text becomes the name
	if got := d.visits().form.value("name"); got != "钱多多" {
		t.Fatalf("name = %q, want the lookup text", got)
	}
	d.key("tab")
	d.typ("1381234") // not a phone yet
	d.wantView("电话号码格式不对")
	d.typ("5678")
	d.dontWantView("电话号码格式不对")
	d.key("tab", "tab")
	d.key("right", "right") // purpose: 参加活动
	d.key("tab", "right")   // party member: yes
	d.key("tab", "backspace")
	d.typ("x")
	d.key("enter")
	d.wantView("请填写整数", "钱多多")
	d.key("backspace")
	d.typ("3")
	d.key("enter")
	vs, _ := db.VisitsOn(context.Background(), db.Today())
	if len(vs) != 1 {
		t.Fatalf("%d visits, want 1", len(vs))
	}
	v := vs[0]
	if v.Name != "钱多多" || v.Phone != "13812345678" || v.Purpose != "activity" || !v.PartyMember || v.Headcount != 3 {
		t.Fatalf("visit = %+v", v)
	}
}

func TestVisitRejectedKeepsInput(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2", "n", "tab", "tab")
	d.typ("12345")
	d.key("enter")
	d.wantView("12345")
	if d.visits().form.fields[d.visits().form.index("name")].err == "" {
		t.Fatal("no error beside the empty name")
	}
	if vs, _ := db.VisitsOn(context.Background(), db.Today()); len(vs) != 0 {
		t.Fatalf("a bad visit was saved: %+v", vs)
	}
}

func TestVisitCheckOutSearchAndDays(t *testing.T) {
	db, clk := mustOpen(t, true)
	s := seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2")
	// Rows are newest first: 王五, 参观团, 李梅, 张三.
	d.key("down", "down", "down", "o")
	d.wantView("为 张三（")
	d.key("n")
	if v, _ := db.Visit(context.Background(), s.visitOpen.ID); !v.Open() {
		t.Fatal("checked out though the answer was no")
	}
	d.key("o", "y")
	v, err := db.Visit(context.Background(), s.visitOpen.ID)
	if err != nil || v.Open() {
		t.Fatalf("张三 still open after o: %+v %v", v, err)
	}
	d.wantView("已签退：张三", "10:00")

	d.key("/")
	d.typ("8888")
	d.key("enter")
	d.wantView("搜索“8888”：1 条历史来访", "赵敏", "03-03")
	d.key("esc")
	d.dontWantView("赵敏")

	d.key("left")
	if d.visits().day != (store.Day{Year: 2026, Month: 3, Day: 9}) {
		t.Fatalf("day = %v after ←", d.visits().day)
	}
	d.wantView("2026-03-09", "0 组")
	d.key("[", "[", "[", "[", "[", "[")
	d.wantView("2026-03-03", "赵敏")
	d.key("t")
	d.wantView("2026-03-10", "张三")
}

// TestStaleDayDropped keeps the day asked for when an earlier day's answer
// arrives late.
func TestStaleDayDropped(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2", "left")
	late := store.Day{Year: 2026, Month: 3, Day: 10}
	d.send(visitsLoadedMsg{day: late, visits: []store.Visit{{ID: 99, Name: "迟到的结果"}}})
	if d.visits().day != late.AddDays(-1) {
		t.Fatalf("day = %v, want %v", d.visits().day, late.AddDays(-1))
	}
	d.dontWantView("迟到的结果")
	d.key("4", "left")
	d.send(bookingsLoadedMsg{day: late, bookings: []store.Booking{{ID: 99, Title: "迟到的结果"}}})
	d.dontWantView("迟到的结果")
}
