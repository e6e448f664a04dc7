package tui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"frontdesk/lang"
	"frontdesk/store"
)

// requestsMode is what the requests tab shows.
type requestsMode int

const (
	requestsList requestsMode = iota
	requestsForm
	requestsDetail
	requestsAction
)

// requestsTab lists requests with filters, takes new ones, and moves one
// through the workflow from its detail, offering only what the store allows.
type requestsTab struct {
	env           *env
	width, height int
	mode          requestsMode

	status   int // index into store.RequestStatuses, -1 for all
	category int // index into store.Categories, -1 for all
	overdue  bool
	callback bool
	query    string
	search   searchBox
	// searchBefore is the search that showed when the box opened, for esc.
	searchBefore string

	list  []store.Request
	table table

	req    store.Request
	events []store.RequestEvent
	hist   []store.Correction // the open request's corrections
	voided *store.Void        // the open request's void, if any
	voids  map[int64]store.Void
	view   viewport.Model // the detail, wrapped and scrolled
	pane   sidePane       // the selected row's detail beside a wide list
	target string         // the status the action form moves to, or targetEdit/targetVoid

	form   form
	saving bool

	handlers  []string // 承办人 and departments used before, to offer
	handlerAt int      // the offered name picked with ↓, -1 for none
}

// requestsLoadedMsg is the list for the filters named by asked.
type requestsLoadedMsg struct {
	asked string
	list  []store.Request
	voids map[int64]store.Void
}

// requestDetailMsg is one request with its history.
type requestDetailMsg struct {
	req    store.Request
	events []store.RequestEvent
	hist   []store.Correction
	voided *store.Void
}

// The action form's targets that are no status: a correction, a void.
const (
	targetEdit = "edit"
	targetVoid = "void"
)

// requestSavedMsg says a request was created or moved.
type requestSavedMsg struct {
	req     store.Request
	created bool
}

// requestErrMsg is the store's answer to a create or move it refused.
type requestErrMsg struct{ err error }

func newRequestsTab(e *env) tab {
	s := newSearchBox(e, e.tr(lang.KeySearch)+": ", 40)
	return requestsTab{env: e, status: -1, category: -1, search: s, view: viewport.New(80, 10)}
}

// SetSize gives the tab its room.
func (m requestsTab) SetSize(w, h int) tab {
	wide := m.wide()
	m.width, m.height = w, h
	if m.wide() != wide {
		// The 内容 column comes or goes with the width.
		m.table.rows = m.table.rows[:0]
		for _, r := range m.list {
			m.table.rows = append(m.table.rows, m.row(r))
		}
	}
	m.view.Width, m.view.Height = w, m.detailRoom()
	m.view.SetContent(m.detailContent(w, true))
	return m
}

func (m requestsTab) capturing() bool {
	return m.search.open || m.mode == requestsForm || m.mode == requestsAction
}

func (m requestsTab) dirty() bool {
	return (m.mode == requestsForm || m.mode == requestsAction) && m.form.dirty()
}

func (m requestsTab) filter() store.RequestFilter {
	f := store.RequestFilter{Overdue: m.overdue, Query: m.query, Limit: 500}
	if m.status >= 0 {
		f.Statuses = []string{store.RequestStatuses[m.status].Code}
	}
	if m.category >= 0 {
		f.Category = store.Categories[m.category].Code
	}
	return f
}

// asked names the list the filters ask for, so an answer to filters no
// longer set is dropped.
func (m requestsTab) asked() string { return fmt.Sprintf("%v/%+v", m.callback, m.filter()) }

// load reads the list, and the open request when the detail shows.
func (m requestsTab) load() tea.Cmd {
	e, f, cb, asked := m.env, m.filter(), m.callback, m.asked()
	cmds := []tea.Cmd{func() tea.Msg {
		ctx, cancel := e.readCtx()
		defer cancel()
		var list []store.Request
		var err error
		if cb {
			list, err = e.db.Callbacks(ctx)
		} else {
			list, err = e.db.Requests(ctx, f)
		}
		if err != nil {
			return errMsg{err}
		}
		ids := make([]int64, len(list))
		for i, r := range list {
			ids[i] = r.ID
		}
		voids, err := e.db.Voids(ctx, store.KindRequest, ids)
		if err != nil {
			return errMsg{err}
		}
		return requestsLoadedMsg{asked, list, voids}
	}}
	if m.mode == requestsDetail || m.mode == requestsAction || (paned(m.width) && m.req.ID != 0) {
		cmds = append(cmds, loadRequestCmd(e, m.req.ID))
	}
	return tea.Batch(cmds...)
}

