package report

import (
	"fmt"
	"html/template"
	"math"

	"frontdesk/report/chart"
	"frontdesk/store"
)

// The charts of the HTML log, drawn by package chart from the log's own
// figures. Text and CSV leave them out: their tables hold the same numbers.

// summaryCharts are drawn under the summary: a day's visits by hour, the
// requests by category with the overdue part hatched, and each venue's
// booked share of its opening hours.
func summaryCharts(w words, l *store.DailyLog) []template.HTML {
	var out []template.HTML
	if l.SingleDay() {
		out = append(out, hourChart(w, l))
	}
	out = append(out, categoryChart(w, l), venueChart(w, l))
	return out
}

// hourChart shows the hours from 08:00 to 18:00, widened to any hour with a
// visit (DailyLog.VisitsByHour).
func hourChart(w words, l *store.DailyLog) template.HTML {
	byHour, first, last := l.VisitsByHour()
	var labels []string
	var values []float64
	for h := first; h <= last; h++ {
		labels = append(labels, fmt.Sprintf("%d", h))
		values = append(values, float64(byHour[h]))
	}
	return chart.Columns{ID: "chart-hours", Title: w.t("来访时段分布（按签到时间，单位：批次）", "Visits by hour of check-in"),
		Labels: labels, Series: []chart.Series{{Name: w.t("来访批次（横轴为时）", "Visits (hour of the day)"), Values: values}}}.SVG()
}

func categoryChart(w words, l *store.DailyLog) template.HTML {
	var bars []chart.Bar
	for _, c := range l.Summary.ByCategory {
		if c.Received == 0 {
			continue
		}
		text := itoa(c.Received)
		if c.Overdue > 0 {
			text += w.t(fmt.Sprintf("（逾期 %d）", c.Overdue), fmt.Sprintf(" (%d overdue)", c.Overdue))
		}
		bars = append(bars, chart.Bar{Label: w.label(store.Categories, c.Category), Value: float64(c.Received),
			Marked: float64(c.Overdue), Text: text})
	}
	return chart.HBars{ID: "chart-categories", Title: w.t("诉求分类（件）", "Requests by category"), Bars: bars,
		ValueLabel: w.t("受理", "received"), MarkedLabel: w.t("其中逾期（斜线）", "of them overdue (hatched)"),
		Empty: w.t("（无诉求）", "(no requests)")}.SVG()
}

func venueChart(w words, l *store.DailyLog) template.HTML {
	var bars []chart.Bar
	for _, v := range l.Summary.Venues {
		bars = append(bars, chart.Bar{Label: v.Name, Value: 100 * v.Share(),
			Text: fmt.Sprintf("%.1f%%（%s/%s h）", 100*v.Share(), hours(v.BookedTime), hours(v.OpenTime))})
	}
	return chart.HBars{ID: "chart-venues", Title: w.t("场地使用率（已确认预约时长 ÷ 开放时长）", "Venue use (approved booked hours ÷ opening hours)"),
		Bars: bars, Max: 100, Unit: "%", Empty: w.t("（无场地）", "(no venues)")}.SVG()
}

// dayCharts are drawn under the day-by-day table of a log of several days.
func dayCharts(w words, l *store.DailyLog) []template.HTML {
	var labels []string
	var visits, received, resolved, response, resolution, satisfaction []float64
	rate := func(r store.Rate) float64 {
		if !r.Valid() {
			return math.NaN()
		}
		return r.Percent()
	}
	for _, d := range l.Days {
		labels = append(labels, d.Day.String()[5:])
		visits = append(visits, float64(d.Visits))
		received = append(received, float64(d.RequestsReceived))
		resolved = append(resolved, float64(d.Resolved))
		response = append(response, rate(d.Response))
		resolution = append(resolution, rate(d.Resolution))
		satisfaction = append(satisfaction, rate(d.Satisfaction))
	}
	return []template.HTML{
		chart.Columns{ID: "chart-days", Title: w.t("逐日来访（批次）", "Visits day by day"), Labels: labels,
			Series: []chart.Series{{Name: w.t("来访批次", "Visits"), Values: visits}}}.SVG(),
		chart.Columns{ID: "chart-requests", Title: w.t("逐日诉求：受理与其中已办结（件）", "Requests day by day: received, and of them resolved"),
			Labels: labels, Series: []chart.Series{{Name: w.t("受理", "Received"), Values: received},
				{Name: w.t("其中已办结（斜线）", "Of them resolved (hatched)"), Values: resolved}}}.SVG(),
		chart.Lines{ID: "chart-rates", Title: w.t("逐日三率（%，无可计数的日子断开）", "The three rates day by day (%; a gap is a day with nothing to count)"),
			Labels: labels, Max: 100, Unit: "%", Series: []chart.Series{
				{Name: w.t("响应率（实线、圆点）", "Response (solid, circles)"), Values: response},
				{Name: w.t("办结率（虚线、方块）", "Resolution (dashed, squares)"), Values: resolution},
				{Name: w.t("满意率（点线、三角）", "Satisfaction (dotted, triangles)"), Values: satisfaction}}}.SVG(),
	}
}
