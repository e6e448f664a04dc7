package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/lang"
	"frontdesk/store"
)

// Repeats a new series may take, chosen on its form.
const (
	repeatWeekly      = "weekly"
	repeatFortnightly = "fortnightly"
	repeatMonthly     = "monthly"
	repeatMonthlyLast = "monthly_last"
)

var repeatChoices = []store.Label{
	{Code: repeatWeekly, Text: lang.RepeatWeekly},
	{Code: repeatFortnightly, Text: lang.RepeatFortnightly},
	{Code: repeatMonthly, Text: lang.RepeatMonthly},
	{Code: repeatMonthlyLast, Text: lang.RepeatMonthlyLast},
}

// seriesRule is the rule a series form asks for, from its first date: a
// monthly one falls on the same weekday of the month as the first date
// (the 10th of March 2026 is its second Tuesday).
func seriesRule(repeat string, first store.Day, count int) store.SeriesRule {
	r := store.SeriesRule{First: first, Count: count}
	switch repeat {
	case repeatFortnightly:
		r.Every = 2
	case repeatMonthly:
		r.Monthly, r.Weekday, r.Nth = true, first.Weekday(), (first.Day-1)/7+1
	case repeatMonthlyLast:
		r.Monthly, r.Weekday, r.Nth = true, first.Weekday(), -1
	}
	return r
}

// seriesPreviewMsg is every date of the series the form would make, with
// its clash, as the form was at seq.
type seriesPreviewMsg struct {
	seq   int
	rule  store.SeriesRule
	dates []store.SeriesDate
	err   error
}

func previewSeriesCmd(e *env, in store.SeriesInput, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		dates, err := e.db.PreviewSeries(ctx, in)
		return seriesPreviewMsg{seq, in.Rule, dates, err}
	}
}

// previewText is the rule and every date with its weekday and clash.
func (e *env) previewText(rule store.SeriesRule, dates []store.SeriesDate) string {
	clashed := 0
	for _, d := range dates {
		if d.State == store.SeriesClashed {
			clashed++
		}
	}
	lines := []string{fmt.Sprintf(e.tr(lang.SeriesPreview), e.tr(rule.Describe()), len(dates), clashed)}
	for _, d := range dates {
		line := e.dateLine(d)
		if d.State != store.SeriesClashed {
			// Nothing is saved yet: the date can be booked, not booked.
			line = fmt.Sprintf("%s %s  %s", d.Day, e.tr(lang.Weekdays[d.Day.Weekday()]), e.tr(lang.SeriesBookable))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// dateLine is one date of a series: the day, its weekday, its state, and
// the clash or the moved time. A moved date reads as its decision (approved
// or pending), then where it moved.
func (e *env) dateLine(d store.SeriesDate) string {
	state := e.label(store.SeriesStates, d.State)
	if d.State == store.SeriesMoved && d.Booking != nil {
		state = e.label(store.BookingStatuses, d.Booking.Status)
	}
	line := fmt.Sprintf("%s %s  %s", d.Day, e.tr(lang.Weekdays[d.Day.Weekday()]), state)
	if b := d.Booking; b != nil {
		line += "  " + b.ReceiptNo
		if d.State == store.SeriesMoved {
			line += "  " + e.label(store.SeriesStates, d.State) + " → " + e.db.DayOf(b.Start).String() + " " + e.clock(b.Start) + "-" +
				e.clock(b.End) + " " + b.VenueName
		}
	}
	if d.Err != nil && d.State == store.SeriesClashed {
		line += "  " + d.Err.Message(e.lang)
	}
	return line
}

// seriesLoadedMsg is the series of the booking shown.
type seriesLoadedMsg struct{ series store.Series }

func loadSeriesCmd(e *env, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		s, err := e.db.SeriesByID(ctx, id)
		if err != nil {
			return errMsg{err}
		}
		return seriesLoadedMsg{s}
	}
}

// seriesLine is a booking's series in one line, for its details.
func (e *env) seriesLine(s store.Series) string {
	var parts []string
	n := s.Count()
	for _, st := range store.SeriesStates {
		if n[st.Code] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", st.In(e.lang), n[st.Code]))
		}
	}
	return fmt.Sprintf(e.tr(lang.SeriesOfBooking), e.tr(s.Rule.Describe()), s.Start, len(s.Dates), strings.Join(parts, e.tr(lang.ListSep)),
		helpLine(e.keys.SeriesView))
}

// seriesActionCmd runs an action on dates of a series: cancel, move,
// approve or reject, and reports date by date what could not be done.
func seriesActionCmd(e *env, action string, b store.Booking, scope store.SeriesScope, ch store.SeriesChange) tea.Cmd {
	staff := e.staff
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		ch.Actor = staff
		var rep store.SeriesReport
		var err error
		switch action {
		case "approve":
			rep, err = e.db.DecideSeries(ctx, b.ID, scope, true, staff, "")
		case "reject":
			rep, err = e.db.DecideSeries(ctx, b.ID, scope, false, staff, ch.Reason)
		default:
			rep, err = e.db.ChangeSeries(ctx, b.ID, scope, ch)
		}
		if err != nil {
			return bookingErrMsg{err}
		}
		text := fmt.Sprintf(e.tr(lang.SeriesChanged), len(rep.Changed), len(rep.Failed))
		for _, f := range rep.Failed {
			text += "\n" + f.Day.String() + " " + store.ErrorMessage(f.Err, e.lang)
		}
		return seriesChangedMsg{rep.SeriesID, text}
	}
}