func loadRequestCmd(e *env, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.readCtx()
		defer cancel()
		r, err := e.db.Request(ctx, id)
		if err != nil {
			return errMsg{err}
		}
		evs, err := e.db.RequestEvents(ctx, id)
		if err != nil {
			return errMsg{err}
		}
		hist, err := e.db.Corrections(ctx, store.KindRequest, id)
		if err != nil {
			return errMsg{err}
		}
		voids, err := e.db.Voids(ctx, store.KindRequest, []int64{id})
		if err != nil {
			return errMsg{err}
		}
		var v *store.Void
		if x, ok := voids[id]; ok {
			v = &x
		}
		return requestDetailMsg{r, evs, hist, v}
	}
}

func createRequestCmd(e *env, in store.RequestInput) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		r, err := e.db.CreateRequest(ctx, in)
		if err != nil {
			return requestErrMsg{err}
		}
		return requestSavedMsg{req: r, created: true}
	}
}

// moveRequestCmd asks the store to move request id to status to, with what
// the action form holds.
func moveRequestCmd(e *env, id int64, to string, vals map[string]string) tea.Cmd {
	staff := e.staff
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		var r store.Request
		var err error
		switch to {
		case store.StatusAccepted:
			r, err = e.db.Accept(ctx, id, staff)
		case store.StatusInProgress:
			r, err = e.db.Start(ctx, id, staff, vals["note"])
		case store.StatusResolved:
			r, err = e.db.Resolve(ctx, id, staff, vals["resolution"])
		case store.StatusTransferred:
			r, err = e.db.Transfer(ctx, id, staff, vals["transferred_to"], vals["note"])
		case store.StatusRejected:
			r, err = e.db.Reject(ctx, id, staff, vals["reason"])
		case store.StatusClosed:
			r, err = e.db.RecordSatisfaction(ctx, id, staff, vals["satisfaction"], vals["comment"])
		}
		if err != nil {
			return requestErrMsg{err}
		}
		return requestSavedMsg{req: r}
	}
}

func (m requestsTab) newRequestForm() form {
	e := m.env
	f := newForm(e, e.tr(lang.NewRequest))
	f.text("name", e.tr(lang.ColName), "", 30)
	f.text("phone", e.tr(lang.ColPhone), "", 20)
	f.text("community", e.tr(lang.Community), "", 60)
	f.choose("category", e.tr(lang.Category), store.Categories, "policy")
	f.choose("urgency", e.tr(lang.Urgency), store.Urgencies, "normal")
	f.text("description", e.tr(lang.Description), "", 1000)
	f.text("handler", e.tr(lang.Handler), "", 30)
	f.text("promised_by", e.tr(lang.PromisedBy), "", 10)
	return f
}

// requestInput reads the form as a new request, checked by the store's
// rules; an empty promised day leaves the center's default.
func (m *requestsTab) requestInput() (store.RequestInput, error) {
	f := &m.form
	in := store.RequestInput{Name: f.value("name"), Phone: f.value("phone"), Community: f.value("community"),
		Category: f.value("category"), Urgency: f.value("urgency"), Description: f.value("description"),
		Handler: f.value("handler"), Actor: m.env.staff, Source: store.SourceDesk}
	if s := f.value("promised_by"); s != "" {
		d, err := store.ParseDay(s)
		if err != nil {
			return in, &store.Error{Code: store.EINVALID, Field: "promised_by", Text: lang.Text{ZH: store.ErrorMessage(err, lang.ZH), EN: store.ErrorMessage(err, lang.EN)}}
		}
		in.PromisedBy = d
	}
	return in.Validate()
}

