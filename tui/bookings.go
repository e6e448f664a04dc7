package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"frontdesk/lang"
	"frontdesk/store"
)

// bookingsMode is what the bookings tab shows.
type bookingsMode int

const (
	bookingsList bookingsMode = iota
	bookingsForm
	bookingsPrompt
	bookingsSeries // the dates of a series
)

// Prompts of the bookings tab.
const (
	promptReject = "reject"
	promptCancel = "cancel"
	promptArrive = "arrive"
	promptFind   = "find"
	promptEdit   = "edit"
	promptVoid   = "void"
	// The move of a series date, or of it and the later ones.
	promptMoveThis  = "move_this"
	promptMoveLater = "move_later"
	// The rejection of a phone series, whole or from a date on.
	promptRejectSeries = "reject_series"
)

// bookingsTab is a day of venues: the timeline, the list, and the desk's
// actions on bookings.
type bookingsTab struct {
	env           *env
	width, height int
	mode          bookingsMode
	day           store.Day
	venues        []store.Venue
	all           []store.Booking // the day's bookings
	bookings      []store.Booking // those the filter keeps, as the list shows them
	table         table
	search        searchBox
	filter        string // what / filters the list by: organisation, title or B-number

	hist     []store.Correction // the selected booking's corrections
	histID   int64              // the booking hist belongs to
	detail   bool               // the selected booking's details under the list
	focusID  int64              // a booking to select and show once loaded
	form     form
	series   bool
	checkSeq int
	prompt   string
	target   store.Booking
	saving   bool

	seriesOf     store.Series // the selected booking's series, for its details
	seriesShown  store.Series // the series the series view lists
	seriesCursor int

	pane sidePane // the selected booking's details beside a wide list
	// undo is the booking this desk approved last and when, which u may
	// take back within store.UndoWindow.
	undo   store.Booking
	undoAt time.Time
}

// bookingsLoadedMsg is a day's bookings with the venues.
type bookingsLoadedMsg struct {
	day      store.Day
	venues   []store.Venue
	bookings []store.Booking
}

// bookingCheckedMsg is CheckBooking's verdict on the form as it was at seq,
// with the pending bookings the slot would take from.
type bookingCheckedMsg struct {
	seq     int
	err     error
	waiting []store.Booking
}

// bookingSavedMsg says a booking was created or changed; text says how.
// approved is the booking an approval took from pending, which u may undo.
type bookingSavedMsg struct {
	text     string
	approved store.Booking
}

// bookingFoundMsg is the booking a receipt number names, to show on its day.
type bookingFoundMsg struct{ booking store.Booking }

func findBookingCmd(e *env, no string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		b, err := e.db.BookingByReceipt(ctx, no)
		if err != nil {
			return bookingErrMsg{err}
		}
		return bookingFoundMsg{b}
	}
}

// bookingErrMsg is the store's answer to a booking action it refused.
type bookingErrMsg struct{ err error }

func newBookingsTab(e *env) tab {
	return bookingsTab{env: e, search: newSearchBox(e, e.tr(lang.KeySearch)+": ", 30)}
}

// SetSize gives the tab its room.
func (m bookingsTab) SetSize(w, h int) tab { m.width, m.height = w, h; return m }

// The series view takes no typing: the tab keys and esc's jump back work there.
func (m bookingsTab) capturing() bool {
	return (m.mode != bookingsList && m.mode != bookingsSeries) || m.search.open
}

func (m bookingsTab) dirty() bool { return m.mode != bookingsList && m.form.dirty() }

// load reads the day's bookings and the venues.
func (m bookingsTab) load() tea.Cmd {
	e, day := m.env, m.day
	return func() tea.Msg {
		ctx, cancel := e.readCtx()
		defer cancel()
		day = e.shownDay(day)
		vs, err := e.db.Venues(ctx, false)
		if err != nil {
			return errMsg{err}
		}
		bs, err := e.db.BookingsOn(ctx, day)
		if err != nil {
			return errMsg{err}
		}
		return bookingsLoadedMsg{day, vs, bs}
	}
}

