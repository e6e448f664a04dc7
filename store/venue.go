package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"frontdesk/lang"
)

// MaxCapacity is the largest capacity a venue may have.
const MaxCapacity = 10000

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

// Hours returns the opening hours as "08:00-21:00".
func (v Venue) Hours() string { return v.OpensAt.String() + "-" + v.ClosesAt.String() }

// Input returns the venue as the input that would make it, for an edit that
// changes some fields and keeps the rest.
func (v Venue) Input() VenueInput {
	return VenueInput{Name: v.Name, Capacity: v.Capacity, Facilities: v.Facilities, OpensAt: v.OpensAt.String(), ClosesAt: v.ClosesAt.String()}
}

// VenueInput creates or changes a venue. Empty hours mean 08:00–21:00.
type VenueInput struct {
	Name       string
	Capacity   int
	Facilities string
	OpensAt    string
	ClosesAt   string
}

// Validate checks a venue form as CreateVenue and UpdateVenue would, and
// returns it cleaned (hours as HH:MM, 08:00–21:00 when empty).
func (in VenueInput) Validate() (VenueInput, error) { return in.validate() }

func (in VenueInput) validate() (VenueInput, error) {
	var err error
	if in.Name, err = cleanName("name", in.Name, 30, true, lang.VenueName); err != nil {
		return in, err
	}
	if err = checkCount("capacity", in.Capacity, 1, MaxCapacity, lang.Capacity); err != nil {
		return in, err
	}
	if in.Facilities, err = cleanText("facilities", in.Facilities, 200, false, lang.Facilities); err != nil {
		return in, err
	}
	if in.OpensAt == "" {
		in.OpensAt = DefaultOpensAt.String()
	}
	if in.ClosesAt == "" {
		in.ClosesAt = DefaultClosesAt.String()
	}
	opens, err1 := ParseClock(strings.TrimSpace(in.OpensAt))
	closes, err2 := ParseClock(strings.TrimSpace(in.ClosesAt))
	if err1 != nil {
		return in, invalid("opens_at", lang.OpensAtInvalid)
	}
	if err2 != nil {
		return in, invalid("closes_at", lang.ClosesAtInvalid)
	}
	if closes.Minutes() <= opens.Minutes() {
		return in, invalid("closes_at", lang.HoursClosesBeforeOpens.Format(opens, closes))
	}
	in.OpensAt, in.ClosesAt = opens.String(), closes.String()
	return in, nil
}

// ParseHours reads opening hours written "HH:MM-HH:MM" into in.
func (in *VenueInput) ParseHours(s string) error {
	o, c, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return invalid("hours", lang.HoursInvalid.Format(s))
	}
	in.OpensAt, in.ClosesAt = strings.TrimSpace(o), strings.TrimSpace(c)
	return nil
}

// ParseVenueSpec reads "NAME:CAPACITY" or "NAME:CAPACITY:HH:MM-HH:MM", as
// `frontdesk init --venue` takes it.
func ParseVenueSpec(s string) (VenueInput, error) {
	name, rest, ok := strings.Cut(s, ":")
	bad := invalid("venue", lang.VenueSpecInvalid.Format(s))
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
		if err := in.ParseHours(hours); err != nil {
			return VenueInput{}, bad
		}
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
	return t.venueWhere("id = ?", id)
}

func (t *tx) venueWhere(where string, args ...any) (Venue, error) {
	v, err := scanVenue(t.QueryRow("SELECT "+venueColumns+" FROM venues WHERE "+where, args...))
	if err == sql.ErrNoRows {
		return v, &Error{Code: ENOTFOUND, Field: "venue", Text: lang.VenueNotFound}
	}
	return v, err
}

// fields is what an admin event records of a venue.
func (v Venue) fields() map[string]string {
	return map[string]string{"name": v.Name, "capacity": fmt.Sprint(v.Capacity), "hours": v.Hours(),
		"facilities": v.Facilities, "active": fmt.Sprint(v.Active)}
}

func errVenueName(name string) *Error {
	return &Error{Code: ECONFLICT, Field: "name", Text: lang.VenueCalledTaken.Format(name)}
}

func (t *tx) insertVenue(actor string, in VenueInput) (int64, error) {
	res, err := t.Exec(`INSERT INTO venues (name, capacity, facilities, opens_at, closes_at, active, created_at)
		VALUES (?, ?, ?, ?, ?, 1, ?)`, in.Name, in.Capacity, in.Facilities, in.OpensAt, in.ClosesAt, unix(t.now))
	if err != nil {
		if ErrorCode(translate(err)) == ECONFLICT {
			return 0, errVenueName(in.Name)
		}
		return 0, fmt.Errorf("insert venue: %w", err)
	}
	id, _ := res.LastInsertId()
	v, err := t.venue(id)
	if err != nil {
		return 0, err
	}
	return id, t.recordAdmin(actor, KindVenue, id, v.Name, ActionCreated, nil, v.fields())
}

// CreateVenue adds a venue (manager only).
func (db *DB) CreateVenue(ctx context.Context, actor Actor, in VenueInput) (Venue, error) {
	in, err := in.validate()
	if err != nil {
		return Venue{}, err
	}
	var v Venue
	err = db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		id, err := t.insertVenue(who, in)
		if err != nil {
			return err
		}
		v, err = t.venue(id)
		return err
	})
	return v, err
}

