package kiosk

import (
	"encoding/base64"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// TestTokenEdges holds the token rules the mutation run (make mutate)
// showed unguarded: the window's length cap, a negative window even with a
// genuine MAC, a center without a secret (forms and the staff link),
// and the end of the renewal time.
func TestTokenEdges(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	tok := s.token("request", testNow)
	ws, mac, _ := strings.Cut(tok, ".")
	t.Run("WindowOf20DigitsRead", func(t *testing.T) {
		padded := strings.Repeat("0", 20-len(ws)) + ws + "." + mac
		if err := s.checkToken("request", padded, testNow); err != nil {
			t.Fatalf("20-digit window refused: %v", err)
		}
	})
	t.Run("WindowOver20DigitsRefused", func(t *testing.T) {
		padded := strings.Repeat("0", 21-len(ws)) + ws + "." + mac
		if _, ok := s.tokenWindow("request", padded); ok {
			t.Fatal("21-digit window accepted")
		}
	})
	t.Run("NegativeWindowWithGenuineMAC", func(t *testing.T) {
		forged := "-1." + base64.RawURLEncoding.EncodeToString(s.tokenMAC("request", s.ttlSeconds(), -1))
		if _, ok := s.tokenWindow("request", forged); ok {
			t.Fatal("negative window accepted")
		}
	})
	t.Run("RenewalEnds", func(t *testing.T) {
		start := time.Unix(s.window(testNow)*600, 0)
		end := start.Add(10*time.Minute + TokenGrace + TokenRenew)
		if !s.renewable("request", tok, end.Add(-time.Second)) {
			t.Error("not renewable just before the renewal time ends")
		}
		if s.renewable("request", tok, end.Add(time.Second)) {
			t.Error("renewable after the renewal time ended")
		}
		if s.renewable("request", tok, start.Add(-2*time.Minute)) {
			t.Error("renewable before its window began")
		}
	})
	t.Run("StaticCodesRenew", func(t *testing.T) {
		st := mustServer(t, db, Config{})
		if !st.renewable("request", st.token("request", testNow), testNow.Add(365*24*time.Hour)) {
			t.Error("a static code is not renewable")
		}
	})
	t.Run("NoSecret", func(t *testing.T) {
		bare, err := store.Open(filepath.Join(t.TempDir(), "bare.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer bare.Close()
		if len(bare.Settings().Secret) != 0 {
			t.Fatal("a fresh database has a secret")
		}
		ns := mustServer(t, bare, Config{QRTTL: 10 * time.Minute})
		nt := ns.token("request", testNow)
		if err := ns.checkToken("request", nt, testNow); err != errNotSetUp {
			t.Errorf("checkToken without a secret: %v, want errNotSetUp", err)
		}
		if ns.renewable("request", nt, testNow) {
			t.Error("renewable without a secret")
		}
		if ns.checkStaffToken(ns.staffToken()) {
			t.Error("a staff token accepted without a secret")
		}
	})
}
