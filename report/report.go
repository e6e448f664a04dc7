// Package report renders the daily log (台账) in text, CSV, HTML and JSON.
package report

import (
	"io"
	"time"

	"frontdesk/store"
)

// Options are the printing facts a log carries besides its data.
type Options struct {
	Lang      string // zh or en
	PrintedBy string
	PrintedAt time.Time
}

// Formats lists the formats Write knows.
var Formats = []string{"text", "csv", "html", "json"}

// Write renders l in format to w.
func Write(w io.Writer, l *store.DailyLog, format string, opt Options) error { return nil }
