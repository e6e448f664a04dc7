package kiosk

import (
	"bytes"
	"image/png"
	"net/url"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

func TestToken(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	start := time.Unix(s.window(testNow)*600, 0)
	tok := s.token("request", testNow)
	tests := []struct {
		name string
		kind string
		tok  string
		at   time.Time
		ok   bool
	}{
		{"Current", "request", tok, testNow, true},
		{"SameWindowLater", "request", tok, start.Add(9 * time.Minute), true},
		{"GraceAfterRotation", "request", tok, start.Add(10*time.Minute + TokenGrace - time.Second), true},
		{"ExpiredAfterGrace", "request", tok, start.Add(10*time.Minute + TokenGrace + time.Second), false},
		{"FromTheFuture", "request", s.token("request", testNow.Add(time.Hour)), testNow, false},
		{"OtherKind", "booking", tok, testNow, false},
		{"Empty", "request", "", testNow, false},
		{"NoDot", "request", strings.ReplaceAll(tok, ".", ""), testNow, false},
		{"WindowChanged", "request", strings.Replace(tok, tok[:3], "123", 1), testNow, false},
		{"MACChanged", "request", otherSuffix(tok), testNow, false},
		{"NegativeWindow", "request", "-1." + strings.SplitN(tok, ".", 2)[1], testNow, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.checkToken(tt.kind, tt.tok, tt.at)
			if got := err == nil; got != tt.ok {
				t.Fatalf("checkToken(%q, %q) at %v: got err %v, want ok=%v", tt.kind, tt.tok, tt.at, err, tt.ok)
			}
			if err != nil && statusOf(err) != 403 {
				t.Errorf("status got %d, want 403", statusOf(err))
			}
		})
	}
	t.Run("RotatesEveryTTL", func(t *testing.T) {
		if a, b := s.token("request", start), s.token("request", start.Add(10*time.Minute)); a == b {
			t.Errorf("token did not rotate: %q", a)
		}
	})
	t.Run("OtherSecretRefused", func(t *testing.T) {
		other := mustServer(t, mustOpen(t), Config{QRTTL: 10 * time.Minute})
		if err := s.checkToken("request", other.token("request", testNow), testNow); err == nil {
			t.Error("a token signed with another center's secret was accepted")
		}
	})
	t.Run("NewSecretRefusesTheOldToken", func(t *testing.T) {
		// The current window's MAC is kept (tokenMAC); a new secret must
		// not find the old one kept.
		db := mustOpen(t)
		s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
		old := s.token("checkin", testNow)
		if err := s.checkToken("checkin", old, testNow); err != nil {
			t.Fatalf("the current token: %v", err)
		}
		if err := db.RotateSecret(t.Context(), store.Actor{System: "root"}); err != nil {
			t.Fatal(err)
		}
		if err := s.checkToken("checkin", old, testNow); err == nil {
			t.Error("the token of the old secret was accepted after a new secret")
		}
		if err := s.checkToken("checkin", s.token("checkin", testNow), testNow); err != nil {
			t.Errorf("the new secret's token: %v", err)
		}
	})
	t.Run("Static", func(t *testing.T) {
		st := mustServer(t, db, Config{QRTTL: 0})
		tok := st.token("checkin", testNow)
		if err := st.checkToken("checkin", tok, testNow.AddDate(1, 0, 0)); err != nil {
			t.Errorf("static token a year later: %v", err)
		}
		if tok != st.token("checkin", testNow.Add(48*time.Hour)) {
			t.Error("static token changed")
		}
		if err := s.checkToken("checkin", tok, testNow); err == nil {
			t.Error("a static token opened a rotating server's form")
		}
	})
}

// TestQRCodeDecodes reads each lobby code back with a QR decoder: it must be
// the form's absolute URL under the public URL, and the URL must open the form.
func TestQRCodeDecodes(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	links := s.FormLinks()
	if len(links) != 3 {
		t.Fatalf("FormLinks: got %d, want 3", len(links))
	}
	for _, l := range links {
		t.Run(l.Kind, func(t *testing.T) {
			w := do(h, "GET", "/qr/"+l.Kind+".png", nil, nil)
			if w.Code != 200 || w.Header().Get("Content-Type") != "image/png" {
				t.Fatalf("status %d type %q", w.Code, w.Header().Get("Content-Type"))
			}
			img, err := png.Decode(bytes.NewReader(w.Body.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			res, err := decodeQR(img)
			if err != nil {
				t.Fatal(err)
			}
			got := res.GetText()
			if got != l.URL {
				t.Errorf("decoded %q, want %q", got, l.URL)
			}
			if !strings.HasPrefix(got, testPublic+"/f/"+l.Kind+"?token=") {
				t.Errorf("decoded %q, want it under %s/f/%s", got, testPublic, l.Kind)
			}
			u, err := url.Parse(got)
			if err != nil {
				t.Fatal(err)
			}
			if w := do(h, "GET", u.RequestURI(), nil, nil); w.Code != 200 {
				t.Errorf("GET %s: status %d, want 200", u.RequestURI(), w.Code)
			}
			// Encoded once per token: the same bytes come from the cache.
			again := do(h, "GET", "/qr/"+l.Kind+".png", nil, nil)
			if !bytes.Equal(again.Body.Bytes(), w.Body.Bytes()) {
				t.Error("second QR image differs")
			}
		})
	}
}

// otherSuffix changes the last two characters of a token, whatever they were.
func otherSuffix(tok string) string {
	if strings.HasSuffix(tok, "AA") {
		return tok[:len(tok)-2] + "BB"
	}
	return tok[:len(tok)-2] + "AA"
}