// bookingForm is the new-booking form; series adds the number of weeks.
func (m bookingsTab) bookingForm(series bool) form {
	e := m.env
	title := e.tr(lang.NewBooking)
	if series {
		title = e.tr(lang.NewSeries)
	}
	f := newForm(e, title)
	f.choose("venue", e.tr(lang.Venue), m.venueChoices(), "")
	day := m.day
	if day.IsZero() || day.Before(e.db.Today()) {
		day = e.db.Today()
	}
	f.text("date", e.tr(lang.Date), day.String(), 10)
	f.text("start", e.tr(lang.Start), "", 5)
	f.text("end", e.tr(lang.End), "", 5)
	f.text("org", e.tr(lang.BookOrg), "", 60)
	f.text("contact", e.tr(lang.Contact), "", 30)
	f.text("phone", e.tr(lang.ColPhone), "", 20)
	f.text("title", e.tr(lang.Title), "", 60)
	f.choose("purpose", e.tr(lang.BookPurpose), store.BookingPurposes, "party_day")
	f.text("attendees", e.tr(lang.Attendees), "", 5)
	if series {
		f.text("weeks", e.tr(lang.Weeks), "4", 3)
		f.choose("repeat", e.tr(lang.Repeat), repeatChoices, repeatWeekly)
	}
	return f
}

// venueChoices are the open venues, each with its capacity and hours, for a
// form's venue field.
func (m bookingsTab) venueChoices() []store.Label {
	var venues []store.Label
	for _, v := range m.venues {
		if v.Active {
			name := fmt.Sprintf("%s (%d, %s-%s)", v.Name, v.Capacity, v.OpensAt, v.ClosesAt)
			venues = append(venues, store.Label{Code: strconv.FormatInt(v.ID, 10), Text: lang.Text{ZH: name, EN: name}})
		}
	}
	return venues
}

// bookingInput reads the form; ok is false when a field the desk parses
// itself (a number, a date, a time) is wrong, with the message beside it.
func (m *bookingsTab) bookingInput() (store.BookingInput, int, error) {
	f := &m.form
	id, _ := strconv.ParseInt(f.value("venue"), 10, 64)
	in := store.BookingInput{VenueID: id, Org: f.value("org"), Contact: f.value("contact"), Phone: f.value("phone"),
		Title: f.value("title"), Purpose: f.value("purpose"), Approve: true, Actor: m.env.staff, Source: store.SourceDesk}
	n, ok := f.number("attendees")
	if !ok {
		return in, 0, &store.Error{Code: store.EINVALID, Field: "attendees", Text: lang.NotInt}
	}
	in.Attendees = n
	weeks := 0
	if m.series {
		if weeks, ok = f.number("weeks"); !ok {
			return in, 0, &store.Error{Code: store.EINVALID, Field: "weeks", Text: lang.NotInt}
		}
	}
	// Forgiving input: 今天/明天/+3/03-12 for the day, 15/1500/15:00 for
	// the times; what does not read is left for the store to name.
	date, start, end := f.value("date"), f.value("start"), f.value("end")
	if d, err := store.ReadDay(date, m.env.db.Today()); err == nil {
		date = d.String()
	}
	if c, err := store.ReadClock("start", start); err == nil {
		start = c.String()
	}
	if c, err := store.ReadClock("end", end); err == nil {
		end = c.String()
	}
	if start != "" && end != "" {
		s, e, err := m.env.db.BookingTimes(date, start, end)
		if err != nil {
			return in, weeks, err
		}
		in.Start, in.End = s, e
	} else if _, err := store.ParseDay(date); err != nil {
		return in, weeks, err
	}
	in, err := in.Validate()
	return in, weeks, err
}

func checkBookingCmd(e *env, in store.BookingInput, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		if err := e.db.CheckBooking(ctx, in); err != nil {
			return bookingCheckedMsg{seq: seq, err: err}
		}
		// The slot is free; a phone booking still waiting for it is worth
		// knowing before the desk takes it.
		waiting, err := e.db.PendingOverlaps(ctx, store.Booking{VenueID: in.VenueID, Start: in.Start, End: in.End})
		if err != nil {
			return errMsg{err}
		}
		return bookingCheckedMsg{seq: seq, waiting: waiting}
	}
}

// bookingClashMsg names the approved booking in the way of the form's slot,
// found before the whole form is valid.
type bookingClashMsg struct {
	seq     int
	clash   *store.Booking
	waiting []store.Booking // pending bookings the slot would take from
}

func clashCmd(e *env, in store.BookingInput, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		c, err := e.db.Clash(ctx, in.VenueID, in.Start, in.End)
		if err != nil {
			return errMsg{err}
		}
		waiting, err := e.db.PendingOverlaps(ctx, store.Booking{VenueID: in.VenueID, Start: in.Start, End: in.End})
		if err != nil {
			return errMsg{err}
		}
		return bookingClashMsg{seq, c, waiting}
	}
}

