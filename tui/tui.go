// Package tui is the desk's terminal UI: a Bubble Tea program with a tab for
// today, visits, requests, bookings and the daily log. It asks the store for
// everything and decides nothing the store decides.
package tui

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"frontdesk/lang"
	"frontdesk/store"
)

// Link is a kiosk form the QR view shows.
type Link struct {
	Title string
	URL   string
}

// Options configure the desk.
type Options struct {
	Staff     string        // staff on duty; "" shows a pick list
	Lang      string        // zh or en
	KioskAddr string        // shown in the header
	KioskUp   func() bool   // whether the kiosk is listening
	Links     func() []Link // the kiosk's forms with current tokens, for the QR view
	// Remote is the client's address when the desk runs over SSH: the
	// header says 远程 with it, and quitting ends that session only.
	Remote string
	// SSHAddr and SSHFingerprint are where the SSH desks listen and their
	// host key's fingerprint, which 设置 shows so staff can check what ssh
	// shows them on a first connection; "" without --ssh.
	SSHAddr, SSHFingerprint string
	// RemoteDesks counts the desks open over SSH in this process, which
	// quitting this desk closes too; nil is none.
	RemoteDesks func() int
	// Renderer draws the desk's styles; nil is lipgloss's default, for the
	// terminal the process runs in. A desk over SSH gets its client's.
	Renderer *lipgloss.Renderer
	// Sync, when the center reports to a hub, returns the header's 上报 state
	// (last success, pending changes or the error); it must not block.
	Sync func() string
	// Coalesce is how long the desk gathers store events before it reloads
	// once; 0 means 100ms (reloads run one at a time per tab, so a short
	// window cannot pile them up).
	Coalesce time.Duration
}

// env is what every part of the desk shares: the store, the language, who
// is on duty, the styles and the keys.
type env struct {
	db    *store.DB
	lang  string
	staff string
	st    styles
	keys  keyMap
	// sshAddr and sshFingerprint describe the SSH desks (Options).
	sshAddr, sshFingerprint string
}

func (e *env) tr(t lang.Text) string { return t.In(e.lang) }

// ctx bounds one store call; the desk never waits on the store forever.
func (e *env) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 15*time.Second)
}

// readCtx bounds a tab's load. Loads run one at a time per tab (see
// reloads) and nobody waits on one with a key held, so the budget can fit
// a machine busy with many desks: under load a read queues for one of the
// store's reader connections behind every other desk's.
func (e *env) readCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), time.Minute)
}

// label returns a store label's name in the desk's language.
func (e *env) label(list []store.Label, code string) string {
	return store.LabelOf(list, code).In(e.lang)
}

// userMessage is what the screen says about err. An internal error's detail
// goes to the log (log/slog, which the command points at the log file), never
// to the screen, which gets the store's general message.
func (e *env) userMessage(err error) string {
	if store.ErrorCode(err) == store.EINTERNAL {
		slog.Error("desk", "staff", e.staff, "err", err)
	}
	return store.ErrorMessage(err, e.lang)
}

// labelsWidth is the width of the widest of list's labels in the desk's
// language as lists show them (short), so a column of them is never cut.
func (e *env) labelsWidth(list []store.Label) int {
	w := 0
	for _, l := range list {
		w = max(w, visibleWidth(e.short(list, l.Code)))
	}
	return w
}

// short is the label of code as a list shows it: in English the short form
// of a long name (lang.ListShort), so a column of 80-column list holds it
// whole; otherwise the label itself.
func (e *env) short(list []store.Label, code string) string {
	l := store.LabelOf(list, code)
	if s, ok := lang.ListShort[l.Text]; ok && e.lang == lang.EN {
		return s
	}
	return l.In(e.lang)
}

// clock formats an instant as HH:MM in the center's zone.
func (e *env) clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(e.db.Location()).Format(lang.ClockLayout)
}

// dayTitle is a day with its weekday, as headings show it.
func (e *env) dayTitle(d store.Day) string {
	return d.String() + " " + e.tr(lang.Weekdays[d.Weekday()])
}

