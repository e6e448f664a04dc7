package report_test

import (
	"context"
	"strings"
	"testing"

	"frontdesk/store"
)

// hostileLog is a day's log with one request from the kiosk whose
// community and description (both in the detail row under the request's
// cells) are markup, and the description a spreadsheet formula too.
func hostileLog(t *testing.T) *store.DailyLog {
	t.Helper()
	db, c := openCenter(t)
	c.do(t, at(day, "10:00"), "request", func(ctx context.Context) error {
		_, err := db.CreateRequest(ctx, store.RequestInput{Name: "张三", Phone: "13800001111", Category: "other",
			Community: `<x-i>幸福里</x-i>`, Description: `=HYPERLINK("http://x","<x-b>点我</x-b>")`, Source: store.SourceKiosk})
		return err
	})
	c.Set(printedAt)
	return readLog(t, db, day, day)
}

// TestHTMLEscapesEveryCell: what a visitor typed reaches the printed log's
// HTML as text in the detail row too (TestHTML's seed has markup in a
// visitor's name, a plain cell).
func TestHTMLEscapesEveryCell(t *testing.T) {
	out := string(render(t, hostileLog(t), "html", "zh"))
	for _, want := range []string{`&lt;x-i&gt;幸福里&lt;/x-i&gt;`, `=HYPERLINK(&#34;http://x&#34;,&#34;&lt;x-b&gt;点我&lt;/x-b&gt;&#34;)`} {
		if !strings.Contains(out, want) {
			t.Errorf("the HTML lacks %s", want)
		}
	}
	for _, bad := range []string{"<x-i>", "<x-b>"} {
		if strings.Contains(out, bad) {
			t.Errorf("the HTML holds %s unescaped", bad)
		}
	}
}

// TestCSVNeutralizesCells: the CSV writes every cell through the formula
// guard, so the description cannot run in the spreadsheet that opens it.
func TestCSVNeutralizesCells(t *testing.T) {
	out := string(render(t, hostileLog(t), "csv", "zh"))
	if !strings.Contains(out, `"'=HYPERLINK(""http://x"",""<x-b>点我</x-b>"")"`) {
		t.Errorf("the CSV lacks the neutralized description:\n%s", out)
	}
	if strings.Contains(out, `,"=HYPERLINK`) || strings.Contains(out, "\n\"=HYPERLINK") {
		t.Errorf("the CSV holds the formula as it was typed")
	}
}
