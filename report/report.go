// Package report renders the daily log (台账) in text, CSV, HTML and JSON,
// and the volunteer service-hours table and certificates. Every figure comes
// from the store's one snapshot; the renderers only lay it out.
package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// Options are the printing facts a log carries besides its data.
type Options struct {
	Lang      string // zh or en
	PrintedBy string
	PrintedAt time.Time
}

// Formats lists the formats Write knows. pdf is the html printed through
// headless Chromium (PDF).
var Formats = []string{"text", "csv", "html", "json", "pdf"}

// HoursFormats lists the formats WriteHours knows.
var HoursFormats = []string{"text", "html", "pdf"}

// BadFormat is the error for a format Write does not know, in both languages.
func BadFormat(format string, known []string) *store.Error {
	return &store.Error{Code: store.EINVALID, Field: "format",
		Text: lang.UnknownFormat.Format(format, lang.Text{ZH: strings.Join(known, lang.ListSep.ZH), EN: strings.Join(known, lang.ListSep.EN)})}
}

// Write renders l in format to w. The whole output is rendered before any
// of it is written, so an error never leaves half a log behind.
func Write(w io.Writer, l *store.DailyLog, format string, opt Options) error {
	return WriteContext(context.Background(), w, l, format, opt)
}

// WriteContext is Write with a context that stops a PDF's browser.
func WriteContext(ctx context.Context, w io.Writer, l *store.DailyLog, format string, opt Options) error {
	if !slices.Contains(Formats, format) {
		return BadFormat(format, Formats)
	}
	if l == nil {
		return fmt.Errorf("report: no log to write")
	}
	return writeWhole(ctx, w, format, func(b *bytes.Buffer) error { return writeJSON(b, l, opt) },
		func() *document { return build(l, opt) })
}

// writeWhole renders a document in format (JSON through its own writer) into
// memory and writes it only when all of it rendered.
func writeWhole(ctx context.Context, w io.Writer, format string, writeJSON func(*bytes.Buffer) error, doc func() *document) error {
	var buf bytes.Buffer
	var err error
	switch format {
	case "json":
		err = writeJSON(&buf)
	case "text":
		err = writeText(&buf, doc())
	case "csv":
		err = writeCSV(&buf, doc())
	case "html":
		err = writeHTML(&buf, doc())
	case "pdf":
		d := doc()
		if err = writeHTML(&buf, d); err == nil {
			// The center is at the left of the running head already.
			title := strings.TrimSpace(strings.TrimPrefix(d.Title, d.Center))
			err = toPDF(ctx, &buf, PDFHead{Lang: d.Lang, Center: d.Center, Title: title + " · " + d.Period})
		}
	}
	if err != nil {
		return fmt.Errorf("render %s: %w", format, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// toPDF replaces the HTML page in buf with its PDF.
func toPDF(ctx context.Context, buf *bytes.Buffer, head PDFHead) error {
	out, err := PDF(ctx, buf.Bytes(), head)
	if err != nil {
		return err
	}
	buf.Reset()
	buf.Write(out)
	return nil
}