// errMsg is any failure a command met; the footer shows it.
type errMsg struct{ err error }

// noticeMsg is a short message for the footer: what an action did.
type noticeMsg string

// askMsg asks, in the footer, before an action that is not easily taken
// back (a check-out, an approval, a no-show): y runs yes, any other key
// drops it.
type askMsg struct {
	question string
	yes      tea.Cmd
}

func ask(question string, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return askMsg{question, yes} }
}

// tickMsg moves the header clock.
type tickMsg time.Time

// stage is what the desk shows: the first-run setup, the staff pick, or the
// tabs.
type stage int

const (
	stageSetup stage = iota
	stageStaff
	stageDesk
)

// Model is the desk's root model: it owns the window size, the global keys,
// the header with the tab bar, and the footer; each tab draws the rest.
type Model struct {
	env  *env
	opts Options

	width, height int
	stage         stage
	active        int
	returnTo      int // the tab Esc goes back to after a jump from 今日 into a record; -1 none

	setup  setupModel
	staff  staffModel
	tabs   []tab // in the order of the bar; see tab.go to add one
	qr     qrView
	showQR bool

	help        help.Model
	fullHelp    bool
	confirmQuit bool
	asking      *askMsg // a question the footer asks before an action
	notice      string
	errText     string

	live    live
	reloads reloads
}

// New returns the desk's root model.
func New(db *store.DB, opts Options) tea.Model { return newModel(db, opts) }

func newModel(db *store.DB, opts Options) *Model {
	honourNoColor()
	opts.Lang = lang.Code(opts.Lang)
	e := &env{db: db, lang: opts.Lang, staff: opts.Staff, st: newStyles(opts.Renderer),
		sshAddr: opts.SSHAddr, sshFingerprint: opts.SSHFingerprint}
	h := help.New()
	h.ShortSeparator = "  "
	h.FullSeparator = "    "
	h.Ellipsis = "..."
	m := &Model{env: e, opts: opts, help: h, width: 80, height: 24, returnTo: -1}
	var titles []lang.Text
	for _, make := range tabMakers {
		t := make(e)
		m.tabs = append(m.tabs, t)
		titles = append(titles, t.title())
	}
	e.keys = newKeyMap(opts.Lang, titles)
	m.qr = qrView{env: e}
	m.live = newLive(db, opts.Coalesce, len(m.tabs))
	m.reloads = newReloads(len(m.tabs))
	switch {
	case !db.Settings().Initialized():
		m.stage = stageSetup
		m.setup = newSetupModel(e)
	case e.staff == "":
		m.stage = stageStaff
		m.staff = newStaffModel(e)
	default:
		m.stage = stageDesk
	}
	m.layout()
	return m
}

// Init starts the clock, the event listener and the first loads.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tickCmd(), m.live.waitCmd(), m.firstLoad())
}

// firstLoad reads what the first screen shows.
func (m *Model) firstLoad() tea.Cmd {
	switch m.stage {
	case stageStaff:
		return m.staff.load()
	case stageDesk:
		return tea.Batch(m.startDesk(), registerStaffCmd(m.env))
	}
	return nil
}

// registerStaffCmd puts the staff member named by --staff on the staff list,
// so the next start offers them in the pick list.
func registerStaffCmd(e *env) tea.Cmd {
	name := e.staff
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		if _, err := e.db.StartDesk(ctx, name); err != nil {
			return errMsg{err}
		}
		return nil
	}
}

// startDesk loads what the tabs show once the desk is open.
func (m *Model) startDesk() tea.Cmd {
	cmds := []tea.Cmd{m.tabs[0].load(), checkKioskCmd(m.env)}
	if m.active != 0 {
		cmds = append(cmds, m.activeLoad())
	}
	return tea.Batch(cmds...)
}

