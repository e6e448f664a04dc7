package kiosk

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"

	"github.com/skip2/go-qrcode"

	"frontdesk/lang"
	"frontdesk/store"
)

// lookup finds the record of a status code, in one read of the store.
func (s *Server) lookup(ctx context.Context, code string) (store.CodeRecord, error) {
	rec, err := s.db.ByCode(ctx, code)
	if store.ErrorCode(err) == store.ENOTFOUND {
		return rec, errNoRecord
	}
	return rec, err
}

// receiptPage is the data of receipt.html.
type receiptPage struct {
	page
	ReceiptNo string
	NoLabel   string // what the number is called for this kind of record
	StatusURL string // the private status link, absolute, as its QR code says
	Code      string
	What      string
	Note      string
	Warning   string // an overlap with another pending booking
	DraftKind string // the form whose draft the phone may now forget
}

func (s *Server) handleReceipt(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	rec, err := s.lookup(r.Context(), code)
	if err != nil {
		return err
	}
	p := receiptPage{page: s.page(s.tr(lang.Submitted)), StatusURL: s.statusURL(code), Code: code}
	switch {
	case rec.Request != nil:
		p.NoLabel, p.DraftKind = s.tr(lang.ReceiptNumber), "request"
		p.ReceiptNo, p.What = rec.Request.ReceiptNo, s.tr(lang.RequestSubmitted)
		p.Note = s.tr(lang.PromisedByNote) + rec.Request.PromisedBy.String()
	case rec.Booking != nil:
		p.NoLabel, p.DraftKind = s.tr(lang.BookingNumber), "booking"
		p.ReceiptNo, p.What = rec.Booking.ReceiptNo, s.tr(lang.BookingSubmitted)
		p.Note = s.tr(lang.BookingNextSteps)
		over, err := s.db.PendingOverlaps(r.Context(), *rec.Booking)
		if err != nil {
			return err
		}
		if len(over) > 0 {
			p.Warning = s.tr(lang.OtherPendingNote.Format(len(over)))
		}
	case rec.Visit != nil:
		p.NoLabel, p.DraftKind = s.tr(lang.CheckInNumber), "checkin"
		p.ReceiptNo, p.What = rec.Visit.ReceiptNo, s.tr(lang.CheckedInWelcome)
		p.Note = s.tr(lang.CheckOutWhenYouLeave)
	}
	s.render(w, http.StatusOK, "receipt.html", p)
	return nil
}

// statusURL is the absolute private status link of a code.
func (s *Server) statusURL(code string) string { return s.PublicURL() + "/s/" + code }

// handleReceiptQR serves the QR code of a record's private status link, so a
// screenshot of the receipt leads back to it (识别图中二维码).
func (s *Server) handleReceiptQR(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if _, err := s.lookup(r.Context(), code); err != nil {
		return err
	}
	b, err := qrcode.Encode(s.statusURL(code), qrcode.Medium, receiptQRSize)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "image/png")
	h.Set("Cache-Control", "private, no-store") // the code is the key to a record
	h.Set("Content-Length", itoa(len(b)))
	w.Write(b)
	return nil
}

// receiptQRSize is the side of a receipt's QR image in pixels: shown at
// 200 CSS pixels, sharp on a phone's screen.
const receiptQRSize = 400

// statusPage is the data of status.html; one of its three parts is set.
type statusPage struct {
	page
	Code      string
	ReceiptNo string
	State     string
	StateCode string
	Facts     []fact
	History   []historyRow
	Error     string
	Next      string // what happens next, in the visitor's words
	// CanRate asks for satisfaction; CanCancel and CanCheckOut offer their buttons.
	CanRate, CanCancel, CanCheckOut bool
	// Dates are the dates of the booking's series, each with its state and
	// a link to its own page; CanCancelRest offers to cancel it and the
	// later ones.
	Dates         []seriesRow
	SeriesRule    string
	CanCancelRest bool
	Satisfactions []option
	Comment       string

	kept bool // the page may be kept in the status cache
}

// seriesRow is one date of a series on the status page.
type seriesRow struct {
	Day, State, StateCode, Link, Note string
	Current                           bool
}

// fact is one labelled line of a record.
type fact struct{ Label, Value string }

// historyRow is one change of a request's status.
type historyRow struct{ At, State, Note string }

// statusCache keeps the rendered status pages of requests and visits, each
// with the store's Version it was read at. A page is sent again only while
// the Version is the same, so any write to the file, by this process or
// another, is on the next page asked for. Bookings are not kept: whether one
// can still be cancelled moves with the clock.
type statusCache struct {
	mu    sync.Mutex
	pages map[string]cachedStatus
}

