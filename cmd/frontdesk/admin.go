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
	fs.BoolVar(&a.All, "all", false, m.text("list：包括已停用的，并列出修改记录", "list: include deactivated ones, with the history of changes"))
	fs.StringVar(&m.Format, "format", "text", m.text("list 的格式：text 或 json", "list format: text or json"))
	fs.StringVar(&a.Capacity, "capacity", "", m.text("容纳人数（1 到 10000）", "capacity (1 to 10000)"))
	fs.StringVar(&a.Hours, "hours", "", m.text("开放时间 HH:MM-HH:MM，默认 08:00-21:00", "opening hours HH:MM-HH:MM, default 08:00-21:00"))
	fs.StringVar(&a.Facilities, "facilities", "", m.text("设施，如 投影、音响", "facilities, e.g. projector, sound"))
	fs.StringVar(&a.Rename, "rename", "", m.text("edit：新名称（编号不变，旧记录保留原名）", "edit: the new name (the id stays; old records keep the old name)"))
	fs.BoolVar(&a.Force, "force", false, m.text("disable：有未到期的已确认预约也停用（预约保留）", "disable: close it even with approved bookings to come (they stand)"))
	fs.StringVar(&m.Staff, "staff", "", m.text("以哪位负责人的身份修改（默认：数据库文件的所有者）", "the manager making the change (default: the database file's owner)"))
}

func staffFlags(m *Main, fs *flag.FlagSet) {
	a := &m.Admin
	fs.BoolVar(&a.All, "all", false, m.text("list：包括已停用的，并列出修改记录", "list: include deactivated ones, with the history of changes"))
	fs.StringVar(&m.Format, "format", "text", m.text("list 的格式：text 或 json", "list format: text or json"))
	fs.StringVar(&a.Role, "role", "", m.text("角色：desk（前台，默认）或 manager（负责人）", "role: desk (default) or manager"))
	fs.StringVar(&a.Login, "login", "", m.text("SSH 登录名（小写字母开头，默认取姓名拼音）", "SSH login (lower case, starting with a letter; default from the name's pinyin)"))
	fs.Var((*multiFlag)(&a.Keys), "key", m.text(`SSH 公钥 "ssh-ed25519 AAAA… 备注"，可重复`, `an SSH public key "ssh-ed25519 AAAA… comment", repeatable`))
	fs.StringVar(&a.KeyFile, "key-file", "", m.text("从文件读取 SSH 公钥（如 id_ed25519.pub，每行一个）", "read SSH public keys from a file (e.g. id_ed25519.pub, one a line)"))
	fs.Var((*multiFlag)(&a.RemoveKeys), "remove-key", m.text("edit：去掉指纹为 SHA256:… 的公钥，可重复", "edit: remove the key with fingerprint SHA256:…, repeatable"))
	fs.BoolVar(&a.Password, "password", false, m.text("设置密码：从终端读取（非终端时从标准输入读一行），至少 8 个字符", "set a password, read from the terminal (or one line of standard input when it is not one); at least 8 characters"))
	fs.StringVar(&a.Rename, "rename", "", m.text("edit：改正姓名（旧记录保留原名）", "edit: correct the name (old records keep the old one)"))
	fs.StringVar(&m.Staff, "staff", "", m.text("以哪位负责人的身份修改（默认：数据库文件的所有者）", "the manager making the change (default: the database file's owner)"))
}

func settingsFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Center, "center", "", m.text("中心名称", "the center's name"))
	fs.StringVar(&m.TZ, "tz", "", m.text("时区，如 Asia/Shanghai", "time zone, e.g. Asia/Shanghai"))
	fs.StringVar(&m.Admin.Phone, "phone", "", m.text(`对外公布的中心电话（"" 去掉）`, `the center's phone shown to visitors ("" removes it)`))
	fs.StringVar(&m.Admin.QRTTL, "qr-ttl", "", m.text("二维码换码间隔，如 10m；0 为固定码（前台和 serve 未给 --qr-ttl 时使用）", "QR rotation, e.g. 10m; 0 for static codes (used when the desk or serve has no --qr-ttl)"))
	fs.StringVar(&m.Admin.SSHIdle, "ssh-idle", "", m.text("SSH 前台空闲多久断开，如 30m；0 为不断开", "how long an SSH desk may sit idle, e.g. 30m; 0 for never"))
	fs.StringVar(&m.Staff, "staff", "", m.text("以哪位负责人的身份修改（默认：数据库文件的所有者）", "the manager making the change (default: the database file's owner)"))
	fs.StringVar(&m.Format, "format", "text", m.text("格式：text 或 json", "format: text or json"))
}

