package hub_test

import (
	"bufio"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"frontdesk/hub"
	"frontdesk/store"
)

const childEnv = "FRONTDESK_HUB_TEST_CHILD"

func TestMigrate(t *testing.T) {
	h, _ := mustEmptyHub(t)
	dbs := mustDistrict(t)
	_, err := h.Sync(ctx, dbs[0], hub.SyncOptions{})
	if got := store.ErrorMessage(err, "zh"); !strings.Contains(got, "hub init") {
		t.Fatalf("sync before hub init: got %q, want it to say to run hub init", got)
	}
	applied, err := h.Migrate(ctx)
	if err != nil || len(applied) != len(hub.Migrations()) {
		t.Fatalf("first migrate: got %v, %v, want every migration", applied, err)
	}
	if again, err := h.Migrate(ctx); err != nil || len(again) != 0 {
		t.Fatalf("second migrate: got %v, %v, want nothing applied", again, err)
	}
	if _, err := hub.Pool(h).Exec(ctx, "INSERT INTO schema_migrations (name) VALUES ('9999_future.sql')"); err != nil {
		t.Fatal(err)
	}
	_, err = h.Migrate(ctx)
	if store.ErrorCode(err) != store.ECONFLICT || !strings.Contains(store.ErrorMessage(err, "zh"), "比本程序新") {
		t.Fatalf("a newer hub: got %v, want a refusal saying it is newer", err)
	}
	if _, err := h.Sync(ctx, dbs[0], hub.SyncOptions{}); store.ErrorCode(err) != store.ECONFLICT {
		t.Fatalf("sync to a newer hub: got %v, want a refusal", err)
	}
}

func TestSyncTwiceChangesNothing(t *testing.T) {
	h, _ := mustHub(t)
	dbs := mustDistrict(t)
	for _, db := range dbs {
		res := mustSync(t, h, db)
		id, _ := db.Identity(ctx)
		want := localCounts(t, db.Path())
		if got := hubCounts(t, h, id.Code); !maps.Equal(got, want) {
			t.Fatalf("%s after the first sync: hub has %v, the center %v", id.Code, got, want)
		}
		sum := 0
		for _, n := range want {
			sum += n
		}
		if res.Records != sum {
			t.Fatalf("%s: sent %d records, the file has %d", id.Code, res.Records, sum)
		}
		if st, _ := db.SyncStatus(ctx); st.Pending != 0 || st.Acked != res.Upto {
			t.Fatalf("%s: after the sync %+v, want nothing pending", id.Code, st)
		}
	}
	before := hubDigest(t, h)
	for _, db := range dbs {
		if res := mustSync(t, h, db); res.Records != 0 {
			t.Fatalf("second sync sent %d records, want 0", res.Records)
		}
	}
	if after := hubDigest(t, h); after != before {
		t.Fatal("the second sync changed the hub's records")
	}

	// A change at one center travels once, as the record now is.
	db := dbs[1]
	v, err := db.CheckIn(ctx, store.VisitInput{Name: "新来的人", Phone: "13600001234", Purpose: "consult", Actor: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, h, db); res.Records != 1 {
		t.Fatalf("after one check-in: sent %d records, want 1", res.Records)
	}
	if _, err := db.CheckOut(ctx, v.ID, "王芳"); err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, h, db); res.Records != 1 {
		t.Fatalf("after one check-out: sent %d records, want 1", res.Records)
	}
	var out *time.Time
	if err := hub.Pool(h).QueryRow(ctx, "SELECT checked_out_at FROM visits WHERE center = '140213001001' AND id = $1", v.ID).Scan(&out); err != nil || out == nil {
		t.Fatalf("the check-out is not on the hub: %v, %v", out, err)
	}
}

// hubDigest is a digest of every record on the hub, the sync's own
// bookkeeping (last_sync_at, sync_log) left out.
func hubDigest(t testing.TB, h *hub.Hub) string {
	t.Helper()
	var parts []string
	for _, tbl := range []string{"venues", "visits", "requests", "bookings"} {
		var d *string
		if err := hub.Pool(h).QueryRow(ctx, "SELECT md5(string_agg(t::text, ',' ORDER BY center, id)) FROM "+tbl+" t").Scan(&d); err != nil {
			t.Fatal(err)
		}
		if d != nil {
			parts = append(parts, tbl+":"+*d)
		}
	}
	var c string
	if err := hub.Pool(h).QueryRow(ctx, "SELECT string_agg(code || name || level || COALESCE(parent, '') || acked_seq, ',' ORDER BY code) FROM centers").Scan(&c); err != nil {
		t.Fatal(err)
	}
	return strings.Join(append(parts, c), " ")
}

