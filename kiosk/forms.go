package kiosk

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"frontdesk/store"
)

// formKind is one of the three phone forms a lobby code opens.
type formKind struct {
	Kind   string
	ZH, EN string
	// Fields are the form's field names, as SPEC Contracts fixes them.
	Fields []string
}

func (k formKind) title(lang string) string {
	if lang == "en" {
		return k.EN
	}
	return k.ZH
}

var formKinds = []formKind{
	{"request", "我要办事/提诉求", "Requests & errands", []string{"name", "phone", "community", "category", "urgency", "description"}},
	{"booking", "预约场地", "Book a room", []string{"venue", "org", "contact", "phone", "title", "purpose", "attendees", "date", "start", "end"}},
	{"checkin", "来访登记", "Visitor check-in", []string{"name", "phone", "org", "purpose", "party_member", "headcount"}},
}

func formKindOf(kind string) *formKind {
	for i := range formKinds {
		if formKinds[i].Kind == kind {
			return &formKinds[i]
		}
	}
	return nil
}

// formPage is what every form page carries: the token, the values typed so
// far and the store's messages, each beside its field.
type formPage struct {
	page
	Kind   string
	Token  string
	Values map[string]string
	Errors map[string]string
	Error  string // a message that belongs to no one field
}

// V returns the value typed into field.
func (f formPage) V(field string) string { return f.Values[field] }

// E returns the message for field, or "".
func (f formPage) E(field string) string { return f.Errors[field] }

// option is one choice of a select or radio group.
type option struct {
	Value, Text string
	Selected    bool
}

// labelOptions lists labels as choices, marking the one chosen (by code or
// by name: the store accepts either).
func labelOptions(list []store.Label, lang, chosen string) []option {
	out := make([]option, 0, len(list))
	for _, l := range list {
		out = append(out, option{Value: l.Code, Text: l.Text(lang), Selected: chosen != "" && (chosen == l.Code || chosen == l.ZH || chosen == l.EN)})
	}
	return out
}

// requestPage is the data of request.html.
type requestPage struct {
	formPage
	Categories, Urgencies []option
}

// bookingPage is the data of booking.html.
type bookingPage struct {
	formPage
	Venues, Purposes []option
	MinDate, MaxDate string
}

// checkinPage is the data of checkin.html.
type checkinPage struct {
	formPage
	Purposes []option
}

// newForm starts a form page for kind after checking the token.
func (s *Server) newForm(r *http.Request, kind string) (formPage, error) {
	tok := r.FormValue("token")
	if err := s.checkToken(kind, tok, s.db.Now()); err != nil {
		return formPage{}, err
	}
	k := formKindOf(kind)
	f := formPage{page: s.page(k.title(s.cfg.Lang)), Kind: kind, Token: tok, Values: map[string]string{}, Errors: map[string]string{}}
	if r.Method == http.MethodPost {
		for _, name := range k.Fields {
			f.Values[name] = r.PostForm.Get(name)
		}
	}
	return f, nil
}

// invalidForm puts a store error beside its field, or above the form, and
// says which status the page answers. Internal errors are not the
// visitor's to fix and go to the error page instead.
func (f *formPage) invalidForm(err error, lang string) (int, bool) {
	status := statusOf(err)
	if status >= 500 && status != http.StatusServiceUnavailable {
		return status, false // busy or full pages keep the visitor's values
	}
	msg := store.ErrorMessage(err, lang)
	field := store.ErrorField(err)
	if field != "" && slices.Contains(formKindOf(f.Kind).Fields, field) {
		f.Errors[field] = msg
	} else {
		f.Error = msg
	}
	return status, true
}

func (s *Server) requestPage(f formPage) requestPage {
	lang := s.cfg.Lang
	return requestPage{formPage: f,
		Categories: labelOptions(store.Categories, lang, f.V("category")),
		Urgencies:  labelOptions(store.Urgencies, lang, f.V("urgency"))}
}

func (s *Server) requestForm(w http.ResponseWriter, r *http.Request) error {
	f, err := s.newForm(r, "request")
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "request.html", s.requestPage(f))
	return nil
}

func (s *Server) submitRequest(w http.ResponseWriter, r *http.Request) error {
	f, err := s.newForm(r, "request")
	if err != nil {
		return err
	}
	req, err := s.db.CreateRequest(r.Context(), store.RequestInput{
		Name: f.V("name"), Phone: f.V("phone"), Community: f.V("community"), Category: f.V("category"),
		Urgency: f.V("urgency"), Description: f.V("description"), Actor: "kiosk", Source: "kiosk",
	})
	if err != nil {
		status, ok := f.invalidForm(err, s.cfg.Lang)
		if !ok {
			return err
		}
		s.render(w, status, "request.html", s.requestPage(f))
		return nil
	}
	s.log.Info("kiosk request", "receipt", req.ReceiptNo, "addr", clientIP(r))
	http.Redirect(w, r, "/receipt/"+req.StatusCode, http.StatusSeeOther)
	return nil
}

