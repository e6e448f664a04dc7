package tui

import (
	"errors"
	"strings"

	"frontdesk/lang"
	"frontdesk/store"
)

// banner is the line above the header while something stops the center's
// work: the database cannot take writes (a full disk, a read-only or
// damaged file), or the last scheduled backup failed. "" when all is well.
func (m *Model) banner() string {
	e := m.env
	h := e.db.Health()
	var lines []string
	if h.Fault != nil && store.ErrorCode(h.Fault) != store.EBUSY {
		lines = append(lines, e.tr(lang.Fault)+store.ErrorMessage(h.Fault, e.lang))
	}
	if h.Backup.Err != nil {
		var se *store.Error
		msg := h.Backup.Err.Error()
		if errors.As(h.Backup.Err, &se) {
			msg = se.Message(e.lang)
		}
		lines = append(lines, e.tr(lang.BackupFail)+msg)
	}
	for i, l := range lines {
		lines[i] = e.st.overdue.Render(clip(l, m.width))
	}
	return strings.Join(lines, "\n")
}
