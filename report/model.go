package report

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"frontdesk/store"
)

// document is the log laid out once, as titled sections of tables, in one
// language. The text, CSV and HTML renderers draw this same layout; none of
// them counts anything.
type document struct {
	Lang      string
	Title     string
	Center    string // whose document it is, at the top of every PDF page
	Period    string // the days it covers, beside the title there
	Meta      []pair // center, period, printed by, printed at
	Sections  []section
	Signature []string // the labels that get a line to sign on
}

type pair struct{ Label, Value string }

type section struct {
	Title  string
	Tables []table
	Notes  []string // definitions and footnotes, printed under the tables
	// Charts are drawn under the tables in HTML; text and CSV have the
	// tables' numbers only.
	Charts []template.HTML
}

// table is a titled grid. Key names it in the CSV's first column. A table of
// pairs (KV) has the columns label and value and prints as a grid of pairs.
type table struct {
	Key     string
	Title   string
	KV      bool
	Columns []column
	Rows    []row
	Empty   string // shown when there are no rows
}

type column struct {
	Head  string
	Right bool // numbers: right-aligned
	Flex  bool // may be cut short with an ellipsis in the text layout
	// Detail columns are long texts: a line under the row in text and HTML,
	// an ordinary column in CSV.
	Detail bool
	// CSVOnly columns are only in the CSV: bookkeeping a printed page can
	// do without.
	CSVOnly bool
	// Bar columns hold a bar of '#', one per ten points, which HTML draws
	// as a picture; text and CSV print the cell as it is.
	Bar bool
}

type row struct {
	Cells []string
	Alert bool // overdue, no-show: stands out
}

// words is the language of one rendering.
type words struct{ lang string }

// T is t for templates.
func (w words) T(zh, en string) string { return w.t(zh, en) }

func (w words) t(zh, en string) string {
	if w.lang == "en" {
		return en
	}
	return zh
}

func (w words) label(list []store.Label, code string) string {
	if code == "" {
		return ""
	}
	return store.LabelOf(list, code).Text(w.lang)
}

func (w words) yes(b bool) string {
	if b {
		return w.t("是", "yes")
	}
	return ""
}

