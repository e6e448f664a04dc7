package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// fit pads or truncates s to exactly w terminal cells. Widths are measured
// with ansi.StringWidth, so a Chinese character counts two cells whatever the
// locale says about ambiguous runes.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// clip truncates s to at most w cells, without padding.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// clipLines truncates every line of s to w cells and keeps at most h lines.
func clipLines(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if h >= 0 && len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = clip(l, w)
	}
	return strings.Join(lines, "\n")
}

// column is one column of a table: its heading and how wide it may grow.
type column struct {
	title string
	min   int // cells it always gets
	grow  int // share of the spare width (0: fixed)
}

// table draws rows under headings in width w with a cursor row, scrolled so
// the cursor stays within h rows. Each row may carry a style function.
type table struct {
	cols   []column
	rows   [][]string
	marks  []func(string) string // per row; nil for plain
	cursor int
	offset int
}

// widths spreads w cells over the columns: each gets its minimum, the rest
// goes to growing columns by share.
func (t table) widths(w int) []int {
	ws := make([]int, len(t.cols))
	used, shares := 2, 0 // the cursor marker
	for i, c := range t.cols {
		// A column is never narrower than its heading: a cut label reads
		// as nothing.
		ws[i] = max(c.min, ansi.StringWidth(c.title))
		used += ws[i] + 1
		shares += c.grow
	}
	spare := w - used
	if spare > 0 && shares > 0 {
		left := spare
		for i, c := range t.cols {
			if c.grow == 0 {
				continue
			}
			add := spare * c.grow / shares
			ws[i] += add
			left -= add
		}
		for i := len(t.cols) - 1; i >= 0 && left > 0; i-- {
			if t.cols[i].grow > 0 {
				ws[i] += left
				left = 0
			}
		}
	}
	// On a wide screen a growing column stops at three times its minimum,
	// so the columns stay together where the eye can follow a row.
	for i, c := range t.cols {
		if c.grow > 0 {
			ws[i] = min(ws[i], max(3*c.min, 16, ansi.StringWidth(c.title)))
		}
	}
	return ws
}

// headLines is the height of the heading render draws: one line, clipped to
// the width.
const headLines = 1

// clampCursor keeps the cursor on a row and the window of rows around it,
// for a table h lines high with its heading.
func (t *table) clampCursor(h int) {
	h -= headLines
	if t.cursor >= len(t.rows) {
		t.cursor = len(t.rows) - 1
	}
	if t.cursor < 0 {
		t.cursor = 0
	}
	if h < 1 {
		h = 1
	}
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+h {
		t.offset = t.cursor - h + 1
	}
	if t.offset > len(t.rows)-h {
		t.offset = max(0, len(t.rows)-h)
	}
}

// move shifts the cursor by d rows.
func (t *table) move(d, h int) {
	t.cursor += d
	t.clampCursor(h)
}

// moveByKey moves the cursor of a table h lines high for ↑ and ↓, and
// reports whether msg was one of them.
func (t *table) moveByKey(msg tea.KeyMsg, k keyMap, h int) bool {
	page := max(h-headLines-1, 1)
	switch {
	case key.Matches(msg, k.Up):
		t.move(-1, h)
	case key.Matches(msg, k.Down):
		t.move(1, h)
	case key.Matches(msg, k.PageUp):
		t.move(-page, h)
	case key.Matches(msg, k.PageDown):
		t.move(page, h)
	case key.Matches(msg, k.Home):
		t.move(-len(t.rows), h)
	case key.Matches(msg, k.End):
		t.move(len(t.rows), h)
	default:
		return false
	}
	return true
}

// rowAt is the record behind row i of a table listing list; ok is false
// when i is no row of it.
func rowAt[T any](list []T, i int) (_ T, ok bool) {
	if i < 0 || i >= len(list) {
		var none T
		return none, false
	}
	return list[i], true
}

// render draws the heading and the rows that fit in h lines; st marks the
// cursor row.
func (t *table) render(w, h int, st styles, focused bool) string {
	t.clampCursor(h)
	body := h - headLines
	// More rows than show: where the cursor is, at the heading's end; the
	// columns give up the room it takes.
	pos := ""
	if len(t.rows) > body && body > 0 {
		pos = fmt.Sprintf("%d/%d", t.cursor+1, len(t.rows))
	}
	ws := t.widths(w)
	if pos != "" {
		ws = t.widths(w - visibleWidth(pos) - 1)
	}
	var b strings.Builder
	head := "  "
	for i, c := range t.cols {
		head += fit(c.title, ws[i]) + " "
	}
	head = strings.TrimRight(head, " ")
	if pos != "" {
		head += strings.Repeat(" ", max(w-visibleWidth(head)-visibleWidth(pos), 1)) + pos
	}
	b.WriteString(st.heading.Render(clip(head, w)))
	for i := t.offset; i < len(t.rows) && i < t.offset+body; i++ {
		line := ""
		for j, cell := range t.rows[i] {
			if j < len(ws) {
				line += fit(cell, ws[j]) + " "
			}
		}
		line = clip(strings.TrimRight(line, " "), w-2)
		if t.marks != nil && i < len(t.marks) && t.marks[i] != nil {
			line = t.marks[i](line)
		}
		b.WriteString("\n")
		if i == t.cursor && focused {
			b.WriteString("> " + st.selected.Render(line))
		} else {
			b.WriteString("  " + line)
		}
	}
	return b.String()
}

// visibleWidth is the width s takes on screen.
func visibleWidth(s string) int { return ansi.StringWidth(s) }

// wrap breaks s into lines of at most w cells, at spaces where it can and
// inside a word (or a run of Chinese) where it must. Nothing is cut.
func wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	return ansi.Wrap(s, w, "")
}

// hanging draws label and then text wrapped to w cells, its later lines
// indented under the text's first, so a long text reads as one block.
// Line breaks in text are kept.
func hanging(label, text string, w int) string {
	lw := ansi.StringWidth(label)
	room := max(w-lw, 10)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, strings.Split(wrap(para, room), "\n")...)
	}
	pad := strings.Repeat(" ", lw)
	for i := range out {
		if i == 0 {
			out[i] = label + out[i]
		} else {
			out[i] = pad + out[i]
		}
	}
	return strings.Join(out, "\n")
}

// scrollView scrolls a viewport for the keys that move through a text: ↑ ↓,
// PgUp PgDn, Home End. It reports whether msg was one of them.
func scrollView(v *viewport.Model, msg tea.KeyMsg, k keyMap) bool {
	switch {
	case key.Matches(msg, k.Up):
		v.ScrollUp(1)
	case key.Matches(msg, k.Down):
		v.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		v.PageUp()
	case key.Matches(msg, k.PageDown):
		v.PageDown()
	case key.Matches(msg, k.Home):
		v.GotoTop()
	case key.Matches(msg, k.End):
		v.GotoBottom()
	default:
		return false
	}
	return true
}
