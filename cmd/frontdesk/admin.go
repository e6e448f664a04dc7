package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"frontdesk/lang"
	"frontdesk/store"
)

// AdminFlags are the flags of venue, staff and settings.
type AdminFlags struct {
	Args       []string // the action and the name: add 报告厅
	All        bool
	Capacity   string
	Hours      string
	Facilities string
	Rename     string
	Force      bool
	Role       string
	Login      string
	Keys       []string
	KeyFile    string
	RemoveKeys []string
	Password   bool
	Phone      string
	QRTTL      string
	SSHIdle    string
	LangPref   string
}

// takesArgs says which commands take an action and a name after them.
func takesArgs(command string) bool { return command == "venue" || command == "staff" }

// parseInterspersed parses flags that may stand before, between or after
// the positional arguments (venue add 报告厅 --capacity 100), when withArgs;
// otherwise it parses as flag does and returns what is left.
func parseInterspersed(fs *flag.FlagSet, args []string, withArgs bool) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if !withArgs {
		return fs.Args(), nil
	}
	var rest []string
	for fs.NArg() > 0 {
		rest = append(rest, fs.Arg(0))
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return nil, err
		}
	}
	return rest, nil
}

func venueFlags(m *Main, fs *flag.FlagSet) {
	a := &m.Admin
	fs.BoolVar(&a.All, "all", false, m.tr(lang.ListIncludeDeactivatedOnesWithHistory))
	fs.StringVar(&m.Format, "format", "text", m.tr(lang.ListFormatTextOrJson))
	fs.StringVar(&a.Capacity, "capacity", "", m.tr(lang.Capacity1To10000))
	fs.StringVar(&a.Hours, "hours", "", m.tr(lang.OpeningHoursHHMMHHMM))
	fs.StringVar(&a.Facilities, "facilities", "", m.tr(lang.FacilitiesEGProjectorSound))
	fs.StringVar(&a.Rename, "rename", "", m.tr(lang.EditNewNameIdStaysOld))
	fs.BoolVar(&a.Force, "force", false, m.tr(lang.DisableCloseItEvenWithApproved))
	fs.StringVar(&m.Staff, "staff", "", m.tr(lang.ManagerMakingChangeDefaultDatabaseFile))
}

func staffFlags(m *Main, fs *flag.FlagSet) {
	a := &m.Admin
	fs.BoolVar(&a.All, "all", false, m.tr(lang.ListIncludeDeactivatedOnesWithHistory))
	fs.StringVar(&m.Format, "format", "text", m.tr(lang.ListFormatTextOrJson))
	fs.StringVar(&a.Role, "role", "", m.tr(lang.RoleDeskDefaultOrManager))
	fs.StringVar(&a.Login, "login", "", m.tr(lang.SSHLoginLowerCaseStartingWith))
	fs.Var((*multiFlag)(&a.Keys), "key", m.tr(lang.SSHPublicKeySshEd25519AAAA))
	fs.StringVar(&a.KeyFile, "key-file", "", m.tr(lang.ReadSSHPublicKeysFromFile))
	fs.Var((*multiFlag)(&a.RemoveKeys), "remove-key", m.tr(lang.EditRemoveKeyWithFingerprintSHA256))
	fs.BoolVar(&a.Password, "password", false, m.tr(lang.SetPasswordReadFromTerminalOr))
	fs.StringVar(&a.LangPref, "lang-pref", "", m.tr(lang.LangPrefFlag))
	fs.StringVar(&a.Rename, "rename", "", m.tr(lang.EditCorrectNameOldRecordsKeep))
	fs.StringVar(&m.Staff, "staff", "", m.tr(lang.ManagerMakingChangeDefaultDatabaseFile))
}

func settingsFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Center, "center", "", m.tr(lang.CenterSName))
	fs.StringVar(&m.TZ, "tz", "", m.tr(lang.TimeZoneEGAsiaShanghai))
	fs.StringVar(&m.Admin.Phone, "phone", "", m.tr(lang.CenterSPhoneShownToVisitors))
	fs.StringVar(&m.Admin.QRTTL, "qr-ttl", "", m.tr(lang.QRRotationEG10m0))
	fs.StringVar(&m.Admin.SSHIdle, "ssh-idle", "", m.tr(lang.HowLongSSHDeskMaySit))
	fs.StringVar(&m.Staff, "staff", "", m.tr(lang.ManagerMakingChangeDefaultDatabaseFile))
	fs.StringVar(&m.Format, "format", "text", m.tr(lang.FormatTextOrJson))
}

