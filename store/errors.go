package store

import (
	"errors"
	"fmt"
)

// Error codes tell callers what kind of failure happened, so the desk and the
// kiosk can answer it (a message beside a field, a 4xx, a clash to show).
const (
	EINVALID  = "invalid"   // the input breaks a rule; Field names the field
	ENOTFOUND = "not_found" // no such record
	ECONFLICT = "conflict"  // the write clashes with a stored record or state
	EBUSY     = "busy"      // the database could not be had in time (or is closing); try again
	EINTERNAL = "internal"  // anything else; never shown to a user in detail
)

// Error is the store's coded error. Its messages are written for people, in
// Chinese and in English; a raw SQLite error never becomes one of these.
type Error struct {
	Code  string
	Field string // the form field at fault, for EINVALID
	ZH    string
	EN    string
	// Clash is the approved booking that a new or approved booking would overlap.
	Clash *Booking
}

// Error returns the English message with its code, for logs.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.EN)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.EN)
}

// Message returns the message in lang ("en" for English, Chinese otherwise).
func (e *Error) Message(lang string) string {
	if lang == "en" {
		return e.EN
	}
	return e.ZH
}

// ErrorCode returns the code of a store error, EINTERNAL for any other error
// and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorField returns the field an EINVALID error names, or "".
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// ErrorMessage returns a message fit for a user in lang. Internal errors get a
// generic message: their detail belongs in the log, not on a screen.
func ErrorMessage(err error, lang string) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message(lang)
	}
	if lang == "en" {
		return "Something went wrong inside the system; please try again or ask the desk."
	}
	return "系统内部出错，请稍后再试或联系前台工作人员。"
}

// Errorf is shorthand for a coded error with both messages.
func Errorf(code, zh, en string) *Error {
	return &Error{Code: code, ZH: zh, EN: en}
}

func invalid(field, zh, en string) *Error {
	return &Error{Code: EINVALID, Field: field, ZH: zh, EN: en}
}

func notFound(zh, en string) *Error {
	return &Error{Code: ENOTFOUND, ZH: zh + "不存在", EN: en + " not found"}
}
