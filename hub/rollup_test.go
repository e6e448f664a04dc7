package hub_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"frontdesk/hub"
	"frontdesk/report"
	"frontdesk/store"
)

// TestRowsEqualLocalReports checks, for every center and several periods,
// that its row's summary in the network report equals the summary of its
// own daily log in JSON, key by key.
func TestRowsEqualLocalReports(t *testing.T) {
	h, dbs := mustSyncedHub(t)
	// Voids after the first sync travel with the next one and leave the
	// counts on both sides.
	l, err := dbs[1].DailyLog(ctx, store.Day{Year: 2026, Month: 11, Day: 14}, store.Day{Year: 2026, Month: 11, Day: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Visits) < 3 || len(l.Requests) < 2 || len(l.Bookings) < 2 {
		t.Fatalf("the week has too few records to void: %d %d %d", len(l.Visits), len(l.Requests), len(l.Bookings))
	}
	for kind, id := range map[string]int64{"visit": l.Visits[2].ID, "request": l.Requests[1].ID, "booking": l.Bookings[1].ID} {
		if _, err := dbs[1].VoidRecord(ctx, kind, id, "王建华", "登记错误"); err != nil {
			t.Fatal(err)
		}
	}
	if res := mustSync(t, h, dbs[1]); res.Records != 3 {
		t.Fatalf("after three voids: sent %d records, want 3", res.Records)
	}
	today := store.Day{Year: 2026, Month: 11, Day: 20}
	periods := []struct{ from, to store.Day }{
		{today, today},
		{today.AddDays(-6), today.AddDays(-6)},
		{today.AddDays(-9), today},
		{today.AddDays(-29), today},
		{today.AddDays(-60), today.AddDays(-30)}, // before the demo: all zeros
		{today.MonthStart(), today.MonthEnd()},   // a whole month, from its summary
		{today.AddDays(-60), today},              // a whole month and days either side
		{store.Day{Year: 2026, Month: 1, Day: 1}, today},
	}
	// Distinct visitors are counted one way for short periods and another
	// for long ones: each period is counted both ways.
	for _, months := range []int{0, 12} {
		defer hub.SetVisitorMonthsUpTo(months)()
		for _, p := range periods {
			for _, root := range []string{"", "140213001", "140213001002"} {
				name := fmt.Sprintf("%s_%s_%s_%d", p.from, p.to, root, months)
				t.Run(name, func(t *testing.T) {
					n, err := h.Rollup(ctx, root, p.from, p.to, now)
					if err != nil {
						t.Fatal(err)
					}
					var buf bytes.Buffer
					if err := report.WriteNetwork(&buf, n, "json", report.Options{Lang: "zh"}); err != nil {
						t.Fatal(err)
					}
					net := jsonOf(t, buf.Bytes())
					rows := net["rows"].([]any)
					want := 3
					if root == "140213001002" {
						want = 1
					}
					if len(rows) != want {
						t.Fatalf("rows: got %d, want %d", len(rows), want)
					}
					for _, r := range rows {
						row := r.(map[string]any)
						db := byCode(t, dbs, row["code"].(string))
						l, err := db.DailyLog(ctx, p.from, p.to)
						if err != nil {
							t.Fatal(err)
						}
						var local bytes.Buffer
						if err := report.Write(&local, l, "json", report.Options{Lang: "zh"}); err != nil {
							t.Fatal(err)
						}
						wantSum := jsonOf(t, local.Bytes())["summary"].(map[string]any)
						gotSum := row["summary"].(map[string]any)
						for k, v := range wantSum {
							if !reflect.DeepEqual(gotSum[k], v) {
								t.Errorf("%s %s: got %v, want %v", row["code"], k, gotSum[k], v)
							}
						}
						if p.from == today.AddDays(-29) && (wantSum["visits"].(float64) == 0 || wantSum["requests_received"].(float64) == 0) {
							t.Fatalf("%s: an empty month compares nothing", row["code"])
						}
						if len(gotSum) != len(wantSum) {
							t.Errorf("%s: the row's summary has %d keys, the log's %d", row["code"], len(gotSum), len(wantSum))
						}
					}
				})
			}
		}
	}
}

func byCode(t testing.TB, dbs []*store.DB, code string) *store.DB {
	t.Helper()
	for _, db := range dbs {
		if id, _ := db.Identity(ctx); id.Code == code {
			return db
		}
	}
	t.Fatalf("no center %s", code)
	return nil
}

// TestRollupRanksAndFlags checks the tree, the order, the ranks, the flags
// and the totals.
func TestRollupRanksAndFlags(t *testing.T) {
	h, _ := mustSyncedHub(t)
	// One community stops reporting: its last sync is two days old.
	if _, err := hub.Pool(h).Exec(ctx, "UPDATE centers SET last_sync_at = last_sync_at - interval '2 days' WHERE code = '140213001002'"); err != nil {
		t.Fatal(err)
	}
	today := store.Day{Year: 2026, Month: 11, Day: 20}
	n, err := h.Rollup(ctx, "140213001", today.AddDays(-29), today, now)
	if err != nil {
		t.Fatal(err)
	}
	if n.Name != "新华街道党群服务中心" || len(n.Rows) != 3 || n.Rows[0].Code != "140213001" || n.Rows[0].Rank != 1 {
		t.Fatalf("rows: %+v", n.Rows)
	}
	a, b := n.Rows[1], n.Rows[2]
	if a.Level != "community" || b.Level != "community" || a.Rank != 1 || b.Rank != 2 || a.Score < b.Score {
		t.Fatalf("communities out of rank: %+v %+v", a, b)
	}
	if !hasFlag(b, hub.FlagBottom) || hasFlag(a, hub.FlagBottom) || hasFlag(n.Rows[0], hub.FlagBottom) {
		t.Fatalf("bottom flags: %v %v %v, want only the lower community", n.Rows[0].Flags, a.Flags, b.Flags)
	}
	for _, r := range n.Rows {
		if got, want := hasFlag(r, hub.FlagStale), r.Code == "140213001002"; got != want {
			t.Fatalf("%s stale: got %v, want %v", r.Code, got, want)
		}
	}
	if len(n.Levels) != 2 || n.Levels[1].Centers != 2 || n.Total.Centers != 3 {
		t.Fatalf("subtotals: %+v total %+v", n.Levels, n.Total.Centers)
	}
	sum := 0
	for _, r := range n.Rows {
		sum += r.Summary.Visits
	}
	if n.Total.Summary.Visits != sum || n.Levels[1].Summary.Visits != a.Summary.Visits+b.Summary.Visits {
		t.Fatalf("totals do not add up: %d vs %d", n.Total.Summary.Visits, sum)
	}
	if _, err := h.Rollup(ctx, "999999", today, today, now); store.ErrorCode(err) != store.ENOTFOUND {
		t.Fatalf("an unknown center: got %v, want ENOTFOUND", err)
	}
	for _, format := range []string{"text", "csv", "html"} {
		var buf bytes.Buffer
		if err := report.WriteNetwork(&buf, n, format, report.Options{Lang: "zh", PrintedBy: "李主任"}); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"幸福里社区党群服务中心", "末位", "未上报", "负责人签字"} {
			if !strings.Contains(buf.String(), want) {
				t.Errorf("%s: no %q in\n%.600s", format, want, buf.String())
			}
		}
		if format == "html" && !strings.Contains(buf.String(), "<svg") {
			t.Error("html: the ranking is not drawn")
		}
	}
}