// action splits the positional arguments into the action and its name.
func (m *Main) action(what string, actions ...string) (string, string, error) {
	args := m.Admin.Args
	usage := fmt.Sprintf("frontdesk %s %s", what, strings.Join(actions, "|"))
	if len(args) == 0 {
		return "", "", fmt.Errorf("%s", m.tr(lang.GiveAction.Format(usage)))
	}
	act := args[0]
	known := false
	for _, a := range actions {
		known = known || a == act
	}
	if !known {
		return "", "", fmt.Errorf("%s", m.tr(lang.UnknownAction.Format(act, usage)))
	}
	if act == "list" {
		if len(args) > 1 {
			return "", "", m.extraArgs(args[1:])
		}
		return act, "", nil
	}
	if len(args) < 2 || strings.TrimSpace(args[1]) == "" {
		return "", "", fmt.Errorf("%s", m.tr(lang.GiveNameFrontdeskNAME.Format(what, act)))
	}
	if len(args) > 2 {
		return "", "", m.extraArgs(args[2:])
	}
	return act, args[1], nil
}

func (m *Main) extraArgs(rest []string) error {
	return fmt.Errorf("%s", m.tr(lang.UnexpectedArgumentsQuoteNameWithSpaces.Format(strings.Join(rest, " "))))
}

// flagOf names the flag behind a store error's field, so the message says
// which flag to fix.
var flagOf = map[string]string{
	"capacity": "--capacity", "opens_at": "--hours", "closes_at": "--hours", "hours": "--hours", "facilities": "--facilities",
	"login": "--login", "key": "--key", "password": "--password", "role": "--role", "tz": "--tz", "phone": "--phone",
	"center": "--center", "qr_ttl": "--qr-ttl", "ssh_idle": "--ssh-idle", "staff": "--staff",
	"lang": "--lang-pref",
}

// fieldError puts the flag in front of a store error's message.
func (m *Main) fieldError(err error) error {
	var se *store.Error
	if !errors.As(err, &se) || se.Code == store.EINTERNAL {
		return err
	}
	f := flagOf[se.Field]
	if se.Field == "name" {
		f = m.tr(lang.NAME)
		if m.Admin.Rename != "" {
			f = "--rename"
		}
	}
	if f == "" {
		return err
	}
	return fmt.Errorf("%s%s%s", f, m.tr(lang.ColonSep), se.Message(m.Lang))
}

func (m *Main) checkFormat() error {
	if m.Format != "text" && m.Format != "json" {
		return fmt.Errorf("%s", m.tr(lang.FormatMustBeTextOrJson.Format(m.Format)))
	}
	return nil
}

// capacity reads --capacity.
func (m *Main) capacity() (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(m.Admin.Capacity))
	if err != nil {
		return 0, fmt.Errorf("%s", m.tr(lang.CapacityIsNotWholeNumberFrom.Format(m.Admin.Capacity, store.MaxCapacity)))
	}
	return n, nil
}

// venueInput applies the flags given to in.
func (m *Main) venueInput(in store.VenueInput) (store.VenueInput, error) {
	if m.set["capacity"] {
		n, err := m.capacity()
		if err != nil {
			return in, err
		}
		in.Capacity = n
	}
	if m.set["hours"] {
		if err := in.ParseHours(m.Admin.Hours); err != nil {
			return in, m.fieldError(err)
		}
	}
	if m.set["facilities"] {
		in.Facilities = m.Admin.Facilities
	}
	if m.set["rename"] {
		in.Name = m.Admin.Rename
	}
	return in, nil
}

