package hub

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The summaries (migrations 0003 to 0005) are kept by the sync in the
// batch's own transaction. Each record table is summed per center, local
// day and key into a *_days table, and those days per month into a
// *_months table; visits also per visitor. Only what a batch touches is
// recomputed: the days, months and visitors of the staged rows and of the
// rows they replace, so a record moved by a correction leaves its old day
// right too.

// summary describes how one record table is summed.
type summary struct {
	records string   // the record table, aliased r in sums
	at      string   // the instant whose local day a record counts on
	key     string   // the column each day is split by
	days    string   // the table of sums per center, day and key
	months  string   // the same per month
	cols    []string // the summed columns of days and months
	sums    string   // the SQL aggregates of a day's records, in cols' order
}

// serviceVisit is the daily log's rule for a visit that counts as service.
const serviceVisit = "(r.purpose IN ('party_report', 'volunteer') AND NOT r.auto_closed AND r.checked_out_at > r.checked_in_at)"

var (
	visitSummary = summary{records: "visits", at: "checked_in_at", key: "purpose", days: "visit_days", months: "visit_months",
		cols: []string{"visits", "headcount", "party_members", "service_visits", "service_secs", "kiosk"},
		sums: `count(*), sum(r.headcount), count(*) FILTER (WHERE r.party_member), count(*) FILTER (WHERE ` + serviceVisit + `),
			COALESCE(sum(extract(epoch FROM r.checked_out_at - r.checked_in_at)::bigint) FILTER (WHERE ` + serviceVisit + `), 0),
			count(*) FILTER (WHERE r.source = 'kiosk')`}
	requestSummary = summary{records: "requests", at: "created_at", key: "category", days: "request_days", months: "request_months",
		cols: []string{"received", "urgent", "resolved", "rejected", "transferred", "open", "satisfied", "basic", "unsatisfied",
			"on_time", "responded", "kiosk"},
		sums: `count(*), count(*) FILTER (WHERE r.urgency = 'urgent'),
			count(*) FILTER (WHERE r.status IN ('resolved', 'closed')), count(*) FILTER (WHERE r.status = 'rejected'),
			count(*) FILTER (WHERE r.status = 'transferred'), count(*) FILTER (WHERE r.status NOT IN ('resolved', 'closed', 'rejected')),
			count(*) FILTER (WHERE r.satisfaction = 'satisfied'), count(*) FILTER (WHERE r.satisfaction = 'basic'),
			count(*) FILTER (WHERE r.satisfaction = 'unsatisfied'), count(*) FILTER (WHERE r.responded_at <= r.respond_by),
			count(*) FILTER (WHERE r.responded_at IS NOT NULL), count(*) FILTER (WHERE r.source = 'kiosk')`}
	bookingSummary = summary{records: "bookings", at: "start_at", key: "venue_id", days: "booking_days", months: "booking_months",
		cols: []string{"bookings", "approved", "arrived", "pending", "cancelled", "rejected", "no_shows", "booked_secs", "kiosk"},
		sums: `count(*), count(*) FILTER (WHERE r.status = 'approved'),
			count(*) FILTER (WHERE r.status = 'approved' AND r.arrived_at IS NOT NULL),
			count(*) FILTER (WHERE r.status = 'pending'), count(*) FILTER (WHERE r.status = 'cancelled'),
			count(*) FILTER (WHERE r.status = 'rejected'), count(*) FILTER (WHERE r.status = 'no_show'),
			COALESCE(sum(extract(epoch FROM r.end_at - r.start_at)) FILTER (WHERE r.status = 'approved'), 0)::bigint,
			count(*) FILTER (WHERE r.source = 'kiosk')`}
	summaries = map[string]summary{"visits": visitSummary, "requests": requestSummary, "bookings": bookingSummary}
)

// localDay is the local calendar day of the instant column col of r in its
// center c's zone.
func localDay(col string) string { return "(r." + col + " AT TIME ZONE c.time_zone)::date" }

// touched is the temporary table of the days a batch touches.
func (s summary) touched() string { return "touched_" + s.days }

// noteTouched records, before the upsert, which days of which centers the
// staged rows touch, and for visits which visitors in which months.
func (s summary) noteTouched(ctx context.Context, tx pgx.Tx) error {
	q := fmt.Sprintf(`CREATE TEMP TABLE IF NOT EXISTS %[1]s (center text, day date) ON COMMIT DELETE ROWS;
		INSERT INTO %[1]s SELECT DISTINCT r.center, %[2]s FROM (
			SELECT center, %[3]s FROM stage_%[4]s
			UNION ALL SELECT o.center, o.%[3]s FROM %[4]s o JOIN stage_%[4]s s USING (center, id)) r
			JOIN centers c ON c.code = r.center`, s.touched(), localDay(s.at), s.at, s.records)
	if s.records == "visits" {
		q += `; CREATE TEMP TABLE IF NOT EXISTS touched_visitors (center text, visitor bigint, month date) ON COMMIT DELETE ROWS;
		INSERT INTO touched_visitors SELECT DISTINCT r.center, r.visitor, date_trunc('month', ` + localDay("checked_in_at") + `)::date FROM (
			SELECT center, visitor, checked_in_at FROM stage_visits
			UNION ALL SELECT o.center, o.visitor, o.checked_in_at FROM visits o JOIN stage_visits s USING (center, id)) r
			JOIN centers c ON c.code = r.center`
	}
	if _, err := tx.Exec(ctx, q); err != nil {
		return fmt.Errorf("note the days %s touch: %w", s.records, err)
	}
	return nil
}

