package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Backup writes a consistent copy of the database to path while the desk
// keeps working: VACUUM INTO reads one snapshot, so writes that land during
// the copy are simply not in it. The copy is made beside path and renamed
// into place, so a failed backup never leaves half a file where the last
// good one was.
func (db *DB) Backup(ctx context.Context, path string) error {
	if path == "" {
		return invalid("o", "请用 -o 指定备份文件", "give the backup file with -o")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("backup path: %w", err)
	}
	src, _ := filepath.Abs(db.path)
	if abs == src {
		return invalid("o", "备份文件不能是数据库本身", "the backup cannot overwrite the database itself")
	}
	tmp := abs + ".tmp-" + fmt.Sprint(time.Now().UnixNano())
	if _, err := db.r.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check and returns its verdict, "ok"
// for a sound file.
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var s string
	err := db.r.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&s)
	return s, translate(err)
}

// Anonymized is the name that replaces a purged person's name.
const Anonymized = "（已匿名）"

// PurgeResult counts what Purge anonymised.
type PurgeResult struct {
	Visits, Visitors, Requests, Bookings int64
}

// Purge anonymises the names and phones of records older than days days,
// keeping every other column, so counts, hours and rates in old reports
// stay as they were.
func (db *DB) Purge(ctx context.Context, days int) (PurgeResult, error) {
	var res PurgeResult
	if days < 1 {
		return res, invalid("older-than", "天数应为 1 以上的整数", "days must be at least 1")
	}
	err := db.write(ctx, func(t *tx) error {
		cut := unix(t.now.AddDate(0, 0, -days))
		steps := []struct {
			n   *int64
			sql string
		}{
			{&res.Visits, `UPDATE visits SET name = ?1, phone = '', note = '' WHERE checked_in_at < ?2 AND (name <> ?1 OR phone <> '')`},
			// A visitor's name is part of a unique key, so each gets its id.
			{&res.Visitors, `UPDATE visitors SET name = ?1 || id, phone = '', phone_last4 = '' WHERE last_seen_at < ?2 AND name NOT LIKE ?1 || '%'`},
			{&res.Requests, `UPDATE requests SET name = ?1, phone = '' WHERE created_at < ?2 AND (name <> ?1 OR phone <> '')`},
			{&res.Bookings, `UPDATE bookings SET contact = ?1, phone = '' WHERE start_at < ?2 AND (contact <> ?1 OR phone <> '')`},
		}
		for _, s := range steps {
			r, err := t.Exec(s.sql, Anonymized, cut)
			if err != nil {
				return fmt.Errorf("purge: %w", err)
			}
			*s.n, _ = r.RowsAffected()
		}
		t.publish(KindExternal, "purged", 0, "desk")
		return nil
	})
	return res, err
}
