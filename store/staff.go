package store

import (
	"context"
	"fmt"
)

// Staff roles.
const (
	RoleDesk    = "desk"
	RoleManager = "manager"
)

// Staff is a member of the center's staff.
type Staff struct {
	ID     int64
	Name   string
	Role   string
	Active bool
}

// StaffList returns the staff, active ones first, by name.
func (db *DB) StaffList(ctx context.Context) ([]Staff, error) {
	var out []Staff
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.Query("SELECT id, name, role, active FROM staff ORDER BY active DESC, name")
		if err != nil {
			return fmt.Errorf("list staff: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var s Staff
			if err := rows.Scan(&s.ID, &s.Name, &s.Role, &s.Active); err != nil {
				return err
			}
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}

// EnsureStaff returns the staff member called name, adding them with role
// desk if they are new.
func (db *DB) EnsureStaff(ctx context.Context, name string) (Staff, error) {
	var s Staff
	err := db.write(ctx, func(t *tx) error {
		var err error
		s, err = t.ensureStaff(name, RoleDesk)
		return err
	})
	return s, err
}

// SetStaffActive turns a staff member on or off the pick list.
func (db *DB) SetStaffActive(ctx context.Context, id int64, active bool) error {
	return db.write(ctx, func(t *tx) error {
		res, err := t.Exec("UPDATE staff SET active = ? WHERE id = ?", boolInt(active), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("工作人员", "staff member")
		}
		t.publish(KindStaff, "updated", id, "desk")
		return nil
	})
}

func (t *tx) ensureStaff(name, role string) (Staff, error) {
	name, err := cleanText("staff", name, 30, true, "工作人员姓名", "Staff name")
	if err != nil {
		return Staff{}, err
	}
	s := Staff{Name: name}
	err = t.QueryRow("SELECT id, role, active FROM staff WHERE name = ?", name).Scan(&s.ID, &s.Role, &s.Active)
	if err == nil {
		return s, nil
	}
	res, err := t.Exec("INSERT INTO staff (name, role, active, created_at) VALUES (?, ?, 1, ?)", name, role, unix(t.now))
	if err != nil {
		return s, fmt.Errorf("insert staff: %w", err)
	}
	s.ID, _ = res.LastInsertId()
	s.Role, s.Active = role, true
	t.publish(KindStaff, "created", s.ID, "desk")
	return s, nil
}