// rate prints a rate as 75.0% (3/4), or a dash with nothing to count.
func (w words) rate(r store.Rate) string {
	if !r.Valid() {
		return "—"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", r.Percent(), r.Num, r.Den)
}

// pct prints a rate as 75.0%, for narrow columns.
func pct(r store.Rate) string {
	if !r.Valid() {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", r.Percent())
}

func hours(d time.Duration) string { return strconv.FormatFloat(d.Hours(), 'f', 1, 64) }

func itoa(n int) string { return strconv.Itoa(n) }

var weekdaysZH = []string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// period names the days a log covers.
func (w words) period(from, to store.Day) string {
	if from == to {
		if w.lang == "en" {
			return fmt.Sprintf("%s (%s)", from, from.Weekday())
		}
		return fmt.Sprintf("%s（%s）", from, weekdaysZH[from.Weekday()])
	}
	return fmt.Sprintf("%s %s %s", from, w.t("至", "to"), to)
}

// clock prints an instant as HH:MM, with the date when the log spans days or
// the instant falls on another day than ref.
func clock(t time.Time, loc *time.Location, withDate bool) string {
	if t.IsZero() {
		return ""
	}
	l := t.In(loc)
	if withDate {
		return l.Format("01-02 15:04")
	}
	return l.Format("15:04")
}

// build lays out a log.
func build(l *store.DailyLog, opt Options) *document {
	w := words{opt.Lang}
	loc := l.Location
	if loc == nil {
		loc = time.UTC
	}
	title := w.t("每日台账", "Daily log")
	if !l.SingleDay() {
		title = w.t("台账", "Log")
	}
	doc := &document{
		Lang:   opt.Lang,
		Title:  strings.TrimSpace(l.Center + " " + title),
		Center: l.Center,
		Period: w.period(l.From, l.To),
		Meta: []pair{
			{w.t("中心", "Center"), l.Center},
			{w.t("日期", "Period"), w.period(l.From, l.To)},
			{w.t("打印人", "Printed by"), opt.PrintedBy},
			{w.t("打印时间", "Printed at"), printedAt(opt.PrintedAt, loc)},
		},
		Signature: []string{w.t("负责人签字", "Manager's signature"), w.t("日期", "Date")},
	}
	sum := summarySection(w, l)
	sum.Charts = summaryCharts(w, l)
	doc.Sections = append(doc.Sections, sum)
	if l.Period != nil {
		doc.Sections = append(doc.Sections, periodSection(w, l, loc))
	}
	if !l.SingleDay() {
		days := daysSection(w, l)
		days.Charts = dayCharts(w, l)
		doc.Sections = append(doc.Sections, days)
	}
	multi := !l.SingleDay()
	doc.Sections = append(doc.Sections,
		visitsSection(w, l.Visits, loc, multi),
		requestsSection(w, "requests", w.t("诉求受理", "Requests"), l.Requests, loc, multi),
		bookingsSection(w, l.Bookings, loc, multi))
	if len(l.Backlog) > 0 {
		s := requestsSection(w, "backlog", w.t("往日逾期未办结诉求", "Overdue requests from earlier days"), l.Backlog, loc, true)
		s.Notes = []string{w.t("以上诉求受理于本期之前，打印时已超过承诺办结日期仍未办结。",
			"These requests were received before the period and were past their promised day, unresolved, at printing.")}
		doc.Sections = append(doc.Sections, s)
	}
	if len(l.Voided) > 0 {
		doc.Sections = append(doc.Sections, voidedSection(w, l.Voided, loc))
	}
	numberSections(w, doc)
	return doc
}

func printedAt(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2006-01-02 15:04")
}

// numberSections puts 一、二、… (or 1. 2. …) before the section titles.
func numberSections(w words, doc *document) {
	zh := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	for i := range doc.Sections {
		if w.lang == "en" {
			doc.Sections[i].Title = fmt.Sprintf("%d. %s", i+1, doc.Sections[i].Title)
		} else if i < len(zh) {
			doc.Sections[i].Title = zh[i] + "、" + doc.Sections[i].Title
		}
	}
}

func kv(key, title string, w words, pairs ...pair) table {
	t := table{Key: key, Title: title, KV: true,
		Columns: []column{{Head: w.t("项目", "Item")}, {Head: w.t("数值", "Value"), Right: true}}}
	for _, p := range pairs {
		t.Rows = append(t.Rows, row{Cells: []string{p.Label, p.Value}})
	}
	return t
}

func summarySection(w words, l *store.DailyLog) section {
	s := l.Summary
	sec := section{Title: w.t("概况", "Summary")}
	sec.Tables = append(sec.Tables,
		kv("summary_visits", w.t("来访", "Visits"), w,
			pair{w.t("来访批次", "Visits"), itoa(s.Visits)},
			pair{w.t("来访人次", "Headcount"), itoa(s.Headcount)},
			pair{w.t("来访人数（去重）", "Distinct visitors"), itoa(s.Visitors)},
			pair{w.t("党员来访", "Party-member visits"), itoa(s.PartyMembers)},
			pair{w.t("志愿服务次数", "Service visits"), itoa(s.ServiceVisits)},
			pair{w.t("志愿服务人数", "Volunteers"), itoa(s.Volunteers)},
			pair{w.t("志愿服务时长（小时）", "Service hours"), hours(s.ServiceTime)},
		),
		kv("summary_requests", w.t("诉求（接诉即办）", "Requests"), w,
			pair{w.t("受理登记", "Received"), itoa(s.RequestsReceived)},
			pair{w.t("其中紧急", "Urgent"), itoa(s.Urgent)},
			pair{w.t("已办结", "Resolved"), itoa(s.Resolved)},
			pair{w.t("未办结", "Open"), itoa(s.Open)},
			pair{w.t("其中已转办", "Transferred"), itoa(s.Transferred)},
			pair{w.t("不予受理", "Rejected"), itoa(s.Rejected)},
			pair{w.t("逾期", "Overdue"), itoa(s.Overdue)},
			pair{w.t("响应率", "Response rate"), w.rate(s.Response)},
			pair{w.t("办结率", "Resolution rate"), w.rate(s.Resolution)},
			pair{w.t("满意率", "Satisfaction rate"), w.rate(s.Satisfaction)},
			pair{w.t("满意 / 基本满意 / 不满意", "Satisfied / fairly / unsatisfied"),
				fmt.Sprintf("%d / %d / %d", s.Satisfied, s.FairlySatisfied, s.Unsatisfied)},
		),
		kv("summary_bookings", w.t("场地预约", "Bookings"), w,
			pair{w.t("预约总数", "Bookings"), itoa(s.Bookings)},
			pair{w.t("已确认", "Approved"), itoa(s.BookingsApproved)},
			pair{w.t("其中已到场", "Arrived"), itoa(s.BookingsArrived)},
			pair{w.t("待审核", "Pending"), itoa(s.BookingsPending)},
			pair{w.t("已取消", "Cancelled"), itoa(s.BookingsCancelled)},
			pair{w.t("未通过", "Rejected"), itoa(s.BookingsRejected)},
			pair{w.t("未到场", "No-shows"), itoa(s.NoShows)},
			pair{w.t("预约时长（小时）", "Booked hours"), hours(s.BookedTime)},
		),
	)
	src := table{Key: "sources", Title: w.t("前台与扫码", "Desk and kiosk"), Columns: []column{
		{Head: w.t("类别", "Kind")}, {Head: w.t("前台", "Desk"), Right: true}, {Head: w.t("扫码", "Kiosk"), Right: true},
		{Head: w.t("合计", "Total"), Right: true}}}
	for _, r := range []struct {
		name string
		c    store.SourceCount
	}{{w.t("来访", "Visits"), s.VisitSources}, {w.t("诉求", "Requests"), s.RequestSources}, {w.t("预约", "Bookings"), s.BookingSources}} {
		src.Rows = append(src.Rows, row{Cells: []string{r.name, itoa(r.c.Desk), itoa(r.c.Kiosk), itoa(r.c.Total())}})
	}
	purposes := table{Key: "purposes", Title: w.t("来访事由", "Visits by purpose"), Columns: []column{
		{Head: w.t("事由", "Purpose")}, {Head: w.t("批次", "Visits"), Right: true}, {Head: w.t("人次", "People"), Right: true}}}
	for _, p := range s.ByPurpose {
		purposes.Rows = append(purposes.Rows, row{Cells: []string{w.label(store.Purposes, p.Purpose), itoa(p.Visits), itoa(p.Headcount)}})
	}
	cats := table{Key: "categories", Title: w.t("诉求分类", "Requests by category"), Columns: []column{
		{Head: w.t("类别", "Category")}, {Head: w.t("受理", "Received"), Right: true}, {Head: w.t("办结", "Resolved"), Right: true},
		{Head: w.t("逾期", "Overdue"), Right: true}, {Head: w.t("响应率", "Response"), Right: true},
		{Head: w.t("办结率", "Resolution"), Right: true}, {Head: w.t("满意率", "Satisfaction"), Right: true}}}
	for _, c := range s.ByCategory {
		cats.Rows = append(cats.Rows, row{Alert: c.Overdue > 0, Cells: []string{w.label(store.Categories, c.Category),
			itoa(c.Received), itoa(c.Resolved), itoa(c.Overdue), pct(c.Response), pct(c.Resolution), pct(c.Satisfaction)}})
	}
	venues := table{Key: "venues", Title: w.t("场地使用", "Venue use"), Empty: w.t("无场地", "no venues"), Columns: []column{
		{Head: w.t("场地", "Venue"), Flex: true}, {Head: w.t("预约", "Bookings"), Right: true}, {Head: w.t("已确认", "Approved"), Right: true},
		{Head: w.t("未到场", "No-shows"), Right: true}, {Head: w.t("预约时长", "Booked h"), Right: true},
		{Head: w.t("开放时长", "Open h"), Right: true}, {Head: w.t("使用率", "Use"), Right: true}}}
	for _, v := range s.Venues {
		venues.Rows = append(venues.Rows, row{Cells: []string{v.Name, itoa(v.Bookings), itoa(v.Approved), itoa(v.NoShows),
			hours(v.BookedTime), hours(v.OpenTime), fmt.Sprintf("%.1f%%", 100*v.Share())}})
	}
	sec.Tables = append(sec.Tables, src, purposes, cats, venues)
	for _, d := range l.Definitions {
		sec.Notes = append(sec.Notes, d.Text(w.lang))
	}
	return sec
}

func daysSection(w words, l *store.DailyLog) section {
	t := table{Key: "days", Columns: []column{
		{Head: w.t("日期", "Date")}, {Head: w.t("来访", "Visits"), Right: true}, {Head: w.t("人次", "People"), Right: true},
		{Head: w.t("党员", "Party"), Right: true}, {Head: w.t("服务时长", "Service h"), Right: true},
		{Head: w.t("诉求", "Req."), Right: true}, {Head: w.t("办结", "Resolved"), Right: true}, {Head: w.t("逾期", "Overdue"), Right: true},
		{Head: w.t("响应率", "Response"), Right: true}, {Head: w.t("办结率", "Resolution"), Right: true},
		{Head: w.t("满意率", "Satisfied"), Right: true}, {Head: w.t("预约", "Book."), Right: true},
		{Head: w.t("预约时长", "Booked h"), Right: true}, {Head: w.t("未到场", "No-show"), Right: true}}}
	for _, d := range l.Days {
		t.Rows = append(t.Rows, row{Alert: d.Overdue > 0, Cells: []string{d.Day.String(), itoa(d.Visits), itoa(d.Headcount),
			itoa(d.PartyMembers), hours(d.ServiceTime), itoa(d.RequestsReceived), itoa(d.Resolved), itoa(d.Overdue),
			pct(d.Response), pct(d.Resolution), pct(d.Satisfaction), itoa(d.Bookings), hours(d.BookedTime), itoa(d.NoShows)}})
	}
	return section{Title: w.t("逐日统计", "Day by day"), Tables: []table{t}}
}

func visitsSection(w words, visits []store.Visit, loc *time.Location, multi bool) section {
	t := table{Key: "visits", Empty: w.t("无来访", "no visits"), Columns: []column{
		{Head: w.t("登记号", "No.")}, {Head: w.t("签到", "In")}, {Head: w.t("签退", "Out")},
		{Head: w.t("姓名", "Name"), Flex: true}, {Head: w.t("电话", "Phone")}, {Head: w.t("单位/社区", "Organisation"), Flex: true},
		{Head: w.t("事由", "Purpose"), Flex: true}, {Head: w.t("党员", "Party")}, {Head: w.t("人数", "People"), Right: true},
		{Head: w.t("来源", "Source")}, {Head: w.t("经办人", "Staff"), Detail: true, CSVOnly: true}, {Head: w.t("备注", "Note"), Detail: true}}}
	auto := false
	for _, v := range visits {
		in := clock(v.CheckedInAt, loc, multi)
		out := clock(v.CheckedOutAt, loc, !v.Open() && !sameDay(v.CheckedInAt, v.CheckedOutAt, loc))
		if v.AutoClosed {
			out += "*"
			auto = true
		}
		t.Rows = append(t.Rows, row{Cells: []string{v.ReceiptNo, in, out, v.Name, v.Phone, v.Org,
			w.label(store.Purposes, v.Purpose), w.yes(v.PartyMember), itoa(v.Headcount), w.label(store.Sources, v.Source),
			v.CreatedBy, v.Note}})
	}
	s := section{Title: w.t("来访登记", "Visits"), Tables: []table{t}}
	if auto {
		s.Notes = []string{w.t("* 闭馆时系统自动签退，不计志愿服务时长。", "* closed by the system at closing time; no service hours.")}
	}
	return s
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	x, y := a.In(loc), b.In(loc)
	return x.YearDay() == y.YearDay() && x.Year() == y.Year()
}

func requestsSection(w words, key, title string, reqs []store.LogRequest, loc *time.Location, multi bool) section {
	t := table{Key: key, Empty: w.t("无诉求", "no requests"), Columns: []column{
		{Head: w.t("受理号", "No.")}, {Head: w.t("时间", "Received")}, {Head: w.t("姓名", "Name"), Flex: true},
		{Head: w.t("类别", "Category"), Flex: true}, {Head: w.t("紧急", "Urgent")},
		{Head: w.t("状态", "Status")}, {Head: w.t("负责人", "Owner"), Flex: true}, {Head: w.t("承诺日期", "Promised")},
		{Head: w.t("响应", "Response")}, {Head: w.t("满意度", "Rating"), Flex: true}, {Head: w.t("来源", "Source")},
		{Head: w.t("电话", "Phone"), Detail: true}, {Head: w.t("社区/网格", "Community"), Detail: true}, {Head: w.t("诉求内容", "Description"), Detail: true},
		{Head: w.t("办理结果", "Resolution"), Detail: true}, {Head: w.t("转办/不予受理说明", "Transfer / rejection"), Detail: true},
		{Head: w.t("评价意见", "Comment"), Detail: true}}}
	for _, r := range reqs {
		status := w.label(store.RequestStatuses, r.Status)
		if r.Overdue {
			status = w.t("逾期·", "overdue · ") + status
		}
		urgent := ""
		if r.Urgency == "urgent" {
			urgent = w.label(store.Urgencies, "urgent")
		}
		owner := r.Owner
		if owner == "" {
			owner = r.Handler
		}
		side := r.TransferredTo
		if r.RejectReason != "" {
			side = r.RejectReason
		}
		rating := w.label(store.Satisfactions, r.Satisfaction)
		t.Rows = append(t.Rows, row{Alert: r.Overdue, Cells: []string{r.ReceiptNo, clock(r.CreatedAt, loc, multi), r.Name,
			w.label(store.Categories, r.Category), urgent, status, owner, r.PromisedBy.String()[5:],
			w.label(store.ResponseOutcomes, r.Response), rating, w.label(store.Sources, r.Source),
			r.Phone, r.Community, r.Description, r.Resolution, side, r.SatisfactionComment}})
	}
	return section{Title: title, Tables: []table{t}}
}

func bookingsSection(w words, bookings []store.Booking, loc *time.Location, multi bool) section {
	t := table{Key: "bookings", Empty: w.t("无预约", "no bookings"), Columns: []column{
		{Head: w.t("预约号", "No.")}, {Head: w.t("时间", "Time")}, {Head: w.t("场地", "Venue"), Flex: true},
		{Head: w.t("主题", "Title"), Flex: true}, {Head: w.t("单位", "Organiser"), Flex: true}, {Head: w.t("人数", "People"), Right: true},
		{Head: w.t("状态", "Status")}, {Head: w.t("到场", "Arrived")}, {Head: w.t("来源", "Source")},
		{Head: w.t("活动类型", "Purpose"), Detail: true}, {Head: w.t("联系人", "Contact"), Detail: true},
		{Head: w.t("电话", "Phone"), Detail: true}, {Head: w.t("说明", "Reason"), Detail: true}}}
	for _, b := range bookings {
		span := clock(b.Start, loc, multi) + "–" + clock(b.End, loc, false)
		t.Rows = append(t.Rows, row{Alert: b.Status == store.BookingNoShow, Cells: []string{b.ReceiptNo, span, b.VenueName,
			b.Title, b.Org, itoa(b.Attendees), w.label(store.BookingStatuses, b.Status), clock(b.ArrivedAt, loc, false),
			w.label(store.Sources, b.Source), w.label(store.BookingPurposes, b.Purpose), b.Contact, b.Phone, b.Reason}})
	}
	return section{Title: w.t("场地预约", "Bookings"), Tables: []table{t}}
}
