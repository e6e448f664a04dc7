package report

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The fast path of width must agree with x/ansi, the measure the rules name.
func TestWidthMatchesAnsi(t *testing.T) {
	for _, s := range []string{"", "V-20260310-0001", "张三", "幸福里社区第三网格", "（盖章）", "满意：很好，谢谢！",
		"、。「」【】", "区委党校参观团…", "09:00–10:00", "逾期·待受理", "👍", "é", "ｅ", "㐀", "≥", "\\t"} {
		if got, want := width(s), ansi.StringWidth(s); got != want {
			t.Errorf("width(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	}
	for r := rune(0x20); r < 0x10000; r++ {
		if w := runeWidth(r); w >= 0 && w != ansi.StringWidth(string(r)) {
			t.Errorf("runeWidth(%U) = %d, ansi.StringWidth = %d", r, w, ansi.StringWidth(string(r)))
		}
	}
}
