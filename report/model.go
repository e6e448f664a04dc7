package report

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// document is the log laid out once, as titled sections of tables, in one
// language. The text, CSV and HTML renderers draw this same layout; none of
// them counts anything.
type document struct {
	Lang      string
	Title     string
	Center    string // whose document it is, at the top of every PDF page
	Period    string // the days it covers, beside the title there
	Meta      []pair // center, period, printed by, printed at
	Sections  []section
	Signature []string // the labels that get a line to sign on
}

type pair struct{ Label, Value string }

type section struct {
	Title  string
	Tables []table
	Notes  []string // definitions and footnotes, printed under the tables
	// Charts are drawn under the tables in HTML; text and CSV have the
	// tables' numbers only.
	Charts []template.HTML
}

// table is a titled grid. Key names it in the CSV's first column. A table of
// pairs (KV) has the columns label and value and prints as a grid of pairs.
type table struct {
	Key     string
	Title   string
	KV      bool
	Columns []column
	Rows    []row
	Empty   string // shown when there are no rows
	// Source, when set, gives the table's Count rows one at a time instead
	// of Rows: a year of visits is written as it is read, never held.
	// Each call reads them again, in the same order.
	Source func(yield func(row) error) error
	Count  int
	// Spool, when set, holds the table's rows laid out already, as the
	// store counted them (Stream): the writer copies them from there.
	Spool *spoolPart
}

// n is how many rows the table has.
func (t *table) n() int {
	if t.Source != nil {
		return t.Count
	}
	return len(t.Rows)
}

