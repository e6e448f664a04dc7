package store_test

import (
	"errors"
	"strings"
	"testing"

	"frontdesk/lang"
	"frontdesk/store"
)

// TestPeriodAsked checks the one period rule: a day, a month to its last
// day (leap years included), --from alone, --from/--to, the defaults, and
// each refusal with its message and the flag it names.
func TestPeriodAsked(t *testing.T) {
	today := store.Day{Year: 2024, Month: 2, Day: 10}
	day := func(s string) store.Day {
		d, err := store.ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	good := []struct {
		p        store.PeriodAsked
		from, to string
	}{
		{store.PeriodAsked{}, "2024-02-10", "2024-02-10"},
		{store.PeriodAsked{Month: true}, "2024-02-01", "2024-02-29"},
		{store.PeriodAsked{Date: "2023-02"}, "2023-02-01", "2023-02-28"},
		{store.PeriodAsked{Date: "2024-12"}, "2024-12-01", "2024-12-31"},
		{store.PeriodAsked{Date: "2024-04"}, "2024-04-01", "2024-04-30"},
		{store.PeriodAsked{Date: "2024-03-05"}, "2024-03-05", "2024-03-05"},
		{store.PeriodAsked{From: "2024-03-05"}, "2024-03-05", "2024-03-05"},
		{store.PeriodAsked{From: "2024-03-05", To: "2024-03-05"}, "2024-03-05", "2024-03-05"},
		{store.PeriodAsked{From: "2024-03-05", To: "2024-04-01", Month: true}, "2024-03-05", "2024-04-01"},
	}
	for _, g := range good {
		from, to, err := g.p.Parse(today)
		if err != nil || from != day(g.from) || to != day(g.to) {
			t.Errorf("%+v: got %v..%v, %v; want %s..%s", g.p, from, to, err, g.from, g.to)
		}
	}
	bad := []struct {
		p     store.PeriodAsked
		field string
		msg   lang.Text
	}{
		{store.PeriodAsked{Date: "2024-03", From: "2024-03-01"}, "", lang.DateWithFromTo},
		{store.PeriodAsked{Date: "2024-03", To: "2024-03-01"}, "", lang.DateWithFromTo},
		{store.PeriodAsked{To: "2024-03-01"}, "", lang.ToNeedsFrom},
		{store.PeriodAsked{From: "2024-03-02", To: "2024-03-01"}, "", lang.ToIsBeforeFrom.Format("2024-03-01", "2024-03-02")},
		{store.PeriodAsked{Date: "2024-13"}, "date", lang.FlagError.Format("date", lang.DateOrMonthNotValid.Format("2024-13"))},
		{store.PeriodAsked{Date: "2024-3-1"}, "date", lang.Text{}},
		{store.PeriodAsked{From: "x"}, "from", lang.Text{}},
		{store.PeriodAsked{From: "2024-03-01", To: "y"}, "to", lang.Text{}},
	}
	for _, b := range bad {
		_, _, err := b.p.Parse(today)
		var se *store.Error
		if !errors.As(err, &se) || se.Code != store.EINVALID || se.Field != b.field {
			t.Errorf("%+v: got %v, want EINVALID on %q", b.p, err, b.field)
			continue
		}
		if b.msg.ZH != "" && (se.ZH != b.msg.ZH || se.EN != b.msg.EN) {
			t.Errorf("%+v: message %q / %q, want %q / %q", b.p, se.ZH, se.EN, b.msg.ZH, b.msg.EN)
		}
		if b.field != "" && !strings.HasPrefix(se.EN, "--"+b.field+": ") {
			t.Errorf("%+v: %q does not name --%s", b.p, se.EN, b.field)
		}
	}
}
