package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"frontdesk/lang"
)

// Request statuses (诉求状态), as stored and as the JSON report carries them.
const (
	StatusNew         = "new"
	StatusAccepted    = "accepted"
	StatusInProgress  = "in_progress"
	StatusResolved    = "resolved"
	StatusClosed      = "closed"
	StatusTransferred = "transferred"
	StatusRejected    = "rejected"
)

// RequestStatuses names each request status.
var RequestStatuses = []Label{
	{StatusNew, lang.New},
	{StatusAccepted, lang.Accepted},
	{StatusInProgress, lang.InProgress},
	{StatusResolved, lang.Resolved},
	{StatusClosed, lang.Closed},
	{StatusTransferred, lang.Transferred},
	{StatusRejected, lang.RejectedStatus},
}

// requestFlow is the request workflow, the one place it is written down:
// each status and the statuses it may move to. Transferred requests go on
// with whoever received them.
var requestFlow = map[string][]string{
	StatusNew:         {StatusAccepted, StatusTransferred, StatusRejected},
	StatusAccepted:    {StatusInProgress, StatusResolved, StatusTransferred, StatusRejected},
	StatusInProgress:  {StatusResolved, StatusTransferred},
	StatusTransferred: {StatusAccepted, StatusInProgress, StatusResolved},
	StatusResolved:    {StatusClosed},
}

// NextStatuses returns the statuses a request in status from may move to.
func NextStatuses(from string) []string { return slices.Clone(requestFlow[from]) }

// CanMove reports whether the workflow allows from → to.
func CanMove(from, to string) bool { return slices.Contains(requestFlow[from], to) }

// Done reports whether a request in status s needs no more work.
func Done(s string) bool {
	return s == StatusResolved || s == StatusClosed || s == StatusRejected
}

// openStatusIn is the SQL predicate "status IN (the open statuses)": an IN
// list lets SQLite seek requests_status (status, promised_by) once per open
// status, where NOT IN of the done ones walks every older request.
var openStatusIn = func() string {
	var open []string
	for _, s := range RequestStatuses {
		if !Done(s.Code) {
			open = append(open, "'"+s.Code+"'")
		}
	}
	return "status IN (" + strings.Join(open, ", ") + ")"
}()

// callbackDue is the SQL predicate of a request awaiting its callback (回访):
// resolved and not yet rated.
var callbackDue = "status = '" + StatusResolved + "' AND satisfaction = ''"

// Request is a resident's request or errand (群众诉求).
type Request struct {
	ID                  int64
	ReceiptNo           string
	StatusCode          string
	Name                string
	Phone               string
	Community           string
	Category            string
	Urgency             string
	Description         string
	Handler             string
	Owner               string // who first took it (首问负责), or whom it went to
	PromisedBy          Day
	RespondBy           time.Time
	Status              string
	Resolution          string
	TransferredTo       string
	RejectReason        string
	Satisfaction        string
	SatisfactionComment string
	AcceptedAt          time.Time
	ResolvedAt          time.Time
	ClosedAt            time.Time
	CreatedBy           string
	Source              string
	CreatedAt           time.Time
	UpdatedAt           time.Time
	// Overdue is set when the request was read: past its promised day and
	// not yet resolved.
	Overdue bool
}

// RequestEvent is one change of a request's status.
type RequestEvent struct {
	ID    int64
	At    time.Time
	Actor string
	From  string // "" for the creation
	To    string
	Note  string
}

// RequestInput is a new request.
type RequestInput struct {
	Name        string
	Phone       string
	Community   string
	Category    string
	Urgency     string // normal (default) or urgent
	Description string
	Handler     string
	PromisedBy  Day // zero: the center's default for the urgency
	Actor       string
	Source      string
	// Key is the form's one-time key: a request sent again with the same key
	// returns the first one's record instead of making another. "" for none.
	Key string
}