// each calls fn with each row in turn, and stops at its first error.
func (t *table) each(fn func(row) error) error {
	if t.Source != nil {
		return t.Source(func(r row) error {
			held.Add(1)
			defer held.Add(-1)
			return fn(r)
		})
	}
	for _, r := range t.Rows {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// records is where a log's long lists come from: the log's own slices
// (Write), or the store's rows as they are read (Stream). Each function
// calls yield with every record in the list's order; the counts are the
// lists' lengths.
type records struct {
	visits               func(yield func(store.Visit) error) error
	requests             func(yield func(store.LogRequest) error) error
	bookings             func(yield func(store.Booking) error) error
	nVisits, nReq, nBook int
	// spool, when set, holds the lists laid out already (Stream).
	spool *spool
}

// spooled is the spooled part of the list of key (visits, requests,
// bookings), nil when the lists are not spooled.
func (r records) spooled(key string) *spoolPart {
	if r.spool == nil {
		return nil
	}
	return r.spool.part(key)
}

// over yields each element of list.
func over[T any](list []T) func(yield func(T) error) error {
	return func(yield func(T) error) error {
		for _, x := range list {
			if err := yield(x); err != nil {
				return err
			}
		}
		return nil
	}
}

// listed is a log's records from its own lists.
func listed(l *store.DailyLog) records {
	return records{visits: over(l.Visits), requests: over(l.Requests), bookings: over(l.Bookings),
		nVisits: len(l.Visits), nReq: len(l.Requests), nBook: len(l.Bookings)}
}

// streamed is a streamed log's records, read from rows; the counts are the
// log's summary's, which counts the same records.
func streamed(l *store.DailyLog, rows *store.LogRows) records {
	return records{visits: rows.Visits, requests: rows.Requests, bookings: rows.Bookings,
		nVisits: l.Summary.Visits, nReq: l.Summary.RequestsReceived, nBook: l.Summary.Bookings}
}

// rowsOf is a table source that makes each record of list into a row.
func rowsOf[T any](list func(yield func(T) error) error, toRow func(T) row) func(yield func(row) error) error {
	return func(yield func(row) error) error {
		return list(func(x T) error { return yield(toRow(x)) })
	}
}

type column struct {
	Head  string
	Right bool // numbers: right-aligned
	Flex  bool // may be cut short with an ellipsis in the text layout
	// Detail columns are long texts: a line under the row in text and HTML,
	// an ordinary column in CSV.
	Detail bool
	// CSVOnly columns are only in the CSV: bookkeeping a printed page can
	// do without.
	CSVOnly bool
	// Bar columns hold a bar of '#', one per ten points, which HTML draws
	// as a picture; text and CSV print the cell as it is.
	Bar bool
}

type row struct {
	Cells []string
	Alert bool // overdue, no-show: stands out
}

// words is the language of one rendering.
type words struct{ lang string }

// T is t for templates.
func (w words) T(zh, en string) string { return w.tr(lang.Text{ZH: zh, EN: en}) }

// tr gives t in the rendering's language.
func (w words) tr(t lang.Text) string { return t.In(w.lang) }

func (w words) label(list []store.Label, code string) string {
	if code == "" {
		return ""
	}
	return store.LabelOf(list, code).In(w.lang)
}

func (w words) yes(b bool) string {
	if b {
		return w.tr(lang.YesLower)
	}
	return ""
}

// rate prints a rate as 75.0% (3/4), or a dash with nothing to count.
func (w words) rate(r store.Rate) string {
	if !r.Valid() {
		return "—"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", r.Percent(), r.Num, r.Den)
}

// pct prints a rate as 75.0%, for narrow columns.
func pct(r store.Rate) string {
	if !r.Valid() {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", r.Percent())
}

func hours(d time.Duration) string { return strconv.FormatFloat(d.Hours(), 'f', 1, 64) }

func itoa(n int) string { return strconv.Itoa(n) }

// period names the days a log covers.
func (w words) period(from, to store.Day) string {
	if from == to {
		return w.tr(lang.Parenthesized.Format(from.String(), lang.WeekdayNames[from.Weekday()]))
	}
	return fmt.Sprintf("%s %s %s", from, w.tr(lang.To), to)
}

// clock prints an instant as HH:MM, with the date when the log spans days or
// the instant falls on another day than ref.
func clock(t time.Time, loc *time.Location, withDate bool) string {
	if t.IsZero() {
		return ""
	}
	l := t.In(loc)
	if withDate {
		return l.Format(lang.ShortTimeLayout)
	}
	return l.Format(lang.ClockLayout)
}

// build lays out a log whose lists come from rec.
func build(l *store.DailyLog, rec records, opt Options) *document {
	w := words{opt.Lang}
	loc := l.Location
	if loc == nil {
		loc = time.UTC
	}
	title := w.tr(lang.DailyLog)
	if !l.SingleDay() {
		title = w.tr(lang.LogShort)
	}
	doc := &document{
		Lang:   opt.Lang,
		Title:  strings.TrimSpace(l.Center + " " + title),
		Center: l.Center,
		Period: w.period(l.From, l.To),
		Meta: []pair{
			{w.tr(lang.CenterKey), l.Center},
			{w.tr(lang.PeriodKey), w.period(l.From, l.To)},
			{w.tr(lang.PrintedBy), opt.PrintedBy},
			{w.tr(lang.PrintedAt), printedAt(opt.PrintedAt, loc)},
		},
		Signature: []string{w.tr(lang.ManagerSignature), w.tr(lang.ColDate)},
	}
	if id := l.Identity; id.Set() {
		// A center in the network prints its code beside its name.
		doc.Meta = slices.Insert(doc.Meta, 1, pair{w.tr(lang.CenterCodeKey), id.Code + " " + w.label(store.Levels, id.Level)})
	}
	sum := summarySection(w, l)
	sum.Charts = summaryCharts(w, l)
	doc.Sections = append(doc.Sections, sum)
	if l.Period != nil {
		doc.Sections = append(doc.Sections, periodSection(w, l, loc))
	}
	if !l.SingleDay() {
		days := daysSection(w, l)
		days.Charts = dayCharts(w, l)
		doc.Sections = append(doc.Sections, days)
	}
	multi := !l.SingleDay()
	doc.Sections = append(doc.Sections,
		visitsSection(w, rec.visits, rec.nVisits, l.AutoClosed > 0, loc, multi),
		requestsSection(w, "requests", w.tr(lang.SectionRequests), rec.requests, rec.nReq, loc, multi),
		bookingsSection(w, rec.bookings, rec.nBook, loc, multi))
	if len(l.Backlog) > 0 {
		s := requestsSection(w, "backlog", w.tr(lang.OverdueEarlier), over(l.Backlog), len(l.Backlog), loc, true)
		s.Notes = []string{w.tr(lang.OverdueEarlierNote)}
		if l.BacklogMore > 0 {
			s.Notes = append(s.Notes, w.tr(lang.OverdueEarlierMore.Format(l.BacklogMore, len(l.Backlog)+l.BacklogMore)))
		}
		doc.Sections = append(doc.Sections, s)
	}
	if len(l.Voided) > 0 {
		doc.Sections = append(doc.Sections, voidedSection(w, l.Voided, loc))
	}
	numberSections(w, doc)
	return doc
}

func printedAt(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(lang.DateTimeLayout)
}

// numberSections puts 一、二、… (or 1. 2. …) before the section titles.
func numberSections(w words, doc *document) {
	for i := range doc.Sections {
		if w.lang == lang.EN {
			doc.Sections[i].Title = fmt.Sprintf("%d. %s", i+1, doc.Sections[i].Title)
		} else if i < len(lang.Numerals) {
			doc.Sections[i].Title = lang.Numerals[i] + lang.ListSep.ZH + doc.Sections[i].Title
		}
	}
}

func kv(key, title string, w words, pairs ...pair) table {
	t := table{Key: key, Title: title, KV: true,
		Columns: []column{{Head: w.tr(lang.Item)}, {Head: w.tr(lang.ValueHead), Right: true}}}
	for _, p := range pairs {
		t.Rows = append(t.Rows, row{Cells: []string{p.Label, p.Value}})
	}
	return t
}

func summarySection(w words, l *store.DailyLog) section {
	s := l.Summary
	sec := section{Title: w.tr(lang.Summary)}
	sec.Tables = append(sec.Tables,
		kv("summary_visits", w.tr(lang.Visits), w,
			pair{w.tr(lang.VisitBatches), itoa(s.Visits)},
			pair{w.tr(lang.HeadcountTotal), itoa(s.Headcount)},
			pair{w.tr(lang.DistinctVisitors), itoa(s.Visitors)},
			pair{w.tr(lang.PartyMemberVisits), itoa(s.PartyMembers)},
			pair{w.tr(lang.ServiceVisits), itoa(s.ServiceVisits)},
			pair{w.tr(lang.Volunteers), itoa(s.Volunteers)},
			pair{w.tr(lang.ServiceHours), hours(s.ServiceTime)},
		),
		kv("summary_requests", w.tr(lang.SummaryRequests), w,
			pair{w.tr(lang.Received), itoa(s.RequestsReceived)},
			pair{w.tr(lang.UrgentCount), itoa(s.Urgent)},
			pair{w.tr(lang.Resolved), itoa(s.Resolved)},
			pair{w.tr(lang.Open), itoa(s.Open)},
			pair{w.tr(lang.TransferredCount), itoa(s.Transferred)},
			pair{w.tr(lang.RejectedStatus), itoa(s.Rejected)},
			pair{w.tr(lang.OverdueCount), itoa(s.Overdue)},
			pair{w.tr(lang.ResponseRate), w.rate(s.Response)},
			pair{w.tr(lang.ResolutionRate), w.rate(s.Resolution)},
			pair{w.tr(lang.SatisfactionRate), w.rate(s.Satisfaction)},
			pair{w.tr(lang.SatisfactionBreakdown),
				fmt.Sprintf("%d / %d / %d", s.Satisfied, s.FairlySatisfied, s.Unsatisfied)},
		),
		kv("summary_bookings", w.tr(lang.Bookings), w, bookingPairs(w, s.Figures)...),
	)
	src := table{Key: "sources", Title: w.tr(lang.DeskAndKiosk), Columns: []column{
		{Head: w.tr(lang.Kind)}, {Head: w.tr(lang.Desk), Right: true}, {Head: w.tr(lang.Kiosk), Right: true},
		{Head: w.tr(lang.Total), Right: true}}}
	for _, r := range []struct {
		name string
		c    store.SourceCount
	}{{w.tr(lang.Visits), s.VisitSources}, {w.tr(lang.RequestsShort), s.RequestSources}, {w.tr(lang.BookingsShort), s.BookingSources}} {
		src.Rows = append(src.Rows, row{Cells: []string{r.name, itoa(r.c.Desk), itoa(r.c.Kiosk), itoa(r.c.Total())}})
	}
	purposes := table{Key: "purposes", Title: w.tr(lang.VisitsByPurpose), Columns: []column{
		{Head: w.tr(lang.ColPurpose)}, {Head: w.tr(lang.Batches), Right: true}, {Head: w.tr(lang.People), Right: true}}}
	for _, p := range s.ByPurpose {
		purposes.Rows = append(purposes.Rows, row{Cells: []string{w.label(store.Purposes, p.Purpose), itoa(p.Visits), itoa(p.Headcount)}})
	}
	cats := table{Key: "categories", Title: w.tr(lang.RequestsByCategory), Columns: []column{
		{Head: w.tr(lang.ColCategory)}, {Head: w.tr(lang.ReceivedShort), Right: true}, {Head: w.tr(lang.ResolvedShort), Right: true},
		{Head: w.tr(lang.OverdueCount), Right: true}, {Head: w.tr(lang.Response), Right: true},
		{Head: w.tr(lang.ResolutionShort), Right: true}, {Head: w.tr(lang.SatisfactionShort), Right: true}}}
	for _, c := range s.ByCategory {
		cats.Rows = append(cats.Rows, row{Alert: c.Overdue > 0, Cells: []string{w.label(store.Categories, c.Category),
			itoa(c.Received), itoa(c.Resolved), itoa(c.Overdue), pct(c.Response), pct(c.Resolution), pct(c.Satisfaction)}})
	}
	venues := table{Key: "venues", Title: w.tr(lang.VenueUse), Empty: w.tr(lang.NoVenuesLower), Columns: []column{
		{Head: w.tr(lang.Venue), Flex: true}, {Head: w.tr(lang.BookingsShort), Right: true}, {Head: w.tr(lang.ApprovedStatus), Right: true},
		{Head: w.tr(lang.NoShows), Right: true}, {Head: w.tr(lang.BookedH), Right: true},
		{Head: w.tr(lang.OpenH), Right: true}, {Head: w.tr(lang.Use), Right: true}}}
	for _, v := range s.Venues {
		venues.Rows = append(venues.Rows, row{Cells: []string{v.Name, itoa(v.Bookings), itoa(v.Approved), itoa(v.NoShows),
			hours(v.BookedTime), hours(v.OpenTime), fmt.Sprintf("%.1f%%", 100*v.Share())}})
	}
	sec.Tables = append(sec.Tables, src, purposes, cats, venues)
	for _, d := range l.Definitions {
		sec.Notes = append(sec.Notes, d.In(w.lang))
	}
	return sec
}

func daysSection(w words, l *store.DailyLog) section {
	t := table{Key: "days", Columns: []column{
		{Head: w.tr(lang.ColDate)}, {Head: w.tr(lang.Visits), Right: true}, {Head: w.tr(lang.People), Right: true},
		{Head: w.tr(lang.PartyShort), Right: true}, {Head: w.tr(lang.ServiceH), Right: true},
		{Head: w.tr(lang.Req), Right: true}, {Head: w.tr(lang.ResolvedShort), Right: true}, {Head: w.tr(lang.OverdueCount), Right: true},
		{Head: w.tr(lang.Response), Right: true}, {Head: w.tr(lang.ResolutionShort), Right: true},
		{Head: w.tr(lang.SatisfiedShort), Right: true}, {Head: w.tr(lang.Book), Right: true},
		{Head: w.tr(lang.BookedH), Right: true}, {Head: w.tr(lang.NoShow), Right: true}}}
	for _, d := range l.Days {
		t.Rows = append(t.Rows, row{Alert: d.Overdue > 0, Cells: []string{d.Day.String(), itoa(d.Visits), itoa(d.Headcount),
			itoa(d.PartyMembers), hours(d.ServiceTime), itoa(d.RequestsReceived), itoa(d.Resolved), itoa(d.Overdue),
			pct(d.Response), pct(d.Resolution), pct(d.Satisfaction), itoa(d.Bookings), hours(d.BookedTime), itoa(d.NoShows)}})
	}
	return section{Title: w.tr(lang.DayByDay), Tables: []table{t}}
}

func visitsSection(w words, visits func(func(store.Visit) error) error, n int, auto bool, loc *time.Location, multi bool) section {
	t := table{Key: "visits", Empty: w.tr(lang.NoVisits), Count: n, Columns: []column{
		{Head: w.tr(lang.VisitNo)}, {Head: w.tr(lang.In)}, {Head: w.tr(lang.Out)},
		{Head: w.tr(lang.ColName), Flex: true}, {Head: w.tr(lang.ColPhone)}, {Head: w.tr(lang.ColOrg), Flex: true},
		{Head: w.tr(lang.ColPurpose), Flex: true}, {Head: w.tr(lang.PartyShort)}, {Head: w.tr(lang.PeopleHead), Right: true},
		{Head: w.tr(lang.ColSource)}, {Head: w.tr(lang.StaffHead), Detail: true, CSVOnly: true}, {Head: w.tr(lang.Note), Detail: true}}}
	t.Source = rowsOf(visits, visitRow(w, loc, multi))
	s := section{Title: w.tr(lang.VisitLog), Tables: []table{t}}
	if auto {
		s.Notes = []string{w.tr(lang.AutoCheckoutNote)}
	}
	return s
}

// visitRow lays out a visit as a row of the visits table.
func visitRow(w words, loc *time.Location, multi bool) func(store.Visit) row {
	return func(v store.Visit) row {
		in := clock(v.CheckedInAt, loc, multi)
		out := clock(v.CheckedOutAt, loc, !v.Open() && !sameDay(v.CheckedInAt, v.CheckedOutAt, loc))
		if v.AutoClosed {
			out += "*"
		}
		return row{Cells: []string{v.ReceiptNo, in, out, v.Name, v.Phone, v.Org,
			w.label(store.Purposes, v.Purpose), w.yes(v.PartyMember), itoa(v.Headcount), w.label(store.Sources, v.Source),
			v.CreatedBy, v.Note}}
	}
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	x, y := a.In(loc), b.In(loc)
	return x.YearDay() == y.YearDay() && x.Year() == y.Year()
}

func requestsSection(w words, key, title string, reqs func(func(store.LogRequest) error) error, n int, loc *time.Location, multi bool) section {
	t := table{Key: key, Empty: w.tr(lang.NoRequests), Count: n, Columns: []column{
		{Head: w.tr(lang.RequestNo)}, {Head: w.tr(lang.ReceivedAt)}, {Head: w.tr(lang.ColName), Flex: true},
		{Head: w.tr(lang.ColCategory), Flex: true}, {Head: w.tr(lang.Urgent)},
		{Head: w.tr(lang.ColStatus)}, {Head: w.tr(lang.Owner), Flex: true}, {Head: w.tr(lang.Promised)},
		{Head: w.tr(lang.ResponseHead)}, {Head: w.tr(lang.Rating), Flex: true}, {Head: w.tr(lang.ColSource)},
		{Head: w.tr(lang.ColPhone), Detail: true}, {Head: w.tr(lang.Community), Detail: true}, {Head: w.tr(lang.Description), Detail: true},
		{Head: w.tr(lang.Resolution), Detail: true}, {Head: w.tr(lang.TransferRejection), Detail: true},
		{Head: w.tr(lang.CommentHead), Detail: true}}}
	t.Source = rowsOf(reqs, requestRow(w, loc, multi))
	return section{Title: title, Tables: []table{t}}
}

// requestRow lays out a request as a row of a requests table.
func requestRow(w words, loc *time.Location, multi bool) func(store.LogRequest) row {
	return func(r store.LogRequest) row {
		status := w.label(store.RequestStatuses, r.Status)
		if r.Overdue {
			status = w.tr(lang.OverduePrefix) + status
		}
		urgent := ""
		if r.Urgency == "urgent" {
			urgent = w.label(store.Urgencies, "urgent")
		}
		owner := r.Owner
		if owner == "" {
			owner = r.Handler
		}
		side := r.TransferredTo
		if r.RejectReason != "" {
			side = r.RejectReason
		}
		rating := w.label(store.Satisfactions, r.Satisfaction)
		return row{Alert: r.Overdue, Cells: []string{r.ReceiptNo, clock(r.CreatedAt, loc, multi), r.Name,
			w.label(store.Categories, r.Category), urgent, status, owner, r.PromisedBy.String()[5:],
			w.label(store.ResponseOutcomes, r.Response), rating, w.label(store.Sources, r.Source),
			r.Phone, r.Community, r.Description, r.Resolution, side, r.SatisfactionComment}}
	}
}

// bookingPairs are the booking figures of a summary; series show when the
// period has any.
func bookingPairs(w words, s store.Figures) []pair {
	out := []pair{
		{w.tr(lang.BookingsTotal), itoa(s.Bookings)},
		{w.tr(lang.ApprovedStatus), itoa(s.BookingsApproved)},
		{w.tr(lang.ArrivedCount), itoa(s.BookingsArrived)},
		{w.tr(lang.Pending), itoa(s.BookingsPending)},
		{w.tr(lang.CancelledStatus), itoa(s.BookingsCancelled)},
		{w.tr(lang.Rejected), itoa(s.BookingsRejected)},
		{w.tr(lang.NoShows), itoa(s.NoShows)},
		{w.tr(lang.BookedHours), hours(s.BookedTime)},
	}
	if s.SeriesDates > 0 {
		out = append(out, pair{w.tr(lang.SeriesCount), fmt.Sprintf(w.tr(lang.SeriesCountValue), s.Series, s.SeriesDates)})
	}
	return out
}

func bookingsSection(w words, bookings func(func(store.Booking) error) error, n int, loc *time.Location, multi bool) section {
	t := table{Key: "bookings", Empty: w.tr(lang.NoBookings), Count: n, Columns: []column{
		{Head: w.tr(lang.BookingNo)}, {Head: w.tr(lang.ColTime)}, {Head: w.tr(lang.Venue), Flex: true},
		{Head: w.tr(lang.ColTitle), Flex: true}, {Head: w.tr(lang.Organiser), Flex: true}, {Head: w.tr(lang.PeopleHead), Right: true},
		{Head: w.tr(lang.ColStatus)}, {Head: w.tr(lang.ColArrived)}, {Head: w.tr(lang.ColSource)},
		{Head: w.tr(lang.BookPurpose), Detail: true}, {Head: w.tr(lang.Contact), Detail: true},
		{Head: w.tr(lang.ColPhone), Detail: true}, {Head: w.tr(lang.Explanation), Detail: true}}}
	t.Source = rowsOf(bookings, bookingRow(w, loc, multi))
	return section{Title: w.tr(lang.Bookings), Tables: []table{t}}
}

// bookingRow lays out a booking as a row of the bookings table.
func bookingRow(w words, loc *time.Location, multi bool) func(store.Booking) row {
	return func(b store.Booking) row {
		span := clock(b.Start, loc, multi) + "–" + clock(b.End, loc, false)
		title := b.Title
		if b.SeriesID != 0 {
			title = w.tr(lang.SeriesMark) + title
		}
		return row{Alert: b.Status == store.BookingNoShow, Cells: []string{b.ReceiptNo, span, b.VenueName,
			title, b.Org, itoa(b.Attendees), w.label(store.BookingStatuses, b.Status), clock(b.ArrivedAt, loc, false),
			w.label(store.Sources, b.Source), w.label(store.BookingPurposes, b.Purpose), b.Contact, b.Phone, b.Reason}}
	}
}
