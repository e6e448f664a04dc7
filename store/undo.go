package store

import (
	"context"
	"fmt"
	"time"

	"frontdesk/lang"
)

// UndoWindow is how long after approving a booking the staff member who
// approved it may take the approval back (u at the desk).
const UndoWindow = 10 * time.Second

// FieldUndo is the Field of the correction that records an undo: Before is
// the status taken back, After the status restored.
const FieldUndo = "undo"

// UndoApprove takes back actor's approval of booking id, made within
// UndoWindow: the booking waits for approval again, as it did before, and
// its history records who took the approval back and when.
//
// The approval is the one desk action the store can undo exactly: a
// booking keeps one decision (who, when, why), and an approval only fills
// it in, so going back is emptying it. A cancellation or a no-show writes
// over the approval's decision, and a check-out records no one, so what to
// go back to, or whose it was, is not kept; those actions ask first instead.
func (db *DB) UndoApprove(ctx context.Context, id int64, actor string) (Booking, error) {
	actor, err := cleanActor(actor)
	if err != nil {
		return Booking{}, err
	}
	var b Booking
	err = db.write(ctx, func(t *tx) error {
		var err error
		if b, err = t.booking("WHERE b.id = ?", id); err != nil {
			return err
		}
		// A booking made approved at the desk was never pending: there is
		// no approval to take back, only the booking to cancel.
		if b.Status != BookingApproved || b.DecidedBy != actor || !b.ArrivedAt.IsZero() || b.DecidedAt.Equal(b.CreatedAt) ||
			t.now.Sub(b.DecidedAt) > UndoWindow {
			return Errorf(ECONFLICT, lang.NothingToUndo.Format(int(UndoWindow/time.Second)))
		}
		if _, err := t.Exec(`UPDATE bookings SET status = ?, reason = '', decided_by = '', decided_at = NULL, updated_at = ?
			WHERE id = ?`, BookingPending, unix(t.now), b.ID); err != nil {
			return fmt.Errorf("undo approval: %w", err)
		}
		if err := t.record(KindBooking, b.ID, actor, []change{{FieldUndo, BookingApproved, BookingPending}}); err != nil {
			return err
		}
		t.publish(KindBooking, BookingPending, b.ID, SourceDesk)
		b, err = t.booking("WHERE b.id = ?", b.ID)
		return err
	})
	return b, err
}
