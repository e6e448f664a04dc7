package store

import (
	"context"
	"fmt"
)

// RecordCounts is how many visits, requests and bookings a database holds.
type RecordCounts struct {
	Visits, Requests, Bookings int
}

// Empty reports whether there are no visits, requests or bookings.
func (c RecordCounts) Empty() bool { return c.Visits == 0 && c.Requests == 0 && c.Bookings == 0 }

// CountRecords counts the visits, requests and bookings in the database, so
// the demo generator can refuse to mix its data with a center's real records.
func (db *DB) CountRecords(ctx context.Context) (RecordCounts, error) {
	var c RecordCounts
	err := db.read(ctx, func(t *tx) error {
		err := t.QueryRow(`SELECT (SELECT COUNT(*) FROM visits), (SELECT COUNT(*) FROM requests),
			(SELECT COUNT(*) FROM bookings)`).Scan(&c.Visits, &c.Requests, &c.Bookings)
		if err != nil {
			return fmt.Errorf("count records: %w", err)
		}
		return nil
	})
	return c, err
}
