package kiosk

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"

	"frontdesk/lang"
	"frontdesk/report"
	"frontdesk/store"
)

// handleDailyLog prints the daily log (台账) of ?date= (today by default)
// as HTML for the manager's browser. It answers on loopback (not through a
// proxy, unless it is the trusted one), or anywhere with the staff token of
// DailyLogURL.
func (s *Server) handleDailyLog(w http.ResponseWriter, r *http.Request) error {
	if !s.onThisMachine(r) && !s.checkStaffToken(r.URL.Query().Get("token")) {
		s.log.Warn("daily log refused", "addr", clientIP(r), "forwarded_for", forwardedFor(r))
		return errStaffOnly
	}
	day := s.db.Today()
	if d := strings.TrimSpace(r.URL.Query().Get("date")); d != "" {
		var err error
		if day, err = store.ParseDay(d); err != nil {
			return err
		}
	}
	log, err := s.db.DailyLog(r.Context(), day, day)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	opt := report.Options{Lang: s.cfg.Lang, PrintedBy: s.tr(lang.KioskName), PrintedAt: s.db.Now()}
	if err := report.Write(&buf, log, "html", opt); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", withStyleHashes(contentSecurityPolicy, buf.Bytes()))
	w.Write(buf.Bytes())
	return nil
}

// withStyleHashes lets the <style> blocks of a page the kiosk did not write
// (the report's print stylesheet) through the policy by their hashes, so
// no other inline style, and no inline script at all, is allowed.
func withStyleHashes(policy string, page []byte) string {
	var hashes []string
	rest := page
	for {
		i := bytes.Index(rest, []byte("<style>"))
		if i < 0 {
			break
		}
		rest = rest[i+len("<style>"):]
		j := bytes.Index(rest, []byte("</style>"))
		if j < 0 {
			break
		}
		sum := sha256.Sum256(rest[:j])
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		rest = rest[j:]
	}
	if len(hashes) == 0 {
		return policy
	}
	return strings.Replace(policy, "style-src 'self'", "style-src 'self' "+strings.Join(hashes, " "), 1)
}
