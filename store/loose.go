package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"frontdesk/lang"
)

// ReadClock reads a time of day as a desk worker types it: 15:00, 15.00,
// 1500, 930 or 15 (full-width digits and a Chinese colon too). field names
// the form field an error blames.
func ReadClock(field, s string) (Clock, error) {
	s = strings.TrimSpace(foldDigits(s))
	s = strings.NewReplacer(lang.ClockMarks...).Replace(s)
	if s == "" {
		return Clock{}, invalid(field, lang.TimeIsRequired)
	}
	bad := invalid(field, lang.CannotReadTimeWrite1430.Format(s))
	var hh, mm string
	switch i := strings.IndexByte(s, ':'); {
	case i >= 0:
		hh, mm = s[:i], s[i+1:]
		if mm == "" {
			mm = "00"
		}
	case len(s) <= 2:
		hh, mm = s, "00"
	case len(s) <= 4:
		hh, mm = s[:len(s)-2], s[len(s)-2:]
	default:
		return Clock{}, bad
	}
	if !isDigits(hh) || !isDigits(mm) || len(hh) > 2 || len(mm) != 2 {
		return Clock{}, bad
	}
	h, _ := strconv.Atoi(hh)
	c, err := ParseClock(fmt.Sprintf("%02d:%s", h, mm))
	if err != nil {
		return Clock{}, bad
	}
	return c, nil
}

// ReadDay reads a day as a desk worker types it, relative to today:
// 今天/today, 明天/tomorrow, 后天, +N (days from today), MM-DD (this year, or
// next year once the day has passed this year), M/D, or YYYY-MM-DD.
func ReadDay(s string, today Day) (Day, error) {
	s = strings.ToLower(strings.TrimSpace(foldDigits(s)))
	switch s {
	case lang.Today.EN, lang.Today.ZH, "":
		return today, nil
	case lang.Tomorrow.EN, lang.Tomorrow.ZH:
		return today.AddDays(1), nil
	case lang.DayAfterTomorrow:
		return today.AddDays(2), nil
	}
	bad := invalid("date", lang.CannotReadDateWrite202603.Format(s))
	if n, ok := strings.CutPrefix(s, "+"); ok {
		d, err := strconv.Atoi(n)
		if err != nil || d < 0 || d > 400 {
			return Day{}, bad
		}
		return today.AddDays(d), nil
	}
	s = strings.NewReplacer(lang.DateMarks...).Replace(s)
	parts := strings.Split(s, "-")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return Day{}, bad
		}
		nums[i] = n
	}
	var d Day
	switch len(nums) {
	case 2:
		d = Day{today.Year, 0, 0}
		d.Month, d.Day = monthOf(nums[0]), nums[1]
	case 3:
		d = Day{nums[0], monthOf(nums[1]), nums[2]}
	default:
		return Day{}, bad
	}
	got, err := ParseDay(fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day))
	if err != nil || got != d {
		return Day{}, bad
	}
	if len(nums) == 2 && got.Before(today) {
		got.Year++
		if _, err := ParseDay(got.String()); err != nil {
			return Day{}, bad
		}
	}
	return got, nil
}

func monthOf(n int) time.Month { return time.Month(n) }

// LastPurpose is the purpose of a visitor's latest visit, "" for none: a
// returning visitor usually comes for the same thing, so the desk offers it.
func (db *DB) LastPurpose(ctx context.Context, visitorID int64) (string, error) {
	var p string
	err := db.read(ctx, func(t *tx) error {
		err := t.QueryRow("SELECT purpose FROM visits WHERE visitor_id = ? ORDER BY checked_in_at DESC LIMIT 1", visitorID).Scan(&p)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return fmt.Errorf("last purpose: %w", err)
		}
		return nil
	})
	return p, err
}

// HandlersUsed lists the 承办人 and the departments requests were handed or
// transferred to before, the most used first, for the desk to offer.
func (db *DB) HandlersUsed(ctx context.Context) ([]string, error) {
	var out []string
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.Query(`SELECT name FROM (
				SELECT handler AS name FROM requests WHERE handler <> ''
				UNION ALL SELECT transferred_to FROM requests WHERE transferred_to <> '')
			GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT 200`)
		if err != nil {
			return fmt.Errorf("handlers used: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return fmt.Errorf("scan handler: %w", err)
			}
			out = append(out, n)
		}
		return rows.Err()
	})
	return out, err
}