// actionForm is the small form an action needs; nil fields for accept.
func (m requestsTab) actionForm(to string) form {
	e := m.env
	f := newForm(e, fmt.Sprintf(e.tr(lang.MovedTo), m.req.ReceiptNo, e.label(store.RequestStatuses, to)))
	switch to {
	case store.StatusInProgress:
		f.text("note", e.tr(lang.Note), "", 500)
	case store.StatusResolved:
		f.text("resolution", e.tr(lang.Resolution), "", 1000)
	case store.StatusTransferred:
		f.text("transferred_to", e.tr(lang.TransferTo), "", 30)
		f.text("note", e.tr(lang.Note), "", 500)
	case store.StatusRejected:
		f.text("reason", e.tr(lang.Reason), "", 500)
	case store.StatusClosed:
		f.choose("satisfaction", e.tr(lang.Satisfaction), store.Satisfactions, "satisfied")
		f.text("comment", e.tr(lang.Comment), "", 500)
	}
	return f
}

// actionKeys maps each status a request may move to onto its key.
func (m requestsTab) actionKeys() map[string]key.Binding {
	k := m.env.keys
	return map[string]key.Binding{
		store.StatusAccepted: k.Accept, store.StatusInProgress: k.Start, store.StatusResolved: k.Resolve,
		store.StatusTransferred: k.Transfer, store.StatusRejected: k.RejectRequest, store.StatusClosed: k.Rate,
	}
}

// Update answers the tab's data and keys.
func (m requestsTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case handlersMsg:
		m.handlers = msg.names
		return m, nil
	case requestsLoadedMsg:
		if msg.asked != m.asked() {
			return m, nil // a slower answer to filters no longer set
		}
		m.list, m.voids = msg.list, msg.voids
		m.table.rows, m.table.marks = nil, nil
		for _, r := range msg.list {
			m.table.rows = append(m.table.rows, m.row(r))
			var mark func(string) string
			if _, ok := m.voids[r.ID]; ok {
				mark = func(s string) string { return m.env.st.muted.Render(s) }
			} else if r.Overdue {
				mark = func(s string) string { return m.env.st.overdue.Render(s) }
			}
			m.table.marks = append(m.table.marks, mark)
		}
		m.table.clampCursor(m.tableHeight())
		return m.follow()
	case requestDetailMsg:
		if msg.req.ID == m.req.ID {
			same := m.req.Status == msg.req.Status && len(m.events) == len(msg.events)
			m.req, m.events, m.hist, m.voided = msg.req, msg.events, msg.hist, msg.voided
			m.view.SetContent(m.detailContent(m.width, true))
			if !same {
				m.view.GotoTop()
			}
		}
		return m, nil
	case recordChangedMsg:
		if msg.kind != store.KindRequest {
			return m, nil
		}
		m.saving, m.mode = false, requestsDetail
		return m, tea.Batch(m.load(), notice(msg.text))
	case changeErrMsg:
		if msg.kind == store.KindRequest {
			m.saving = false
			m.form.showError(msg.err, true)
		}
		return m, nil
	case requestSavedMsg:
		m.saving = false
		if msg.created {
			m.mode = requestsList
			return m, tea.Batch(m.load(), notice(fmt.Sprintf(m.env.tr(lang.CreatedReq), msg.req.ReceiptNo)))
		}
		m.mode = requestsDetail
		m.req = msg.req
		return m, tea.Batch(m.load(), notice(fmt.Sprintf(m.env.tr(lang.MovedTo), msg.req.ReceiptNo, m.env.label(store.RequestStatuses, msg.req.Status))))
	case requestErrMsg:
		m.saving = false
		if m.mode == requestsForm || m.mode == requestsAction {
			m.form.showError(msg.err, true)
			return m, nil
		}
		return m, func() tea.Msg { return errMsg(msg) }
	case tea.KeyMsg:
		if m.env == nil {
			return m, nil
		}
		switch {
		case m.search.open:
			return m.updateSearch(msg)
		case m.mode == requestsForm || m.mode == requestsAction:
			return m.updateForm(msg)
		case m.mode == requestsDetail:
			return m.updateDetail(msg)
		}
		return m.updateList(msg)
	}
	return m, nil
}

