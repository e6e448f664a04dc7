package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"frontdesk/lang"
	"frontdesk/store"
)

// The 台账 tab's charts: the figures of the printed log's charts, drawn
// with block characters so they read the same in colour, in NO_COLOR and
// on a black-and-white terminal. Each drawing is a list of lines no wider
// than it is given.

// trendDays is how many days the sparklines cover, the shown day last.
const trendDays = 30

// Bar glyphs: a whole cell, the hatched part (overdue), the unfilled rest.
const (
	barFull   = "█"
	barMarked = "▒"
	barRest   = "░"
)

// eighths are the glyphs of a cell filled from the bottom, 1/8 to 8/8.
var eighths = []rune("▁▂▃▄▅▆▇█")

// sparkline draws one cell per value, its height the value's share of top;
// NaN (nothing to count) is a blank and zero the lowest bar.
func sparkline(values []float64, top float64) string {
	var b strings.Builder
	for _, v := range values {
		switch {
		case math.IsNaN(v):
			b.WriteByte(' ')
		case top <= 0 || v <= 0:
			b.WriteRune(eighths[0])
		default:
			i := int(math.Round(v / top * float64(len(eighths)-1)))
			b.WriteRune(eighths[min(max(i, 0), len(eighths)-1)])
		}
	}
	return b.String()
}

// hbar draws a bar of width cells for value of top, the last marked of
// value with the hatched glyph, the rest of the width with the light one.
func hbar(value, marked, top float64, width int) string {
	if width <= 0 {
		return ""
	}
	full, hatched := 0, 0
	if top > 0 {
		full = int(math.Round(math.Min(value, top) / top * float64(width)))
		hatched = int(math.Round(math.Min(marked, value) / top * float64(width)))
	}
	if value > 0 && full == 0 {
		full = 1 // something is not nothing
	}
	if marked > 0 && hatched == 0 {
		hatched = 1
	}
	hatched = min(hatched, full)
	return strings.Repeat(barFull, full-hatched) + strings.Repeat(barMarked, hatched) + strings.Repeat(barRest, width-full)
}

