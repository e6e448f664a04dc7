package store_test

import (
	"context"
	"reflect"
	"testing"

	"frontdesk/store"
)

// TestDailyLogBrief checks the brief log against the whole one: the same
// log but for the backlog, which is its first rows in the same order, with
// the rest counted in BacklogMore, voided requests in neither.
func TestDailyLogBrief(t *testing.T) {
	db, c, _ := logOpen(t)
	d := logDay
	var backlog []store.Request
	for i, name := range []string{"甲", "乙", "丙", "丁", "戊", "己"} {
		backlog = append(backlog, logRequest(t, db, c, logAt(d.AddDays(-30+3*i), "09:00"), name, "housing", "normal"))
	}
	logDo(t, c, logAt(d.AddDays(-2), "10:00"), "void 丙", func(ctx context.Context) error {
		_, err := db.VoidRecord(ctx, store.KindRequest, backlog[2].ID, "前台小李", "重复登记")
		return err
	})
	logRequest(t, db, c, logAt(d, "09:00"), "庚", "housing", "normal")
	whole := logRead(t, db, c, logAt(d, "18:00"), d, d)
	want := []int64{backlog[0].ID, backlog[1].ID, backlog[3].ID, backlog[4].ID, backlog[5].ID}
	var got []int64
	for _, r := range whole.Backlog {
		got = append(got, r.ID)
	}
	if !reflect.DeepEqual(got, want) || whole.BacklogMore != 0 {
		t.Fatalf("whole log's backlog: got %v (%d more), want %v (none more)", got, whole.BacklogMore, want)
	}
	for _, n := range []int{0, 1, 2, 5, 9} {
		brief, err := db.DailyLogBrief(context.Background(), d, d, n)
		if err != nil {
			t.Fatal(err)
		}
		shown := min(n, len(whole.Backlog))
		if brief.BacklogMore != len(whole.Backlog)-shown {
			t.Errorf("brief %d: %d more, want %d", n, brief.BacklogMore, len(whole.Backlog)-shown)
		}
		if !reflect.DeepEqual(brief.Backlog, whole.Backlog[:shown]) && !(shown == 0 && brief.Backlog == nil) {
			t.Errorf("brief %d: backlog %v, want the first %d of %v", n, brief.Backlog, shown, whole.Backlog)
		}
		rest := *brief
		rest.Backlog, rest.BacklogMore = whole.Backlog, 0
		if !reflect.DeepEqual(&rest, whole) {
			t.Errorf("brief %d differs from the whole log beyond the backlog:\n%+v\n%+v", n, rest, *whole)
		}
	}
}
