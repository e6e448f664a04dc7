package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"frontdesk/lang"
	"frontdesk/store"
)

// visitsMode is what the visits tab shows.
type visitsMode int

const (
	visitsList visitsMode = iota
	visitsForm
	visitsEdit // correcting the selected visit
	visitsVoid // asking why the selected visit is voided
)

// yesNo are the two answers of a yes/no choice.
var yesNo = []store.Label{{Code: "no", Text: lang.No}, {Code: "yes", Text: lang.Yes}}

// visitsTab lists a day's visits, logs new ones with returning-visitor
// lookup, checks visitors out and searches the history.
type visitsTab struct {
	env           *env
	width, height int
	mode          visitsMode
	day           store.Day
	visits        []store.Visit
	table         table
	detail        bool

	form      form
	found     []store.Visitor
	foundAt   int
	lookupSeq int
	saving    bool

	search searchBox
	query  string // the search whose results show; "" for the day
	// searchBefore is the search that showed when the box opened, for esc.
	searchBefore string
	focusID      int64 // a visit to select and show once loaded

	voids   map[int64]store.Void // the listed visits that are voided
	hist    []store.Correction   // the selected visit's corrections, for its details
	histID  int64                // the visit hist belongs to
	editing store.Visit          // the visit the edit or void form is for
	filled  int64                // the returning visitor the form was filled with
	pane    sidePane             // the selected visit's details beside a wide list
}

// visitsLoadedMsg is a day's visits, or a search's results when query is set.
type visitsLoadedMsg struct {
	day    store.Day
	query  string
	visits []store.Visit
	voids  map[int64]store.Void
}

// visitorsFoundMsg answers a returning-visitor lookup.
type visitorsFoundMsg struct {
	seq      int
	visitors []store.Visitor
}

// visitSavedMsg says a visit was checked in or out.
type visitSavedMsg struct {
	visit store.Visit
	out   bool
}

// visitErrMsg is the store's answer to a check-in it refused.
type visitErrMsg struct{ err error }

func newVisitsTab(e *env) tab {
	return visitsTab{env: e, search: newSearchBox(e, e.tr(lang.SearchPrompt), 30)}
}

// SetSize gives the tab its room.
func (m visitsTab) SetSize(w, h int) tab { m.width, m.height = w, h; return m }

func (m visitsTab) capturing() bool { return m.mode != visitsList || m.search.open }

func (m visitsTab) dirty() bool { return m.mode != visitsList && m.form.dirty() }

// load reads the day's visits, or reruns the search that shows.
func (m visitsTab) load() tea.Cmd {
	db, e, day, q := m.env.db, m.env, m.day, m.query
	return func() tea.Msg {
		ctx, cancel := e.readCtx()
		defer cancel()
		var vs []store.Visit
		var err error
		if q != "" {
			vs, err = db.SearchVisits(ctx, q, 200)
		} else {
			day = e.shownDay(day)
			vs, err = db.VisitsOn(ctx, day)
		}
		if err != nil {
			return errMsg{err}
		}
		ids := make([]int64, len(vs))
		for i, v := range vs {
			ids[i] = v.ID
		}
		voids, err := db.Voids(ctx, store.KindVisit, ids)
		if err != nil {
			return errMsg{err}
		}
		return visitsLoadedMsg{day: day, query: q, visits: vs, voids: voids}
	}
}

func findVisitorsCmd(e *env, q string, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		vs, err := e.db.FindVisitors(ctx, q, 5)
		if err != nil {
			return errMsg{err}
		}
		return visitorsFoundMsg{seq: seq, visitors: vs}
	}
}

func checkInCmd(e *env, in store.VisitInput) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		v, err := e.db.CheckIn(ctx, in)
		if err != nil {
			return visitErrMsg{err}
		}
		return visitSavedMsg{visit: v}
	}
}

func checkOutCmd(e *env, id int64) tea.Cmd {
	staff := e.staff
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		v, err := e.db.CheckOut(ctx, id, staff)
		if err != nil {
			return errMsg{err}
		}
		return visitSavedMsg{visit: v, out: true}
	}
}

