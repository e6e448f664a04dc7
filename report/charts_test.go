package report_test

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"frontdesk/demo"
	"frontdesk/hub"
	"frontdesk/report"
	"frontdesk/store"
)

// demoEnd is the last day of the demo month the month goldens print.
var demoEnd = store.Day{Year: 2026, Month: 3, Day: 31}

// demoDB is a month of demo data ending 2026-03-31 at 18:00 in Shanghai,
// made once per test run, with the clock left there.
func demoDB(t *testing.T) *store.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := at(demoEnd, "18:00")
	db.Now = func() time.Time { return now }
	if _, err := demo.Generate(context.Background(), db, 1); err != nil {
		t.Fatalf("demo: %v", err)
	}
	return db
}

// charts cuts the inline SVG charts out of an HTML log.
func charts(html []byte) []byte {
	re := regexp.MustCompile(`(?s)<svg class="chart".*?</svg>`)
	return []byte(strings.Join(re.FindAllString(string(html), -1), "\n") + "\n")
}

// TestChartGoldens pins the SVG of a fixed day (the seed's day: visits by
// hour, categories with overdue, venue use) and of a fixed month of demo
// data (also visits day by day, requests received against resolved and the
// three rates), in both languages.
func TestChartGoldens(t *testing.T) {
	db := seed(t)
	dayHTML := render(t, readLog(t, db, day, day), "html", "zh")
	golden(t, "day.charts.svg.golden", charts(dayHTML))
	golden(t, "day_en.charts.svg.golden", charts(render(t, readLog(t, db, day, day), "html", "en")))
	if n := strings.Count(string(dayHTML), `<svg class="chart"`); n != 3 {
		t.Errorf("a day's log has %d charts, want 3 (hours, categories, venues)", n)
	}

	mdb := demoDB(t)
	first := store.Day{Year: 2026, Month: 3, Day: 1}
	l, err := mdb.PeriodLog(context.Background(), first, demoEnd)
	if err != nil {
		t.Fatal(err)
	}
	monthHTML := render(t, l, "html", "zh")
	golden(t, "month.charts.svg.golden", charts(monthHTML))
	golden(t, "month_en.charts.svg.golden", charts(render(t, l, "html", "en")))
	golden(t, "month.txt.golden", render(t, l, "text", "zh"))
	golden(t, "month.json.golden", render(t, l, "json", "zh"))
	if n := strings.Count(string(monthHTML), `<svg class="chart"`); n != 5 {
		t.Errorf("a month's log has %d charts, want 5 (categories, venues, days, requests, rates)", n)
	}
	// Black and white: the series differ by pattern and dash, and every
	// pattern a chart uses is defined in that chart.
	svg := string(charts(monthHTML))
	for _, want := range []string{"url(#chart-requests-hatch)", `stroke-dasharray="7 3"`, `stroke-dasharray="1.5 2.5"`, "<title id="} {
		if !strings.Contains(svg, want) {
			t.Errorf("the month's charts lack %q", want)
		}
	}
	for _, ref := range regexp.MustCompile(`url\(#([a-z-]+)\)`).FindAllStringSubmatch(svg, -1) {
		if !strings.Contains(svg, `id="`+ref[1]+`"`) {
			t.Errorf("pattern %s is used but not defined", ref[1])
		}
	}
}

