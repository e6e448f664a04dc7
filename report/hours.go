package report

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// hoursDoc is the service-hours table and one certificate per person, laid
// out once for text and HTML.
type hoursDoc struct {
	Lang         string
	Title        string
	Meta         []pair
	Table        table
	Total        string
	Signature    []string
	Certificates []certificate
}

// certificate is a 志愿服务时长证明 for one person.
type certificate struct {
	Title    string
	Body     string // the sentence that certifies
	Record   table  // the service visits it counts
	Closing  string // 特此证明
	Issuer   string
	IssuedOn string
	Seal     string
}

func buildHours(l *store.ServiceLog, opt Options) *hoursDoc {
	w := words{opt.Lang}
	loc := l.Location
	if loc == nil {
		loc = time.UTC
	}
	issued := l.To.String()
	if !opt.PrintedAt.IsZero() {
		issued = opt.PrintedAt.In(loc).Format(lang.DateLayout)
	}
	period := w.period(l.From, l.To)
	doc := &hoursDoc{
		Lang:  opt.Lang,
		Title: strings.TrimSpace(l.Center + " " + w.tr(lang.VolunteerServiceHours)),
		Meta: []pair{
			{w.tr(lang.Period), period},
			{w.tr(lang.PrintedBy), opt.PrintedBy},
			{w.tr(lang.PrintedAt), printedAt(opt.PrintedAt, loc)},
		},
		Signature: []string{w.tr(lang.ManagerSignature), w.tr(lang.ColDate)},
	}
	t := table{Key: "hours", Empty: w.tr(lang.NoService), Columns: []column{
		{Head: w.tr(lang.SerialNo), Right: true}, {Head: w.tr(lang.ColName), Flex: true}, {Head: w.tr(lang.ColPhone)},
		{Head: w.tr(lang.ColOrg), Flex: true}, {Head: w.tr(lang.PartyShort)},
		{Head: w.tr(lang.Times), Right: true}, {Head: w.tr(lang.Hours), Right: true}}}
	for i, p := range l.People {
		t.Rows = append(t.Rows, row{Cells: []string{itoa(i + 1), p.Name, store.MaskPhone(p.Phone), p.Org, w.yes(p.PartyMember),
			itoa(p.Visits), hours(p.Duration)}})
		doc.Certificates = append(doc.Certificates, buildCertificate(w, l, p, period, issued, loc))
	}
	doc.Table = t
	doc.Total = fmt.Sprintf(w.tr(lang.HoursTotal),
		len(l.People), l.Visits, hours(l.Total))
	return doc
}

func buildCertificate(w words, l *store.ServiceLog, p store.ServicePerson, period, issued string, loc *time.Location) certificate {
	who := p.Name
	var facts []string
	if p.Org != "" {
		facts = append(facts, p.Org)
	}
	if p.Phone != "" {
		facts = append(facts, w.tr(lang.Phone)+store.MaskPhone(p.Phone))
	}
	if len(facts) > 0 {
		who += w.tr(lang.OpenParenSpaced) + strings.Join(facts, w.tr(lang.CommaSep)) + w.tr(lang.CloseParen)
	}
	c := certificate{
		Title: w.tr(lang.CertificateTitle),
		Body: fmt.Sprintf(w.tr(lang.CertificateBody),
			certArgs(w, who, period, l.Center, p.Visits, hours(p.Duration))...),
		Closing:  w.tr(lang.IssuedOnRequest),
		Issuer:   l.Center,
		IssuedOn: issued,
		Seal:     w.tr(lang.Seal),
	}
	c.Record = table{Key: "activities", Columns: []column{
		{Head: w.tr(lang.ColDate)}, {Head: w.tr(lang.In)}, {Head: w.tr(lang.Out)},
		{Head: w.tr(lang.Hours), Right: true}, {Head: w.tr(lang.ActivityHead)}}}
	for _, v := range p.Activities {
		c.Record.Rows = append(c.Record.Rows, row{Cells: []string{v.CheckedInAt.In(loc).Format(lang.DateLayout),
			clock(v.CheckedInAt, loc, false), clock(v.CheckedOutAt, loc, false), hours(v.ServiceDuration()),
			w.label(store.Purposes, v.Purpose)}})
	}
	return c
}

// certArgs orders the certificate's facts for the language's sentence.
func certArgs(w words, who, period, center string, times int, h string) []any {
	if w.lang == lang.EN {
		return []any{who, center, times, period, h}
	}
	return []any{who, period, center, times, h}
}

// WriteHours renders the service-hours table and the certificates in format
// (text or html) to w. In text, each certificate starts on a new page (a
// form feed); in HTML, with a page break.
func WriteHours(w io.Writer, l *store.ServiceLog, format string, opt Options) error {
	return WriteHoursContext(context.Background(), w, l, format, opt)
}

// WriteHoursContext is WriteHours with a context that stops a PDF's
// browser.
func WriteHoursContext(ctx context.Context, w io.Writer, l *store.ServiceLog, format string, opt Options) error {
	if !slices.Contains(HoursFormats, format) {
		return BadFormat(format, HoursFormats)
	}
	if l == nil {
		return fmt.Errorf("report: no service log to write")
	}
	doc := buildHours(l, opt)
	var buf bytes.Buffer
	var err error
	if format == "html" || format == "pdf" {
		err = templates.ExecuteTemplate(&buf, "hours.html", struct {
			*hoursDoc
			Style template.CSS
			Words words
		}{doc, hoursStyle, words{doc.Lang}})
		if err == nil && format == "pdf" {
			err = toPDF(ctx, &buf, PDFHead{Lang: opt.Lang, Center: l.Center, Title: strings.TrimSpace(strings.TrimPrefix(doc.Title, l.Center))})
		}
	} else {
		err = writeHoursText(&buf, doc)
	}
	if err != nil {
		return fmt.Errorf("render hours %s: %w", format, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func writeHoursText(out io.Writer, doc *hoursDoc) error {
	b := bufio.NewWriter(out)
	w := words{doc.Lang}
	b.WriteString(center(doc.Title, PageWidth))
	b.WriteString("\n\n")
	writePairs(b, doc.Meta, w)
	b.WriteString(strings.Repeat("=", PageWidth) + "\n")
	writeTextTable(b, doc.Table, w) // its rows are in memory: no error
	b.WriteString(doc.Total + "\n")
	b.WriteString(strings.Repeat("=", PageWidth) + "\n\n")
	var sig []string
	for _, s := range doc.Signature {
		sig = append(sig, s+w.tr(lang.ColonSep)+"____________________")
	}
	b.WriteString(strings.Join(sig, "        ") + "\n")
	for _, c := range doc.Certificates {
		b.WriteString("\f\n\n")
		b.WriteString(center(c.Title, PageWidth) + "\n\n\n")
		for _, l := range wrap("    "+c.Body, PageWidth, "") {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n" + w.tr(lang.ServiceRecord) + "\n")
		writeTextTable(b, c.Record, w) // its rows are in memory: no error
		b.WriteString("\n    " + c.Closing + "\n\n\n")
		right := func(s string) {
			b.WriteString(strings.Repeat(" ", max(PageWidth-width(s)-4, 0)) + s + "\n")
		}
		right(c.Issuer + c.Seal)
		right(c.IssuedOn)
	}
	return b.Flush()
}
