package kiosk

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"frontdesk/lang"
	"frontdesk/store"
)

// formKind is one of the three phone forms a lobby code opens.
type formKind struct {
	Kind string
	lang.Text
	// Fields are the form's field names, as SPEC Contracts fixes them, in
	// the order the page shows them (the error summary keeps it).
	Fields []string
}

func (k formKind) title(language string) string { return k.In(language) }

var formKinds = []formKind{
	{"request", lang.RequestsErrands, []string{"name", "phone", "community", "category", "urgency", "description"}},
	{"booking", lang.BookRoom, []string{"venue", "date", "start", "end", "title", "purpose", "attendees", "org", "contact", "phone", "repeat", "until"}},
	{"checkin", lang.VisitorCheckIn, []string{"name", "phone", "org", "purpose", "party_member", "headcount"}},
}

func formKindOf(kind string) *formKind {
	for i := range formKinds {
		if formKinds[i].Kind == kind {
			return &formKinds[i]
		}
	}
	return nil
}

// formPage is what every form page carries: the token, the one-time key,
// the values typed so far and the store's messages, each beside its field
// and all of them in a summary at the top.
type formPage struct {
	page
	Kind   string
	Token  string // "" when the code could not be renewed: the page keeps the values but cannot be sent
	Key    string // the one-time key: the same key sent again gives the same receipt
	Values map[string]string
	Errors map[string]string
	// Problems lists every field's message in the page's order, for the
	// summary at the top, each linking to its field.
	Problems []problem
	Error    string // a message that belongs to no one field
	// Fresh marks a form opened with nothing typed yet, where form.js may
	// fill in the draft the phone kept.
	Fresh bool
}

// problem is one line of a form's error summary.
type problem struct{ Field, Message string }

// V returns the value typed into field.
func (f formPage) V(field string) string { return f.Values[field] }

// E returns the message for field, or "".
func (f formPage) E(field string) string { return f.Errors[field] }

// fieldState is a field's name with its message, for the templates that
// draw the message and tie it to its input.
type fieldState struct{ Name, Error string }

// F returns field's state.
func (f formPage) F(field string) fieldState { return fieldState{field, f.Errors[field]} }

// Action is where the form posts: its own URL with the token, and the error
// summary as fragment, so an answer with errors opens with the summary in
// view and focused, even without JavaScript (a fragment's target takes the
// focus, which would otherwise fall back to the page).
func (f formPage) Action() string {
	return f.postTo("error-summary")
}

// DayAction is where the booking form posts to show a day or pick a free
// span: the form comes back with the day in view and nothing stored. It is
// a post, so what the visitor typed (their phone too) never goes into a URL.
func (f formPage) DayAction() string { return f.postTo("when") }

func (f formPage) postTo(fragment string) string {
	return "/f/" + f.Kind + "?token=" + url.QueryEscape(f.Token) + "#" + fragment
}

// option is one choice of a select or radio group.
type option struct {
	Value, Text string
	Selected    bool
}

// labelOptions lists labels as choices, marking the one chosen (by code or
// by name: the store accepts either).
func labelOptions(list []store.Label, language, chosen string) []option {
	out := make([]option, 0, len(list))
	for _, l := range list {
		out = append(out, option{Value: l.Code, Text: l.In(language), Selected: chosen != "" && (chosen == l.Code || chosen == l.ZH || chosen == l.EN)})
	}
	return out
}

// requestPage is the data of request.html.
type requestPage struct {
	formPage
	Categories, Urgencies []option
}

// checkinPage is the data of checkin.html.
type checkinPage struct {
	formPage
	Purposes []option
}

// readForm starts a form page for kind from what the request carries: the
// token, the key (a fresh one unless a usable one came back) and the
// values typed so far (a post carries them; the booking form posts them
// to show a day too, DayAction).
func (s *Server) readForm(r *http.Request, kind string) formPage {
	k := formKindOf(kind)
	f := formPage{page: s.page(k.title(s.cfg.Lang)), Kind: kind, Token: r.FormValue("token"),
		Key: r.FormValue("key"), Values: make(map[string]string, len(k.Fields))}
	if !store.ValidKey(f.Key) {
		f.Key = store.NewKey()
	}
	for _, name := range k.Fields {
		if v, ok := r.Form[name]; ok && len(v) > 0 {
			f.Values[name] = v[0]
		}
	}
	return f
}