func (m requestsTab) updateList(msg tea.KeyMsg) (requestsTab, tea.Cmd) {
	k := m.env.keys
	if m.table.moveByKey(msg, k, m.tableHeight()) {
		return m.follow()
	}
	if paned(m.width) && m.pane.scroll(msg, k, m.paneText(), m.tableHeight()) {
		return m, nil
	}
	// The detail's actions work on the selected row too, and open it.
	if r, ok := rowAt(m.list, m.table.cursor); ok && m.rowAction(msg, r) {
		m.req, m.events, m.hist, m.voided = r, nil, nil, nil
		if v, ok := m.voids[r.ID]; ok {
			m.voided = &v
		}
		m.mode = requestsDetail
		next, cmd := m.updateDetail(msg)
		return next, tea.Batch(cmd, loadRequestCmd(m.env, r.ID))
	}
	switch {
	case key.Matches(msg, k.New):
		m.mode = requestsForm
		m.form, m.handlerAt = m.newRequestForm(), -1
		return m, handlersCmd(m.env)
	case key.Matches(msg, k.Enter):
		if r, ok := rowAt(m.list, m.table.cursor); ok {
			m.req = r
			m.events = nil
			m.mode = requestsDetail
			return m, loadRequestCmd(m.env, m.req.ID)
		}
	case key.Matches(msg, k.Status), key.Matches(msg, k.StatusBack):
		m.status, m.callback = stepFilter(m.status, len(store.RequestStatuses), key.Matches(msg, k.StatusBack)), false
		return m, m.load()
	case key.Matches(msg, k.Category), key.Matches(msg, k.CategoryBack):
		m.category, m.callback = stepFilter(m.category, len(store.Categories), key.Matches(msg, k.CategoryBack)), false
		return m, m.load()
	case key.Matches(msg, k.Overdue):
		m.overdue, m.callback = !m.overdue, false
		return m, m.load()
	case key.Matches(msg, k.Callback):
		m.callback = !m.callback
		m.table.cursor = 0
		return m, m.load()
	case key.Matches(msg, k.Search):
		m.search, m.searchBefore = m.search.start(m.query), m.query
	case key.Matches(msg, k.Back):
		if m.query != "" || m.callback {
			m.query, m.callback = "", false
			return m, m.load()
		}
	}
	return m, nil
}

// stepFilter steps a filter through its n choices and -1, all, forward or
// back.
func stepFilter(i, n int, back bool) int {
	if back {
		if i < 0 {
			return n - 1
		}
		return i - 1
	}
	if i+1 >= n {
		return -1
	}
	return i + 1
}

func (m requestsTab) updateSearch(msg tea.KeyMsg) (requestsTab, tea.Cmd) {
	var cmd tea.Cmd
	var act formAction
	m.search, cmd, act = m.search.Update(msg)
	switch act {
	case formChanged, formSubmit:
		// The list filters as the search is typed.
		m.query, m.table.cursor = m.search.query(), 0
		return m, tea.Batch(cmd, m.load())
	case formCancel:
		m.query, m.table.cursor = m.searchBefore, 0
		return m, m.load()
	}
	return m, cmd
}

func (m requestsTab) updateDetail(msg tea.KeyMsg) (requestsTab, tea.Cmd) {
	k := m.env.keys
	if key.Matches(msg, k.Back) {
		m.mode = requestsList
		return m, m.load()
	}
	if scrollView(&m.view, msg, k) {
		return m, nil
	}
	if m.voided == nil {
		switch {
		case key.Matches(msg, k.Edit):
			m.target, m.form, m.mode, m.handlerAt = targetEdit, m.editForm(), requestsAction, -1
			return m, handlersCmd(m.env)
		case key.Matches(msg, k.Void):
			m.target, m.form, m.mode = targetVoid, voidForm(m.env, m.req.ReceiptNo+" "+m.req.Name), requestsAction
			return m, nil
		}
	} else {
		return m, nil // a voided request moves no further
	}
	keys := m.actionKeys()
	for _, to := range store.NextStatuses(m.req.Status) {
		if !key.Matches(msg, keys[to]) {
			continue
		}
		if to == store.StatusAccepted {
			return m, moveRequestCmd(m.env, m.req.ID, to, nil)
		}
		m.target = to
		m.form, m.handlerAt = m.actionForm(to), -1
		m.mode = requestsAction
		return m, handlersCmd(m.env)
	}
	return m, nil
}

