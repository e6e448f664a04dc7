// Package demo fills a database with a realistic month of a center's work,
// the same for the same seed, for trying frontdesk out and for benchmarks.
package demo

import (
	"context"

	"frontdesk/store"
)

// Summary counts what Generate made.
type Summary struct {
	Visits, Requests, Bookings int
	From, To                   store.Day
}

// Generate makes a month of data ending today.
func Generate(ctx context.Context, db *store.DB, seed int64) (Summary, error) {
	return Summary{}, nil
}
