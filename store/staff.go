package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"

	"frontdesk/lang"
)

// Staff roles.
const (
	RoleDesk    = "desk"
	RoleManager = "manager"
)

// Roles names each staff role.
var Roles = []Label{
	{RoleDesk, lang.StoreDesk},
	{RoleManager, lang.Manager},
}

// Staff is a member of the center's staff. Staff are never deleted, only
// deactivated, so old records keep the name they were made under.
type Staff struct {
	ID          int64
	Name        string
	Login       string // the ASCII name for SSH desks
	Role        string
	Active      bool
	HasPassword bool
	// Lang is the language of their SSH desks when the client sends no
	// locale: zh, en, or empty for the desk's.
	Lang      string
	Keys      []StaffKey
	CreatedAt time.Time
}

// StaffInput is a new staff member.
type StaffInput struct {
	Name string
	Role string // desk unless manager
	// Login is the SSH login; empty suggests one from the name's pinyin.
	Login string
	// Keys are SSH public keys in authorized_keys form.
	Keys []string
	// Password is optional; it is kept only as an argon2id hash.
	Password string
	// Lang is their own language (a StaffLangs code); empty is the desk's.
	Lang string
}

// StaffChange is what an edit changes; empty fields keep their value.
type StaffChange struct {
	Rename        string
	Role          string
	Login         string
	AddKeys       []string
	RemoveKeys    []string // fingerprints
	Password      string
	ClearPassword bool
	// Lang, when not nil, sets their own language (a StaffLangs code; ""
	// or "none" for the desk's).
	Lang *string
}

// StaffLangs are the languages a staff member may choose for their own SSH
// desks: the desk's (the code ""), Chinese or English.
var StaffLangs = []Label{
	{"", lang.LangDesk},
	{lang.ZH, lang.LangZH},
	{lang.EN, lang.LangEN},
}

// checkStaffLang reads a staff member's language: a StaffLangs code or
// label, "none" for the desk's.
func checkStaffLang(s string) (string, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "none") {
		return "", nil
	}
	code, ok := parseLabel(StaffLangs, strings.ToLower(s))
	if !ok {
		if code, ok = parseLabel(StaffLangs, s); !ok {
			return "", invalid("lang", lang.StaffLangInvalid.Format(s))
		}
	}
	return code, nil
}

// checkStaffName checks a staff member's name, given in field.
func checkStaffName(field, name string) (string, error) {
	return cleanName(field, name, 30, true, lang.StaffMemberName)
}

func checkRole(role string) (string, error) {
	if role == "" {
		return RoleDesk, nil
	}
	code, ok := parseLabel(Roles, strings.TrimSpace(role))
	if !ok {
		return "", invalid("role", lang.RoleInvalid.Format(role))
	}
	return code, nil
}