func (m requestsTab) updateForm(msg tea.KeyMsg) (requestsTab, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	if picked, ok := m.pickHandler(msg); ok {
		return picked, nil
	}
	var act formAction
	var cmd tea.Cmd
	m.form, cmd, act = m.form.Update(msg)
	if act == formChanged {
		m.handlerAt = -1
	}
	switch act {
	case formCancel:
		if m.mode == requestsAction {
			m.mode = requestsDetail
		} else {
			m.mode = requestsList
		}
		return m, nil
	case formChanged:
		if m.mode == requestsForm {
			_, err := m.requestInput()
			m.form.showError(err, false)
		}
	case formSubmit:
		if m.mode == requestsForm {
			in, err := m.requestInput()
			if err != nil {
				m.form.showError(err, true)
				return m, nil
			}
			m.saving = true
			return m, createRequestCmd(m.env, in)
		}
		switch m.target {
		case targetVoid:
			m.saving = true
			return m, voidCmd(m.env, store.KindRequest, m.req.ID, m.req.ReceiptNo, m.form.value("reason"))
		case targetEdit:
			ed, err := m.requestEdit()
			if err != nil {
				m.form.showError(err, true)
				return m, nil
			}
			m.saving = true
			return m, correctRequestCmd(m.env, m.req, ed)
		}
		vals := map[string]string{}
		for _, f := range m.form.fields {
			vals[f.name] = m.form.value(f.name)
		}
		m.saving = true
		return m, moveRequestCmd(m.env, m.req.ID, m.target, vals)
	}
	return m, cmd
}

func (m requestsTab) row(r store.Request) []string {
	e := m.env
	flag := ""
	switch {
	case r.Overdue:
		flag = e.tr(lang.OverdueMark)
	case r.Urgency == "urgent":
		flag = e.tr(lang.UrgentMark)
	}
	promised := ""
	if !r.PromisedBy.IsZero() {
		promised = r.PromisedBy.String()[5:]
	}
	// The callback list is for calling: the phone takes the owner's place.
	who := r.Owner
	if m.callback {
		who = r.Phone
	}
	row := []string{flag, r.ReceiptNo, e.short(store.RequestStatuses, r.Status), e.short(store.Categories, r.Category),
		r.Name, promised, who, e.short(store.Sources, r.Source)}
	if m.wide() {
		row = append(row, oneLine(r.Description))
	}
	return row
}

func (m requestsTab) columns() []column {
	e := m.env
	who := column{e.tr(lang.ColOwner), 6, 1}
	if m.callback {
		who = column{e.tr(lang.ColPhone), 11, 0}
	}
	cols := []column{{"", 4, 0}, {e.tr(lang.ColReceipt), 15, 0}, {e.tr(lang.ColStatus), e.labelsWidth(store.RequestStatuses), 0}, {e.tr(lang.ColCategory), e.labelsWidth(store.Categories), 1},
		{e.tr(lang.ColName), 6, 1}, {e.tr(lang.ColPromised), 5, 0}, who, {e.tr(lang.ColSource), e.labelsWidth(store.Sources), 0}}
	if m.wide() {
		cols = append(cols, column{e.tr(lang.Description), 20, 4})
	}
	return cols
}

// listHead is what the list draws above its table: the heading with the
// filters, and the search line.
func (m requestsTab) listHead() string {
	e := m.env
	var head string
	if m.callback {
		head = fmt.Sprintf(e.tr(lang.CallbackList), len(m.list))
	} else {
		status, cat := e.tr(lang.FilterAll), e.tr(lang.FilterAll)
		if m.status >= 0 {
			status = store.RequestStatuses[m.status].In(e.lang)
		}
		if m.category >= 0 {
			cat = store.Categories[m.category].In(e.lang)
		}
		over := ""
		if m.overdue {
			over = e.tr(lang.OnlyOverdue)
		}
		head = fmt.Sprintf(e.tr(lang.Requests), len(m.list)) + "  " + fmt.Sprintf(e.tr(lang.Filters), status, cat, over)
		if m.query != "" {
			head += "  /" + m.query
		}
	}
	return e.st.heading.Render(clip(head, m.width)) + "\n" + m.search.View()
}

