package report

import (
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
	"frontdesk/lang"
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
		Text: lang.DefineRankText}
)

// WriteNetwork renders the network report n in format to w, whole before
// any of it is written.
func WriteNetwork(w io.Writer, n *hub.Network, format string, opt Options) error {
	if !slices.Contains(Formats, format) {
		return BadFormat(format, Formats)
	}
	return writeWhole(context.Background(), w, format, func(b io.Writer) error { return writeNetworkJSON(b, n, opt) },
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
		out.Define[d.Code] = d.In(opt.Lang)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// buildNetwork lays the rollup out as the log's document: the ranking, then
// every center's figures with a subtotal per level and the total.
func buildNetwork(n *hub.Network, opt Options) *document {
	w := words{opt.Lang}
	scope := w.tr(lang.AllCenters)
	if n.Center != "" {
		scope = w.tr(lang.Parenthesized.Format(n.Name, n.Center))
	}
	doc := &document{
		Lang:   opt.Lang,
		Title:  w.tr(lang.NetworkReport),
		Center: n.Name,
		Period: w.period(n.From, n.To),
		Meta: []pair{
			{w.tr(lang.Scope), scope},
			{w.tr(lang.PeriodKey), w.period(n.From, n.To)},
			{w.tr(lang.Hub), n.Hub},
			{w.tr(lang.AsOf), n.AsOf.In(shanghaiOr(n)).Format("2006-01-02 15:04")},
			{w.tr(lang.PrintedBy), opt.PrintedBy},
			{w.tr(lang.PrintedAt), printedAt(opt.PrintedAt, shanghaiOr(n))},
		},
		Signature: []string{w.tr(lang.ManagerSignature), w.tr(lang.ColDate)},
	}
	if n.Name != "" {
		doc.Title = n.Name + " " + w.tr(lang.ReportNetworkReport)
	}
	level := func(code string) string { return w.label(store.Levels, code) }
	flags := func(r hub.Row) string {
		var out []string
		for _, f := range r.Flags {
			switch f {
			case hub.FlagBottom:
				out = append(out, w.tr(lang.Bottom))
			case hub.FlagStale:
				out = append(out, w.tr(lang.Stale))
			}
		}
		return strings.Join(out, w.tr(lang.ListSep))
	}
	rank := table{Key: "ranking", Columns: []column{
		{Head: w.tr(lang.Level)}, {Head: w.tr(lang.Rank), Right: true}, {Head: w.tr(lang.CenterCode)},
		{Head: w.tr(lang.SecCenter), Flex: true}, {Head: w.tr(lang.Response), Right: true},
		{Head: w.tr(lang.ResolvedRateShort), Right: true}, {Head: w.tr(lang.SatisfiedShort), Right: true},
		{Head: w.tr(lang.Score), Right: true}, {Head: w.tr(lang.Chart), Bar: true},
		{Head: w.tr(lang.ReportFlags)}, {Head: w.tr(lang.LastReport)}},
		Empty: w.tr(lang.HubEmpty)}
	figures := table{Key: "centers", Columns: []column{
		{Head: w.tr(lang.CenterCode)}, {Head: w.tr(lang.SecCenter), Flex: true},
		{Head: w.tr(lang.TabVisits), Right: true}, {Head: w.tr(lang.People), Right: true},
		{Head: w.tr(lang.Members), Right: true}, {Head: w.tr(lang.ServiceH), Right: true},
		{Head: w.tr(lang.TabRequests), Right: true}, {Head: w.tr(lang.ResolvedShort), Right: true},
		{Head: w.tr(lang.OverdueCount), Right: true}, {Head: w.tr(lang.BookingsShort), Right: true},
		{Head: w.tr(lang.BookedH), Right: true}},
		Empty: w.tr(lang.HubEmpty)}
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
			figures.Rows = append(figures.Rows, row{Cells: figureCells("", fmt.Sprintf(w.tr(lang.Subtotal),
				level(s.Level), s.Centers), s.Summary.Figures)})
		}
	}
	if len(n.Rows) > 0 {
		t := n.Total
		figures.Rows = append(figures.Rows, row{Cells: figureCells("", fmt.Sprintf(w.tr(lang.ReportTotal), t.Centers), t.Summary.Figures)})
	}
	total := n.Total.Summary.Figures
	// The ranking prints the rates short; their counts are in the JSON and
	// the totals below.
	doc.Sections = []section{
		{Title: w.tr(lang.Ranking), Tables: []table{rank}, Notes: []string{DefineRank.In(opt.Lang)}},
		{Title: w.tr(lang.FiguresPerCenter), Tables: []table{figures,
			kv("total_rates", w.tr(lang.RatesOverAllCenters), w,
				pair{w.tr(lang.ResponseRate), w.rate(total.Response)},
				pair{w.tr(lang.ResolutionRate), w.rate(total.Resolution)},
				pair{w.tr(lang.SatisfactionRate), w.rate(total.Satisfaction)})}},
	}
	for _, d := range store.LogDefinitions {
		doc.Sections[1].Notes = append(doc.Sections[1].Notes, d.In(opt.Lang))
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
				text += w.tr(lang.ReportBottom)
			case hub.FlagStale:
				text += w.tr(lang.ReportStale)
			}
		}
		b.Text = text
		bars = append(bars, b)
	}
	return chart.HBars{ID: "chart-ranking", Title: w.tr(lang.RankingByScoreOf100), Bars: bars, Max: 100,
		ValueLabel: w.tr(lang.ReportScore), MarkedLabel: w.tr(lang.BottomHatched),
		Empty: w.tr(lang.NoCenterHasScore)}.SVG()
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