// refreshTouched recomputes the touched days, their months and, for
// visits, the touched visitors from the records as they now are.
func (s summary) refreshTouched(ctx context.Context, tx pgx.Tx) error {
	cols := strings.Join(s.cols, ", ")
	q := fmt.Sprintf(`DELETE FROM %[1]s d USING %[2]s t WHERE d.center = t.center AND d.day = t.day;
		INSERT INTO %[1]s (center, day, %[3]s, %[4]s)
		SELECT r.center, t.day, r.%[3]s, %[5]s
		FROM %[2]s t JOIN centers c ON c.code = t.center
		JOIN %[6]s r ON r.center = t.center AND r.%[7]s >= (t.day::timestamp AT TIME ZONE c.time_zone)
			AND r.%[7]s < ((t.day + 1)::timestamp AT TIME ZONE c.time_zone) AND NOT r.voided
		GROUP BY r.center, t.day, r.%[3]s;
		`, s.days, s.touched(), s.key, cols, s.sums, s.records, s.at) + s.refreshMonths(s.touched())
	if s.records == "visits" {
		// The days that were or are a touched visitor's first day, or first
		// day of service, are counted again.
		firsts := `INSERT INTO touched_visitor_firsts SELECT d.center, unnest(ARRAY[d.first_day, d.service_first])
			FROM visitor_days d JOIN (SELECT DISTINCT center, visitor FROM touched_visitors) t USING (center, visitor);
			`
		q += `; CREATE TEMP TABLE IF NOT EXISTS touched_visitor_firsts (center text, day date) ON COMMIT DELETE ROWS;
		` + firsts + `DELETE FROM visitor_days d USING (SELECT DISTINCT center, visitor FROM touched_visitors) t
			WHERE d.center = t.center AND d.visitor = t.visitor;
		INSERT INTO visitor_days ` + visitorDays(`(SELECT DISTINCT center, visitor FROM touched_visitors) t
			JOIN visits r ON r.center = t.center AND r.visitor = t.visitor AND NOT r.voided JOIN centers c ON c.code = r.center`) + `;
		` + firsts + `DELETE FROM visitor_firsts f USING touched_visitor_firsts t WHERE f.center = t.center AND f.day = t.day;
		INSERT INTO visitor_firsts SELECT * FROM (SELECT t.center, t.day,
			(SELECT count(*) FROM visitor_days p WHERE p.center = t.center AND p.first_day = t.day) AS visitors,
			(SELECT count(*) FROM visitor_days p WHERE p.center = t.center AND p.service_first = t.day) AS volunteers
			FROM (SELECT DISTINCT center, day FROM touched_visitor_firsts WHERE day IS NOT NULL) t) f
		WHERE visitors > 0 OR volunteers > 0;
		` + firstsSummary.refreshMonths("touched_visitor_firsts") + `;
		DELETE FROM visitor_months m USING touched_visitors t WHERE m.center = t.center AND m.month = t.month AND m.visitor = t.visitor;
		INSERT INTO visitor_months SELECT r.center, t.month, r.visitor, ` + visitorMonthDays + `
		FROM touched_visitors t JOIN centers c ON c.code = t.center
		JOIN visits r ON r.center = t.center AND r.visitor = t.visitor AND NOT r.voided
			AND r.checked_in_at >= (t.month::timestamp AT TIME ZONE c.time_zone)
			AND r.checked_in_at < ((t.month + interval '1 month')::timestamp AT TIME ZONE c.time_zone)
		GROUP BY r.center, t.month, r.visitor`
	}
	if _, err := tx.Exec(ctx, q); err != nil {
		return fmt.Errorf("refresh the summaries of %s: %w", s.records, err)
	}
	return nil
}

// refreshMonths recomputes the months of the days in the table touched
// from the summary's days.
func (s summary) refreshMonths(touched string) string {
	key := ""
	if s.key != "" {
		key = ", d." + s.key
	}
	return fmt.Sprintf(`CREATE TEMP TABLE IF NOT EXISTS touched_%[1]s (center text, month date) ON COMMIT DELETE ROWS;
		INSERT INTO touched_%[1]s SELECT DISTINCT center, date_trunc('month', day)::date FROM %[2]s WHERE day IS NOT NULL;
		DELETE FROM %[1]s m USING touched_%[1]s t WHERE m.center = t.center AND m.month = t.month;
		INSERT INTO %[1]s SELECT d.center, t.month%[3]s, %[4]s
		FROM touched_%[1]s t JOIN %[5]s d ON d.center = t.center AND d.day >= t.month AND d.day < (t.month + interval '1 month')::date
		GROUP BY d.center, t.month%[3]s`, s.months, touched, key, s.monthSums(), s.days)
}

