package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/lang"
	"frontdesk/store"
)

// setupVenues is how many venues the first-run form offers; more can be
// added later with `frontdesk init --venue`.
const setupVenues = 3

// setupModel is the first-run form: the center's name, who is setting it
// up, and its venues.
type setupModel struct {
	env           *env
	form          form
	width, height int
	saving        bool
}

// setupDoneMsg says the center is set up; staff is who set it up.
type setupDoneMsg struct{ staff string }

// setupErrMsg is the store's answer to a setup it refused.
type setupErrMsg struct{ err error }

func newSetupModel(e *env) setupModel {
	f := newForm(e, e.tr(lang.SetupTitle))
	f.text("center", e.tr(lang.Center), "", 60)
	f.text("staff", e.tr(lang.YourName), e.staff, 30)
	for i := 1; i <= setupVenues; i++ {
		f.text(fmt.Sprintf("v%dname", i), fmt.Sprintf(e.tr(lang.VenueN), i), "", 30)
		f.text(fmt.Sprintf("v%dcap", i), fmt.Sprintf(e.tr(lang.CapacityN), i), "", 5)
		f.text(fmt.Sprintf("v%dhours", i), fmt.Sprintf(e.tr(lang.HoursN), i), "08:00-21:00", 11)
	}
	return setupModel{env: e, form: f}
}

// SetSize gives the form its room.
func (m setupModel) SetSize(w, h int) setupModel { m.width, m.height = w, h; return m }

// input reads the form into the store's InitInput, with errors of the desk's
// own (numbers, hours) put beside their fields.
func (m *setupModel) input() (store.InitInput, bool) {
	f := &m.form
	in := store.InitInput{Center: f.value("center"), Staff: f.value("staff")}
	ok := true
	for i := 1; i <= setupVenues; i++ {
		p := fmt.Sprintf("v%d", i)
		name := f.value(p + "name")
		if name == "" {
			continue
		}
		n, good := f.number(p + "cap")
		if !good {
			f.fieldError(p+"cap", m.env.tr(lang.NotInt))
			ok = false
			continue
		}
		opens, closes, cut := strings.Cut(f.value(p+"hours"), "-")
		if f.value(p+"hours") != "" && !cut {
			f.fieldError(p+"hours", m.env.tr(lang.HoursBad))
			ok = false
			continue
		}
		v := store.VenueInput{Name: name, Capacity: n, OpensAt: strings.TrimSpace(opens), ClosesAt: strings.TrimSpace(closes)}
		spec := fmt.Sprintf("%s:%d", v.Name, v.Capacity)
		if v.OpensAt != "" || v.ClosesAt != "" {
			spec += ":" + v.OpensAt + "-" + v.ClosesAt
		}
		if _, err := store.ParseVenueSpec(spec); err != nil {
			field := map[string]string{"name": "name", "capacity": "cap", "opens_at": "hours", "closes_at": "hours"}[store.ErrorField(err)]
			if field == "" {
				field = "hours"
			}
			f.fieldError(p+field, store.ErrorMessage(err, m.env.lang))
			ok = false
			continue
		}
		in.Venues = append(in.Venues, v)
	}
	return in, ok
}

// Update edits the form; enter saves it through db.Init.
func (m setupModel) Update(msg tea.Msg) (setupModel, tea.Cmd) {
	switch msg := msg.(type) {
	case setupErrMsg:
		m.saving = false
		m.form.showError(msg.err, true)
		return m, nil
	case tea.KeyMsg:
		if m.env == nil || m.saving {
			return m, nil
		}
		var act formAction
		var cmd tea.Cmd
		m.form, cmd, act = m.form.Update(msg)
		switch act {
		case formChanged, formNone:
			m.form.clearErrors()
			m.input()
		case formSubmit:
			m.form.clearErrors()
			in, ok := m.input()
			if !ok {
				return m, nil
			}
			if len(in.Venues) == 0 {
				m.form.err = m.env.tr(lang.NeedVenue)
				m.form.setFocus("v1name")
				return m, nil
			}
			m.saving = true
			return m, initCenterCmd(m.env.db, in)
		}
		return m, cmd
	}
	return m, nil
}

