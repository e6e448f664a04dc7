package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// faultFlags are the flags about faults and their recovery: scheduled
// backups and the trusted proxy of the desk and serve, restore's input and
// init's staff-token rotation.
type faultFlags struct {
	BackupDir     string
	BackupEvery   time.Duration
	BackupKeep    int
	TrustedProxy  string
	Input         string
	NewStaffToken bool
}

// scheduleFlags are the desk's and serve's flags for backups and the proxy.
func scheduleFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.BackupDir, "backup-dir", "", m.tr(lang.TakeScheduledBackupsIntoThisFolder))
	fs.DurationVar(&m.BackupEvery, "backup-every", time.Hour, m.tr(lang.HowOftenScheduledBackupIsTaken))
	fs.IntVar(&m.BackupKeep, "backup-keep", 48, m.tr(lang.HowManyScheduledBackupsToKeep))
	fs.StringVar(&m.TrustedProxy, "trusted-proxy", "", m.tr(lang.ReverseProxyIPOrCIDRWhose))
}

// schedule reads the backup flags, refusing a schedule that cannot work.
func (m *Main) schedule() (store.BackupSchedule, error) {
	s := store.BackupSchedule{Dir: m.BackupDir, Every: m.BackupEvery, Keep: m.BackupKeep}
	return s, s.Check()
}

// readers are the one-shot commands that only read: they open the file
// read-only, so they work on a read-only file in a read-only folder, and
// log to stderr.
func reader(command string) bool { return command == "report" || command == "backup" }

// logTo sets the default logger: readers log warnings to stderr; the others
// log to the file, and serve's errors also go to stderr (the log may sit on
// the very disk that is full). The desk's stderr is its screen, and a
// one-shot command says its own error, in the user's language, once.
func (m *Main) logTo() error {
	if reader(m.Command) {
		slog.SetDefault(slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
		return nil
	}
	f, err := os.OpenFile(m.LogPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		// Say so and log to stderr: the database's own check then tells
		// whether the folder is read-only or full.
		fmt.Fprintln(m.Stderr, m.tr(lang.CannotOpenLogFileLoggingTo.Format(m.LogPath, err)))
		slog.SetDefault(slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
		return nil
	}
	m.logCloser = f
	var h slog.Handler = slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelInfo})
	if m.Command == "serve" {
		h = slog.NewMultiHandler(h, slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	}
	slog.SetDefault(slog.New(h))
	return nil
}

// openDB opens the file the way the command needs it: only the desk,
// serve, init and demo may create it.
func (m *Main) openDB() (*store.DB, error) {
	if reader(m.Command) {
		return store.OpenReadOnly(m.DBPath)
	}
	creates := slices.Contains([]string{"", "serve", "init", "demo"}, m.Command)
	return store.OpenWith(m.DBPath, store.OpenOptions{MustExist: !creates})
}

func restoreFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Input, "i", "", m.tr(lang.BackupFileToRestoreRequired))
}

// runRestore puts a backup in place of the database; it opens nothing
// itself (store.Restore refuses while anyone has the file open).
func (m *Main) runRestore(ctx context.Context) error {
	res, err := store.Restore(ctx, m.DBPath, m.Input)
	if err != nil {
		return err
	}
	if res.Replaced != "" {
		fmt.Fprintf(m.Stdout, m.tr(lang.ReplacedDatabaseIsKeptAs), res.Replaced)
	}
	if res.Unread != nil {
		fmt.Fprintf(m.Stdout, m.tr(lang.ReplacedDatabaseCouldNotBeRead), res.Unread, store.RestoreFloor+1)
	} else if res.Raised > 0 {
		fmt.Fprintf(m.Stdout, m.tr(lang.ReceiptCountersCarriedOverFromReplaced), res.Raised)
	}
	fmt.Fprintf(m.Stdout, m.tr(lang.RestoredInto), m.Input, m.DBPath)
	return nil
}
