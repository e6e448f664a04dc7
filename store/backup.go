package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"frontdesk/lang"
)

// Backup writes a consistent copy of the database to path while the desk
// keeps working: VACUUM INTO reads one snapshot, so writes that land during
// the copy are simply not in it. The copy is made beside path, checked with
// PRAGMA integrity_check, synced and only then renamed into place, so a
// failed backup never leaves half a file where the last good one was.
func (db *DB) Backup(ctx context.Context, path string) error {
	if path == "" {
		return invalid("o", lang.BackupNeedsOut)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("backup path: %w", err)
	}
	src, _ := filepath.Abs(db.path)
	if abs == src {
		return invalid("o", lang.BackupOverwritesDB)
	}
	tmp := abs + ".tmp-" + fmt.Sprint(time.Now().UnixNano())
	if err := db.vacuumInto(ctx, tmp); err != nil {
		os.Remove(tmp)
		return backupFailed(path, translate(err))
	}
	if err := checkFile(ctx, tmp); err != nil {
		os.Remove(tmp)
		return backupFailed(path, err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return backupFailed(path, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return backupFailed(path, err)
	}
	return syncDir(filepath.Dir(abs))
}

// vacuumInto writes the snapshot's copy to path with PageSize pages, the
// pages of a file Open makes, whatever this file's own: VACUUM INTO writes
// the connection's pending page size. Restoring such a copy is how a file
// made before moves to the smaller pages.
func (db *DB) vacuumInto(ctx context.Context, path string) error {
	c, err := db.r.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", PageSize)); err != nil {
		return err
	}
	_, err = c.ExecContext(ctx, "VACUUM INTO ?", path)
	return err
}

// backupFailed names the backup that failed and keeps a coded cause (a full
// disk stays EFULL).
func backupFailed(path string, err error) error {
	e := &Error{Code: EINTERNAL, Text: lang.BackupToFailed.Format(path, err)}
	if c := ErrorCode(err); c != EINTERNAL {
		e.Code = c
	}
	return e
}

// checkFile runs PRAGMA integrity_check on a closed database file, read-only.
func checkFile(ctx context.Context, path string) error {
	c, err := sql.Open(driverName, dsn(path, "mode=ro"))
	if err != nil {
		return err
	}
	defer c.Close()
	var verdict string
	if err := c.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&verdict); err != nil {
		return corrupt(path, err.Error())
	}
	if verdict != "ok" {
		return corrupt(path, verdict)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// BackupState is how the scheduled backups are going.
type BackupState struct {
	Dir      string    // "" when no backups are scheduled
	LastOK   time.Time // when the last backup succeeded
	LastFile string    // the last backup written
	Err      error     // the last attempt's failure, nil after a success
	ErrAt    time.Time
}

// BackupState reports the scheduled backups' last outcome.
func (db *DB) BackupState() BackupState {
	db.faultMu.Lock()
	defer db.faultMu.Unlock()
	return db.backup
}

// BackupSchedule is what --backup-dir, --backup-every and --backup-keep ask.
type BackupSchedule struct {
	Dir   string
	Every time.Duration
	Keep  int
}

// Check refuses a schedule that cannot work, before anything starts.
func (s BackupSchedule) Check() error {
	switch {
	case s.Dir == "":
		return nil
	case s.Every < time.Minute:
		return invalid("backup-every", lang.BackupEveryTooShort)
	case s.Keep < 1:
		return invalid("backup-keep", lang.BackupKeepTooFew)
	}
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return invalid("backup-dir", lang.CannotCreateBackupFolder.Format(s.Dir, err))
	}
	return nil
}

// backupPrefix starts every scheduled backup's name in the folder.
func (db *DB) backupPrefix() string {
	return strings.TrimSuffix(filepath.Base(db.path), filepath.Ext(db.path)) + "-"
}

// RunBackups takes a backup into s.Dir at once and then every s.Every until
// ctx ends, keeping the newest s.Keep. A failure is logged and kept in
// BackupState, which the desk shows, and the next round tries again.
func (db *DB) RunBackups(ctx context.Context, s BackupSchedule) {
	if s.Dir == "" {
		return
	}
	db.faultMu.Lock()
	db.backup.Dir = s.Dir
	db.faultMu.Unlock()
	tick := time.NewTicker(s.Every)
	defer tick.Stop()
	for {
		db.BackupNow(ctx, s)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// BackupNow takes one scheduled backup and prunes the oldest.
func (db *DB) BackupNow(ctx context.Context, s BackupSchedule) error {
	name := db.backupPrefix() + time.Now().UTC().Format("20060102-150405.000000000") + ".db"
	file := filepath.Join(s.Dir, name)
	err := db.Backup(ctx, file)
	if err == nil {
		err = db.prune(s)
	}
	db.faultMu.Lock()
	db.backup.Dir = s.Dir
	if err != nil {
		db.backup.Err, db.backup.ErrAt = err, time.Now()
	} else {
		db.backup.Err, db.backup.LastOK, db.backup.LastFile = nil, time.Now(), file
	}
	db.faultMu.Unlock()
	if err != nil && ctx.Err() == nil {
		slog.Error("scheduled backup failed", "dir", s.Dir, "err", err)
	} else if err == nil {
		slog.Info("scheduled backup", "file", file)
	}
	return err
}

// prune removes all but the newest s.Keep scheduled backups (by the time in
// their names) and any temporary file a crash left behind.
func (db *DB) prune(s BackupSchedule) error {
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return err
	}
	var ours []string
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, db.backupPrefix()) {
			continue
		}
		if strings.Contains(n, ".db.tmp-") {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > s.Every {
				os.Remove(filepath.Join(s.Dir, n))
			}
			continue
		}
		if strings.HasSuffix(n, ".db") {
			ours = append(ours, n)
		}
	}
	sort.Strings(ours)
	var errs []error
	for len(ours) > s.Keep {
		errs = append(errs, os.Remove(filepath.Join(s.Dir, ours[0])))
		ours = ours[1:]
	}
	return errors.Join(errs...)
}

// IntegrityCheck runs PRAGMA integrity_check and returns its verdict, "ok"
// for a sound file.
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var s string
	err := db.r.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&s)
	return s, translate(err)
}

// Anonymized is the name that replaces a purged person's name.
const Anonymized = lang.Anonymized

// PurgeResult counts what Purge anonymised.
type PurgeResult struct {
	Visits, Visitors, Requests, Bookings int64
}

// Purge anonymises the names and phones of records older than days days,
// keeping every other column, so counts, hours and rates in old reports
// stay as they were.
//
// It is manager only, and recorded as a settings event.
func (db *DB) Purge(ctx context.Context, actor Actor, days int) (PurgeResult, error) {
	var res PurgeResult
	if days < 1 {
		return res, invalid("older-than", lang.DaysAtLeastOne)
	}
	err := db.write(ctx, func(t *tx) error {
		who, err := t.authorize(actor)
		if err != nil {
			return err
		}
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
		t.publish(KindExternal, "purged", 0, SourceDesk)
		return t.recordAdmin(who, KindSettings, 0, "", ActionPurged, nil, map[string]string{"older_than_days": fmt.Sprint(days),
			"visits": fmt.Sprint(res.Visits), "requests": fmt.Sprint(res.Requests), "bookings": fmt.Sprint(res.Bookings)})
	})
	return res, err
}
