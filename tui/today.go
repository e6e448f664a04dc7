package tui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"frontdesk/lang"
	"frontdesk/store"
)

// todayTab is the desk's first screen: counts, the day's venues as a
// timeline, the newest kiosk submissions, and the roll call one key away.
type todayTab struct {
	env           *env
	width, height int
	loaded        bool
	data          todayLoadedMsg
	inbox         []inboxItem
	cursor        int // the inbox item enter opens
	rollCall      bool
	roll          table
}

// openRecordMsg asks the root to show a record on its own tab.
type openRecordMsg struct {
	kind   string
	id     int64
	at     time.Time
	series int64 // a booking's series, to open the series view
}

// todayLoadedMsg is everything the today tab shows.
type todayLoadedMsg struct {
	day        store.Day
	inBuilding []store.Visit
	waiting    int
	overdue    int
	callbacks  int
	bookings   []store.Booking
	venues     []store.Venue
	kiosk      []store.Submission // the newest of what the phones sent that waits
	kioskAll   int                // how many of those there are
	pending    []store.Booking    // waiting for approval, on any day
	overdueRs  []store.Request
	callbackRs []store.Request
}

func newTodayTab(e *env) tab { return todayTab{env: e} }

// SetSize gives the tab its room.
func (m todayTab) SetSize(w, h int) tab { m.width, m.height = w, h; return m }

func (m todayTab) capturing() bool { return false }

// load reads today's counts, bookings and kiosk submissions.
func (m todayTab) load() tea.Cmd {
	db := m.env.db
	e := m.env
	return func() tea.Msg {
		ctx, cancel := e.readCtx()
		defer cancel()
		var d todayLoadedMsg
		var err error
		d.day = db.Today()
		if d.inBuilding, err = db.InBuilding(ctx); err != nil {
			return errMsg{err}
		}
		counts, err := db.CountsForDesk(ctx)
		if err != nil {
			return errMsg{err}
		}
		d.waiting, d.overdue, d.callbacks = counts.Waiting, counts.Overdue, counts.Callbacks
		if d.bookings, err = db.BookingsOn(ctx, d.day); err != nil {
			return errMsg{err}
		}
		if d.venues, err = db.Venues(ctx, true); err != nil {
			return errMsg{err}
		}
		if d.kiosk, d.kioskAll, err = db.KioskWaiting(ctx, inboxKioskRows); err != nil {
			return errMsg{err}
		}
		if d.pending, err = db.PendingBookings(ctx); err != nil {
			return errMsg{err}
		}
		if d.overdueRs, err = db.Requests(ctx, store.RequestFilter{Overdue: true, Limit: 50}); err != nil {
			return errMsg{err}
		}
		if d.callbackRs, err = db.FirstCallbacks(ctx, inboxCallbacks); err != nil {
			return errMsg{err}
		}
		return d
	}
}

// Update answers its data and its keys: r the roll call, p print it.
func (m todayTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case todayLoadedMsg:
		m.loaded = true
		m.data = msg
		m.inbox = m.buildInbox(msg)
		m.cursor = max(0, min(m.cursor, len(m.inbox)-1))
		m.roll.rows = nil
		m.roll.cols = m.rollColumns()
		for _, v := range msg.inBuilding {
			m.roll.rows = append(m.roll.rows, m.visitRow(v))
		}
		return m, nil
	case visitSavedMsg:
		// A check-out, from the roll call or the visits tab, changes who is in.
		return m, m.load()
	case tea.KeyMsg:
		if m.env == nil {
			return m, nil
		}
		k := m.env.keys
		switch {
		case key.Matches(msg, k.RollCall):
			m.rollCall = !m.rollCall
			return m, m.load()
		case key.Matches(msg, k.Back):
			m.rollCall = false
		case key.Matches(msg, k.Print):
			return m, printCmd(m.env.db, m.env.tr(lang.FileRollCall)+"-"+m.env.db.Now().In(m.env.db.Location()).Format(lang.MinuteStampLayout), m.rollCallText(), m.env.lang)
		case key.Matches(msg, k.CheckOut) && m.rollCall:
			if v, ok := rowAt(m.data.inBuilding, m.roll.cursor); ok {
				return m, ask(fmt.Sprintf(m.env.tr(lang.AskCheckOut), v.Name, v.ReceiptNo), checkOutCmd(m.env, v.ID))
			}
		case key.Matches(msg, k.Up) && m.rollCall:
			m.roll.move(-1, m.rollHeight())
		case key.Matches(msg, k.Down) && m.rollCall:
			m.roll.move(1, m.rollHeight())
		case key.Matches(msg, k.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, k.Down):
			m.cursor = max(min(m.cursor+1, len(m.inbox)-1), 0)
		case key.Matches(msg, k.Enter) && !m.rollCall && m.cursor < len(m.inbox):
			r := m.inbox[m.cursor].open
			return m, func() tea.Msg { return r }
		}
	}
	return m, nil
}

