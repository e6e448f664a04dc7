package kiosk

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/internal/faults"
	"frontdesk/report"
	"frontdesk/store"
)

// healthOf reads /healthz.
func healthOf(t *testing.T, h http.Handler) (int, health) {
	t.Helper()
	rec := do(h, "GET", "/healthz", nil, nil)
	var out health
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("healthz body %q: %v", rec.Body.String(), err)
	}
	return rec.Code, out
}

// TestBusyKeepsValues: while another process holds the write lock, a
// check-in is answered within a few seconds with the 503 form, the values
// typed and Retry-After, and /healthz is 503 busy; when the lock is gone the
// same post is stored and /healthz is 200 again.
func TestBusyKeepsValues(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	tok := s.token("checkin", testNow)
	release := faults.Lock(t, db.Path())
	start := time.Now()
	rec := do(h, "POST", "/f/checkin?token="+tok, checkinForm(tok, "name", "排队的访客", "org", "远方社区"), nil)
	waited := time.Since(start)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("busy: status %d Retry-After %q, want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	if bound := store.BusyTimeout + store.QueueWait + time.Second; waited > bound {
		t.Errorf("the phone waited %v, want at most %v", waited, bound)
	}
	body := rec.Body.String()
	for _, want := range []string{"排队的访客", "远方社区", "系统繁忙"} {
		if !strings.Contains(body, want) {
			t.Errorf("the busy page lacks %q:\n%.2000s", want, body)
		}
	}
	// /healthz says what the phone was told, until a write lands again.
	if code, out := healthOf(t, h); code != http.StatusServiceUnavailable || out.Writable || out.Reason != store.EBUSY {
		t.Errorf("healthz behind the lock: %d %+v, want 503, not writable, reason busy", code, out)
	}
	release()
	rec = do(h, "POST", "/f/checkin?token="+tok, checkinForm(tok, "name", "排队的访客"), nil)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("after the lock: status %d", rec.Code)
	}
	if code, out := healthOf(t, h); code != http.StatusOK || !out.Writable || out.Reason != "" {
		t.Errorf("healthz after the lock: %d %+v, want 200 and writable", code, out)
	}
}

// TestFullDisk: on a full volume a phone's booking gets the 503 form saying
// the storage is full, with its values kept; /healthz is 503 with the
// reason, the free space and the WAL size as JSON; once room is made, both
// recover.
func TestFullDisk(t *testing.T) {
	dir := faults.Tmpfs(t, "4m")
	db, err := store.Open(filepath.Join(dir, "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Now = func() time.Time { return testNow }
	if err := db.Init(context.Background(), store.InitInput{Center: "测试中心", Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}}}); err != nil {
		t.Fatal(err)
	}
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	if code, out := healthOf(t, h); code != 200 || !out.Writable || out.FreeBytes <= 0 {
		t.Fatalf("healthz before: %d %+v", code, out)
	}
	filler := faults.Fill(t, dir, 0)
	tok := s.token("checkin", testNow)
	var rec = do(h, "POST", "/f/checkin?token="+tok, checkinForm(tok, "name", "满盘访客"), nil)
	for i := 0; rec.Code == http.StatusSeeOther && i < 2000; i++ {
		rec = do(h, "POST", "/f/checkin?token="+tok, checkinForm(tok, "name", "满盘访客", "org", strings.Repeat("单位", 30)), nil)
	}
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("full disk: status %d, want 503 with Retry-After:\n%.1000s", rec.Code, rec.Body.String())
	}
	if body := rec.Body.String(); !strings.Contains(body, "存储空间已满") || !strings.Contains(body, "满盘访客") {
		t.Errorf("the full-disk page lacks the message or the values:\n%.2000s", body)
	}
	code, out := healthOf(t, h)
	if code != http.StatusServiceUnavailable || out.Writable || out.Reason != store.EFULL || !strings.Contains(out.Message, "存储空间已满") {
		t.Errorf("healthz on a full disk: %d %+v", code, out)
	}
	if out.WALBytes > 2<<20 {
		t.Errorf("the WAL is %d bytes", out.WALBytes)
	}
	faults.Remove(t, filler)
	if rec := do(h, "POST", "/f/checkin?token="+tok, checkinForm(tok, "name", "空间恢复"), nil); rec.Code != http.StatusSeeOther {
		t.Errorf("after room was made: status %d", rec.Code)
	}
	if code, out := healthOf(t, h); code != 200 || !out.Writable {
		t.Errorf("healthz after room was made: %d %+v", code, out)
	}
}

