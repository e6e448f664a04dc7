package store

import "context"

// DailyLog is the daily log (台账) of a day or a range of days.
type DailyLog struct {
	From, To Day
}

// DailyLog assembles the log of the days from..to inclusive.
func (db *DB) DailyLog(ctx context.Context, from, to Day) (*DailyLog, error) {
	return &DailyLog{From: from, To: to}, nil
}
