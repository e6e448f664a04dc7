package store

import (
	"context"
	"time"
)

// Slot is a span of a venue's day: a booking holding it (Status set) or a
// free span (Status "").
type Slot struct {
	Start, End time.Time
	Status     string // BookingApproved, BookingPending, or "" for free
}

// VenueDay is one venue's day as a booking form shows it: its opening
// hours, the approved and pending bookings in them, and the free spans left.
type VenueDay struct {
	Venue         Venue
	Day           Day
	Opens, Closes time.Time
	Taken         []Slot // approved and pending bookings, by start
	Free          []Slot // spans no approved or pending booking holds, from now on
}

// VenueDayOf returns a venue's day d: what is booked (approved, and pending
// with the desk) and what is left free within opening hours. Time already
// past is not free. A visitor may still ask for a pending booking's time;
// the form warns them (PendingOverlaps).
func (db *DB) VenueDayOf(ctx context.Context, venueID int64, d Day) (VenueDay, error) {
	var out VenueDay
	err := db.read(ctx, func(t *tx) error {
		v, err := t.venue(venueID)
		if err != nil {
			return err
		}
		loc := t.db.Location()
		out = VenueDay{Venue: v, Day: d, Opens: d.At(v.OpensAt, loc), Closes: d.At(v.ClosesAt, loc)}
		list, err := t.bookings(`WHERE b.venue_id = ? AND `+holdsSlotIn+` AND b.start_at < ? AND b.end_at > ?
			ORDER BY b.start_at, b.id`, venueID, unix(out.Closes), unix(out.Opens))
		if err != nil {
			return err
		}
		for _, b := range list {
			out.Taken = append(out.Taken, Slot{Start: b.Start, End: b.End, Status: b.Status})
		}
		from := out.Opens
		if now := t.now.Truncate(time.Minute); now.After(from) {
			from = now
		}
		for _, s := range out.Taken {
			if s.Start.After(from) {
				out.Free = append(out.Free, Slot{Start: from, End: minTime(s.Start, out.Closes)})
			}
			if s.End.After(from) {
				from = s.End
			}
		}
		if out.Closes.After(from) {
			out.Free = append(out.Free, Slot{Start: from, End: out.Closes})
		}
		return nil
	})
	return out, err
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// PendingOverlaps returns the other pending bookings of b's venue that
// overlap b: the desk will approve at most one of them, so the visitor is
// warned.
func (db *DB) PendingOverlaps(ctx context.Context, b Booking) ([]Booking, error) {
	var out []Booking
	err := db.read(ctx, func(t *tx) (err error) {
		out, err = t.bookings(`WHERE b.venue_id = ? AND b.status = 'pending' AND b.start_at < ? AND b.end_at > ? AND b.id <> ?
			ORDER BY b.start_at, b.id`, b.VenueID, unix(b.End), unix(b.Start), b.ID)
		return
	})
	return out, err
}
