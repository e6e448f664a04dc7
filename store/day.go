package store

import (
	"fmt"
	"time"

	"frontdesk/lang"
)

// Day is a calendar day in the center's time zone. Reports, receipt numbers
// and "today" all count in these days, never in the server's or UTC's.
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDay reads YYYY-MM-DD.
func ParseDay(s string) (Day, error) {
	if d, ok := quickDay(s); ok {
		return d, nil
	}
	t, err := time.Parse(lang.DateLayout, s)
	if err != nil {
		return Day{}, invalid("date", lang.DateIsNotYYYYMMDD.Format(s))
	}
	return Day{t.Year(), t.Month(), t.Day()}, nil
}

// quickDay reads a YYYY-MM-DD that names a real day as time.Parse would,
// without it: a list of requests reads a day on every row. ok is false for
// anything else, which ParseDay leaves to time.Parse and its error.
func quickDay(s string) (_ Day, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !isDigits(s[:4]) || !isDigits(s[5:7]) || !isDigits(s[8:]) {
		return Day{}, false
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), time.Month(num(s[5:7])), num(s[8:])
	if m < time.January || m > time.December || d < 1 || d > time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day() {
		return Day{}, false
	}
	return Day{y, m, d}, true
}

// String returns YYYY-MM-DD.
func (d Day) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Compact returns YYYYMMDD, as receipt numbers carry it.
func (d Day) Compact() string { return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day) }

// AddDays returns the day n days later (earlier for negative n).
func (d Day) AddDays(n int) Day {
	t := time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC)
	return Day{t.Year(), t.Month(), t.Day()}
}

// Weekday returns the day of the week.
func (d Day) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// Before reports whether d comes before e.
func (d Day) Before(e Day) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// IsZero reports whether d is unset.
func (d Day) IsZero() bool { return d.Year == 0 }

// At returns the instant of the wall-clock time hh:mm on d in loc.
func (d Day) At(hhmm Clock, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hhmm.Hour, hhmm.Minute, 0, 0, loc)
}

// Clock is a wall-clock time of day, HH:MM.
type Clock struct{ Hour, Minute int }

// ParseClock reads HH:MM (24-hour); 24:00 is allowed as the end of a day.
func ParseClock(s string) (Clock, error) {
	var c Clock
	digit := func(i int) int { return int(s[i] - '0') }
	if len(s) != 5 || s[2] != ':' || !isDigits(s[:2]) || !isDigits(s[3:]) {
		return c, fmt.Errorf("time %q is not HH:MM", s)
	}
	c.Hour, c.Minute = digit(0)*10+digit(1), digit(3)*10+digit(4)
	if c.Hour < 0 || c.Minute < 0 || c.Minute > 59 || c.Hour > 24 || (c.Hour == 24 && c.Minute != 0) {
		return c, fmt.Errorf("time %q is out of range", s)
	}
	return c, nil
}

// String returns HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// Minutes returns minutes since midnight.
func (c Clock) Minutes() int { return c.Hour*60 + c.Minute }

// Location returns the center's time zone.
func (db *DB) Location() *time.Location {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.loc
}

// DayOf returns the center's calendar day that instant t falls on.
func (db *DB) DayOf(t time.Time) Day {
	l := t.In(db.Location())
	return Day{l.Year(), l.Month(), l.Day()}
}

// Today returns the center's current calendar day.
func (db *DB) Today() Day { return db.DayOf(db.Now()) }

// Bounds returns the first instant of d and of the day after, in UTC.
func (db *DB) Bounds(d Day) (start, end time.Time) {
	loc := db.Location()
	start = time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
	n := d.AddDays(1)
	end = time.Date(n.Year, n.Month, n.Day, 0, 0, 0, 0, loc)
	return start.UTC(), end.UTC()
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
