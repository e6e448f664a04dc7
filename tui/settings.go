package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"frontdesk/lang"
	"frontdesk/store"
)

// settingsSection is one part of the settings tab.
type settingsSection int

const (
	sectionVenues settingsSection = iota
	sectionStaff
	sectionCenter
	sectionHistory
	sectionCount
)

// settingsForm says which form the settings tab shows.
type settingsForm int

const (
	noSettingsForm settingsForm = iota
	venueAddForm
	venueEditForm
	staffAddForm
	staffEditForm
	centerForm
)

// settingsTab is the manager's 设置: venues, staff, the center's settings
// and the history of every change. Desk staff see it read only; the store
// refuses their changes anyway.
type settingsTab struct {
	env           *env
	width, height int
	section       settingsSection
	manager       bool
	loaded        bool

	venues   []store.Venue
	staff    []store.Staff
	history  []store.AdminEvent
	settings store.Settings
	identity store.Identity
	table    table

	formKind settingsForm
	form     form
	editID   int64
	saving   bool
	// suggestSeq numbers the login suggestions asked for, so a slow answer
	// for an older name is dropped.
	suggestSeq int

	// listed are bookings the last change touched (a venue shrunk or
	// closed under them), shown under the list until the next key.
	listed     []store.Booking
	listedHead string
}

// settingsLoadedMsg is everything the tab shows.
type settingsLoadedMsg struct {
	manager  bool
	venues   []store.Venue
	staff    []store.Staff
	history  []store.AdminEvent
	settings store.Settings
	identity store.Identity
}

// settingsSavedMsg says a change went through, with the bookings it touched.
type settingsSavedMsg struct {
	notice     string
	listed     []store.Booking
	listedHead string
}

// settingsErrMsg is the store's answer to a form it refused.
type settingsErrMsg struct{ err error }

// venueCloseAskMsg says a venue has approved bookings to come: the tab lists
// them and asks before forcing.
type venueCloseAskMsg struct {
	venue    store.Venue
	bookings []store.Booking
}

func newSettingsTab(e *env) tab { return settingsTab{env: e} }

func (m settingsTab) title() lang.Text       { return lang.TabSettings }
func (m settingsTab) keeps(kind string) bool { return false }
func (m settingsTab) capturing() bool        { return m.formKind != noSettingsForm }
func (m settingsTab) dirty() bool            { return m.formKind != noSettingsForm && m.form.dirty() }

// SetSize gives the tab its room.
func (m settingsTab) SetSize(w, h int) tab { m.width, m.height = w, h; return m }

// Open keeps no records of its own.
func (m settingsTab) Open(openRecordMsg) (tab, tea.Cmd, bool) { return m, nil, false }

// actor is who the desk's changes are made as.
func (m settingsTab) actor() store.Actor { return store.Actor{Staff: m.env.staff} }

// load reads venues, staff, settings and history, and whether the person on
// duty is a manager.
func (m settingsTab) load() tea.Cmd {
	e := m.env
	return func() tea.Msg {
		ctx, cancel := e.readCtx()
		defer cancel()
		var msg settingsLoadedMsg
		var err error
		if msg.manager, err = e.db.IsManager(ctx, e.staff); err != nil {
			return errMsg{err}
		}
		if msg.venues, err = e.db.Venues(ctx, false); err != nil {
			return errMsg{err}
		}
		if msg.staff, err = e.db.StaffList(ctx); err != nil {
			return errMsg{err}
		}
		if msg.history, err = e.db.AdminHistory(ctx, "", 0, 0); err != nil {
			return errMsg{err}
		}
		msg.settings = e.db.Settings()
		if msg.identity, err = e.db.Identity(ctx); err != nil {
			return errMsg{err}
		}
		return msg
	}
}

// saveCmd runs one change and reports it with notice.
func saveCmd(e *env, do func() (settingsSavedMsg, error)) tea.Cmd {
	return func() tea.Msg {
		msg, err := do()
		if err != nil {
			return settingsErrMsg{err}
		}
		return msg
	}
}

