package store

import (
	"time"

	"frontdesk/lang"
)

// PeriodAsked is what a report asks for: Date is a day (YYYY-MM-DD) or a month
// (YYYY-MM); From and To bound a span of days (From alone is one day).
// Month says an empty period means this month rather than today.
type PeriodAsked struct {
	Date, From, To string
	Month          bool
}

// MonthStart returns the first day of d's month.
func (d Day) MonthStart() Day { return Day{Year: d.Year, Month: d.Month, Day: 1} }

// MonthEnd returns the last day of d's month.
func (d Day) MonthEnd() Day {
	next := time.Date(d.Year, d.Month+1, 1, 12, 0, 0, 0, time.UTC)
	return Day{Year: next.Year(), Month: next.Month(), Day: 1}.AddDays(-1)
}

// Parse settles p into the first and last day it covers, counting from
// today. Date cannot be given together with From or To; To needs From and
// cannot come before it. Refusals name the flag (date, from, to).
func (p PeriodAsked) Parse(today Day) (Day, Day, error) {
	switch {
	case p.Date != "" && (p.From != "" || p.To != ""):
		return Day{}, Day{}, Errorf(EINVALID, lang.DateWithFromTo)
	case p.Date != "":
		if len(p.Date) == len(lang.MonthLayout) {
			first, err := ParseDay(p.Date + "-01")
			if err != nil {
				return Day{}, Day{}, flagError("date", Errorf(EINVALID, lang.DateOrMonthNotValid.Format(p.Date)))
			}
			return first, first.MonthEnd(), nil
		}
		d, err := ParseDay(p.Date)
		if err != nil {
			return Day{}, Day{}, flagError("date", err)
		}
		return d, d, nil
	case p.From != "" || p.To != "":
		if p.From == "" {
			return Day{}, Day{}, Errorf(EINVALID, lang.ToNeedsFrom)
		}
		from, err := ParseDay(p.From)
		if err != nil {
			return Day{}, Day{}, flagError("from", err)
		}
		to := from
		if p.To != "" {
			if to, err = ParseDay(p.To); err != nil {
				return Day{}, Day{}, flagError("to", err)
			}
		}
		if to.Before(from) {
			return Day{}, Day{}, Errorf(EINVALID, lang.ToIsBeforeFrom.Format(to, from))
		}
		return from, to, nil
	case p.Month:
		return today.MonthStart(), today.MonthEnd(), nil
	}
	return today, today, nil
}

// flagError names the command-line flag a period refusal is about.
func flagError(name string, err error) error {
	return &Error{Code: EINVALID, Field: name,
		Text: lang.FlagError.Format(name, lang.Text{ZH: ErrorMessage(err, lang.ZH), EN: ErrorMessage(err, lang.EN)})}
}
