package store

import (
	"context"
	"fmt"
	"time"
)

// KeyKeep is how long a one-time submission key is kept: far longer than a
// form page can be sent from (its code expires within the day), so a retry
// is always recognised, while the table stays the size of a month.
const KeyKeep = 30 * 24 * time.Hour

// PruneKeys forgets the one-time keys older than KeyKeep and returns how many
// it forgot. A key holds no one's details; this only keeps the table small.
func (db *DB) PruneKeys(ctx context.Context) (int64, error) {
	var n int64
	err := db.write(ctx, func(t *tx) error {
		r, err := t.Exec("DELETE FROM submission_keys WHERE created_at < ?", unix(t.now.Add(-KeyKeep)))
		if err != nil {
			return fmt.Errorf("prune submission keys: %w", err)
		}
		n, _ = r.RowsAffected()
		return nil
	})
	return n, err
}