// newVisitForm is the check-in form, lookup first.
func (m visitsTab) newVisitForm() form {
	e := m.env
	f := newForm(e, e.tr(lang.NewVisit))
	f.text("lookup", e.tr(lang.Lookup), "", 20)
	f.text("name", e.tr(lang.ColName), "", 30)
	f.text("phone", e.tr(lang.ColPhone), "", 20)
	f.text("org", e.tr(lang.ColOrg), "", 60)
	f.choose("purpose", e.tr(lang.ColPurpose), store.Purposes, "business")
	f.choose("party", e.tr(lang.Party), yesNo, "no")
	f.text("headcount", e.tr(lang.Headcount), "1", 4)
	f.replaceDefault("headcount")
	f.text("note", e.tr(lang.Note), "", 200)
	f.info = e.tr(lang.LookupHint)
	return f
}

// input reads the form as a check-in.
func (m *visitsTab) input() (store.VisitInput, bool) {
	f := &m.form
	n, ok := f.number("headcount")
	in := store.VisitInput{Name: f.value("name"), Phone: f.value("phone"), Org: f.value("org"),
		Purpose: f.value("purpose"), PartyMember: f.value("party") == "yes", Headcount: n,
		Note: f.value("note"), Actor: m.env.staff, Source: store.SourceDesk}
	return in, ok
}

// validate runs the store's rules on what is typed so far.
func (m *visitsTab) validate(force bool) (store.VisitInput, bool) {
	in, ok := m.input()
	if !ok {
		m.form.clearErrors()
		m.form.fieldError("headcount", m.env.tr(lang.NotInt))
		return in, false
	}
	if in.Headcount == 0 && m.form.value("headcount") != "" {
		// A typed 0 is a mistake, not the default of 1.
		m.form.clearErrors()
		m.form.fieldError("headcount", store.ErrorMessage(store.CheckHeadcount(0), m.env.lang))
		return in, false
	}
	_, err := in.Validate()
	m.form.showError(err, force)
	return in, err == nil
}

// lookupDigit is a digit typed on the visits list that no tab takes: it
// starts the returning-visitor lookup, the form opening with it typed. The
// digits of the tab bar (1–6 now) stay tab keys on every tab, so that a
// desk's fingers never land on a different tab by the list they are on; a
// number starting with one of them is typed after n. Once the lookup is
// open every digit is the lookup's.
func lookupDigit(msg tea.KeyMsg, k keyMap) (string, bool) {
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 || msg.Runes[0] < '0' || msg.Runes[0] > '9' || msg.Alt {
		return "", false
	}
	for _, b := range k.Tabs {
		if key.Matches(msg, b) {
			return "", false
		}
	}
	return string(msg.Runes), true
}

// carryLookup puts what was typed in the lookup into the empty name or
// phone field when no returning visitor was picked: a new visitor's name or
// number is typed once.
func (m *visitsTab) carryLookup() {
	q := m.form.value("lookup")
	if q == "" {
		return
	}
	switch kind, v := store.ClassifyLookup(q); kind {
	case store.LookupPhone:
		if m.form.value("phone") == "" {
			m.form.set("phone", v)
		}
	case store.LookupName:
		if m.form.value("name") == "" {
			m.form.set("name", v)
		}
	}
	m.found = nil
}

// lastPurposeMsg is a returning visitor's last purpose, to offer.
type lastPurposeMsg struct {
	visitor int64
	purpose string
}

func lastPurposeCmd(e *env, visitor int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		p, err := e.db.LastPurpose(ctx, visitor)
		if err != nil {
			return errMsg{err}
		}
		return lastPurposeMsg{visitor, p}
	}
}