// Update answers the tab's data and keys.
func (m settingsTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	switch msg := msg.(type) {
	case settingsLoadedMsg:
		m.loaded, m.manager = true, msg.manager
		m.venues, m.staff, m.history, m.settings = msg.venues, msg.staff, msg.history, msg.settings
		m.identity = msg.identity
		m.fillTable()
		return m, nil
	case settingsSavedMsg:
		m.saving, m.formKind = false, noSettingsForm
		m.listed, m.listedHead = msg.listed, msg.listedHead
		return m, tea.Batch(m.load(), notice(msg.notice))
	case settingsErrMsg:
		m.saving = false
		if m.formKind != noSettingsForm {
			m.form.showError(formError(msg.err), true)
			return m, nil
		}
		return m, func() tea.Msg { return errMsg(msg) }
	case loginSuggestedMsg:
		if msg.seq == m.suggestSeq && m.formKind == staffAddForm {
			m.form.info = fmt.Sprintf(m.env.tr(lang.StaffHint), msg.login)
		}
		return m, nil
	case venueCloseAskMsg:
		e := m.env
		m.listed, m.listedHead = msg.bookings, fmt.Sprintf(e.tr(lang.ComingBookings), msg.venue.Name)
		return m, ask(fmt.Sprintf(e.tr(lang.AskForceClose), msg.venue.Name, len(msg.bookings)), m.closeVenueCmd(msg.venue, true))
	case tea.KeyMsg:
		if m.env == nil {
			return m, nil
		}
		if m.formKind != noSettingsForm {
			return m.updateForm(msg)
		}
		return m.updateList(msg)
	}
	return m, nil
}

// formError names the form's hours field for the store's opening and
// closing times, which the form keeps in one field.
func formError(err error) error {
	var se *store.Error
	if errors.As(err, &se) && (se.Field == "opens_at" || se.Field == "closes_at") {
		c := *se
		c.Field = "hours"
		return &c
	}
	return err
}

func (m *settingsTab) fillTable() {
	e := m.env
	m.table.rows = m.table.rows[:0]
	switch m.section {
	case sectionVenues:
		for _, v := range m.venues {
			m.table.rows = append(m.table.rows, []string{fmt.Sprint(v.ID), v.Name, fmt.Sprint(v.Capacity), v.Hours(),
				m.activeText(v.Active), v.Facilities})
		}
	case sectionStaff:
		for _, s := range m.staff {
			pw := e.tr(lang.PasswordNone)
			if s.HasPassword {
				pw = e.tr(lang.PasswordSet)
			}
			m.table.rows = append(m.table.rows, []string{s.Name, s.Login, e.label(store.Roles, s.Role), m.activeText(s.Active),
				pw, fmt.Sprint(len(s.Keys))})
		}
	case sectionHistory:
		loc := e.db.Location()
		for _, h := range m.history {
			m.table.rows = append(m.table.rows, []string{h.At.In(loc).Format("2006-01-02 15:04"), h.Describe(e.lang)})
		}
	}
	m.table.clampCursor(m.tableHeight())
}

func (m settingsTab) activeText(active bool) string {
	if active {
		return m.env.tr(lang.Active)
	}
	return m.env.tr(lang.Inactive)
}

func (m settingsTab) columns() []column {
	e := m.env
	switch m.section {
	case sectionVenues:
		return []column{{e.tr(lang.ColID), 4, 0}, {e.tr(lang.DeskVenueName), 10, 2}, {e.tr(lang.ColCapacity), 6, 0},
			{e.tr(lang.ColHours), 11, 0}, {e.tr(lang.ColState), 4, 0}, {e.tr(lang.ColFacilities), 8, 2}}
	case sectionStaff:
		return []column{{e.tr(lang.DeskStaffName), 8, 2}, {e.tr(lang.ColLogin), 10, 2}, {e.tr(lang.ColRole), 6, 0},
			{e.tr(lang.ColState), 4, 0}, {e.tr(lang.ColPassword), 4, 0}, {e.tr(lang.ColKeys), 8, 0}}
	}
	return []column{{e.tr(lang.ColTime), 16, 0}, {e.tr(lang.ColWhat), 20, 4}}
}

