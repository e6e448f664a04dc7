package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// searchBox is the one-line search a list opens with /: enter asks for what
// was typed, esc closes the box and leaves the list as it was.
type searchBox struct {
	env   *env
	input lineInput
	open  bool // the box has the focus, so keys are typing
}

func newSearchBox(e *env, prompt string, limit int) searchBox {
	return searchBox{env: e, input: lineInput{Prompt: prompt, CharLimit: limit, cursor: e.st.cursor}}
}

// start opens the box holding text, the cursor at its end.
func (s searchBox) start(text string) searchBox {
	s.open = true
	s.input.SetValue(text)
	s.input.Focus()
	return s
}

// query is the search as typed, without the spaces around it.
func (s searchBox) query() string { return strings.TrimSpace(s.input.Value()) }

// Update edits the text; enter closes the box with formSubmit, esc with
// formCancel.
func (s searchBox) Update(msg tea.KeyMsg) (searchBox, tea.Cmd, formAction) {
	var act formAction
	switch {
	case key.Matches(msg, s.env.keys.Back):
		act = formCancel
	case key.Matches(msg, s.env.keys.Submit):
		act = formSubmit
	default:
		// Each change is reported, so a list filters as it is typed.
		before := s.input.Value()
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		if s.input.Value() != before {
			return s, cmd, formChanged
		}
		return s, cmd, formNone
	}
	s.open = false
	s.input.Blur()
	return s, nil, act
}

// View draws the prompt and the text while the box is open, and nothing once
// it is closed, so the line stays blank.
func (s searchBox) View() string {
	if !s.open {
		return ""
	}
	return s.input.View()
}
