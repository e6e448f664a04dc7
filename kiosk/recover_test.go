package kiosk

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"frontdesk/lang"
)

// TestPanicAnswered500 makes a real handler panic (the look-up limiter gone)
// and checks that the request gets the pre-rendered 500 page with the
// security headers, the panic is logged with its stack, and the server goes
// on answering.
func TestPanicAnswered500(t *testing.T) {
	db := mustOpen(t)
	var logged bytes.Buffer
	s := mustServer(t, db, Config{Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	h := s.Handler()
	lookups := s.lookups
	s.lookups = nil
	w := do(h, http.MethodPost, "/lookup", url.Values{"receipt": {"R-20260310-0001"}, "phone_last4": {"5678"}},
		map[string]string{"Origin": testPublic, "Sec-Fetch-Site": "same-origin"})
	s.lookups = lookups

	if w.Code != http.StatusInternalServerError {
		t.Fatalf("status: got %d, want 500; body %s", w.Code, w.Body)
	}
	if !bytes.Equal(w.Body.Bytes(), s.panicPage) {
		t.Errorf("body is not the pre-rendered page:\n%s", w.Body)
	}
	if !strings.Contains(w.Body.String(), lang.KioskInternalError.ZH) || strings.Contains(w.Body.String(), "nil pointer") {
		t.Errorf("the page should say an internal error, without the panic:\n%s", w.Body)
	}
	if w.Header().Get("Content-Security-Policy") == "" {
		t.Error("the 500 page went out without the security headers")
	}
	if log := logged.String(); !strings.Contains(log, "panicked") || !strings.Contains(log, "lookup.go") {
		t.Errorf("the log should hold the panic with its stack:\n%s", log)
	}
	if w := do(h, http.MethodGet, "/lookup", nil, nil); w.Code != http.StatusOK {
		t.Errorf("after the panic GET /lookup: got %d, want 200", w.Code)
	}
}

// TestAbortHandlerPasses keeps http.ErrAbortHandler a way to drop the
// connection: the middleware does not turn it into a page.
func TestAbortHandlerPasses(t *testing.T) {
	s := mustServer(t, mustOpen(t), Config{})
	h := s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler to pass through", v)
		}
	}()
	do(h, http.MethodGet, "/", nil, nil)
	t.Error("the abort did not reach the server")
}
