package report

import (
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
	Head []column
	Half bool // narrow enough to sit beside another
	// Body is the table's rows, escaped and built in Go: a busy day has
	// thousands of rows, and walking them in the template costs more than
	// the rest of the page together.
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

func writeHTML(w io.Writer, doc *document) error {
	p := htmlPage{document: doc, Style: logStyle, Words: words{doc.Lang}}
	sep := p.Words.tr(lang.ColonSep)
	for _, s := range doc.Sections {
		hs := htmlSection{Title: s.Title, Notes: s.Notes, Charts: s.Charts}
		for _, t := range s.Tables {
			ht := htmlTable{table: t}
			for _, c := range t.Columns {
				if !c.Detail && !c.CSVOnly {
					ht.Head = append(ht.Head, c)
				}
			}
			ht.Half = !t.KV && len(ht.Head) <= 4
			if !t.KV {
				ht.Body = htmlBody(t, len(ht.Head), sep)
			}
			hs.Tables = append(hs.Tables, ht)
		}
		p.Sections = append(p.Sections, hs)
	}
	return templates.ExecuteTemplate(w, "log.html", p)
}

// htmlBody writes the rows of t: one <tr> of cells each, and under it a
// row spanning the table with the detail columns, when any has a value.
func htmlBody(t table, span int, sep string) template.HTML {
	var b strings.Builder
	b.Grow(len(t.Rows) * 200)
	esc := template.HTMLEscapeString
	for _, r := range t.Rows {
		if r.Alert {
			b.WriteString(`<tr class="alert">`)
		} else {
			b.WriteString("<tr>")
		}
		var details []int
		for i, c := range t.Columns {
			switch {
			case c.CSVOnly:
			case c.Detail:
				if r.Cells[i] != "" {
					details = append(details, i)
				}
			case c.Bar:
				b.WriteString(`<td class="bar">` + barSVG(r.Cells[i]) + "</td>")
			case c.Right:
				b.WriteString(`<td class="num">` + esc(r.Cells[i]) + "</td>")
			default:
				b.WriteString("<td>" + esc(r.Cells[i]) + "</td>")
			}
		}
		b.WriteString("</tr>\n")
		if len(details) == 0 {
			continue
		}
		if r.Alert {
			b.WriteString(`<tr class="detail alert">`)
		} else {
			b.WriteString(`<tr class="detail">`)
		}
		b.WriteString(`<td colspan="` + strconv.Itoa(span) + `">`)
		for _, i := range details {
			b.WriteString("<span>" + esc(t.Columns[i].Head) + sep + esc(r.Cells[i]) + "</span>")
		}
		b.WriteString("</td></tr>\n")
	}
	return template.HTML(b.String())
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