func createBookingCmd(e *env, in store.BookingInput) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		b, err := e.db.CreateBooking(ctx, in)
		if err != nil {
			return bookingErrMsg{err}
		}
		return bookingSavedMsg{text: fmt.Sprintf(e.tr(lang.Booked), b.ReceiptNo)}
	}
}

// createSeriesCmd books a series and says which dates clashed.
func createSeriesCmd(e *env, in store.SeriesInput) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		res, err := e.db.CreateSeriesRule(ctx, in)
		if err != nil {
			return bookingErrMsg{err}
		}
		var dates []string
		for _, c := range res.Clashes {
			dates = append(dates, c.Day.String())
		}
		return bookingSavedMsg{text: fmt.Sprintf(e.tr(lang.SeriesDone), len(res.Booked), len(res.Clashes), strings.Join(dates, ", "))}
	}
}

// seriesInput is the series the form asks for, from the first date's booking.
func (m bookingsTab) seriesInput(in store.BookingInput, count int) store.SeriesInput {
	first := m.env.db.DayOf(in.Start)
	return store.SeriesInput{BookingInput: in, Rule: seriesRule(m.form.value("repeat"), first, count)}
}

// bookingActionCmd runs one of the desk's actions on a booking.
func bookingActionCmd(e *env, action string, b store.Booking, arg string) tea.Cmd {
	staff := e.staff
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		var out store.Booking
		var err error
		var t lang.Text
		switch action {
		case "approve":
			if out, err = e.db.Approve(ctx, b.ID, staff); err == nil {
				return bookingSavedMsg{text: fmt.Sprintf(e.tr(lang.ApprovedUndo), out.ReceiptNo, int(store.UndoWindow/time.Second)), approved: out}
			}
		case "undo":
			out, err = e.db.UndoApprove(ctx, b.ID, staff)
			t = lang.UndoneApprove
		case promptReject:
			out, err = e.db.RejectBooking(ctx, b.ID, staff, arg)
			t = lang.RejectedB
		case promptCancel:
			out, err = e.db.CancelBooking(ctx, b.ID, staff, arg)
			t = lang.Cancelled
		case promptArrive:
			out, err = e.db.Arrive(ctx, arg, staff)
			t = lang.Arrived
		case "noshow":
			out, err = e.db.MarkNoShow(ctx, b.ID, staff)
			t = lang.NoShowDone
		}
		if err != nil {
			return bookingErrMsg{err}
		}
		return bookingSavedMsg{text: fmt.Sprintf(e.tr(t), out.ReceiptNo)}
	}
}

// canUndo reports whether u may still take back the last approval.
func (m bookingsTab) canUndo() bool {
	return m.undo.ID != 0 && m.env.db.Now().Sub(m.undoAt) <= store.UndoWindow
}