// monthSums adds up a month's days, column by column.
func (s summary) monthSums() string {
	sums := make([]string, len(s.cols))
	for i, c := range s.cols {
		sums[i] = "sum(d." + c + ")"
	}
	return strings.Join(sums, ", ")
}

// rebuild recomputes the table's day and month summaries from every
// record, each center's rows together so that a center's period is read
// from few pages.
func (s summary) rebuild() string {
	cols := strings.Join(s.cols, ", ")
	return fmt.Sprintf(`INSERT INTO %[1]s (center, day, %[2]s, %[3]s) SELECT r.center, %[4]s, r.%[2]s, %[5]s
		FROM %[6]s r JOIN centers c ON c.code = r.center WHERE NOT r.voided GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
		`, s.days, s.key, cols, localDay(s.at), s.sums, s.records) + s.rebuildMonths()
}

// rebuildMonths adds up every month from the summary's days.
func (s summary) rebuildMonths() string {
	key, by := "", "1, 2"
	if s.key != "" {
		key, by = ", d."+s.key, "1, 2, 3"
	}
	return fmt.Sprintf(`INSERT INTO %[1]s SELECT d.center, date_trunc('month', d.day)::date%[2]s, %[3]s
		FROM %[4]s d GROUP BY %[5]s ORDER BY %[5]s;
		`, s.months, key, s.monthSums(), s.days, by)
}

// firstsSummary counts, per center and day, the visitors whose first visit
// and the volunteers whose first day of service it was: the distinct
// people of a long period are mostly those whose first day falls in it,
// added up from these.
var firstsSummary = summary{days: "visitor_firsts", months: "visitor_first_months", cols: []string{"visitors", "volunteers"}}

// visitorDays is the SELECT of visitor_days' rows from the visits r (with
// their centers c) in from: each visitor's set of days and of service
// days, and the first and last of each.
func visitorDays(from string) string {
	day := localDay("checked_in_at")
	return `SELECT center, visitor, days, service_days, lower(days), upper(days) - 1, lower(service_days), upper(service_days) - 1
		FROM (SELECT r.center, r.visitor, range_agg(daterange(` + day + `, ` + day + `, '[]')) AS days,
			COALESCE(range_agg(daterange(` + day + `, ` + day + `, '[]')) FILTER (WHERE ` + serviceVisit + `), '{}'::datemultirange) AS service_days
			FROM ` + from + ` GROUP BY r.center, r.visitor ORDER BY r.center, r.visitor) p`
}

// visitorMonthDays are a visitor's days of a month as bits (day d is bit
// d-1): the days they came and the days they served.
const visitorMonthDays = `bit_or(1 << (extract(day FROM (r.checked_in_at AT TIME ZONE c.time_zone))::int - 1)),
	COALESCE(bit_or(1 << (extract(day FROM (r.checked_in_at AT TIME ZONE c.time_zone))::int - 1)) FILTER (WHERE ` + serviceVisit + `), 0)`

// RebuildSummaries recomputes every summary from the records: for a hub
// loaded by other means than the sync (the benchmarks' city), or one that
// had records before a summary existed.
func (h *Hub) RebuildSummaries(ctx context.Context) error {
	return pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `SET LOCAL work_mem = '256MB'; SET LOCAL jit = off;
			TRUNCATE visit_days, visit_months, visitor_days, visitor_months, visitor_firsts, visitor_first_months,
				request_days, request_months, booking_days, booking_months;
			`+visitSummary.rebuild()+requestSummary.rebuild()+bookingSummary.rebuild()+`
			INSERT INTO visitor_days `+visitorDays("visits r JOIN centers c ON c.code = r.center WHERE NOT r.voided")+`;
			INSERT INTO visitor_months SELECT r.center, date_trunc('month', `+localDay("checked_in_at")+`)::date, r.visitor, `+visitorMonthDays+`
			FROM visits r JOIN centers c ON c.code = r.center WHERE NOT r.voided GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
			INSERT INTO visitor_firsts SELECT center, day, count(*) FILTER (WHERE visitor), count(*) FILTER (WHERE NOT visitor)
			FROM (SELECT center, first_day AS day, true AS visitor FROM visitor_days
				UNION ALL SELECT center, service_first, false FROM visitor_days WHERE service_first IS NOT NULL) f
			GROUP BY 1, 2 ORDER BY 1, 2;
			`+firstsSummary.rebuildMonths())
		return err
	})
}
