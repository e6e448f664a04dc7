package report

import (
	"fmt"
	"math"
	"time"

	"frontdesk/store"
)

// headline is one figure of the comparison with the previous period.
type headline struct {
	label     string
	now, then float64
	rate      bool // a percentage: its change is in points
	nowRate   store.Rate
	thenRate  store.Rate
	unit      string // "h" for hours
}

// headlines are the figures a period report compares, in print order.
func headlines(w words, now, then store.Figures) []headline {
	count := func(label string, a, b int) headline {
		return headline{label: label, now: float64(a), then: float64(b)}
	}
	rate := func(label string, a, b store.Rate) headline {
		return headline{label: label, rate: true, nowRate: a, thenRate: b, now: a.Percent(), then: b.Percent()}
	}
	return []headline{
		count(w.t("来访批次", "Visits"), now.Visits, then.Visits),
		count(w.t("来访人次", "Headcount"), now.Headcount, then.Headcount),
		count(w.t("党员来访", "Party-member visits"), now.PartyMembers, then.PartyMembers),
		{label: w.t("志愿服务时长（小时）", "Service hours"), now: now.ServiceHours(), then: then.ServiceHours(), unit: "h"},
		count(w.t("受理诉求", "Requests received"), now.RequestsReceived, then.RequestsReceived),
		count(w.t("已办结", "Resolved"), now.Resolved, then.Resolved),
		count(w.t("逾期", "Overdue"), now.Overdue, then.Overdue),
		rate(w.t("响应率", "Response rate"), now.Response, then.Response),
		rate(w.t("办结率", "Resolution rate"), now.Resolution, then.Resolution),
		rate(w.t("满意率", "Satisfaction rate"), now.Satisfaction, then.Satisfaction),
		count(w.t("场地预约", "Bookings"), now.Bookings, then.Bookings),
		{label: w.t("预约时长（小时）", "Booked hours"), now: now.BookedHours(), then: then.BookedHours(), unit: "h"},
		count(w.t("未到场", "No-shows"), now.NoShows, then.NoShows),
	}
}

// value prints the figure of one period.
func (h headline) value(now bool, w words) string {
	switch {
	case h.rate && now:
		return w.rate(h.nowRate)
	case h.rate:
		return w.rate(h.thenRate)
	case h.unit == "h" && now:
		return fmt.Sprintf("%.1f", h.now)
	case h.unit == "h":
		return fmt.Sprintf("%.1f", h.then)
	case now:
		return fmt.Sprintf("%.0f", h.now)
	}
	return fmt.Sprintf("%.0f", h.then)
}

// change prints how a figure moved: +12 (+8.5%) for a count, +2.1 points
// for a rate, a dash when either side has nothing to compare.
func (h headline) change(w words) string {
	if h.rate {
		if !h.nowRate.Valid() || !h.thenRate.Valid() {
			return "—"
		}
		return w.t(fmt.Sprintf("%+.1f 个百分点", h.now-h.then), fmt.Sprintf("%+.1f points", h.now-h.then))
	}
	d := h.now - h.then
	diff := fmt.Sprintf("%+.0f", d)
	if h.unit == "h" {
		diff = fmt.Sprintf("%+.1f", d)
	}
	if math.Abs(d) < 0.05 {
		diff = "0"
	}
	if h.then == 0 {
		return diff
	}
	return fmt.Sprintf("%s (%+.1f%%)", diff, 100*d/h.then)
}