// action splits the positional arguments into the action and its name.
func (m *Main) action(what string, actions ...string) (string, string, error) {
	args := m.Admin.Args
	usage := fmt.Sprintf("frontdesk %s %s", what, strings.Join(actions, "|"))
	if len(args) == 0 {
		return "", "", fmt.Errorf("%s", m.text("请给出操作："+usage+"（-h 查看帮助）", "give an action: "+usage+" (-h for help)"))
	}
	act := args[0]
	known := false
	for _, a := range actions {
		known = known || a == act
	}
	if !known {
		return "", "", fmt.Errorf("%s", m.text(fmt.Sprintf("未知的操作“%s”：%s", act, usage), fmt.Sprintf("unknown action %q: %s", act, usage)))
	}
	if act == "list" {
		if len(args) > 1 {
			return "", "", m.extraArgs(args[1:])
		}
		return act, "", nil
	}
	if len(args) < 2 || strings.TrimSpace(args[1]) == "" {
		return "", "", fmt.Errorf("%s", m.text(fmt.Sprintf("请给出名称：frontdesk %s %s 名称", what, act), fmt.Sprintf("give a name: frontdesk %s %s NAME", what, act)))
	}
	if len(args) > 2 {
		return "", "", m.extraArgs(args[2:])
	}
	return act, args[1], nil
}

func (m *Main) extraArgs(rest []string) error {
	return fmt.Errorf("%s", m.text(fmt.Sprintf("多余的参数：%s（名称含空格请加引号）", strings.Join(rest, " ")),
		fmt.Sprintf("unexpected arguments: %s (quote a name with spaces)", strings.Join(rest, " "))))
}

// flagOf names the flag behind a store error's field, so the message says
// which flag to fix.
var flagOf = map[string]string{
	"capacity": "--capacity", "opens_at": "--hours", "closes_at": "--hours", "hours": "--hours", "facilities": "--facilities",
	"login": "--login", "key": "--key", "password": "--password", "role": "--role", "tz": "--tz", "phone": "--phone",
	"center": "--center", "qr_ttl": "--qr-ttl", "ssh_idle": "--ssh-idle", "staff": "--staff",
}

// fieldError puts the flag in front of a store error's message.
func (m *Main) fieldError(err error) error {
	var se *store.Error
	if !errors.As(err, &se) || se.Code == store.EINTERNAL {
		return err
	}
	f := flagOf[se.Field]
	if se.Field == "name" {
		f = m.text("名称", "NAME")
		if m.Admin.Rename != "" {
			f = "--rename"
		}
	}
	if f == "" {
		return err
	}
	return fmt.Errorf("%s%s%s", f, m.text("：", ": "), se.Message(m.Lang))
}

func (m *Main) checkFormat() error {
	if m.Format != "text" && m.Format != "json" {
		return fmt.Errorf("%s", m.text(fmt.Sprintf("--format “%s” 不支持，应为 text 或 json", m.Format), fmt.Sprintf("--format %q: must be text or json", m.Format)))
	}
	return nil
}