// seriesChangedMsg says what a series action did.
type seriesChangedMsg struct {
	id   int64
	text string
}

// seriesSelected is the booking of the series date under the cursor.
func (m bookingsTab) seriesSelected() (store.Booking, bool) {
	if m.seriesCursor < 0 || m.seriesCursor >= len(m.seriesShown.Dates) {
		return store.Booking{}, false
	}
	b := m.seriesShown.Dates[m.seriesCursor].Booking
	if b == nil {
		return store.Booking{}, false
	}
	return *b, true
}

// updateSeries answers keys in the series view.
func (m bookingsTab) updateSeries(msg tea.KeyMsg) (bookingsTab, tea.Cmd) {
	k := m.env.keys
	sel, ok := m.seriesSelected()
	switch {
	case key.Matches(msg, k.Back):
		m.mode = bookingsList
	case key.Matches(msg, k.Up):
		m.seriesCursor = max(m.seriesCursor-1, 0)
	case key.Matches(msg, k.Down):
		m.seriesCursor = min(m.seriesCursor+1, len(m.seriesShown.Dates)-1)
	case !ok:
	case key.Matches(msg, k.Approve):
		return m, ask(fmt.Sprintf(m.env.tr(lang.AskSeriesApprove), m.seriesShown.Title), seriesActionCmd(m.env, "approve", sel, store.SeriesAll, store.SeriesChange{}))
	case key.Matches(msg, k.ApproveLater):
		return m, ask(fmt.Sprintf(m.env.tr(lang.AskSeriesApproveLater), m.env.db.DayOf(sel.Start)), seriesActionCmd(m.env, "approve", sel, store.SeriesLater, store.SeriesChange{}))
	case key.Matches(msg, k.Reject):
		m.prompt, m.target, m.mode = promptRejectSeries, sel, bookingsPrompt
		m.form = newForm(m.env, fmt.Sprintf(m.env.tr(lang.RejectSeriesTitle), m.seriesShown.Title))
		m.form.choose("scope", m.env.tr(lang.SeriesScopeField), seriesScopes(m.env.db.DayOf(sel.Start)), string(store.SeriesAll))
		m.form.text("reason", m.env.tr(lang.Reason), "", 200)
		m.form.setFocus("reason")
	case key.Matches(msg, k.Cancel), key.Matches(msg, k.CancelLater), key.Matches(msg, k.CancelAll):
		scope, q := store.SeriesThis, lang.AskSeriesCancelThis
		if key.Matches(msg, k.CancelLater) {
			scope, q = store.SeriesLater, lang.AskSeriesCancelLater
		} else if key.Matches(msg, k.CancelAll) {
			scope, q = store.SeriesAll, lang.AskSeriesCancelAll
		}
		return m, ask(fmt.Sprintf(m.env.tr(q), m.env.db.DayOf(sel.Start)), seriesActionCmd(m.env, "cancel", sel, scope, store.SeriesChange{Cancel: true}))
	case key.Matches(msg, k.MoveDate), key.Matches(msg, k.MoveLater):
		m.prompt, m.target, m.mode = promptMoveThis, sel, bookingsPrompt
		title := lang.MoveThisDate
		if key.Matches(msg, k.MoveLater) {
			m.prompt, title = promptMoveLater, lang.MoveLaterDates
		}
		m.form = newForm(m.env, fmt.Sprintf(m.env.tr(title), sel.ReceiptNo))
		if m.prompt == promptMoveThis {
			m.form.text("date", m.env.tr(lang.Date), m.env.db.DayOf(sel.Start).String(), 10)
		}
		m.form.text("start", m.env.tr(lang.Start), m.env.clock(sel.Start), 5)
		m.form.text("end", m.env.tr(lang.End), m.env.clock(sel.End), 5)
		m.form.choose("venue", m.env.tr(lang.Venue), m.venueChoices(), strconv.FormatInt(sel.VenueID, 10))
		m.form.text("attendees", m.env.tr(lang.Attendees), fmt.Sprint(sel.Attendees), 5)
	}
	return m, nil
}