func initCenterCmd(db *store.DB, in store.InitInput) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := (&env{db: db}).ctx()
		defer cancel()
		if err := db.Init(ctx, in); err != nil {
			return setupErrMsg{err}
		}
		return setupDoneMsg{staff: in.Staff}
	}
}

// View draws the form.
func (m setupModel) View() string { return m.form.View(m.width, m.env.st, "", "") }

// staffModel picks who is on duty: one of the staff, or a new name.
type staffModel struct {
	env           *env
	list          []store.Staff
	cursor        int
	input         lineInput
	width, height int
	err           string
}

// staffPickedMsg names the staff member on duty.
type staffPickedMsg string

// staffListMsg is the staff list as loaded.
type staffListMsg []store.Staff

// staffErrMsg is the store's answer to a name it refused.
type staffErrMsg struct{ err error }

func newStaffModel(e *env) staffModel {
	in := lineInput{cursor: e.st.cursor}
	in.Prompt = e.tr(lang.NewStaff) + ": "
	in.CharLimit = 30
	in.Focus()
	return staffModel{env: e, input: in}
}

// SetSize gives the list its room.
func (m staffModel) SetSize(w, h int) staffModel { m.width, m.height = w, h; return m }

func (m staffModel) capturing() bool { return true }

func (m staffModel) load() tea.Cmd {
	db := m.env.db
	return func() tea.Msg {
		ctx, cancel := (&env{db: db}).ctx()
		defer cancel()
		list, err := db.StaffList(ctx)
		if err != nil {
			return errMsg{err}
		}
		var active []store.Staff
		for _, s := range list {
			if s.Active {
				active = append(active, s)
			}
		}
		return staffListMsg(active)
	}
}

func ensureStaffCmd(db *store.DB, name string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := (&env{db: db}).ctx()
		defer cancel()
		s, err := db.StartDesk(ctx, name)
		if err != nil {
			return staffErrMsg{err}
		}
		return staffPickedMsg(s.Name)
	}
}

// Update moves through the list or types a new name; enter picks.
func (m staffModel) Update(msg tea.Msg) (staffModel, tea.Cmd) {
	switch msg := msg.(type) {
	case staffListMsg:
		m.list = msg
		return m, nil
	case staffErrMsg:
		m.err = store.ErrorMessage(msg.err, m.env.lang)
		return m, nil
	case tea.KeyMsg:
		if m.env == nil {
			return m, nil
		}
		k := m.env.keys
		switch {
		case key.Matches(msg, k.SuggestUp):
			if m.cursor > 0 {
				m.cursor--
			}
			return m, nil
		case key.Matches(msg, k.SuggestDown):
			if m.cursor < len(m.list)-1 {
				m.cursor++
			}
			return m, nil
		case key.Matches(msg, k.Enter):
			if name := strings.TrimSpace(m.input.Value()); name != "" {
				return m, ensureStaffCmd(m.env.db, name)
			}
			if m.cursor < len(m.list) {
				name := m.list[m.cursor].Name
				return m, func() tea.Msg { return staffPickedMsg(name) }
			}
			return m, nil
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		m.err = ""
		return m, cmd
	}
	return m, nil
}

// View draws the list and the input.
func (m staffModel) View() string {
	st := m.env.st
	var b strings.Builder
	b.WriteString(st.heading.Render(clip(m.env.tr(lang.PickStaff), m.width)) + "\n\n")
	for i, s := range m.list {
		if i == m.cursor && strings.TrimSpace(m.input.Value()) == "" {
			b.WriteString("> " + st.selected.Render(s.Name) + "\n")
		} else {
			b.WriteString("  " + s.Name + "\n")
		}
	}
	b.WriteString("\n" + m.input.View())
	if m.err != "" {
		b.WriteString("\n" + st.err.Render("! "+m.err))
	}
	return b.String()
}