// Update answers the tab's data and keys.
func (m bookingsTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case bookingsLoadedMsg:
		if !m.day.IsZero() && msg.day != m.day {
			return m, nil // a slower answer for a day no longer shown
		}
		m.day, m.venues, m.all = msg.day, msg.venues, msg.bookings
		m.refilter()
		if m.focusID != 0 {
			if i := slices.IndexFunc(m.bookings, func(b store.Booking) bool { return b.ID == m.focusID }); i >= 0 {
				m.table.cursor, m.detail = i, true
			}
			m.focusID = 0
		}
		m.table.clampCursor(m.tableHeight())
		m.followPane()
		cmd := m.loadHistory()
		// A form opened before the venues arrived gets them now.
		if m.mode == bookingsForm {
			if i := m.form.index("venue"); i >= 0 && len(m.form.fields[i].choices) == 0 {
				m.form.fields[i].choices = m.bookingForm(false).fields[0].choices
			}
		}
		return m, cmd
	case seriesPreviewMsg:
		if msg.seq != m.checkSeq || m.mode != bookingsForm {
			return m, nil
		}
		if msg.err != nil {
			m.showCheck(msg.err, false)
			return m, nil
		}
		m.form.err, m.form.info = "", m.env.previewText(msg.rule, msg.dates)
		return m, nil
	case seriesLoadedMsg:
		m.seriesOf = msg.series
		if m.mode == bookingsSeries && m.seriesShown.ID == msg.series.ID {
			m.seriesShown = msg.series
			m.seriesCursor = min(m.seriesCursor, len(msg.series.Dates)-1)
		}
		return m, nil
	case seriesChangedMsg:
		m.saving = false
		if m.mode == bookingsPrompt {
			m.mode = bookingsSeries
		}
		return m, tea.Batch(m.load(), loadSeriesCmd(m.env, msg.id), notice(msg.text))
	case bookingCheckedMsg:
		if msg.seq != m.checkSeq || m.mode != bookingsForm {
			return m, nil
		}
		m.showCheck(msg.err, false)
		m.warnWaiting(msg.waiting)
		return m, nil
	case bookingClashMsg:
		if msg.seq != m.checkSeq || m.mode != bookingsForm {
			return m, nil
		}
		if msg.clash != nil {
			m.form.err = m.env.db.ClashError(msg.clash).Message(m.env.lang)
		}
		m.warnWaiting(msg.waiting)
		return m, nil
	case bookingFoundMsg:
		m.saving = false
		m.mode = bookingsList
		m.day, m.focusID = m.env.db.DayOf(msg.booking.Start), msg.booking.ID
		return m, m.load()
	case bookingSavedMsg:
		m.saving = false
		m.mode = bookingsList
		m.undo, m.undoAt = msg.approved, m.env.db.Now()
		m.histID = 0 // an undo is in the history: read it again
		return m, tea.Batch(m.load(), notice(msg.text))
	case correctionsMsg:
		// Only the selected booking's, as on the visits tab.
		if b, ok := m.selected(); ok && msg.kind == store.KindBooking && msg.id == b.ID {
			m.hist, m.histID = msg.list, msg.id
		}
		return m, nil
	case recordChangedMsg:
		if msg.kind != store.KindBooking {
			return m, nil
		}
		m.saving, m.mode, m.histID = false, bookingsList, 0
		return m, tea.Batch(m.load(), notice(msg.text))
	case changeErrMsg:
		if msg.kind == store.KindBooking {
			m.saving = false
			m.showCheck(msg.err, true)
		}
		return m, nil
	case bookingErrMsg:
		m.saving = false
		if m.mode == bookingsList || m.mode == bookingsSeries {
			return m, func() tea.Msg { return errMsg(msg) }
		}
		m.showCheck(msg.err, true)
		return m, nil
	case tea.KeyMsg:
		if m.env == nil {
			return m, nil
		}
		switch m.mode {
		case bookingsList:
			if m.search.open {
				return m.updateSearch(msg)
			}
			return m.updateList(msg)
		case bookingsSeries:
			return m.updateSeries(msg)
		}
		return m.updateForm(msg)
	}
	return m, nil
}

// showCheck shows the store's verdict: a clash under the form, naming the
// booking in the way; a broken rule beside its field; or that the slot is free.
func (m *bookingsTab) showCheck(err error, force bool) {
	m.form.info = ""
	var se *store.Error
	if e, ok := err.(*store.Error); ok {
		se = e
	}
	if se != nil && se.Clash != nil {
		m.form.clearErrors()
		m.form.err = se.Message(m.env.lang)
		return
	}
	m.form.showError(err, force)
	if err == nil && m.mode == bookingsForm {
		m.form.info = m.env.tr(lang.SlotFree)
	}
}

