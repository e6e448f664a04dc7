package kiosk

import (
	"context"
	"errors"
	"net/http"

	"frontdesk/lang"
	"frontdesk/store"
)

// pageError is a failure the kiosk itself detects, with the status it
// answers and what the visitor reads.
type pageError struct {
	Status int
	lang.Text
}

func (e *pageError) Error() string { return e.EN }

var (
	errNotFound  = &pageError{http.StatusNotFound, lang.PageNotFound}
	errMethod    = &pageError{http.StatusMethodNotAllowed, lang.MethodNotAllowed}
	errNoRecord  = &pageError{http.StatusNotFound, lang.NoRecordForLink}
	errRescan    = &pageError{http.StatusForbidden, lang.CodeExpired}
	errCrossSite = &pageError{http.StatusForbidden, lang.CrossSiteRefused}
	errTooLarge  = &pageError{http.StatusRequestEntityTooLarge, lang.TooLong}
	errBadForm   = &pageError{http.StatusBadRequest, lang.BadForm}
	errTooMany   = &pageError{http.StatusTooManyRequests, lang.TooManySubmissions}
	errLookups   = &pageError{http.StatusTooManyRequests, lang.TooManyLookups}
	errStaffOnly = &pageError{http.StatusForbidden, lang.StaffOnly}
	errNotSetUp  = &pageError{http.StatusServiceUnavailable, lang.NotSetUp}
	errBusy      = &pageError{http.StatusServiceUnavailable, lang.KioskBusy}

	errTooManyStreams = &pageError{http.StatusTooManyRequests, lang.TooManyLobbyStreams}
)

// statusOf maps an error to the HTTP status it answers: the kiosk's own
// errors carry theirs, a too-large body is 413, and store errors go by code.
func statusOf(err error) int {
	var pe *pageError
	if errors.As(err, &pe) {
		return pe.Status
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	switch store.ErrorCode(err) {
	case store.EINVALID:
		return http.StatusUnprocessableEntity
	case store.ENOTFOUND:
		return http.StatusNotFound
	case store.ECONFLICT:
		return http.StatusConflict
	case store.EBUSY, store.EFULL, store.EREADONLY, store.ECORRUPT:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// messageOf is what the visitor reads about err, in language.
func messageOf(err error, language string) string {
	var pe *pageError
	if errors.As(err, &pe) {
		return pe.In(language)
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return messageOf(errTooLarge, language)
	}
	return store.ErrorMessage(err, language)
}

// handlerFunc is a kiosk handler: it writes a page, or returns the error
// that handle turns into one.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc, answering its error with the right status and
// a friendly page; only internal errors are logged.
func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// submit is handle for a form submission: the form parsed within the body
// limit. Each handler applies the rate limit itself, since only what the
// store accepts counts against it.
func (s *Server) submit(h handlerFunc) http.HandlerFunc {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if err := r.ParseForm(); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return errTooLarge
			}
			return errBadForm
		}
		return h(w, r)
	})
}

// limited refuses a submission from an address that has used up its
// submissions with errTooMany, logging the first refusal of each minute.
func (s *Server) limited(r *http.Request) error {
	blocked, log := s.limiter.blocked(s.clientAddr(r))
	if log {
		s.log.Warn("rate limited", "addr", s.clientAddr(r), "path", r.URL.Path)
	}
	if blocked {
		return errTooMany
	}
	return nil
}

// fail answers err with its status and the error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	switch {
	case status < 500 || status == http.StatusServiceUnavailable:
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The phone went away before its answer (nothing of it was
		// stored): not the server's fault, and a load test's end would
		// otherwise write an error line for every connection.
		s.log.Debug("kiosk request gone", "method", r.Method, "path", r.URL.Path)
	default:
		s.log.Error("kiosk request", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	title := s.tr(lang.SomethingWentWrong)
	switch status {
	case http.StatusTooManyRequests:
		w.Header().Set("Retry-After", "60")
		title = s.tr(lang.PleaseWaitMoment)
	case http.StatusNotFound:
		title = s.tr(lang.NotFound)
	case http.StatusRequestEntityTooLarge:
		title = s.tr(lang.TooLongTitle)
	case http.StatusServiceUnavailable:
		title = s.tr(lang.NotAvailable)
	case http.StatusForbidden:
		title = s.tr(lang.NotAllowed)
	}
	p := errorPage{page: s.page(title), Message: messageOf(err, s.cfg.Lang), Status: status}
	if status == http.StatusForbidden && errors.Is(err, errRescan) {
		p.Title = s.tr(lang.PleaseScanAgain)
		p.Rescan = true
	}
	// What was sent can be sent again from the page before it, where the
	// browser keeps what was typed.
	p.Back = r.Method == http.MethodPost
	s.render(w, status, "error.html", p)
}

// errorPage is the data of error.html.
type errorPage struct {
	page
	Message string
	Status  int
	Rescan  bool
	Back    bool // the page answers a submission: say the form is one step back
}
