package tui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"frontdesk/lang"
	"frontdesk/report"
	"frontdesk/store"
)

// dailyTab previews the daily log (台账) as package report renders it, for
// any day, or with g its charts (chart.go): the day's figures and the 30
// days to it. It prints the log as PDF and exports it as CSV.
//
// The preview is the brief log: of the backlog (open overdue requests from
// earlier days, thousands in a file of years) it lists the backlogShown
// promised earliest and counts the rest, so a day's preview costs the day,
// not the file's history; the printed and exported log lists them all. The
// days read are kept (logCache) and the days beside the shown one read
// ahead, so paging a day back or on shows a log already read.
type dailyTab struct {
	env           *env
	width, height int
	day           store.Day // the day asked for
	shown         store.Day // the day text is the log of
	text          string
	wide          int             // the widest line of text, measured once as it was read
	log           *store.DailyLog // the shown day's log
	trend         *store.DailyLog // the trendDays to the shown day, read while charts show
	charts        bool
	view          viewport.Model
	// The viewport holds only the lines it shows: lines is the whole text
	// (or the charts), top the first line shown and left the first column.
	// A busy day's log is thousands of lines; measuring them all on every
	// load cost more than reading the day, so the longest is measured only
	// when the log is first scrolled sideways (longest < 0: not yet).
	lines     []string
	top, left int
	longest   int
	textLines []string  // text's lines, split once as it was read
	read      time.Time // when text was read
	cache     *logCache // shared by the tab's copies
}

// backlogShown is how many rows of the backlog the preview lists.
const backlogShown = 20

// dailyLoadedMsg is a day's log, rendered as text, and the trend to it
// when the charts asked for it.
type dailyLoadedMsg struct {
	day   store.Day
	text  string
	lines []string // text's lines, the last newline aside
	wide  int      // textWidth(lines)
	log   *store.DailyLog
	trend *store.DailyLog
	gen   int       // the cache's generation when the read began
	read  time.Time // when it was read, by the store's clock
	ahead bool      // read ahead for the cache: kept, not shown
}

func newDailyTab(e *env) tab {
	return dailyTab{env: e, view: viewport.New(80, 10), cache: newLogCache()}
}

// SetSize gives the preview its room.
func (m dailyTab) SetSize(w, h int) tab {
	m.width, m.height = w, h
	m.view.Width, m.view.Height = w, max(h-lipgloss.Height(m.head()), 1)
	if m.text != "" {
		if m.charts {
			m.setContent()
		} else {
			m.show()
		}
	}
	return m
}

// setContent takes the lines to scroll: the log's text, or the charts.
func (m *dailyTab) setContent() {
	switch {
	case !m.charts:
		// Whole lines: a log wider than the screen scrolls sideways (< >).
		m.lines = m.textLines
	case m.log == nil || m.trend == nil:
		m.lines = []string{m.env.st.muted.Render(m.env.tr(lang.Loading))}
	default:
		m.lines = chartLines(m.env, m.log, m.trend, m.width)
	}
	m.longest = -1
	m.show()
}

// show puts the lines from top that fit, from column left, into the
// viewport.
func (m *dailyTab) show() {
	h := m.view.Height
	m.top = max(0, min(m.top, len(m.lines)-h))
	end := min(len(m.lines), m.top+h)
	window := m.lines[m.top:end]
	if m.left > 0 {
		window = slices.Clone(window)
		for i, l := range window {
			window[i] = ansi.Cut(l, m.left, m.left+m.view.Width)
		}
	}
	m.view.SetContent(strings.Join(window, "\n"))
}

// scroll moves the first line shown by n and shows from there.
func (m *dailyTab) scroll(n int) {
	m.top += n
	m.show()
}

// scrollSideways moves the first column shown by n, no further right than
// the longest line allows.
func (m *dailyTab) scrollSideways(n int) {
	if m.longest < 0 {
		m.longest = 0
		for _, l := range m.lines {
			m.longest = max(m.longest, lineWidth(l))
		}
	}
	m.left = max(0, min(m.left+n, m.longest-m.view.Width))
	m.show()
}

