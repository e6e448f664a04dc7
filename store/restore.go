package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"frontdesk/lang"
)

// RestoreFloor is where a day's receipt numbers continue after a restore
// whose replaced file could not be read: numbers from RestoreFloor+1 on. No
// center hands out that many of one kind in a day (the million-visit
// benchmark center averages under 1,400 visits a day), so numbers issued
// before the restore are not issued again.
const RestoreFloor = 5000

// RestoreResult says what a restore did.
type RestoreResult struct {
	Replaced string // where the replaced file was kept, "" if there was none
	Raised   int    // receipt counters raised above the backup's
	// Unread is set when the replaced file's counters could not be read, so
	// the days since the backup continue from RestoreFloor.
	Unread error
}

// Restore puts the backup at from in place of the database at path. It
// checks the backup (integrity, schema version), refuses while any frontdesk
// process has path open, keeps the replaced file (and its WAL) beside it as
// PATH.replaced-TIME (UTC, as backups are named), and carries over the
// replaced file's receipt counters where they are higher than the backup's,
// so no receipt number handed out after the backup is issued again. If the
// replaced file cannot be read, every day from the backup's newest counter
// to today continues from RestoreFloor instead.
func Restore(ctx context.Context, path, from string) (RestoreResult, error) {
	var res RestoreResult
	if from == "" {
		return res, invalid("i", lang.RestoreNeedsIn)
	}
	absFrom, _ := filepath.Abs(from)
	absPath, _ := filepath.Abs(path)
	if absFrom == absPath {
		return res, invalid("i", lang.RestoreFromItself)
	}
	if _, err := os.Stat(from); err != nil {
		return res, invalid("i", lang.BackupFileNotFound.Format(from))
	}
	if err := checkBackup(ctx, from); err != nil {
		return res, err
	}
	lock, err := lockFile(path, true)
	exists := err == nil
	switch {
	case exists:
		defer lock.Close()
	case !os.IsNotExist(err):
		return res, err
	}
	tmp := path + ".restore-" + fmt.Sprint(time.Now().UnixNano())
	defer os.Remove(tmp)
	if err := copyFile(from, tmp); err != nil {
		return res, fmt.Errorf("restore: copy %s: %w", from, err)
	}
	var counters []counter
	if exists {
		counters, res.Unread = readCounters(ctx, path)
	}
	n, err := raiseCounters(ctx, tmp, counters, res.Unread != nil)
	if err != nil {
		return res, err
	}
	res.Raised = n
	if err := checkFile(ctx, tmp); err != nil {
		return res, err
	}
	if err := syncFile(tmp); err != nil {
		return res, err
	}
	if exists {
		res.Replaced = path + ".replaced-" + time.Now().UTC().Format(lang.StampLayout)
		for _, suffix := range []string{"-wal", "-shm", ""} {
			if err := os.Rename(path+suffix, res.Replaced+suffix); err != nil && !os.IsNotExist(err) {
				return res, fmt.Errorf("restore: keep %s aside: %w", path+suffix, err)
			}
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return res, fmt.Errorf("restore: %w", err)
	}
	return res, syncDir(filepath.Dir(absPath))
}

// checkBackup refuses a backup that is damaged, newer than this frontdesk or
// not a frontdesk database at all.
func checkBackup(ctx context.Context, from string) error {
	f, err := os.Open(from)
	if err != nil {
		return err
	}
	h, err := readHeader(f)
	f.Close()
	if err != nil || h == (header{}) {
		return Errorf(ECORRUPT, lang.NotABackup.Format(from))
	}
	if h.version > SchemaVersion() {
		return Errorf(ECONFLICT, lang.BackupTooNew.Format(from, h.version, SchemaVersion()))
	}
	if err := checkFile(ctx, from); err != nil {
		return err
	}
	c, err := sql.Open(driverName, dsn(from, "mode=ro"))
	if err != nil {
		return err
	}
	defer c.Close()
	var n int
	if err := c.QueryRowContext(ctx, "SELECT count(*) FROM counters").Scan(&n); err != nil {
		return Errorf(ECORRUPT, lang.NotABackupBecause.Format(from, err))
	}
	return nil
}

// counter is one receipt sequence: a kind on a day, and the last number.
type counter struct {
	kind, day string
	n         int
}

// readCounters reads the receipt counters of the file being replaced,
// read-only.
func readCounters(ctx context.Context, path string) ([]counter, error) {
	c, err := sql.Open(driverName, dsn(path, "mode=ro"))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	rows, err := c.QueryContext(ctx, "SELECT kind, day, n FROM counters")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []counter
	for rows.Next() {
		var k counter
		if err := rows.Scan(&k.kind, &k.day, &k.n); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// raiseCounters writes the high-water marks into the restored copy: each
// counter at least what the replaced file had; with unread set, every kind
// on every day from the copy's newest counter to today at least RestoreFloor.
func raiseCounters(ctx context.Context, file string, from []counter, unread bool) (int, error) {
	c, err := sql.Open(driverName, dsn(file, "_txlock=immediate"))
	if err != nil {
		return 0, err
	}
	defer c.Close()
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	raise := func(k counter) (int, error) {
		r, err := tx.Exec(`INSERT INTO counters (kind, day, n) VALUES (?, ?, ?)
			ON CONFLICT (kind, day) DO UPDATE SET n = excluded.n WHERE excluded.n > n`, k.kind, k.day, k.n)
		if err != nil {
			return 0, fmt.Errorf("restore: raise counters: %w", err)
		}
		n, _ := r.RowsAffected()
		return int(n), nil
	}
	total := 0
	for _, k := range from {
		n, err := raise(k)
		if err != nil {
			return 0, err
		}
		total += n
	}
	if unread {
		var last sql.NullString
		if err := tx.QueryRow("SELECT max(day) FROM counters").Scan(&last); err != nil {
			return 0, err
		}
		var tz sql.NullString
		tx.QueryRow("SELECT value FROM settings WHERE key = 'tz'").Scan(&tz)
		loc, err := time.LoadLocation(tz.String)
		if err != nil || !tz.Valid {
			loc, _ = time.LoadLocation(DefaultTimeZone)
		}
		today := time.Now().In(loc)
		start := today
		if d, err := time.ParseInLocation("2006-01-02", last.String, loc); err == nil && d.Before(today) {
			start = d
		}
		for d := start; !d.After(today); d = d.AddDate(0, 0, 1) {
			for _, kind := range []string{prefixRequest, prefixBooking, prefixVisit} {
				n, err := raise(counter{kind, d.Format("2006-01-02"), RestoreFloor})
				if err != nil {
					return 0, err
				}
				total += n
			}
		}
	}
	return total, tx.Commit()
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return errors.Join(out.Sync(), out.Close())
}