func (m todayTab) visitRow(v store.Visit) []string {
	// The roll call is for calling people in an evacuation: whole numbers.
	return []string{m.env.clock(v.CheckedInAt), v.Name, v.Phone, v.Org,
		m.env.short(store.Purposes, v.Purpose), fmt.Sprint(v.Headcount)}
}

func (m todayTab) rollColumns() []column {
	e := m.env
	return []column{{e.tr(lang.TimeIn), 5, 0}, {e.tr(lang.ColName), 8, 2}, {e.tr(lang.ColPhone), 11, 0},
		{e.tr(lang.ColOrg), 8, 3}, {e.tr(lang.ColPurpose), e.labelsWidth(store.Purposes), 1}, {e.tr(lang.ColCount), 4, 0}}
}

// booked is how many of today's bookings hold their slot: approved or
// waiting, not cancelled, rejected or no-show.
func (m todayTab) booked() int {
	n := 0
	for _, b := range m.data.bookings {
		if store.HoldsSlot(b.Status) {
			n++
		}
	}
	return n
}

func (m todayTab) people() int {
	n := 0
	for _, v := range m.data.inBuilding {
		n += v.Headcount
	}
	return n
}

// rollCallText is the roll call as printed: whole lines, no colour.
func (m todayTab) rollCallText() string {
	e := m.env
	now := e.db.Now().In(e.db.Location()).Format(lang.DateTimeLayout)
	var b strings.Builder
	b.WriteString(fmt.Sprintf(e.tr(lang.RollCallHead), e.db.Settings().CenterName, now) + "\n")
	b.WriteString(fmt.Sprintf(e.tr(lang.RollCall), len(m.data.inBuilding), m.people()) + "\n\n")
	t := table{cols: m.rollColumns(), rows: m.roll.rows}
	out := t.render(78, len(t.rows)+1, styles{}, false)
	b.WriteString(out + "\n")
	return b.String()
}

// rollHead is the roll call's heading: how many groups and people are in.
func (m todayTab) rollHead() string {
	return m.env.st.heading.Render(clip(fmt.Sprintf(m.env.tr(lang.RollCall), len(m.data.inBuilding), m.people()), m.width))
}

// rollHeight is the room the roll call's table has under its heading.
func (m todayTab) rollHeight() int { return max(m.height-lipgloss.Height(m.rollHead()), 2) }

// ShortHelp lists the tab's main keys.
func (m todayTab) ShortHelp() []key.Binding {
	k := m.env.keys
	if m.rollCall {
		return []key.Binding{k.CheckOut, k.Print, k.Back}
	}
	return []key.Binding{k.RollCall, k.Up, k.Enter}
}

// FullHelp lists all the tab's keys.
func (m todayTab) FullHelp() [][]key.Binding {
	k := m.env.keys
	return [][]key.Binding{{k.RollCall, k.Print, k.Back}, {k.Up, k.Down, k.Enter}}
}