func (m settingsTab) updateList(msg tea.KeyMsg) (settingsTab, tea.Cmd) {
	k := m.env.keys
	m.listed, m.listedHead = nil, ""
	switch {
	case key.Matches(msg, k.PrevSection):
		m.section = (m.section + sectionCount - 1) % sectionCount
		m.table.cursor, m.table.offset = 0, 0
		m.fillTable()
		return m, nil
	case key.Matches(msg, k.NextSection):
		m.section = (m.section + 1) % sectionCount
		m.table.cursor, m.table.offset = 0, 0
		m.fillTable()
		return m, nil
	}
	if m.section != sectionCenter && m.table.moveByKey(msg, k, m.tableHeight()) {
		return m, nil
	}
	change := key.Matches(msg, k.New) || key.Matches(msg, k.Enter) || key.Matches(msg, k.Toggle)
	if !change {
		return m, nil
	}
	if !m.manager {
		return m, notice(m.env.tr(lang.ReadOnly))
	}
	switch m.section {
	case sectionVenues:
		v, ok := rowAt(m.venues, m.table.cursor)
		switch {
		case key.Matches(msg, k.New):
			m.openForm(venueAddForm, store.Venue{}, store.Staff{})
		case !ok:
		case key.Matches(msg, k.Enter):
			m.openForm(venueEditForm, v, store.Staff{})
		case key.Matches(msg, k.Toggle):
			return m, m.closeVenueCmd(v, false)
		}
	case sectionStaff:
		s, ok := rowAt(m.staff, m.table.cursor)
		switch {
		case key.Matches(msg, k.New):
			m.openForm(staffAddForm, store.Venue{}, store.Staff{})
		case !ok:
		case key.Matches(msg, k.Enter):
			m.openForm(staffEditForm, store.Venue{}, s)
		case key.Matches(msg, k.Toggle) && s.Active:
			return m, ask(fmt.Sprintf(m.env.tr(lang.AskStaffOff), s.Name), m.staffActiveCmd(s, false))
		case key.Matches(msg, k.Toggle):
			return m, m.staffActiveCmd(s, true)
		}
	case sectionCenter:
		if key.Matches(msg, k.Enter) {
			m.openForm(centerForm, store.Venue{}, store.Staff{})
		}
	}
	return m, nil
}

// closeVenueCmd closes an open venue (asking first when it has approved
// bookings to come, unless force) or opens a closed one.
func (m settingsTab) closeVenueCmd(v store.Venue, force bool) tea.Cmd {
	e, actor := m.env, m.actor()
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		kept, err := e.db.SetVenueActive(ctx, actor, v.ID, !v.Active, force)
		var se *store.Error
		if errors.As(err, &se) && len(se.Bookings) > 0 {
			return venueCloseAskMsg{venue: v, bookings: se.Bookings}
		}
		if err != nil {
			return errMsg{err}
		}
		if v.Active {
			msg := settingsSavedMsg{notice: fmt.Sprintf(e.tr(lang.DeskVenueClosed), v.Name)}
			if len(kept) > 0 {
				msg.listed, msg.listedHead = kept, fmt.Sprintf(e.tr(lang.KeptBookings), v.Name, len(kept))
			}
			return msg
		}
		return settingsSavedMsg{notice: fmt.Sprintf(e.tr(lang.VenueOpened), v.Name)}
	}
}

func (m settingsTab) staffActiveCmd(s store.Staff, active bool) tea.Cmd {
	e, actor := m.env, m.actor()
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		if _, err := e.db.SetStaffActive(ctx, actor, s.ID, active); err != nil {
			return errMsg{err}
		}
		if active {
			return settingsSavedMsg{notice: fmt.Sprintf(e.tr(lang.StaffOn), s.Name)}
		}
		return settingsSavedMsg{notice: fmt.Sprintf(e.tr(lang.StaffOff), s.Name)}
	}
}

