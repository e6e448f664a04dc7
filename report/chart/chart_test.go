package chart

import (
	"strings"
	"testing"
)

// TestEscapedLabels draws a chart whose title and label are markup (a
// venue's name is typed by staff) and reads the text elements whole: the
// markup arrives as text, escaped; the title keeps its size and weight and
// no anchor, the label its end anchor and the chart's default size.
func TestEscapedLabels(t *testing.T) {
	svg := string(HBars{ID: "chart-1", Title: "<i>标题</i>", Bars: []Bar{{Label: `<b>"厅"&'`, Value: 3}}}.SVG())
	for _, want := range []string{
		`<title id="chart-1-title">&lt;i&gt;标题&lt;/i&gt;</title>`,
		`<text x="0" y="14" font-size="12" font-weight="bold">&lt;i&gt;标题&lt;/i&gt;</text>`,
		`<text x="56.5" y="33" text-anchor="end">&lt;b&gt;&#34;厅&#34;&amp;&#39;</text>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %s:\n%s", want, svg)
		}
	}
	for _, bad := range []string{"<i>", "<b>", `"厅"`} {
		if strings.Contains(svg, bad) {
			t.Errorf("the chart holds %s unescaped:\n%s", bad, svg)
		}
	}
}
