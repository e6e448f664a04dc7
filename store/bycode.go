package store

import "context"

// CodeRecord is what a private status code belongs to, read in one
// snapshot: a request with its history, a booking, or a visit. Exactly one
// of Request, Booking and Visit is set.
type CodeRecord struct {
	Request *Request
	Events  []RequestEvent // the request's history, oldest first
	Booking *Booking
	Visit   *Visit
}

// ByCode reads the record of a private status code in one read transaction
// (a phone's status page asks for it on every visit, so it is one snapshot
// and one round of cached statements, not three). Codes carry 80 random bits
// and unique per table, so the three look-ups cannot find two records. A
// code that is not well formed or finds nothing is ENOTFOUND.
func (db *DB) ByCode(ctx context.Context, code string) (CodeRecord, error) {
	var rec CodeRecord
	if !ValidStatusCode(code) {
		return rec, errNoMatch
	}
	err := db.read(ctx, func(t *tx) error {
		if r, err := t.request("WHERE status_code = ?", code); err == nil {
			rec.Request = &r
			rec.Events, err = t.requestEvents(r.ID)
			return err
		} else if ErrorCode(err) != ENOTFOUND {
			return err
		}
		if b, err := t.booking("WHERE b.status_code = ?", code); err == nil {
			rec.Booking = &b
			return nil
		} else if ErrorCode(err) != ENOTFOUND {
			return err
		}
		if v, err := t.visit("WHERE status_code = ?", code); err == nil {
			rec.Visit = &v
			return nil
		} else if ErrorCode(err) != ENOTFOUND {
			return err
		}
		return errNoMatch
	})
	return rec, err
}
