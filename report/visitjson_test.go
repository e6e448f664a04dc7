package report

import (
	"math"
	"testing"
	"time"

	"frontdesk/store"
)

// TestVisitJSON holds the hand-written JSON of a visit (appendVisit, which
// a streamed report writes) to encoding/json's encoding of its jsonVisit
// with the log's encoder (which Write uses), byte for byte: text that needs
// escaping (quotes, backslashes, control characters, HTML's <>&, invalid
// UTF-8, U+2028), open and closed visits, and service hours small, large
// and round.
func TestVisitJSON(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	in := time.Date(2026, 3, 10, 9, 5, 7, 0, loc)
	texts := []string{"", "张三", `引"号`, `back\slash`, "tab\there", "line\nbreak\r\n", "\b\f\x00\x1f\x7f", "<b>&amp;</b>",
		"bad \xff utf-8", "\u2028 and \u2029", "emoji 👍🏽", "  spaced  ", "+86 138-0000-0000", "=SUM(A1)"}
	e, j := newJSONEncoder(), jsonRecords{loc}
	n := 0
	for i, s := range texts {
		for _, out := range []time.Duration{-1, 0, time.Nanosecond, 90 * time.Second, 2*time.Hour + 17*time.Minute, 1 << 62} {
			v := store.Visit{ID: int64(i*1000 + n), ReceiptNo: "V-20260310-" + s, Name: s, Phone: s, Org: texts[(i+1)%len(texts)],
				Purpose: []string{"volunteer", "consult", "party_report"}[n%3], Note: s, CreatedBy: s, Source: "kiosk",
				Headcount: n % 7, PartyMember: n%2 == 0, AutoClosed: n%5 == 0, CheckedInAt: in, CreatedAt: in.Add(-time.Second)}
			if out >= 0 {
				v.CheckedOutAt = in.Add(out)
			}
			n++
			want, err := e.encode(j.visit(v))
			if err != nil {
				t.Fatal(err)
			}
			want = append([]byte(nil), want...)
			got, err := j.appendVisit([]byte("x"), e, v)
			if err != nil || string(got[1:]) != string(want) {
				t.Errorf("visit %q, out %v (%v):\n got %s\nwant %s", s, out, err, got[1:], want)
			}
		}
	}
	for _, f := range []float64{0, 1, 0.5, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21, 1.234e25, 123456.789, math.Copysign(0, -1), -2.5, -1e-8} {
		want, _ := e.encode(f)
		if got := appendJSONFloat(nil, f); string(got) != string(want) {
			t.Errorf("float %v: got %s, want %s", f, got, want)
		}
	}
}
