package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
	"strconv"
	"strings"

	"frontdesk/lang"
	"frontdesk/report/chart"
)

//go:embed templates/*.html templates/*.css
var templateFS embed.FS

// templates are parsed once; a bad template fails at start-up, not mid-print.
var templates = template.Must(template.ParseFS(templateFS, "templates/*.html"))

// The print stylesheets, inlined in each page so a saved file needs nothing
// from outside.
var (
	logStyle   = mustStyle("templates/log.css")
	hoursStyle = mustStyle("templates/hours.css")
)

// StyleHashes lists the Content-Security-Policy sources of the inline
// stylesheets of Write's and WriteHours' HTML. A server whose policy has
// style-src 'self' adds them to style-src for the pages that serve a log,
// so the browser applies the A4 print styles:
//
//	style-src 'self' + " " + report.StyleHashes
var StyleHashes = cspHash(logStyle) + " " + cspHash(hoursStyle)

func mustStyle(name string) template.CSS {
	b, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
}

func cspHash(css template.CSS) string {
	sum := sha256.Sum256([]byte(css))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

type htmlTable struct {
	table
	Head    []column
	Half    bool // narrow enough to sit beside another
	HasRows bool
	// Body is where the table's rows go: a mark the page is cut at, and
	// the rows, escaped and built in Go, are written there as they are
	// read. A busy year has hundreds of thousands of rows; walking them in
	// the template would cost more than the rest of the page together, and
	// hold them all.
	Body template.HTML
}

type htmlSection struct {
	Title  string
	Tables []htmlTable
	Notes  []string
	Charts []template.HTML
}

type htmlPage struct {
	*document
	Style    template.CSS
	Words    words
	Sections []htmlSection
}

// bodyMark is the mark of the n-th table's rows in the page: no text of a
// log holds a NUL.
func bodyMark(n int) string { return "\x00rows " + strconv.Itoa(n) + "\x00" }

func writeHTML(out io.Writer, doc *document) error {
	p := htmlPage{document: doc, Style: logStyle, Words: words{doc.Lang}}
	sep := p.Words.tr(lang.ColonSep)
	type body struct {
		t    table
		span int
	}
	var bodies []body
	for _, s := range doc.Sections {
		hs := htmlSection{Title: s.Title, Notes: s.Notes, Charts: s.Charts}
		for _, t := range s.Tables {
			ht := htmlTable{table: t, HasRows: t.n() > 0, Head: htmlHead(t.Columns)}
			ht.Half = !t.KV && len(ht.Head) <= 4
			if !t.KV {
				ht.Body = template.HTML(bodyMark(len(bodies)))
				bodies = append(bodies, body{t, len(ht.Head)})
			}
			hs.Tables = append(hs.Tables, ht)
		}
		p.Sections = append(p.Sections, hs)
	}
	// The page without its rows is small: laid out whole, then written
	// with each table's rows at its mark.
	var page bytes.Buffer
	if err := templates.ExecuteTemplate(&page, "log.html", p); err != nil {
		return err
	}
	b := bufio.NewWriterSize(out, 64<<10)
	rest := page.Bytes()
	for i, bd := range bodies {
		mark := []byte(bodyMark(i))
		k := bytes.Index(rest, mark)
		if k < 0 {
			continue // an empty table says so instead
		}
		b.Write(rest[:k])
		rest = rest[k+len(mark):]
		var err error
		if bd.t.Spool != nil {
			err = bd.t.Spool.copyTo(b)
		} else {
			err = htmlBody(b, bd.t, bd.span, sep)
		}
		if err != nil {
			return err
		}
	}
	b.Write(rest)
	return b.Flush()
}

// htmlHead is the columns of a table's head: those on a row's line.
func htmlHead(columns []column) []column {
	var head []column
	for _, c := range columns {
		if !c.Detail && !c.CSVOnly {
			head = append(head, c)
		}
	}
	return head
}

// htmlBody writes the rows of t (htmlRows).
func htmlBody(b *bufio.Writer, t table, span int, sep string) error {
	h := htmlRows{columns: t.Columns, span: span, sep: sep}
	return t.each(func(r row) error { h.write(b, r); return nil })
}

// htmlRows writes a table's rows: one <tr> of cells each, and under it a
// row spanning the table with the detail columns, when any has a value.
type htmlRows struct {
	columns []column
	span    int // the columns of a row's line
	sep     string
	details []int
}

func (h *htmlRows) write(b *bufio.Writer, r row) {
	esc := func(s string) { template.HTMLEscape(b, []byte(s)) }
	if r.Alert {
		b.WriteString(`<tr class="alert">`)
	} else {
		b.WriteString("<tr>")
	}
	h.details = h.details[:0]
	for i, c := range h.columns {
		switch {
		case c.CSVOnly:
		case c.Detail:
			if r.Cells[i] != "" {
				h.details = append(h.details, i)
			}
		case c.Bar:
			b.WriteString(`<td class="bar">` + barSVG(r.Cells[i]) + "</td>")
		case c.Right:
			b.WriteString(`<td class="num">`)
			esc(r.Cells[i])
			b.WriteString("</td>")
		default:
			b.WriteString("<td>")
			esc(r.Cells[i])
			b.WriteString("</td>")
		}
	}
	b.WriteString("</tr>\n")
	if len(h.details) == 0 {
		return
	}
	if r.Alert {
		b.WriteString(`<tr class="detail alert">`)
	} else {
		b.WriteString(`<tr class="detail">`)
	}
	b.WriteString(`<td colspan="` + strconv.Itoa(h.span) + `">`)
	for _, i := range h.details {
		b.WriteString("<span>")
		esc(h.columns[i].Head)
		b.WriteString(h.sep)
		esc(r.Cells[i])
		b.WriteString("</span>")
	}
	b.WriteString("</td></tr>\n")
}

// barSVG draws a bar cell, a run of '#' each worth ten points as the text
// prints it, as a bar 100 units long at full, in SVG so the strict style
// policy is kept; an empty cell draws nothing.
func barSVG(cell string) string {
	n := strings.Count(cell, "#")
	if n == 0 {
		return ""
	}
	return string(chart.Meter(float64(min(100, 10*n)), 100))
}