func (m dailyTab) capturing() bool { return false }

// renderLog renders day's log in format for whoever is on duty: the whole
// log when backlog < 0, else the brief one with that many backlog rows.
func renderLog(e *env, day store.Day, format string, backlog int) ([]byte, *store.DailyLog, error) {
	ctx, cancel := e.readCtx()
	defer cancel()
	var log *store.DailyLog
	var err error
	if backlog < 0 {
		log, err = e.db.DailyLog(ctx, day, day)
	} else {
		log, err = e.db.DailyLogBrief(ctx, day, day, backlog)
	}
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	err = report.Write(&buf, log, format, report.Options{Lang: e.lang, PrintedBy: e.staff, PrintedAt: e.db.Now()})
	return buf.Bytes(), log, err
}

// readDay reads day's brief log and renders it as the preview shows it.
func readDay(e *env, day store.Day) (dailyLoadedMsg, error) {
	out, log, err := renderLog(e, day, "text", backlogShown)
	if err != nil {
		return dailyLoadedMsg{}, err
	}
	text := string(out)
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	return dailyLoadedMsg{day: day, text: text, lines: lines, wide: textWidth(lines), log: log, read: e.db.Now()}, nil
}

// readAheadCmd reads day's preview for the cache alone.
func readAheadCmd(e *env, day store.Day, gen int) tea.Cmd {
	return func() tea.Msg {
		msg, err := readDay(e, day)
		if err != nil {
			// Only the cache asked: the day is read again when shown,
			// and its error shown then.
			return nil
		}
		msg.gen, msg.ahead = gen, true
		return msg
	}
}

// logFresh is how long a kept preview is shown without reading it again:
// the log counts as of its reading (overdue, the backlog, the time printed),
// so an older one is shown at once and read again behind it.
const logFresh = 30 * time.Second

// load renders the shown day's log, and reads its trend while the charts
// show. A day kept in the cache is shown from it.
func (m dailyTab) load() tea.Cmd {
	e, day, charts, gen := m.env, m.env.shownDay(m.day), m.charts, m.cache.gen
	var cmds []tea.Cmd
	if kept, ok := m.cache.days[day]; ok && !charts {
		cmds = append(cmds, func() tea.Msg { return kept })
		if e.db.Now().Sub(kept.read) < logFresh {
			return cmds[0]
		}
	}
	return tea.Batch(append(cmds, func() tea.Msg {
		msg, err := readDay(e, day)
		if err != nil {
			return errMsg{err}
		}
		msg.gen = gen
		if charts {
			ctx, cancel := e.readCtx()
			defer cancel()
			// The charts draw the days' figures: no backlog rows.
			if msg.trend, err = e.db.DailyLogBrief(ctx, day.AddDays(1-trendDays), day, 0); err != nil {
				return errMsg{err}
			}
		}
		return msg
	})...)
}

// readAhead reads the days beside the shown one into the cache, those not
// kept nor being read already.
func (m dailyTab) readAhead() tea.Cmd {
	c := m.cache
	if !c.ahead || m.charts {
		return nil
	}
	c.keepNear(m.shown)
	var cmds []tea.Cmd
	for _, d := range []store.Day{m.shown.AddDays(-1), m.shown.AddDays(1)} {
		if _, ok := c.days[d]; !ok && !c.reading[d] {
			c.reading[d] = true
			cmds = append(cmds, readAheadCmd(m.env, d, c.gen))
		}
	}
	return tea.Batch(cmds...)
}

// logCache keeps the previews the tab read, by day. Only the tab's Update
// touches it; the commands that read carry the generation they began in,
// and an answer from before a drop is not kept.
type logCache struct {
	days    map[store.Day]dailyLoadedMsg
	reading map[store.Day]bool // read ahead, not answered yet
	gen     int                // moves at every drop
	ahead   bool               // read the days beside the shown one
}

// logCacheDays is how many days the cache keeps: the shown one and a few
// around it.
const logCacheDays = 7

func newLogCache() *logCache {
	return &logCache{days: map[store.Day]dailyLoadedMsg{}, reading: map[store.Day]bool{}, ahead: true}
}

