package store

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"strings"
)

// Receipt number prefixes: R- requests, B- bookings, V- visits.
const (
	prefixRequest = "R"
	prefixBooking = "B"
	prefixVisit   = "V"
)

// nextReceiptNo hands out PREFIX-YYYYMMDD-NNNN for the center's current day.
// It runs inside the write transaction that stores the record, so two
// writers can never draw the same number.
func (t *tx) nextReceiptNo(prefix string) (string, error) {
	day := t.db.DayOf(t.now)
	var n int
	err := t.QueryRow(`INSERT INTO counters (kind, day, n) VALUES (?, ?, 1)
		ON CONFLICT (kind, day) DO UPDATE SET n = n + 1 RETURNING n`, prefix, day.String()).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("next receipt number: %w", err)
	}
	return fmt.Sprintf("%s-%s-%04d", prefix, day.Compact(), n), nil
}

var codeEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// newStatusCode makes the private code of a status link: 120 random bits.
func newStatusCode() string {
	b := make([]byte, 15)
	rand.Read(b)
	return codeEncoding.EncodeToString(b)
}

// ValidStatusCode reports whether s looks like a status code, so a handler
// can refuse junk before asking the database.
func ValidStatusCode(s string) bool {
	if len(s) != 24 {
		return false
	}
	return strings.Trim(s, "abcdefghijklmnopqrstuvwxyz234567") == ""
}