func (m *Main) runVenue(ctx context.Context) error {
	act, name, err := m.action("venue", "list", "add", "edit", "disable", "enable")
	if err != nil {
		return err
	}
	if err := m.requireInit(); err != nil {
		return err
	}
	if act == "list" {
		return m.listVenues(ctx)
	}
	actor, err := m.actor()
	if err != nil {
		return err
	}
	if act == "add" {
		if !m.set["capacity"] {
			return fmt.Errorf("%s", m.tr(lang.CapacityGiveCapacity))
		}
		in, err := m.venueInput(store.VenueInput{Name: name})
		if err != nil {
			return err
		}
		v, err := m.DB.CreateVenue(ctx, actor, in)
		if err != nil {
			return m.fieldError(err)
		}
		fmt.Fprintf(m.Stdout, m.tr(lang.AddedVenueCapacityOpen), v.ID, v.Name, v.Capacity, v.Hours())
		return nil
	}
	v, err := m.DB.VenueByName(ctx, name)
	if err != nil {
		return err
	}
	switch act {
	case "edit":
		in, err := m.venueInput(v.Input())
		if err != nil {
			return err
		}
		ch, err := m.DB.UpdateVenue(ctx, actor, v.ID, in)
		if err != nil {
			return m.fieldError(err)
		}
		w := ch.Venue
		fmt.Fprintf(m.Stdout, m.tr(lang.ChangedVenueCapacityOpen), w.ID, w.Name, w.Capacity, w.Hours())
		if len(ch.Misfit) > 0 {
			fmt.Fprintf(m.Stdout, m.tr(lang.ComingBookingsExceedNewCapacityOr), len(ch.Misfit))
			m.printBookings(ch.Misfit)
		}
	case "disable":
		kept, err := m.DB.SetVenueActive(ctx, actor, v.ID, false, m.Admin.Force)
		if err != nil {
			var se *store.Error
			if errors.As(err, &se) && len(se.Bookings) > 0 {
				fmt.Fprintln(m.Stderr, m.tr(lang.ApprovedBookingsToCome))
				m.printBookingsTo(m.Stderr, se.Bookings)
			}
			return err
		}
		fmt.Fprintf(m.Stdout, m.tr(lang.VenueIsClosedPhonesAndDesk), v.Name)
		if len(kept) > 0 {
			fmt.Fprintf(m.Stdout, m.tr(lang.ApprovedBookingsStandTellTheirOrganisers), len(kept))
			m.printBookings(kept)
		}
	case "enable":
		if _, err := m.DB.SetVenueActive(ctx, actor, v.ID, true, false); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, m.tr(lang.VenueIsOpenToBookings), v.Name)
	}
	return nil
}

func (m *Main) printBookings(list []store.Booking) { m.printBookingsTo(m.Stdout, list) }

func (m *Main) printBookingsTo(w io.Writer, list []store.Booking) {
	loc := m.DB.Location()
	for _, b := range list {
		fmt.Fprintf(w, "  %s  %s %s-%s  %s  %s  %s %s  %s\n", b.ReceiptNo, b.Start.In(loc).Format("2006-01-02"), b.Start.In(loc).Format("15:04"),
			b.End.In(loc).Format("15:04"), store.LabelOf(store.BookingStatuses, b.Status).In(m.Lang), b.Title, b.Org, b.Contact, store.MaskPhone(b.Phone))
	}
}

// venueJSON is one venue of `venue list --format json`.
type venueJSON struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Capacity   int    `json:"capacity"`
	Hours      string `json:"hours"`
	Facilities string `json:"facilities"`
	Active     bool   `json:"active"`
}

func (m *Main) listVenues(ctx context.Context) error {
	if err := m.checkFormat(); err != nil {
		return err
	}
	list, err := m.DB.Venues(ctx, !m.Admin.All)
	if err != nil {
		return err
	}
	if m.Format == "json" {
		out := []venueJSON{}
		for _, v := range list {
			out = append(out, venueJSON{v.ID, v.Name, v.Capacity, v.Hours(), v.Facilities, v.Active})
		}
		return m.writeJSON(out)
	}
	rows := [][]string{{m.tr(lang.Id), m.tr(lang.StoreName), m.tr(lang.CmdCapacity), m.tr(lang.StoreHours),
		m.tr(lang.State), m.tr(lang.StoreFacilities)}}
	for _, v := range list {
		rows = append(rows, []string{fmt.Sprint(v.ID), v.Name, fmt.Sprint(v.Capacity), v.Hours(), m.activeText(v.Active), v.Facilities})
	}
	writeTable(m.Stdout, rows)
	if m.Admin.All {
		return m.printHistory(ctx, store.KindVenue)
	}
	return nil
}

func (m *Main) activeText(active bool) string {
	if active {
		return m.tr(lang.Active)
	}
	return m.tr(lang.Inactive)
}

func (m *Main) writeJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printHistory prints the changes of one kind, oldest first.
func (m *Main) printHistory(ctx context.Context, kind string) error {
	h, err := m.DB.AdminHistory(ctx, kind, 0, 0)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout)
	fmt.Fprintln(m.Stdout, m.tr(lang.CmdHistory))
	if len(h) == 0 {
		fmt.Fprintln(m.Stdout, m.tr(lang.CmdNone))
	}
	loc := m.DB.Location()
	for i := len(h) - 1; i >= 0; i-- {
		fmt.Fprintf(m.Stdout, "  %s  %s\n", h[i].At.In(loc).Format("2006-01-02 15:04"), h[i].Describe(m.Lang))
	}
	return nil
}