// Validate checks a request and returns it cleaned. Every field is checked,
// and the error carries each field's message (FieldErrors).
func (in RequestInput) Validate() (RequestInput, error) {
	var p problems
	var err error
	in.Name, err = cleanName("name", in.Name, 30, true, lang.ColName)
	p.add(err)
	in.Phone, err = checkPhone("phone", in.Phone, true)
	p.add(err)
	in.Community, err = cleanName("community", in.Community, 60, false, lang.Community)
	p.add(err)
	in.Category, err = checkLabel("category", Categories, in.Category, lang.RequestCategory)
	p.add(err)
	if strings.TrimSpace(in.Urgency) == "" {
		in.Urgency = "normal"
	}
	in.Urgency, err = checkLabel("urgency", Urgencies, in.Urgency, lang.Urgency)
	p.add(err)
	in.Description, err = cleanTextLines("description", in.Description, 1000, true, true, lang.Description)
	p.add(err)
	in.Handler, err = cleanText("handler", in.Handler, 30, false, lang.Handler)
	p.add(err)
	p.add(checkKey(in.Key))
	p.add(checkOrigin(&in.Actor, &in.Source))
	return in, p.err()
}

const requestColumns = `id, receipt_no, status_code, name, phone, community, category, urgency, description,
	handler, owner, promised_by, respond_by, status, resolution, transferred_to, reject_reason, satisfaction,
	satisfaction_comment, accepted_at, resolved_at, closed_at, created_by, source, created_at, updated_at`

// nRequestColumns is how many requestColumns there are.
var nRequestColumns = columnCount(requestColumns)

// requestOf is the request of a row of requestColumns; today is the day by
// which it is overdue.
func requestOf(c cols, today Day) Request {
	q := Request{
		ID: c.num(0), ReceiptNo: c.str(1), StatusCode: c.str(2), Name: c.str(3),
		Phone: c.str(4), Community: c.str(5), Category: c.str(6), Urgency: c.str(7),
		Description: c.str(8), Handler: c.str(9), Owner: c.str(10),
		RespondBy: c.at(12), Status: c.str(13), Resolution: c.str(14), TransferredTo: c.str(15),
		RejectReason: c.str(16), Satisfaction: c.str(17), SatisfactionComment: c.str(18),
		AcceptedAt: c.at(19), ResolvedAt: c.at(20), ClosedAt: c.at(21),
		CreatedBy: c.str(22), Source: c.str(23), CreatedAt: c.at(24), UpdatedAt: c.at(25),
	}
	q.PromisedBy, _ = ParseDay(c.str(11))
	q.Overdue = !Done(q.Status) && q.PromisedBy.Before(today)
	return q
}

func (t *tx) requests(query string, args ...any) ([]Request, error) {
	rows, err := t.Query("SELECT "+requestColumns+" FROM requests "+query, args...)
	if err != nil {
		return nil, fmt.Errorf("query requests: %w", err)
	}
	defer rows.Close()
	var out []Request
	s, today := newRowScan(), t.db.DayOf(t.now)
	for rows.Next() {
		if err := s.scan(rows, nRequestColumns); err != nil {
			return nil, fmt.Errorf("scan request: %w", err)
		}
		out = append(out, requestOf(s, today))
	}
	return out, rows.Err()
}

func (t *tx) request(query string, args ...any) (Request, error) {
	s := newRowScan()
	err := s.scan(t.QueryRow("SELECT "+requestColumns+" FROM requests "+query, args...), nRequestColumns)
	if err == sql.ErrNoRows {
		return Request{}, notFound(lang.Request)
	}
	if err != nil {
		return Request{}, err
	}
	return requestOf(s, t.db.DayOf(t.now)), nil
}