// capacity reads --capacity.
func (m *Main) capacity() (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(m.Admin.Capacity))
	if err != nil {
		return 0, fmt.Errorf("%s", m.text(fmt.Sprintf("--capacity：“%s”不是整数，应为 1 到 %d 的人数", m.Admin.Capacity, store.MaxCapacity),
			fmt.Sprintf("--capacity: %q is not a whole number from 1 to %d", m.Admin.Capacity, store.MaxCapacity)))
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
			return fmt.Errorf("%s", m.text("--capacity：请给出容纳人数", "--capacity: give the capacity"))
		}
		in, err := m.venueInput(store.VenueInput{Name: name})
		if err != nil {
			return err
		}
		v, err := m.DB.CreateVenue(ctx, actor, in)
		if err != nil {
			return m.fieldError(err)
		}
		fmt.Fprintf(m.Stdout, m.text("已新增场地 %d：%s，容纳 %d 人，开放 %s\n", "added venue %d: %s, capacity %d, open %s\n"), v.ID, v.Name, v.Capacity, v.Hours())
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
		fmt.Fprintf(m.Stdout, m.text("已修改场地 %d：%s，容纳 %d 人，开放 %s\n", "changed venue %d: %s, capacity %d, open %s\n"), w.ID, w.Name, w.Capacity, w.Hours())
		if len(ch.Misfit) > 0 {
			fmt.Fprintf(m.Stdout, m.text("以下 %d 个未到期的预约超出新的容量或开放时间，预约保留，请联系预约人：\n",
				"%d coming bookings exceed the new capacity or hours; they stand, so tell their organisers:\n"), len(ch.Misfit))
			m.printBookings(ch.Misfit)
		}
	case "disable":
		kept, err := m.DB.SetVenueActive(ctx, actor, v.ID, false, m.Admin.Force)
		if err != nil {
			var se *store.Error
			if errors.As(err, &se) && len(se.Bookings) > 0 {
				fmt.Fprintln(m.Stderr, m.text("未到期的已确认预约：", "approved bookings to come:"))
				m.printBookingsTo(m.Stderr, se.Bookings)
			}
			return err
		}
		fmt.Fprintf(m.Stdout, m.text("已停用场地 %s：手机和前台不再提供它的新预约\n", "venue %s is closed: phones and the desk no longer offer it for new bookings\n"), v.Name)
		if len(kept) > 0 {
			fmt.Fprintf(m.Stdout, m.text("以下 %d 个已确认的预约保留，请通知预约人：\n", "%d approved bookings stand; tell their organisers:\n"), len(kept))
			m.printBookings(kept)
		}
	case "enable":
		if _, err := m.DB.SetVenueActive(ctx, actor, v.ID, true, false); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, m.text("已启用场地 %s\n", "venue %s is open to bookings\n"), v.Name)
	}
	return nil
}

func (m *Main) printBookings(list []store.Booking) { m.printBookingsTo(m.Stdout, list) }

