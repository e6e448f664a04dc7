// Package lang is the catalogue of every user-facing string of frontdesk, in
// Simplified Chinese and English, and the one place that picks between them.
//
// Where new strings go: a Text in the file of the room that shows it —
// store.go (store errors and labels), desk.go (the terminal desk, tui/),
// kiosk.go (the web kiosk's Go code; its templates keep their own text),
// report.go (the daily log and certificates) and cmd.go (the command line).
// Name a Text for what it says (NameRequired, VisitNotFound), never by
// position. A message with values is a Text with fmt verbs, filled by
// Format. No other package holds Chinese text of its own; the catalogue test
// (lang_test.go) fails when one does.
package lang

import (
	"fmt"
	"time"
)

// Codes of the two languages, as --lang and the kiosk's ?lang= carry them.
const (
	ZH = "zh" // Simplified Chinese, the default
	EN = "en" // English
)

// Text is one user-facing string in Chinese and in English.
type Text struct {
	ZH string
	EN string
}

// In returns the string in lang: English for "en", Chinese for anything else.
// It is the one function that chooses between the two languages.
func (t Text) In(lang string) string {
	if lang == EN {
		return t.EN
	}
	return t.ZH
}

// Format fills the fmt verbs of both strings with args. An argument that is
// itself a Text gives its Chinese to the Chinese string and its English to
// the English one.
func (t Text) Format(args ...any) Text {
	zh, en := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		zh[i], en[i] = a, a
		if x, ok := a.(Text); ok {
			zh[i], en[i] = x.ZH, x.EN
		}
	}
	return Text{ZH: fmt.Sprintf(t.ZH, zh...), EN: fmt.Sprintf(t.EN, en...)}
}

// Code returns lang as one of the two codes: EN for "en", ZH otherwise.
func Code(lang string) string {
	if lang == EN {
		return EN
	}
	return ZH
}

// Date and time layouts, for time.Format and time.Parse.
const (
	DateLayout        = "2006-01-02"       // a day
	MonthLayout       = "2006-01"          // a calendar month
	ClockLayout       = "15:04"            // a time of day
	DateTimeLayout    = "2006-01-02 15:04" // a moment, in full
	ShortTimeLayout   = "01-02 15:04"      // a moment within the year
	ClockSecLayout    = "15:04:05"         // a time of day to the second
	StampLayout       = "20060102-150405"  // a moment in a file name
	MinuteStampLayout = "2006-01-02-1504"  // a minute in a file name: 在馆名单-2026-12-01-1530
)

// Weekdays are the short names of the days of the week, indexed by
// time.Weekday (Sunday first).
var Weekdays = [7]Text{
	{"周日", "Sun"}, {"周一", "Mon"}, {"周二", "Tue"}, {"周三", "Wed"}, {"周四", "Thu"}, {"周五", "Fri"}, {"周六", "Sat"},
}

// WeekdayNames are the full names of the days of the week, indexed by
// time.Weekday (Sunday first).
var WeekdayNames = [7]Text{
	{"星期日", "Sunday"}, {"星期一", "Monday"}, {"星期二", "Tuesday"}, {"星期三", "Wednesday"},
	{"星期四", "Thursday"}, {"星期五", "Friday"}, {"星期六", "Saturday"},
}

// LongDate writes a day in full, as the lobby screen shows it:
// 2026年3月5日 星期四, or Thursday, 5 March 2026.
func LongDate(t time.Time, lang string) string {
	if lang == EN {
		return t.Format("Monday, 2 January 2006")
	}
	return fmt.Sprintf("%d年%d月%d日 %s", t.Year(), t.Month(), t.Day(), WeekdayNames[t.Weekday()].ZH)
}