// columns draws counts as columns rows high over their labels, each column
// two cells wide with a gap; the top row names the highest count.
func columns(counts []int, labels []string, rows int) []string {
	top := 0
	for _, n := range counts {
		top = max(top, n)
	}
	lines := make([]string, rows+1)
	axis := len(fmt.Sprint(top))
	for r := 0; r < rows; r++ {
		var b strings.Builder
		if r == 0 {
			b.WriteString(fmt.Sprintf("%*d ", axis, top))
		} else if r == rows-1 {
			b.WriteString(fmt.Sprintf("%*d ", axis, 0))
		} else {
			b.WriteString(strings.Repeat(" ", axis+1))
		}
		// Row r covers the eighths from (rows-1-r)*8 to (rows-r)*8.
		base := (rows - 1 - r) * 8
		for _, n := range counts {
			cell := " "
			if top > 0 && n > 0 {
				h := int(math.Round(float64(n) / float64(top) * float64(rows*8)))
				h = max(h, 1)
				switch {
				case h >= base+8:
					cell = barFull
				case h > base:
					cell = string(eighths[h-base-1])
				}
			}
			b.WriteString(cell + cell + " ")
		}
		lines[r] = strings.TrimRight(b.String(), " ")
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", axis+1))
	for _, l := range labels {
		b.WriteString(fmt.Sprintf("%-3s", l))
	}
	lines[rows] = strings.TrimRight(b.String(), " ")
	return lines
}

// fitLabel cuts s to w cells and pads it to w.
func fitLabel(s string, w int) string {
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// chartLines draws the charts of day's log, and of trend's days when
// trend is not nil, in width cells.
func chartLines(e *env, day, trend *store.DailyLog, width int) []string {
	tr := func(t lang.Text) string { return e.tr(t) }
	head := func(s string) string { return e.st.heading.Render(ansi.Truncate(s, width, "…")) }
	var out []string

	// Visits by hour, 08:00 to 17:59 widened to any hour with a visit.
	byHour, first, last := day.VisitsByHour()
	var counts []int
	var labels []string
	for h := first; h <= last; h++ {
		counts = append(counts, byHour[h])
		labels = append(labels, fmt.Sprint(h))
	}
	out = append(out, head(fmt.Sprintf(tr(lang.ChartHours), day.Summary.Visits)))
	if day.Summary.Visits == 0 {
		out = append(out, e.st.muted.Render(tr(lang.None)))
	} else {
		out = append(out, columns(counts, labels, 4)...)
	}

	labelW := 0
	for _, c := range day.Summary.ByCategory {
		if c.Received > 0 {
			labelW = max(labelW, ansi.StringWidth(store.LabelOf(store.Categories, c.Category).In(e.lang)))
		}
	}
	for _, v := range day.Summary.Venues {
		labelW = max(labelW, ansi.StringWidth(v.Name))
	}
	labelW = min(labelW, 16)
	const numW = 18 // room for "30 (12 overdue)" after a bar
	barW := max(width-labelW-numW-2, 4)

	out = append(out, "", head(tr(lang.ChartCategories)))
	top := 0
	for _, c := range day.Summary.ByCategory {
		top = max(top, c.Received)
	}
	none := true
	for _, c := range day.Summary.ByCategory {
		if c.Received == 0 {
			continue
		}
		none = false
		n := fmt.Sprint(c.Received)
		if c.Overdue > 0 {
			n += fmt.Sprintf(tr(lang.ChartOverdue), c.Overdue)
		}
		out = append(out, fitLabel(store.LabelOf(store.Categories, c.Category).In(e.lang), labelW)+" "+
			hbar(float64(c.Received), float64(c.Overdue), float64(top), barW)+" "+n)
	}
	if none {
		out = append(out, e.st.muted.Render(tr(lang.None)))
	}

	out = append(out, "", head(tr(lang.ChartVenues)))
	for _, v := range day.Summary.Venues {
		out = append(out, fitLabel(v.Name, labelW)+" "+hbar(100*v.Share(), 0, 100, barW)+" "+fmt.Sprintf("%.1f%%", 100*v.Share()))
	}
	if len(day.Summary.Venues) == 0 {
		out = append(out, e.st.muted.Render(tr(lang.None)))
	}

	if trend != nil && len(trend.Days) > 0 {
		out = append(out, "", head(fmt.Sprintf(tr(lang.ChartTrend), len(trend.Days), trend.From.String()[5:], trend.To.String()[5:])))
		var visits, received, resolution []float64
		maxVisits, maxReceived, sumVisits, sumReceived := 0.0, 0.0, 0, 0
		for _, d := range trend.Days {
			visits = append(visits, float64(d.Visits))
			received = append(received, float64(d.RequestsReceived))
			maxVisits, maxReceived = math.Max(maxVisits, float64(d.Visits)), math.Max(maxReceived, float64(d.RequestsReceived))
			sumVisits += d.Visits
			sumReceived += d.RequestsReceived
			if d.Resolution.Valid() {
				resolution = append(resolution, d.Resolution.Percent())
			} else {
				resolution = append(resolution, math.NaN())
			}
		}
		nameW := 0
		for _, t := range []lang.Text{lang.ChartVisits, lang.ChartRequests, lang.ChartResolution} {
			nameW = max(nameW, ansi.StringWidth(tr(t)))
		}
		row := func(t lang.Text, spark, note string) string {
			return ansi.Truncate(fitLabel(tr(t), nameW)+" "+spark+"  "+note, width, "…")
		}
		out = append(out,
			row(lang.ChartVisits, sparkline(visits, maxVisits), fmt.Sprintf(tr(lang.ChartMaxSum), int(maxVisits), sumVisits)),
			row(lang.ChartRequests, sparkline(received, maxReceived), fmt.Sprintf(tr(lang.ChartMaxSum), int(maxReceived), sumReceived)),
			row(lang.ChartResolution, sparkline(resolution, 100), tr(lang.ChartRate)+" "+pctOf(trend.Summary.Resolution)))
	}
	out = append(out, "", e.st.muted.Render(ansi.Truncate(tr(lang.ChartLegend), width, "…")))
	return out
}

// pctOf prints a rate as 75.0%, a dash with nothing to count.
func pctOf(r store.Rate) string {
	if !r.Valid() {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", r.Percent())
}
