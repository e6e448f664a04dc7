package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/store"
)

// shownDay is the day a dated tab shows: d, or today while the tab has not
// chosen one.
func (e *env) shownDay(d store.Day) store.Day {
	if d.IsZero() {
		return e.db.Today()
	}
	return d
}

// pageDay answers the day keys the dated tabs share: ←/[ the day before the
// one shown, →/] the day after, t today. ok is false for any other key.
func pageDay(e *env, day store.Day, msg tea.KeyMsg) (_ store.Day, ok bool) {
	k := e.keys
	switch {
	case key.Matches(msg, k.PrevDay):
		return e.shownDay(day).AddDays(-1), true
	case key.Matches(msg, k.NextDay):
		return e.shownDay(day).AddDays(1), true
	case key.Matches(msg, k.Today):
		return e.db.Today(), true
	}
	return day, false
}