func (m *Main) printBookingsTo(w io.Writer, list []store.Booking) {
	loc := m.DB.Location()
	for _, b := range list {
		fmt.Fprintf(w, "  %s  %s %s-%s  %s  %s  %s %s  %s\n", b.ReceiptNo, b.Start.In(loc).Format("2006-01-02"), b.Start.In(loc).Format("15:04"),
			b.End.In(loc).Format("15:04"), store.LabelOf(store.BookingStatuses, b.Status).Text(m.Lang), b.Title, b.Org, b.Contact, store.MaskPhone(b.Phone))
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
	rows := [][]string{{m.text("编号", "id"), m.text("名称", "name"), m.text("容纳", "capacity"), m.text("开放时间", "hours"),
		m.text("状态", "state"), m.text("设施", "facilities")}}
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
		return m.text("启用", "active")
	}
	return m.text("停用", "inactive")
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
	fmt.Fprintln(m.Stdout, m.text("修改记录：", "History:"))
	if len(h) == 0 {
		fmt.Fprintln(m.Stdout, m.text("  （无）", "  (none)"))
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
			return nil, fmt.Errorf("%s", m.text(fmt.Sprintf("--key-file：无法读取 %s：%v", m.Admin.KeyFile, err), fmt.Sprintf("--key-file: cannot read %s: %v", m.Admin.KeyFile, err)))
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				keys = append(keys, l)
			}
		}
		if len(keys) == len(m.Admin.Keys) {
			return nil, fmt.Errorf("%s", m.text(fmt.Sprintf("--key-file：%s 里没有公钥", m.Admin.KeyFile), fmt.Sprintf("--key-file: %s holds no key", m.Admin.KeyFile)))
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
		first, err := read(m.text("新密码：", "new password: "))
		if err != nil {
			return "", err
		}
		again, err := read(m.text("再输入一次：", "again: "))
		if err != nil {
			return "", err
		}
		if first != again {
			return "", fmt.Errorf("%s", m.text("--password：两次输入的密码不一致，未修改", "--password: the two entries differ; nothing changed"))
		}
		pw = first
	} else {
		line, err := bufio.NewReader(m.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("%s", m.text("--password：标准输入没有密码", "--password: no password on standard input"))
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	if pw == "" {
		return "", fmt.Errorf("%s", m.text(fmt.Sprintf("--password：密码为空；至少 %d 个字符", store.MinPasswordLength),
			fmt.Sprintf("--password: the password is empty; it needs at least %d characters", store.MinPasswordLength)))
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
		s, err = m.DB.CreateStaff(ctx, actor, store.StaffInput{Name: name, Role: m.Admin.Role, Login: m.Admin.Login, Keys: keys, Password: pw})
		if err != nil {
			return m.fieldError(err)
		}
		fmt.Fprintf(m.Stdout, m.text("已新增工作人员 %d：%s，登录名 %s，%s\n", "added staff member %d: %s, login %s, %s\n"),
			s.ID, s.Name, s.Login, store.LabelOf(store.Roles, s.Role).Text(m.Lang))
	case "edit":
		old, err := m.DB.StaffByName(ctx, name)
		if err != nil {
			return err
		}
		s, err = m.DB.UpdateStaff(ctx, actor, old.ID, store.StaffChange{Rename: m.Admin.Rename, Role: m.Admin.Role, Login: m.Admin.Login,
			AddKeys: keys, RemoveKeys: m.Admin.RemoveKeys, Password: pw})
		if err != nil {
			return m.fieldError(err)
		}
		fmt.Fprintf(m.Stdout, m.text("已修改工作人员 %d：%s，登录名 %s，%s\n", "changed staff member %d: %s, login %s, %s\n"),
			s.ID, s.Name, s.Login, store.LabelOf(store.Roles, s.Role).Text(m.Lang))
	case "disable", "enable":
		old, err := m.DB.StaffByName(ctx, name)
		if err != nil {
			return err
		}
		if s, err = m.DB.SetStaffActive(ctx, actor, old.ID, act == "enable"); err != nil {
			return m.fieldError(err)
		}
		if act == "enable" {
			fmt.Fprintf(m.Stdout, m.text("已启用工作人员 %s\n", "%s is active again\n"), s.Name)
		} else {
			fmt.Fprintf(m.Stdout, m.text("已停用工作人员 %s：不能再登录前台，旧记录保留其姓名\n", "%s is deactivated: they cannot start the desk; old records keep their name\n"), s.Name)
		}
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
			out = append(out, staffJSON{s.ID, s.Name, s.Login, s.Role, s.Active, fps})
		}
		return m.writeJSON(out)
	}
	rows := [][]string{{m.text("编号", "id"), m.text("姓名", "name"), m.text("登录名", "login"), m.text("角色", "role"),
		m.text("状态", "state"), m.text("密码", "password"), m.text("SSH 公钥", "SSH keys")}}
	for _, s := range list {
		pw := m.text("无", "none")
		if s.HasPassword {
			pw = m.text("有", "set")
		}
		var fps []string
		for _, k := range s.Keys {
			fps = append(fps, k.Fingerprint)
		}
		rows = append(rows, []string{fmt.Sprint(s.ID), s.Name, s.Login, store.LabelOf(store.Roles, s.Role).Text(m.Lang),
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
			return fmt.Errorf("%s", m.text(fmt.Sprintf("--%s：“%s”不是有效的时长，例如 10m、1h，或 0", f.name, f.value),
				fmt.Sprintf("--%s: %q is not a duration such as 10m or 1h, or 0", f.name, f.value)))
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
		ttl = m.text("0（固定码）", "0 (static codes)")
	}
	writeTable(m.Stdout, [][]string{
		{m.text("中心名称", "center"), s.CenterName},
		{m.text("时区", "time zone"), s.TimeZone},
		{m.text("对外电话", "phone"), orDash(s.Phone)},
		{m.text("二维码换码间隔", "QR rotation"), ttl},
		{m.text("SSH 前台空闲断开", "SSH desk idle timeout"), s.SSHIdle.String()},
	})
	return nil
}