// seriesScopes are the dates a rejection of a series may take: every
// pending one, or those from day on.
func seriesScopes(day store.Day) []store.Label {
	later := lang.SeriesScopeLater
	later.ZH, later.EN = day.String()+" "+later.ZH, day.String()+" "+later.EN
	return []store.Label{{Code: string(store.SeriesAll), Text: lang.SeriesScopeAll}, {Code: string(store.SeriesLater), Text: later}}
}

// rejectSeries reads the rejection form and asks before rejecting the
// dates it takes; the reason is needed, as for one booking.
func (m bookingsTab) rejectSeries() (bookingsTab, tea.Cmd) {
	reason := strings.TrimSpace(m.form.value("reason"))
	if reason == "" {
		m.form.fieldError("reason", m.env.tr(lang.ReasonNeeded))
		return m, nil
	}
	scope := store.SeriesScope(m.form.value("scope"))
	what := m.env.tr(lang.SeriesScopeAll)
	for _, l := range seriesScopes(m.env.db.DayOf(m.target.Start)) {
		if l.Code == string(scope) {
			what = m.env.tr(l.Text)
		}
	}
	m.mode = bookingsSeries
	return m, ask(fmt.Sprintf(m.env.tr(lang.AskSeriesReject), m.seriesShown.Title, what, reason),
		seriesActionCmd(m.env, "reject", m.target, scope, store.SeriesChange{Reason: reason}))
}

// seriesMove reads the move form into a change of the dates it takes.
func (m bookingsTab) seriesMove() (store.SeriesScope, store.SeriesChange, error) {
	f := m.form
	scope, ch := store.SeriesLater, store.SeriesChange{}
	if m.prompt == promptMoveThis {
		scope = store.SeriesThis
		d, err := store.ReadDay(f.value("date"), m.env.db.Today())
		if err != nil {
			return scope, ch, err
		}
		ch.Day = d
	}
	var err error
	if ch.Start, err = store.ReadClock("start", f.value("start")); err != nil {
		return scope, ch, err
	}
	if ch.End, err = store.ReadClock("end", f.value("end")); err != nil {
		return scope, ch, err
	}
	n, ok := f.number("attendees")
	if !ok {
		return scope, ch, &store.Error{Code: store.EINVALID, Field: "attendees", Text: lang.NotInt}
	}
	ch.Attendees = n
	if v, err := strconv.ParseInt(f.value("venue"), 10, 64); err == nil && v != m.target.VenueID {
		ch.VenueID = v
	}
	return scope, ch, nil
}

// seriesView lists the dates of the series shown with their states.
func (m bookingsTab) seriesView() string {
	e := m.env
	s := m.seriesShown
	lines := []string{e.st.heading.Render(clip(fmt.Sprintf(e.tr(lang.SeriesHeading), s.Title, s.Org, e.tr(s.Rule.Describe()), s.Start,
		s.VenueName), m.width)), ""}
	for i, d := range s.Dates {
		line := clip(e.dateLine(d), m.width-2)
		if i == m.seriesCursor {
			line = "> " + line
		} else {
			line = "  " + line
		}
		lines = append(lines, line)
	}
	k := e.keys
	lines = append(lines, "", e.tr(lang.Actions)+helpLine(k.Approve, k.ApproveLater, k.Reject, k.Cancel, k.CancelLater, k.CancelAll, k.MoveDate, k.MoveLater, k.Back))
	return strings.Join(lines, "\n")
}
