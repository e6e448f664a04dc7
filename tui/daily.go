package tui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

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
}

// dailyLoadedMsg is a day's log, rendered as text, and the trend to it
// when the charts asked for it.
type dailyLoadedMsg struct {
	day   store.Day
	text  string
	wide  int // textWidth(text)
	log   *store.DailyLog
	trend *store.DailyLog
}

func newDailyTab(e *env) tab { return dailyTab{env: e, view: viewport.New(80, 10)} }

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
		m.lines = strings.Split(strings.TrimRight(m.text, "\n"), "\n")
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

// renderLog renders day's log in format for whoever is on duty.
func renderLog(e *env, day store.Day, format string) ([]byte, *store.DailyLog, error) {
	ctx, cancel := e.ctx()
	defer cancel()
	log, err := e.db.DailyLog(ctx, day, day)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	err = report.Write(&buf, log, format, report.Options{Lang: e.lang, PrintedBy: e.staff, PrintedAt: e.db.Now()})
	return buf.Bytes(), log, err
}

// load renders the shown day's log, and reads its trend while the charts
// show.
func (m dailyTab) load() tea.Cmd {
	e, day, charts := m.env, m.day, m.charts
	return func() tea.Msg {
		day = e.shownDay(day)
		out, log, err := renderLog(e, day, "text")
		if err != nil {
			return errMsg{err}
		}
		msg := dailyLoadedMsg{day: day, text: string(out), wide: textWidth(string(out)), log: log}
		if charts {
			ctx, cancel := e.ctx()
			defer cancel()
			if msg.trend, err = e.db.DailyLog(ctx, day.AddDays(1-trendDays), day); err != nil {
				return errMsg{err}
			}
		}
		return msg
	}
}

// printLogCmd prints the day's log as an A4 PDF (through Chromium), with
// lp where the machine has it, else writes it beside the database.
func printLogCmd(e *env, day store.Day) tea.Cmd {
	return printFileCmd(e.db, e.tr(lang.FileDailyLog)+"-"+day.String(), "pdf", e.lang, func() ([]byte, error) {
		out, _, err := renderLog(e, day, "pdf")
		return out, err
	})
}

// exportCmd writes the day's log as CSV beside the database.
func exportCmd(e *env, day store.Day) tea.Cmd {
	return func() tea.Msg {
		out, _, err := renderLog(e, day, "csv")
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
	case dailyLoadedMsg:
		if !m.day.IsZero() && msg.day != m.day {
			return m, nil // a slower answer for a day no longer shown
		}
		same := msg.day == m.shown
		m.day, m.shown, m.text, m.wide, m.log = msg.day, msg.day, msg.text, msg.wide, msg.log
		if msg.trend != nil || !same {
			// An answer asked before the charts showed has no trend; it
			// does not take away the one the charts asked for.
			m.trend = msg.trend
		}
		if !same {
			m.top = 0
		}
		m.setContent()
		return m, nil
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
			m.scroll(-m.view.TotalLineCount())
		case key.Matches(msg, k.End):
			m.scroll(m.view.TotalLineCount())
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

// textWidth is the width of the widest line of s, trailing spaces aside.
func textWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, lineWidth(strings.TrimRight(l, " ")))
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
