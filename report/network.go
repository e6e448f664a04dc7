package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"frontdesk/hub"
	"frontdesk/report/chart"
	"frontdesk/store"
)

// The network report (网络汇总): a district's or the city's centers side by
// side, drawn from the hub's rollup in the daily log's formats. JSON is the
// SPEC's contract: {hub, center, from, to, rows, total}, each row
// {code, name, level, parent, last_sync_at, rank, flags, summary} with the
// daily log's summary keys; other keys are additions.

type jsonNetwork struct {
	Hub    string            `json:"hub"`
	Center string            `json:"center"`
	Name   string            `json:"name"`
	From   string            `json:"from"`
	To     string            `json:"to"`
	AsOf   string            `json:"as_of"`
	Rows   []jsonNetworkRow  `json:"rows"`
	Levels []jsonSubtotal    `json:"levels"`
	Total  jsonSubtotal      `json:"total"`
	Define map[string]string `json:"definitions"`
}

type jsonNetworkRow struct {
	Code       string      `json:"code"`
	Name       string      `json:"name"`
	Level      string      `json:"level"`
	Parent     string      `json:"parent"`
	LastSyncAt string      `json:"last_sync_at"`
	Rank       int         `json:"rank"`
	Score      *float64    `json:"score"` // null when no rate has anything counted
	Flags      []string    `json:"flags"`
	Summary    jsonSummary `json:"summary"`
}

type jsonSubtotal struct {
	Level   string      `json:"level,omitempty"`
	Centers int         `json:"centers"`
	Summary jsonSummary `json:"summary"`
}

// NetworkDefinitions are what the ranking and the flags mean.
var (
	DefineRank = store.Label{Code: "rank",
		ZH: "排名：同一级别内按综合得分（响应率、办结率、满意率中有数据的几项的平均值）从高到低；没有可计算比率的中心排在最后。标记“末位”为同级别后十分之一（同级别至少两个中心时），“未上报”为超过 24 小时没有上报。",
		EN: "Rank: within each level by score (the mean of the response, resolution and satisfaction rates that have anything counted), highest first; centers with no rate come last. “bottom” marks the lowest tenth of a level (of two or more centers), “stale” a center silent for over 24 hours."}
)

// WriteNetwork renders the network report n in format to w, whole before
// any of it is written.
func WriteNetwork(w io.Writer, n *hub.Network, format string, opt Options) error {
	if !slices.Contains(Formats, format) {
		return BadFormat(format, Formats)
	}
	return writeWhole(context.Background(), w, format, func(b *bytes.Buffer) error { return writeNetworkJSON(b, n, opt) },
		func() *document { return buildNetwork(n, opt) })
}

