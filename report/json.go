package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"frontdesk/store"
)

// The JSON log is the SPEC's contract: an object with center, from, to,
// summary, visits, requests and bookings; records carry id, created_at (RFC
// 3339 with the center's offset), source and receipt_no; statuses are
// English codes. Other keys are additions, never renames.

type jsonLog struct {
	Center      string            `json:"center"`
	From        string            `json:"from"`
	To          string            `json:"to"`
	TimeZone    string            `json:"time_zone"`
	PrintedBy   string            `json:"printed_by"`
	PrintedAt   *string           `json:"printed_at"`
	AsOf        string            `json:"as_of"`
	Summary     jsonSummary       `json:"summary"`
	Days        []jsonDay         `json:"days"`
	Visits      jsonMark          `json:"visits"` // the lists are written at their marks, as they are read
	Requests    jsonMark          `json:"requests"`
	Bookings    jsonMark          `json:"bookings"`
	Backlog     []jsonRequest     `json:"overdue_backlog"`
	Voided      []jsonVoided      `json:"voided"` // records voided (作废): in no other list and no figure
	Definitions map[string]string `json:"definitions"`
	Period      *jsonPeriod       `json:"period,omitempty"` // a period report's comparison and rankings
}

// jsonPeriod is a period report's addition: the previous period's figures,
// the change of each, and the rankings. Changes are this period minus the
// previous one; a rate's change is in percentage points, null when either
// side has nothing to count.
type jsonPeriod struct {
	Previous       jsonPrevious        `json:"previous"`
	Change         map[string]*float64 `json:"change"`
	TopCategories  []jsonCategory      `json:"top_categories"`
	TopCommunities []jsonCommunity     `json:"top_communities"`
	SlowestOpen    []jsonRequest       `json:"slowest_open"`
}

type jsonPrevious struct {
	From string `json:"from"`
	To   string `json:"to"`
	jsonFigures
}

type jsonCommunity struct {
	Community string `json:"community"`
	Received  int    `json:"received"`
	Overdue   int    `json:"overdue"`
}

type jsonRate struct {
	Num     int      `json:"num"`
	Den     int      `json:"den"`
	Percent *float64 `json:"percent"` // null when nothing was counted
}

type jsonSources struct {
	Desk  int `json:"desk"`
	Kiosk int `json:"kiosk"`
}

type jsonFigures struct {
	Visits        int     `json:"visits"`
	Headcount     int     `json:"headcount"`
	Visitors      int     `json:"visitors"`
	PartyMembers  int     `json:"party_members"`
	ServiceVisits int     `json:"service_visits"`
	Volunteers    int     `json:"volunteers"`
	ServiceHours  float64 `json:"service_hours"`

	RequestsReceived int      `json:"requests_received"`
	Urgent           int      `json:"requests_urgent"`
	Resolved         int      `json:"requests_resolved"`
	Rejected         int      `json:"requests_rejected"`
	Transferred      int      `json:"requests_transferred"`
	Open             int      `json:"requests_open"`
	Overdue          int      `json:"requests_overdue"`
	Satisfied        int      `json:"satisfied"`
	FairlySatisfied  int      `json:"fairly_satisfied"`
	Unsatisfied      int      `json:"unsatisfied"`
	ResponseRate     jsonRate `json:"response_rate"`
	ResolutionRate   jsonRate `json:"resolution_rate"`
	SatisfactionRate jsonRate `json:"satisfaction_rate"`

	Bookings          int     `json:"bookings"`
	BookingsApproved  int     `json:"bookings_approved"`
	BookingsArrived   int     `json:"bookings_arrived"`
	BookingsPending   int     `json:"bookings_pending"`
	BookingsCancelled int     `json:"bookings_cancelled"`
	BookingsRejected  int     `json:"bookings_rejected"`
	NoShows           int     `json:"no_shows"`
	BookedHours       float64 `json:"booked_hours"`

	VisitSources   jsonSources `json:"visit_sources"`
	RequestSources jsonSources `json:"request_sources"`
	BookingSources jsonSources `json:"booking_sources"`
}

