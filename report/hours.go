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
		issued = opt.PrintedAt.In(loc).Format(time.DateOnly)
	}
	period := w.period(l.From, l.To)
	doc := &hoursDoc{
		Lang:  opt.Lang,
		Title: strings.TrimSpace(l.Center + " " + w.t("志愿服务时长统计", "Volunteer service hours")),
		Meta: []pair{
			{w.t("统计期间", "Period"), period},
			{w.t("打印人", "Printed by"), opt.PrintedBy},
			{w.t("打印时间", "Printed at"), printedAt(opt.PrintedAt, loc)},
		},
		Signature: []string{w.t("负责人签字", "Manager's signature"), w.t("日期", "Date")},
	}
	t := table{Key: "hours", Empty: w.t("本期无志愿服务记录", "no service recorded in the period"), Columns: []column{
		{Head: w.t("序号", "#"), Right: true}, {Head: w.t("姓名", "Name"), Flex: true}, {Head: w.t("电话", "Phone")},
		{Head: w.t("单位/社区", "Organisation"), Flex: true}, {Head: w.t("党员", "Party")},
		{Head: w.t("服务次数", "Times"), Right: true}, {Head: w.t("时长（小时）", "Hours"), Right: true}}}
	for i, p := range l.People {
		t.Rows = append(t.Rows, row{Cells: []string{itoa(i + 1), p.Name, p.Phone, p.Org, w.yes(p.PartyMember),
			itoa(p.Visits), hours(p.Duration)}})
		doc.Certificates = append(doc.Certificates, buildCertificate(w, l, p, period, issued, loc))
	}
	doc.Table = t
	doc.Total = fmt.Sprintf(w.t("合计：%d 人，%d 次，%s 小时", "Total: %d people, %d times, %s hours"),
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
		facts = append(facts, w.t("电话 ", "phone ")+store.MaskPhone(p.Phone))
	}
	if len(facts) > 0 {
		who += w.t("（", " (") + strings.Join(facts, w.t("，", ", ")) + w.t("）", ")")
	}
	c := certificate{
		Title: w.t("志愿服务时长证明", "Certificate of volunteer service hours"),
		Body: fmt.Sprintf(w.t("兹证明 %s 于 %s 期间在%s参加志愿服务 %d 次，累计服务时长 %s 小时。",
			"This is to certify that %s served as a volunteer at %s %d times in the period %s, %s hours in all."),
			certArgs(w, who, period, l.Center, p.Visits, hours(p.Duration))...),
		Closing:  w.t("特此证明。", "Issued on request."),
		Issuer:   l.Center,
		IssuedOn: issued,
		Seal:     w.t("（盖章）", "(seal)"),
	}
	c.Record = table{Key: "activities", Columns: []column{
		{Head: w.t("日期", "Date")}, {Head: w.t("签到", "In")}, {Head: w.t("签退", "Out")},
		{Head: w.t("时长（小时）", "Hours"), Right: true}, {Head: w.t("服务内容", "Activity")}}}
	for _, v := range p.Activities {
		c.Record.Rows = append(c.Record.Rows, row{Cells: []string{v.CheckedInAt.In(loc).Format(time.DateOnly),
			clock(v.CheckedInAt, loc, false), clock(v.CheckedOutAt, loc, false), hours(v.ServiceDuration()),
			w.label(store.Purposes, v.Purpose)}})
	}
	return c
}

// certArgs orders the certificate's facts for the language's sentence.
func certArgs(w words, who, period, center string, times int, h string) []any {
	if w.lang == "en" {
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
	writeTextTable(b, doc.Table, w)
	b.WriteString(doc.Total + "\n")
	b.WriteString(strings.Repeat("=", PageWidth) + "\n\n")
	var sig []string
	for _, s := range doc.Signature {
		sig = append(sig, s+w.t("：", ": ")+"____________________")
	}
	b.WriteString(strings.Join(sig, "        ") + "\n")
	for _, c := range doc.Certificates {
		b.WriteString("\f\n\n")
		b.WriteString(center(c.Title, PageWidth) + "\n\n\n")
		for _, l := range wrap("    "+c.Body, PageWidth, "") {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n" + w.t("服务记录：", "Service record:") + "\n")
		writeTextTable(b, c.Record, w)
		b.WriteString("\n    " + c.Closing + "\n\n\n")
		right := func(s string) {
			b.WriteString(strings.Repeat(" ", max(PageWidth-width(s)-4, 0)) + s + "\n")
		}
		right(c.Issuer + c.Seal)
		right(c.IssuedOn)
	}
	return b.Flush()
}
