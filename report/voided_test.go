package report_test

import (
	"context"
	"strings"
	"testing"

	"frontdesk/store"
)

// A voided visit leaves the figures and is listed, with its reason, in
// every format the log prints.
func TestVoidedListed(t *testing.T) {
	db, c := openCenter(t)
	var v store.Visit
	c.do(t, at(day, "09:00"), "check in", func(ctx context.Context) error {
		var err error
		v, err = db.CheckIn(ctx, store.VisitInput{Name: "误录参观团", Purpose: "study_tour", Headcount: 50, Actor: "前台小李"})
		return err
	})
	c.do(t, at(day, "09:05"), "void", func(ctx context.Context) error {
		_, err := db.VoidRecord(ctx, store.KindVisit, v.ID, "前台小李", "重复登记")
		return err
	})
	l := readLog(t, db, day, day)
	if l.Summary.Headcount != 0 {
		t.Fatalf("headcount: got %d, want 0 after the void", l.Summary.Headcount)
	}
	for _, f := range []struct{ format, lang, want string }{
		{"text", "zh", "作废记录"}, {"text", "en", "Voided records"}, {"csv", "zh", "重复登记"}, {"html", "zh", "作废原因"},
	} {
		out := string(render(t, l, f.format, f.lang))
		if !strings.Contains(out, f.want) || !strings.Contains(out, v.ReceiptNo) {
			t.Errorf("%s/%s lacks %q or %s:\n%s", f.format, f.lang, f.want, v.ReceiptNo, out)
		}
	}
}
