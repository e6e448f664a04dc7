package tui

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestNoColor(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Setenv("NO_COLOR", "")
	honourNoColor()
	if lipgloss.ColorProfile() != termenv.TrueColor {
		t.Fatal("an empty NO_COLOR turned colour off")
	}
	t.Setenv("NO_COLOR", "1")
	honourNoColor()
	if got := lipgloss.ColorProfile(); got != termenv.Ascii {
		t.Fatalf("profile = %v under NO_COLOR, want Ascii", got)
	}
	if s := newStyles(nil).overdue.Render("超期"); s != "超期" {
		t.Fatalf("NO_COLOR still styles: %q", s)
	}
}