// fill puts a returning visitor into the form.
func (m *visitsTab) fill(v store.Visitor) {
	m.filled = v.ID
	m.form.set("name", v.Name)
	m.form.set("phone", v.Phone)
	m.form.set("org", v.Org)
	if v.PartyMember {
		m.form.set("party", "yes")
	} else {
		m.form.set("party", "no")
	}
	m.found = nil
	m.form.setFocus("purpose")
	m.validate(false)
	m.form.info = ""
	// A visitor still in the building is perhaps at the desk to leave.
	if m.query == "" && m.env.shownDay(m.day) == m.env.db.Today() {
		for _, in := range m.visits {
			if in.Open() && in.Name == v.Name && in.Phone == v.Phone && !m.isVoided(in) {
				m.form.info = fmt.Sprintf(m.env.tr(lang.AlreadyIn), v.Name, m.env.clock(in.CheckedInAt))
			}
		}
	}
}

// Update answers the tab's data and keys.
func (m visitsTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case visitsLoadedMsg:
		// A slower answer to an earlier day or search is not what shows.
		if msg.query != m.query || (msg.query == "" && !m.day.IsZero() && msg.day != m.day) {
			return m, nil
		}
		m.day, m.visits, m.voids = msg.day, msg.visits, msg.voids
		m.table.rows, m.table.marks = m.table.rows[:0], m.table.marks[:0]
		for _, v := range msg.visits {
			m.table.rows = append(m.table.rows, m.row(v))
			var mark func(string) string
			if _, ok := m.voids[v.ID]; ok {
				mark = func(s string) string { return m.env.st.muted.Render(s) }
			}
			m.table.marks = append(m.table.marks, mark)
		}
		if m.focusID != 0 {
			if i := slices.IndexFunc(msg.visits, func(v store.Visit) bool { return v.ID == m.focusID }); i >= 0 {
				m.table.cursor, m.detail = i, true
			}
			m.focusID = 0
		}
		m.table.clampCursor(m.tableHeight())
		m.followPane()
		return m, m.loadHistory()
	case correctionsMsg:
		// Only the selected visit's: an answer for a row the cursor has
		// left may come after the one for the row it is on.
		if v, ok := m.selected(); ok && msg.kind == store.KindVisit && msg.id == v.ID {
			m.hist, m.histID = msg.list, msg.id
		}
		return m, nil
	case recordChangedMsg:
		if msg.kind != store.KindVisit {
			return m, nil
		}
		m.saving, m.mode, m.histID = false, visitsList, 0
		return m, tea.Batch(m.load(), notice(msg.text))
	case changeErrMsg:
		if msg.kind == store.KindVisit {
			m.saving = false
			m.form.showError(msg.err, true)
		}
		return m, nil
	case lastPurposeMsg:
		// Offered, not forced: the purpose field is where the form waits.
		if m.mode == visitsForm && msg.visitor == m.filled && msg.purpose != "" && m.form.focused() == "purpose" {
			m.form.set("purpose", msg.purpose)
			if msg.purpose == "party_report" {
				m.form.set("party", "yes")
			}
		}
		return m, nil
	case visitorsFoundMsg:
		if msg.seq == m.lookupSeq && m.mode == visitsForm {
			m.found, m.foundAt = msg.visitors, 0
		}
		return m, nil
	case visitSavedMsg:
		m.saving = false
		name := msg.visit.Name
		if msg.out {
			return m, tea.Batch(m.load(), notice(fmt.Sprintf(m.env.tr(lang.CheckedOut), name)))
		}
		m.mode = visitsList
		m.day = m.env.db.Today()
		m.query = ""
		return m, tea.Batch(m.load(), notice(fmt.Sprintf(m.env.tr(lang.CheckedIn), msg.visit.ReceiptNo, name)))
	case visitErrMsg:
		m.saving = false
		m.form.showError(msg.err, true)
		return m, nil
	case tea.KeyMsg:
		if m.env == nil {
			return m, nil
		}
		switch {
		case m.mode == visitsEdit || m.mode == visitsVoid:
			return m.updateEdit(msg)
		case m.mode == visitsForm:
			return m.updateForm(msg)
		case m.search.open:
			return m.updateSearch(msg)
		}
		return m.updateList(msg)
	}
	return m, nil
}

