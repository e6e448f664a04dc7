package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The 承办人 and transfer fields offer the names used before: typing shows
// those that contain what was typed, ↓/↑ picks one and enter takes it, as
// the visit form's lookup does.

// handlersMsg is the names used before, most used first.
type handlersMsg struct{ names []string }

func handlersCmd(e *env) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		names, err := e.db.HandlersUsed(ctx)
		if err != nil {
			return errMsg{err}
		}
		return handlersMsg{names}
	}
}

// maxHandlerOffers is how many names show under the field.
const maxHandlerOffers = 5

// handlerOffers is the names to offer for the focused field: none unless it
// is a handler or transfer field with something typed.
func (m requestsTab) handlerOffers() []string {
	f := m.form.focused()
	if f != "handler" && f != "transferred_to" {
		return nil
	}
	q := strings.ToLower(strings.TrimSpace(m.form.value(f)))
	if q == "" {
		return nil
	}
	var out []string
	for _, n := range m.handlers {
		if l := strings.ToLower(n); l != q && strings.Contains(l, q) {
			out = append(out, n)
			if len(out) == maxHandlerOffers {
				break
			}
		}
	}
	return out
}

// pickHandler answers ↓, ↑ and enter while names are offered; done says the
// key was taken.
func (m requestsTab) pickHandler(msg tea.KeyMsg) (requestsTab, bool) {
	offers := m.handlerOffers()
	if len(offers) == 0 {
		return m, false
	}
	k := m.env.keys
	switch {
	case key.Matches(msg, k.SuggestDown):
		m.handlerAt = min(m.handlerAt+1, len(offers)-1)
	case key.Matches(msg, k.SuggestUp) && m.handlerAt >= 0:
		m.handlerAt--
	case key.Matches(msg, k.Enter) && m.handlerAt >= 0:
		f := m.form.focused()
		m.form.set(f, offers[m.handlerAt])
		m.handlerAt = -1
		if i := m.form.index(f); i+1 < len(m.form.fields) {
			m.form.setFocus(m.form.fields[i+1].name)
		}
	default:
		return m, false
	}
	return m, true
}

// handlerLines draws the offered names under the field.
func (m requestsTab) handlerLines() string {
	var lines []string
	for i, n := range m.handlerOffers() {
		lines = append(lines, offerRow(m.env.st, i == m.handlerAt, n, m.width))
	}
	return strings.Join(lines, "\n")
}

// offerRow is one line of what a field offers under it, marked when picked.
func offerRow(st styles, picked bool, s string, w int) string {
	if picked {
		return "    > " + st.selected.Render(clip(s, w-6))
	}
	return "      " + clip(s, w-6)
}
