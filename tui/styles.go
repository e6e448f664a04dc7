package tui

import (
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// theme is the desk's one palette; each colour has a light- and a
// dark-background variant.
var theme = struct {
	accent, muted, warn, danger, ok, kiosk lipgloss.AdaptiveColor
}{
	accent: lipgloss.AdaptiveColor{Light: "#B71C1C", Dark: "#FF6B6B"},
	muted:  lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#8A8A8A"},
	warn:   lipgloss.AdaptiveColor{Light: "#A15C00", Dark: "#FFB347"},
	danger: lipgloss.AdaptiveColor{Light: "#C62828", Dark: "#FF5252"},
	ok:     lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#81C784"},
	kiosk:  lipgloss.AdaptiveColor{Light: "#1565C0", Dark: "#64B5F6"},
}

// styles are every lipgloss style the desk draws with, built from theme.
type styles struct {
	title, tab, activeTab, badge, muted, selected, overdue, err, ok, notice, label, heading lipgloss.Style
	// cursor marks the text cursor of a focused input.
	cursor lipgloss.Style
	// pane frames the detail pane beside a list: a rule on its left.
	pane lipgloss.Style
}

// newStyles builds the styles for r, or for lipgloss's default renderer
// when r is nil.
func newStyles(r *lipgloss.Renderer) styles {
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	return styles{
		title:     r.NewStyle().Bold(true).Foreground(theme.accent),
		tab:       r.NewStyle().Foreground(theme.muted),
		activeTab: r.NewStyle().Bold(true).Underline(true).Foreground(theme.accent),
		badge:     r.NewStyle().Bold(true).Foreground(theme.kiosk),
		muted:     r.NewStyle().Foreground(theme.muted),
		selected:  r.NewStyle().Reverse(true),
		overdue:   r.NewStyle().Bold(true).Foreground(theme.danger),
		err:       r.NewStyle().Foreground(theme.danger),
		ok:        r.NewStyle().Foreground(theme.ok),
		notice:    r.NewStyle().Bold(true).Foreground(theme.kiosk),
		label:     r.NewStyle().Foreground(theme.muted),
		heading:   r.NewStyle().Bold(true),
		cursor:    r.NewStyle().Reverse(true),
		pane:      r.NewStyle().BorderStyle(lipgloss.NormalBorder()).BorderLeft(true).BorderForeground(theme.muted).PaddingLeft(1),
	}
}

// honourNoColor drops every colour and attribute when NO_COLOR is set
// (https://no-color.org); rows then show their cursor with a marker.
func honourNoColor() {
	if v, ok := os.LookupEnv("NO_COLOR"); ok && v != "" {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
}
