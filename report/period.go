package report

import (
	"fmt"
	"math"
	"time"

	"frontdesk/lang"
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
		count(w.tr(lang.VisitBatches), now.Visits, then.Visits),
		count(w.tr(lang.HeadcountTotal), now.Headcount, then.Headcount),
		count(w.tr(lang.PartyMemberVisits), now.PartyMembers, then.PartyMembers),
		{label: w.tr(lang.ServiceHours), now: now.ServiceHours(), then: then.ServiceHours(), unit: "h"},
		count(w.tr(lang.RequestsReceived), now.RequestsReceived, then.RequestsReceived),
		count(w.tr(lang.Resolved), now.Resolved, then.Resolved),
		count(w.tr(lang.OverdueCount), now.Overdue, then.Overdue),
		rate(w.tr(lang.ResponseRate), now.Response, then.Response),
		rate(w.tr(lang.ResolutionRate), now.Resolution, then.Resolution),
		rate(w.tr(lang.SatisfactionRate), now.Satisfaction, then.Satisfaction),
		count(w.tr(lang.Bookings), now.Bookings, then.Bookings),
		{label: w.tr(lang.BookedHours), now: now.BookedHours(), then: then.BookedHours(), unit: "h"},
		count(w.tr(lang.NoShows), now.NoShows, then.NoShows),
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
		return w.tr(lang.T1fPoints.Format(h.now - h.then))
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
	cmp := table{Key: "comparison", Title: w.tr(lang.AgainstPreviousPeriod), Columns: []column{
		{Head: w.tr(lang.Figure), Flex: true}, {Head: w.tr(lang.ThisPeriod), Right: true},
		{Head: w.tr(lang.Previous), Right: true}, {Head: w.tr(lang.Change), Right: true}}}
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
	cats := table{Key: "top_categories", Title: w.tr(lang.TopTenRequestCategories), Empty: w.tr(lang.NoRequests),
		Columns: []column{{Head: w.tr(lang.Rank), Right: true}, {Head: w.tr(lang.ColCategory), Flex: true},
			{Head: w.tr(lang.ReceivedShort), Right: true}, {Head: w.tr(lang.Share), Right: true},
			{Head: w.tr(lang.OverdueCount), Right: true}, {Head: w.tr(lang.ChartResolution), Right: true}}}
	for i, c := range p.Categories {
		cats.Rows = append(cats.Rows, row{Alert: c.Overdue > 0, Cells: []string{itoa(i + 1), w.label(store.Categories, c.Category),
			itoa(c.Received), share(c.Received), itoa(c.Overdue), pct(c.Resolution)}})
	}
	comms := table{Key: "top_communities", Title: w.tr(lang.TopTenCommunities), Empty: w.tr(lang.NoCommunitiesGiven),
		Columns: []column{{Head: w.tr(lang.Rank), Right: true}, {Head: w.tr(lang.Community), Flex: true},
			{Head: w.tr(lang.ReceivedShort), Right: true}, {Head: w.tr(lang.Share), Right: true}, {Head: w.tr(lang.OverdueCount), Right: true}}}
	for i, c := range p.Communities {
		comms.Rows = append(comms.Rows, row{Alert: c.Overdue > 0, Cells: []string{itoa(i + 1), c.Community,
			itoa(c.Received), share(c.Received), itoa(c.Overdue)}})
	}
	slow := table{Key: "slowest_open", Title: w.tr(lang.OpenRequestsWaitingLongest), Empty: w.tr(lang.NoOpenRequests),
		Columns: []column{{Head: w.tr(lang.RequestNo)}, {Head: w.tr(lang.ReportReceived4)}, {Head: w.tr(lang.DaysWaiting), Right: true},
			{Head: w.tr(lang.ColCategory), Flex: true}, {Head: w.tr(lang.Community), Flex: true},
			{Head: w.tr(lang.ColStatus)}, {Head: w.tr(lang.Owner), Flex: true}, {Head: w.tr(lang.Promised)}}}
	for _, r := range p.SlowestOpen {
		owner := r.Owner
		if owner == "" {
			owner = r.Handler
		}
		status := w.label(store.RequestStatuses, r.Status)
		if r.Overdue {
			status = w.tr(lang.OverduePrefix) + status
		}
		waited := l.AsOf.Sub(r.CreatedAt).Hours() / 24
		slow.Rows = append(slow.Rows, row{Alert: r.Overdue, Cells: []string{r.ReceiptNo, clock(r.CreatedAt, loc, true),
			fmt.Sprintf("%.1f", waited), w.label(store.Categories, r.Category), r.Community, status, owner, r.PromisedBy.String()[5:]}})
	}
	return section{Title: w.tr(lang.ComparisonAndRankings), Tables: []table{cmp, cats, comms, slow},
		Notes: []string{w.tr(lang.PreviousPeriodIsAsLongAs.Format(prev))}}
}