func notice(s string) tea.Cmd { return func() tea.Msg { return noticeMsg(s) } }

func (m visitsTab) updateList(msg tea.KeyMsg) (visitsTab, tea.Cmd) {
	if day, ok := pageDay(m.env, m.day, msg); ok {
		m.day, m.query, m.table.cursor = day, "", 0
		return m, m.load()
	}
	k := m.env.keys
	if m.table.moveByKey(msg, k, m.tableHeight()) {
		m.followPane()
		return m, m.loadHistory()
	}
	if paned(m.width) && m.pane.scroll(msg, k, m.paneText(), m.tableHeight()) {
		return m, nil
	}
	if d, ok := lookupDigit(msg, k); ok {
		m.mode, m.form, m.found = visitsForm, m.newVisitForm(), nil
		m.form.set("lookup", d)
		m.lookupSeq++
		return m, findVisitorsCmd(m.env, d, m.lookupSeq)
	}
	switch {
	case key.Matches(msg, k.Edit):
		if v, ok := m.selected(); ok && !m.isVoided(v) {
			m.editing, m.form, m.mode = v, m.editForm(v), visitsEdit
		}
		return m, nil
	case key.Matches(msg, k.Void):
		if v, ok := m.selected(); ok && !m.isVoided(v) {
			m.editing, m.form, m.mode = v, voidForm(m.env, v.ReceiptNo+" "+v.Name), visitsVoid
		}
		return m, nil
	case key.Matches(msg, k.New):
		m.mode = visitsForm
		m.form = m.newVisitForm()
		m.found = nil
		return m, nil
	case key.Matches(msg, k.Search):
		m.search, m.searchBefore = m.search.start(m.query), m.query
		return m, nil
	case key.Matches(msg, k.Back):
		if m.query != "" {
			m.query = ""
			return m, m.load()
		}
		m.detail = false
	case key.Matches(msg, k.Enter):
		m.detail = !m.detail
		return m, m.loadHistory()
	case key.Matches(msg, k.CheckOut):
		if v, ok := m.selected(); ok && v.Open() && !m.isVoided(v) {
			return m, ask(fmt.Sprintf(m.env.tr(lang.AskCheckOut), v.Name, v.ReceiptNo), checkOutCmd(m.env, v.ID))
		}
	}
	return m, nil
}

func (m visitsTab) updateSearch(msg tea.KeyMsg) (visitsTab, tea.Cmd) {
	var cmd tea.Cmd
	var act formAction
	m.search, cmd, act = m.search.Update(msg)
	switch act {
	case formChanged:
		// The history is searched as it is typed, from two characters on
		// (one would match half the file).
		if q := m.search.query(); q == "" || len([]rune(q)) >= 2 {
			m.query, m.table.cursor = q, 0
			return m, tea.Batch(cmd, m.load())
		}
	case formSubmit:
		m.query, m.table.cursor = m.search.query(), 0
		return m, m.load()
	case formCancel:
		m.query, m.table.cursor = m.searchBefore, 0
		return m, m.load()
	}
	return m, cmd
}

