package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"frontdesk/store"
)

// On a wide screen the requests, visits and bookings tabs show the selected
// row's details in a pane beside the list, as lazygit and gh-dash do: the
// pane follows the cursor and holds what the full detail shows, wrapped to
// its width; ctrl+d and ctrl+u scroll it. Narrower, nothing changes. The
// keys are the same either way: enter still opens the full detail.

// paneFrom is the screen width from which a detail pane shows beside a
// list.
const paneFrom = 120

// listKeeps is the width a list keeps beside the pane: the 80 columns the
// lists are drawn for.
const listKeeps = 80

// paneSplit gives a list and the pane beside it their widths in w: the list
// three fifths of it and never under listKeeps, the pane the rest. Under
// paneFrom there is no pane: the list takes w and pane is 0.
func paneSplit(w int) (list, pane int) {
	if w < paneFrom {
		return w, 0
	}
	list = max(w*3/5, listKeeps)
	return list, w - list
}

// phoneShown is a phone as a detail shows it: whole when the worker asked
// for the record (enter: to call back), masked as on the lists otherwise, so
// a pane that follows the cursor shows no one's number to the room.
func phoneShown(phone string, whole bool) string {
	if whole {
		return phone
	}
	return store.MaskPhone(phone)
}

// paneText is what a pane shows: a head kept at its top, a body that
// scrolls, and a foot kept at its bottom (either may be "").
type paneText struct{ head, body, foot string }

// sidePane is the pane's state: the record it shows and how far its body
// is scrolled. It scrolls back to the top when the record changes.
type sidePane struct {
	id  int64
	top int
}

// paneInner is the width a pane w cells wide leaves for its text.
func paneInner(st styles, w int) int { return max(w-st.pane.GetHorizontalFrameSize(), 1) }

// paned reports whether a list on a screen w cells wide shows the selected
// row's detail beside it.
func paned(w int) bool { _, pane := paneSplit(w); return pane > 0 }

// paneTextWidth is the width the pane beside a list on a screen w cells
// wide leaves for its text.
func paneTextWidth(st styles, w int) int { _, pw := paneSplit(w); return paneInner(st, pw) }

// bodyHeight is the room the body gets in a pane h lines high.
func (t paneText) bodyHeight(h int) int {
	for _, s := range []string{t.head, t.foot} {
		if s != "" {
			h -= lipgloss.Height(s)
		}
	}
	return max(h, 1)
}

// follow points the pane at record id, from the top when it is another.
func (p *sidePane) follow(id int64) {
	if p.id != id {
		p.id, p.top = id, 0
	}
}

// scroll moves the pane's body for ctrl+d and ctrl+u, half its height at a
// time, within t; it reports whether msg was one of them.
func (p *sidePane) scroll(msg tea.KeyMsg, k keyMap, t paneText, h int) bool {
	body := t.bodyHeight(h)
	step := max(body/2, 1)
	switch {
	case key.Matches(msg, k.PaneDown):
		p.top += step
	case key.Matches(msg, k.PaneUp):
		p.top -= step
	default:
		return false
	}
	p.top = max(min(p.top, lipgloss.Height(t.body)-body), 0)
	return true
}

// view draws the pane w cells wide and h high: its frame, the head (with
// where the reader is when the body is longer than shows), the scrolled
// body and the foot.
func (p sidePane) view(st styles, t paneText, w, h int) string {
	inner := paneInner(st, w)
	v := viewport.New(inner, t.bodyHeight(h))
	v.SetContent(t.body)
	v.SetYOffset(p.top)
	var parts []string
	if t.head != "" {
		head := strings.Split(t.head, "\n")
		if v.TotalLineCount() > v.Height {
			// Where the reader is, at the end of the head's first line.
			pos := fmt.Sprintf(" %d%%", int(v.ScrollPercent()*100))
			head[0] = clip(head[0], inner-visibleWidth(pos)) + st.muted.Render(pos)
		}
		parts = append(parts, head...)
	}
	parts = append(parts, v.View())
	if t.foot != "" {
		parts = append(parts, t.foot)
	}
	return st.pane.Height(h).Render(clipLines(lipgloss.JoinVertical(lipgloss.Left, parts...), inner, h))
}

// besideList draws a list w cells wide and, when the width leaves room, the
// pane beside it, h lines high; list draws the list in the width it gets.
func besideList(st styles, p sidePane, t paneText, w, h int, list func(w int) string) string {
	lw, pw := paneSplit(w)
	if pw == 0 {
		return list(w)
	}
	lines := strings.Split(list(lw), "\n")
	for i, l := range lines {
		lines[i] = fit(l, lw)
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(lines, "\n"), p.view(st, t, pw, h))
}
