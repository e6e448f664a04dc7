package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// Venue is a room the center lends out (活动室、会议室).
type Venue struct {
	ID         int64
	Name       string
	Capacity   int
	Facilities string
	OpensAt    Clock
	ClosesAt   Clock
	Active     bool
}

// VenueInput creates or changes a venue. Empty hours mean 08:00–21:00.
type VenueInput struct {
	Name       string
	Capacity   int
	Facilities string
	OpensAt    string
	ClosesAt   string
}

func (in VenueInput) validate() (VenueInput, error) {
	var err error
	if in.Name, err = cleanText("name", in.Name, 30, true, "场地名称", "Venue name"); err != nil {
		return in, err
	}
	if err = checkCount("capacity", in.Capacity, 1, 5000, "容纳人数", "Capacity"); err != nil {
		return in, err
	}
	if in.Facilities, err = cleanText("facilities", in.Facilities, 200, false, "设施", "Facilities"); err != nil {
		return in, err
	}
	if in.OpensAt == "" {
		in.OpensAt = "08:00"
	}
	if in.ClosesAt == "" {
		in.ClosesAt = "21:00"
	}
	opens, err1 := ParseClock(in.OpensAt)
	closes, err2 := ParseClock(in.ClosesAt)
	if err1 != nil {
		return in, invalid("opens_at", "开放时间格式应为 HH:MM", "opening time must be HH:MM")
	}
	if err2 != nil {
		return in, invalid("closes_at", "关闭时间格式应为 HH:MM", "closing time must be HH:MM")
	}
	if closes.Minutes() <= opens.Minutes() {
		return in, invalid("closes_at", "关闭时间应晚于开放时间", "closing time must be after opening time")
	}
	in.OpensAt, in.ClosesAt = opens.String(), closes.String()
	return in, nil
}

// ParseVenueSpec reads "NAME:CAPACITY" or "NAME:CAPACITY:HH:MM-HH:MM", as
// `frontdesk init --venue` takes it.
func ParseVenueSpec(s string) (VenueInput, error) {
	name, rest, ok := strings.Cut(s, ":")
	bad := invalid("venue", fmt.Sprintf("场地“%s”格式不对，应为 名称:容纳人数，例如 多功能厅:80", s),
		fmt.Sprintf("venue %q must be NAME:CAPACITY, e.g. Hall:80", s))
	if !ok {
		return VenueInput{}, bad
	}
	capText, hours, _ := strings.Cut(rest, ":")
	n, err := strconv.Atoi(strings.TrimSpace(capText))
	if err != nil {
		return VenueInput{}, bad
	}
	in := VenueInput{Name: name, Capacity: n}
	if hours != "" {
		o, c, ok := strings.Cut(hours, "-")
		if !ok {
			return VenueInput{}, bad
		}
		in.OpensAt, in.ClosesAt = o, c
	}
	return in.validate()
}

const venueColumns = "id, name, capacity, facilities, opens_at, closes_at, active"

func scanVenue(s interface{ Scan(...any) error }) (Venue, error) {
	var v Venue
	var o, c string
	err := s.Scan(&v.ID, &v.Name, &v.Capacity, &v.Facilities, &o, &c, &v.Active)
	v.OpensAt, _ = ParseClock(o)
	v.ClosesAt, _ = ParseClock(c)
	return v, err
}

func (t *tx) venue(id int64) (Venue, error) {
	v, err := scanVenue(t.QueryRow("SELECT "+venueColumns+" FROM venues WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return v, &Error{Code: ENOTFOUND, Field: "venue", ZH: "场地不存在", EN: "venue not found"}
	}
	return v, err
}

func (t *tx) insertVenue(in VenueInput) (int64, error) {
	res, err := t.Exec(`INSERT INTO venues (name, capacity, facilities, opens_at, closes_at, active, created_at)
		VALUES (?, ?, ?, ?, ?, 1, ?)`, in.Name, in.Capacity, in.Facilities, in.OpensAt, in.ClosesAt, unix(t.now))
	if err != nil {
		if ErrorCode(translate(err)) == ECONFLICT {
			return 0, &Error{Code: ECONFLICT, Field: "name", ZH: "已有同名场地", EN: "a venue with this name exists"}
		}
		return 0, fmt.Errorf("insert venue: %w", err)
	}
	id, _ := res.LastInsertId()
	t.publish(KindVenue, "created", id, "desk")
	return id, nil
}

// CreateVenue adds a venue.
func (db *DB) CreateVenue(ctx context.Context, in VenueInput) (Venue, error) {
	in, err := in.validate()
	if err != nil {
		return Venue{}, err
	}
	var v Venue
	err = db.write(ctx, func(t *tx) error {
		id, err := t.insertVenue(in)
		if err != nil {
			return err
		}
		v, err = t.venue(id)
		return err
	})
	return v, err
}

// UpdateVenue changes a venue's name, capacity, facilities and hours.
// Bookings already made keep their times.
func (db *DB) UpdateVenue(ctx context.Context, id int64, in VenueInput) (Venue, error) {
	in, err := in.validate()
	if err != nil {
		return Venue{}, err
	}
	var v Venue
	err = db.write(ctx, func(t *tx) error {
		if _, err := t.venue(id); err != nil {
			return err
		}
		_, err := t.Exec(`UPDATE venues SET name = ?, capacity = ?, facilities = ?, opens_at = ?, closes_at = ? WHERE id = ?`,
			in.Name, in.Capacity, in.Facilities, in.OpensAt, in.ClosesAt, id)
		if err != nil {
			if ErrorCode(translate(err)) == ECONFLICT {
				return &Error{Code: ECONFLICT, Field: "name", ZH: "已有同名场地", EN: "a venue with this name exists"}
			}
			return fmt.Errorf("update venue: %w", err)
		}
		t.publish(KindVenue, "updated", id, "desk")
		v, err = t.venue(id)
		return err
	})
	return v, err
}

// SetVenueActive opens a venue to bookings or closes it; an inactive venue
// keeps its history but takes no new bookings.
func (db *DB) SetVenueActive(ctx context.Context, id int64, active bool) error {
	return db.write(ctx, func(t *tx) error {
		if _, err := t.venue(id); err != nil {
			return err
		}
		if _, err := t.Exec("UPDATE venues SET active = ? WHERE id = ?", boolInt(active), id); err != nil {
			return fmt.Errorf("set venue active: %w", err)
		}
		t.publish(KindVenue, "updated", id, "desk")
		return nil
	})
}

// Venue returns one venue.
func (db *DB) Venue(ctx context.Context, id int64) (Venue, error) {
	var v Venue
	err := db.read(ctx, func(t *tx) (err error) { v, err = t.venue(id); return })
	return v, err
}

// Venues lists venues by name; activeOnly leaves out closed ones.
func (db *DB) Venues(ctx context.Context, activeOnly bool) ([]Venue, error) {
	q := "SELECT " + venueColumns + " FROM venues"
	if activeOnly {
		q += " WHERE active = 1"
	}
	q += " ORDER BY id"
	var out []Venue
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.Query(q)
		if err != nil {
			return fmt.Errorf("list venues: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scanVenue(rows)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}