func (m visitsTab) updateForm(msg tea.KeyMsg) (visitsTab, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	onLookup := m.form.focused() == "lookup"
	if onLookup && len(m.found) > 0 {
		k := m.env.keys
		switch {
		case key.Matches(msg, k.SuggestDown):
			m.foundAt = min(m.foundAt+1, len(m.found)-1)
			return m, nil
		case key.Matches(msg, k.SuggestUp):
			m.foundAt = max(m.foundAt-1, 0)
			return m, nil
		case key.Matches(msg, k.Enter):
			v := m.found[m.foundAt]
			m.fill(v)
			return m, lastPurposeCmd(m.env, v.ID)
		}
	}
	if onLookup && len(m.found) == 0 && key.Matches(msg, m.env.keys.Submit) && m.form.value("lookup") != "" {
		// No returning visitor: what was typed is the new visitor's name or
		// number, and the form goes on to the next field to fill.
		m.carryLookup()
		for _, name := range []string{"name", "phone", "org"} {
			if m.form.value(name) == "" {
				m.form.setFocus(name)
				break
			}
		}
		if m.form.focused() == "lookup" {
			m.form.setFocus("purpose")
		}
		return m, nil
	}
	var act formAction
	var cmd tea.Cmd
	m.form, cmd, act = m.form.Update(msg)
	if onLookup && m.form.focused() != "lookup" {
		m.carryLookup()
	}
	// 党员报到 is a party member's: the party field follows.
	if act == formChanged && m.form.focused() == "purpose" && m.form.value("purpose") == "party_report" {
		m.form.set("party", "yes")
	}
	switch act {
	case formCancel:
		m.mode = visitsList
		return m, nil
	case formSubmit:
		in, ok := m.validate(true)
		if !ok {
			return m, nil
		}
		m.saving = true
		return m, checkInCmd(m.env, in)
	case formChanged:
		if m.form.focused() == "lookup" {
			m.lookupSeq++
			q := m.form.value("lookup")
			if q == "" {
				m.found = nil
				return m, cmd
			}
			return m, tea.Batch(cmd, findVisitorsCmd(m.env, q, m.lookupSeq))
		}
		m.validate(false)
	}
	return m, cmd
}

func (m visitsTab) selected() (store.Visit, bool) { return rowAt(m.visits, m.table.cursor) }

func (m visitsTab) row(v store.Visit) []string {
	e := m.env
	out := e.clock(v.CheckedOutAt)
	if v.AutoClosed {
		out += "*"
	}
	if _, ok := m.voids[v.ID]; ok {
		out = e.tr(lang.VoidMark)
	}
	first := e.clock(v.CheckedInAt)
	if m.query != "" {
		first = v.CheckedInAt.In(e.db.Location()).Format(lang.ShortTimeLayout)
	}
	return []string{first, out, v.Name, store.MaskPhone(v.Phone), v.Org, e.short(store.Purposes, v.Purpose), fmt.Sprint(v.Headcount)}
}

func (m visitsTab) columns() []column {
	e := m.env
	first := column{e.tr(lang.TimeIn), 5, 0}
	if m.query != "" {
		first = column{e.tr(lang.ColDate), 11, 0}
	}
	return []column{first, {e.tr(lang.TimeOut), 6, 0}, {e.tr(lang.ColName), 8, 2}, {e.tr(lang.ColPhone), 11, 0},
		{e.tr(lang.ColOrg), 8, 3}, {e.tr(lang.ColPurpose), e.labelsWidth(store.Purposes), 1}, {e.tr(lang.ColCount), 4, 0}}
}

// listHead is what the list draws above its table: the heading and the
// search line.
func (m visitsTab) listHead() string {
	e := m.env
	var head string
	if m.query != "" {
		head = fmt.Sprintf(e.tr(lang.VisitsFound), m.query, len(m.visits))
	} else {
		// Voided visits are listed, marked, but count for nothing.
		n, people := 0, 0
		for _, v := range m.visits {
			if !m.isVoided(v) {
				n, people = n+1, people+v.Headcount
			}
		}
		head = fmt.Sprintf(e.tr(lang.VisitsOn), e.dayTitle(e.shownDay(m.day)), n, people)
	}
	return e.st.heading.Render(clip(head, m.width)) + "\n" + m.search.View()
}

// listFoot is what the list draws under its table: the selected visit's
// details, when they show and no pane beside the list holds them.
func (m visitsTab) listFoot() string {
	v, ok := m.selected()
	if !m.detail || !ok || paned(m.width) {
		return ""
	}
	return detailPane(m.env, append([]string{""}, m.detailLines(v, true)...), m.selectedHist(), 3, m.width)
}