// periodSection is the period report's comparison with the previous period
// and its rankings.
func periodSection(w words, l *store.DailyLog, loc *time.Location) section {
	p := l.Period
	prev := w.period(p.Previous.From, p.Previous.To)
	cmp := table{Key: "comparison", Title: w.t("环比（与上一周期比较）", "Against the previous period"), Columns: []column{
		{Head: w.t("项目", "Figure"), Flex: true}, {Head: w.t("本期", "This period"), Right: true},
		{Head: w.t("上期", "Previous"), Right: true}, {Head: w.t("增减", "Change"), Right: true}}}
	for _, h := range headlines(w, l.Summary.Figures, p.Previous.Figures) {
		cmp.Rows = append(cmp.Rows, row{Cells: []string{h.label, h.value(true, w), h.value(false, w), h.change(w)}})
	}
	total := l.Summary.RequestsReceived
	share := func(n int) string {
		if total == 0 {
			return "—"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(total))
	}
	cats := table{Key: "top_categories", Title: w.t("诉求类别前十", "Top ten request categories"), Empty: w.t("无诉求", "no requests"),
		Columns: []column{{Head: w.t("名次", "Rank"), Right: true}, {Head: w.t("类别", "Category"), Flex: true},
			{Head: w.t("受理", "Received"), Right: true}, {Head: w.t("占比", "Share"), Right: true},
			{Head: w.t("逾期", "Overdue"), Right: true}, {Head: w.t("办结率", "Resolution"), Right: true}}}
	for i, c := range p.Categories {
		cats.Rows = append(cats.Rows, row{Alert: c.Overdue > 0, Cells: []string{itoa(i + 1), w.label(store.Categories, c.Category),
			itoa(c.Received), share(c.Received), itoa(c.Overdue), pct(c.Resolution)}})
	}
	comms := table{Key: "top_communities", Title: w.t("诉求来源社区前十", "Top ten communities"), Empty: w.t("无社区信息", "no communities given"),
		Columns: []column{{Head: w.t("名次", "Rank"), Right: true}, {Head: w.t("社区/网格", "Community"), Flex: true},
			{Head: w.t("受理", "Received"), Right: true}, {Head: w.t("占比", "Share"), Right: true}, {Head: w.t("逾期", "Overdue"), Right: true}}}
	for i, c := range p.Communities {
		comms.Rows = append(comms.Rows, row{Alert: c.Overdue > 0, Cells: []string{itoa(i + 1), c.Community,
			itoa(c.Received), share(c.Received), itoa(c.Overdue)}})
	}
	slow := table{Key: "slowest_open", Title: w.t("等待最久的未办结诉求", "Open requests waiting longest"), Empty: w.t("无未办结诉求", "no open requests"),
		Columns: []column{{Head: w.t("受理号", "No.")}, {Head: w.t("受理时间", "Received")}, {Head: w.t("已等待（天）", "Days waiting"), Right: true},
			{Head: w.t("类别", "Category"), Flex: true}, {Head: w.t("社区/网格", "Community"), Flex: true},
			{Head: w.t("状态", "Status")}, {Head: w.t("负责人", "Owner"), Flex: true}, {Head: w.t("承诺日期", "Promised")}}}
	for _, r := range p.SlowestOpen {
		owner := r.Owner
		if owner == "" {
			owner = r.Handler
		}
		status := w.label(store.RequestStatuses, r.Status)
		if r.Overdue {
			status = w.t("逾期·", "overdue · ") + status
		}
		waited := l.AsOf.Sub(r.CreatedAt).Hours() / 24
		slow.Rows = append(slow.Rows, row{Alert: r.Overdue, Cells: []string{r.ReceiptNo, clock(r.CreatedAt, loc, true),
			fmt.Sprintf("%.1f", waited), w.label(store.Categories, r.Category), r.Community, status, owner, r.PromisedBy.String()[5:]}})
	}
	return section{Title: w.t("环比与排名", "Comparison and rankings"), Tables: []table{cmp, cats, comms, slow},
		Notes: []string{w.t(
			fmt.Sprintf("上期为 %s，与本期等长（整月按月计）；两期的状态、逾期均为打印时的情况。已等待天数算到打印时。", prev),
			fmt.Sprintf("The previous period is %s, as long as this one (whole months count as months); statuses and overdue of both are as at printing. Days waiting run to printing.", prev))}}
}
