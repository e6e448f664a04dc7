package store

// Inside the package: one batch is put together by hand and committed as
// the committer commits it, so each case of checkInsTogether is met for
// certain rather than by the timing of concurrent writers.

import (
	"context"
	"fmt"
	"testing"
)

// batchOf makes the jobs of check-ins as CheckIn submits them.
func batchOf(ins []VisitInput) ([]*writeJob, []Visit) {
	visits := make([]Visit, len(ins))
	jobs := make([]*writeJob, len(ins))
	for i, in := range ins {
		w := newCheckInWork(in, &visits[i])
		jobs[i] = &writeJob{ctx: context.Background(), fn: w.write, done: make(chan error, 1), checkin: w}
	}
	return jobs, visits
}

// kioskCheckIn is a phone's check-in, validated as CheckIn validates it.
func kioskCheckIn(t *testing.T, name, phone, key string) VisitInput {
	t.Helper()
	v, err := VisitInput{Name: name, Phone: phone, Org: "阳光社区", Purpose: "consult", Actor: ActorKiosk,
		Source: SourceKiosk, Key: key}.Validate()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// mustCommit commits jobs as one batch, as the committer does, and fails
// the test if any of them is answered with an error.
func mustCommit(t *testing.T, db *DB, jobs []*writeJob) {
	t.Helper()
	db.commitBatch(jobs)
	for i, j := range jobs {
		if err := <-j.done; err != nil {
			t.Fatalf("check-in %d: %v", i, err)
		}
	}
}

// TestCheckInsTogether commits one batch holding every kind of check-in
// the committer writes together: visitors new and returning (one of them
// twice in the batch), keyed and not, a key sent twice in the batch, a key
// made by an earlier check-in, a key made by a request. Each is answered
// as CheckIn answers it one at a time, and the file holds the same as if
// they had been written one by one.
func TestCheckInsTogether(t *testing.T) {
	db, _ := batchDB(t)
	ctx := context.Background()
	in := func(name, phone, key string) VisitInput { return kioskCheckIn(t, name, phone, key) }
	before, err := db.CheckIn(ctx, in("老张", "13800000001", "vis-before-0000000001"))
	if err != nil {
		t.Fatal(err)
	}
	req, err := db.CreateRequest(ctx, RequestInput{Name: "李四", Phone: "13900000000", Category: "other", Urgency: "normal",
		Description: "路灯不亮", Actor: ActorKiosk, Source: SourceKiosk, Key: "req-taken-00000000001"})
	if err != nil {
		t.Fatal(err)
	}
	ins := []VisitInput{
		in("王五", "13700000001", "vis-new-000000000001"),
		in("老张", "13800000001", "vis-new-000000000002"),  // returning
		in("王五", "13700000001", "vis-new-000000000003"),  // the same visitor again, in the batch
		in("赵六", "13600000001", ""),                      // no key
		in("钱七", "13500000001", "vis-new-000000000001"),  // a copy of the first
		in("老张", "13800000001", "vis-before-0000000001"), // made before
		in("孙八", "13400000001", "req-taken-00000000001"), // a request's key
		in("周九", "13300000001", "vis-new-000000000004"),
		in("孙八", "13400000001", "req-taken-00000000001"), // the request's key again
	}
	jobs, got := batchOf(ins)
	// A phone that gave up before its turn: its check-in is not written.
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	cancelled, _ := batchOf([]VisitInput{in("吴十", "13200000001", "vis-gave-up-00000001")})
	cancelled[0].ctx = gone
	db.commitBatch(append(jobs, cancelled[0]))
	if n := db.reruns.Load(); n != 0 {
		t.Errorf("the batch was run %d more times, job by job: it must be written together at once", n)
	}
	if n := db.together.Load(); n != 5 {
		t.Errorf("%d check-ins written together, want the 5 new ones", n)
	}
	if err := <-cancelled[0].done; err != context.Canceled {
		t.Errorf("a check-in whose phone gave up: %v, want context.Canceled", err)
	}
	errs := make([]error, len(jobs))
	for i, j := range jobs {
		errs[i] = <-j.done
	}
	for i, err := range errs {
		if i == 6 || i == 8 {
			if ErrorCode(err) != EINVALID {
				t.Errorf("check-in %d, a request's key on a check-in: %v, want EINVALID", i, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("check-in %d: %v", i, err)
		}
	}
	if got[4] != got[0] {
		t.Errorf("the copy was answered %s, want the first sending's %s", got[4].ReceiptNo, got[0].ReceiptNo)
	}
	if got[5].ID != before.ID || got[5].ReceiptNo != before.ReceiptNo {
		t.Errorf("a key made before was answered %s, want %s", got[5].ReceiptNo, before.ReceiptNo)
	}
	// What each written one was answered with is what the file holds.
	written := []int{0, 1, 2, 3, 7}
	seen := map[string]bool{before.ReceiptNo: true}
	for n, i := range written {
		stored, err := db.Visit(ctx, got[i].ID)
		if err != nil {
			t.Fatalf("check-in %d (id %d): %v", i, got[i].ID, err)
		}
		if stored != got[i] {
			t.Errorf("check-in %d answered\n %+v\nthe file holds\n %+v", i, got[i], stored)
		}
		if want := fmt.Sprintf("-%04d", n+2); seen[stored.ReceiptNo] || stored.ReceiptNo[len(stored.ReceiptNo)-5:] != want {
			t.Errorf("check-in %d has receipt %s, want one ending %s, in the batch's order", i, stored.ReceiptNo, want)
		}
		seen[stored.ReceiptNo] = true
		if stored.Name != ins[i].Name || stored.Phone != ins[i].Phone {
			t.Errorf("check-in %d stored as %s %s, sent as %s %s", i, stored.Name, stored.Phone, ins[i].Name, ins[i].Phone)
		}
	}
	if got[0].VisitorID != got[2].VisitorID || got[1].VisitorID != before.VisitorID {
		t.Errorf("visitors %d/%d and %d/%d: a visitor's check-ins must share their visitor", got[0].VisitorID, got[2].VisitorID,
			got[1].VisitorID, before.VisitorID)
	}
	for _, c := range []struct {
		phone string
		count int
	}{{"13700000001", 2}, {"13800000001", 2}, {"13600000001", 1}, {"13500000001", 0}, {"13300000001", 1}} {
		var n int
		db.r.QueryRow("SELECT COALESCE(SUM(visit_count), 0) FROM visitors WHERE phone = ?", c.phone).Scan(&n)
		if n != c.count {
			t.Errorf("the visitor of %s is counted %d times, want %d", c.phone, n, c.count)
		}
	}
	// Every change sequence distinct and the counter at the highest, so a
	// sync sends each visit once.
	var visits, distinct, maxSeq, counter int64
	db.r.QueryRow("SELECT COUNT(*), COUNT(DISTINCT sync_seq), MAX(sync_seq) FROM visits").Scan(&visits, &distinct, &maxSeq)
	db.r.QueryRow("SELECT seq FROM sync_state").Scan(&counter)
	if visits != 6 || distinct != visits || maxSeq != counter {
		t.Errorf("%d visits, %d distinct sequences, highest %d, counter %d: want 6 visits, each its own sequence, counter at the highest",
			visits, distinct, maxSeq, counter)
	}
	var keys int
	db.r.QueryRow("SELECT COUNT(*) FROM submission_keys WHERE kind = 'visit'").Scan(&keys)
	if keys != 5 {
		t.Errorf("%d check-in keys kept, want 5 (one before, four new)", keys)
	}
	if req.ID == 0 {
		t.Fatal("the request was not made")
	}
}

// TestCheckInsTogetherOneFails: a check-in that breaks a rule of the file
// makes the statement for all of them fail; the batch is then written job
// by job, so that one alone is refused and the others are kept.
func TestCheckInsTogetherOneFails(t *testing.T) {
	db, _ := batchDB(t)
	ins := make([]VisitInput, 5)
	for i := range ins {
		ins[i] = VisitInput{Name: fmt.Sprintf("访客%d", i), Phone: fmt.Sprintf("1370000000%d", i), Purpose: "consult",
			Headcount: 1, Actor: ActorKiosk, Source: SourceKiosk, Key: fmt.Sprintf("vis-one-fails-%07d", i)}
	}
	ins[3].Headcount = 0 // past Validate, the file's CHECK refuses it
	jobs, got := batchOf(ins)
	db.commitBatch(jobs)
	if n := db.reruns.Load(); n != 1 {
		t.Errorf("the batch was run again %d times, want once, job by job", n)
	}
	if n := db.together.Load(); n != 0 {
		t.Errorf("%d check-ins counted as written together, want none: that run was rolled back", n)
	}
	oneRefused(t, db, jobs, got, 3)
}

// oneRefused checks that the check-in jobs[bad] was refused as invalid and
// every other answered with the visit the file holds, and nothing more.
func oneRefused(t *testing.T, db *DB, jobs []*writeJob, got []Visit, bad int) {
	t.Helper()
	for i, j := range jobs {
		err := answerOf(t, j)
		if i == bad {
			if ErrorCode(err) != EINVALID {
				t.Errorf("the check-in of headcount 0: %v, want EINVALID", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("check-in %d: %v", i, err)
		}
		if stored, err := db.Visit(context.Background(), got[i].ID); err != nil || stored != got[i] {
			t.Errorf("check-in %d answered %+v, the file holds %+v (%v)", i, got[i], stored, err)
		}
	}
	var n int
	db.r.QueryRow("SELECT COUNT(*) FROM visits").Scan(&n)
	if n != len(jobs)-1 {
		t.Errorf("%d visits, want the %d good ones", n, len(jobs)-1)
	}
}

// TestCheckInsTogetherReplayFails: when the record a key made before cannot
// be read back, every sending of that key in a batch written together is
// answered with the error checkInWork.write answers a lone sending with (the
// committer's translation of SQLite's error), not with SQLite's own.
func TestCheckInsTogetherReplayFails(t *testing.T) {
	db, _ := batchDB(t)
	ins := make([]VisitInput, 2)
	for i := range ins {
		ins[i] = kioskCheckIn(t, fmt.Sprintf("访客%d", i), fmt.Sprintf("1370000000%d", i), fmt.Sprintf("vis-replay-fails-%05d", i))
		if _, err := db.CheckIn(context.Background(), ins[i]); err != nil {
			t.Fatal(err)
		}
	}
	// The visits cannot be read back: the keys are found, their records not.
	if _, err := db.w.Exec("ALTER TABLE visits RENAME TO visits_away"); err != nil {
		t.Fatal(err)
	}
	alone, _ := batchOf(ins[:1])
	db.commitBatch(alone)
	want := <-alone[0].done
	if want == nil {
		t.Fatal("a lone sending whose record cannot be read was answered without an error")
	}
	jobs, _ := batchOf(ins)
	db.commitBatch(jobs)
	for i, j := range jobs {
		if err := <-j.done; err == nil || err.Error() != want.Error() || ErrorCode(err) != ErrorCode(want) {
			t.Errorf("sending %d, written together: %v (%s), want %v (%s) as alone", i, err, ErrorCode(err), want, ErrorCode(want))
		}
	}
}

// TestCheckInsTogetherOneStatementTwice: one visitor's two check-ins side
// by side go out in the same statement (a chunk of two rows), where the
// second row's conflict is with the first's insert: one visitor, counted
// twice, as two check-ins one after the other leave it.
func TestCheckInsTogetherOneStatementTwice(t *testing.T) {
	db, _ := batchDB(t)
	ins := make([]VisitInput, 2)
	for i := range ins {
		ins[i] = kioskCheckIn(t, "王五", "13700000001", fmt.Sprintf("vis-one-statement-%04d", i))
	}
	jobs, got := batchOf(ins)
	mustCommit(t, db, jobs)
	if n := db.reruns.Load(); n != 0 {
		t.Errorf("the batch was run %d more times, job by job: it must be written together at once", n)
	}
	if n := db.together.Load(); n != 2 {
		t.Errorf("%d check-ins written together, want both: a batch of two is written together", n)
	}
	if got[0].VisitorID == 0 || got[0].VisitorID != got[1].VisitorID || got[0].ID == got[1].ID {
		t.Errorf("visits %d and %d of visitors %d and %d: want two visits of one visitor", got[0].ID, got[1].ID,
			got[0].VisitorID, got[1].VisitorID)
	}
	var visitors, count int
	db.r.QueryRow("SELECT COUNT(*), SUM(visit_count) FROM visitors").Scan(&visitors, &count)
	if visitors != 1 || count != 2 {
		t.Errorf("%d visitors counted %d times, want one counted twice", visitors, count)
	}
}

// TestCheckInsTogetherOneOfEach: a batch of two where one is a key sent
// again and the other is new: the only check-in written and the only key
// kept are each alone in their statement; then a batch of three keys, the
// last looked up alone.
// The copy is answered with its first record, the new one is written and
// its key kept (sent again later, it is answered with the same visit), and
// nothing runs job by job.
func TestCheckInsTogetherOneOfEach(t *testing.T) {
	db, _ := batchDB(t)
	ctx := context.Background()
	in := func(name, key string) VisitInput { return kioskCheckIn(t, name, "13100000001", key) }
	first, err := db.CheckIn(ctx, in("郑一", "vis-one-of-each-0001"))
	if err != nil {
		t.Fatal(err)
	}
	jobs, got := batchOf([]VisitInput{in("郑一", "vis-one-of-each-0001"), in("郑二", "vis-one-of-each-0002")})
	mustCommit(t, db, jobs)
	if n, m := db.reruns.Load(), db.together.Load(); n != 0 || m != 1 {
		t.Errorf("%d reruns and %d check-ins written together, want none and one", n, m)
	}
	if got[0] != first {
		t.Errorf("the key sent again was answered %+v, want %+v", got[0], first)
	}
	if stored, err := db.Visit(ctx, got[1].ID); err != nil || stored != got[1] {
		t.Fatalf("the new check-in answered %+v, the file holds %+v (%v)", got[1], stored, err)
	}
	again, err := db.CheckIn(ctx, in("郑二", "vis-one-of-each-0002"))
	if err != nil || again != got[1] {
		t.Errorf("its key sent again later: %+v, %v; want %+v", again, err, got[1])
	}
	// Three keys: the last is looked up alone, after a statement of two.
	jobs, got = batchOf([]VisitInput{in("郑三", "vis-one-of-each-0003"), in("郑四", "vis-one-of-each-0004"),
		in("郑一", "vis-one-of-each-0001")})
	mustCommit(t, db, jobs)
	if n, m := db.reruns.Load(), db.together.Load(); n != 0 || m != 3 {
		t.Errorf("%d reruns and %d check-ins written together, want none and three", n, m)
	}
	if got[2] != first {
		t.Errorf("the third key, sent again, was answered %+v, want %+v", got[2], first)
	}
}

// TestCheckInsTogetherVisitorAgain: a visitor checking in several times in
// one batch, the organisation and party membership changing between them,
// is left by the batch's one row as the same check-ins one by one leave it.
func TestCheckInsTogetherVisitorAgain(t *testing.T) {
	in := func(name, org string, member bool, key string) VisitInput {
		v, err := VisitInput{Name: name, Phone: "13700000009", Org: org, PartyMember: member, Purpose: "consult",
			Actor: ActorKiosk, Source: SourceKiosk, Key: key}.Validate()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := in("王五", "旧单位", false, "vis-again-before-0001")
	ins := []VisitInput{
		in("王五", "甲单位", true, "vis-again-000000000001"),
		in("赵六", "", false, "vis-again-000000000002"),
		in("王五", "", false, "vis-again-000000000003"),
		in("赵六", "乙单位", true, "vis-again-000000000004"),
		in("王五", "", true, "vis-again-000000000005"),
		in("赵六", "", false, "vis-again-000000000006"),
		in("孙八", "", false, "vis-again-000000000007"),
	}
	type visitor struct {
		org            string
		member, visits int
	}
	stored := func(db *DB) map[string]visitor {
		rows, err := db.r.Query("SELECT name, org, party_member, visit_count FROM visitors")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		all := map[string]visitor{}
		for rows.Next() {
			var name string
			var v visitor
			if err := rows.Scan(&name, &v.org, &v.member, &v.visits); err != nil {
				t.Fatal(err)
			}
			all[name] = v
		}
		return all
	}
	ctx := context.Background()
	together, _ := batchDB(t)
	alone, _ := batchDB(t)
	for _, db := range []*DB{together, alone} {
		if _, err := db.CheckIn(ctx, before); err != nil {
			t.Fatal(err)
		}
	}
	jobs, _ := batchOf(ins)
	mustCommit(t, together, jobs)
	if n := together.together.Load(); n != int64(len(ins)) {
		t.Fatalf("%d check-ins written together, want all %d", n, len(ins))
	}
	for _, v := range ins {
		if _, err := alone.CheckIn(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	got, want := stored(together), stored(alone)
	if len(got) != 3 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("visitors after the batch:\n %v\nafter the same check-ins one by one:\n %v", got, want)
	}
	if w := (visitor{"甲单位", 1, 4}); got["王五"] != w {
		t.Errorf("王五 is %+v, want %+v: the last organisation given, the last membership, counted once a check-in", got["王五"], w)
	}
}

// TestCheckInsTogetherKeyKeptBefore: the keys are kept before the visits
// are written, under ids given first; a key the file held already leaves
// its id unused. Here the batch's last check-in is such a sending (so its
// numbers are the highest given): it is answered with the visit its key
// made, the others are written with receipts in a row, and the next
// check-in comes after them, its sequence after every one given (the id
// left unused may be given again: no key names it).
func TestCheckInsTogetherKeyKeptBefore(t *testing.T) {
	db, _ := batchDB(t)
	ctx := context.Background()
	before, err := db.CheckIn(ctx, kioskCheckIn(t, "老张", "13800000001", "vis-kept-before-00001"))
	if err != nil {
		t.Fatal(err)
	}
	jobs, got := batchOf([]VisitInput{
		kioskCheckIn(t, "王五", "13700000001", "vis-kept-new-0000001"),
		kioskCheckIn(t, "赵六", "13600000001", ""),
		kioskCheckIn(t, "老张", "13800000001", "vis-kept-before-00001"),
	})
	mustCommit(t, db, jobs)
	if n := db.reruns.Load(); n != 0 {
		t.Errorf("the batch was run %d more times: a key seen before is answered within it", n)
	}
	if got[2] != before {
		t.Errorf("the key made before was answered\n %+v\nwant\n %+v", got[2], before)
	}
	if got[0].ID <= before.ID || got[1].ID != got[0].ID+1 {
		t.Errorf("ids %d, %d after %d: want the two new ones in a row after it", got[0].ID, got[1].ID, before.ID)
	}
	for i, v := range got[:2] {
		stored, err := db.Visit(ctx, v.ID)
		if err != nil || stored != v {
			t.Errorf("check-in %d answered %+v, the file holds %+v (%v)", i, v, stored, err)
		}
		if want := fmt.Sprintf("-%04d", i+2); v.ReceiptNo[len(v.ReceiptNo)-5:] != want {
			t.Errorf("check-in %d has receipt %s, want one ending %s", i, v.ReceiptNo, want)
		}
	}
	var keys int
	db.r.QueryRow("SELECT COUNT(*) FROM submission_keys WHERE record_id = ? AND key = 'vis-kept-new-0000001'", got[0].ID).Scan(&keys)
	if keys != 1 {
		t.Errorf("the new key names its visit %d times, want once", keys)
	}
	var counter, maxSeq int64
	db.r.QueryRow("SELECT seq FROM sync_state").Scan(&counter)
	db.r.QueryRow("SELECT MAX(sync_seq) FROM visits").Scan(&maxSeq)
	next, err := db.CheckIn(ctx, kioskCheckIn(t, "钱七", "13500000001", "vis-kept-next-000001"))
	if err != nil {
		t.Fatal(err)
	}
	var nextSeq int64
	db.r.QueryRow("SELECT sync_seq FROM visits WHERE id = ?", next.ID).Scan(&nextSeq)
	if counter < maxSeq || nextSeq <= counter || next.ID <= got[1].ID {
		t.Errorf("counter %d (highest visit %d), then visit %d with sequence %d: want the counter past every sequence given, the next visit after the written ones",
			counter, maxSeq, next.ID, nextSeq)
	}
}