// writeTable prints rows as columns aligned for Chinese (double-width runes).
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// keys gathers --key and the lines of --key-file.
func (m *Main) keys() ([]string, error) {
	keys := append([]string(nil), m.Admin.Keys...)
	if m.Admin.KeyFile != "" {
		data, err := os.ReadFile(m.Admin.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("%s", m.tr(lang.KeyFileCannotRead.Format(m.Admin.KeyFile, err)))
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				keys = append(keys, l)
			}
		}
		if len(keys) == len(m.Admin.Keys) {
			return nil, fmt.Errorf("%s", m.tr(lang.KeyFileHoldsNoKey.Format(m.Admin.KeyFile)))
		}
	}
	return keys, nil
}

// password reads a new password when --password is given: from the
// terminal without echo, twice, or one line of standard input otherwise.
func (m *Main) password() (string, error) {
	if !m.Admin.Password {
		return "", nil
	}
	var pw string
	if f, ok := m.Stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		read := func(prompt string) (string, error) {
			fmt.Fprint(m.Stderr, prompt)
			b, err := term.ReadPassword(f.Fd())
			fmt.Fprintln(m.Stderr)
			return string(b), err
		}
		first, err := read(m.tr(lang.NewPassword))
		if err != nil {
			return "", err
		}
		again, err := read(m.tr(lang.Again))
		if err != nil {
			return "", err
		}
		if first != again {
			return "", fmt.Errorf("%s", m.tr(lang.PasswordTwoEntriesDifferNothingChanged))
		}
		pw = first
	} else {
		line, err := bufio.NewReader(m.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("%s", m.tr(lang.PasswordNoPasswordOnStandardInput))
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	if pw == "" {
		return "", fmt.Errorf("%s", m.tr(lang.PasswordPasswordIsEmptyItNeeds.Format(store.MinPasswordLength)))
	}
	return pw, nil
}

func (m *Main) runStaff(ctx context.Context) error {
	act, name, err := m.action("staff", "list", "add", "edit", "disable", "enable")
	if err != nil {
		return err
	}
	if act == "list" {
		return m.listStaff(ctx)
	}
	if err := m.requireInit(); err != nil {
		return err
	}
	actor, err := m.actor()
	if err != nil {
		return err
	}
	keys, err := m.keys()
	if err != nil {
		return err
	}
	pw, err := m.password()
	if err != nil {
		return err
	}
	var s store.Staff
	switch act {
	case "add":
		s, err = m.DB.CreateStaff(ctx, actor, store.StaffInput{Name: name, Role: m.Admin.Role, Login: m.Admin.Login, Keys: keys, Password: pw,
			Lang: m.Admin.LangPref})
		if err != nil {
			return m.fieldError(err)
		}
		fmt.Fprintf(m.Stdout, m.tr(lang.AddedStaffMemberLogin),
			s.ID, s.Name, s.Login, store.LabelOf(store.Roles, s.Role).In(m.Lang))
	case "edit":
		old, err := m.DB.StaffByName(ctx, name)
		if err != nil {
			return err
		}
		ch := store.StaffChange{Rename: m.Admin.Rename, Role: m.Admin.Role, Login: m.Admin.Login,
			AddKeys: keys, RemoveKeys: m.Admin.RemoveKeys, Password: pw}
		if m.set["lang-pref"] {
			ch.Lang = &m.Admin.LangPref
		}
		s, err = m.DB.UpdateStaff(ctx, actor, old.ID, ch)
		if err != nil {
			return m.fieldError(err)
		}
		fmt.Fprintf(m.Stdout, m.tr(lang.ChangedStaffMemberLogin),
			s.ID, s.Name, s.Login, store.LabelOf(store.Roles, s.Role).In(m.Lang))
	case "disable", "enable":
		old, err := m.DB.StaffByName(ctx, name)
		if err != nil {
			return err
		}
		if s, err = m.DB.SetStaffActive(ctx, actor, old.ID, act == "enable"); err != nil {
			return m.fieldError(err)
		}
		if act == "enable" {
			fmt.Fprintf(m.Stdout, m.tr(lang.IsActiveAgain), s.Name)
		} else {
			fmt.Fprintf(m.Stdout, m.tr(lang.IsDeactivatedTheyCannotStartDesk), s.Name)
		}
	}
	if s.Lang != "" && (act == "add" || act == "edit") {
		fmt.Fprintf(m.Stdout, "  %s%s%s\n", m.tr(lang.StaffLang), m.tr(lang.ColonSep), store.LabelOf(store.StaffLangs, s.Lang).In(m.Lang))
	}
	for _, k := range s.Keys {
		fmt.Fprintf(m.Stdout, "  %s\n", k.Fingerprint)
	}
	return nil
}

// staffJSON is one staff member of `staff list --format json`: keys as
// fingerprints, never a hash.
type staffJSON struct {
	ID     int64    `json:"id"`
	Name   string   `json:"name"`
	Login  string   `json:"login"`
	Role   string   `json:"role"`
	Active bool     `json:"active"`
	Keys   []string `json:"keys"`
	Lang   string   `json:"lang"` // their own language; "" the desk's
}

func (m *Main) listStaff(ctx context.Context) error {
	if err := m.checkFormat(); err != nil {
		return err
	}
	all, err := m.DB.StaffList(ctx)
	if err != nil {
		return err
	}
	var list []store.Staff
	for _, s := range all {
		if s.Active || m.Admin.All {
			list = append(list, s)
		}
	}
	if m.Format == "json" {
		out := []staffJSON{}
		for _, s := range list {
			fps := []string{}
			for _, k := range s.Keys {
				fps = append(fps, k.Fingerprint)
			}
			out = append(out, staffJSON{s.ID, s.Name, s.Login, s.Role, s.Active, fps, s.Lang})
		}
		return m.writeJSON(out)
	}
	rows := [][]string{{m.tr(lang.Id), m.tr(lang.CmdName), m.tr(lang.Login), m.tr(lang.Role),
		m.tr(lang.State), m.tr(lang.Password), m.tr(lang.ColKeys)}}
	for _, s := range list {
		pw := m.tr(lang.CmdNone2)
		if s.HasPassword {
			pw = m.tr(lang.CmdSet)
		}
		var fps []string
		for _, k := range s.Keys {
			fps = append(fps, k.Fingerprint)
		}
		rows = append(rows, []string{fmt.Sprint(s.ID), s.Name, s.Login, store.LabelOf(store.Roles, s.Role).In(m.Lang),
			m.activeText(s.Active), pw, strings.Join(fps, " ")})
	}
	writeTable(m.Stdout, rows)
	if m.Admin.All {
		return m.printHistory(ctx, store.KindStaff)
	}
	return nil
}

// settingsJSON is `settings --format json`.
type settingsJSON struct {
	Center   string `json:"center"`
	TimeZone string `json:"tz"`
	Phone    string `json:"phone"`
	QRTTL    string `json:"qr_ttl"`
	SSHIdle  string `json:"ssh_idle"`
}

func (m *Main) runSettings(ctx context.Context) error {
	if err := m.requireInit(); err != nil {
		return err
	}
	if err := m.checkFormat(); err != nil {
		return err
	}
	var ch store.SettingsChange
	if m.set["center"] {
		ch.Center = &m.Center
	}
	if m.set["tz"] {
		ch.TimeZone = &m.TZ
	}
	if m.set["phone"] {
		ch.Phone = &m.Admin.Phone
	}
	for _, f := range []struct {
		name, value string
		to          **time.Duration
	}{{"qr-ttl", m.Admin.QRTTL, &ch.QRTTL}, {"ssh-idle", m.Admin.SSHIdle, &ch.SSHIdle}} {
		if !m.set[f.name] {
			continue
		}
		d, err := time.ParseDuration(strings.TrimSpace(f.value))
		if strings.TrimSpace(f.value) == "0" {
			d, err = 0, nil
		}
		if err != nil {
			return fmt.Errorf("%s", m.tr(lang.IsNotDurationSuchAs10m.Format(f.name, f.value)))
		}
		*f.to = &d
	}
	if ch != (store.SettingsChange{}) {
		actor, err := m.actor()
		if err != nil {
			return err
		}
		if err := m.DB.UpdateSettings(ctx, actor, ch); err != nil {
			return m.fieldError(err)
		}
	}
	s := m.DB.Settings()
	if m.Format == "json" {
		return m.writeJSON(settingsJSON{s.CenterName, s.TimeZone, s.Phone, s.QRTTL.String(), s.SSHIdle.String()})
	}
	ttl := s.QRTTL.String()
	if s.QRTTL == 0 {
		ttl = m.tr(lang.T0StaticCodes)
	}
	writeTable(m.Stdout, [][]string{
		{m.tr(lang.CmdCenter), s.CenterName},
		{m.tr(lang.TimeZone), s.TimeZone},
		{m.tr(lang.CmdPhone), orDash(s.Phone)},
		{m.tr(lang.QRTTL), ttl},
		{m.tr(lang.SSHDeskIdleTimeout), s.SSHIdle.String()},
	})
	return nil
}