type jsonSummary struct {
	jsonFigures
	ByPurpose  []jsonPurpose  `json:"by_purpose"`
	ByCategory []jsonCategory `json:"by_category"`
	Venues     []jsonVenue    `json:"venues"`
}

type jsonDay struct {
	Date string `json:"date"`
	jsonFigures
}

type jsonPurpose struct {
	Purpose   string `json:"purpose"`
	Visits    int    `json:"visits"`
	Headcount int    `json:"headcount"`
}

type jsonCategory struct {
	Category         string   `json:"category"`
	Received         int      `json:"received"`
	Resolved         int      `json:"resolved"`
	Overdue          int      `json:"overdue"`
	ResponseRate     jsonRate `json:"response_rate"`
	ResolutionRate   jsonRate `json:"resolution_rate"`
	SatisfactionRate jsonRate `json:"satisfaction_rate"`
}

type jsonVenue struct {
	ID          int64   `json:"venue_id"`
	Name        string  `json:"name"`
	Bookings    int     `json:"bookings"`
	Approved    int     `json:"approved"`
	NoShows     int     `json:"no_shows"`
	BookedHours float64 `json:"booked_hours"`
	OpenHours   float64 `json:"open_hours"`
	Share       float64 `json:"share"`
}

type jsonVisit struct {
	ID           int64   `json:"id"`
	ReceiptNo    string  `json:"receipt_no"`
	CreatedAt    string  `json:"created_at"`
	Source       string  `json:"source"`
	CreatedBy    string  `json:"created_by"`
	Name         string  `json:"name"`
	Phone        string  `json:"phone"`
	Org          string  `json:"org"`
	Purpose      string  `json:"purpose"`
	Headcount    int     `json:"headcount"`
	PartyMember  bool    `json:"party_member"`
	CheckedInAt  string  `json:"checked_in_at"`
	CheckedOutAt *string `json:"checked_out_at"`
	AutoClosed   bool    `json:"auto_closed"`
	ServiceHours float64 `json:"service_hours"`
	Note         string  `json:"note"`
}

type jsonRequest struct {
	ID                  int64   `json:"id"`
	ReceiptNo           string  `json:"receipt_no"`
	CreatedAt           string  `json:"created_at"`
	Source              string  `json:"source"`
	CreatedBy           string  `json:"created_by"`
	Name                string  `json:"name"`
	Phone               string  `json:"phone"`
	Community           string  `json:"community"`
	Category            string  `json:"category"`
	Urgency             string  `json:"urgency"`
	Description         string  `json:"description"`
	Handler             string  `json:"handler"`
	Owner               string  `json:"owner"`
	Status              string  `json:"status"`
	PromisedBy          string  `json:"promised_by"`
	RespondBy           string  `json:"respond_by"`
	RespondedAt         *string `json:"responded_at"`
	Response            string  `json:"response,omitempty"`
	AcceptedAt          *string `json:"accepted_at"`
	ResolvedAt          *string `json:"resolved_at"`
	ClosedAt            *string `json:"closed_at"`
	Overdue             bool    `json:"overdue"`
	Resolution          string  `json:"resolution"`
	TransferredTo       string  `json:"transferred_to"`
	RejectReason        string  `json:"reject_reason"`
	Satisfaction        string  `json:"satisfaction"`
	SatisfactionComment string  `json:"satisfaction_comment"`
}

type jsonBooking struct {
	ID        int64   `json:"id"`
	ReceiptNo string  `json:"receipt_no"`
	CreatedAt string  `json:"created_at"`
	Source    string  `json:"source"`
	CreatedBy string  `json:"created_by"`
	VenueID   int64   `json:"venue_id"`
	Venue     string  `json:"venue"`
	SeriesID  int64   `json:"series_id,omitempty"`
	Org       string  `json:"org"`
	Contact   string  `json:"contact"`
	Phone     string  `json:"phone"`
	Title     string  `json:"title"`
	Purpose   string  `json:"purpose"`
	Attendees int     `json:"attendees"`
	Start     string  `json:"start"`
	End       string  `json:"end"`
	Hours     float64 `json:"hours"`
	Status    string  `json:"status"`
	Reason    string  `json:"reason"`
	DecidedBy string  `json:"decided_by"`
	ArrivedAt *string `json:"arrived_at"`
}

