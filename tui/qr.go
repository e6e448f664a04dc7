package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	qrcode "github.com/skip2/go-qrcode"
)

// qrView draws the kiosk's form links as QR codes in the terminal, for a
// desk without a lobby screen: as many side by side as the width allows.
type qrView struct {
	env           *env
	width, height int
	links         []Link
	page          int
}

// qrBlock is one code under its title and URL, or the URL alone when
// the code cannot be made.
func qrBlock(l Link) string {
	q, err := qrcode.New(l.URL, qrcode.Low)
	if err != nil {
		return l.Title + "\n" + l.URL
	}
	art := strings.TrimRight(q.ToSmallString(false), "\n")
	return l.Title + "\n" + l.URL + "\n" + art
}

// View draws the page of codes that fits.
func (v qrView) View() string {
	e := v.env
	head := e.st.heading.Render(clip(e.tr(txtQRTitle), v.width))
	if len(v.links) == 0 {
		return head + "\n\n" + e.tr(txtQRNone)
	}
	blocks := make([]string, len(v.links))
	blockW := 0
	for i, l := range v.links {
		blocks[i] = qrBlock(l)
		blockW = max(blockW, lipgloss.Width(blocks[i]))
	}
	per := max(1, v.width/(blockW+2))
	pages := (len(blocks) + per - 1) / per
	page := ((v.page % pages) + pages) % pages
	var shown []string
	for i := page * per; i < len(blocks) && i < (page+1)*per; i++ {
		shown = append(shown, lipgloss.NewStyle().MarginRight(2).Render(blocks[i]))
	}
	return head + "\n" + lipgloss.JoinHorizontal(lipgloss.Top, shown...)
}