type cachedStatus struct {
	version int64
	head    page   // the settings the page shows, reloaded apart from the Version
	zone    string // and the zone its times are in
	page    []byte
}

// statusCacheSize bounds the pages kept; when full, all are dropped.
const statusCacheSize = 4096

func (c *statusCache) get(code string, want cachedStatus) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[code]
	return e.page, ok && e.version == want.version && e.head == want.head && e.zone == want.zone
}

func (c *statusCache) put(code string, e cachedStatus) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil || len(c.pages) >= statusCacheSize {
		c.pages = map[string]cachedStatus{}
	}
	c.pages[code] = e
}

func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	// The Version is read before the record, so a write landing between
	// the two leaves the page kept under the older one, never sent again.
	version, verr := s.db.Version(r.Context())
	now := cachedStatus{version: version, head: s.page(s.tr(lang.Status)), zone: s.db.Settings().TimeZone}
	if verr == nil {
		if b, ok := s.statuses.get(code, now); ok {
			writeHTML(w, http.StatusOK, b)
			return nil
		}
	}
	p, err := s.statusPage(r.Context(), code)
	if err != nil {
		return err
	}
	b, err := s.execute("status.html", p)
	if err != nil {
		return fmt.Errorf("render status.html: %w", err)
	}
	if verr == nil && p.kept && p.page == now.head {
		now.page = b
		s.statuses.put(code, now)
	}
	writeHTML(w, http.StatusOK, b)
	return nil
}

func (s *Server) statusPage(ctx context.Context, code string) (statusPage, error) {
	rec, err := s.lookup(ctx, code)
	if err != nil {
		return statusPage{}, err
	}
	language := s.cfg.Lang
	loc := s.db.Location()
	p := statusPage{page: s.page(s.tr(lang.Status)), Code: code}
	switch {
	case rec.Request != nil:
		q := rec.Request
		p.ReceiptNo, p.StateCode = q.ReceiptNo, q.Status
		p.State = store.LabelOf(store.RequestStatuses, q.Status).In(language)
		p.Facts = []fact{
			{s.tr(lang.RequestCategory), store.LabelOf(store.Categories, q.Category).In(language)},
			{s.tr(lang.Urgency), store.LabelOf(store.Urgencies, q.Urgency).In(language)},
			{s.tr(lang.Description), q.Description},
			{s.tr(lang.SubmittedAt), q.CreatedAt.In(loc).Format(lang.DateTimeLayout)},
			{s.tr(lang.PromisedBy), q.PromisedBy.String()},
		}
		if q.Owner != "" {
			p.Facts = append(p.Facts, fact{s.tr(lang.HandledBy), q.Owner})
		}
		if q.Resolution != "" {
			p.Facts = append(p.Facts, fact{s.tr(lang.Resolution), q.Resolution})
		}
		if q.RejectReason != "" {
			p.Facts = append(p.Facts, fact{s.tr(lang.RejectReason), q.RejectReason})
		}
		if q.Satisfaction != "" {
			p.Facts = append(p.Facts, fact{s.tr(lang.YourRating), store.LabelOf(store.Satisfactions, q.Satisfaction).In(language)})
		}
		for _, e := range rec.Events {
			p.History = append(p.History, historyRow{
				At:    e.At.In(loc).Format(lang.ShortTimeLayout),
				State: store.LabelOf(store.RequestStatuses, e.To).In(language),
				Note:  e.Note,
			})
		}
		p.CanRate = q.Rateable()
		p.Satisfactions = labelOptions(store.Satisfactions, language, "")
		p.Next = s.next(requestNext, q.Status)
		p.kept = true
	case rec.Booking != nil:
		b := rec.Booking
		p.ReceiptNo, p.StateCode = b.ReceiptNo, b.Status
		p.State = store.LabelOf(store.BookingStatuses, b.Status).In(language)
		p.Facts = []fact{
			{s.tr(lang.Venue), b.VenueName},
			{s.tr(lang.ColTime), b.Start.In(loc).Format(lang.DateTimeLayout) + "–" + b.End.In(loc).Format(lang.ClockLayout)},
			{s.tr(lang.Title), b.Title},
			{s.tr(lang.BookPurpose), store.LabelOf(store.BookingPurposes, b.Purpose).In(language)},
			{s.tr(lang.BookOrg), b.Org},
			{s.tr(lang.Attendees), strconv.Itoa(b.Attendees)},
		}
		if b.Reason != "" {
			p.Facts = append(p.Facts, fact{s.tr(lang.Explanation), b.Reason})
		}
		if !b.ArrivedAt.IsZero() {
			p.Facts = append(p.Facts, fact{s.tr(lang.ArrivedAt), b.ArrivedAt.In(loc).Format(lang.ClockLayout)})
		}
		p.CanCancel = b.Cancellable(s.db.Now())
		p.Next = s.next(bookingNext, b.Status)
		if b.SeriesID != 0 {
			if err := s.seriesRows(ctx, &p, b); err != nil {
				return p, err
			}
		}
	case rec.Visit != nil:
		v := rec.Visit
		p.ReceiptNo = v.ReceiptNo
		p.StateCode = "in"
		p.State = s.tr(lang.InBuilding)
		if !v.Open() {
			p.StateCode, p.State = "out", s.tr(lang.CheckedOutState)
		}
		p.Facts = []fact{
			{s.tr(lang.ColName), v.Name},
			{s.tr(lang.Purpose), store.LabelOf(store.Purposes, v.Purpose).In(language)},
			{s.tr(lang.Headcount), strconv.Itoa(v.Headcount)},
			{s.tr(lang.CheckedInAt), v.CheckedInAt.In(loc).Format(lang.DateTimeLayout)},
		}
		if !v.Open() {
			p.Facts = append(p.Facts, fact{s.tr(lang.CheckedOutAt), v.CheckedOutAt.In(loc).Format(lang.DateTimeLayout)})
		}
		p.CanCheckOut = v.Open()
		p.Next = s.tr(lang.CheckOutWhenLeaving)
		if !v.Open() {
			p.Next = s.tr(lang.CheckedOutThanks)
		}
		p.kept = true
	}
	return p, nil
}

