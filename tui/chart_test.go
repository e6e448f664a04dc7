package tui

import (
	"math"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestCharts keeps the 台账 tab's charts at 80×24 without colour (as
// NO_COLOR gives), in Chinese and English, and the second screen with the
// 30-day sparklines.
func TestCharts(t *testing.T) {
	for _, c := range []struct {
		name, lang string
		want       []string
		more       []tea.Msg
		wantMore   []string
	}{
		{"zh", "zh", []string{"来访时段分布", "诉求分类（█ 受理  ▒ 其中逾期）", "近 30 天"}, nil, nil},
		{"zh_trend", "zh", []string{"来访时段分布"}, []tea.Msg{tea.KeyMsg{Type: tea.KeyPgDown}}, []string{"办结率", "条形与格高"}},
		{"en", "en", []string{"Visits by hour", "Requests by category", "Last 30 days"}, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, clk := mustOpen(t, true)
			seed(t, db, clk)
			tm := startProgram(t, db, Options{Staff: "王芳", Lang: c.lang})
			tm.Send(runes("5"))
			tm.Send(runes("G"))
			waitFor(t, tm, c.want...)
			for _, k := range c.more {
				tm.Send(k)
			}
			if len(c.wantMore) > 0 {
				waitFor(t, tm, c.wantMore...)
			}
			view := finalView(t, tm)
			for i, line := range strings.Split(view, "\n") {
				if w := ansi.StringWidth(line); w > 80 {
					t.Errorf("line %d is %d columns wide: %q", i+1, w, line)
				}
			}
			if n := strings.Count(view, "\n") + 1; n > 24 {
				t.Errorf("the screen is %d lines, want at most 24", n)
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

func TestChartGlyphs(t *testing.T) {
	if got, want := sparkline([]float64{0, 1, 2, 4, math.NaN(), 8}, 8), "▁▂▃▅ █"; got != want {
		t.Errorf("sparkline: got %q, want %q", got, want)
	}
	if got, want := hbar(10, 4, 20, 10), "███▒▒░░░░░"; got != want {
		t.Errorf("hbar: got %q, want %q", got, want)
	}
	// One of a thousand still shows; nothing shows nothing.
	if got, want := hbar(1, 0, 1000, 5), "█░░░░"; got != want {
		t.Errorf("hbar of a small value: got %q, want %q", got, want)
	}
	if got, want := hbar(0, 0, 10, 3), "░░░"; got != want {
		t.Errorf("hbar of zero: got %q, want %q", got, want)
	}
	cols := columns([]int{0, 4, 8}, []string{"8", "9", "10"}, 2)
	want := []string{"8       ██", "0    ██ ██", "  8  9  10"}
	if strings.Join(cols, "|") != strings.Join(want, "|") {
		t.Errorf("columns:\n got %q\nwant %q", cols, want)
	}
}
