package tui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"frontdesk/lang"
	"frontdesk/store"
)

// formField is one line of a form: a text input, or a choice among labels.
// name is the store's name for the field, so store.ErrorField finds it.
type formField struct {
	name    string
	label   string
	input   lineInput
	initial string        // what the form put there itself, such as a default
	choices []store.Label // non-nil: a choice, cycled with ←/→
	choice  int
	err     string
	touched bool
	// replace: the first key typed replaces the default instead of
	// adding to it (a headcount of 1 becomes 3, not 13); so it does in a
	// field its default fills.
	replace bool
}

// formAction is what a key did to a form.
type formAction int

const (
	formNone formAction = iota
	formChanged
	formSubmit
	formCancel
)

// form is a column of fields with errors beside them. What was typed stays
// in the inputs whatever the store says about it.
type form struct {
	env    *env
	title  string
	fields []formField
	focus  int
	err    string // an error not tied to one field, or a clash
	info   string // a hint or a good word ("the slot is free")
	// asking is set while the form asks whether to throw away what was
	// typed: esc on a form holding input asks first.
	asking bool
}

func newForm(e *env, title string) form { return form{env: e, title: title} }

// text adds a text field.
func (f *form) text(name, label, value string, limit int) {
	in := lineInput{cursor: f.env.st.cursor}
	in.Prompt = ""
	in.CharLimit = limit
	in.SetValue(value)
	f.fields = append(f.fields, formField{name: name, label: label, input: in, initial: value})
	f.refocus()
}

// secret adds a text field whose characters show as •.
func (f *form) secret(name, label string, limit int) {
	f.text(name, label, "", limit)
	f.fields[len(f.fields)-1].input.Mask = true
}

// choose adds a choice field with the label whose code is value selected.
func (f *form) choose(name, label string, choices []store.Label, value string) {
	ff := formField{name: name, label: label, choices: choices}
	for i, c := range choices {
		if c.Code == value {
			ff.choice = i
		}
	}
	f.fields = append(f.fields, ff)
	f.refocus()
}

func (f *form) refocus() {
	for i := range f.fields {
		if i == f.focus {
			f.fields[i].input.Focus()
		} else {
			f.fields[i].input.Blur()
		}
	}
}

// index returns the position of the field called name, or -1.
func (f form) index(name string) int {
	for i, ff := range f.fields {
		if ff.name == name {
			return i
		}
	}
	return -1
}

// value returns a text field's value, or a choice's code.
func (f form) value(name string) string {
	i := f.index(name)
	if i < 0 {
		return ""
	}
	ff := f.fields[i]
	if ff.choices != nil {
		if len(ff.choices) == 0 {
			return ""
		}
		return ff.choices[ff.choice].Code
	}
	return strings.TrimSpace(ff.input.Value())
}

// number returns a text field read as an integer, with ok false (and an error
// beside the field) when it is not one; an empty field is 0.
func (f form) number(name string) (int, bool) {
	s := f.value(name)
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, false
	}
	return n, true
}

// set fills a field: text for inputs, a code for choices.
func (f *form) set(name, value string) {
	i := f.index(name)
	if i < 0 {
		return
	}
	ff := &f.fields[i]
	if ff.choices != nil {
		for j, c := range ff.choices {
			if c.Code == value {
				ff.choice = j
			}
		}
		return
	}
	ff.input.SetValue(value)
	ff.input.CursorEnd()
	ff.touched = true
}

// replaceDefault makes the first key typed in the field called name
// replace its default.
func (f *form) replaceDefault(name string) {
	if i := f.index(name); i >= 0 {
		f.fields[i].replace = true
	}
}

// setFocus moves the focus to the field called name.
func (f *form) setFocus(name string) {
	if i := f.index(name); i >= 0 {
		f.focus = i
		f.refocus()
	}
}

// focused returns the name of the field with the focus.
func (f form) focused() string {
	if f.focus < len(f.fields) {
		return f.fields[f.focus].name
	}
	return ""
}

// dirty reports whether anything was typed: a field that holds more than the
// default the form started it with.
func (f form) dirty() bool {
	for _, ff := range f.fields {
		if ff.choices == nil && strings.TrimSpace(ff.input.Value()) != strings.TrimSpace(ff.initial) {
			return true
		}
	}
	return false
}

// clearErrors forgets every message.
func (f *form) clearErrors() {
	for i := range f.fields {
		f.fields[i].err = ""
	}
	f.err = ""
}

// showError puts a store error beside its field, or under the form when it
// names none; only touched fields get one unless force is set (a submit).
func (f *form) showError(err error, force bool) {
	f.clearErrors()
	if err == nil {
		return
	}
	msg := f.env.userMessage(err)
	if i := f.index(store.ErrorField(err)); i >= 0 {
		if force || f.fields[i].touched {
			f.fields[i].err = msg
			if force {
				f.focus = i
				f.refocus()
			}
		}
		return
	}
	if force || f.anyTouched() {
		f.err = msg
	}
}

