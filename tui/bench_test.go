package tui

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/store"
)

// benchNow is "now" in the store's big benchmark database: its last day.
var benchNow = time.Date(2026, 3, 10, 18, 30, 0, 0, shanghai)

var (
	benchOnce sync.Once
	benchPath string
	benchNote string
	benchErr  error
)

// openBench opens the big database the store's benchmarks build (a million
// visits) when a finished one is in the temporary directory; otherwise it
// builds a smaller one of its own through the store API and says so.
func openBench(b *testing.B) *store.DB {
	b.Helper()
	benchOnce.Do(func() {
		big := filepath.Join(os.TempDir(), fmt.Sprintf("frontdesk-bench-v%d.db", store.SchemaVersion()))
		if finished(big) {
			benchPath, benchNote = big, "the store's big database "+big
			return
		}
		benchPath = filepath.Join(os.TempDir(), "frontdesk-tui-bench.db")
		benchNote = "a smaller database of the desk's own, " + benchPath
		if finished(benchPath) {
			return
		}
		benchErr = buildSmall(benchPath)
	})
	if benchErr != nil {
		b.Fatalf("bench database: %v", benchErr)
	}
	b.Logf("on %s", benchNote)
	db, err := store.Open(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	db.Now = func() time.Time { return benchNow }
	b.Cleanup(func() { db.Close() })
	return db
}

// finished reports whether a benchmark database at path is complete: its
// builder writes the bench_spec setting last.
func finished(path string) bool {
	if _, err := os.Stat(path); err != nil {
		return false
	}
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return false
	}
	defer raw.Close()
	var spec string
	raw.QueryRow("SELECT value FROM settings WHERE key = 'bench_spec'").Scan(&spec)
	return spec != ""
}