// TestTrustedProxy: the daily log trusts a loopback peer only when no
// proxy header says it forwards someone else, unless the peer is the
// trusted proxy and the client it names is loopback; the staff token opens
// it anyway, and a replaced token no longer does.
func TestTrustedProxy(t *testing.T) {
	db := mustOpen(t)
	plain := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	proxied := mustServer(t, db, Config{QRTTL: 10 * time.Minute, TrustedProxy: "127.0.0.1"})
	lo := "127.0.0.1:5555"
	for _, tt := range []struct {
		name   string
		s      *Server
		header map[string]string
		want   int
	}{
		{"LoopbackDirect", plain, map[string]string{"RemoteAddr": lo}, 200},
		{"LoopbackForwarded", plain, map[string]string{"RemoteAddr": lo, "X-Forwarded-For": "203.0.113.9"}, 403},
		{"LoopbackForwardedRFC7239", plain, map[string]string{"RemoteAddr": lo, "Forwarded": "for=203.0.113.9;proto=https"}, 403},
		{"LoopbackForwardsLoopbackUntrusted", plain, map[string]string{"RemoteAddr": lo, "X-Forwarded-For": "127.0.0.1"}, 403},
		{"TrustedForwardsWorld", proxied, map[string]string{"RemoteAddr": lo, "X-Forwarded-For": "127.0.0.1, 203.0.113.9"}, 403},
		{"TrustedForwardsLoopback", proxied, map[string]string{"RemoteAddr": lo, "X-Forwarded-For": "127.0.0.1"}, 200},
		{"TrustedForwardsLoopbackRFC7239", proxied, map[string]string{"RemoteAddr": lo, "Forwarded": `for="[::1]:4711"`}, 200},
		{"UntrustedPeerSpoofs", proxied, map[string]string{"RemoteAddr": "192.0.2.7:1234", "X-Forwarded-For": "127.0.0.1"}, 403},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if rec := do(tt.s.Handler(), "GET", "/admin/daily", nil, tt.header); rec.Code != tt.want {
				t.Errorf("status %d, want %d", rec.Code, tt.want)
			}
		})
	}
	old := plain.DailyLogURL()
	oldPath := strings.TrimPrefix(old, testPublic)
	fwd := map[string]string{"RemoteAddr": lo, "X-Forwarded-For": "203.0.113.9"}
	if rec := do(plain.Handler(), "GET", oldPath, nil, fwd); rec.Code != 200 {
		t.Fatalf("the staff link through a proxy: %d", rec.Code)
	}
	qr := plain.token("checkin", testNow)
	if err := db.RotateStaffToken(context.Background(), store.Actor{System: "root"}); err != nil {
		t.Fatal(err)
	}
	if rec := do(plain.Handler(), "GET", oldPath, nil, fwd); rec.Code != http.StatusForbidden {
		t.Errorf("the replaced staff link: %d, want 403", rec.Code)
	}
	if rec := do(plain.Handler(), "GET", strings.TrimPrefix(plain.DailyLogURL(), testPublic), nil, fwd); rec.Code != 200 {
		t.Errorf("the new staff link: %d", rec.Code)
	}
	if plain.token("checkin", testNow) != qr {
		t.Error("replacing the staff token changed the QR codes")
	}
	if _, err := New(db, Config{TrustedProxy: "not-an-ip"}); err == nil {
		t.Error("a trusted proxy that is no address was accepted")
	}
}

// TestCSVInjectionFromKiosk: a name typed on a phone as a spreadsheet
// formula reaches the CSV export as text, never as a live formula.
func TestCSVInjectionFromKiosk(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	tok := s.token("checkin", testNow)
	evil := `=HYPERLINK("http://x","点我")`
	if rec := do(h, "POST", "/f/checkin?token="+tok, checkinForm(tok, "name", evil, "org", "@SUM(1+1)*cmd|' /C calc'!A0"), nil); rec.Code != http.StatusSeeOther {
		t.Fatalf("check-in: %d\n%.1000s", rec.Code, rec.Body.String())
	}
	log, err := db.DailyLog(context.Background(), db.Today(), db.Today())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, log, "csv", report.Options{Lang: "zh", PrintedBy: "负责人", PrintedAt: testNow}); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, rec := range recs {
		for _, cell := range rec {
			if strings.Contains(cell, "HYPERLINK") {
				found = true
				if cell != "'"+evil {
					t.Errorf("the name reached the CSV as %q, want %q", cell, "'"+evil)
				}
			}
			if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) {
				t.Errorf("CSV cell %q could run as a formula", cell)
			}
		}
	}
	if !found {
		t.Fatalf("the kiosk's name is not in the CSV:\n%s", buf.String())
	}
}
