package report_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"frontdesk/store"
)

// A voided visit leaves the figures and is listed, with its reason, in
// every format the log prints.
func TestVoidedListed(t *testing.T) {
	db, v := voidedVisit(t)
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

// The JSON log lists a voided record under its own key, with the void's
// who, when and why, and keeps it out of the visits.
func TestVoidedInJSON(t *testing.T) {
	db, v := voidedVisit(t)
	var doc struct {
		Visits []map[string]any `json:"visits"`
		Voided []struct {
			Kind      string `json:"kind"`
			ID        int64  `json:"id"`
			ReceiptNo string `json:"receipt_no"`
			Name      string `json:"name"`
			Headcount int    `json:"headcount"`
			VoidedAt  string `json:"voided_at"`
			VoidedBy  string `json:"voided_by"`
			Reason    string `json:"reason"`
		} `json:"voided"`
	}
	out := render(t, readLog(t, db, day, day), "json", "zh")
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the JSON does not parse: %v\n%s", err, out)
	}
	if len(doc.Visits) != 0 {
		t.Errorf("visits: got %v, want none (the one visit is voided)", doc.Visits)
	}
	if len(doc.Voided) != 1 {
		t.Fatalf("voided: got %+v, want the one visit", doc.Voided)
	}
	got := doc.Voided[0]
	if got.Kind != store.KindVisit || got.ID != v.ID || got.ReceiptNo != v.ReceiptNo || got.Name != "误录参观团" ||
		got.Headcount != 50 || got.VoidedBy != "前台小李" || got.Reason != "重复登记" || !strings.HasPrefix(got.VoidedAt, day.String()+"T09:05") {
		t.Errorf("voided record: got %+v", got)
	}
}

// voidedVisit is a day whose one visit, a study tour of 50, was voided at
// 09:05 as 重复登记.
func voidedVisit(t *testing.T) (*store.DB, store.Visit) {
	t.Helper()
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
	return db, v
}