func (m bookingsTab) updateList(msg tea.KeyMsg) (bookingsTab, tea.Cmd) {
	if day, ok := pageDay(m.env, m.day, msg); ok {
		m.day, m.table.cursor = day, 0
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
	sel, ok := m.selected()
	switch {
	case key.Matches(msg, k.New), key.Matches(msg, k.Series):
		m.series = key.Matches(msg, k.Series)
		m.form = m.bookingForm(m.series)
		m.mode = bookingsForm
		m.form.setFocus("start")
	case key.Matches(msg, k.Approve):
		// No question: u takes a wrong approval back.
		if ok && store.CanMoveBooking(sel.Status, store.BookingApproved) {
			return m, bookingActionCmd(m.env, "approve", sel, "")
		}
	case key.Matches(msg, k.Undo):
		if m.canUndo() {
			return m, bookingActionCmd(m.env, "undo", m.undo, "")
		}
	case key.Matches(msg, k.Reject), key.Matches(msg, k.Cancel):
		prompt, to := promptCancel, store.BookingCancelled
		if key.Matches(msg, k.Reject) {
			prompt, to = promptReject, store.BookingRejected
		}
		if !ok || !store.CanMoveBooking(sel.Status, to) {
			return m, nil
		}
		m.prompt = prompt
		m.target = sel
		m.form = newForm(m.env, sel.ReceiptNo+" "+sel.Title)
		m.form.text("reason", m.env.tr(lang.Reason), "", 200)
		m.mode = bookingsPrompt
	case key.Matches(msg, k.Search):
		m.search = m.search.start(m.filter)
	case key.Matches(msg, k.Back) && m.filter != "":
		m.filter = ""
		m.refilter()
	case key.Matches(msg, k.Arrive):
		m.prompt = promptArrive
		m.form = newForm(m.env, m.env.tr(lang.ArrivePrompt))
		m.form.text("receipt", m.env.tr(lang.ColReceipt), sel.ReceiptNo, 20)
		m.form.replaceDefault("receipt") // the selected booking, or typed over: B-… or today's last four digits
		m.mode = bookingsPrompt
	case key.Matches(msg, k.Enter):
		m.detail = !m.detail
		return m, m.loadHistory()
	case key.Matches(msg, k.SeriesView):
		if ok && sel.SeriesID != 0 {
			m.mode, m.seriesShown, m.seriesCursor = bookingsSeries, store.Series{ID: sel.SeriesID, Title: sel.Title}, 0
			if m.seriesOf.ID == sel.SeriesID {
				m.seriesShown = m.seriesOf
			}
			for i, d := range m.seriesShown.Dates {
				if d.Booking != nil && d.Booking.ID == sel.ID {
					m.seriesCursor = i
				}
			}
			return m, loadSeriesCmd(m.env, sel.SeriesID)
		}
	case key.Matches(msg, k.Edit):
		if ok {
			m.prompt, m.target, m.form, m.mode = promptEdit, sel, m.editForm(sel), bookingsPrompt
		}
	case key.Matches(msg, k.Void):
		if ok {
			m.prompt, m.target, m.form, m.mode = promptVoid, sel, voidForm(m.env, sel.ReceiptNo+" "+sel.Title), bookingsPrompt
		}
	case key.Matches(msg, k.NoShow):
		if ok && sel.NoShowDue(m.env.db.Now()) {
			return m, ask(fmt.Sprintf(m.env.tr(lang.AskNoShow), sel.ReceiptNo, sel.Title), bookingActionCmd(m.env, "noshow", sel, ""))
		}
	}
	return m, nil
}

func (m bookingsTab) updateForm(msg tea.KeyMsg) (bookingsTab, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	var act formAction
	var cmd tea.Cmd
	m.form, cmd, act = m.form.Update(msg)
	switch act {
	case formCancel:
		if m.mode == bookingsPrompt && (m.prompt == promptMoveThis || m.prompt == promptMoveLater || m.prompt == promptRejectSeries) {
			m.mode = bookingsSeries // back to the series the move began in
			return m, nil
		}
		m.mode = bookingsList
		return m, nil
	case formChanged:
		if m.mode != bookingsForm {
			return m, cmd
		}
		in, weeks, err := m.bookingInput()
		m.checkSeq++
		if err != nil {
			m.form.info = ""
			m.form.showError(err, false)
			// The clash is worth knowing before the rest is typed.
			if in.VenueID > 0 && !in.Start.IsZero() && in.End.After(in.Start) {
				return m, tea.Batch(cmd, clashCmd(m.env, in, m.checkSeq))
			}
			return m, cmd
		}
		m.form.clearErrors()
		if m.series {
			return m, tea.Batch(cmd, previewSeriesCmd(m.env, m.seriesInput(in, weeks), m.checkSeq))
		}
		return m, tea.Batch(cmd, checkBookingCmd(m.env, in, m.checkSeq))
	case formSubmit:
		switch {
		case m.mode == bookingsPrompt && m.prompt == promptVoid:
			m.saving = true
			return m, voidCmd(m.env, store.KindBooking, m.target.ID, m.target.ReceiptNo, m.form.value("reason"))
		case m.mode == bookingsPrompt && (m.prompt == promptMoveThis || m.prompt == promptMoveLater):
			scope, ch, err := m.seriesMove()
			if err != nil {
				m.form.showError(err, true)
				return m, nil
			}
			m.saving = true
			return m, seriesActionCmd(m.env, "move", m.target, scope, ch)
		case m.mode == bookingsPrompt && m.prompt == promptRejectSeries:
			return m.rejectSeries()
		case m.mode == bookingsPrompt && m.prompt == promptEdit:
			ed, err := m.bookingEdit()
			if err != nil {
				m.form.showError(err, true)
				return m, nil
			}
			m.saving = true
			return m, correctBookingCmd(m.env, m.target, ed)
		}
		if m.mode == bookingsPrompt {
			arg := m.form.value("reason")
			if m.prompt == promptArrive || m.prompt == promptFind {
				arg = m.form.value("receipt")
			} else if arg == "" {
				// A cancellation or a rejection tells the organiser why.
				m.form.fieldError("reason", m.env.tr(lang.ReasonNeeded))
				return m, nil
			}
			m.saving = true
			if m.prompt == promptFind {
				return m, findBookingCmd(m.env, arg)
			}
			return m, bookingActionCmd(m.env, m.prompt, m.target, arg)
		}
		in, weeks, err := m.bookingInput()
		if err != nil {
			m.showCheck(err, true)
			return m, nil
		}
		m.saving = true
		if m.series {
			return m, createSeriesCmd(m.env, m.seriesInput(in, weeks))
		}
		return m, createBookingCmd(m.env, in)
	}
	return m, cmd
}

func (m bookingsTab) selected() (store.Booking, bool) { return rowAt(m.bookings, m.table.cursor) }

func (m bookingsTab) row(b store.Booking) []string {
	e := m.env
	arrived := e.clock(b.ArrivedAt)
	status := e.short(store.BookingStatuses, b.Status)
	if b.Source == store.SourceKiosk {
		status += "*"
	}
	return []string{b.ReceiptNo, b.VenueName, e.clock(b.Start) + "-" + e.clock(b.End), status, b.Title, b.Org, arrived}
}

func (m bookingsTab) columns() []column {
	e := m.env
	return []column{{e.tr(lang.ColReceipt), 15, 0}, {e.tr(lang.Venue), 6, 1}, {e.tr(lang.ColTime), 11, 0},
		{e.tr(lang.ColStatus), e.labelsWidth(store.BookingStatuses) + 1, 0}, {e.tr(lang.ColTitle), 8, 2}, {e.tr(lang.BookOrgShort), 6, 1}, {e.tr(lang.ColArrivedShort), 5, 0}}
}

// listHead is what the list draws above its table: the heading, the
// day's timeline and a blank line.
func (m bookingsTab) listHead() string {
	e := m.env
	day := e.shownDay(m.day)
	pending := 0
	for _, b := range m.all {
		if b.Status == store.BookingPending {
			pending++
		}
	}
	head := fmt.Sprintf(e.tr(lang.BookingsOn), e.dayTitle(day), len(m.all), pending)
	if m.filter != "" && !m.search.open {
		head += "  /" + m.filter
	}
	lines := []string{e.st.heading.Render(clip(head, m.width))}
	lines = append(lines, drawTimeline(e, day, m.venues, m.all, m.width)...)
	if m.search.open {
		lines = append(lines, m.search.View())
	}
	return strings.Join(lines, "\n") + "\n"
}

// listFoot is the selected booking's details under the table, when they
// show and no pane beside the list holds them.
func (m bookingsTab) listFoot() string {
	if !m.detail || paned(m.width) {
		return ""
	}
	if d := m.detailView(m.width, 2, true); d != "" {
		return "\n" + d
	}
	return ""
}

// paneText is the selected booking's details with all its corrections, for
// the pane beside the list.
func (m bookingsTab) paneText() paneText {
	return paneText{body: m.detailView(paneTextWidth(m.env.st, m.width), -1, m.detail)}
}

// followPane points the pane at the selected booking.
func (m *bookingsTab) followPane() {
	if b, ok := m.selected(); ok {
		m.pane.follow(b.ID)
	}
}

// tableHeight is the room between the list's head and foot.
func (m bookingsTab) tableHeight() int {
	h := m.height - lipgloss.Height(m.listHead())
	if foot := m.listFoot(); foot != "" {
		h -= lipgloss.Height(foot)
	}
	return max(h, 2)
}

// detailView is the selected booking in full, with the actions its status
// allows and its latest n corrections (all of them when n < 0), wrapped to
// w cells; the contact's phone is whole only when asked for (enter).
func (m bookingsTab) detailView(w, n int, whole bool) string {
	b, ok := m.selected()
	if !ok {
		return ""
	}
	e := m.env
	loc := e.db.Location()
	lines := []string{
		fmt.Sprintf("%s  %s  %s %s-%s  %s", b.ReceiptNo, b.VenueName, b.Start.In(loc).Format(lang.DateLayout),
			e.clock(b.Start), e.clock(b.End), e.label(store.BookingStatuses, b.Status)),
		fmt.Sprintf("%s  %s %s  %s:%d  %s  %s", b.Org, b.Contact, phoneShown(b.Phone, whole), e.tr(lang.Attendees), b.Attendees,
			e.label(store.BookingPurposes, b.Purpose), e.label(store.Sources, b.Source)),
	}
	var decided []string
	if b.DecidedBy != "" {
		decided = append(decided, e.tr(lang.DecidedBy)+": "+b.DecidedBy)
	}
	if b.Reason != "" {
		decided = append(decided, e.tr(lang.Reason)+": "+b.Reason)
	}
	if len(decided) > 0 {
		lines = append(lines, strings.Join(decided, "  "))
	}
	var acts []string
	k := e.keys
	for _, a := range []struct {
		to string
		b  key.Binding
	}{{store.BookingApproved, k.Approve}, {store.BookingRejected, k.Reject}, {store.BookingCancelled, k.Cancel}, {store.BookingNoShow, k.NoShow}} {
		if a.to == store.BookingNoShow && !b.NoShowDue(e.db.Now()) {
			continue
		}
		if a.to == store.BookingCancelled && !b.Cancellable(e.db.Now()) {
			continue
		}
		if store.CanMoveBooking(b.Status, a.to) {
			acts = append(acts, a.b.Help().Key+" "+a.b.Help().Desc)
		}
	}
	acts = append(acts, helpLine(k.Edit, k.Void))
	if b.SeriesID != 0 && m.seriesOf.ID == b.SeriesID {
		lines = append(lines, e.seriesLine(m.seriesOf))
	}
	lines = append(lines, e.tr(lang.Actions)+strings.Join(acts, "  "))
	var hist []store.Correction
	if b.ID == m.histID {
		hist = m.hist
	}
	if n < 0 {
		n = len(hist)
	}
	return detailPane(e, lines, hist, n, w)
}

// ShortHelp lists the tab's main keys.
func (m bookingsTab) ShortHelp() []key.Binding {
	k := m.env.keys
	if m.mode == bookingsSeries {
		return []key.Binding{k.Up, k.Down, k.Approve, k.Reject, k.Cancel, k.CancelLater, k.MoveDate, k.Back}
	}
	if m.mode != bookingsList || m.search.open {
		return []key.Binding{k.Submit, k.Back}
	}
	keys := []key.Binding{k.PrevDay, k.NextDay, k.New, k.Approve, k.Reject, k.Arrive, k.Search}
	if m.canUndo() {
		keys = append([]key.Binding{k.Undo}, keys...)
	}
	if paned(m.width) {
		keys = append(keys, k.PaneDown)
	}
	return keys
}

// FullHelp lists all the tab's keys.
func (m bookingsTab) FullHelp() [][]key.Binding {
	k := m.env.keys
	keys := [][]key.Binding{{k.PrevDay, k.NextDay, k.Today, k.Up, k.Down, k.Enter}, {k.New, k.Series, k.SeriesView, k.Approve, k.Undo, k.Reject},
		{k.Cancel, k.Arrive, k.NoShow, k.Search}}
	if paned(m.width) {
		keys[2] = append(keys[2], k.PaneDown)
	}
	return keys
}

// View draws the form, or the day's grid and list.
func (m bookingsTab) View() string {
	e := m.env
	st := e.st
	if m.mode == bookingsSeries {
		return m.seriesView()
	}
	if m.mode != bookingsList {
		return m.form.View(m.width, st, "", "")
	}
	m.table.cols = m.columns()
	h := m.tableHeight()
	out := m.listHead() + "\n" + besideList(st, m.pane, m.paneText(), m.width, h, func(w int) string { return m.table.render(w, h, st, true) })
	if foot := m.listFoot(); foot != "" {
		out += "\n" + foot
	}
	return out
}

func (m bookingsTab) title() lang.Text       { return lang.TabBookings }
func (m bookingsTab) keeps(kind string) bool { return kind == store.KindBooking }

// Open shows a booking on its day, selected with its details.
func (m bookingsTab) Open(r openRecordMsg) (tab, tea.Cmd, bool) {
	if r.kind != store.KindBooking {
		return m, nil, false
	}
	if m.dirty() {
		return m, nil, true
	}
	m.mode, m.day, m.focusID = bookingsList, m.env.db.DayOf(r.at), r.id
	if r.series != 0 {
		m.mode, m.seriesShown, m.seriesCursor = bookingsSeries, store.Series{ID: r.series}, 0
		return m, loadSeriesCmd(m.env, r.series), true
	}
	return m, nil, true
}

// loadHistory reads the selected booking's corrections while its details
// show.
func (m bookingsTab) loadHistory() tea.Cmd {
	b, ok := m.selected()
	if !(m.detail || paned(m.width)) || !ok {
		return nil
	}
	var cmds []tea.Cmd
	if b.SeriesID != 0 {
		cmds = append(cmds, loadSeriesCmd(m.env, b.SeriesID))
	}
	if b.ID != m.histID {
		cmds = append(cmds, loadCorrectionsCmd(m.env, store.KindBooking, b.ID))
	}
	return tea.Batch(cmds...)
}

// editForm is the correction form of b: its title, attendees and time.
func (m bookingsTab) editForm(b store.Booking) form {
	e := m.env
	f := newForm(e, fmt.Sprintf(e.tr(lang.EditBooking), b.ReceiptNo))
	f.text("title", e.tr(lang.Title), b.Title, 60)
	f.text("attendees", e.tr(lang.Attendees), fmt.Sprint(b.Attendees), 5)
	f.text("date", e.tr(lang.Date), e.db.DayOf(b.Start).String(), 10)
	f.text("start", e.tr(lang.Start), e.clock(b.Start), 5)
	f.text("end", e.tr(lang.End), e.clock(b.End), 5)
	return f
}

// bookingEdit reads the correction form.
func (m bookingsTab) bookingEdit() (store.BookingEdit, error) {
	f := m.form
	ed := store.BookingEdit{Title: f.value("title"), Actor: m.env.staff}
	n, ok := f.number("attendees")
	if !ok {
		return ed, &store.Error{Code: store.EINVALID, Field: "attendees", Text: lang.NotInt}
	}
	ed.Attendees = n
	day, err := store.ReadDay(f.value("date"), m.env.db.Today())
	if err != nil {
		return ed, err
	}
	if ed.Start, err = m.env.readTime(day, f.value("start"), "start"); err != nil {
		return ed, err
	}
	if ed.End, err = m.env.readTime(day, f.value("end"), "end"); err != nil {
		return ed, err
	}
	return ed, nil
}

func correctBookingCmd(e *env, b store.Booking, ed store.BookingEdit) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		if _, err := e.db.CorrectBooking(ctx, b.ID, ed); err != nil {
			return changeErrMsg{store.KindBooking, err}
		}
		return recordChangedMsg{store.KindBooking, b.ID, fmt.Sprintf(e.tr(lang.CorrectDone), b.ReceiptNo)}
	}
}