func (s *Server) bookingPage(r *http.Request, f formPage) (bookingPage, error) {
	venues, err := s.db.Venues(r.Context(), true)
	if err != nil {
		return bookingPage{}, err
	}
	p := bookingPage{formPage: f, Purposes: labelOptions(store.BookingPurposes, s.cfg.Lang, f.V("purpose"))}
	for _, v := range venues {
		id := strconv.FormatInt(v.ID, 10)
		text := v.Name + " · " + s.text("可容纳 ", "up to ") + strconv.Itoa(v.Capacity) + s.text(" 人", "") +
			" · " + v.OpensAt.String() + "–" + v.ClosesAt.String()
		p.Venues = append(p.Venues, option{Value: id, Text: text, Selected: f.V("venue") == id})
	}
	today := s.db.Today()
	p.MinDate, p.MaxDate = today.String(), today.AddDays(180).String()
	if r.Method == http.MethodGet && f.V("date") == "" {
		f.Values["date"] = today.String() // a blank date sent back stays blank beside its message
	}
	return p, nil
}

func (s *Server) bookingForm(w http.ResponseWriter, r *http.Request) error {
	f, err := s.newForm(r, "booking")
	if err != nil {
		return err
	}
	p, err := s.bookingPage(r, f)
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "booking.html", p)
	return nil
}

func (s *Server) submitBooking(w http.ResponseWriter, r *http.Request) error {
	f, err := s.newForm(r, "booking")
	if err != nil {
		return err
	}
	b, err := s.createBooking(r, f)
	if err != nil {
		status, ok := f.invalidForm(err, s.cfg.Lang)
		if !ok {
			return err
		}
		p, perr := s.bookingPage(r, f)
		if perr != nil {
			return perr
		}
		s.render(w, status, "booking.html", p)
		return nil
	}
	s.log.Info("kiosk booking", "receipt", b.ReceiptNo, "addr", clientIP(r))
	http.Redirect(w, r, "/receipt/"+b.StatusCode, http.StatusSeeOther)
	return nil
}

// createBooking hands the form to the store. Numbers that do not parse go
// through as 0 or -1, so the store's own rule names the field.
func (s *Server) createBooking(r *http.Request, f formPage) (store.Booking, error) {
	start, end, err := s.db.BookingTimes(f.V("date"), f.V("start"), f.V("end"))
	if err != nil {
		return store.Booking{}, err
	}
	venue, _ := strconv.ParseInt(strings.TrimSpace(f.V("venue")), 10, 64)
	return s.db.CreateBooking(r.Context(), store.BookingInput{
		VenueID: venue, Org: f.V("org"), Contact: f.V("contact"), Phone: f.V("phone"), Title: f.V("title"),
		Purpose: f.V("purpose"), Attendees: atoiOr(f.V("attendees"), -1), Start: start, End: end,
		Actor: "kiosk", Source: "kiosk",
	})
}

func (s *Server) checkinPage(f formPage) checkinPage {
	return checkinPage{formPage: f, Purposes: labelOptions(store.Purposes, s.cfg.Lang, f.V("purpose"))}
}

func (s *Server) checkinForm(w http.ResponseWriter, r *http.Request) error {
	f, err := s.newForm(r, "checkin")
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "checkin.html", s.checkinPage(f))
	return nil
}

func (s *Server) submitCheckin(w http.ResponseWriter, r *http.Request) error {
	f, err := s.newForm(r, "checkin")
	if err != nil {
		return err
	}
	headcount := 0 // the store counts an empty headcount as one person
	if h := strings.TrimSpace(f.V("headcount")); h != "" {
		headcount = atoiOr(h, -1)
	}
	v, err := s.db.CheckIn(r.Context(), store.VisitInput{
		Name: f.V("name"), Phone: f.V("phone"), Org: f.V("org"), Purpose: f.V("purpose"),
		PartyMember: checked(f.V("party_member")), Headcount: headcount, Actor: "kiosk", Source: "kiosk",
	})
	if err != nil {
		status, ok := f.invalidForm(err, s.cfg.Lang)
		if !ok {
			return err
		}
		s.render(w, status, "checkin.html", s.checkinPage(f))
		return nil
	}
	s.log.Info("kiosk check-in", "receipt", v.ReceiptNo, "addr", clientIP(r))
	http.Redirect(w, r, "/receipt/"+v.StatusCode, http.StatusSeeOther)
	return nil
}

// checked reads a checkbox or yes/no field.
func checked(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "on", "yes", "true", "是":
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