// TestCrashBetweenCommitAndAck stops a sync in the one window where the hub
// has a batch the center has not acknowledged: the next sync sends that batch
// again and the upserts absorb it.
func TestCrashBetweenCommitAndAck(t *testing.T) {
	h, _ := mustHub(t)
	ref, _ := mustHub(t)
	db := mustDistrict(t)[0]
	crash := errors.New("crash")
	n := 0
	hub.SetTestHookCommitted(func() error {
		if n++; n == 3 {
			return crash
		}
		return nil
	})
	_, err := h.Sync(ctx, db, hub.SyncOptions{Batch: 100})
	hub.SetTestHookCommitted(nil)
	if !errors.Is(err, crash) {
		t.Fatalf("got %v, want the crash", err)
	}
	st, _ := db.SyncStatus(ctx)
	res, err := h.Sync(ctx, db, hub.SyncOptions{Batch: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != st.Pending {
		t.Fatalf("resumed: sent %d, want the %d pending (one batch again)", res.Records, st.Pending)
	}
	mustSync(t, ref, db)
	if got, want := hubDigest(t, h), hubDigest(t, ref); got != want {
		t.Fatal("a crash and a resume left the hub unlike one clean sync")
	}
}

// TestKillMidSync kills a sync process with SIGKILL after a few batches,
// then resumes: the hub ends exactly as after one clean sync.
func TestKillMidSync(t *testing.T) {
	h, url := mustHub(t)
	ref, _ := mustHub(t)
	db := mustDistrict(t)[0]
	path := db.Path()
	db.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestChildSync$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"=1", "CHILD_HUB="+url, "CHILD_DB="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	batches := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "batch ") {
			if batches++; batches == 5 {
				break
			}
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if batches < 5 {
		t.Fatalf("the child synced only %d batches before it ended", batches)
	}

	db2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	db2.Now = func() time.Time { return now }
	id, _ := db2.Identity(ctx)
	if got, all := hubCounts(t, h, id.Code), localCounts(t, path); maps.Equal(got, all) {
		t.Fatalf("the kill came too late: the hub already has everything (%v)", got)
	}
	mustSync(t, h, db2)
	mustSync(t, ref, db2)
	if got, want := hubCounts(t, h, id.Code), localCounts(t, path); !maps.Equal(got, want) {
		t.Fatalf("after the resume: hub %v, center %v", got, want)
	}
	if got, want := hubDigest(t, h), hubDigest(t, ref); got != want {
		t.Fatal("kill -9 and a resume left the hub unlike one clean sync")
	}
}

// TestChildSync is the process TestKillMidSync kills: it syncs in small
// batches, slowly, saying each one. Run alone it does nothing.
func TestChildSync(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		return
	}
	db, err := store.Open(os.Getenv("CHILD_DB"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := hub.Open(ctx, os.Getenv("CHILD_HUB"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.Sync(ctx, db, hub.SyncOptions{Batch: 25, AfterBatch: func(r hub.SyncResult) {
		fmt.Printf("batch %d\n", r.Batches)
		time.Sleep(20 * time.Millisecond)
	}})
	t.Fatalf("the sync ended before the kill: %v", err)
}

// TestHubDown stops the hub under a center: the sync fails with a clear
// message, the center keeps working and counting what is pending, and
// catches up once the hub is back.
func TestHubDown(t *testing.T) {
	h, _ := mustHub(t)
	db := mustDistrict(t)[1]
	mustSync(t, h, db)
	if err := server.StopServer(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	defer func() {
		if !restarted {
			server.Restart()
		}
	}()
	if _, err := db.CheckIn(ctx, store.VisitInput{Name: "停机时来的人", Phone: "13700001234", Purpose: "business", Actor: "王芳"}); err != nil {
		t.Fatalf("the desk must work while the hub is down: %v", err)
	}
	_, err := h.Sync(ctx, db, hub.SyncOptions{})
	msg := store.ErrorMessage(err, "zh")
	if !strings.Contains(msg, "连不上汇总库") {
		t.Fatalf("sync to a stopped hub: got %q, want 连不上汇总库…", msg)
	}
	if strings.Contains(msg, "\n") {
		t.Fatalf("sync to a stopped hub: got %q, want the reason once, on one line", msg)
	}
	st, _ := db.SyncStatus(ctx)
	if st.Pending != 1 || !strings.Contains(st.LastError, "连不上汇总库") {
		t.Fatalf("status while down: %+v, want 1 pending and the error", st)
	}
	if err := server.Restart(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	res, err := h.Sync(ctx, db, hub.SyncOptions{})
	if err != nil || res.Records != 1 {
		t.Fatalf("catching up: got %+v, %v, want the one pending record", res, err)
	}
	if st, _ := db.SyncStatus(ctx); st.Pending != 0 || st.LastError != "" {
		t.Fatalf("after catching up: %+v", st)
	}
}

// TestSummariesKeptAsRebuilt checks that the summaries the sync keeps,
// batch by batch and through corrections and voids that move records
// between days, months and visitors, are what a rebuild from the records
// makes.
func TestSummariesKeptAsRebuilt(t *testing.T) {
	h, _ := mustHub(t)
	dbs := mustDistrict(t)
	for _, db := range dbs {
		if _, err := h.Sync(ctx, db, hub.SyncOptions{Batch: 40}); err != nil {
			t.Fatal(err)
		}
	}
	db := dbs[1]
	l, err := db.DailyLog(ctx, store.Day{Year: 2026, Month: 11, Day: 1}, store.Day{Year: 2026, Month: 11, Day: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Visits) < 4 || len(l.Requests) < 2 || len(l.Bookings) < 2 {
		t.Fatalf("too few records to change: %d %d %d", len(l.Visits), len(l.Requests), len(l.Bookings))
	}
	// A visit moved back into October and made a volunteer's, another
	// voided; a request and a booking voided, another booking moved a day.
	v := l.Visits[0]
	back := 12 * 24 * time.Hour
	if _, err := db.CorrectVisit(ctx, v.ID, store.VisitEdit{Name: v.Name, Org: v.Org, Purpose: "volunteer", Headcount: 1,
		CheckedInAt: v.CheckedInAt.Add(-back), CheckedOutAt: v.CheckedInAt.Add(-back + time.Hour), Actor: "王建华"}); err != nil {
		t.Fatal(err)
	}
	for kind, id := range map[string]int64{"visit": l.Visits[3].ID, "request": l.Requests[1].ID, "booking": l.Bookings[1].ID} {
		if _, err := db.VoidRecord(ctx, kind, id, "王建华", "登记错误"); err != nil {
			t.Fatal(err)
		}
	}
	b := l.Bookings[0]
	if _, err := db.CorrectBooking(ctx, b.ID, store.BookingEdit{Title: b.Title, Attendees: b.Attendees,
		Start: b.Start.Add(-24 * time.Hour), End: b.End.Add(-24 * time.Hour), Actor: "王建华"}); err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, h, db); res.Records < 5 {
		t.Fatalf("after the changes: sent %d records, want 5 or more", res.Records)
	}
	kept := summaryDigest(t, h)
	if err := h.RebuildSummaries(ctx); err != nil {
		t.Fatal(err)
	}
	if rebuilt := summaryDigest(t, h); rebuilt != kept {
		t.Fatalf("the summaries the sync kept differ from a rebuild:\nkept    %s\nrebuilt %s", kept, rebuilt)
	}
}

// summaryDigest is a digest of each summary table's rows.
func summaryDigest(t testing.TB, h *hub.Hub) string {
	t.Helper()
	var parts []string
	for _, tbl := range []string{"visit_days", "visit_months", "visitor_days", "visitor_months", "visitor_firsts", "visitor_first_months", "request_days", "request_months",
		"booking_days", "booking_months"} {
		var n int
		var d *string
		if err := hub.Pool(h).QueryRow(ctx, "SELECT count(*), md5(string_agg(t::text, ',' ORDER BY t::text)) FROM "+tbl+" t").Scan(&n, &d); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatalf("%s is empty", tbl)
		}
		parts = append(parts, fmt.Sprintf("%s:%d:%s", tbl, n, *d))
	}
	return strings.Join(parts, " ")
}

// TestUpgradeBuildsSummaries takes a synced hub back to its schema before
// the summaries (0002) and upgrades it again: `hub init` builds every
// summary from the records the hub holds, the same as the sync kept them.
func TestUpgradeBuildsSummaries(t *testing.T) {
	h, _ := mustHub(t)
	for _, db := range mustDistrict(t) {
		mustSync(t, h, db)
	}
	kept := summaryDigest(t, h)
	if _, err := hub.Pool(h).Exec(ctx, `DROP TABLE visit_days, visitor_days, request_days, visit_months, request_months,
		booking_days, booking_months, visitor_months, visitor_firsts, visitor_first_months;
		DROP INDEX visits_visitor, requests_open_due, requests_unhandled_due;
		DELETE FROM schema_migrations WHERE name >= '0003'`); err != nil {
		t.Fatal(err)
	}
	applied, err := h.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := hub.Migrations()[2:]; !slices.Equal(applied, want) {
		t.Fatalf("applied %v, want %v", applied, want)
	}
	if got := summaryDigest(t, h); got != kept {
		t.Fatalf("after the upgrade the summaries differ from those the sync kept:\nupgraded %s\nkept     %s", got, kept)
	}
}
