package store

import (
	"context"
	"time"
)

// TopN is how many request categories, communities and open requests a
// period report ranks.
const TopN = 10

// Period is what a period report adds to a log of several days: the same
// figures for the period before (环比), the most frequent request
// categories and communities, and the open requests waiting longest.
type Period struct {
	// Previous is the period of the same length just before: as many
	// calendar months when the log covers whole months, else as many days.
	Previous PriorPeriod
	// Categories are the request categories by requests received, most
	// first (ties in Categories order), at most TopN, none with zero.
	Categories []CategoryCount
	// Communities are the communities the period's requests came from, most
	// first (ties by name), at most TopN; requests without one are left out.
	Communities []CommunityCount
	// SlowestOpen are the requests received by the period's last day and
	// still open at AsOf, longest waiting first, at most TopN.
	SlowestOpen []Request
}

// PriorPeriod is the figures of the period a period report compares with,
// counted by the same rules (statuses as at the same snapshot).
type PriorPeriod struct {
	From, To Day
	Figures
}

// CommunityCount is the requests from one community.
type CommunityCount struct {
	Community string
	Received  int
	Overdue   int
}

// PreviousPeriod returns the period a report of from..to compares with: the
// same number of calendar months before when from..to is whole months, else
// the same number of days before.
func PreviousPeriod(from, to Day) (Day, Day) {
	if from.Day == 1 && to.AddDays(1).Day == 1 {
		months := (to.Year-from.Year)*12 + int(to.Month-from.Month) + 1
		first := time.Date(from.Year, from.Month-time.Month(months), 1, 12, 0, 0, 0, time.UTC)
		return Day{Year: first.Year(), Month: first.Month(), Day: 1}, from.AddDays(-1)
	}
	n := 0
	for d := from; !to.Before(d); d = d.AddDays(1) {
		n++
	}
	return from.AddDays(-n), from.AddDays(-1)
}

// PeriodLog is DailyLog with the period report's comparison and rankings
// (DailyLog.Period), all read in one snapshot.
func (db *DB) PeriodLog(ctx context.Context, from, to Day) (*DailyLog, error) {
	if err := checkPeriod(from, to); err != nil {
		return nil, err
	}
	p := &Period{}
	p.Previous.From, p.Previous.To = PreviousPeriod(from, to)
	l, err := db.dailyLog(ctx, from, to, -1, func(t *tx, l *DailyLog) error {
		start, _ := db.Bounds(p.Previous.From)
		_, end := db.Bounds(p.Previous.To)
		visits, err := t.visits(visitsOfSpan, unix(start), unix(end))
		if err != nil {
			return err
		}
		reqs, err := t.requests(requestsOfSpan, unix(start), unix(end))
		if err != nil {
			return err
		}
		logReqs, err := t.logRequests(reqs, start, end)
		if err != nil {
			return err
		}
		bookings, err := t.bookings(bookingsOfSpan, unix(start), unix(end))
		if err != nil {
			return err
		}
		_, last := db.Bounds(to)
		open, err := t.requests("WHERE "+openStatusIn+` AND created_at < ?
			ORDER BY created_at, id`, unix(last))
		if err != nil {
			return err
		}
		// Voided records count in neither period, as in the log itself.
		prev := &DailyLog{Visits: visits, Requests: logReqs, Bookings: bookings}
		for _, r := range open {
			prev.Backlog = append(prev.Backlog, LogRequest{Request: r})
		}
		if err := t.dropVoided(prev); err != nil {
			return err
		}
		p.Previous.Figures = tally(prev.Visits, prev.Requests, prev.Bookings)
		l.Period = p // counted with the log
		for _, r := range prev.Backlog[:min(len(prev.Backlog), TopN)] {
			p.SlowestOpen = append(p.SlowestOpen, r.Request)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// VisitsByHour counts the log's visits by the hour of check-in in the
// center's zone: element h is the visits checked in from h:00 to h:59.
// first and last are the hours a chart shows: 8 to 17, widened to any hour
// with a visit.
func (l *DailyLog) VisitsByHour() (n [24]int, first, last int) {
	n = l.ByHour
	first, last = 8, 17
	for h, c := range n {
		if c > 0 {
			first, last = min(first, h), max(last, h)
		}
	}
	return n, first, last
}