func writeNetworkJSON(w io.Writer, n *hub.Network, opt Options) error {
	ts := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	out := jsonNetwork{Hub: n.Hub, Center: n.Center, Name: n.Name, From: n.From.String(), To: n.To.String(), AsOf: ts(n.AsOf),
		Rows: []jsonNetworkRow{}, Levels: []jsonSubtotal{}, Define: map[string]string{}}
	for _, r := range n.Rows {
		jr := jsonNetworkRow{Code: r.Code, Name: r.Name, Level: r.Level, Parent: r.Parent, LastSyncAt: ts(r.LastSyncAt),
			Rank: r.Rank, Flags: append([]string{}, r.Flags...), Summary: summaryJSON(r.Summary)}
		if r.Scored {
			s := r.Score
			jr.Score = &s
		}
		out.Rows = append(out.Rows, jr)
	}
	for _, s := range n.Levels {
		out.Levels = append(out.Levels, jsonSubtotal{s.Level, s.Centers, summaryJSON(s.Summary)})
	}
	out.Total = jsonSubtotal{Centers: n.Total.Centers, Summary: summaryJSON(n.Total.Summary)}
	for _, d := range append(slices.Clone(store.LogDefinitions), DefineRank) {
		out.Define[d.Code] = d.Text(opt.Lang)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// buildNetwork lays the rollup out as the log's document: the ranking, then
// every center's figures with a subtotal per level and the total.
func buildNetwork(n *hub.Network, opt Options) *document {
	w := words{opt.Lang}
	scope := w.t("全部中心", "All centers")
	if n.Center != "" {
		scope = n.Name + "（" + n.Center + "）"
		if opt.Lang == "en" {
			scope = n.Name + " (" + n.Center + ")"
		}
	}
	doc := &document{
		Lang:   opt.Lang,
		Title:  w.t("党群服务中心网络汇总", "Network report"),
		Center: n.Name,
		Period: w.period(n.From, n.To),
		Meta: []pair{
			{w.t("汇总范围", "Scope"), scope},
			{w.t("日期", "Period"), w.period(n.From, n.To)},
			{w.t("汇总库", "Hub"), n.Hub},
			{w.t("数据截至", "As of"), n.AsOf.In(shanghaiOr(n)).Format("2006-01-02 15:04")},
			{w.t("打印人", "Printed by"), opt.PrintedBy},
			{w.t("打印时间", "Printed at"), printedAt(opt.PrintedAt, shanghaiOr(n))},
		},
		Signature: []string{w.t("负责人签字", "Manager's signature"), w.t("日期", "Date")},
	}
	if n.Name != "" {
		doc.Title = n.Name + " " + w.t("网络汇总", "network report")
	}
	level := func(code string) string { return w.label(store.Levels, code) }
	flags := func(r hub.Row) string {
		var out []string
		for _, f := range r.Flags {
			switch f {
			case hub.FlagBottom:
				out = append(out, w.t("末位", "bottom"))
			case hub.FlagStale:
				out = append(out, w.t("未上报", "stale"))
			}
		}
		return strings.Join(out, w.t("、", ", "))
	}
	rank := table{Key: "ranking", Columns: []column{
		{Head: w.t("级别", "Level")}, {Head: w.t("名次", "Rank"), Right: true}, {Head: w.t("代码", "Code")},
		{Head: w.t("中心", "Center"), Flex: true}, {Head: w.t("响应率", "Response"), Right: true},
		{Head: w.t("办结率", "Resolved"), Right: true}, {Head: w.t("满意率", "Satisfied"), Right: true},
		{Head: w.t("综合", "Score"), Right: true}, {Head: w.t("得分图", "Chart"), Bar: true},
		{Head: w.t("标记", "Flags")}, {Head: w.t("最后上报", "Last report")}},
		Empty: w.t("汇总库里还没有中心上报", "no center has reported to the hub yet")}
	figures := table{Key: "centers", Columns: []column{
		{Head: w.t("代码", "Code")}, {Head: w.t("中心", "Center"), Flex: true},
		{Head: w.t("来访", "Visits"), Right: true}, {Head: w.t("人次", "People"), Right: true},
		{Head: w.t("党员", "Members"), Right: true}, {Head: w.t("服务时长", "Service h"), Right: true},
		{Head: w.t("诉求", "Requests"), Right: true}, {Head: w.t("办结", "Resolved"), Right: true},
		{Head: w.t("逾期", "Overdue"), Right: true}, {Head: w.t("预约", "Bookings"), Right: true},
		{Head: w.t("预约时长", "Booked h"), Right: true}},
		Empty: w.t("汇总库里还没有中心上报", "no center has reported to the hub yet")}
	figureCells := func(code, name string, f store.Figures) []string {
		return []string{code, name, itoa(f.Visits), itoa(f.Headcount), itoa(f.PartyMembers), hours(f.ServiceTime),
			itoa(f.RequestsReceived), itoa(f.Resolved), itoa(f.Overdue), itoa(f.Bookings), hours(f.BookedTime)}
	}
	sub := 0
	for i, r := range n.Rows {
		f := r.Summary.Figures
		score := ""
		if r.Scored {
			score = strconv.FormatFloat(r.Score, 'f', 1, 64)
		}
		rank.Rows = append(rank.Rows, row{Cells: []string{level(r.Level), itoa(r.Rank), r.Code, r.Name, pct(f.Response),
			pct(f.Resolution), pct(f.Satisfaction), score, bar(score), flags(r), clock(r.LastSyncAt, shanghaiOr(n), true)},
			Alert: len(r.Flags) > 0})
		figures.Rows = append(figures.Rows, row{Cells: figureCells(r.Code, r.Name, f), Alert: len(r.Flags) > 0})
		if i+1 == len(n.Rows) || n.Rows[i+1].Level != r.Level {
			s := n.Levels[sub]
			sub++
			figures.Rows = append(figures.Rows, row{Cells: figureCells("", fmt.Sprintf(w.t("%s小计（%d 个）", "%s subtotal (%d)"),
				level(s.Level), s.Centers), s.Summary.Figures)})
		}
	}
	if len(n.Rows) > 0 {
		t := n.Total
		figures.Rows = append(figures.Rows, row{Cells: figureCells("", fmt.Sprintf(w.t("合计（%d 个）", "Total (%d)"), t.Centers), t.Summary.Figures)})
	}
	total := n.Total.Summary.Figures
	// The ranking prints the rates short; their counts are in the JSON and
	// the totals below.
	doc.Sections = []section{
		{Title: w.t("排名", "Ranking"), Tables: []table{rank}, Notes: []string{DefineRank.Text(opt.Lang)}},
		{Title: w.t("各中心数据", "Figures per center"), Tables: []table{figures,
			kv("total_rates", w.t("合计比率", "Rates over all centers"), w,
				pair{w.t("响应率", "Response rate"), w.rate(total.Response)},
				pair{w.t("办结率", "Resolution rate"), w.rate(total.Resolution)},
				pair{w.t("满意率", "Satisfaction rate"), w.rate(total.Satisfaction)})}},
	}
	for _, d := range store.LogDefinitions {
		doc.Sections[1].Notes = append(doc.Sections[1].Notes, d.Text(opt.Lang))
	}
	doc.Sections[0].Charts = []template.HTML{rankingChart(w, n, level)}
	numberSections(w, doc)
	return doc
}

// rankingChart draws the scores in the ranking's order, a center flagged
// bottom hatched, with its rank, level and flags written beside the bar.
func rankingChart(w words, n *hub.Network, level func(string) string) template.HTML {
	var bars []chart.Bar
	for _, r := range n.Rows {
		if !r.Scored {
			continue
		}
		text := strconv.FormatFloat(r.Score, 'f', 1, 64)
		b := chart.Bar{Label: fmt.Sprintf("%s %d. %s", level(r.Level), r.Rank, r.Name), Value: r.Score}
		for _, f := range r.Flags {
			switch f {
			case hub.FlagBottom:
				b.Marked = r.Score
				text += w.t(" 末位", " bottom")
			case hub.FlagStale:
				text += w.t(" 未上报", " stale")
			}
		}
		b.Text = text
		bars = append(bars, b)
	}
	return chart.HBars{ID: "chart-ranking", Title: w.t("综合得分排名（满分 100）", "Ranking by score (of 100)"), Bars: bars, Max: 100,
		ValueLabel: w.t("综合得分", "score"), MarkedLabel: w.t("末位（斜线）", "bottom (hatched)"),
		Empty: w.t("（没有可计算得分的中心）", "(no center has a score)")}.SVG()
}

// bar is the text's picture of a score: one # per ten points.
func bar(score string) string {
	p, err := strconv.ParseFloat(score, 64)
	if err != nil {
		return ""
	}
	return strings.Repeat("#", int(p/10+0.5))
}

// shanghaiOr is the zone the report's clock times are printed in: that of
// the first center, or Asia/Shanghai.
func shanghaiOr(n *hub.Network) *time.Location {
	zone := store.DefaultTimeZone
	if len(n.Rows) > 0 && n.Rows[0].TimeZone != "" {
		zone = n.Rows[0].TimeZone
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return time.UTC
	}
	return loc
}
