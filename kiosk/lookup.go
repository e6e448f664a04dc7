package kiosk

import (
	"net/http"

	"frontdesk/lang"
	"frontdesk/store"
)

// lookupPerMinute is how many 查询进度 attempts one address may make a
// minute, hits and misses alike, so receipt numbers and phone endings cannot
// be tried in bulk.
const lookupPerMinute = 10

// lookupPage is the data of lookup.html.
type lookupPage struct {
	page
	Receipt, Last4 string
	Errors         map[string]string
	Error          string
}

// E returns the message for field, or "".
func (p lookupPage) E(field string) string { return p.Errors[field] }

func (s *Server) lookupForm(w http.ResponseWriter, r *http.Request) error {
	s.render(w, http.StatusOK, "lookup.html", s.lookupPage())
	return nil
}

func (s *Server) lookupPage() lookupPage {
	return lookupPage{page: s.page(s.tr(lang.LookUpReceipt)), Errors: map[string]string{}}
}

// submitLookup finds a record by its receipt number and the phone's last
// four digits and goes to its status page; a miss says so without saying
// which part was wrong, and keeps what was typed.
func (s *Server) submitLookup(w http.ResponseWriter, r *http.Request) error {
	p := s.lookupPage()
	p.Receipt, p.Last4 = r.PostForm.Get("receipt"), r.PostForm.Get("phone_last4")
	status := http.StatusOK
	if ok, log := s.lookups.take(s.clientAddr(r)); !ok {
		if log {
			s.log.Warn("look-ups limited", "addr", s.clientAddr(r))
		}
		w.Header().Set("Retry-After", "60")
		p.Error = messageOf(errLookups, s.cfg.Lang)
		s.render(w, http.StatusTooManyRequests, "lookup.html", p)
		return nil
	}
	code, err := s.db.FindByReceipt(r.Context(), p.Receipt, p.Last4)
	if err == nil {
		seeOther(w, "/s/"+code)
		return nil
	}
	if status = statusOf(err); status >= 500 && status != http.StatusServiceUnavailable {
		return err
	}
	if f := store.ErrorField(err); f != "" {
		p.Errors[f] = messageOf(err, s.cfg.Lang)
	} else {
		p.Error = messageOf(err, s.cfg.Lang)
	}
	s.render(w, status, "lookup.html", p)
	return nil
}
