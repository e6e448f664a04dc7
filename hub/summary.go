package hub

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// The visit summaries (migration 0003) are recomputed from the visits
// table for exactly the days and visitors a batch touches: the staged rows'
// new ones and the replaced rows' old ones, so a visit moved by a
// correction leaves its old day right too.

// visitDay is a visit's local calendar day in its center's zone.
const visitDay = "(v.checked_in_at AT TIME ZONE c.time_zone)::date"

// serviceVisit is the daily log's rule for a visit that counts as service.
const serviceVisit = "(v.purpose IN ('party_report', 'volunteer') AND NOT v.auto_closed AND v.checked_out_at > v.checked_in_at)"

// noteTouched records, before the upsert, which days and visitors of which
// centers the staged visits touch.
func noteTouched(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `CREATE TEMP TABLE IF NOT EXISTS touched_days (center text, day date) ON COMMIT DELETE ROWS;
		CREATE TEMP TABLE IF NOT EXISTS touched_visitors (center text, visitor bigint) ON COMMIT DELETE ROWS;
		INSERT INTO touched_days SELECT DISTINCT v.center, `+visitDay+` FROM (
			SELECT center, checked_in_at FROM stage_visits
			UNION ALL SELECT o.center, o.checked_in_at FROM visits o JOIN stage_visits s USING (center, id)) v
			JOIN centers c ON c.code = v.center;
		INSERT INTO touched_visitors SELECT DISTINCT center, visitor FROM (
			SELECT center, visitor FROM stage_visits
			UNION ALL SELECT o.center, o.visitor FROM visits o JOIN stage_visits s USING (center, id)) v`)
	if err != nil {
		return fmt.Errorf("note touched days: %w", err)
	}
	return nil
}

// requestDay is a request's local day of receipt in its center's zone.
const requestDay = "(r.created_at AT TIME ZONE c.time_zone)::date"

// noteTouchedRequests records the days the staged requests touch.
func noteTouchedRequests(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `CREATE TEMP TABLE IF NOT EXISTS touched_request_days (center text, day date) ON COMMIT DELETE ROWS;
		INSERT INTO touched_request_days SELECT DISTINCT r.center, `+requestDay+` FROM (
			SELECT center, created_at FROM stage_requests
			UNION ALL SELECT o.center, o.created_at FROM requests o JOIN stage_requests s USING (center, id)) r
			JOIN centers c ON c.code = r.center`)
	if err != nil {
		return fmt.Errorf("note touched request days: %w", err)
	}
	return nil
}

// refreshTouchedRequests recomputes the touched days' request summary.
func refreshTouchedRequests(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `DELETE FROM request_days d USING touched_request_days t WHERE d.center = t.center AND d.day = t.day;
		INSERT INTO request_days
		SELECT r.center, t.day, r.category, `+requestDaySums+`
		FROM touched_request_days t JOIN centers c ON c.code = t.center
		JOIN requests r ON r.center = t.center AND r.created_at >= (t.day::timestamp AT TIME ZONE c.time_zone)
			AND r.created_at < ((t.day + 1)::timestamp AT TIME ZONE c.time_zone) AND NOT r.voided
		GROUP BY r.center, t.day, r.category`)
	if err != nil {
		return fmt.Errorf("refresh request summaries: %w", err)
	}
	return nil
}

const requestDaySums = `count(*), count(*) FILTER (WHERE r.urgency = 'urgent'),
	count(*) FILTER (WHERE r.status IN ('resolved', 'closed')), count(*) FILTER (WHERE r.status = 'rejected'),
	count(*) FILTER (WHERE r.status = 'transferred'), count(*) FILTER (WHERE r.status NOT IN ('resolved', 'closed', 'rejected')),
	count(*) FILTER (WHERE r.satisfaction = 'satisfied'), count(*) FILTER (WHERE r.satisfaction = 'basic'),
	count(*) FILTER (WHERE r.satisfaction = 'unsatisfied'), count(*) FILTER (WHERE r.responded_at <= r.respond_by),
	count(*) FILTER (WHERE r.responded_at IS NOT NULL), count(*) FILTER (WHERE r.source = 'kiosk')`

// visitorBounds fills the first and last days of the visitor rows just made.
const visitorBounds = `UPDATE visitor_days SET first_day = lower(days), last_day = upper(days) - 1,
	service_first = lower(service_days), service_last = upper(service_days) - 1 WHERE first_day IS NULL`

// refreshTouched recomputes the summaries of the touched days and visitors
// from the visits as they now are.
func refreshTouched(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `DELETE FROM visit_days d USING touched_days t WHERE d.center = t.center AND d.day = t.day;
		INSERT INTO visit_days
		SELECT v.center, t.day, v.purpose, `+visitDaySums+`
		FROM touched_days t JOIN centers c ON c.code = t.center
		JOIN visits v ON v.center = t.center AND v.checked_in_at >= (t.day::timestamp AT TIME ZONE c.time_zone)
			AND v.checked_in_at < ((t.day + 1)::timestamp AT TIME ZONE c.time_zone) AND NOT v.voided
		GROUP BY v.center, t.day, v.purpose;
		DELETE FROM visitor_days d USING touched_visitors t WHERE d.center = t.center AND d.visitor = t.visitor;
		INSERT INTO visitor_days
		SELECT v.center, v.visitor, `+visitorRanges+`
		FROM touched_visitors t JOIN visits v ON v.center = t.center AND v.visitor = t.visitor AND NOT v.voided
		JOIN centers c ON c.code = v.center
		GROUP BY v.center, v.visitor;
		`+visitorBounds)
	if err != nil {
		return fmt.Errorf("refresh visit summaries: %w", err)
	}
	return nil
}

const visitDaySums = `count(*), sum(v.headcount), count(*) FILTER (WHERE v.party_member), count(*) FILTER (WHERE ` + serviceVisit + `),
	COALESCE(sum(extract(epoch FROM v.checked_out_at - v.checked_in_at)::bigint) FILTER (WHERE ` + serviceVisit + `), 0),
	count(*) FILTER (WHERE v.source = 'kiosk')`

const visitorRanges = `range_agg(daterange(` + visitDay + `, ` + visitDay + `, '[]')),
	COALESCE(range_agg(daterange(` + visitDay + `, ` + visitDay + `, '[]')) FILTER (WHERE ` + serviceVisit + `), '{}'::datemultirange)`

// RebuildSummaries recomputes every visit summary from the visits table:
// for a hub loaded by other means than the sync (the benchmarks' city).
func (h *Hub) RebuildSummaries(ctx context.Context) error {
	return pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `SET LOCAL work_mem = '256MB'; TRUNCATE visit_days, visitor_days, request_days;
			INSERT INTO visit_days SELECT v.center, `+visitDay+`, v.purpose, `+visitDaySums+`
			FROM visits v JOIN centers c ON c.code = v.center WHERE NOT v.voided GROUP BY 1, 2, 3;
			INSERT INTO visitor_days (center, visitor, days, service_days) SELECT v.center, v.visitor, `+visitorRanges+`
			FROM visits v JOIN centers c ON c.code = v.center WHERE NOT v.voided GROUP BY 1, 2;
			`+visitorBounds+`;
			INSERT INTO request_days SELECT r.center, `+requestDay+`, r.category, `+requestDaySums+`
			FROM requests r JOIN centers c ON c.code = r.center WHERE NOT r.voided GROUP BY 1, 2, 3`)
		return err
	})
}
