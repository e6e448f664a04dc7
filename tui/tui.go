// Package tui is the desk's terminal UI.
package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/store"
)

// Link is a kiosk form the QR view shows.
type Link struct {
	Title string
	URL   string
}

// Options configure the desk.
type Options struct {
	Staff     string        // staff on duty; "" shows a pick list
	Lang      string        // zh or en
	KioskAddr string        // shown in the header
	KioskUp   func() bool   // whether the kiosk is listening
	Links     func() []Link // the kiosk's forms with current tokens, for the QR view
}

// New returns the desk's root model.
func New(db *store.DB, opts Options) tea.Model { return nil }
