package store

import (
	"database/sql"
	"fmt"

	"frontdesk/lang"
)

// replayed returns the id of the record a one-time key already made, or 0.
// A key made by another kind of form is refused: it cannot be a retry.
func (t *tx) replayed(key, kind string) (int64, error) {
	if key == "" {
		return 0, nil
	}
	var m keyMade
	err := t.QueryRow("SELECT kind, record_id FROM submission_keys WHERE key = ?", key).Scan(&m.kind, &m.id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read submission key: %w", err)
	}
	return m.record(kind)
}

// keyMade is what a one-time key made before: its form's kind and record.
type keyMade struct {
	kind string
	id   int64
}

// record is the id of the record m made, for a sending of a form of kind.
// A key made by another kind of form is refused: it cannot be a retry.
func (m keyMade) record(kind string) (int64, error) {
	if m.kind != kind {
		return 0, invalid("key", lang.FormExpired)
	}
	return m.id, nil
}

// keyInsert is remember's statement, followed by one keyRow a key
// (checkInsTogether keeps a batch's keys with one).
const (
	keyInsert = "INSERT INTO submission_keys (key, kind, record_id, created_at) VALUES "
	keyRow    = "(?, ?, ?, ?)"
)

// remember records that key made record id, in the transaction that made it.
func (t *tx) remember(key, kind string, id int64) error {
	if key == "" {
		return nil
	}
	if _, err := t.Exec(keyInsert+keyRow, key, kind, id, unix(t.now)); err != nil {
		return fmt.Errorf("insert submission key: %w", err)
	}
	return nil
}