// View draws the counts, the timeline and the kiosk list, or the roll call.
func (m todayTab) View() string {
	e := m.env
	st := e.st
	if !m.loaded {
		return e.tr(lang.Loading)
	}
	if m.rollCall {
		return m.rollHead() + "\n" + m.roll.render(m.width, m.rollHeight(), st, true)
	}
	d := m.data
	counts := []string{
		e.tr(lang.InBuilding) + " " + st.heading.Render(fmt.Sprintf(e.tr(lang.GroupsPeople), len(d.inBuilding), m.people())),
		e.tr(lang.Waiting) + " " + st.heading.Render(fmt.Sprint(d.waiting)),
		e.tr(lang.Overdue) + " " + st.overdue.Render(fmt.Sprint(d.overdue)),
		e.tr(lang.Callbacks) + " " + st.heading.Render(fmt.Sprint(d.callbacks)),
		e.tr(lang.TodayBooked) + " " + st.heading.Render(fmt.Sprint(m.booked())),
	}
	lines := wrapJoin(counts, "   ", m.width)
	lines = append(lines, "", st.heading.Render(clip(e.tr(lang.Timeline), m.width)))
	lines = append(lines, m.timeline()...)
	lines = append(lines, "")
	_, waiting := m.inboxSizes()
	lines = append(lines, wrapJoin([]string{st.heading.Render(fmt.Sprintf(e.tr(lang.Inbox), waiting)), m.inboxCounts()}, "  ", m.width)...)
	room := m.height - lipgloss.Height(strings.Join(lines, "\n"))
	if len(m.inbox) == 0 {
		lines = append(lines, st.muted.Render(e.tr(lang.InboxEmpty)))
	}
	more := waiting - len(m.inbox) // callbacks beyond the listed head
	if more > 0 {
		room-- // for the line that says so
	}
	from := 0
	if m.cursor >= room {
		from = m.cursor - room + 1
	}
	for i := from; i < len(m.inbox) && i < from+room; i++ {
		line := clip(m.inbox[i].line, m.width-2)
		if i == m.cursor {
			lines = append(lines, "> "+st.selected.Render(line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	if more > 0 && len(m.inbox) <= from+room {
		lines = append(lines, "  "+st.muted.Render(clip(fmt.Sprintf(e.tr(lang.InboxMore), more), m.width-2)))
	}
	return strings.Join(lines, "\n")
}

// wrapJoin joins parts with sep into lines no wider than w.
func wrapJoin(parts []string, sep string, w int) []string {
	var lines []string
	cur := ""
	for _, p := range parts {
		switch {
		case cur == "":
			cur = p
		case visibleWidth(cur+sep+p) <= w:
			cur += sep + p
		default:
			lines = append(lines, cur)
			cur = p
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// Timeline bounds: the day drawn runs from 08:00 to 21:00.
const (
	timelineFrom = 8 * 60
	timelineTo   = 21 * 60
)

// timeline draws one line per venue, a cell per slice of 08:00–21:00:
// '=' approved, '?' pending, '.' free, '|' now.
func (m todayTab) timeline() []string {
	return drawTimeline(m.env, m.data.day, m.data.venues, m.data.bookings, m.width)
}

func drawTimeline(e *env, day store.Day, venues []store.Venue, bookings []store.Booking, width int) []string {
	if len(venues) == 0 {
		return []string{e.st.muted.Render(e.tr(lang.NoVenues))}
	}
	nameW := 10
	for _, v := range venues {
		nameW = max(nameW, min(16, visibleWidth(v.Name)))
	}
	cells := width - nameW - 2
	if cells < 13 {
		cells = 13
	}
	span := timelineTo - timelineFrom
	scale := []byte(strings.Repeat(" ", cells))
	for h := 8; h <= 20; h += 2 {
		pos := (h*60 - timelineFrom) * cells / span
		label := fmt.Sprintf("%02d", h)
		if pos+2 <= cells {
			copy(scale[pos:], label)
		}
	}
	// The time now, on today's timeline only, runs down the free cells as '|'.
	nowCell := -1
	if day == e.db.Today() {
		now := e.db.Now().In(e.db.Location())
		if mins := now.Hour()*60 + now.Minute(); mins >= timelineFrom && mins < timelineTo {
			nowCell = (mins - timelineFrom) * cells / span
		}
	}
	lines := []string{strings.Repeat(" ", nameW+1) + string(scale)}
	loc := e.db.Location()
	for _, v := range venues {
		row := []byte(strings.Repeat(".", cells))
		for _, b := range bookings {
			if b.VenueID != v.ID || (b.Status != store.BookingApproved && b.Status != store.BookingPending) {
				continue
			}
			s, en := b.Start.In(loc), b.End.In(loc)
			from := s.Hour()*60 + s.Minute()
			to := en.Hour()*60 + en.Minute()
			mark := byte('=')
			if b.Status == store.BookingPending {
				mark = '?'
			}
			for c := 0; c < cells; c++ {
				mid := timelineFrom + (2*c+1)*span/(2*cells)
				if mid >= from && mid < to && (mark == '=' || row[c] == '.') {
					row[c] = mark
				}
			}
		}
		if nowCell >= 0 && row[nowCell] == '.' {
			row[nowCell] = '|'
		}
		lines = append(lines, fit(v.Name, nameW)+" "+string(row))
	}
	return lines
}

// printCmd prints a text with lp when the machine has it, else writes it to
// a file beside the database, and says which.
func printCmd(db *store.DB, name, body, language string) tea.Cmd {
	return printFileCmd(db, name, "txt", language, func() ([]byte, error) { return []byte(body), nil })
}

// printFileCmd renders a document into a new file name.ext beside the
// database (never over another) and prints it with lp where the machine has
// it; the notice says where the file is either way.
func printFileCmd(db *store.DB, name, ext, language string, render func() ([]byte, error)) tea.Cmd {
	return func() tea.Msg {
		body, err := render()
		if err != nil {
			return errMsg{err}
		}
		path, err := writeNewFile(filepath.Dir(db.Path()), name, ext, body)
		if err != nil {
			return errMsg{err}
		}
		wrote := fmt.Sprintf(lang.Wrote.In(language), path)
		if lp, err := exec.LookPath("lp"); err == nil {
			if out, err := exec.Command(lp, path).CombinedOutput(); err == nil {
				return noticeMsg(fmt.Sprintf(lang.Printed.In(language), strings.TrimSpace(string(out))) + lang.SemicolonSep.In(language) + wrote)
			}
		}
		return noticeMsg(wrote)
	}
}

// writeNewFile writes body to dir/name.ext, or name-2.ext, name-3.ext … when
// that is taken: an export or print never overwrites another.
func writeNewFile(dir, name, ext string, body []byte) (string, error) {
	for n := 1; ; n++ {
		path := filepath.Join(dir, name+"."+ext)
		if n > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d.%s", name, n, ext))
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) && n < 1000 {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(body); err != nil {
			f.Close()
			os.Remove(path)
			return "", err
		}
		return path, f.Close()
	}
}

func (m todayTab) title() lang.Text       { return lang.TabToday }
func (m todayTab) keeps(kind string) bool { return false }
func (m todayTab) dirty() bool            { return false }

// Open keeps no record: the today tab only points at the others.
func (m todayTab) Open(openRecordMsg) (tab, tea.Cmd, bool) { return m, nil, false }