// VenueChange is a venue after an edit, with the future bookings the new
// capacity or hours no longer fit: they stand, and someone should call
// their organisers.
type VenueChange struct {
	Venue  Venue
	Misfit []Booking
}

// UpdateVenue changes a venue's name, capacity, facilities and hours
// (manager only). The venue keeps its id; bookings made under the old name
// keep showing it. Bookings already made keep their times; those the new
// capacity or hours no longer fit come back in Misfit.
func (db *DB) UpdateVenue(ctx context.Context, actor Actor, id int64, in VenueInput) (VenueChange, error) {
	in, err := in.validate()
	if err != nil {
		return VenueChange{}, err
	}
	var ch VenueChange
	err = db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		old, err := t.venue(id)
		if err != nil {
			return err
		}
		changed, err := t.updateVenue(who, old, in)
		if err != nil {
			return err
		}
		ch.Venue = changed
		ch.Misfit, err = t.misfits(changed)
		return err
	})
	return ch, err
}

// updateVenue writes in over old and records what changed.
func (t *tx) updateVenue(who string, old Venue, in VenueInput) (Venue, error) {
	_, err := t.Exec(`UPDATE venues SET name = ?, capacity = ?, facilities = ?, opens_at = ?, closes_at = ? WHERE id = ?`,
		in.Name, in.Capacity, in.Facilities, in.OpensAt, in.ClosesAt, old.ID)
	if err != nil {
		if ErrorCode(translate(err)) == ECONFLICT {
			return old, errVenueName(in.Name)
		}
		return old, fmt.Errorf("update venue: %w", err)
	}
	v, err := t.venue(old.ID)
	if err != nil {
		return v, err
	}
	before, after := diff(old.fields(), v.fields())
	if len(after) == 0 {
		return v, nil
	}
	return v, t.recordAdmin(who, KindVenue, v.ID, old.Name, ActionUpdated, before, after)
}

// misfits returns the venue's coming pending and approved bookings that
// exceed its capacity or fall outside its hours.
func (t *tx) misfits(v Venue) ([]Booking, error) {
	list, err := t.comingBookings(v.ID, "'pending', 'approved'")
	if err != nil {
		return nil, err
	}
	var out []Booking
	for _, b := range list {
		if b.Attendees > v.Capacity || !t.inHours(v, b) {
			out = append(out, b)
		}
	}
	return out, nil
}

// inHours reports whether a booking lies within the venue's opening hours.
func (t *tx) inHours(v Venue, b Booking) bool {
	day := t.db.DayOf(b.Start)
	loc := t.db.Location()
	return !b.Start.Before(day.At(v.OpensAt, loc)) && !b.End.After(day.At(v.ClosesAt, loc))
}

// comingBookings returns the venue's bookings in the given statuses that
// have not ended, by start.
func (t *tx) comingBookings(venueID int64, statuses string) ([]Booking, error) {
	return t.bookings("WHERE b.venue_id = ? AND b.status IN ("+statuses+") AND b.end_at > ? ORDER BY b.start_at, b.id",
		venueID, unix(t.now))
}

// SetVenueActive opens a venue to bookings or closes it (manager only); an
// inactive venue keeps its history but takes no new bookings. A venue with
// coming approved bookings is closed only with force; otherwise the answer
// is an ECONFLICT error whose Bookings lists them. The bookings stand either
// way and come back, so the caller can tell their organisers.
func (db *DB) SetVenueActive(ctx context.Context, actor Actor, id int64, active, force bool) ([]Booking, error) {
	var coming []Booking
	err := db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
		old, err := t.venue(id)
		if err != nil {
			return err
		}
		if !active {
			if coming, err = t.comingBookings(id, "'approved'"); err != nil {
				return err
			}
			if len(coming) > 0 && !force {
				return &Error{Code: ECONFLICT, Field: "venue", Bookings: coming,
					Text: lang.VenueHasBookings.Format(old.Name, len(coming))}
			}
		}
		if old.Active == active {
			return nil
		}
		if _, err := t.Exec("UPDATE venues SET active = ? WHERE id = ?", boolInt(active), id); err != nil {
			return fmt.Errorf("set venue active: %w", err)
		}
		return t.recordActive(who, KindVenue, id, old.Name, active)
	})
	return coming, err
}

// Venue returns one venue.
func (db *DB) Venue(ctx context.Context, id int64) (Venue, error) {
	var v Venue
	err := db.read(ctx, func(t *tx) (err error) { v, err = t.venue(id); return })
	return v, err
}

// VenueByName returns the venue called name, active or not.
func (db *DB) VenueByName(ctx context.Context, name string) (Venue, error) {
	var v Venue
	err := db.read(ctx, func(t *tx) (err error) { v, err = t.venueWhere("name = ?", strings.TrimSpace(name)); return })
	if ErrorCode(err) == ENOTFOUND {
		err = &Error{Code: ENOTFOUND, Field: "venue", Text: lang.NoSuchVenue.Format(name)}
	}
	return v, err
}

// ComingBookings returns a venue's pending and approved bookings that have
// not ended, by start: what closing or shrinking it would touch.
func (db *DB) ComingBookings(ctx context.Context, venueID int64) ([]Booking, error) {
	var out []Booking
	err := db.read(ctx, func(t *tx) (err error) { out, err = t.comingBookings(venueID, "'pending', 'approved'"); return })
	return out, err
}

// Venues lists venues by id; activeOnly leaves out closed ones.
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