// warnWaiting says, under the form, which pending booking the slot would
// take from.
func (m *bookingsTab) warnWaiting(waiting []store.Booking) {
	if len(waiting) == 0 {
		return
	}
	w := waiting[0]
	if m.form.info != "" {
		m.form.info += "\n"
	}
	m.form.info += fmt.Sprintf(m.env.tr(lang.WaitingClash), w.ReceiptNo, w.Org, w.Title)
}

// refilter rebuilds the list from the day's bookings and the filter.
func (m *bookingsTab) refilter() {
	m.bookings = m.bookings[:0]
	q := strings.ToLower(m.filter)
	for _, b := range m.all {
		if q == "" || strings.Contains(strings.ToLower(b.ReceiptNo+" "+b.Org+" "+b.Title), q) {
			m.bookings = append(m.bookings, b)
		}
	}
	m.table.rows, m.table.marks = nil, nil
	for _, b := range m.bookings {
		m.table.rows = append(m.table.rows, m.row(b))
		var mark func(string) string
		if b.Status == store.BookingPending {
			mark = func(s string) string { return m.env.st.notice.Render(s) }
		} else if b.Status != store.BookingApproved {
			mark = func(s string) string { return m.env.st.muted.Render(s) }
		}
		m.table.marks = append(m.table.marks, mark)
	}
	m.table.clampCursor(m.tableHeight())
	m.followPane()
}

// updateSearch filters the day's list as / is typed; enter on a receipt
// number the day does not hold finds it on its own day.
func (m bookingsTab) updateSearch(msg tea.KeyMsg) (bookingsTab, tea.Cmd) {
	var cmd tea.Cmd
	var act formAction
	m.search, cmd, act = m.search.Update(msg)
	switch act {
	case formChanged:
		m.filter, m.table.cursor = m.search.query(), 0
		m.refilter()
	case formCancel:
		m.filter = ""
		m.refilter()
	case formSubmit:
		m.filter = m.search.query()
		m.refilter()
		if len(m.bookings) == 0 && m.filter != "" {
			q := m.filter
			m.filter = ""
			m.refilter()
			return m, findBookingCmd(m.env, q)
		}
	}
	return m, tea.Batch(cmd, m.loadHistory())
}