// openForm is readForm for a GET: a code that does not open the form is
// the error page that says to scan again.
func (s *Server) openForm(r *http.Request, kind string) (formPage, error) {
	if err := r.ParseForm(); err != nil {
		return formPage{}, errBadForm
	}
	f := s.readForm(r, kind)
	if err := s.checkToken(kind, f.Token, s.db.Now()); err != nil {
		return formPage{}, err
	}
	f.Fresh = len(f.Values) == 0
	return f, nil
}

// invalidForm puts each of a store error's messages beside its field, and
// the rest above the form, and says which status the page answers. A busy
// or unavailable database is a message above the form too: the visitor
// keeps what they typed. Other internal errors are not the visitor's to fix
// and go to the error page instead.
func (f *formPage) invalidForm(err error, language string) (int, bool) {
	status := statusOf(err)
	if status >= 500 && status != http.StatusServiceUnavailable {
		return status, false // busy or full pages keep the visitor's values
	}
	fields := formKindOf(f.Kind).Fields
	placed := false
	for _, e := range store.FieldErrors(err) {
		if slices.Contains(fields, e.Field) {
			if f.Errors == nil {
				f.Errors = map[string]string{}
			}
			f.Errors[e.Field] = e.Message(language)
			placed = true
		}
	}
	if !placed {
		f.Error = messageOf(err, language)
	}
	for _, name := range fields {
		if m := f.Errors[name]; m != "" {
			f.Problems = append(f.Problems, problem{name, m})
		}
	}
	return status, true
}

// formRenderer draws a form page again with status.
type formRenderer func(w http.ResponseWriter, r *http.Request, status int, f formPage) error

// submitForm runs one phone form's submission: the code, the rate limit,
// then create, which hands the form to the store and returns the status
// code of the record it made. Whatever goes wrong short of an internal
// error, the form comes back with every value typed: with a fresh code
// when the old one has expired, with the store's messages beside their
// fields. Only a submission the store accepted counts against the limit.
func (s *Server) submitForm(w http.ResponseWriter, r *http.Request, kind string,
	create func(f formPage) (string, error), render formRenderer) error {
	f := s.readForm(r, kind)
	now := s.db.Now()
	if err := s.checkToken(kind, f.Token, now); err != nil {
		if !errors.Is(err, errRescan) {
			return err
		}
		if s.renewable(kind, f.Token, now) {
			f.Token = s.token(kind, now)
			f.Error = s.tr(lang.CodeRenewed)
		} else {
			f.Token = ""
			f.Error = s.tr(lang.CodeInvalidKept)
		}
		return render(w, r, http.StatusForbidden, f)
	}
	ip := s.clientAddr(r)
	if blocked, log := s.limiter.blocked(ip); blocked {
		if log {
			s.log.Warn("rate limited", "addr", ip, "path", r.URL.Path)
		}
		w.Header().Set("Retry-After", "60")
		f.Error = messageOf(errTooMany, s.cfg.Lang) + s.tr(lang.TypedIsKept)
		return render(w, r, http.StatusTooManyRequests, f)
	}
	code, err := create(f)
	if errors.Is(err, errShowOnly) {
		return render(w, r, http.StatusOK, f)
	}
	if err != nil {
		status, ok := f.invalidForm(err, s.cfg.Lang)
		if !ok {
			return err
		}
		return render(w, r, status, f)
	}
	s.limiter.spend(ip)
	seeOther(w, "/receipt/"+code)
	return nil
}

