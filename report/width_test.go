package report

import (
	"math/rand/v2"
	"slices"
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

// wrapAlphabet is what wrap's tests build text from: Latin words and
// spaces, Chinese, the closing marks that never start a line, and runes
// runeWidth leaves to ansi (an ellipsis, an emoji, a tab).
var wrapAlphabet = []rune("abc de fgh ij  klm 0123 张三李四幸福里社区网格诉求办理，。、；：？！）》」,.;:?!)]%…👍\t")

// TestWrapPlainIsWrapRunes holds wrap's plain way to the rune-moving one:
// the same lines for thousands of texts at widths from the narrowest it
// takes to past the page, the first line and the rest, with and without
// an indent.
func TestWrapPlainIsWrapRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	plain := 0
	for range 20000 {
		rs := make([]rune, rng.IntN(260))
		for i := range rs {
			rs[i] = wrapAlphabet[rng.IntN(len(wrapAlphabet)-3)] // mostly plain
		}
		if rng.IntN(10) == 0 && len(rs) > 0 {
			rs[rng.IntN(len(rs))] = wrapAlphabet[len(wrapAlphabet)-1-rng.IntN(3)]
		}
		s := string(rs)
		indent := []string{"", "  ", "      ", "\t"}[rng.IntN(4)]
		w := 3 + rng.IntN(120)
		if _, ok := plainWidth(s); ok {
			plain++
		}
		if got, want := wrap(s, w, indent), wrapRunes(s, w, indent); !slices.Equal(got, want) {
			t.Fatalf("wrap(%q, %d, %q):\n got %q\nwant %q", s, w, indent, got, want)
		}
	}
	if plain < 10000 {
		t.Fatalf("only %d of the texts were plain: the plain way went untried", plain)
	}
}

// FuzzWrap holds the two ways together on any text (make fuzz).
func FuzzWrap(f *testing.F) {
	f.Add("    电话：130****2207；社区：向阳社区第6网格；诉求：申请残疾人两项补贴，住院报销迟迟未到账", 100, "      ")
	f.Add("a long Latin line that breaks at a space near the end of it, again and again", 20, "  ")
	f.Fuzz(func(t *testing.T, s string, w int, indent string) {
		if w < 1 || w > 400 || len(s) > 2000 || len(indent) > 20 {
			return
		}
		if got, want := wrap(s, w, indent), wrapRunes(s, w, indent); !slices.Equal(got, want) {
			t.Fatalf("wrap(%q, %d, %q):\n got %q\nwant %q", s, w, indent, got, want)
		}
	})
}