// jsonVoided is a voided record: which one, what it was, and who voided it
// when and why. Kind is visit, request or booking.
type jsonVoided struct {
	Kind      string `json:"kind"`
	ID        int64  `json:"id"`
	ReceiptNo string `json:"receipt_no"`
	Name      string `json:"name"`
	Summary   string `json:"summary"`
	Headcount int    `json:"headcount"`
	VoidedAt  string `json:"voided_at"`
	VoidedBy  string `json:"voided_by"`
	Reason    string `json:"reason"`
}

// jsonMark stands for a list in the encoded log: a string no log holds,
// where writeJSON writes the list as it reads it.
type jsonMark string

// MarshalJSON writes the mark as a JSON string.
func (m jsonMark) MarshalJSON() ([]byte, error) { return []byte(`"\u0000` + string(m) + `"`), nil }

// jsonEncoder encodes one value at a time as the log's encoder does,
// without the newline after it.
type jsonEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newJSONEncoder() *jsonEncoder {
	e := &jsonEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

func (e *jsonEncoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")), nil
}

// jsonList writes the list at mark in head: what comes before it, then
// "[", each element as each yields it (or as spooled encoded them
// already), "]"; it returns the rest of head.
func jsonList[T any](b *bufio.Writer, e *jsonEncoder, head []byte, mark jsonMark, spooled *spoolPart, each func(func(T) error) error, conv func(T) any) ([]byte, error) {
	m, _ := mark.MarshalJSON()
	k := bytes.Index(head, m)
	if k < 0 {
		return nil, fmt.Errorf("json: no mark for %s", mark)
	}
	b.Write(head[:k])
	b.WriteByte('[')
	var err error
	if spooled != nil {
		err = spooled.copyTo(b)
	} else {
		var l jsonElements
		err = each(func(x T) error {
			held.Add(1)
			defer held.Add(-1)
			return l.add(b, e, conv(x))
		})
	}
	b.WriteByte(']')
	return head[k+len(m):], err
}

// jsonElements writes the elements of a JSON list, commas between them.
type jsonElements struct{ n int }

func (l *jsonElements) add(b *bufio.Writer, e *jsonEncoder, v any) error {
	out, err := e.encode(v)
	if err != nil {
		return err
	}
	if l.n > 0 {
		b.WriteByte(',')
	}
	l.n++
	_, err = b.Write(out)
	return err
}

// jsonRecords makes the long lists' records into their JSON shapes, with
// times in the log's zone.
type jsonRecords struct{ loc *time.Location }

func (j jsonRecords) ts(t time.Time) string { return t.In(j.loc).Format(time.RFC3339) }

func (j jsonRecords) tsp(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := j.ts(t)
	return &s
}

func (j jsonRecords) visit(v store.Visit) any {
	return jsonVisit{ID: v.ID, ReceiptNo: v.ReceiptNo, CreatedAt: j.ts(v.CreatedAt), Source: v.Source,
		CreatedBy: v.CreatedBy, Name: v.Name, Phone: v.Phone, Org: v.Org, Purpose: v.Purpose, Headcount: v.Headcount,
		PartyMember: v.PartyMember, CheckedInAt: j.ts(v.CheckedInAt), CheckedOutAt: j.tsp(v.CheckedOutAt), AutoClosed: v.AutoClosed,
		ServiceHours: v.ServiceDuration().Hours(), Note: v.Note}
}

func (j jsonRecords) request(r store.LogRequest) jsonRequest {
	return jsonRequest{ID: r.ID, ReceiptNo: r.ReceiptNo, CreatedAt: j.ts(r.CreatedAt), Source: r.Source, CreatedBy: r.CreatedBy,
		Name: r.Name, Phone: r.Phone, Community: r.Community, Category: r.Category, Urgency: r.Urgency,
		Description: r.Description, Handler: r.Handler, Owner: r.Owner, Status: r.Status, PromisedBy: r.PromisedBy.String(),
		RespondBy: j.ts(r.RespondBy), RespondedAt: j.tsp(r.RespondedAt), Response: r.Response, AcceptedAt: j.tsp(r.AcceptedAt),
		ResolvedAt: j.tsp(r.ResolvedAt), ClosedAt: j.tsp(r.ClosedAt), Overdue: r.Overdue, Resolution: r.Resolution,
		TransferredTo: r.TransferredTo, RejectReason: r.RejectReason, Satisfaction: r.Satisfaction,
		SatisfactionComment: r.SatisfactionComment}
}

func (j jsonRecords) booking(b store.Booking) any {
	return jsonBooking{ID: b.ID, ReceiptNo: b.ReceiptNo, CreatedAt: j.ts(b.CreatedAt), Source: b.Source,
		CreatedBy: b.CreatedBy, VenueID: b.VenueID, Venue: b.VenueName, SeriesID: b.SeriesID, Org: b.Org, Contact: b.Contact,
		Phone: b.Phone, Title: b.Title, Purpose: b.Purpose, Attendees: b.Attendees, Start: j.ts(b.Start), End: j.ts(b.End),
		Hours: b.Hours(), Status: b.Status, Reason: b.Reason, DecidedBy: b.DecidedBy, ArrivedAt: j.tsp(b.ArrivedAt)}
}

func writeJSON(w io.Writer, l *store.DailyLog, rec records, opt Options) error {
	loc := l.Location
	if loc == nil {
		loc = time.UTC
	}
	j := jsonRecords{loc}
	ts, tsp, req := j.ts, j.tsp, j.request
	out := jsonLog{Center: l.Center, From: l.From.String(), To: l.To.String(), TimeZone: l.TimeZone,
		PrintedBy: opt.PrintedBy, PrintedAt: tsp(opt.PrintedAt), AsOf: ts(l.AsOf),
		Days: []jsonDay{}, Visits: "visits", Requests: "requests", Bookings: "bookings", Backlog: []jsonRequest{},
		Voided: []jsonVoided{}, Definitions: map[string]string{}}
	out.Summary = summaryJSON(l.Summary)
	for _, d := range l.Days {
		out.Days = append(out.Days, jsonDay{d.Day.String(), figuresJSON(d.Figures)})
	}
	for _, r := range l.Backlog {
		out.Backlog = append(out.Backlog, req(r))
	}
	for _, v := range l.Voided {
		out.Voided = append(out.Voided, jsonVoided{Kind: v.Kind, ID: v.RecordID, ReceiptNo: v.ReceiptNo, Name: v.Name,
			Summary: v.Summary, Headcount: v.Headcount, VoidedAt: ts(v.At), VoidedBy: v.Actor, Reason: v.Reason})
	}
	for _, d := range l.Definitions {
		out.Definitions[d.Code] = d.In(opt.Lang)
	}
	if p := l.Period; p != nil {
		jp := &jsonPeriod{Previous: jsonPrevious{p.Previous.From.String(), p.Previous.To.String(), figuresJSON(p.Previous.Figures)},
			Change: changesJSON(l.Summary.Figures, p.Previous.Figures), TopCategories: []jsonCategory{},
			TopCommunities: []jsonCommunity{}, SlowestOpen: []jsonRequest{}}
		for _, c := range p.Categories {
			jp.TopCategories = append(jp.TopCategories, jsonCategory{c.Category, c.Received, c.Resolved, c.Overdue,
				rateJSON(c.Response), rateJSON(c.Resolution), rateJSON(c.Satisfaction)})
		}
		for _, c := range p.Communities {
			jp.TopCommunities = append(jp.TopCommunities, jsonCommunity{c.Community, c.Received, c.Overdue})
		}
		for _, r := range p.SlowestOpen {
			jp.SlowestOpen = append(jp.SlowestOpen, req(store.LogRequest{Request: r}))
		}
		out.Period = jp
	}
	// Compact, one object on one line: jq or any JSON reader lays it out,
	// and indenting a month of records would cost more than encoding them.
	// The object is encoded with marks for its three long lists, which are
	// written there record by record.
	e := newJSONEncoder()
	head, err := e.encode(out)
	if err != nil {
		return err
	}
	head = bytes.Clone(head)
	b := bufio.NewWriterSize(w, 64<<10)
	if head, err = jsonList(b, e, head, out.Visits, rec.spooled("visits"), rec.visits, j.visit); err != nil {
		return err
	}
	if head, err = jsonList(b, e, head, out.Requests, rec.spooled("requests"), rec.requests, func(r store.LogRequest) any { return req(r) }); err != nil {
		return err
	}
	if head, err = jsonList(b, e, head, out.Bookings, rec.spooled("bookings"), rec.bookings, j.booking); err != nil {
		return err
	}
	b.Write(head)
	b.WriteByte('\n')
	return b.Flush()
}

// summaryJSON is a summary as the JSON log carries it; the network report's
// rows carry the same, so they compare key by key.
func summaryJSON(s store.Summary) jsonSummary {
	out := jsonSummary{jsonFigures: figuresJSON(s.Figures), ByPurpose: []jsonPurpose{}, ByCategory: []jsonCategory{}, Venues: []jsonVenue{}}
	for _, p := range s.ByPurpose {
		out.ByPurpose = append(out.ByPurpose, jsonPurpose{p.Purpose, p.Visits, p.Headcount})
	}
	for _, c := range s.ByCategory {
		out.ByCategory = append(out.ByCategory, jsonCategory{c.Category, c.Received, c.Resolved, c.Overdue,
			rateJSON(c.Response), rateJSON(c.Resolution), rateJSON(c.Satisfaction)})
	}
	for _, v := range s.Venues {
		out.Venues = append(out.Venues, jsonVenue{v.VenueID, v.Name, v.Bookings, v.Approved, v.NoShows,
			v.BookedTime.Hours(), v.OpenTime.Hours(), v.Share()})
	}
	return out
}

func rateJSON(r store.Rate) jsonRate {
	j := jsonRate{Num: r.Num, Den: r.Den}
	if r.Valid() {
		p := r.Percent()
		j.Percent = &p
	}
	return j
}

func figuresJSON(f store.Figures) jsonFigures {
	return jsonFigures{Visits: f.Visits, Headcount: f.Headcount, Visitors: f.Visitors, PartyMembers: f.PartyMembers,
		ServiceVisits: f.ServiceVisits, Volunteers: f.Volunteers, ServiceHours: f.ServiceTime.Hours(),
		RequestsReceived: f.RequestsReceived, Urgent: f.Urgent, Resolved: f.Resolved, Rejected: f.Rejected,
		Transferred: f.Transferred, Open: f.Open, Overdue: f.Overdue, Satisfied: f.Satisfied, FairlySatisfied: f.FairlySatisfied,
		Unsatisfied: f.Unsatisfied, ResponseRate: rateJSON(f.Response), ResolutionRate: rateJSON(f.Resolution),
		SatisfactionRate: rateJSON(f.Satisfaction), Bookings: f.Bookings, BookingsApproved: f.BookingsApproved,
		BookingsArrived: f.BookingsArrived, BookingsPending: f.BookingsPending, BookingsCancelled: f.BookingsCancelled,
		BookingsRejected: f.BookingsRejected, NoShows: f.NoShows, BookedHours: f.BookedTime.Hours(),
		VisitSources: jsonSources(f.VisitSources), RequestSources: jsonSources(f.RequestSources),
		BookingSources: jsonSources(f.BookingSources)}
}

// changesJSON is each headline figure's change against the previous period,
// under the figure's own key.
func changesJSON(now, then store.Figures) map[string]*float64 {
	n := func(a, b int) *float64 { d := float64(a - b); return &d }
	h := func(a, b time.Duration) *float64 { d := a.Hours() - b.Hours(); return &d }
	r := func(a, b store.Rate) *float64 {
		if !a.Valid() || !b.Valid() {
			return nil
		}
		d := a.Percent() - b.Percent()
		return &d
	}
	return map[string]*float64{
		"visits": n(now.Visits, then.Visits), "headcount": n(now.Headcount, then.Headcount),
		"party_members": n(now.PartyMembers, then.PartyMembers), "service_hours": h(now.ServiceTime, then.ServiceTime),
		"requests_received": n(now.RequestsReceived, then.RequestsReceived), "requests_resolved": n(now.Resolved, then.Resolved),
		"requests_overdue": n(now.Overdue, then.Overdue), "response_rate": r(now.Response, then.Response),
		"resolution_rate": r(now.Resolution, then.Resolution), "satisfaction_rate": r(now.Satisfaction, then.Satisfaction),
		"bookings": n(now.Bookings, then.Bookings), "booked_hours": h(now.BookedTime, then.BookedTime),
		"no_shows": n(now.NoShows, then.NoShows),
	}
}

// appendVisit appends v as encoding/json encodes j.visit(v) with the log's
// encoder (no HTML escaping), key for key and byte for byte, without
// reflection: a year has half a million visits, and encoding them was most
// of a JSON report's own time. TestVisitJSON holds it to encoding/json.
func (j jsonRecords) appendVisit(dst []byte, e *jsonEncoder, v store.Visit) ([]byte, error) {
	var err error
	str := func(key, s string) {
		dst = append(dst, key...)
		if err == nil {
			dst, err = appendJSONString(dst, e, s)
		}
	}
	at := func(key string, t time.Time) {
		dst = append(dst, key...)
		dst = append(dst, '"')
		dst = t.In(j.loc).AppendFormat(dst, time.RFC3339)
		dst = append(dst, '"')
	}
	dst = append(dst, `{"id":`...)
	dst = strconv.AppendInt(dst, v.ID, 10)
	str(`,"receipt_no":`, v.ReceiptNo)
	at(`,"created_at":`, v.CreatedAt)
	str(`,"source":`, v.Source)
	str(`,"created_by":`, v.CreatedBy)
	str(`,"name":`, v.Name)
	str(`,"phone":`, v.Phone)
	str(`,"org":`, v.Org)
	str(`,"purpose":`, v.Purpose)
	dst = append(dst, `,"headcount":`...)
	dst = strconv.AppendInt(dst, int64(v.Headcount), 10)
	dst = append(dst, `,"party_member":`...)
	dst = strconv.AppendBool(dst, v.PartyMember)
	at(`,"checked_in_at":`, v.CheckedInAt)
	if v.CheckedOutAt.IsZero() {
		dst = append(dst, `,"checked_out_at":null`...)
	} else {
		at(`,"checked_out_at":`, v.CheckedOutAt)
	}
	dst = append(dst, `,"auto_closed":`...)
	dst = strconv.AppendBool(dst, v.AutoClosed)
	dst = append(dst, `,"service_hours":`...)
	dst = appendJSONFloat(dst, v.ServiceDuration().Hours())
	str(`,"note":`, v.Note)
	return append(dst, '}'), err
}

// appendJSONString appends s as a JSON string. Text encoding/json copies
// as it is (printable ASCII but " and \, and valid UTF-8 but U+2028 and
// U+2029) is quoted here; anything else goes through the log's encoder.
func appendJSONString(dst []byte, e *jsonEncoder, s string) ([]byte, error) {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b < 0x20 || b == '"' || b == '\\' {
				return appendEncoded(dst, e, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return appendEncoded(dst, e, s)
		}
		i += size
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"'), nil
}

func appendEncoded(dst []byte, e *jsonEncoder, v any) ([]byte, error) {
	out, err := e.encode(v)
	return append(dst, out...), err
}

// appendJSONFloat appends a finite f as encoding/json writes a float64:
// the shortest decimal that reads back as f, in exponent form below 1e-6
// and from 1e21, with the exponent's leading zero dropped (1e-07 is 1e-7).
func appendJSONFloat(dst []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.AppendFloat(dst, f, 'g', -1, 64) // never a duration's hours; encoding/json would fail
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		if n := len(dst); n-start >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}
