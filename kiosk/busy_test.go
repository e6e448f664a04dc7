package kiosk

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestStoreUnavailable: a submission the store cannot take (here: the
// database is closing, as during shutdown) gets a 503 asking to try again,
// never a 500.
func TestStoreUnavailable(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	tok := s.token("checkin", testNow)
	db.Close()
	rec := do(h, "POST", "/f/checkin?token="+tok, checkinForm(tok), nil)
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("got %d, want 503", rec.Code)
	}
	if body := rec.Body.String(); !strings.Contains(body, "请稍后再试") {
		t.Errorf("the page does not ask to try again:\n%.500s", body)
	}
}
