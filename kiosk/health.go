package kiosk

import (
	"encoding/json"
	"net/http"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// health is the JSON body of /healthz.
type health struct {
	Status    string `json:"status"`           // "ok" or "unavailable"
	Writable  bool   `json:"writable"`         // submissions can be stored
	Reason    string `json:"reason,omitempty"` // the store's code: full, read_only, corrupt, busy
	Message   string `json:"message,omitempty"`
	Since     string `json:"since,omitempty"` // when the fault began, RFC 3339
	FreeBytes int64  `json:"free_bytes"`      // free space on the database's volume
	WALBytes  int64  `json:"wal_bytes"`       // size of the write-ahead log
	Streams   int    `json:"event_streams"`   // lobby event streams open
	Backup    *struct {
		LastOK string `json:"last_ok,omitempty"`
		Error  string `json:"error,omitempty"`
	} `json:"backup,omitempty"`
}

// handleHealth answers 200 while the kiosk can take submissions and 503 when
// it cannot (the database read-only, full, damaged or closing), with a JSON
// body saying why, the volume's free space and the WAL's size.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	h := s.db.Health()
	out := health{Status: "ok", Writable: h.Writable, FreeBytes: h.FreeBytes, WALBytes: h.WALBytes, Streams: s.streams.open()}
	status := http.StatusOK
	if !h.Writable {
		status, out.Status = http.StatusServiceUnavailable, "unavailable"
		out.Reason, out.Message = store.ErrorCode(h.Fault), store.ErrorMessage(h.Fault, s.cfg.Lang)
		if !h.Since.IsZero() {
			out.Since = h.Since.Format(time.RFC3339)
		}
		w.Header().Set("Retry-After", RetryAfter)
	}
	if b := h.Backup; b.Dir != "" {
		out.Backup = &struct {
			LastOK string `json:"last_ok,omitempty"`
			Error  string `json:"error,omitempty"`
		}{}
		if !b.LastOK.IsZero() {
			out.Backup.LastOK = b.LastOK.Format(time.RFC3339)
		}
		if b.Err != nil {
			// The detail (paths, the cause) is in the log and on the desk.
			out.Backup.Error = s.tr(lang.LastBackupFailed) + b.ErrAt.Format(time.RFC3339)
		}
	}
	body, _ := json.Marshal(out)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}