func hasFlag(r hub.Row, f string) bool {
	for _, x := range r.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// TestMinimised dumps every table of the hub and finds none of the
// centers' names, phones, status codes or secrets in it.
func TestMinimised(t *testing.T) {
	h, dbs := mustSyncedHub(t)
	rows, err := hub.Pool(h).Query(ctx, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	var dump strings.Builder
	for _, tbl := range tables {
		var s *string
		if err := hub.Pool(h).QueryRow(ctx, "SELECT string_agg(t::text, E'\\n') FROM "+tbl+" t").Scan(&s); err != nil {
			t.Fatal(err)
		}
		if s != nil {
			dump.WriteString(*s + "\n")
		}
	}
	if dump.Len() < 10000 {
		t.Fatalf("the dump is only %d bytes: nothing synced?", dump.Len())
	}
	hubText := dump.String()
	checked := 0
	for _, db := range dbs {
		for _, s := range secretsOf(t, db.Path()) {
			if len([]rune(s)) < 2 {
				continue
			}
			checked++
			if strings.Contains(hubText, s) {
				t.Errorf("the hub holds %q from %s", s, db.Path())
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d strings checked", checked)
	}
}

// secretsOf reads every name, phone, status code and secret of a center.
func secretsOf(t testing.TB, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, q := range []string{
		"SELECT name FROM visitors", "SELECT phone FROM visitors WHERE phone <> ''",
		"SELECT name FROM visits", "SELECT status_code FROM visits",
		"SELECT name FROM requests", "SELECT phone FROM requests", "SELECT status_code FROM requests", "SELECT description FROM requests",
		"SELECT contact FROM bookings", "SELECT phone FROM bookings", "SELECT status_code FROM bookings", "SELECT title FROM bookings",
		"SELECT value FROM settings WHERE key = 'secret'", "SELECT visitor_key FROM sync_state",
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			out = append(out, s)
		}
		rows.Close()
	}
	return out
}