// checkField answers the form script's question as the visitor leaves a
// field: the store's messages for the form as it stands, as JSON
// {"errors": {field: message}}. Nothing is written.
func (s *Server) checkField(w http.ResponseWriter, r *http.Request) error {
	kind := r.PathValue("kind")
	if formKindOf(kind) == nil {
		return errNotFound
	}
	f := s.readForm(r, kind)
	var err error
	switch kind {
	case "request":
		_, err = s.requestInput(f).Validate()
	case "checkin":
		_, err = s.visitInput(f).Validate()
	case "booking":
		var in store.BookingInput
		if in, err = s.db.ReadBookingForm(bookingFields(f), store.BookingInput{Source: store.SourceKiosk}); err == nil {
			err = s.db.CheckBooking(r.Context(), in)
		}
	}
	out := map[string]string{}
	if err != nil {
		if statusOf(err) >= 500 {
			return err
		}
		for _, e := range store.FieldErrors(err) {
			out[e.Field] = e.Message(s.cfg.Lang)
		}
	}
	b, _ := json.Marshal(map[string]any{"errors": out})
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.Write(b)
	return nil
}

func (s *Server) requestPage(f formPage) requestPage {
	language := s.cfg.Lang
	return requestPage{formPage: f,
		Categories: labelOptions(store.Categories, language, f.V("category")),
		Urgencies:  labelOptions(store.Urgencies, language, f.V("urgency"))}
}

func (s *Server) renderRequest(w http.ResponseWriter, r *http.Request, status int, f formPage) error {
	s.render(w, status, "request.html", s.requestPage(f))
	return nil
}

func (s *Server) requestForm(w http.ResponseWriter, r *http.Request) error {
	f, err := s.openForm(r, "request")
	if err != nil {
		return err
	}
	return s.renderRequest(w, r, http.StatusOK, f)
}

func (s *Server) requestInput(f formPage) store.RequestInput {
	return store.RequestInput{
		Name: f.V("name"), Phone: f.V("phone"), Community: f.V("community"), Category: f.V("category"),
		Urgency: f.V("urgency"), Description: f.V("description"), Actor: store.ActorKiosk, Source: store.SourceKiosk, Key: f.Key,
	}
}

func (s *Server) submitRequest(w http.ResponseWriter, r *http.Request) error {
	return s.submitForm(w, r, "request", func(f formPage) (string, error) {
		req, err := s.db.CreateRequest(r.Context(), s.requestInput(f))
		if err == nil && s.log.Enabled(r.Context(), slog.LevelDebug) {
			s.log.Debug("kiosk request", "receipt", req.ReceiptNo, "addr", s.clientAddr(r))
		}
		return req.StatusCode, err
	}, s.renderRequest)
}

func (s *Server) checkinPage(f formPage) checkinPage {
	return checkinPage{formPage: f, Purposes: labelOptions(store.Purposes, s.cfg.Lang, f.V("purpose"))}
}

func (s *Server) renderCheckin(w http.ResponseWriter, r *http.Request, status int, f formPage) error {
	s.render(w, status, "checkin.html", s.checkinPage(f))
	return nil
}

func (s *Server) checkinForm(w http.ResponseWriter, r *http.Request) error {
	f, err := s.openForm(r, "checkin")
	if err != nil {
		return err
	}
	return s.renderCheckin(w, r, http.StatusOK, f)
}

func (s *Server) visitInput(f formPage) store.VisitInput {
	headcount := 0 // the store counts an empty headcount as one person
	if h := strings.TrimSpace(f.V("headcount")); h != "" {
		headcount = atoiOr(h, -1)
	}
	return store.VisitInput{
		Name: f.V("name"), Phone: f.V("phone"), Org: f.V("org"), Purpose: f.V("purpose"),
		PartyMember: checked(f.V("party_member")), Headcount: headcount, Actor: store.ActorKiosk, Source: store.SourceKiosk, Key: f.Key,
	}
}

func (s *Server) submitCheckin(w http.ResponseWriter, r *http.Request) error {
	return s.submitForm(w, r, "checkin", func(f formPage) (string, error) {
		v, err := s.db.CheckIn(r.Context(), s.visitInput(f))
		if err == nil && s.log.Enabled(r.Context(), slog.LevelDebug) {
			s.log.Debug("kiosk check-in", "receipt", v.ReceiptNo, "addr", s.clientAddr(r))
		}
		return v.StatusCode, err
	}, s.renderCheckin)
}

// checked reads a checkbox or yes/no field.
func checked(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "on", "yes", "true", lang.Yes.ZH:
		return true
	}
	return false
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }
