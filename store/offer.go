package store

import "time"

// NoShowDue reports whether the desk may mark b a no-show at now: it is
// approved, its group has not arrived, and NoShowAfter has passed since its
// start. MarkNoShow enforces the same; the desk asks this to offer the key
// only where it works.
func (b Booking) NoShowDue(now time.Time) bool {
	return CanMoveBooking(b.Status, BookingNoShow) && b.ArrivedAt.IsZero() && !now.Before(b.Start.Add(NoShowAfter))
}

// Cancellable reports whether b may still be cancelled at now: its status
// allows it and it has not ended (an ended booking's hours are history, and
// cancelling would rewrite the booked hours of the log). CancelBooking and
// CancelBookingByCode enforce the same; the desk and the status page ask
// this to offer the action only where it works.
func (b Booking) Cancellable(now time.Time) bool {
	return CanMoveBooking(b.Status, BookingCancelled) && b.End.After(now)
}

// Rateable reports whether the requester may rate r now: the workflow moves
// it to closed only from resolved. RecordSatisfaction and RateByCode enforce
// the same; the status page asks this to offer the rating.
func (r Request) Rateable() bool { return CanMove(r.Status, StatusClosed) }