func parseKeys(lines []string) ([]StaffKey, error) {
	var out []StaffKey
	for _, l := range lines {
		k, err := ParseStaffKey(l)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, nil
}

const staffColumns = "id, name, login, role, active, password_hash <> '', lang, created_at"

func (t *tx) staffWhere(where string, args ...any) (Staff, error) {
	list, err := t.staffQuery("WHERE "+where, args...)
	if err != nil {
		return Staff{}, err
	}
	if len(list) == 0 {
		return Staff{}, notFound(lang.StaffMember)
	}
	return list[0], nil
}

func (t *tx) staffQuery(query string, args ...any) ([]Staff, error) {
	rows, err := t.Query("SELECT "+staffColumns+" FROM staff "+query, args...)
	if err != nil {
		return nil, fmt.Errorf("list staff: %w", err)
	}
	var out []Staff
	for rows.Next() {
		var s Staff
		var created int64
		if err := rows.Scan(&s.ID, &s.Name, &s.Login, &s.Role, &s.Active, &s.HasPassword, &s.Lang, &created); err != nil {
			rows.Close()
			return nil, err
		}
		s.CreatedAt = fromUnix(created)
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Keys, err = t.staffKeys(out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (t *tx) staffKeys(id int64) ([]StaffKey, error) {
	rows, err := t.Query("SELECT fingerprint, public_key FROM staff_keys WHERE staff_id = ? ORDER BY id", id)
	if err != nil {
		return nil, fmt.Errorf("list staff keys: %w", err)
	}
	defer rows.Close()
	var out []StaffKey
	for rows.Next() {
		var k StaffKey
		if err := rows.Scan(&k.Fingerprint, &k.PublicKey); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// StaffList returns the staff with their keys, active ones first, by name.
func (db *DB) StaffList(ctx context.Context) ([]Staff, error) {
	var out []Staff
	err := db.read(ctx, func(t *tx) (err error) {
		out, err = t.staffQuery("ORDER BY active DESC, name")
		return
	})
	return out, err
}

// StaffByName returns the staff member called name, active or not.
func (db *DB) StaffByName(ctx context.Context, name string) (Staff, error) {
	s, err := db.oneStaff(ctx, "name = ?", strings.TrimSpace(name))
	if ErrorCode(err) == ENOTFOUND {
		err = &Error{Code: ENOTFOUND, Field: "name", Text: lang.NoSuchStaff.Format(name)}
	}
	return s, err
}

// StaffByLogin returns the staff member whose SSH login is login, active or
// not: the caller decides what an inactive one may do.
func (db *DB) StaffByLogin(ctx context.Context, login string) (Staff, error) {
	return db.oneStaff(ctx, "login = ?", strings.TrimSpace(login))
}

// StaffByFingerprint returns the active staff member holding the SSH key
// with this SHA256 fingerprint ("SHA256:…"). An unknown key is ENOTFOUND, a
// deactivated holder EFORBIDDEN.
func (db *DB) StaffByFingerprint(ctx context.Context, fingerprint string) (Staff, error) {
	s, err := db.oneStaff(ctx, "id = (SELECT staff_id FROM staff_keys WHERE fingerprint = ?)", fingerprint)
	if err != nil {
		return s, err
	}
	return s, s.mayWork()
}

// StaffByKey returns the active staff member holding the SSH public key key,
// as StaffByFingerprint does.
func (db *DB) StaffByKey(ctx context.Context, key ssh.PublicKey) (Staff, error) {
	return db.StaffByFingerprint(ctx, ssh.FingerprintSHA256(key))
}

// errSignIn answers every failed password check alike, so a caller cannot
// tell an unknown login from a wrong password.
var errSignIn = Errorf(EFORBIDDEN, lang.WrongLoginOrPassword)

// CheckPassword returns the active staff member with this login if pw is
// their password. An unknown login, a member without a password and a wrong
// password are the same EFORBIDDEN error; a deactivated member is refused.
func (db *DB) CheckPassword(ctx context.Context, login, pw string) (Staff, error) {
	var s Staff
	var hash string
	err := db.read(ctx, func(t *tx) error {
		err := t.QueryRow("SELECT id, password_hash FROM staff WHERE login = ?", strings.TrimSpace(login)).Scan(&s.ID, &hash)
		if isNoRows(err) {
			return errSignIn
		}
		if err != nil {
			return err
		}
		s, err = t.staffWhere("id = ?", s.ID)
		return err
	})
	if err != nil {
		// Spend the same time as a real check, so timing tells nothing.
		passwordMatches(dummyHash(), pw)
		return Staff{}, err
	}
	if hash == "" {
		passwordMatches(dummyHash(), pw)
		return Staff{}, errSignIn
	}
	if !passwordMatches(hash, pw) {
		return Staff{}, errSignIn
	}
	return s, s.mayWork()
}

// mayWork refuses a deactivated staff member.
func (s Staff) mayWork() error {
	if !s.Active {
		return forbidden(lang.StaffDeactivatedNoDesk.Format(s.Name))
	}
	return nil
}

func (db *DB) oneStaff(ctx context.Context, where string, args ...any) (Staff, error) {
	var s Staff
	err := db.read(ctx, func(t *tx) (err error) { s, err = t.staffWhere(where, args...); return })
	return s, err
}

// StartDesk returns the staff member called name for a desk session. They
// must be on the staff list and active; on a center with no staff yet, the
// first name given becomes its first manager.
func (db *DB) StartDesk(ctx context.Context, name string) (Staff, error) {
	name, err := checkStaffName("staff", name)
	if err != nil {
		return Staff{}, err
	}
	var s Staff
	err = db.write(ctx, func(t *tx) error {
		var err error
		s, err = t.staffWhere("name = ?", name)
		if err == nil {
			return s.mayWork()
		}
		if ErrorCode(err) != ENOTFOUND {
			return err
		}
		var n int
		if err := t.QueryRow("SELECT COUNT(*) FROM staff").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: ENOTFOUND, Field: "staff",
				Text: lang.NotOnStaffListAskManager.Format(name)}
		}
		s, err = t.insertStaff(name, name, StaffInput{Name: name, Role: RoleManager}, nil, "")
		return err
	})
	return s, err
}

// EnsureStaff returns the staff member called name, adding them with role
// desk if they are new. It checks no role: it is for data generators (the
// demo) and tests, never for a person at the desk.
func (db *DB) EnsureStaff(ctx context.Context, name string) (Staff, error) {
	var s Staff
	err := db.write(ctx, func(t *tx) error {
		var err error
		s, err = t.ensureStaff(name, RoleDesk, "")
		return err
	})
	return s, err
}

// SuggestLogin returns a free login for a new staff member called name.
func (db *DB) SuggestLogin(ctx context.Context, name string) (string, error) {
	var login string
	err := db.read(ctx, func(t *tx) (err error) { login, err = t.suggestLogin(strings.TrimSpace(name)); return })
	return login, err
}

// ensureStaff finds or adds a staff member; actor "" records the new member
// as their own creator.
func (t *tx) ensureStaff(name, role, actor string) (Staff, error) {
	name, err := checkStaffName("staff", name)
	if err != nil {
		return Staff{}, err
	}
	s, err := t.staffWhere("name = ?", name)
	if ErrorCode(err) != ENOTFOUND {
		return s, err
	}
	if actor == "" {
		actor = name
	}
	return t.insertStaff(actor, name, StaffInput{Name: name, Role: role}, nil, "")
}

// insertStaff adds a checked staff member, suggesting a login when in has
// none, and records it.
func (t *tx) insertStaff(actor, name string, in StaffInput, keys []StaffKey, hash string) (Staff, error) {
	login := in.Login
	if login == "" {
		var err error
		if login, err = t.suggestLogin(name); err != nil {
			return Staff{}, err
		}
	} else if err := t.loginFree(login, 0); err != nil {
		return Staff{}, err
	}
	var n int
	if err := t.QueryRow("SELECT COUNT(*) FROM staff WHERE name = ?", name).Scan(&n); err != nil {
		return Staff{}, err
	}
	if n > 0 {
		return Staff{}, &Error{Code: ECONFLICT, Field: "name", Text: lang.StaffNameTaken.Format(name)}
	}
	res, err := t.Exec("INSERT INTO staff (name, login, role, active, password_hash, lang, created_at) VALUES (?, ?, ?, 1, ?, ?, ?)",
		name, login, in.Role, hash, in.Lang, unix(t.now))
	if err != nil {
		return Staff{}, fmt.Errorf("insert staff: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := t.addKeys(id, keys); err != nil {
		return Staff{}, err
	}
	s, err := t.staffWhere("id = ?", id)
	if err != nil {
		return s, err
	}
	return s, t.recordAdmin(actor, KindStaff, id, name, ActionCreated, nil, s.fields())
}

func (t *tx) loginFree(login string, except int64) error {
	var other string
	err := t.QueryRow("SELECT name FROM staff WHERE login = ? AND id <> ?", login, except).Scan(&other)
	if isNoRows(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return &Error{Code: ECONFLICT, Field: "login", Text: lang.LoginTaken.Format(login, other)}
}

func (t *tx) addKeys(id int64, keys []StaffKey) error {
	for _, k := range keys {
		var owner string
		err := t.QueryRow("SELECT s.name FROM staff_keys k JOIN staff s ON s.id = k.staff_id WHERE k.fingerprint = ?", k.Fingerprint).Scan(&owner)
		if err == nil {
			return &Error{Code: ECONFLICT, Field: "key", Text: lang.KeyTaken.Format(k.Fingerprint, owner)}
		}
		if !isNoRows(err) {
			return err
		}
		if _, err := t.Exec("INSERT INTO staff_keys (staff_id, fingerprint, public_key, added_at) VALUES (?, ?, ?, ?)",
			id, k.Fingerprint, k.PublicKey, unix(t.now)); err != nil {
			return fmt.Errorf("insert staff key: %w", err)
		}
	}
	return nil
}

// fields is what an admin event records of a staff member: never a hash.
func (s Staff) fields() map[string]string {
	var fps []string
	for _, k := range s.Keys {
		fps = append(fps, k.Fingerprint)
	}
	pw := ""
	if s.HasPassword {
		pw = "set"
	}
	return map[string]string{"name": s.Name, "login": s.Login, "role": s.Role, "active": fmt.Sprint(s.Active),
		"keys": strings.Join(fps, " "), "password": pw, "lang": s.Lang}
}

// Validate checks a staff form as CreateStaff would, without writing or
// hashing: the name, role, login, keys and password.
func (in StaffInput) Validate() error {
	if _, err := checkStaffName("name", in.Name); err != nil {
		return err
	}
	if _, err := checkRole(in.Role); err != nil {
		return err
	}
	if in.Login != "" {
		if _, err := checkLogin(in.Login); err != nil {
			return err
		}
	}
	if _, err := parseKeys(in.Keys); err != nil {
		return err
	}
	if _, err := checkStaffLang(in.Lang); err != nil {
		return err
	}
	if in.Password != "" {
		return checkPassword(in.Password)
	}
	return nil
}

// credentials are a staff member's login, keys and password hash, checked.
type credentials struct {
	login string
	keys  []StaffKey
	hash  string
}

// checkCredentials checks what a staff form gives for signing in: a login
// ("" for none given), SSH keys and a password ("" for none), hashing the
// password outside any transaction, since the hash is slow on purpose.
func checkCredentials(login string, keyLines []string, pw string) (credentials, error) {
	var c credentials
	var err error
	if login != "" {
		if c.login, err = checkLogin(login); err != nil {
			return c, err
		}
	}
	if c.keys, err = parseKeys(keyLines); err != nil {
		return c, err
	}
	if pw != "" {
		if err := checkPassword(pw); err != nil {
			return c, err
		}
		c.hash = hashPassword(pw)
	}
	return c, nil
}

// CreateStaff adds a staff member (manager only).
func (db *DB) CreateStaff(ctx context.Context, actor Actor, in StaffInput) (Staff, error) {
	var err error
	if in.Name, err = checkStaffName("name", in.Name); err != nil {
		return Staff{}, err
	}
	if in.Role, err = checkRole(in.Role); err != nil {
		return Staff{}, err
	}
	if in.Lang, err = checkStaffLang(in.Lang); err != nil {
		return Staff{}, err
	}
	cred, err := checkCredentials(in.Login, in.Keys, in.Password)
	if err != nil {
		return Staff{}, err
	}
	in.Login = cred.login
	var s Staff
	err = db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		s, err = t.insertStaff(who, in.Name, in, cred.keys, cred.hash)
		return err
	})
	return s, err
}

// UpdateStaff changes a staff member's name, role, login, keys or password
// (manager only). The last active manager cannot become desk staff.
func (db *DB) UpdateStaff(ctx context.Context, actor Actor, id int64, ch StaffChange) (Staff, error) {
	var err error
	if ch.Rename != "" {
		if ch.Rename, err = checkStaffName("name", ch.Rename); err != nil {
			return Staff{}, err
		}
	}
	if ch.Role != "" {
		if ch.Role, err = checkRole(ch.Role); err != nil {
			return Staff{}, err
		}
	}
	if ch.Lang != nil {
		code, err := checkStaffLang(*ch.Lang)
		if err != nil {
			return Staff{}, err
		}
		ch.Lang = &code
	}
	cred, err := checkCredentials(ch.Login, ch.AddKeys, ch.Password)
	if err != nil {
		return Staff{}, err
	}
	ch.Login = cred.login
	keys, hash := cred.keys, cred.hash
	var s Staff
	err = db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		old, err := t.staffWhere("id = ?", id)
		if err != nil {
			return err
		}
		if ch.Rename != "" && ch.Rename != old.Name {
			var n int
			t.QueryRow("SELECT COUNT(*) FROM staff WHERE name = ? AND id <> ?", ch.Rename, id).Scan(&n)
			if n > 0 {
				return &Error{Code: ECONFLICT, Field: "name", Text: lang.StaffNameTaken.Format(ch.Rename)}
			}
			if _, err := t.Exec("UPDATE staff SET name = ? WHERE id = ?", ch.Rename, id); err != nil {
				return fmt.Errorf("rename staff: %w", err)
			}
		}
		if ch.Role != "" && ch.Role != old.Role {
			if old.Role == RoleManager && old.Active {
				if err := t.keepAManager(id); err != nil {
					return err
				}
			}
			if _, err := t.Exec("UPDATE staff SET role = ? WHERE id = ?", ch.Role, id); err != nil {
				return fmt.Errorf("set staff role: %w", err)
			}
		}
		if ch.Login != "" && ch.Login != old.Login {
			if err := t.loginFree(ch.Login, id); err != nil {
				return err
			}
			if _, err := t.Exec("UPDATE staff SET login = ? WHERE id = ?", ch.Login, id); err != nil {
				return fmt.Errorf("set staff login: %w", err)
			}
		}
		if ch.Lang != nil && *ch.Lang != old.Lang {
			if _, err := t.Exec("UPDATE staff SET lang = ? WHERE id = ?", *ch.Lang, id); err != nil {
				return fmt.Errorf("set staff language: %w", err)
			}
		}
		for _, fp := range ch.RemoveKeys {
			res, err := t.Exec("DELETE FROM staff_keys WHERE staff_id = ? AND fingerprint = ?", id, strings.TrimSpace(fp))
			if err != nil {
				return fmt.Errorf("remove staff key: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return invalid("key", lang.HasNoKey.Format(old.Name, fp))
			}
		}
		if err := t.addKeys(id, keys); err != nil {
			return err
		}
		switch {
		case hash != "":
			_, err = t.Exec("UPDATE staff SET password_hash = ? WHERE id = ?", hash, id)
		case ch.ClearPassword:
			_, err = t.Exec("UPDATE staff SET password_hash = '' WHERE id = ?", id)
		}
		if err != nil {
			return fmt.Errorf("set staff password: %w", err)
		}
		if s, err = t.staffWhere("id = ?", id); err != nil {
			return err
		}
		before, after := diff(old.fields(), s.fields())
		if hash != "" {
			after["password"] = "changed"
		}
		if len(after) == 0 {
			return nil
		}
		return t.recordAdmin(who, KindStaff, id, old.Name, ActionUpdated, before, after)
	})
	return s, err
}

// keepAManager refuses to take away the last active manager other than id.
func (t *tx) keepAManager(id int64) error {
	var n int
	if err := t.QueryRow("SELECT COUNT(*) FROM staff WHERE role = 'manager' AND active = 1 AND id <> ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return &Error{Code: ECONFLICT, Field: "role", Text: lang.LastManager}
	}
	return nil
}

// SetStaffActive deactivates a staff member or brings them back (manager
// only). A deactivated member cannot start the desk; their records keep
// their name. The last active manager cannot be deactivated.
func (db *DB) SetStaffActive(ctx context.Context, actor Actor, id int64, active bool) (Staff, error) {
	var s Staff
	err := db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		old, err := t.staffWhere("id = ?", id)
		if err != nil {
			return err
		}
		if old.Active == active {
			s = old
			return nil
		}
		if !active && old.Role == RoleManager {
			if err := t.keepAManager(id); err != nil {
				return err
			}
		}
		if _, err := t.Exec("UPDATE staff SET active = ? WHERE id = ?", boolInt(active), id); err != nil {
			return fmt.Errorf("set staff active: %w", err)
		}
		s = old
		s.Active = active
		return t.recordActive(who, KindStaff, id, old.Name, active)
	})
	return s, err
}