// openForm starts the form of kind, filled from the venue or staff member it
// edits.
func (m *settingsTab) openForm(kind settingsForm, v store.Venue, s store.Staff) {
	e := m.env
	m.formKind, m.saving = kind, false
	switch kind {
	case venueAddForm, venueEditForm:
		f := newForm(e, e.tr(lang.NewVenue))
		hours, capacity := "08:00-21:00", ""
		if kind == venueEditForm {
			f.title = fmt.Sprintf(e.tr(lang.EditVenue), v.Name)
			hours, capacity = v.Hours(), fmt.Sprint(v.Capacity)
			m.editID = v.ID
		}
		f.text("name", e.tr(lang.DeskVenueName), v.Name, 30)
		f.text("capacity", e.tr(lang.Capacity), capacity, 5)
		f.text("hours", e.tr(lang.HoursField), hours, 11)
		f.text("facilities", e.tr(lang.ColFacilities), v.Facilities, 200)
		f.info = e.tr(lang.VenueHint)
		m.form = f
	case staffAddForm, staffEditForm:
		f := newForm(e, e.tr(lang.NewStaff2))
		role, pwLabel := store.RoleDesk, e.tr(lang.PasswordField)
		if kind == staffEditForm {
			f.title = fmt.Sprintf(e.tr(lang.EditStaff), s.Name)
			role, pwLabel = s.Role, e.tr(lang.DeskNewPassword)
			m.editID = s.ID
		}
		f.text("name", e.tr(lang.DeskStaffName), s.Name, 30)
		f.choose("role", e.tr(lang.ColRole), store.Roles, role)
		f.text("login", e.tr(lang.LoginField), s.Login, 32)
		f.text("key", e.tr(lang.KeyField2), "", 800)
		f.secret("password", pwLabel, 128)
		f.choose("lang", e.tr(lang.StaffLang), store.StaffLangs, s.Lang)
		f.info = fmt.Sprintf(e.tr(lang.StaffHint), "…")
		m.form = f
	case centerForm:
		st := m.settings
		f := newForm(e, e.tr(lang.CenterForm))
		f.text("center", e.tr(lang.DeskCenterName), st.CenterName, 60)
		f.text("tz", e.tr(lang.DeskTimeZone), st.TimeZone, 40)
		f.text("phone", e.tr(lang.DeskPublicPhone), st.Phone, 20)
		f.text("qr_ttl", e.tr(lang.QRTTL), durationText(st.QRTTL), 10)
		f.text("ssh_idle", e.tr(lang.SSHIdle), durationText(st.SSHIdle), 10)
		f.info = e.tr(lang.DurationHint)
		m.form = f
	}
}

// durationText writes a duration as people type it: 10m, 1h30m, 0.
func durationText(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func (m settingsTab) updateForm(msg tea.KeyMsg) (settingsTab, tea.Cmd) {
	if m.saving {
		return m, nil
	}
	var act formAction
	var cmd tea.Cmd
	m.form, cmd, act = m.form.Update(msg)
	switch act {
	case formCancel:
		m.formKind = noSettingsForm
		return m, nil
	case formSubmit:
		save, ok := m.validate(true)
		if !ok {
			return m, nil
		}
		m.saving = true
		return m, save
	case formChanged:
		m.validate(false)
		if m.formKind == staffAddForm && m.form.focused() == "name" {
			m.suggestSeq++
			return m, tea.Batch(cmd, suggestLoginCmd(m.env, m.form.value("name"), m.suggestSeq))
		}
	}
	return m, cmd
}

// loginSuggestedMsg is the login the store would give a new name.
type loginSuggestedMsg struct {
	seq   int
	login string
}

func suggestLoginCmd(e *env, name string, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		login, err := e.db.SuggestLogin(ctx, name)
		if err != nil || name == "" {
			login = "…"
		}
		return loginSuggestedMsg{seq: seq, login: login}
	}
}