// CreateRequest takes a new request, numbered R-YYYYMMDD-NNNN.
func (db *DB) CreateRequest(ctx context.Context, in RequestInput) (Request, error) {
	in, err := in.Validate()
	if err != nil {
		return Request{}, err
	}
	var r Request
	err = db.write(ctx, func(t *tx) error {
		if id, err := t.replayed(in.Key, "request"); err != nil || id != 0 {
			if err == nil {
				r, err = t.request("WHERE id = ?", id)
			}
			return err
		}
		s := t.db.Settings()
		today := t.db.DayOf(t.now)
		respond, days := s.ResponseHours, s.PromiseDays
		if in.Urgency == "urgent" {
			respond, days = s.UrgentResponseHours, s.UrgentPromiseDays
		}
		promised := in.PromisedBy
		if promised.IsZero() {
			promised = today.AddDays(days)
		} else if promised.Before(today) {
			return invalid("promised_by", lang.PromisedInPast)
		}
		no, err := t.nextReceiptNo(prefixRequest)
		if err != nil {
			return err
		}
		// The record is what was written, not read back (see CheckIn).
		at := fromUnix(unix(t.now))
		r = Request{ReceiptNo: no, StatusCode: newStatusCode(), Name: in.Name, Phone: in.Phone, Community: in.Community,
			Category: in.Category, Urgency: in.Urgency, Description: in.Description, Handler: in.Handler,
			PromisedBy: promised, RespondBy: fromUnix(unix(t.now.Add(time.Duration(respond) * time.Hour))),
			Status: StatusNew, CreatedBy: in.Actor, Source: in.Source, CreatedAt: at, UpdatedAt: at,
			Overdue: promised.Before(today)}
		res, err := t.Exec(`INSERT INTO requests (receipt_no, status_code, name, phone, community, category, urgency,
			description, handler, promised_by, respond_by, status, created_by, source, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ReceiptNo, r.StatusCode, in.Name, in.Phone, in.Community, in.Category, in.Urgency, in.Description, in.Handler,
			promised.String(), unix(r.RespondBy), StatusNew, in.Actor, in.Source, unix(t.now), unix(t.now))
		if err != nil {
			return fmt.Errorf("insert request: %w", err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("insert request: %w", err)
		}
		r.ID = id
		if err := t.addRequestEvent(id, in.Actor, "", StatusNew, ""); err != nil {
			return err
		}
		if err := t.remember(in.Key, "request", id); err != nil {
			return err
		}
		t.publish(KindRequest, "created", id, in.Source)
		return nil
	})
	return r, err
}

func (t *tx) addRequestEvent(id int64, actor, from, to, note string) error {
	_, err := t.Exec(`INSERT INTO request_events (request_id, at, actor, from_status, to_status, note)
		VALUES (?, ?, ?, ?, ?, ?)`, id, unix(t.now), actor, from, to, note)
	if err != nil {
		return fmt.Errorf("insert request event: %w", err)
	}
	return nil
}

// move changes a request's status if the workflow allows it, records the
// event, and lets set write the columns that go with the new status.
func (db *DB) move(ctx context.Context, where string, key any, actor, to, note string,
	set func(t *tx, r *Request) error) (Request, error) {
	actor, err := cleanText("actor", actor, 30, true, lang.StaffName)
	if err != nil {
		return Request{}, err
	}
	var r Request
	err = db.write(ctx, func(t *tx) error {
		var err error
		if r, err = t.request(where, key); err != nil {
			return err
		}
		from := r.Status
		if !CanMove(from, to) {
			return Errorf(ECONFLICT,
				lang.RequestCannotMove.Format(LabelOf(RequestStatuses, from).Text, LabelOf(RequestStatuses, to).Text))
		}
		if _, err := t.Exec("UPDATE requests SET status = ?, updated_at = ? WHERE id = ?", to, unix(t.now), r.ID); err != nil {
			return fmt.Errorf("update request: %w", err)
		}
		if set != nil {
			if err := set(t, &r); err != nil {
				return err
			}
		}
		if err := t.addRequestEvent(r.ID, actor, from, to, note); err != nil {
			return err
		}
		if r, err = t.request("WHERE id = ?", r.ID); err != nil {
			return err
		}
		source := SourceDesk
		if actor == ActorKiosk {
			source = SourceKiosk
		}
		t.publish(KindRequest, to, r.ID, source)
		return nil
	})
	return r, err
}

// Accept takes a request in (受理). The first to take it owns it.
func (db *DB) Accept(ctx context.Context, id int64, actor string) (Request, error) {
	return db.move(ctx, "WHERE id = ?", id, actor, StatusAccepted, "", func(t *tx, r *Request) error {
		_, err := t.Exec(`UPDATE requests SET accepted_at = COALESCE(accepted_at, ?),
			owner = CASE WHEN owner = '' THEN ? ELSE owner END WHERE id = ?`, unix(t.now), strings.TrimSpace(actor), r.ID)
		return err
	})
}

// Start marks a request in progress (办理中).
func (db *DB) Start(ctx context.Context, id int64, actor, note string) (Request, error) {
	note, err := cleanTextLines("note", note, 500, false, true, lang.NoteField)
	if err != nil {
		return Request{}, err
	}
	return db.move(ctx, "WHERE id = ?", id, actor, StatusInProgress, note, nil)
}

// Resolve closes the work on a request with what was done (办结).
func (db *DB) Resolve(ctx context.Context, id int64, actor, resolution string) (Request, error) {
	resolution, err := cleanTextLines("resolution", resolution, 1000, true, true, lang.Resolution)
	if err != nil {
		return Request{}, err
	}
	return db.move(ctx, "WHERE id = ?", id, actor, StatusResolved, resolution, func(t *tx, r *Request) error {
		// Resolving without a separate accept still counts as taking it.
		_, err := t.Exec(`UPDATE requests SET resolution = ?, resolved_at = ?, accepted_at = COALESCE(accepted_at, ?),
			owner = CASE WHEN owner = '' THEN ? ELSE owner END WHERE id = ?`,
			resolution, unix(t.now), unix(t.now), strings.TrimSpace(actor), r.ID)
		return err
	})
}

// Transfer hands a request to another person or department (转办), who
// owns it from then on.
func (db *DB) Transfer(ctx context.Context, id int64, actor, to, note string) (Request, error) {
	to, err := cleanText("transferred_to", to, 30, true, lang.TransferTarget)
	if err != nil {
		return Request{}, err
	}
	if note, err = cleanTextLines("note", note, 500, false, true, lang.NoteField); err != nil {
		return Request{}, err
	}
	return db.move(ctx, "WHERE id = ?", id, actor, StatusTransferred, note, func(t *tx, r *Request) error {
		_, err := t.Exec("UPDATE requests SET transferred_to = ?, owner = ?, handler = ? WHERE id = ?", to, to, to, r.ID)
		return err
	})
}

// Reject declines a request with the reason (不予受理).
func (db *DB) Reject(ctx context.Context, id int64, actor, reason string) (Request, error) {
	reason, err := cleanTextLines("reason", reason, 500, true, true, lang.RejectRequestReason)
	if err != nil {
		return Request{}, err
	}
	return db.move(ctx, "WHERE id = ?", id, actor, StatusRejected, reason, func(t *tx, r *Request) error {
		_, err := t.Exec("UPDATE requests SET reject_reason = ? WHERE id = ?", reason, r.ID)
		return err
	})
}

// RecordSatisfaction records the requester's verdict on a resolved request,
// from the desk's callback (回访) or the visitor's status page, and closes it.
func (db *DB) RecordSatisfaction(ctx context.Context, id int64, actor, satisfaction, comment string) (Request, error) {
	return db.recordSatisfaction(ctx, "WHERE id = ?", id, actor, satisfaction, comment)
}

// RateByCode is RecordSatisfaction from the visitor's private status page.
// Its refusals are worded for the visitor, not in the workflow's terms.
func (db *DB) RateByCode(ctx context.Context, code, satisfaction, comment string) (Request, error) {
	r, err := db.recordSatisfaction(ctx, "WHERE status_code = ?", code, ActorKiosk, satisfaction, comment)
	if ErrorCode(err) == ECONFLICT {
		if r.Status == StatusClosed {
			return r, Errorf(ECONFLICT, lang.AlreadyRated)
		}
		return r, Errorf(ECONFLICT, lang.RateNotYet)
	}
	return r, err
}

func (db *DB) recordSatisfaction(ctx context.Context, where string, key any, actor, satisfaction, comment string) (Request, error) {
	sat, err := checkLabel("satisfaction", Satisfactions, satisfaction, lang.Satisfaction)
	if err != nil {
		return Request{}, err
	}
	if comment, err = cleanTextLines("comment", comment, 500, false, true, lang.Comment); err != nil {
		return Request{}, err
	}
	note := LabelOf(Satisfactions, sat).ZH
	if comment != "" {
		note += lang.ColonSep.ZH + comment
	}
	return db.move(ctx, where, key, actor, StatusClosed, note, func(t *tx, r *Request) error {
		_, err := t.Exec("UPDATE requests SET satisfaction = ?, satisfaction_comment = ?, closed_at = ? WHERE id = ?",
			sat, comment, unix(t.now), r.ID)
		return err
	})
}

// Request returns one request.
func (db *DB) Request(ctx context.Context, id int64) (Request, error) {
	return db.oneRequest(ctx, "WHERE id = ?", id)
}

// RequestByReceipt returns the request with receipt number no.
func (db *DB) RequestByReceipt(ctx context.Context, no string) (Request, error) {
	return db.oneRequest(ctx, "WHERE receipt_no = ?", strings.ToUpper(strings.TrimSpace(no)))
}

// RequestByCode returns the request a private status code belongs to.
func (db *DB) RequestByCode(ctx context.Context, code string) (Request, error) {
	return db.oneRequest(ctx, "WHERE status_code = ?", code)
}

func (db *DB) oneRequest(ctx context.Context, where string, key any) (Request, error) {
	var r Request
	err := db.read(ctx, func(t *tx) (err error) { r, err = t.request(where, key); return })
	return r, err
}

// RequestEvents returns a request's history, oldest first.
func (db *DB) RequestEvents(ctx context.Context, id int64) ([]RequestEvent, error) {
	var out []RequestEvent
	err := db.read(ctx, func(t *tx) (err error) { out, err = t.requestEvents(id); return })
	return out, err
}

func (t *tx) requestEvents(id int64) ([]RequestEvent, error) {
	rows, err := t.Query(`SELECT id, at, actor, from_status, to_status, note FROM request_events
		WHERE request_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("request events: %w", err)
	}
	defer rows.Close()
	var out []RequestEvent
	for rows.Next() {
		var e RequestEvent
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.From, &e.To, &e.Note); err != nil {
			return nil, err
		}
		e.At = fromUnix(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// RequestFilter narrows a request list; zero fields do not filter.
type RequestFilter struct {
	Statuses []string
	Category string
	Overdue  bool // only overdue requests
	Callback bool // only resolved requests awaiting the callback
	From, To Day  // created on these days, inclusive
	Query    string
	Limit    int // default 500
}

// Requests lists requests, newest first.
func (db *DB) Requests(ctx context.Context, f RequestFilter) ([]Request, error) {
	var where []string
	var args []any
	if len(f.Statuses) > 0 {
		where = append(where, "status IN ("+marks("?", len(f.Statuses))+")")
		for _, s := range f.Statuses {
			args = append(args, s)
		}
	}
	if f.Category != "" {
		where = append(where, "category = ?")
		args = append(args, f.Category)
	}
	if f.Overdue {
		where = append(where, openStatusIn+" AND promised_by < ?")
		args = append(args, db.Today().String())
	}
	if f.Callback {
		where = append(where, callbackDue)
	}
	if !f.From.IsZero() {
		start, _ := db.Bounds(f.From)
		where = append(where, "created_at >= ?")
		args = append(args, unix(start))
	}
	if !f.To.IsZero() {
		_, end := db.Bounds(f.To)
		where = append(where, "created_at < ?")
		args = append(args, unix(end))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, "(receipt_no = ? OR name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')")
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(q) + "%"
		args = append(args, strings.ToUpper(q), like, like, like)
	}
	query := ""
	if len(where) > 0 {
		query = "WHERE " + strings.Join(where, " AND ")
	}
	if f.Limit <= 0 {
		f.Limit = 500
	}
	query += " ORDER BY created_at DESC, id DESC LIMIT ?"
	args = append(args, f.Limit)
	var out []Request
	err := db.read(ctx, func(t *tx) (err error) { out, err = t.requests(query, args...); return })
	return out, err
}

// Callbacks returns the callback list (回访清单): resolved requests whose
// satisfaction is not yet known, longest waiting first.
func (db *DB) Callbacks(ctx context.Context) ([]Request, error) { return db.FirstCallbacks(ctx, 0) }

// FirstCallbacks is the first n of the callback list, longest waiting
// first; n <= 0 is the whole list. A list that only shows the head of it
// (the desk's inbox, which counts the rest with CountsForDesk) reads no
// more: a big center can have tens of thousands awaiting their callback.
func (db *DB) FirstCallbacks(ctx context.Context, n int) ([]Request, error) {
	if n <= 0 {
		return db.firstCallbacks(ctx, n)
	}
	return sharedList(db, &db.callbacksHead, fmt.Sprint(n), func() ([]Request, error) { return db.firstCallbacks(ctx, n) })
}

func (db *DB) firstCallbacks(ctx context.Context, n int) ([]Request, error) {
	query := "WHERE " + callbackDue + " ORDER BY resolved_at, id"
	var args []any
	if n > 0 {
		query += " LIMIT ?"
		args = append(args, n)
	}
	var out []Request
	err := db.read(ctx, func(t *tx) (err error) {
		out, err = t.requests(query, args...)
		return
	})
	return out, err
}
