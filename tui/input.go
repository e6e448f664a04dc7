package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// lineInput is a one-line text input. Its width is counted in terminal
// cells with ansi.StringWidth, so Chinese text scrolls and lines up right.
type lineInput struct {
	Prompt    string
	CharLimit int
	Width     int  // cells for the text; 0 for no limit
	Mask      bool // draw each character as •, for a password
	value     []rune
	pos       int
	focused   bool
	cursor    lipgloss.Style // from the desk's styles, so it follows the terminal it draws on
}

// Value returns the text.
func (in lineInput) Value() string { return string(in.value) }

// SetValue replaces the text and puts the cursor at its end.
func (in *lineInput) SetValue(s string) {
	in.value = []rune(s)
	if in.CharLimit > 0 && len(in.value) > in.CharLimit {
		in.value = in.value[:in.CharLimit]
	}
	in.pos = len(in.value)
}

// CursorEnd moves the cursor after the last character.
func (in *lineInput) CursorEnd() { in.pos = len(in.value) }

// Focus gives the input the keyboard.
func (in *lineInput) Focus() { in.focused = true }

// Blur takes the keyboard away.
func (in *lineInput) Blur() { in.focused = false }

// Focused reports whether the input has the keyboard.
func (in lineInput) Focused() bool { return in.focused }

// Update edits the text: typing and pasting insert, and the usual line
// keys move and delete.
func (in lineInput) Update(msg tea.Msg) (lineInput, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !in.focused {
		return in, nil
	}
	switch k.Type {
	case tea.KeyRunes, tea.KeySpace:
		runes := k.Runes
		if k.Type == tea.KeySpace {
			runes = []rune{' '}
		}
		var clean []rune
		for _, r := range runes {
			if r >= ' ' && r != 0x7f {
				clean = append(clean, r)
			}
		}
		if in.CharLimit > 0 && len(in.value)+len(clean) > in.CharLimit {
			clean = clean[:max(0, in.CharLimit-len(in.value))]
		}
		v := append([]rune{}, in.value[:in.pos]...)
		v = append(v, clean...)
		in.value = append(v, in.value[in.pos:]...)
		in.pos += len(clean)
	case tea.KeyBackspace:
		if in.pos > 0 {
			in.value = append(in.value[:in.pos-1:in.pos-1], in.value[in.pos:]...)
			in.pos--
		}
	case tea.KeyDelete:
		if in.pos < len(in.value) {
			in.value = append(in.value[:in.pos:in.pos], in.value[in.pos+1:]...)
		}
	case tea.KeyLeft:
		in.pos = max(0, in.pos-1)
	case tea.KeyRight:
		in.pos = min(len(in.value), in.pos+1)
	case tea.KeyHome, tea.KeyCtrlA:
		in.pos = 0
	case tea.KeyEnd, tea.KeyCtrlE:
		in.pos = len(in.value)
	case tea.KeyCtrlU:
		in.value = append([]rune{}, in.value[in.pos:]...)
		in.pos = 0
	case tea.KeyCtrlK:
		in.value = in.value[:in.pos]
	}
	return in, nil
}

// View draws the prompt and the text, scrolled so the cursor shows; the
// cursor is a reversed cell while the input has the focus.
func (in lineInput) View() string {
	shown := in.value
	if in.Mask {
		shown = []rune(strings.Repeat("•", len(in.value)))
	}
	before := string(shown[:in.pos])
	after := string(shown[in.pos:])
	cur := " "
	if in.pos < len(shown) {
		cur = string(shown[in.pos])
		after = string(shown[in.pos+1:])
	}
	if in.Width > 0 {
		// Keep the cursor in view: drop text from the left of it first.
		for ansi.StringWidth(before)+ansi.StringWidth(cur) > in.Width && before != "" {
			_, size := firstRune(before)
			before = before[size:]
		}
		room := in.Width - ansi.StringWidth(before) - ansi.StringWidth(cur)
		after = clip(after, max(room, 0))
	}
	if !in.focused {
		return in.Prompt + before + strings.TrimSuffix(cur, " ") + after
	}
	return in.Prompt + before + in.cursor.Render(cur) + after
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i == 0 {
			n := len(string(r))
			return r, n
		}
	}
	return 0, 0
}