// tableHeight is the room the table gets under the list's head.
func (m requestsTab) tableHeight() int { return max(m.height-lipgloss.Height(m.listHead()), 2) }

// ShortHelp lists the tab's main keys.
func (m requestsTab) ShortHelp() []key.Binding {
	k := m.env.keys
	switch {
	case m.search.open || m.mode == requestsForm || m.mode == requestsAction:
		return []key.Binding{k.Submit, k.Back}
	case m.mode == requestsDetail:
		keys := m.actionKeys()
		var out []key.Binding
		for _, to := range store.NextStatuses(m.req.Status) {
			out = append(out, keys[to])
		}
		return append(out, k.Back)
	}
	if paned(m.width) {
		return []key.Binding{k.New, k.Enter, k.Status, k.Category, k.Overdue, k.Callback, k.Search, k.PaneDown}
	}
	return []key.Binding{k.New, k.Enter, k.Status, k.Category, k.Overdue, k.Callback, k.Search}
}

// FullHelp lists all the tab's keys.
func (m requestsTab) FullHelp() [][]key.Binding {
	k := m.env.keys
	keys := [][]key.Binding{{k.New, k.Enter, k.Back, k.Search}, {k.Status, k.Category, k.Overdue, k.Callback},
		{k.Accept, k.Start, k.Resolve, k.Transfer, k.RejectRequest, k.Rate}}
	if paned(m.width) {
		keys[0] = append(keys[0], k.PaneDown)
	}
	return keys
}

// View draws the list, the detail, or a form.
func (m requestsTab) View() string {
	switch m.mode {
	case requestsForm:
		return m.form.View(m.width, m.env.st, m.form.focused(), m.handlerLines())
	case requestsDetail:
		return m.detailView()
	case requestsAction:
		return m.detailHead(m.width) + "\n\n" + m.form.View(m.width, m.env.st, m.form.focused(), m.handlerLines())
	}
	m.table.cols = m.columns()
	h := m.tableHeight()
	return m.listHead() + "\n" + besideList(m.env.st, m.pane, m.paneText(), m.width, h,
		func(w int) string { return m.table.render(w, h, m.env.st, true) })
}

// paneText is the selected request's detail for the pane beside the list,
// wrapped to the pane's width.
func (m requestsTab) paneText() paneText {
	r, ok := rowAt(m.list, m.table.cursor)
	if !ok {
		return paneText{}
	}
	if r.ID != m.req.ID {
		// Its history is on its way: the row shows meanwhile.
		m.req, m.events, m.hist, m.voided = r, nil, nil, nil
	}
	w := paneTextWidth(m.env.st, m.width)
	line, style := m.headLine()
	return paneText{style.Render(wrap(line, w)), m.detailContent(w, false), m.detailFoot(w)}
}

// follow points the pane at the selected row and reads its history, when
// a pane shows beside the list.
func (m requestsTab) follow() (requestsTab, tea.Cmd) {
	r, ok := rowAt(m.list, m.table.cursor)
	if !paned(m.width) || m.mode != requestsList || !ok || r.ID == m.req.ID {
		return m, nil
	}
	m.req, m.events, m.hist, m.voided = r, nil, nil, nil
	if v, ok := m.voids[r.ID]; ok {
		m.voided = &v
	}
	m.pane.follow(r.ID)
	return m, loadRequestCmd(m.env, r.ID)
}

// detailHead is the request's number, status, name and category, clipped
// to w cells.
func (m requestsTab) detailHead(w int) string {
	line, style := m.headLine()
	return style.Render(clip(line, w))
}