// validate checks the form with the store's rules and returns the command
// that saves it; ok is false when something is wrong, the message beside
// its field.
func (m *settingsTab) validate(force bool) (tea.Cmd, bool) {
	e, actor, id := m.env, m.actor(), m.editID
	f := &m.form
	switch m.formKind {
	case venueAddForm, venueEditForm:
		n, ok := f.number("capacity")
		if !ok {
			f.clearErrors()
			f.fieldError("capacity", e.tr(lang.NotInt))
			return nil, false
		}
		in := store.VenueInput{Name: f.value("name"), Capacity: n, Facilities: f.value("facilities")}
		err := in.ParseHours(f.value("hours"))
		if err == nil {
			_, err = in.Validate()
		}
		f.showError(formError(err), force)
		if err != nil {
			return nil, false
		}
		if m.formKind == venueAddForm {
			return saveCmd(e, func() (settingsSavedMsg, error) {
				ctx, cancel := e.ctx()
				defer cancel()
				v, err := e.db.CreateVenue(ctx, actor, in)
				return settingsSavedMsg{notice: fmt.Sprintf(e.tr(lang.VenueAdded), v.Name)}, err
			}), true
		}
		return saveCmd(e, func() (settingsSavedMsg, error) {
			ctx, cancel := e.ctx()
			defer cancel()
			ch, err := e.db.UpdateVenue(ctx, actor, id, in)
			msg := settingsSavedMsg{notice: fmt.Sprintf(e.tr(lang.VenueChanged), ch.Venue.Name), listed: ch.Misfit}
			if len(ch.Misfit) > 0 {
				msg.listedHead = fmt.Sprintf(e.tr(lang.Misfits), len(ch.Misfit))
			}
			return msg, err
		}), true
	case staffAddForm, staffEditForm:
		var keys []string
		if k := f.value("key"); k != "" {
			keys = []string{k}
		}
		pw := f.fields[f.index("password")].input.Value()
		in := store.StaffInput{Name: f.value("name"), Role: f.value("role"), Login: f.value("login"), Keys: keys, Password: pw,
			Lang: f.value("lang")}
		err := in.Validate()
		f.showError(err, force)
		if err != nil {
			return nil, false
		}
		if m.formKind == staffAddForm {
			return saveCmd(e, func() (settingsSavedMsg, error) {
				ctx, cancel := e.ctx()
				defer cancel()
				s, err := e.db.CreateStaff(ctx, actor, in)
				return settingsSavedMsg{notice: fmt.Sprintf(e.tr(lang.StaffAdded), s.Name, s.Login)}, err
			}), true
		}
		ch := store.StaffChange{Rename: in.Name, Role: in.Role, Login: in.Login, AddKeys: keys, Password: pw, Lang: &in.Lang}
		return saveCmd(e, func() (settingsSavedMsg, error) {
			ctx, cancel := e.ctx()
			defer cancel()
			s, err := e.db.UpdateStaff(ctx, actor, id, ch)
			return settingsSavedMsg{notice: fmt.Sprintf(e.tr(lang.StaffChanged), s.Name)}, err
		}), true
	case centerForm:
		center, tz, phone := f.value("center"), f.value("tz"), f.value("phone")
		ch := store.SettingsChange{Center: &center, TimeZone: &tz, Phone: &phone}
		for _, name := range []string{"qr_ttl", "ssh_idle"} {
			d, err := time.ParseDuration(f.value(name))
			if f.value(name) == "0" {
				d, err = 0, nil
			}
			if err != nil {
				f.clearErrors()
				f.fieldError(name, e.tr(lang.NotDuration))
				return nil, false
			}
			if name == "qr_ttl" {
				ch.QRTTL = &d
			} else {
				ch.SSHIdle = &d
			}
		}
		err := ch.Validate()
		f.showError(err, force)
		if err != nil {
			return nil, false
		}
		return saveCmd(e, func() (settingsSavedMsg, error) {
			ctx, cancel := e.ctx()
			defer cancel()
			return settingsSavedMsg{notice: e.tr(lang.SettingsSaved)}, e.db.UpdateSettings(ctx, actor, ch)
		}), true
	}
	return nil, false
}

// head is what the tab draws above its list: the sections, with the one on
// show marked, and the read-only line for desk staff.
func (m settingsTab) head() string {
	e, st := m.env, m.env.st
	var parts []string
	for i, t := range []lang.Text{lang.SecVenues, lang.SecStaff, lang.SecCenter, lang.SecHistory} {
		if settingsSection(i) == m.section {
			parts = append(parts, st.selected.Render(" "+e.tr(t)+" "))
		} else {
			parts = append(parts, " "+e.tr(t)+" ")
		}
	}
	line := clip(strings.Join(parts, "│"), m.width)
	hint := e.tr(lang.SettingsHint)
	if !m.manager {
		return line + "\n" + st.err.Render(clip(e.tr(lang.ReadOnly), m.width))
	}
	return line + "\n" + st.muted.Render(clip(hint, m.width))
}

