package kiosk

import (
	"strings"
	"testing"
	"time"
)

// FuzzToken never accepts a token it did not make.
func FuzzToken(f *testing.F) {
	db := mustOpen(f)
	s := mustServer(f, db, Config{QRTTL: 10 * time.Minute})
	good := s.token("request", testNow)
	for _, seed := range []string{good, "", ".", "0.", "-1.AAAA", "99999999999999999999.x", good + "A", strings.ToUpper(good)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, tok string) {
		if err := s.checkToken("request", tok, testNow); err == nil && tok != good {
			t.Fatalf("accepted a token it never made: %q", tok)
		}
	})
}

// FuzzRequestForm sends any text in any request field: the answer is a 303
// or a 4xx, never a 5xx, and the text never comes back as live markup.
func FuzzRequestForm(f *testing.F) {
	db := mustOpen(f)
	s := mustServer(f, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	tok := s.token("request", testNow)
	for _, seed := range []string{"<script>alert(1)</script>", "\xff\xfe", "a\x00b", "\u202e", strings.Repeat("长", 1001), "'; DROP TABLE requests; --", "13812345678"} {
		f.Add("name", seed)
		f.Add("description", seed)
		f.Add("phone", seed)
	}
	f.Fuzz(func(t *testing.T, field, value string) {
		form := requestForm(tok)
		form.Set(field, value)
		w := do(h, "POST", "/f/request", form, nil)
		if w.Code >= 500 {
			t.Fatalf("%s=%q: status %d", field, value, w.Code)
		}
		if w.Code != 303 && w.Code >= 300 && w.Code < 400 {
			t.Fatalf("%s=%q: status %d", field, value, w.Code)
		}
		if strings.Contains(w.Body.String(), "<script>alert") {
			t.Fatalf("%s=%q: script echoed unescaped", field, value)
		}
	})
}