// headLine is the detail's head and its style: red when the request is
// overdue.
func (m requestsTab) headLine() (string, lipgloss.Style) {
	e := m.env
	r := m.req
	line := fmt.Sprintf("%s  %s  %s  %s", r.ReceiptNo, e.label(store.RequestStatuses, r.Status), r.Name, e.label(store.Categories, r.Category))
	if r.Overdue {
		return line + "  " + e.tr(lang.OverdueMark), e.st.overdue
	}
	return line, e.st.heading
}

// detailFoot is the line of actions under the detail, wrapped to w.
func (m requestsTab) detailFoot(w int) string {
	e := m.env
	if m.voided != nil {
		return e.st.muted.Render(clip(e.tr(lang.VoidedNoActions), w))
	}
	var acts []key.Binding
	keys := m.actionKeys()
	for _, to := range store.NextStatuses(m.req.Status) {
		acts = append(acts, keys[to])
	}
	acts = append(acts, e.keys.Edit, e.keys.Void)
	return e.st.notice.Render(wrap(e.tr(lang.Actions)+helpLine(acts...), w))
}

// detailRoom is the height of the scrolled part of the detail: what the
// head and the actions leave.
func (m requestsTab) detailRoom() int {
	return max(m.height-lipgloss.Height(m.detailHead(m.width))-lipgloss.Height(m.detailFoot(m.width)), 1)
}

// detailContent is the request in full, wrapped to w cells (the phone whole
// when the worker opened it, masked in the pane that follows the cursor): its fields,
// then its history, status moves and corrections in the order they happened.
func (m requestsTab) detailContent(w int, whole bool) string {
	e := m.env
	st := e.st
	r := m.req
	f := lang.DetailFields
	lw := 0
	for _, t := range append(f, lang.Handler, lang.TransferTo, lang.Reason, lang.Urgency, lang.VoidMark) {
		lw = max(lw, visibleWidth(e.tr(t)))
	}
	sat := e.label(store.Satisfactions, r.Satisfaction)
	if r.SatisfactionComment != "" {
		sat += e.tr(lang.ColonSep) + r.SatisfactionComment
	}
	pairs := [][2]string{
		{e.tr(f[3]), phoneShown(r.Phone, whole) + "   " + e.tr(f[4]) + ": " + r.Community},
		{e.tr(lang.Urgency), e.label(store.Urgencies, r.Urgency) + "   " + e.tr(f[7]) + ": " + r.Owner + "   " + e.tr(f[8]) + ": " + r.PromisedBy.String()},
	}
	if r.Handler != "" {
		pairs = append(pairs, [2]string{e.tr(lang.Handler), r.Handler})
	}
	pairs = append(pairs, [2]string{e.tr(f[9]), r.Description})
	if r.Resolution != "" {
		pairs = append(pairs, [2]string{e.tr(f[10]), r.Resolution})
	}
	if r.TransferredTo != "" {
		pairs = append(pairs, [2]string{e.tr(lang.TransferTo), r.TransferredTo})
	}
	if r.RejectReason != "" {
		pairs = append(pairs, [2]string{e.tr(lang.Reason), r.RejectReason})
	}
	if r.Satisfaction != "" {
		pairs = append(pairs, [2]string{e.tr(f[11]), sat})
	}
	if v := m.voided; v != nil {
		pairs = append(pairs, [2]string{e.tr(lang.VoidMark), v.Reason + "  (" + e.actorName(v.Actor) + " " +
			v.At.In(e.db.Location()).Format(lang.ShortTimeLayout) + ")"})
	}
	var lines []string
	for _, p := range pairs {
		lines = append(lines, hanging(st.label.Render(fit(p[0], lw))+"  ", p[1], w))
	}
	lines = append(lines, "", st.heading.Render(e.tr(lang.History)))
	// The status moves and the corrections, merged by time.
	type entry struct {
		at   time.Time
		line string
	}
	var hist []entry
	for _, ev := range m.events {
		from := ""
		if ev.From != "" {
			from = e.label(store.RequestStatuses, ev.From) + " → "
		}
		line := fmt.Sprintf("%s  %s  %s%s  %s", ev.At.In(e.db.Location()).Format(lang.ShortTimeLayout), e.actorName(ev.Actor),
			from, e.label(store.RequestStatuses, ev.To), ev.Note)
		hist = append(hist, entry{ev.At, line})
	}
	for _, c := range m.hist {
		hist = append(hist, entry{c.At, correctionLine(e, c)})
	}
	sort.SliceStable(hist, func(i, j int) bool { return hist[i].at.Before(hist[j].at) })
	for _, h := range hist {
		lines = append(lines, hanging("", h.line, w))
	}
	return strings.Join(lines, "\n")
}