// requestNext and bookingNext say what happens next to a record in each
// status.
var (
	requestNext = map[string]lang.Text{
		store.StatusNew:         lang.NextNew,
		store.StatusAccepted:    lang.NextInProgress,
		store.StatusInProgress:  lang.NextInProgress,
		store.StatusTransferred: lang.NextTransferred,
		store.StatusResolved:    lang.NextResolved,
		store.StatusClosed:      lang.NextClosed,
		store.StatusRejected:    lang.NextRejected,
	}
	bookingNext = map[string]lang.Text{
		store.BookingPending:   lang.NextBookingPending,
		store.BookingApproved:  lang.NextBookingApproved,
		store.BookingRejected:  lang.NextBookingRejected,
		store.BookingCancelled: lang.NextBookingCancelled,
		store.BookingNoShow:    lang.NextBookingNoShow,
	}
)

// next picks the next step of status from steps, in the server's language.
func (s *Server) next(steps map[string]lang.Text, status string) string {
	return s.tr(steps[status])
}

// afterAction answers a status-page button: back to the status page on
// success, or the page again with the store's message.
func (s *Server) afterAction(w http.ResponseWriter, r *http.Request, code string, err error) error {
	if err == nil {
		s.limiter.spend(s.clientAddr(r))
		seeOther(w, "/s/"+code)
		return nil
	}
	status := statusOf(err)
	if status >= 500 {
		return err
	}
	p, perr := s.statusPage(r.Context(), code)
	if perr != nil {
		return perr
	}
	p.Error = store.ErrorMessage(err, s.cfg.Lang)
	p.Comment = r.PostForm.Get("comment")
	s.render(w, status, "status.html", p)
	return nil
}

func (s *Server) submitRating(w http.ResponseWriter, r *http.Request) error {
	return s.act(w, r, "", func(code string) error {
		_, err := s.db.RateByCode(r.Context(), code, r.PostForm.Get("satisfaction"), r.PostForm.Get("comment"))
		return err
	})
}

func (s *Server) submitCancel(w http.ResponseWriter, r *http.Request) error {
	return s.act(w, r, "cancel", func(code string) error {
		_, err := s.db.CancelBookingByCode(r.Context(), code)
		return err
	})
}

