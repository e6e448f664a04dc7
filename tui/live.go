package tui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/lang"
	"frontdesk/store"
)

// live keeps the desk current: it listens to the store's events, gathers a
// burst into one reload, and counts what the kiosk sent on each tab's badge.
type live struct {
	events   <-chan store.Event
	unsub    func()
	coalesce time.Duration
	pending  bool            // a reload is already scheduled
	changed  map[string]bool // the kinds of event the burst held

	badges []int // per tab, in the order of the bar
	// seen are the kiosk records already counted, so the same record heard
	// as an event and found again after an external write counts once.
	seen     map[string]bool
	baseline bool // the first look at kiosk records only learns what exists
	// naming is true while the record for the notice is being read; next
	// is the newest arrival heard meanwhile, named when that read is done,
	// so a burst of phones costs a desk one read at a time, not one each.
	naming bool
	next   *arrival
}

// arrival is a kiosk record heard as an event, to be named.
type arrival struct {
	kind string
	id   int64
}

func newLive(db *store.DB, coalesce time.Duration, tabs int) live {
	if coalesce <= 0 {
		coalesce = 100 * time.Millisecond
	}
	ch, unsub := db.Subscribe()
	return live{events: ch, unsub: unsub, coalesce: coalesce, changed: map[string]bool{}, seen: map[string]bool{},
		badges: make([]int, tabs)}
}

func (l *live) stop() {
	if l.unsub != nil {
		l.unsub()
		l.unsub = nil
	}
}

// eventMsg is one committed write the store told of.
type eventMsg store.Event

// eventsClosedMsg says the store closed the subscription.
type eventsClosedMsg struct{}

// reloadMsg says a burst of events is over: reload what shows.
type reloadMsg struct{}

// kioskSeenMsg carries the newest kiosk records, to find ones not yet counted.
type kioskSeenMsg struct{ subs []store.Submission }

// waitCmd waits for the next event; the root re-arms it after each.
func (l *live) waitCmd() tea.Cmd {
	ch := l.events
	return func() tea.Msg {
		e, ok := <-ch
		if !ok {
			return eventsClosedMsg{}
		}
		return eventMsg(e)
	}
}

// kioskNewest is how many of the newest kiosk records the desk reads to
// find the ones it has not counted yet.
const kioskNewest = 20

// checkKioskCmd reads the newest kiosk records.
func checkKioskCmd(e *env) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		subs, err := e.db.KioskSubmissions(ctx, kioskNewest)
		if err != nil {
			return errMsg{err}
		}
		return kioskSeenMsg{subs}
	}
}

func seenKey(kind string, id int64) string { return fmt.Sprintf("%s/%d", kind, id) }

// updateLive answers events, the end of a burst and the kiosk check.
func (m *Model) updateLive(msg tea.Msg) tea.Cmd {
	l := &m.live
	switch msg := msg.(type) {
	case eventMsg:
		// The tabs that keep what they read forget what it changed.
		cmds := []tea.Cmd{l.waitCmd(), m.forward(msg)}
		l.changed[msg.Kind] = true
		// A phone's new request or booking, and a phone check-in at the
		// door, are news for the desk.
		if msg.Source == store.SourceKiosk && (msg.Action == "created" || msg.Action == "checked_in") {
			if k := seenKey(msg.Kind, msg.ID); !l.seen[k] {
				l.seen[k] = true
				m.kioskArrived(msg.Kind, 1)
				if l.naming {
					l.next = &arrival{msg.Kind, msg.ID}
				} else {
					l.naming = true
					cmds = append(cmds, nameArrivalCmd(m.env, msg.Kind, msg.ID))
				}
			}
		}
		if !l.pending {
			l.pending = true
			cmds = append(cmds, tea.Tick(l.coalesce, func(time.Time) tea.Msg { return reloadMsg{} }))
		}
		return tea.Batch(cmds...)
	case reloadMsg:
		l.pending = false
		changed := l.changed
		l.changed = map[string]bool{}
		if m.stage != stageDesk {
			return nil
		}
		// The shown tab when the burst touched what it shows, and the
		// home tab always; each at most one reload at a time.
		var cmds []tea.Cmd
		if m.shows(m.active, changed) {
			cmds = append(cmds, m.reload(m.active))
		}
		if m.active != 0 {
			cmds = append(cmds, m.reload(0))
		}
		if changed[store.KindExternal] {
			cmds = append(cmds, checkKioskCmd(m.env))
		}
		return tea.Batch(cmds...)
	case arrivalMsg:
		l.naming = false
		var cmd tea.Cmd
		if a := l.next; a != nil {
			l.next, l.naming = nil, true
			cmd = nameArrivalCmd(m.env, a.kind, a.id)
		}
		switch {
		case msg.err != nil:
			return tea.Batch(cmd, func() tea.Msg { return errMsg{msg.err} })
		case msg.found:
			m.notice = fmt.Sprintf(m.env.tr(lang.KioskNamed), m.env.tr(kindText(msg.sub.Kind)), msg.sub.Name, msg.sub.ReceiptNo)
			m.errText = ""
			m.layout()
		}
		return cmd
	case kioskSeenMsg:
		first := !l.baseline
		l.baseline = true
		counts := map[string]int{}
		for _, s := range msg.subs {
			k := seenKey(s.Kind, s.ID)
			if l.seen[k] {
				continue
			}
			l.seen[k] = true
			if !first {
				counts[s.Kind]++
			}
		}
		for kind, n := range counts {
			m.kioskArrived(kind, n)
		}
	}
	return nil
}

// kioskArrived counts n new kiosk records of kind on their tab, unless that
// tab is showing, and says so in the footer.
func (m *Model) kioskArrived(kind string, n int) {
	t := m.tabOf(kind)
	if t < 0 {
		return
	}
	if t != m.active || m.stage != stageDesk {
		m.live.badges[t] += n
	}
	m.notice = fmt.Sprintf(m.env.tr(lang.KioskNew), m.env.tr(m.tabs[t].title()))
	m.errText = ""
}

// arrivalMsg is a record a phone just sent, to name in the notice; found is
// false when it is gone (voided or never the kiosk's), err when the read
// failed.
type arrivalMsg struct {
	sub   store.Submission
	found bool
	err   error
}

// nameArrivalCmd reads the kiosk record kind/id, so the notice can say who
// sent what.
func nameArrivalCmd(e *env, kind string, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		s, err := e.db.KioskSubmission(ctx, kind, id)
		if store.ErrorCode(err) == store.ENOTFOUND {
			return arrivalMsg{}
		}
		return arrivalMsg{sub: s, found: err == nil, err: err}
	}
}

// kindText names a kind of record.
func kindText(kind string) lang.Text {
	switch kind {
	case store.KindVisit:
		return lang.KindVisit
	case store.KindRequest:
		return lang.KindRequest
	}
	return lang.KindBooking
}