// foot lists the bookings the last change touched.
func (m settingsTab) foot() string {
	if len(m.listed) == 0 {
		return ""
	}
	e, st := m.env, m.env.st
	loc := e.db.Location()
	lines := []string{st.err.Render(clip(m.listedHead, m.width))}
	for i, b := range m.listed {
		if i == 6 {
			lines = append(lines, clip(fmt.Sprintf("  … +%d", len(m.listed)-i), m.width))
			break
		}
		lines = append(lines, clip(fmt.Sprintf("  %s %s %s-%s %s %s %s %s", b.ReceiptNo, b.Start.In(loc).Format("01-02"),
			b.Start.In(loc).Format("15:04"), b.End.In(loc).Format("15:04"), e.label(store.BookingStatuses, b.Status),
			b.Org, b.Contact, store.MaskPhone(b.Phone)), m.width))
	}
	return strings.Join(lines, "\n")
}

// tableHeight is the room between the head and the foot.
func (m settingsTab) tableHeight() int {
	h := m.height - lipgloss.Height(m.head())
	if f := m.foot(); f != "" {
		h -= lipgloss.Height(f)
	}
	return max(h, 2)
}

// centerView shows the center's settings.
func (m settingsTab) centerView() string {
	e, s := m.env, m.settings
	ttl := durationText(s.QRTTL)
	phone := s.Phone
	if phone == "" {
		phone = "—"
	}
	rows := [][2]string{{e.tr(lang.DeskCenterName), s.CenterName}, {e.tr(lang.DeskTimeZone), s.TimeZone}, {e.tr(lang.DeskPublicPhone), phone},
		{e.tr(lang.QRTTL), ttl}, {e.tr(lang.SSHIdle), durationText(s.SSHIdle)}}
	if id := m.identity; id.Set() {
		code := id.Code + " " + e.label(store.Levels, id.Level)
		if id.Parent != "" {
			code += " ↑" + id.Parent
		}
		rows = slices.Insert(rows, 1, [2]string{e.tr(lang.DeskCenterCode), code})
	}
	if e.sshAddr != "" {
		rows = append(rows, [2]string{e.tr(lang.SSHDeskAddr), e.sshAddr}, [2]string{e.tr(lang.SSHHostFingerprint), e.sshFingerprint})
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, clip("  "+fit(r[0], 16)+"  "+r[1], m.width))
	}
	if m.manager {
		lines = append(lines, "", e.st.muted.Render(clip(helpLine(e.keys.Enter), m.width)))
	}
	return strings.Join(lines, "\n")
}

// View draws the form, or the section with its heading.
func (m settingsTab) View() string {
	if m.formKind != noSettingsForm {
		return m.form.View(m.width, m.env.st, "", "")
	}
	if !m.loaded {
		return m.env.tr(lang.Loading)
	}
	out := m.head() + "\n"
	switch {
	case m.section == sectionCenter:
		out += m.centerView()
	case m.section == sectionHistory && len(m.history) == 0:
		out += m.env.tr(lang.NoHistory)
	default:
		m.table.cols = m.columns()
		out += m.table.render(m.width, m.tableHeight(), m.env.st, true)
	}
	if f := m.foot(); f != "" {
		out += "\n" + f
	}
	return out
}

// ShortHelp lists the tab's main keys.
func (m settingsTab) ShortHelp() []key.Binding {
	k := m.env.keys
	if m.formKind != noSettingsForm {
		return []key.Binding{k.Submit, k.Back}
	}
	if !m.manager {
		return []key.Binding{k.NextSection, k.Up, k.Down}
	}
	return []key.Binding{k.NextSection, k.New, k.Enter, k.Toggle}
}

// FullHelp lists all the tab's keys.
func (m settingsTab) FullHelp() [][]key.Binding {
	k := m.env.keys
	return [][]key.Binding{{k.PrevSection, k.NextSection, k.Up, k.Down}, {k.New, k.Enter, k.Toggle, k.Back}}
}