// detailView is the head, the scrolled detail, and the actions.
func (m requestsTab) detailView() string {
	v := m.view
	v.Width, v.Height = m.width, m.detailRoom()
	v.SetContent(m.detailContent(m.width, true))
	head := m.detailHead(m.width)
	if v.TotalLineCount() > v.Height {
		// Where the reader is, when there is more than shows.
		pos := fmt.Sprintf(" %d%%", int(v.ScrollPercent()*100))
		head = clip(head, m.width-visibleWidth(pos)) + m.env.st.muted.Render(pos)
	}
	return head + "\n" + v.View() + "\n" + m.detailFoot(m.width)
}

// wide reports whether the list has room for the request's 内容 (120
// columns or more of its own, beside the pane).
func (m requestsTab) wide() bool { list, _ := paneSplit(m.width); return list >= 120 }

func (m requestsTab) title() lang.Text       { return lang.TabRequests }
func (m requestsTab) keeps(kind string) bool { return kind == store.KindRequest }

// Open shows a request's detail.
func (m requestsTab) Open(r openRecordMsg) (tab, tea.Cmd, bool) {
	if r.kind != store.KindRequest {
		return m, nil, false
	}
	if !m.dirty() {
		m.mode, m.req, m.events = requestsDetail, store.Request{ID: r.id}, nil
	}
	return m, nil, true
}

// editForm is the correction form of the open request, holding what is
// stored.
func (m requestsTab) editForm() form {
	e := m.env
	r := m.req
	f := newForm(e, fmt.Sprintf(e.tr(lang.EditRequest), r.ReceiptNo))
	f.text("name", e.tr(lang.ColName), r.Name, 30)
	f.text("phone", e.tr(lang.ColPhone), r.Phone, 20)
	f.text("community", e.tr(lang.Community), r.Community, 60)
	f.choose("category", e.tr(lang.Category), store.Categories, r.Category)
	f.choose("urgency", e.tr(lang.Urgency), store.Urgencies, r.Urgency)
	f.text("description", e.tr(lang.Description), r.Description, 1000)
	f.text("handler", e.tr(lang.Handler), r.Handler, 30)
	f.text("promised_by", e.tr(lang.PromisedBy), r.PromisedBy.String(), 10)
	return f
}

// requestEdit reads the correction form.
func (m requestsTab) requestEdit() (store.RequestEdit, error) {
	f := m.form
	ed := store.RequestEdit{Name: f.value("name"), Phone: f.value("phone"), Community: f.value("community"),
		Category: f.value("category"), Urgency: f.value("urgency"), Description: f.value("description"),
		Handler: f.value("handler"), Actor: m.env.staff}
	if s := f.value("promised_by"); s != "" {
		d, err := store.ReadDay(s, m.env.db.Today())
		if err != nil {
			return ed, err
		}
		ed.PromisedBy = d
	}
	return ed, nil
}

func correctRequestCmd(e *env, r store.Request, ed store.RequestEdit) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		if _, err := e.db.CorrectRequest(ctx, r.ID, ed); err != nil {
			return changeErrMsg{store.KindRequest, err}
		}
		return recordChangedMsg{store.KindRequest, r.ID, fmt.Sprintf(e.tr(lang.CorrectDone), r.ReceiptNo)}
	}
}

// rowAction reports whether msg is an action the detail of r offers: a
// status it may move to, a correction or a void.
func (m requestsTab) rowAction(msg tea.KeyMsg, r store.Request) bool {
	k := m.env.keys
	if key.Matches(msg, k.Edit) || key.Matches(msg, k.Void) {
		return true
	}
	keys := m.actionKeys()
	for _, to := range store.NextStatuses(r.Status) {
		if key.Matches(msg, keys[to]) {
			return true
		}
	}
	return false
}
