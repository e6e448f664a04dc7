package store

import (
	"errors"
	"fmt"

	"frontdesk/lang"
)

// Error codes tell callers what kind of failure happened, so the desk and the
// kiosk can answer it (a message beside a field, a 4xx, a clash to show).
const (
	EINVALID   = "invalid"   // the input breaks a rule; Field names the field
	ENOTFOUND  = "not_found" // no such record
	ECONFLICT  = "conflict"  // the write clashes with a stored record or state
	EBUSY      = "busy"      // the database could not be had in time (or is closing); try again
	EFULL      = "full"      // the disk holding the database is full; nothing was stored
	EREADONLY  = "read_only" // the file or its folder cannot be written
	ECORRUPT   = "corrupt"   // the file is damaged; restore a backup
	EFORBIDDEN = "forbidden" // the actor may not do this (a desk worker changing settings)
	EINTERNAL  = "internal"  // anything else; never shown to a user in detail
)

// Error is the store's coded error. Its messages are written for people, in
// Chinese and in English; a raw SQLite error never becomes one of these.
type Error struct {
	Code  string
	Field string // the form field at fault, for EINVALID
	lang.Text
	// Clash is the approved booking that a new or approved booking would overlap.
	Clash *Booking
	// Fields holds every field's error when an input was checked whole (all
	// errors at once); the Error itself repeats the first of them.
	Fields []*Error
	// Bookings are the future bookings a venue change would leave out in the
	// cold (a venue closed under them), for the caller to list.
	Bookings []Booking
}

// Error returns the English message with its code, for logs.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.EN)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.EN)
}

// Message returns the message in language ("en" for English, Chinese
// otherwise).
func (e *Error) Message(language string) string {
	return e.In(language)
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

// FieldErrors returns every field's error that err carries: all of them for
// an input checked whole, the one for a single field error, nil otherwise.
func FieldErrors(err error) []*Error {
	var e *Error
	if !errors.As(err, &e) {
		return nil
	}
	if len(e.Fields) > 0 {
		return e.Fields
	}
	if e.Field != "" {
		return []*Error{e}
	}
	return nil
}

// JoinErrors gathers the field errors of several checks of one input into
// one error, the first message of each field kept. Any error that is not a
// field error is returned as it is, since nothing more can be said.
func JoinErrors(errs ...error) error {
	var p problems
	for _, err := range errs {
		if err == nil {
			continue
		}
		if FieldErrors(err) == nil {
			return err
		}
		p.add(err)
	}
	return p.err()
}

// problems gathers an input's field errors, so a form shows them all at once.
type problems struct{ list []*Error }

// add keeps err's field errors, the first per field; nil is ignored.
func (p *problems) add(err error) {
	if err == nil {
		return // most fields are fine: FieldErrors would allocate for nothing
	}
	for _, e := range FieldErrors(err) {
		if !p.has(e.Field) {
			one := *e
			one.Fields = nil
			p.list = append(p.list, &one)
		}
	}
}

// has reports whether field already has an error.
func (p *problems) has(field string) bool {
	for _, e := range p.list {
		if e.Field == field {
			return true
		}
	}
	return false
}

// err is nil when nothing was found, else the first error carrying them all.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	first := *p.list[0]
	first.Fields = p.list
	return &first
}

// ErrorMessage returns a message fit for a user in lang. Internal errors get a
// generic message: their detail belongs in the log, not on a screen.
func ErrorMessage(err error, language string) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message(language)
	}
	return lang.InternalError.In(language)
}

// Errorf is shorthand for a coded error with its message.
func Errorf(code string, msg lang.Text) *Error {
	return &Error{Code: code, Text: msg}
}

func invalid(field string, msg lang.Text) *Error {
	return &Error{Code: EINVALID, Field: field, Text: msg}
}

// notFound says that the record named what does not exist.
func notFound(what lang.Text) *Error {
	return &Error{Code: ENOTFOUND, Text: lang.WhatNotFound.Format(what)}
}
