package tui

import (
	"log/slog"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/store"
)

// reloads keeps the reloads of each tab after store events to one at a
// time. A reload asked for while one reads is remembered and runs once when
// that one is done, so the newest change always shows and a burst never
// piles reads up on a busy store: twenty desks over SSH otherwise queue
// reload behind reload until their reads time out. A reload that fails is tried again after a pause, and the
// failure is logged once, not per attempt.
type reloads []tabReload // per tab, in the order of the bar

// tabReload is where the reloads of one tab are.
type tabReload struct {
	state reloadState
	again bool   // a reload was asked for while one read
	fails int    // failed attempts in a row
	token int    // moves on each start; a retry meant for an earlier one is dropped
	shown string // the footer text a failing reload put there
	// parked is what the last reload read for a tab not on show, handed to
	// it when it shows: twenty desks redrawing a hidden tab on every event
	// cost frames and showed nothing.
	parked []tea.Msg
}

type reloadState int

const (
	reloadIdle    reloadState = iota
	reloadReading             // a reload reads now
	reloadWaiting             // the last one failed; a retry is due
)

func newReloads(tabs int) reloads { return make(reloads, tabs) }

// tabLoadedMsg is what one reload of a tab read: the tab's own messages,
// or the error that stopped it.
type tabLoadedMsg struct {
	tab  int
	msgs []tea.Msg
	err  error
}

// reloadRetryMsg says a failed reload of a tab is due again.
type reloadRetryMsg struct{ tab, token int }

// retryDelay is the pause after n failed reloads in a row: a quarter of a
// second, doubling up to five seconds.
func retryDelay(n int) time.Duration {
	return min(250*time.Millisecond<<min(n-1, 5), 5*time.Second)
}

// reload reloads tab i, or, while a reload of it reads, once more after it.
func (m *Model) reload(i int) tea.Cmd {
	if m.reloads[i].state == reloadReading {
		m.reloads[i].again = true
		return nil
	}
	return m.startReload(i)
}

// startReload runs the tab's load in one command and brings back all it
// answered, so the root knows when the reload is over.
func (m *Model) startReload(i int) tea.Cmd {
	r := &m.reloads[i]
	r.state, r.again = reloadReading, false
	r.token++
	load := m.tabs[i].load()
	return func() tea.Msg {
		msgs, err := runLoad(load)
		return tabLoadedMsg{tab: i, msgs: msgs, err: err}
	}
}

// runLoad runs a tab's load command, batches included (one after the
// other), and collects its messages; an errMsg among them is the reload's
// error.
func runLoad(cmd tea.Cmd) (msgs []tea.Msg, err error) {
	if cmd == nil {
		return nil, nil
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			more, e := runLoad(c)
			msgs = append(msgs, more...)
			if err == nil {
				err = e
			}
		}
	case errMsg:
		return nil, msg.err
	default:
		msgs = append(msgs, msg)
	}
	return msgs, err
}

// reloaded hands a reload's answers to the tab and starts the reload asked
// for meanwhile, or schedules the retry of a failed one. The first failure
// is logged; the second in a row also shows in the footer, which clears
// when a reload works again.
func (m *Model) reloaded(msg tabLoadedMsg) tea.Cmd {
	r, i := &m.reloads[msg.tab], msg.tab
	var cmds []tea.Cmd
	switch {
	case i == m.active:
		cmds = append(cmds, m.hand(msg.msgs))
	case len(msg.msgs) > 0:
		r.parked = msg.msgs // only the newest read counts
	}
	tabName := m.tabs[i].title().EN
	if msg.err != nil {
		r.fails++
		switch r.fails {
		case 1:
			slog.Warn("desk reload failed; trying again", "staff", m.env.staff, "tab", tabName, "err", msg.err)
		case 2:
			m.notice, m.errText = "", store.ErrorMessage(msg.err, m.env.lang)
			r.shown = m.errText
			m.layout()
		}
		r.state, r.again = reloadWaiting, false
		tok := r.token
		cmds = append(cmds, tea.Tick(retryDelay(r.fails), func(time.Time) tea.Msg { return reloadRetryMsg{i, tok} }))
		return tea.Batch(cmds...)
	}
	if r.fails > 0 {
		slog.Info("desk reload works again", "staff", m.env.staff, "tab", tabName, "attempts", r.fails+1)
		if r.shown != "" && m.errText == r.shown {
			m.errText = ""
			m.layout()
		}
		r.fails, r.shown = 0, ""
	}
	r.state = reloadIdle
	if r.again {
		cmds = append(cmds, m.startReload(i))
	}
	return tea.Batch(cmds...)
}

// hand gives a tab the messages its load answered.
func (m *Model) hand(msgs []tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, inner := range msgs {
		_, cmd := m.Update(inner)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// unpark hands tab i, about to show, what was read for it while hidden.
func (m *Model) unpark(i int) tea.Cmd {
	msgs := m.reloads[i].parked
	m.reloads[i].parked = nil
	return m.hand(msgs)
}

// retry runs a failed reload again, unless another has started since.
func (m *Model) retry(msg reloadRetryMsg) tea.Cmd {
	if r := m.reloads[msg.tab]; r.state != reloadWaiting || r.token != msg.token {
		return nil
	}
	return m.startReload(msg.tab)
}

// recordKinds are the kinds of records a tab keeps.
var recordKinds = []string{store.KindVisit, store.KindRequest, store.KindBooking}

// shows reports whether tab i shows what the kinds in changed touch. The
// home tab shows a bit of everything, and so does a tab that keeps no
// records (the daily log, the settings); a tab that keeps records of some
// kind does not show the other kinds of record. Anything that is not a
// record (a venue, a setting, staff, another process's write) may show
// anywhere.
func (m *Model) shows(i int, changed map[string]bool) bool {
	t := m.tabs[i]
	if i == 0 || !slices.ContainsFunc(recordKinds, t.keeps) {
		return true
	}
	for k := range changed {
		if t.keeps(k) || !slices.Contains(recordKinds, k) {
			return true
		}
	}
	return false
}
