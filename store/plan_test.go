package store

// Inside the package: the test explains the very SQL the store runs.

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeskCountPlans checks with EXPLAIN QUERY PLAN that the desk's counts
// and the log's backlog seek an index of requests and never scan the table:
// a center with years of requests still opens its desk at once.
func TestDeskCountPlans(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct {
		name, sql string
		args      []any
	}{
		{"Waiting", waitingCountSQL, nil},
		{"Overdue", overdueCountSQL, []any{"2026-03-10"}},
		{"Callbacks", callbackCountSQL, nil},
		{"Backlog", "SELECT id FROM requests " + backlogWhere, []any{"2026-03-10", 0}},
		{"BacklogCount", "SELECT COUNT(*) FROM requests " + backlogCountWhere, []any{"2026-03-10", 0}},
		{"BacklogBrief", "SELECT id FROM requests " + backlogBriefWhere, []any{"2026-03-10", 0, 20}},
	} {
		t.Run(c.name, func(t *testing.T) {
			plan := queryPlan(t, db, c.sql, c.args...)
			all := strings.Join(plan, "; ")
			for _, p := range plan {
				// SCAN, even of a covering index, reads every request.
				if strings.Contains(p, "requests") && !strings.HasPrefix(p, "SEARCH requests USING") {
					t.Errorf("plan of %s: %s; want an index search of requests", c.sql, all)
				}
			}
			t.Log(all)
		})
	}
}

// TestServicePurposeSQL checks that the SQL list of service purposes holds
// exactly the purposes ServicePurpose counts.
func TestServicePurposeSQL(t *testing.T) {
	got := servicePurposeIn("v.")
	if !strings.HasPrefix(got, "v.purpose IN (") {
		t.Fatalf("got %q, want a v.purpose IN list", got)
	}
	for _, p := range Purposes {
		if in, want := strings.Contains(got, "'"+p.Code+"'"), ServicePurpose(p.Code); in != want {
			t.Errorf("%s in %q: got %v, want %v", p.Code, got, in, want)
		}
	}
}

// TestCheckInIndexPlans checks with EXPLAIN QUERY PLAN that the questions
// the indexes of 0011 answer still seek them: the open visits of past days
// and of a day are read from the check-in index alone, and a last-four
// lookup seeks visitors_last4, as a whole phone's does (0013); a request's
// first handling is read from request_events_first alone (0014), and the
// previous period's sums seek their span by time, as its reading did.
func TestCheckInIndexPlans(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	where, args := visitorMatch("5678")
	phoneWhere, phoneArgs := visitorMatch("138 1234 5678")
	for _, c := range []struct {
		name, sql, want string
		args            []any
	}{
		{"OpenBefore", "SELECT id FROM visits " + openBeforeWhere,
			"SEARCH visits USING COVERING INDEX visits_in", []any{0}},
		{"OpenOfDay", "SELECT id FROM visits " + inBuildingWhere,
			"SEARCH visits USING COVERING INDEX visits_in", []any{0, 1}},
		{"LastFour", "SELECT id FROM visitors WHERE " + where + " ORDER BY last_seen_at DESC LIMIT 50",
			"SEARCH visitors USING INDEX visitors_last4", args},
		{"WholePhone", "SELECT id FROM visitors WHERE " + phoneWhere + " ORDER BY last_seen_at DESC LIMIT 50",
			"SEARCH visitors USING INDEX visitors_last4", phoneArgs},
		{"FirstResponse", "SELECT " + firstResponse + " FROM requests WHERE id = ?",
			"SEARCH e USING COVERING INDEX request_events_first", []any{1}},
		{"SumVisits", sumVisits, "SEARCH visits USING INDEX visits_in", []any{0, 1}},
		{"SumRequests", sumRequests, "SEARCH e USING COVERING INDEX request_events_first", []any{"2026-03-10", 0, 0, 1}},
		{"SumBookings", sumBookings, "SEARCH b USING INDEX bookings_start", []any{0, 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			plan := queryPlan(t, db, c.sql, c.args...)
			if all := strings.Join(plan, "; "); !strings.Contains(all, c.want) {
				t.Errorf("plan of %s: %s; want %s", c.sql, all, c.want)
			}
		})
	}
}

// queryPlan is the details of EXPLAIN QUERY PLAN of query, one a step.
func queryPlan(t *testing.T, db *DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.r.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// TestLogOrderPlans checks with EXPLAIN QUERY PLAN that a log's lists come
// in their index's order (0015): each seeks its span by time and sorts
// nothing, where a sorter copied a year's visits row by row.
func TestLogOrderPlans(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct{ name, sql, want string }{
		{"Visits", "SELECT " + visitColumns + " FROM visits " + visitsOfSpan, "SEARCH visits USING INDEX visits_in"},
		{"VisitsCounted", "SELECT " + countVisit + " FROM visits " + visitsOfSpan, "SEARCH visits USING INDEX visits_in"},
		{"InBuilding", "SELECT " + visitColumns + " FROM visits " + inBuildingWhere, "SEARCH visits USING INDEX visits_in"},
		{"Requests", "SELECT " + requestColumns + ", " + firstResponse + " FROM requests " + requestsOfSpan, "SEARCH requests USING INDEX requests_created"},
		{"Bookings", "SELECT " + bookingColumns + bookingFrom + bookingsOfSpan, "SEARCH b USING INDEX bookings_start"},
	} {
		t.Run(c.name, func(t *testing.T) {
			all := strings.Join(queryPlan(t, db, c.sql, 0, 1), "; ")
			if !strings.Contains(all, c.want) || strings.Contains(all, "TEMP B-TREE") {
				t.Errorf("plan of %s: %s; want %s and no sorting", c.sql, all, c.want)
			}
		})
	}
}
