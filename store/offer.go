package store

import "time"

// NoShowDue reports whether the desk may mark b a no-show at now: it is
// approved, its group has not arrived, and NoShowAfter has passed since its
// start. MarkNoShow enforces the same; the desk asks this to offer the key
// only where it works.
func (b Booking) NoShowDue(now time.Time) bool {
	return CanMoveBooking(b.Status, BookingNoShow) && b.ArrivedAt.IsZero() && !now.Before(b.Start.Add(NoShowAfter))
}
