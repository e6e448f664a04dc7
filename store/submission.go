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
	var had string
	var id int64
	err := t.QueryRow("SELECT kind, record_id FROM submission_keys WHERE key = ?", key).Scan(&had, &id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read submission key: %w", err)
	}
	if had != kind {
		return 0, invalid("key", lang.FormExpired)
	}
	return id, nil
}

// remember records that key made record id, in the transaction that made it.
func (t *tx) remember(key, kind string, id int64) error {
	if key == "" {
		return nil
	}
	if _, err := t.Exec("INSERT INTO submission_keys (key, kind, record_id, created_at) VALUES (?, ?, ?, ?)",
		key, kind, id, unix(t.now)); err != nil {
		return fmt.Errorf("insert submission key: %w", err)
	}
	return nil
}
