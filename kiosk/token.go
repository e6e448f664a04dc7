package kiosk

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// TokenGrace is how long a QR code keeps opening its form after the lobby
// stopped showing it: long enough to fill in a form, short enough that a
// photo passed around later does not work.
const TokenGrace = 30 * time.Minute

// A form token is "WINDOW.MAC": WINDOW counts QR rotations since the epoch
// (0 for static codes) and MAC is HMAC-SHA256 with the store's secret over
// the form kind, the rotation period and the window, cut to 128 bits.
// Nothing else is stored: any server with the secret can check a token.

// ttlSeconds is the rotation period in whole seconds; 0 means static codes.
func (s *Server) ttlSeconds() int64 {
	if s.cfg.QRTTL <= 0 {
		return 0
	}
	if n := int64(s.cfg.QRTTL / time.Second); n > 0 {
		return n
	}
	return 1
}

// window is the rotation window that instant now falls in.
func (s *Server) window(now time.Time) int64 {
	ttl := s.ttlSeconds()
	if ttl == 0 {
		return 0
	}
	return now.Unix() / ttl
}

func (s *Server) tokenMAC(kind string, ttl, window int64) []byte {
	secret := s.db.Settings().Secret
	memo := s.macs[kind] // nil for a kind that is not a form's: never kept
	if memo != nil {
		if m := memo.Load(); m != nil && m.ttl == ttl && m.window == window && m.secret == string(secret) {
			return m.mac
		}
	}
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("form\x00" + kind + "\x00" + strconv.FormatInt(ttl, 10) + "\x00" + strconv.FormatInt(window, 10)))
	mac := h.Sum(nil)[:16]
	if memo != nil {
		memo.Store(&macMemo{secret: string(secret), ttl: ttl, window: window, mac: mac})
	}
	return mac
}

// macMemo is the last MAC tokenMAC made for a form kind, with what it was
// made from: every submission in a rotation window asks for the same one.
// It is read only, by hmac.Equal and the token's encoding.
type macMemo struct {
	secret      string
	ttl, window int64
	mac         []byte
}

// macMemos holds one macMemo per form kind.
type macMemos map[string]*atomic.Pointer[macMemo]

func newMacMemos() macMemos {
	m := macMemos{}
	for _, k := range formKinds {
		m[k.Kind] = new(atomic.Pointer[macMemo])
	}
	return m
}

// token is the current token for a form kind.
func (s *Server) token(kind string, now time.Time) string {
	w := s.window(now)
	return strconv.FormatInt(w, 10) + "." + base64.RawURLEncoding.EncodeToString(s.tokenMAC(kind, s.ttlSeconds(), w))
}

// TokenRenew is how long after a code stopped opening its form a form sent
// with it is still given a fresh code, values kept: a visitor who took an
// hour over a long description loses nothing, while an old photo of a code
// still opens nothing.
const TokenRenew = 24 * time.Hour

// tokenWindow reads a token and checks its MAC, returning its window.
func (s *Server) tokenWindow(kind, tok string) (int64, bool) {
	ws, macText, ok := strings.Cut(tok, ".")
	if !ok || len(ws) > 20 {
		return 0, false
	}
	w, err := strconv.ParseInt(ws, 10, 64)
	if err != nil || w < 0 {
		return 0, false
	}
	mac, err := base64.RawURLEncoding.DecodeString(macText)
	if err != nil || !hmac.Equal(mac, s.tokenMAC(kind, s.ttlSeconds(), w)) {
		return 0, false
	}
	return w, true
}

// checkToken accepts a token the lobby showed for kind within the rotation
// period plus TokenGrace; a forged, altered or expired one is errRescan.
func (s *Server) checkToken(kind, tok string, now time.Time) error {
	if len(s.db.Settings().Secret) == 0 {
		return errNotSetUp
	}
	w, ok := s.tokenWindow(kind, tok)
	if !ok {
		return errRescan
	}
	ttl := s.ttlSeconds()
	if ttl == 0 {
		return nil // a static code; the MAC proved it is ours
	}
	start := time.Unix(w*ttl, 0)
	lastShown := start.Add(time.Duration(ttl) * time.Second)
	if now.Before(start.Add(-time.Minute)) || now.After(lastShown.Add(TokenGrace)) {
		return errRescan
	}
	return nil
}

// renewable reports whether a form sent with an expired token may be given
// a fresh one: the token is genuine and stopped working less than
// TokenRenew ago.
func (s *Server) renewable(kind, tok string, now time.Time) bool {
	w, ok := s.tokenWindow(kind, tok)
	if !ok || len(s.db.Settings().Secret) == 0 {
		return false
	}
	ttl := s.ttlSeconds()
	if ttl == 0 {
		return true
	}
	start := time.Unix(w*ttl, 0)
	return !now.Before(start.Add(-time.Minute)) && now.Before(start.Add(time.Duration(ttl)*time.Second+TokenGrace+TokenRenew))
}

// secretMark is a short public fingerprint of the secret (an HMAC, so it
// says nothing of the secret itself): it changes when the secret does.
func (s *Server) secretMark() string {
	m := hmac.New(sha256.New, s.db.Settings().Secret)
	m.Write([]byte("lobby\x00codes"))
	return hex.EncodeToString(m.Sum(nil)[:4])
}

// staffToken opens the manager pages from another machine. It is fixed for
// a database (derived from its secret and staff salt), so a bookmarked link
// keeps working until init --new-staff-token (or --new-secret) replaces it.
func (s *Server) staffToken() string {
	set := s.db.Settings()
	m := hmac.New(sha256.New, set.Secret)
	m.Write([]byte("staff\x00daily-log"))
	if set.StaffSalt != "" {
		m.Write([]byte("\x00" + set.StaffSalt))
	}
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// checkStaffToken compares a presented staff token in constant time.
func (s *Server) checkStaffToken(tok string) bool {
	if len(s.db.Settings().Secret) == 0 || tok == "" {
		return false
	}
	return hmac.Equal([]byte(tok), []byte(s.staffToken()))
}
