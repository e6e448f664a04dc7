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
}

func newStyles() styles {
	return styles{
		title:     lipgloss.NewStyle().Bold(true).Foreground(theme.accent),
		tab:       lipgloss.NewStyle().Foreground(theme.muted),
		activeTab: lipgloss.NewStyle().Bold(true).Underline(true).Foreground(theme.accent),
		badge:     lipgloss.NewStyle().Bold(true).Foreground(theme.kiosk),
		muted:     lipgloss.NewStyle().Foreground(theme.muted),
		selected:  lipgloss.NewStyle().Reverse(true),
		overdue:   lipgloss.NewStyle().Bold(true).Foreground(theme.danger),
		err:       lipgloss.NewStyle().Foreground(theme.danger),
		ok:        lipgloss.NewStyle().Foreground(theme.ok),
		notice:    lipgloss.NewStyle().Bold(true).Foreground(theme.kiosk),
		label:     lipgloss.NewStyle().Foreground(theme.muted),
		heading:   lipgloss.NewStyle().Bold(true),
	}
}

// honourNoColor drops every colour and attribute when NO_COLOR is set
// (https://no-color.org); rows then show their cursor with a marker.
func honourNoColor() {
	if v, ok := os.LookupEnv("NO_COLOR"); ok && v != "" {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
}

// cursorStyle marks the text cursor of a focused input.
var cursorStyle = lipgloss.NewStyle().Reverse(true)