// TestPeriodComparison checks the period report's figures against logs of
// the two periods read on their own: the comparison is the same counting,
// not a second one.
func TestPeriodComparison(t *testing.T) {
	db := demoDB(t)
	ctx := context.Background()
	from, to := demoEnd.AddDays(-13), demoEnd
	l, err := db.PeriodLog(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	p := l.Period
	if p == nil {
		t.Fatal("a period log without its Period")
	}
	if want := from.AddDays(-14); p.Previous.From != want || p.Previous.To != from.AddDays(-1) {
		t.Errorf("previous period: got %s..%s, want %s..%s", p.Previous.From, p.Previous.To, want, from.AddDays(-1))
	}
	prev := readLog(t, db, p.Previous.From, p.Previous.To)
	if !reflect.DeepEqual(p.Previous.Figures, prev.Summary.Figures) {
		t.Errorf("previous figures:\n got %+v\nwant %+v", p.Previous.Figures, prev.Summary.Figures)
	}
	plain := readLog(t, db, from, to)
	if !reflect.DeepEqual(l.Summary, plain.Summary) {
		t.Errorf("a period log's summary differs from the plain log's")
	}
	if len(p.Categories) == 0 || len(p.Categories) > store.TopN || len(p.Communities) == 0 || len(p.Communities) > store.TopN {
		t.Fatalf("rankings: %d categories, %d communities", len(p.Categories), len(p.Communities))
	}
	for i := 1; i < len(p.Categories); i++ {
		if p.Categories[i].Received > p.Categories[i-1].Received {
			t.Errorf("categories out of order at %d: %+v", i, p.Categories)
		}
	}
	total := 0
	for _, r := range plain.Requests {
		if r.Community == p.Communities[0].Community {
			total++
		}
	}
	if total != p.Communities[0].Received {
		t.Errorf("top community %s: got %d requests, want %d", p.Communities[0].Community, p.Communities[0].Received, total)
	}
	for i, r := range p.SlowestOpen {
		switch r.Status {
		case store.StatusResolved, store.StatusClosed, store.StatusRejected:
			t.Errorf("slowest open %d is %s", i, r.Status)
		}
		if i > 0 && r.CreatedAt.Before(p.SlowestOpen[i-1].CreatedAt) {
			t.Errorf("slowest open out of order at %d", i)
		}
	}

	// Whole months compare with as many months before.
	for _, tc := range []struct{ from, to, wantFrom, wantTo store.Day }{
		{store.Day{Year: 2026, Month: 3, Day: 1}, store.Day{Year: 2026, Month: 3, Day: 31}, store.Day{Year: 2026, Month: 2, Day: 1}, store.Day{Year: 2026, Month: 2, Day: 28}},
		{store.Day{Year: 2026, Month: 1, Day: 1}, store.Day{Year: 2026, Month: 3, Day: 31}, store.Day{Year: 2025, Month: 10, Day: 1}, store.Day{Year: 2025, Month: 12, Day: 31}},
		{store.Day{Year: 2026, Month: 3, Day: 10}, store.Day{Year: 2026, Month: 3, Day: 12}, store.Day{Year: 2026, Month: 3, Day: 7}, store.Day{Year: 2026, Month: 3, Day: 9}},
	} {
		gf, gt := store.PreviousPeriod(tc.from, tc.to)
		if gf != tc.wantFrom || gt != tc.wantTo {
			t.Errorf("PreviousPeriod(%s, %s): got %s..%s, want %s..%s", tc.from, tc.to, gf, gt, tc.wantFrom, tc.wantTo)
		}
	}
}

// TestNetworkRankingChart draws the network report's ranking with the same
// chart code: a bar per scored center in rank order, the bottom one
// hatched, and a meter in the table's score column.
func TestNetworkRankingChart(t *testing.T) {
	n := &hub.Network{Hub: "postgres://hub", Name: "平城区", From: day, To: day, AsOf: printedAt,
		Rows: []hub.Row{
			{Code: "A", Name: "新建南路街道", Level: "street", Rank: 1, Score: 92.5, Scored: true},
			{Code: "B", Name: "北关街道", Level: "street", Rank: 2, Score: 61, Scored: true, Flags: []string{hub.FlagBottom}},
			{Code: "C", Name: "古城街道", Level: "street", Rank: 3, Flags: []string{hub.FlagStale}},
		},
		Levels: []hub.Subtotal{{Level: "street", Centers: 3}}, Total: hub.Subtotal{Centers: 3}}
	var buf bytes.Buffer
	if err := report.WriteNetwork(&buf, n, "html", report.Options{Lang: "zh", PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	got := charts(buf.Bytes())
	golden(t, "network.charts.svg.golden", got)
	for _, want := range []string{"综合得分排名", "1. 新建南路街道", "92.5", "61.0 末位", "url(#chart-ranking-hatch)"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("the ranking chart lacks %q", want)
		}
	}
	if strings.Contains(string(got), "古城街道") {
		t.Errorf("a center without a score has a bar")
	}
	if n := strings.Count(buf.String(), `<svg class="meter"`); n != 2 {
		t.Errorf("score meters: got %d, want 2", n)
	}
}