func tickCmd() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// Update handles the window, the global keys and the live events, and hands
// everything else to the stage or tab that shows.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tickMsg:
		// Kiosk tokens rotate; codes on show follow them.
		if m.showQR && m.opts.Links != nil {
			m.qr.links = m.opts.Links()
		}
		return m, tickCmd()
	case errMsg:
		m.errText = m.env.userMessage(msg.err)
		m.notice = ""
		m.layout()
		return m, nil
	case noticeMsg:
		m.notice, m.errText = string(msg), ""
		m.layout()
		return m, nil
	case askMsg:
		m.asking = &msg
		m.layout()
		return m, nil
	case eventMsg, reloadMsg, kioskSeenMsg, arrivalMsg:
		return m, m.updateLive(msg)
	case tabLoadedMsg:
		return m, m.reloaded(msg)
	case reloadRetryMsg:
		return m, m.retry(msg)
	case setupDoneMsg:
		m.notice = fmt.Sprintf(m.env.tr(lang.SetupDone), m.env.db.Settings().CenterName)
		if msg.staff != "" && m.env.staff == "" {
			m.env.staff = msg.staff
		}
		if m.env.staff == "" {
			m.stage = stageStaff
			m.staff = newStaffModel(m.env)
			return m, m.staff.load()
		}
		m.stage = stageDesk
		return m, m.startDesk()
	case staffPickedMsg:
		m.env.staff = string(msg)
		m.stage = stageDesk
		return m, m.startDesk()
	case openRecordMsg:
		return m, m.open(msg)
	case tea.KeyMsg:
		// Keys that arrive in one read (a quick typist, a script) come as
		// one message of several runes; each is a key press of its own.
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				cmds = append(cmds, m.updateKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
			}
			return m, tea.Batch(cmds...)
		}
		return m, m.updateKey(msg)
	}
	return m, m.forward(msg)
}

