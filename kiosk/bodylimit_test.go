package kiosk

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// TestBodyLimit holds the body limit at its number, 16 KiB, on each form:
// a body of exactly 16384 bytes is read (and refused for its over-long
// field, 422), one byte more is 413 before anything is read. The other
// tests send MaxBodyBytes+1 and would follow the constant wherever it moved.
func TestBodyLimit(t *testing.T) {
	const limit = 16 << 10
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	// sized returns form with its field padded so that the encoded body is
	// exactly n bytes.
	sized := func(form url.Values, field string, n int) url.Values {
		form.Set(field, "")
		form.Set(field, strings.Repeat("x", n-len(form.Encode())))
		if got := len(form.Encode()); got != n {
			t.Fatalf("padding %s: body of %d bytes, want %d", field, got, n)
		}
		return form
	}
	for _, c := range []struct {
		path, field string
		form        url.Values
	}{
		{"/f/request", "description", requestForm(s.token("request", testNow))},
		{"/f/booking", "title", bookingForm(s.token("booking", testNow))},
		{"/f/checkin", "name", checkinForm(s.token("checkin", testNow))},
	} {
		if w := do(h, "POST", c.path, sized(c.form, c.field, limit), nil); w.Code != 422 {
			t.Errorf("%s with a body of %d bytes: got %d, want 422 (read, the field refused)", c.path, limit, w.Code)
		}
		w := do(h, "POST", c.path, sized(c.form, c.field, limit+1), nil)
		if w.Code != 413 || !strings.Contains(w.Body.String(), "内容太长了") {
			t.Errorf("%s with a body of %d bytes: got %d, want 413 saying it is too long", c.path, limit+1, w.Code)
		}
	}
	if rs, err := db.Requests(context.Background(), store.RequestFilter{}); err != nil || len(rs) != 0 {
		t.Errorf("requests stored: %d (%v), want none", len(rs), err)
	}
}
