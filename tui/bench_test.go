package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/internal/benchdb"
	"frontdesk/store"
)

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
	db := benchdb.Open(b)
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
	db := benchdb.Open(b)
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
	db := benchdb.Open(b)
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

// BenchmarkDayChange is → and ← in turn on a tab that shows a day: Update,
// the store read it asks for, and the frame after it. The 台账 tab keeps the
// days it read and reads the days beside the shown one ahead: daily is a
// day not kept (each change follows a write that drops every kept day, and
// nothing is read ahead), daily-kept the same days kept, as paging back and
// forth finds them.
func BenchmarkDayChange(b *testing.B) {
	db := benchdb.Open(b)
	right := tea.KeyMsg{Type: tea.KeyRight}
	left := tea.KeyMsg{Type: tea.KeyLeft}
	for _, c := range []struct {
		name string
		tab  int
		kept bool
	}{{"visits", tabVisits, false}, {"bookings", tabBookings, false}, {"daily", tabDaily, false}, {"daily-kept", tabDaily, true}} {
		b.Run(c.name, func(b *testing.B) {
			m := benchModel(b, db, c.tab)
			cache := tabAs[dailyTab](b, m).cache
			cache.ahead = c.kept
			if c.kept {
				for _, k := range []tea.KeyMsg{right, left} {
					_, cmd := m.Update(k)
					settle(m, cmd)
				}
			}
			n := 0
			cpu := benchdb.CPUTime()
			for b.Loop() {
				k := right
				if n%2 == 1 {
					k = left
				}
				n++
				if !c.kept {
					// Another process wrote: what the tab kept may be stale.
					m.Update(eventMsg{Kind: store.KindExternal})
				}
				_, cmd := m.Update(k)
				settle(m, cmd)
				_ = m.View()
			}
			benchdb.ReportCPU(b, cpu)
		})
	}
}

// BenchmarkLookup is one keystroke in the returning-visitor lookup: Update,
// the FindVisitors read and the frame.
func BenchmarkLookup(b *testing.B) {
	db := benchdb.Open(b)
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
	path := benchdb.Path(b)
	for b.Loop() {
		db, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		db.Now = func() time.Time { return benchdb.Now }
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

// BenchmarkReloadFrame is the frame a reload after a store event brings on
// the big file: Update with what the reload read (the home tab's inbox and
// counts; the visits tab's whole day) and View. The read itself runs once,
// outside the loop; it runs in a command, not in the frame.
func BenchmarkReloadFrame(b *testing.B) {
	db := benchdb.Open(b)
	for _, i := range []int{tabToday, tabVisits} {
		b.Run(tabNames[i], func(b *testing.B) {
			m := benchModel(b, db, i)
			read, ok := m.startReload(i)().(tabLoadedMsg)
			if !ok || read.err != nil || len(read.msgs) == 0 {
				b.Fatalf("the reload read %+v", read)
			}
			m.reloaded(read)
			for b.Loop() {
				m.reloads[i].state = reloadReading
				m.Update(read)
				_ = m.View()
			}
		})
	}
}