// put keeps msg, unless something was dropped since its read began.
func (c *logCache) put(msg dailyLoadedMsg) {
	if msg.ahead {
		delete(c.reading, msg.day)
	}
	if msg.gen != c.gen {
		return
	}
	msg.trend, msg.ahead = nil, false
	c.days[msg.day] = msg
}

// keepNear forgets the days farthest from day beyond logCacheDays.
func (c *logCache) keepNear(day store.Day) {
	for len(c.days) > logCacheDays {
		var far store.Day
		farthest := -1
		for d := range c.days {
			if n := daysApart(d, day); n > farthest {
				far, farthest = d, n
			}
		}
		delete(c.days, far)
	}
}

// daysApart is how many days lie between a and b, either way.
func daysApart(a, b store.Day) int {
	t := func(d store.Day) time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }
	n := int(t(a).Sub(t(b)).Round(24*time.Hour) / (24 * time.Hour))
	return max(n, -n)
}

// drop forgets the days a committed write may have changed. A check-in or
// a new request belongs to the day it was made and is in no earlier day's
// log; any other write may change any day: a status moves a request in or
// out of every later day's backlog, a booking may be for any day, and a
// correction, a void, the settings or another process's write reach
// anything.
func (c *logCache) drop(e *env, ev store.Event) {
	var from store.Day // zero: every day
	if ev.Kind == store.KindVisit && ev.Action == "checked_in" || ev.Kind == store.KindRequest && ev.Action == "created" {
		from = e.db.DayOf(ev.At)
	}
	for d := range c.days {
		if from.IsZero() || !d.Before(from) {
			delete(c.days, d)
		}
	}
	c.gen++
	clear(c.reading)
}

// printLogCmd prints the day's log as an A4 PDF (through Chromium), with
// lp where the machine has it, else writes it beside the database.
func printLogCmd(e *env, day store.Day) tea.Cmd {
	return printFileCmd(e.db, e.tr(lang.FileDailyLog)+"-"+day.String(), "pdf", e.lang, func() ([]byte, error) {
		out, _, err := renderLog(e, day, "pdf", -1)
		return out, err
	})
}

// exportCmd writes the day's log as CSV beside the database.
func exportCmd(e *env, day store.Day) tea.Cmd {
	return func() tea.Msg {
		out, _, err := renderLog(e, day, "csv", -1)
		if err != nil {
			return errMsg{err}
		}
		path, err := writeNewFile(filepath.Dir(e.db.Path()), e.tr(lang.FileDailyLog)+"-"+day.String(), "csv", out)
		if err != nil {
			return errMsg{err}
		}
		return noticeMsg(fmt.Sprintf(e.tr(lang.Wrote), path))
	}
}

// Update scrolls, moves through days, prints and exports.
func (m dailyTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case eventMsg:
		m.cache.drop(m.env, store.Event(msg))
		return m, nil
	case dailyLoadedMsg:
		m.cache.put(msg)
		if msg.ahead || !m.day.IsZero() && msg.day != m.day {
			return m, nil // read ahead, or a slower answer for a day no longer shown
		}
		same := msg.day == m.shown
		if same && msg.read.Before(m.read) {
			return m, nil // the kept reading, come after the fresh one
		}
		m.day, m.shown, m.text, m.textLines, m.wide, m.log, m.read = msg.day, msg.day, msg.text, msg.lines, msg.wide, msg.log, msg.read
		if msg.trend != nil || !same {
			// An answer asked before the charts showed has no trend; it
			// does not take away the one the charts asked for.
			m.trend = msg.trend
		}
		if !same {
			m.top = 0
		}
		m.setContent()
		return m, m.readAhead()
	case tea.KeyMsg:
		if m.env == nil {
			return m, nil
		}
		if day, ok := pageDay(m.env, m.day, msg); ok {
			m.day = day
			return m, m.load()
		}
		k := m.env.keys
		switch {
		case key.Matches(msg, k.Print):
			return m, tea.Batch(notice(m.env.tr(lang.MakingPDF)), printLogCmd(m.env, m.day))
		case key.Matches(msg, k.Charts):
			m.charts = !m.charts
			if m.charts {
				m.trend = nil // read afresh, to the day shown
			}
			m.top = 0
			m.setContent()
			return m, m.load()
		case key.Matches(msg, k.Export):
			return m, exportCmd(m.env, m.day)
		case key.Matches(msg, k.Up):
			m.scroll(-1)
		case key.Matches(msg, k.Down):
			m.scroll(1)
		case key.Matches(msg, k.PageUp):
			m.scroll(-m.view.Height)
		case key.Matches(msg, k.PageDown):
			m.scroll(m.view.Height)
		case key.Matches(msg, k.Home):
			m.scroll(-len(m.lines))
		case key.Matches(msg, k.End):
			m.scroll(len(m.lines)) // the viewport holds only the lines on show
		case key.Matches(msg, k.ScrollLeft):
			m.scrollSideways(-m.width / 2)
		case key.Matches(msg, k.ScrollRight):
			m.scrollSideways(m.width / 2)
		}
	}
	return m, nil
}

