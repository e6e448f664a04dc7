package store

import (
	"context"
	"strings"

	"frontdesk/lang"
)

// errNoMatch answers every lookup that finds nothing, whichever part was
// wrong, so a guesser learns nothing from the answer.
var errNoMatch = Errorf(ENOTFOUND, lang.LookupNoMatch)

// FindByReceipt is 查询进度: the private status code of the request, booking
// or visit with receipt number no whose phone ends in last4. Full-width
// digits and lower-case letters are read as typed on a phone. A miss is one
// ENOTFOUND error that does not say which part did not match.
func (db *DB) FindByReceipt(ctx context.Context, no, last4 string) (string, error) {
	no = strings.ToUpper(strings.TrimSpace(foldDigits(no)))
	last4 = strings.TrimSpace(foldDigits(last4))
	if !digits(last4, 4) {
		return "", invalid("phone_last4", lang.Last4Required)
	}
	var table string
	switch {
	case strings.HasPrefix(no, prefixRequest+"-"):
		table = "requests"
	case strings.HasPrefix(no, prefixBooking+"-"):
		table = "bookings"
	case strings.HasPrefix(no, prefixVisit+"-"):
		table = "visits"
	case no == "":
		return "", invalid("receipt", lang.ReceiptRequired)
	default:
		return "", errNoMatch
	}
	var code, phone string
	err := db.read(ctx, func(t *tx) error {
		return t.QueryRow("SELECT status_code, phone FROM "+table+" WHERE receipt_no = ?", no).Scan(&code, &phone)
	})
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return "", err
	}
	if err != nil || phoneLast4(phone) != last4 {
		return "", errNoMatch
	}
	return code, nil
}
