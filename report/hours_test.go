package report_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"frontdesk/report"
	"frontdesk/store"
)

func TestHours(t *testing.T) {
	db := seed(t)
	month := store.Day{Year: 2026, Month: 3, Day: 1}
	l, err := db.ServiceLog(context.Background(), month, store.Day{Year: 2026, Month: 3, Day: 31})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh", "en"} {
		for _, format := range []string{"text", "html"} { // pdf: pdf_test.go
			var buf bytes.Buffer
			opt := report.Options{Lang: lang, PrintedBy: "王主任", PrintedAt: printedAt}
			if err := report.WriteHours(&buf, l, format, opt); err != nil {
				t.Fatalf("%s %s: %v", lang, format, err)
			}
			ext := map[string]string{"text": "txt", "html": "html"}[format]
			golden(t, "hours_"+lang+"."+ext+".golden", buf.Bytes())
			if format == "text" {
				for i, line := range strings.Split(buf.String(), "\n") {
					if w := ansi.StringWidth(line); w > report.PageWidth {
						t.Errorf("%s line %d is %d columns wide: %q", lang, i+1, w, line)
					}
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := report.WriteHours(&buf, l, "text", report.Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// 张三 served twice on the day: 3.5 h and 2 h. 王五 was closed by the
	// system, so he has no hours and no certificate.
	for _, want := range []string{"志愿服务时长证明", "兹证明 张三（幸福里社区，电话 138****8000）", "累计服务时长 5.5 小时", "合计：1 人，2 次，5.5 小时", "幸福里党群服务中心（盖章）"} {
		if !strings.Contains(out, want) {
			t.Errorf("the hours text lacks %q", want)
		}
	}
	if strings.Contains(out, "13800138000") || !strings.Contains(out, "138****8000") {
		t.Errorf("the hours table must mask phones as the desk does:\n%s", out)
	}
	if strings.Contains(out, "王五") {
		t.Errorf("王五 was closed by the system and must not be counted")
	}
	if n := strings.Count(out, "\f"); n != 1 {
		t.Errorf("certificates on their own pages: got %d form feeds, want 1", n)
	}
	if err := report.WriteHours(&buf, l, "json", report.Options{}); store.ErrorCode(err) != store.EINVALID {
		t.Errorf("hours as json: got %v, want an invalid-format error", err)
	}
}

// The daily log marks the bookings of a series, and a log counts the
// series and their dates.
func TestLogMarksSeries(t *testing.T) {
	db := seed(t)
	ctx := context.Background()
	db.Now = func() time.Time { return at(day.AddDays(-1), "09:00") }
	in := store.BookingInput{VenueID: 1, Org: "幸福里社区第二党支部", Contact: "钱七", Phone: "13900003333", Title: "党小组会",
		Purpose: "three_one", Attendees: 8, Start: at(day, "12:00"), End: at(day, "13:00"), Approve: true, Actor: "前台小李", Source: "desk"}
	if _, err := db.CreateSeriesRule(ctx, store.SeriesInput{BookingInput: in, Rule: store.SeriesRule{Count: 3}}); err != nil {
		t.Fatal(err)
	}
	l, err := db.DailyLog(ctx, day, day)
	if err != nil {
		t.Fatal(err)
	}
	if l.Summary.Series != 1 || l.Summary.SeriesDates != 1 {
		t.Errorf("day's figures: %d series, %d dates, want 1 and 1", l.Summary.Series, l.Summary.SeriesDates)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, l, "text", report.Options{PrintedAt: printedAt}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"↻党小组", "重复预约", "1 个，共 1 次"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, buf.String())
		}
	}
	p, err := db.PeriodLog(ctx, day, day.AddDays(14))
	if err != nil {
		t.Fatal(err)
	}
	if p.Summary.Series != 1 || p.Summary.SeriesDates != 3 {
		t.Errorf("period figures: %d series, %d dates, want 1 and 3", p.Summary.Series, p.Summary.SeriesDates)
	}
}