// buildSmall writes 60 days of a busy center: 100 visits, 10 requests and 6
// bookings a day.
func buildSmall(path string) error {
	os.Remove(path)
	tmp := path + ".building"
	os.Remove(tmp)
	db, err := store.Open(tmp)
	if err != nil {
		return err
	}
	ctx := context.Background()
	var now time.Time
	db.Now = func() time.Time { return now }
	now = benchNow.AddDate(0, 0, -61)
	venues := []store.VenueInput{{Name: "多功能厅", Capacity: 80}, {Name: "党员活动室", Capacity: 20}, {Name: "会议室", Capacity: 30}}
	if err := db.Init(ctx, store.InitInput{Center: "城南街道党群服务中心", Venues: venues, Staff: "王芳"}); err != nil {
		return err
	}
	vs, _ := db.Venues(ctx, true)
	names := []string{"王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "黄丽", "赵强", "吴芳", "周杰"}
	for day := 60; day >= 0; day-- {
		base := time.Date(benchNow.Year(), benchNow.Month(), benchNow.Day()-day, 8, 0, 0, 0, shanghai)
		for i := 0; i < 100; i++ {
			now = base.Add(time.Duration(i*6) * time.Minute)
			name := names[i%len(names)] + fmt.Sprint(i%37)
			_, err := db.CheckIn(ctx, store.VisitInput{Name: name, Phone: fmt.Sprintf("138%08d", i*7919%100000000),
				Org: "幸福社区", Purpose: store.Purposes[i%len(store.Purposes)].Code, Headcount: 1 + i%3, Actor: "王芳",
				Source: []string{"desk", "kiosk"}[i%2]})
			if err != nil {
				return err
			}
			if i%10 == 0 {
				_, err := db.CreateRequest(ctx, store.RequestInput{Name: name, Phone: "13900001111", Category: store.Categories[i%9].Code,
					Description: "诉求内容", Actor: "王芳"})
				if err != nil {
					return err
				}
			}
		}
		now = base.Add(-time.Hour)
		for j := 0; j < 6; j++ {
			start := base.Add(time.Duration(1+2*(j/3)) * time.Hour)
			_, err := db.CreateBooking(ctx, store.BookingInput{VenueID: vs[j%3].ID, Org: "第一党支部", Contact: "赵六",
				Phone: "13700002222", Title: "学习会", Purpose: "party_day", Attendees: 10, Start: start, End: start.Add(90 * time.Minute),
				Approve: j%2 == 0, Actor: "王芳"})
			if err != nil {
				return err
			}
		}
	}
	db.Close()
	raw, err := sql.Open("sqlite3", "file:"+tmp)
	if err != nil {
		return err
	}
	if _, err := raw.Exec("INSERT INTO settings (key, value) VALUES ('bench_spec', 'tui-small-1')"); err != nil {
		raw.Close()
		return err
	}
	raw.Close()
	return os.Rename(tmp, path)
}

// settle runs cmd and what follows from it, synchronously, leaving out the
// ones that wait (the clock, the event listener): on a loaded tab every
// other command is a store read.
func settle(m *Model, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// benchModel is the desk at 80×24 on the bench database with tab i loaded.
func benchModel(b *testing.B, db *store.DB, tab int) *Model {
	m := newModel(db, Options{Staff: "王芳", KioskAddr: "http://127.0.0.1:8080"})
	b.Cleanup(m.live.stop)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	settle(m, m.startDesk())
	settle(m, m.switchTab(tab))
	return m
}

var tabNames = []string{"today", "visits", "requests", "bookings", "daily"}

// BenchmarkStartToFirstFrame is the desk from New to its first full frame:
// the model, the first loads of the today tab, and View.
func BenchmarkStartToFirstFrame(b *testing.B) {
	db := openBench(b)
	for b.Loop() {
		m := newModel(db, Options{Staff: "王芳", KioskAddr: "http://127.0.0.1:8080"})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		settle(m, m.startDesk())
		if m.View() == "" {
			b.Fatal("empty frame")
		}
		m.live.stop()
	}
}

// BenchmarkView draws each tab with its data loaded.
func BenchmarkView(b *testing.B) {
	db := openBench(b)
	for i, name := range tabNames {
		b.Run(name, func(b *testing.B) {
			m := benchModel(b, db, i)
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkKeyUpdate is Update on a key press (j: the next row, or a line
// of the log) and the frame after it.
func BenchmarkKeyUpdate(b *testing.B) {
	db := openBench(b)
	down := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}
	for i, name := range tabNames {
		b.Run(name, func(b *testing.B) {
			m := benchModel(b, db, i)
			for b.Loop() {
				m.Update(down)
				_ = m.View()
			}
		})
	}
}

// BenchmarkDayChange is → on a tab that shows a day: Update, the store read
// it asks for, and the frame after it.
func BenchmarkDayChange(b *testing.B) {
	db := openBench(b)
	right := tea.KeyMsg{Type: tea.KeyRight}
	left := tea.KeyMsg{Type: tea.KeyLeft}
	for _, i := range []int{tabVisits, tabBookings, tabDaily} {
		b.Run(tabNames[i], func(b *testing.B) {
			m := benchModel(b, db, i)
			n := 0
			for b.Loop() {
				k := right
				if n%2 == 1 {
					k = left
				}
				n++
				_, cmd := m.Update(k)
				settle(m, cmd)
				_ = m.View()
			}
		})
	}
}

// BenchmarkLookup is one keystroke in the returning-visitor lookup: Update,
// the FindVisitors read and the frame.
func BenchmarkLookup(b *testing.B) {
	db := openBench(b)
	m := benchModel(b, db, tabVisits)
	settle(m, func() tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")} })
	for b.Loop() {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("王")})
		settle(m, cmd)
		_ = m.View()
		m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	}
}

// BenchmarkOpenToFirstFrame adds opening the database file to the start:
// what a desk user waits for after typing frontdesk.
func BenchmarkOpenToFirstFrame(b *testing.B) {
	openBench(b) // builds or finds the file
	for b.Loop() {
		db, err := store.Open(benchPath)
		if err != nil {
			b.Fatal(err)
		}
		db.Now = func() time.Time { return benchNow }
		m := newModel(db, Options{Staff: "王芳", KioskAddr: "http://127.0.0.1:8080"})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		settle(m, m.startDesk())
		if m.View() == "" {
			b.Fatal("empty frame")
		}
		m.live.stop()
		db.Close()
	}
}
