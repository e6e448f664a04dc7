package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

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
	fs.StringVar(&m.BackupDir, "backup-dir", "", m.text("定时备份到这个目录（不填则不定时备份）", "take scheduled backups into this folder (off unless given)"))
	fs.DurationVar(&m.BackupEvery, "backup-every", time.Hour, m.text("定时备份的间隔", "how often a scheduled backup is taken"))
	fs.IntVar(&m.BackupKeep, "backup-keep", 48, m.text("保留最近多少份定时备份", "how many scheduled backups to keep"))
	fs.StringVar(&m.TrustedProxy, "trusted-proxy", "", m.text("可信的反向代理地址（IP 或网段）；其 X-Forwarded-For 才被采信", "the reverse proxy (IP or CIDR) whose X-Forwarded-For is believed"))
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
// log to the file, and errors also to stderr (the log may sit on the very
// disk that is full) unless stderr is the desk's screen.
func (m *Main) logTo() error {
	if reader(m.Command) {
		slog.SetDefault(slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
		return nil
	}
	f, err := os.OpenFile(m.LogPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		// Say so and log to stderr: the database's own check then tells
		// whether the folder is read-only or full.
		fmt.Fprintln(m.Stderr, m.text(fmt.Sprintf("无法打开日志文件 %s：%v；日志改写到标准错误", m.LogPath, err),
			fmt.Sprintf("cannot open log file %s: %v; logging to stderr", m.LogPath, err)))
		slog.SetDefault(slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
		return nil
	}
	m.logCloser = f
	var h slog.Handler = slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelInfo})
	if m.Command != "" {
		h = slog.NewMultiHandler(h, slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	}
	slog.SetDefault(slog.New(h))
	return nil
}

// openDB opens the file the way the command needs it.
func (m *Main) openDB() (*store.DB, error) {
	if reader(m.Command) {
		return store.OpenReadOnly(m.DBPath)
	}
	return store.Open(m.DBPath)
}

func restoreFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Input, "i", "", m.text("要恢复的备份文件（必填）", "the backup file to restore (required)"))
}

// runRestore puts a backup in place of the database; it opens nothing
// itself (store.Restore refuses while anyone has the file open).
func (m *Main) runRestore(ctx context.Context) error {
	res, err := store.Restore(ctx, m.DBPath, m.Input)
	if err != nil {
		return err
	}
	if res.Replaced != "" {
		fmt.Fprintf(m.Stdout, m.text("原数据库已另存为 %s\n", "the replaced database is kept as %s\n"), res.Replaced)
	}
	if res.Unread != nil {
		fmt.Fprintf(m.Stdout, m.text("原数据库无法读取（%v）：自备份以来每天的受理编号从 %d 起继续，不会与已发出的重复\n",
			"the replaced database could not be read (%v): each day's receipt numbers since the backup go on from %d, so none repeats\n"), res.Unread, store.RestoreFloor+1)
	} else if res.Raised > 0 {
		fmt.Fprintf(m.Stdout, m.text("已沿用原数据库的 %d 个受理编号计数，备份之后发出的编号不会再次发出\n",
			"%d receipt counters carried over from the replaced database: no number handed out after the backup is issued again\n"), res.Raised)
	}
	fmt.Fprintf(m.Stdout, m.text("已从 %s 恢复到 %s\n", "restored %s into %s\n"), m.Input, m.DBPath)
	return nil
}
