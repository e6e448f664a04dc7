package report

import (
	"fmt"
	"html/template"
	"math"

	"frontdesk/lang"
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
	return chart.Columns{ID: "chart-hours", Title: w.tr(lang.VisitsByHourOfCheckIn),
		Labels: labels, Series: []chart.Series{{Name: w.tr(lang.VisitsHourOfDay), Values: values}}}.SVG()
}

func categoryChart(w words, l *store.DailyLog) template.HTML {
	var bars []chart.Bar
	for _, c := range l.Summary.ByCategory {
		if c.Received == 0 {
			continue
		}
		text := itoa(c.Received)
		if c.Overdue > 0 {
			text += w.tr(lang.ChartOverdue.Format(c.Overdue))
		}
		bars = append(bars, chart.Bar{Label: w.label(store.Categories, c.Category), Value: float64(c.Received),
			Marked: float64(c.Overdue), Text: text})
	}
	return chart.HBars{ID: "chart-categories", Title: w.tr(lang.ReportRequestsByCategory), Bars: bars,
		ValueLabel: w.tr(lang.ReportReceived3), MarkedLabel: w.tr(lang.OfThemOverdueHatched),
		Empty: w.tr(lang.ReportNoRequests)}.SVG()
}

func venueChart(w words, l *store.DailyLog) template.HTML {
	var bars []chart.Bar
	for _, v := range l.Summary.Venues {
		bars = append(bars, chart.Bar{Label: v.Name, Value: 100 * v.Share(),
			Text: fmt.Sprintf(lang.VenueShare, 100*v.Share(), hours(v.BookedTime), hours(v.OpenTime))})
	}
	return chart.HBars{ID: "chart-venues", Title: w.tr(lang.ChartVenues),
		Bars: bars, Max: 100, Unit: "%", Empty: w.tr(lang.ReportNoVenues2)}.SVG()
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
		chart.Columns{ID: "chart-days", Title: w.tr(lang.VisitsDayByDay), Labels: labels,
			Series: []chart.Series{{Name: w.tr(lang.VisitBatches), Values: visits}}}.SVG(),
		chart.Columns{ID: "chart-requests", Title: w.tr(lang.RequestsDayByDayReceivedAnd),
			Labels: labels, Series: []chart.Series{{Name: w.tr(lang.ReceivedShort), Values: received},
				{Name: w.tr(lang.OfThemResolvedHatched), Values: resolved}}}.SVG(),
		chart.Lines{ID: "chart-rates", Title: w.tr(lang.ThreeRatesDayByDayGap),
			Labels: labels, Max: 100, Unit: "%", Series: []chart.Series{
				{Name: w.tr(lang.ResponseSolidCircles), Values: response},
				{Name: w.tr(lang.ResolutionDashedSquares), Values: resolution},
				{Name: w.tr(lang.SatisfactionDottedTriangles), Values: satisfaction}}}.SVG(),
	}
}
