package tui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/lang"
	"frontdesk/store"
)

// The desk corrects and voids records through the store (CorrectVisit,
// CorrectRequest, CorrectBooking, VoidRecord); what is here is shared by the
// tabs that do it: the void form, the commands, and how a correction reads
// in a record's history.

// correctionsMsg is a record's corrections, for its detail.
type correctionsMsg struct {
	kind string
	id   int64
	list []store.Correction
}

func loadCorrectionsCmd(e *env, kind string, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		cs, err := e.db.Corrections(ctx, kind, id)
		if err != nil {
			return errMsg{err}
		}
		return correctionsMsg{kind, id, cs}
	}
}

// recordChangedMsg says a record was corrected or voided; text says how.
type recordChangedMsg struct {
	kind string
	id   int64
	text string
}

// changeErrMsg is the store's answer to a correction or void it refused.
type changeErrMsg struct {
	kind string
	err  error
}

// voidForm asks for the reason a record is voided.
func voidForm(e *env, what string) form {
	f := newForm(e, fmt.Sprintf(e.tr(lang.VoidTitle), what))
	f.text("reason", e.tr(lang.VoidReason), "", 200)
	f.info = e.tr(lang.VoidHint)
	return f
}

func voidCmd(e *env, kind string, id int64, receipt, reason string) tea.Cmd {
	staff := e.staff
	return func() tea.Msg {
		ctx, cancel := e.ctx()
		defer cancel()
		if _, err := e.db.VoidRecord(ctx, kind, id, staff, reason); err != nil {
			return changeErrMsg{kind, err}
		}
		return recordChangedMsg{kind, id, fmt.Sprintf(e.tr(lang.DeskVoided), receipt)}
	}
}

// actorName is who did something, as people read it: the kiosk by its
// name in the desk's language, staff by theirs.
func (e *env) actorName(actor string) string {
	if actor == "kiosk" {
		return e.label(store.Sources, store.SourceKiosk)
	}
	return actor
}

// correctionLine is one correction as the history shows it.
func correctionLine(e *env, c store.Correction) string {
	at := c.At.In(e.db.Location()).Format("01-02 15:04")
	switch c.Field {
	case store.FieldVoid:
		return fmt.Sprintf("%s  %s  %s%s%s", at, e.actorName(c.Actor), e.tr(lang.VoidMark), e.tr(lang.ColonSep), c.After)
	case store.FieldUndo:
		return fmt.Sprintf("%s  %s  %s%s%s → %s", at, e.actorName(c.Actor), e.label(store.CorrectionLabels(), c.Field), e.tr(lang.ColonSep),
			e.label(store.BookingStatuses, c.Before), e.label(store.BookingStatuses, c.After))
	}
	before, after := c.Before, c.After
	if before == "" {
		before = "—"
	}
	if after == "" {
		after = "—"
	}
	return fmt.Sprintf("%s  %s  %s %s: %s → %s", at, e.actorName(c.Actor), e.tr(lang.Corrected),
		e.label(store.CorrectionLabels(), c.Field), oneLine(before), oneLine(after))
}

// oneLine puts a text that may hold line breaks on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// readTime reads a time of day typed on day d (HH:MM, or forgiving forms
// such as 15 and 1500) as an instant in the center's zone; field names the
// form field at fault.
func (e *env) readTime(d store.Day, s, field string) (time.Time, error) {
	c, err := store.ReadClock(field, s)
	if err != nil {
		return time.Time{}, err
	}
	return d.At(c, e.db.Location()), nil
}

// detailPane is the details under a list: lines, then the latest n
// corrections of the record, each wrapped to w so nothing is cut; the list
// above gives up the rows they take.
func detailPane(e *env, lines []string, hist []store.Correction, n, w int) string {
	if len(hist) > n {
		hist = hist[len(hist)-n:]
	}
	for _, c := range hist {
		lines = append(lines, correctionLine(e, c))
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = hanging("", l, w)
	}
	return strings.Join(out, "\n")
}
