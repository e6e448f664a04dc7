package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestLineWidthAgrees checks the fast width against ansi.StringWidth for
// every rune of the basic plane, between ASCII and Chinese.
func TestLineWidthAgrees(t *testing.T) {
	for r := rune(0x20); r < 0x10000; r++ {
		s := "a" + string(r) + "中"
		if got, want := lineWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("%U: %d, want %d", r, got, want)
		}
	}
}