// detailLines are the details of v the list does not show; the phone is
// whole only when asked for (enter), masked as on the list otherwise.
func (m visitsTab) detailLines(v store.Visit, whole bool) []string {
	e := m.env
	return []string{fmt.Sprintf("%s  %s  %s  %s  %s:%s", v.ReceiptNo, v.Name, phoneShown(v.Phone, whole), v.Org,
		e.tr(lang.Party), e.label(yesNo, map[bool]string{true: "yes", false: "no"}[v.PartyMember])),
		e.tr(lang.Note) + ": " + v.Note + "  (" + e.actorName(v.CreatedBy) + " / " + e.label(store.Sources, v.Source) + ")"}
}

// selectedHist is the selected visit's corrections, once read.
func (m visitsTab) selectedHist() []store.Correction {
	if v, ok := m.selected(); ok && v.ID == m.histID {
		return m.hist
	}
	return nil
}

// paneText is the selected visit's details with all its corrections, for
// the pane beside the list.
func (m visitsTab) paneText() paneText {
	v, ok := m.selected()
	if !ok {
		return paneText{}
	}
	hist := m.selectedHist()
	return paneText{body: detailPane(m.env, m.detailLines(v, m.detail), hist, len(hist), paneTextWidth(m.env.st, m.width))}
}

// followPane points the pane at the selected visit.
func (m *visitsTab) followPane() {
	if v, ok := m.selected(); ok {
		m.pane.follow(v.ID)
	}
}

// tableHeight is the room between the list's head and foot.
func (m visitsTab) tableHeight() int {
	h := m.height - lipgloss.Height(m.listHead())
	if foot := m.listFoot(); foot != "" {
		h -= lipgloss.Height(foot)
	}
	return max(h, 2)
}

// ShortHelp lists the tab's main keys.
func (m visitsTab) ShortHelp() []key.Binding {
	k := m.env.keys
	if m.mode != visitsList || m.search.open {
		return []key.Binding{k.Submit, k.Back}
	}
	if paned(m.width) {
		return []key.Binding{k.New, k.CheckOut, k.Search, k.PrevDay, k.NextDay, k.PaneDown}
	}
	return []key.Binding{k.New, k.CheckOut, k.Search, k.PrevDay, k.NextDay}
}

// FullHelp lists all the tab's keys.
func (m visitsTab) FullHelp() [][]key.Binding {
	k := m.env.keys
	keys := [][]key.Binding{{k.New, k.CheckOut, k.Search, k.Enter, k.Back}, {k.Up, k.Down, k.PrevDay, k.NextDay, k.Today},
		{k.Edit, k.Void}}
	if paned(m.width) {
		keys[2] = append(keys[2], k.PaneDown)
	}
	return keys
}

// View draws the form, or the list with its heading.
func (m visitsTab) View() string {
	e := m.env
	st := e.st
	switch m.mode {
	case visitsForm:
		return m.form.View(m.width, st, "lookup", m.suggestions())
	case visitsEdit, visitsVoid:
		return m.form.View(m.width, st, "", "")
	}
	m.table.cols = m.columns()
	h := m.tableHeight()
	out := m.listHead() + "\n" + besideList(st, m.pane, m.paneText(), m.width, h, func(w int) string { return m.table.render(w, h, st, true) })
	if foot := m.listFoot(); foot != "" {
		// The table stops short when its rows are few; the details follow it.
		out += "\n" + foot
	}
	return out
}

// suggestions draws the returning visitors the lookup found.
func (m visitsTab) suggestions() string {
	if len(m.found) == 0 {
		return ""
	}
	e := m.env
	var lines []string
	for i, v := range m.found {
		party := ""
		if v.PartyMember {
			party = e.tr(lang.Party)
		}
		line := fmt.Sprintf("%s %s %s %s %s", fit(v.Name, 8), store.MaskPhone(v.Phone), fit(v.Org, 16),
			fit(fmt.Sprintf(e.tr(lang.VisitsTimes), v.VisitCount), 10), party)
		lines = append(lines, offerRow(e.st, i == m.foundAt, line, m.width))
	}
	return strings.Join(lines, "\n")
}

func (m visitsTab) title() lang.Text       { return lang.TabVisits }
func (m visitsTab) keeps(kind string) bool { return kind == store.KindVisit }