// fieldError puts a message of the desk's own beside a field.
func (f *form) fieldError(name, msg string) {
	if i := f.index(name); i >= 0 {
		f.fields[i].err = msg
	}
}

func (f form) anyTouched() bool {
	for _, ff := range f.fields {
		if ff.touched {
			return true
		}
	}
	return false
}

// Update moves between fields, edits the focused one, and says whether the
// form was submitted or cancelled.
func (f form) Update(msg tea.Msg) (form, tea.Cmd, formAction) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil, formNone
	}
	if len(f.fields) == 0 {
		return f, nil, formNone
	}
	ff := &f.fields[f.focus]
	keys := f.env.keys
	if f.asking {
		f.asking = false
		if key.Matches(k, keys.Yes) {
			return f, nil, formCancel
		}
		return f, nil, formNone
	}
	switch {
	case key.Matches(k, keys.Back):
		if f.dirty() {
			f.asking = true
			return f, nil, formNone
		}
		return f, nil, formCancel
	case key.Matches(k, keys.Submit):
		return f, nil, formSubmit
	case key.Matches(k, keys.NextField):
		ff.touched = true
		f.focus = (f.focus + 1) % len(f.fields)
		f.refocus()
		return f, nil, formNone
	case key.Matches(k, keys.PrevField):
		ff.touched = true
		f.focus = (f.focus + len(f.fields) - 1) % len(f.fields)
		f.refocus()
		return f, nil, formNone
	}
	if ff.choices != nil {
		n := len(ff.choices)
		switch {
		case key.Matches(k, keys.ChoicePrev):
			ff.choice = (ff.choice + n - 1) % n
		case key.Matches(k, keys.ChoiceNext):
			ff.choice = (ff.choice + 1) % n
		default:
			if d, err := strconv.Atoi(k.String()); err == nil && d >= 1 && d <= n {
				ff.choice = d - 1
			} else {
				return f, nil, formNone
			}
		}
		ff.touched = true
		return f, nil, formChanged
	}
	before := ff.input.Value()
	// A default the field is full of would take no typing at all (a date,
	// a time): typing replaces it, as it does where replace is set.
	full := ff.input.CharLimit > 0 && utf8.RuneCountInString(before) >= ff.input.CharLimit
	if (ff.replace || full) && !ff.touched && before == ff.initial && k.Type == tea.KeyRunes {
		ff.input.SetValue("")
	}
	var cmd tea.Cmd
	ff.input, cmd = ff.input.Update(msg)
	if ff.input.Value() != before {
		ff.touched = true
		return f, cmd, formChanged
	}
	return f, cmd, formNone
}

// labelWidth is the widest label, so inputs line up.
func (f form) labelWidth() int {
	w := 0
	for _, ff := range f.fields {
		w = max(w, ansi.StringWidth(ff.label))
	}
	return w
}

// View draws the form in w cells; extra lines (suggestions) may follow the
// field called after.
func (f form) View(w int, st styles, after string, extra string) string {
	var b strings.Builder
	if f.title != "" {
		b.WriteString(st.heading.Render(clip(f.title, w)) + "\n")
	}
	lw := f.labelWidth()
	inputW := min(36, max(10, w-lw-6))
	for i, ff := range f.fields {
		mark := "  "
		if i == f.focus {
			mark = "> "
		}
		var val string
		if ff.choices != nil {
			if len(ff.choices) > 0 {
				val = "< " + ff.choices[ff.choice].In(f.env.lang) + " >"
			}
		} else {
			in := ff.input
			in.Width = inputW - 1
			val = in.View()
		}
		line := mark + fit(ff.label, lw) + "  " + fit(val, inputW)
		if ff.err != "" {
			// Beside the field when it fits, else wrapped under it: the
			// end of a message says how to fix the input.
			msg := "! " + ff.err
			if room := w - ansi.StringWidth(line) - 1; ansi.StringWidth(msg) <= room {
				line += " " + st.err.Render(msg)
			} else {
				indent := strings.Repeat(" ", lw+4)
				for _, l := range strings.Split(wrap(msg, max(w-lw-4, 10)), "\n") {
					line += "\n" + indent + st.err.Render(l)
				}
			}
		}
		b.WriteString(line + "\n")
		if ff.name == after && extra != "" {
			b.WriteString(extra + "\n")
		}
	}
	if f.err != "" {
		b.WriteString(st.err.Render(wrap("! "+f.err, w)) + "\n")
	}
	if f.info != "" {
		b.WriteString(st.ok.Render(wrap(f.info, w)) + "\n")
	}
	if f.asking {
		b.WriteString(st.err.Render(clipLines(wrap(f.env.tr(lang.DiscardAsk), w), w, -1)))
		return b.String()
	}
	k := f.env.keys
	b.WriteString(st.muted.Render(clip(helpLine(k.NextField, k.ChoiceNext, k.Submit, k.Back), w)))
	return b.String()
}

// helpLine draws bindings as one line of "key what" pairs, the way the footer
// shows them, for hints inside a pane.
func helpLine(bs ...key.Binding) string {
	var parts []string
	for _, b := range bs {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(parts, "  ")
}