// seriesRows lists the dates of b's series on its status page; the
// organiser may cancel b and the later dates that still hold a slot.
func (s *Server) seriesRows(ctx context.Context, p *statusPage, b *store.Booking) error {
	sr, err := s.db.SeriesByID(ctx, b.SeriesID)
	if err != nil {
		return err
	}
	p.SeriesRule = s.tr(sr.Rule.Describe())
	now := s.db.Now()
	for _, d := range sr.Dates {
		row := seriesRow{Day: d.Day.String() + " " + s.tr(lang.Weekdays[d.Day.Weekday()]), StateCode: d.State,
			State: store.LabelOf(store.SeriesStates, d.State).In(s.cfg.Lang)}
		if d.Booking != nil {
			row.Current = d.Booking.ID == b.ID
			if !row.Current {
				row.Link = "/s/" + d.Booking.StatusCode
			}
			if d.State == store.SeriesMoved {
				loc := s.db.Location()
				row.Note = "→ " + d.Booking.Start.In(loc).Format(lang.DateTimeLayout) + "–" + d.Booking.End.In(loc).Format(lang.ClockLayout)
			}
			if !d.Booking.Start.Before(b.Start) && d.Booking.ID != b.ID && d.Booking.Cancellable(now) {
				p.CanCancelRest = p.CanCancel
			}
		}
		p.Dates = append(p.Dates, row)
	}
	return nil
}

// submitCancelRest cancels a date of a series and every later one.
func (s *Server) submitCancelRest(w http.ResponseWriter, r *http.Request) error {
	return s.act(w, r, "cancel-rest", func(code string) error {
		_, err := s.db.CancelSeriesByCode(r.Context(), code, store.SeriesLater)
		return err
	})
}

func (s *Server) confirmCancelRest(w http.ResponseWriter, r *http.Request) error {
	return s.confirm(w, r, "cancel-rest")
}

func (s *Server) submitCheckout(w http.ResponseWriter, r *http.Request) error {
	return s.act(w, r, "checkout", func(code string) error {
		_, err := s.db.CheckOutByCode(r.Context(), code)
		return err
	})
}

// act runs one of the visitor's own actions from a status page. An action
// named by confirm takes two steps: a post without the answer to its
// question shows the question. Only what the store accepted counts against
// the rate limit.
func (s *Server) act(w http.ResponseWriter, r *http.Request, confirm string, do func(code string) error) error {
	code := r.PathValue("code")
	if !store.ValidStatusCode(code) {
		return errNoRecord
	}
	if confirm != "" && r.PostForm.Get("confirm") != "yes" {
		return s.confirm(w, r, confirm)
	}
	if err := s.limited(r); err != nil {
		return err
	}
	return s.afterAction(w, r, code, do(code))
}

// confirmPage is the data of confirm.html: the second step of an action
// that cannot be undone.
type confirmPage struct {
	page
	Code, ReceiptNo, Question, Detail, Action, Button string
}

// confirmCancel and confirmCheckout ask before the action is done.
func (s *Server) confirmCancel(w http.ResponseWriter, r *http.Request) error {
	return s.confirm(w, r, "cancel")
}

func (s *Server) confirmCheckout(w http.ResponseWriter, r *http.Request) error {
	return s.confirm(w, r, "checkout")
}

func (s *Server) confirm(w http.ResponseWriter, r *http.Request, action string) error {
	code := r.PathValue("code")
	rec, err := s.lookup(r.Context(), code)
	if err != nil {
		return err
	}
	p := confirmPage{page: s.page(s.tr(lang.PleaseConfirm)), Code: code, Action: "/s/" + code + "/" + action}
	loc := s.db.Location()
	switch {
	case action == "cancel" && rec.Booking != nil:
		b := rec.Booking
		p.ReceiptNo = b.ReceiptNo
		p.Question = s.tr(lang.CancelThisBooking)
		p.Detail = b.VenueName + " · " + b.Start.In(loc).Format(lang.DateTimeLayout) + "–" + b.End.In(loc).Format(lang.ClockLayout) + " · " + b.Title +
			s.tr(lang.CancelCannotUndo)
		p.Button = s.tr(lang.YesCancelBooking)
	case action == "cancel-rest" && rec.Booking != nil && rec.Booking.SeriesID != 0:
		b := rec.Booking
		p.ReceiptNo = b.ReceiptNo
		p.Question = s.tr(lang.CancelRestOfSeries)
		p.Detail = b.VenueName + " · " + b.Start.In(loc).Format(lang.DateTimeLayout) + " · " + b.Title + s.tr(lang.CancelCannotUndo)
		p.Button = s.tr(lang.YesCancelRest)
	case action == "checkout" && rec.Visit != nil:
		p.ReceiptNo = rec.Visit.ReceiptNo
		p.Question = s.tr(lang.CheckOutNow)
		p.Detail = s.tr(lang.CheckOutEndsVisit)
		p.Button = s.tr(lang.YesCheckOut)
	default:
		return errNoRecord
	}
	s.render(w, http.StatusOK, "confirm.html", p)
	return nil
}
