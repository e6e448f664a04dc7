package store

import (
	"context"
	"strings"
)

// errNoMatch answers every lookup that finds nothing, whichever part was
// wrong, so a guesser learns nothing from the answer.
var errNoMatch = Errorf(ENOTFOUND, "没有找到匹配的记录，请核对编号和手机尾号后再试，或到前台查询",
	"no record matches; check the number and the last four digits of the phone, or ask at the desk")

// FindByReceipt is 查询进度: the private status code of the request, booking
// or visit with receipt number no whose phone ends in last4. Full-width
// digits and lower-case letters are read as typed on a phone. A miss is one
// ENOTFOUND error that does not say which part did not match.
func (db *DB) FindByReceipt(ctx context.Context, no, last4 string) (string, error) {
	no = strings.ToUpper(strings.TrimSpace(foldDigits(no)))
	last4 = strings.TrimSpace(foldDigits(last4))
	if len(last4) != 4 || strings.Trim(last4, "0123456789") != "" {
		return "", invalid("phone_last4", "请填写手机号码的后四位数字", "Enter the last four digits of the phone")
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
		return "", invalid("receipt", "请填写受理编号（如 R-20260310-0001）", "Enter the receipt number (e.g. R-20260310-0001)")
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
