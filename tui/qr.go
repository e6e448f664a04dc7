package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	qrcode "github.com/skip2/go-qrcode"

	"frontdesk/lang"
)

// qrView draws the kiosk's form links as QR codes in the terminal, for a
// desk without a lobby screen: one code a page, with its title, its address
// and the page (1/3) beside it, so the code is as large as the room allows.
type qrView struct {
	env           *env
	width, height int
	links         []Link
	page          int
}

// qrLines draws a code in half blocks, two modules a line: a block is a
// light module, a space a dark one, as a terminal with a dark background
// shows it; border is the light quiet zone around the code, in modules.
func qrLines(url string, border int) ([]string, error) {
	q, err := qrcode.New(url, qrcode.Low)
	if err != nil {
		return nil, err
	}
	q.DisableBorder = true
	bits := q.Bitmap()
	n := len(bits) + 2*border
	dark := func(x, y int) bool {
		x, y = x-border, y-border
		return y >= 0 && y < len(bits) && x >= 0 && x < len(bits) && bits[y][x]
	}
	var lines []string
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		for x := range n {
			top, bottom := dark(x, y), y+1 < n && dark(x, y+1)
			if y+1 >= n {
				bottom = true // below the code is the terminal's dark
			}
			switch {
			case top && bottom:
				b.WriteString(" ")
			case top:
				b.WriteString("▄")
			case bottom:
				b.WriteString("▀")
			default:
				b.WriteString("█")
			}
		}
		lines = append(lines, b.String())
	}
	return lines, nil
}

// View draws the page's code with its title, address and page beside it,
// or under the code's height; a window too small for the code is told to
// grow rather than shown a code no phone can read.
func (v qrView) View() string {
	e := v.env
	st := e.st
	if len(v.links) == 0 {
		return st.heading.Render(clip(e.tr(lang.QRTitle), v.width)) + "\n\n" + e.tr(lang.QRNone)
	}
	pages := len(v.links)
	page := ((v.page % pages) + pages) % pages
	l := v.links[page]
	var code []string
	var err error
	for _, border := range []int{2, 1} {
		if code, err = qrLines(l.URL, border); err != nil || len(code) <= v.height {
			break
		}
	}
	side := []string{st.heading.Render(l.Title), fmt.Sprintf("%d/%d", page+1, pages), ""}
	textW := v.width - lipgloss.Width(strings.Join(code, "\n")) - 2
	if err != nil || len(code) > v.height || textW < 16 {
		lines := append(side, strings.Split(wrap(l.URL, v.width), "\n")...)
		lines = append(lines, "", st.err.Render(wrap(fmt.Sprintf(e.tr(lang.QREnlarge), len(code)+4), v.width)))
		return strings.Join(lines, "\n")
	}
	side = append(side, strings.Split(wrap(l.URL, textW), "\n")...)
	side = append(side, "", st.muted.Render(wrap(helpLine(e.keys.QRPage, e.keys.Back), textW)))
	return lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(code, "\n"), "  ", strings.Join(side, "\n"))
}