// ShortHelp lists the tab's main keys.
func (m dailyTab) ShortHelp() []key.Binding {
	k := m.env.keys
	return []key.Binding{k.PrevDay, k.NextDay, k.Print, k.Export}
}

// FullHelp lists all the tab's keys.
func (m dailyTab) FullHelp() [][]key.Binding {
	k := m.env.keys
	return [][]key.Binding{{k.PrevDay, k.NextDay, k.Today}, {k.Up, k.Down, k.PageUp, k.PageDown, k.ScrollLeft, k.ScrollRight}, {k.Charts, k.Print, k.Export}}
}

// View draws the heading and the scrolled log.
func (m dailyTab) View() string {
	e := m.env
	head := m.head()
	body := m.view.View()
	if strings.TrimSpace(m.text) == "" {
		body = e.st.muted.Render(e.tr(lang.EmptyLog))
	}
	return head + "\n" + body
}

// head is what the preview draws above the log: its title and a blank line.
func (m dailyTab) head() string {
	e := m.env
	title := lang.DailyTitle
	if m.charts {
		title = lang.ChartTitle
	}
	head := e.st.heading.Render(clip(fmt.Sprintf(e.tr(title), e.dayTitle(e.shownDay(m.day))), m.width))
	if !m.charts && m.wide > m.width {
		// The log is wider than the screen: say how to see the rest.
		head = clip(head+"  "+e.st.muted.Render(helpLine(e.keys.ScrollLeft, e.keys.ScrollRight)), m.width)
	}
	return head + "\n"
}

func (m dailyTab) title() lang.Text       { return lang.TabDaily }
func (m dailyTab) keeps(kind string) bool { return false }
func (m dailyTab) dirty() bool            { return false }

// Open keeps no record: the log is read, not opened.
func (m dailyTab) Open(openRecordMsg) (tab, tea.Cmd, bool) { return m, nil, false }

// textWidth is the width of the widest of lines, trailing spaces aside. No
// line of the text log is wider than report.PageWidth, and its rule under
// the heading is that wide: measuring stops there, at the fourth line.
func textWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		if w = max(w, lineWidth(strings.TrimRight(l, " "))); w >= report.PageWidth {
			break
		}
	}
	return w
}

// lineWidth is the cells a line takes. Lines of printable ASCII and common
// Chinese (the log's own text) are counted rune by rune; any other rune, or
// an escape sequence, is left to ansi.StringWidth, which is exact but reads
// every grapheme cluster and was a sixth of a day change on a busy day.
func lineWidth(l string) int {
	w := 0
	for _, r := range l {
		switch {
		case r >= 0x20 && r < 0x7f:
			w++
		case r >= 0x4e00 && r <= 0x9fff, r >= 0x3400 && r <= 0x4dbf, r >= 0xff01 && r <= 0xff60, r >= 0x3000 && r <= 0x301f:
			w += 2
		default:
			return ansi.StringWidth(l)
		}
	}
	return w
}