// forward hands a message that is not a key to every part: each answers
// only its own messages.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 2, 2+len(m.tabs))
	m.setup, cmds[0] = m.setup.Update(msg)
	m.staff, cmds[1] = m.staff.Update(msg)
	for i, t := range m.tabs {
		var cmd tea.Cmd
		m.tabs[i], cmd = t.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// capturing reports whether the shown part has a text input with the focus,
// so number keys and q belong to it.
func (m *Model) capturing() bool {
	switch m.stage {
	case stageSetup:
		return true
	case stageStaff:
		return m.staff.capturing()
	}
	return m.shown().capturing()
}

// dirty reports whether a form holds input that quitting would lose.
func (m *Model) dirty() bool {
	switch m.stage {
	case stageSetup:
		return m.setup.form.dirty()
	case stageStaff:
		return false
	}
	for _, t := range m.tabs {
		if t.dirty() {
			return true
		}
	}
	return false
}

func (m *Model) updateKey(k tea.KeyMsg) tea.Cmd {
	keys := m.env.keys
	if m.confirmQuit {
		if key.Matches(k, keys.Yes) || key.Matches(k, keys.ForceQuit) {
			return m.quit()
		}
		m.confirmQuit = false
		m.layout()
		return nil
	}
	if m.asking != nil {
		a := m.asking
		m.asking = nil
		m.layout()
		if key.Matches(k, keys.Yes) {
			return a.yes
		}
		return nil
	}
	if key.Matches(k, keys.ForceQuit) || (key.Matches(k, keys.Quit) && !m.capturing()) {
		if m.dirty() || m.kioskRuns() || m.remoteDesks() > 0 {
			m.confirmQuit = true
			m.layout()
			return nil
		}
		return m.quit()
	}
	switch m.stage {
	case stageSetup:
		var cmd tea.Cmd
		m.setup, cmd = m.setup.Update(k)
		return cmd
	case stageStaff:
		var cmd tea.Cmd
		m.staff, cmd = m.staff.Update(k)
		return cmd
	}
	if m.showQR {
		switch {
		case key.Matches(k, keys.Back), key.Matches(k, keys.QR):
			m.showQR = false
			m.layout()
		case key.Matches(k, keys.PrevDay):
			m.qr.page--
		case key.Matches(k, keys.NextDay):
			m.qr.page++
		}
		return nil
	}
	if !m.capturing() {
		switch {
		case key.Matches(k, keys.Help):
			m.fullHelp = !m.fullHelp
			m.layout()
			return nil
		case key.Matches(k, keys.NextTab):
			return m.switchTab((m.active + 1) % len(m.tabs))
		case key.Matches(k, keys.PrevTab):
			return m.switchTab((m.active + len(m.tabs) - 1) % len(m.tabs))
		case key.Matches(k, keys.QR):
			m.showQR = true
			m.notice, m.errText = "", ""
			m.layout()
			m.qr.links = nil
			if m.opts.Links != nil {
				m.qr.links = m.opts.Links()
			}
			return nil
		}
	}
	if !m.capturing() {
		for i, b := range keys.Tabs {
			if key.Matches(k, b) {
				return m.switchTab(i)
			}
		}
	}
	m.errText = ""
	back := m.returnTo >= 0 && !m.capturing() && key.Matches(k, keys.Back)
	var cmd tea.Cmd
	m.tabs[m.active], cmd = m.tabs[m.active].Update(k)
	if back {
		// Esc after a jump from 今日 closes the record and goes back there.
		return tea.Batch(cmd, m.switchTab(m.returnTo))
	}
	return cmd
}

// kioskRuns reports whether the kiosk listens in this process, so quitting
// the desk stops it too. Quitting a desk over SSH ends that session only.
func (m *Model) kioskRuns() bool {
	return m.opts.Remote == "" && m.opts.KioskUp != nil && m.opts.KioskUp()
}

// remoteDesks is how many SSH desks quitting this one would close: none
// for a desk that is itself remote.
func (m *Model) remoteDesks() int {
	if m.opts.Remote != "" || m.opts.RemoteDesks == nil {
		return 0
	}
	return m.opts.RemoteDesks()
}

func (m *Model) quit() tea.Cmd {
	m.live.stop()
	return tea.Quit
}

// Close lets go of the store's events. A program that ends other than by
// the desk's own quit (an SSH client that drops) calls it when it is done.
func (m *Model) Close() error {
	m.live.stop()
	return nil
}

// open shows a record on the first tab that keeps its kind.
func (m *Model) open(r openRecordMsg) tea.Cmd {
	from := m.active
	for i, t := range m.tabs {
		if next, cmd, ok := t.Open(r); ok {
			m.tabs[i] = next
			cmd = tea.Batch(cmd, m.switchTab(i))
			if from != i {
				m.returnTo = from
			}
			return cmd
		}
	}
	return nil
}

// tabOf is the first tab that keeps records of kind, or -1.
func (m *Model) tabOf(kind string) int {
	for i, t := range m.tabs {
		if t.keeps(kind) {
			return i
		}
	}
	return -1
}

// switchTab shows tab i, clears its kiosk count and reloads it.
func (m *Model) switchTab(i int) tea.Cmd {
	if i != m.active {
		// What the footer said belonged to the tab left behind.
		m.notice, m.errText = "", ""
	}
	m.active, m.returnTo = i, -1
	m.live.badges[i] = 0
	parked := m.unpark(i)
	m.layout()
	return tea.Batch(parked, m.activeLoad())
}

// activeLoad reloads what the shown tab displays, at once: a tab that
// keeps what it read shows that while it reads again. Reloads after store
// events go through reload instead.
func (m *Model) activeLoad() tea.Cmd { return m.shown().load() }

// shown is the tab on show.
func (m *Model) shown() tab { return m.tabs[m.active] }

// layout hands each part the room left between the header and the footer.
func (m *Model) layout() {
	body := m.height - lipgloss.Height(m.headerView()) - lipgloss.Height(m.footerView())
	body = max(body, 3)
	m.help.Width = m.width
	m.setup = m.setup.SetSize(m.width, body)
	m.staff = m.staff.SetSize(m.width, body)
	for i, t := range m.tabs {
		m.tabs[i] = t.SetSize(m.width, body)
	}
	m.qr.width, m.qr.height = m.width, body
}

// View draws the header, the shown part and the footer.
func (m *Model) View() string {
	header := m.headerView()
	if b := m.banner(); b != "" {
		header = b + "\n" + header
	}
	footer := m.footerView()
	body := m.height - lipgloss.Height(header) - lipgloss.Height(footer)
	var content string
	switch {
	case m.stage == stageSetup:
		content = m.setup.View()
	case m.stage == stageStaff:
		content = m.staff.View()
	case m.showQR:
		content = m.qr.View()
	default:
		content = m.shown().View()
	}
	content = clipLines(content, m.width, max(body, 0))
	if n := lipgloss.Height(content); n < body {
		content += strings.Repeat("\n", body-n)
	}
	return header + "\n" + content + "\n" + footer
}

// headerView is the center, the date and clock, who is on duty, the kiosk,
// and the tab bar.
func (m *Model) headerView() string {
	e := m.env
	st := e.st
	s := e.db.Settings()
	name := s.CenterName
	if name == "" {
		name = "frontdesk"
	}
	now := e.db.Now().In(e.db.Location())
	up := e.tr(lang.KioskDown)
	switch {
	case !s.Initialized():
		// Before setup the kiosk answers 503: it is not 在线 yet.
		up = e.tr(lang.KioskAwaitingSetup)
	case m.opts.KioskUp != nil && m.opts.KioskUp():
		up = e.tr(lang.KioskUp)
	}
	showKiosk := m.opts.KioskAddr != "" || m.opts.KioskUp != nil
	kiosk := func(compact bool) string {
		addr := m.opts.KioskAddr
		if compact {
			addr = strings.TrimPrefix(strings.TrimPrefix(addr, "http://"), "https://")
		}
		return e.tr(lang.Kiosk) + "[" + up + "] " + addr
	}
	head := func(compact, withKiosk bool) string {
		clock := now.Format(lang.DateLayout) + " " + e.tr(lang.Weekdays[now.Weekday()]) + " " + now.Format(lang.ClockSecLayout)
		if compact {
			clock = now.Format(lang.ShortTimeLayout)
		}
		parts := []string{st.title.Render(name), clock}
		if e.staff != "" {
			parts = append(parts, e.tr(lang.Staff)+":"+e.staff)
		}
		if m.opts.Remote != "" {
			parts = append(parts, e.tr(lang.Remote)+" "+m.opts.Remote)
		}
		if withKiosk {
			parts = append(parts, kiosk(compact))
		}
		if m.opts.Sync != nil {
			parts = append(parts, m.opts.Sync())
		}
		return strings.Join(parts, "  ")
	}
	// The full header first; on a narrow screen the clock loses its seconds
	// and weekday and the address its scheme, and if that is still too wide
	// the kiosk moves down beside the tabs, so whether it is up stays in sight.
	line, kioskBelow := head(false, showKiosk), false
	if visibleWidth(line) > m.width {
		line = head(true, showKiosk)
	}
	if visibleWidth(line) > m.width && showKiosk {
		line, kioskBelow = head(true, false), true
	}
	line = clip(line, m.width)
	if m.stage != stageDesk {
		if kioskBelow {
			line += "\n" + clip(kiosk(true), m.width)
		}
		return line
	}
	tabBar := func(compact bool) string {
		var tabs []string
		for i, t := range m.tabs {
			label := fmt.Sprintf("%d %s", i+1, e.tr(t.title()))
			if n := m.live.badges[i]; n > 0 {
				label += st.badge.Render(fmt.Sprintf("(+%d)", n))
			}
			switch {
			case i == m.active:
				tabs = append(tabs, st.activeTab.Render("["+label+"]"))
			case compact:
				tabs = append(tabs, st.tab.Render(label))
			default:
				tabs = append(tabs, st.tab.Render(" "+label+" "))
			}
		}
		return strings.Join(tabs, " ")
	}
	bar := tabBar(false)
	if kioskBelow {
		k := kiosk(true)
		// Tabs drawn closer make room for the kiosk beside them.
		if m.width-visibleWidth(bar)-visibleWidth(k) < 2 {
			bar = tabBar(true)
		}
		if gap := m.width - visibleWidth(bar) - visibleWidth(k); gap >= 2 {
			bar += strings.Repeat(" ", gap) + k
		} else {
			bar += "\n" + k
		}
	}
	return line + "\n" + clipLines(bar, m.width, -1)
}

// footerView is the last message and the short (or full) help.
func (m *Model) footerView() string {
	st := m.env.st
	status := ""
	switch {
	case m.confirmQuit && m.remoteDesks() > 0:
		status = st.err.Render(wrap(fmt.Sprintf(m.env.tr(lang.QuitRemote), m.remoteDesks()), m.width))
	case m.confirmQuit && m.kioskRuns():
		status = st.err.Render(wrap(m.env.tr(lang.QuitKiosk), m.width))
	case m.confirmQuit:
		status = st.err.Render(wrap(m.env.tr(lang.QuitAsk), m.width))
	case m.asking != nil:
		status = st.err.Render(wrap(m.asking.question, m.width))
	case m.errText != "":
		status = st.err.Render(wrap("! "+m.errText, m.width))
	case m.notice != "":
		status = st.notice.Render(wrap(m.notice, m.width))
	}
	status = clipLines(status, m.width, -1)
	keys := helpKeys{short: m.shortHelp(), full: m.fullHelpKeys()}
	var h string
	if m.fullHelp {
		h = m.help.FullHelpView(keys.FullHelp())
	} else {
		h = m.help.ShortHelpView(keys.ShortHelp())
	}
	if m.showQR && status == "" {
		// The code takes every line it can: a line less and it may not fit.
		return clipLines(h, m.width, -1)
	}
	return status + "\n" + clipLines(h, m.width, -1)
}

// helpKeys adapts the shown part's bindings to bubbles/help.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp is the footer's one line of keys.
func (h helpKeys) ShortHelp() []key.Binding { return h.short }

// FullHelp is the columns of keys `?` shows.
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

func (m *Model) globalKeys() []key.Binding {
	k := m.env.keys
	return []key.Binding{k.NextTab, k.QR, k.Help, k.Quit}
}

func (m *Model) shortHelp() []key.Binding {
	switch {
	case m.stage != stageDesk:
		return []key.Binding{m.env.keys.ForceQuit}
	case m.showQR:
		return []key.Binding{m.env.keys.Back, m.env.keys.QRPage}
	}
	own := m.shown().ShortHelp()
	if m.capturing() {
		return own
	}
	return m.fitHelp(own)
}

// fitHelp is the tab's keys and the global ones that fit on the footer's
// line whole: first the global keys give way, then the tab's last ones;
// ? (all keys) always stays, so nothing is cut mid-word.
func (m *Model) fitHelp(own []key.Binding) []key.Binding {
	k := m.env.keys
	fits := func(bs []key.Binding) bool {
		v := ansi.Strip(m.help.ShortHelpView(bs))
		return visibleWidth(v) <= m.width && !strings.HasSuffix(v, m.help.Ellipsis)
	}
	for _, global := range [][]key.Binding{m.globalKeys(), {k.NextTab, k.Help, k.Quit}, {k.Help, k.Quit}, {k.Help}} {
		if bs := append(slices.Clone(own), global...); fits(bs) {
			return bs
		}
	}
	for n := len(own) - 1; n > 0; n-- {
		if bs := append(slices.Clone(own[:n]), k.Help); fits(bs) {
			return bs
		}
	}
	return []key.Binding{k.Help}
}

func (m *Model) fullHelpKeys() [][]key.Binding {
	k := m.env.keys
	return append(m.shown().FullHelp(), k.Tabs, []key.Binding{k.NextTab, k.PrevTab, k.QR, k.Help, k.Quit, k.ForceQuit})
}