// Open shows a visit on its day, selected with its details.
func (m visitsTab) Open(r openRecordMsg) (tab, tea.Cmd, bool) {
	if r.kind != store.KindVisit {
		return m, nil, false
	}
	if !m.dirty() {
		m.mode, m.query, m.day, m.focusID = visitsList, "", m.env.db.DayOf(r.at), r.id
	}
	return m, nil, true
}

func (m visitsTab) isVoided(v store.Visit) bool { _, ok := m.voids[v.ID]; return ok }

// loadHistory reads the selected visit's corrections while its details show.
func (m visitsTab) loadHistory() tea.Cmd {
	v, ok := m.selected()
	if !(m.detail || paned(m.width)) || !ok || v.ID == m.histID {
		return nil
	}
	return loadCorrectionsCmd(m.env, store.KindVisit, v.ID)
}

// editForm is the correction form of v, holding what is stored.
func (m visitsTab) editForm(v store.Visit) form {
	e := m.env
	f := newForm(e, fmt.Sprintf(e.tr(lang.EditVisit), v.ReceiptNo))
	f.text("name", e.tr(lang.ColName), v.Name, 30)
	f.text("org", e.tr(lang.ColOrg), v.Org, 60)
	f.choose("purpose", e.tr(lang.ColPurpose), store.Purposes, v.Purpose)
	party := "no"
	if v.PartyMember {
		party = "yes"
	}
	f.choose("party_member", e.tr(lang.Party), yesNo, party)
	f.text("headcount", e.tr(lang.Headcount), fmt.Sprint(v.Headcount), 4)
	f.text("checked_in_at", e.tr(lang.TimeIn), e.clock(v.CheckedInAt), 5)
	f.text("checked_out_at", e.tr(lang.TimeOut), e.clock(v.CheckedOutAt), 5)
	return f
}

// visitEdit reads the correction form; a time the desk cannot read is
// named beside its field.
func (m visitsTab) visitEdit() (store.VisitEdit, error) {
	f := m.form
	v := m.editing
	ed := store.VisitEdit{Name: f.value("name"), Org: f.value("org"), Purpose: f.value("purpose"),
		PartyMember: f.value("party_member") == "yes", Actor: m.env.staff}
	n, ok := f.number("headcount")
	if !ok {
		return ed, &store.Error{Code: store.EINVALID, Field: "headcount", Text: lang.NotInt}
	}
	ed.Headcount = n
	day := m.env.db.DayOf(v.CheckedInAt)
	var err error
	if ed.CheckedInAt, err = m.env.readTime(day, f.value("checked_in_at"), "checked_in_at"); err != nil {
		return ed, err
	}
	if s := f.value("checked_out_at"); s != "" {
		if ed.CheckedOutAt, err = m.env.readTime(day, s, "checked_out_at"); err != nil {
			return ed, err
		}
	}
	return ed, nil
}

func correctVisitCmd(e *env, v store.Visit, ed store.VisitEdit) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		if _, err := e.db.CorrectVisit(ctx, v.ID, ed); err != nil {
			return changeErrMsg{store.KindVisit, err}
		}
		return recordChangedMsg{store.KindVisit, v.ID, fmt.Sprintf(e.tr(lang.CorrectDone), v.ReceiptNo)}
	}
}

// updateEdit runs the correction and void forms.
func (m visitsTab) updateEdit(msg tea.KeyMsg) (visitsTab, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	var act formAction
	var cmd tea.Cmd
	m.form, cmd, act = m.form.Update(msg)
	switch act {
	case formCancel:
		m.mode = visitsList
		return m, nil
	case formSubmit:
		if m.mode == visitsVoid {
			m.saving = true
			return m, voidCmd(m.env, store.KindVisit, m.editing.ID, m.editing.ReceiptNo, m.form.value("reason"))
		}
		ed, err := m.visitEdit()
		if err != nil {
			m.form.showError(err, true)
			return m, nil
		}
		m.saving = true
		return m, correctVisitCmd(m.env, m.editing, ed)
	}
	return m, cmd
}
