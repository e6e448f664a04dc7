// Command frontdesk is the front desk of a Party-mass service center: a
// terminal UI for the desk, a web kiosk for visitors' phones, and one SQLite
// file. This file only reads flags and wires the parts together.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// version is set at build time by the Makefile.
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	if err := m.ParseFlags(os.Args[1:]); err != nil {
		os.Exit(m.parseFailed(err))
	}
	err := m.Run(ctx)
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(m.Stderr, m.message(err))
		os.Exit(1)
	}
}

// Main is one run of the binary: the subcommand, its flags, and what it
// opened. Tests drive the same Main.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer

	Command string // "" for the desk
	DBPath  string
	Lang    string
	LogPath string

	// Flags of the subcommands; each reads only its own.
	Staff     string
	Addr      string
	PublicURL string
	QRTTL     string
	RateLimit int
	SSH       string // --ssh: the SSH desk's address; "" is off
	Center    string
	TZ        string
	Venues    []string
	NewSecret bool
	Code      string
	Hub       string
	SyncEvery time.Duration
	syncState func() string // the background sync's header line, once started
	Network   string
	Level     string
	Parent    string
	Seed      int64
	Date      string
	From, To  string
	Format    string
	Output    string
	Hours     bool
	OlderThan int
	args      []string
	Admin     AdminFlags // venue, staff and settings
	faultFlags
	set       map[string]bool
	DB        *store.DB
	logCloser io.Closer
}

// NewMain returns a Main on the process's standard streams.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
}

// command describes a subcommand for help and dispatch.
type command struct {
	name    string
	title   lang.Text
	flags   func(m *Main, fs *flag.FlagSet)
	run     func(m *Main, ctx context.Context) error
	needsDB bool
}

func commands() []command {
	return []command{
		{"", lang.CommandDesk, deskFlags, (*Main).runDesk, true},
		{"serve", lang.CommandServe, serveFlags, (*Main).runServe, true},
		{"init", lang.CommandInit, initFlags, (*Main).runInit, true},
		{"demo", lang.CommandDemo, demoFlags, (*Main).runDemo, true},
		{"report", lang.CommandReport, reportFlags, (*Main).runReport, true},
		{"backup", lang.CommandBackup, backupFlags, (*Main).runBackup, true},
		{"restore", lang.PutBackupInPlaceOfDatabase, restoreFlags, (*Main).runRestore, true},
		{"sync", lang.PushWhatChangedToNetworkS, syncCommandFlags, (*Main).runSync, true},
		{"hub init", lang.CreateOrUpgradeHubSSchema, hubInitFlags, (*Main).runHubInit, false},
		{"network report", lang.CentersOnHubSideBySide, networkReportFlags, (*Main).runNetworkReport, false},
		{"purge", lang.CommandPurge, purgeFlags, (*Main).runPurge, true},
		{"venue", lang.VenuesListAddEditDisableEnable, venueFlags, (*Main).runVenue, true},
		{"staff", lang.StaffListAddEditDisableEnable, staffFlags, (*Main).runStaff, true},
		{"settings", lang.ShowOrChangeCenterSSettings, settingsFlags, (*Main).runSettings, true},
		{"version", lang.CommandVersion, nil, (*Main).runVersion, false},
	}
}

// ParseFlags reads the subcommand and its flags.
func (m *Main) ParseFlags(args []string) error {
	m.Lang = langFromArgs(args)
	cmds := commands()
	cmd := cmds[0]
	// Two-word commands (hub init, network report) are looked up whole.
	if len(args) > 1 && (args[0] == "hub" || args[0] == "network") && !strings.HasPrefix(args[1], "-") {
		args = append([]string{args[0] + " " + args[1]}, args[2:]...)
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		found := false
		for _, c := range cmds[1:] {
			if c.name == args[0] {
				cmd, found = c, true
			}
		}
		if !found {
			return fmt.Errorf("%s", m.tr(lang.CmdUnknownSubcommandTryServeInitVenue.Format(args[0])))
		}
		args = args[1:]
	}
	m.Command = cmd.name
	name := "frontdesk"
	if cmd.name != "" {
		name += " " + cmd.name
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	dbDefault := os.Getenv("FRONTDESK_DB")
	if dbDefault == "" {
		dbDefault = "frontdesk.db"
	}
	if cmd.needsDB || cmd.name == "version" {
		fs.StringVar(&m.DBPath, "db", dbDefault, m.tr(lang.FlagDB))
	}
	fs.StringVar(&m.Lang, "lang", m.Lang, m.tr(lang.FlagLang))
	if cmd.flags != nil {
		cmd.flags(m, fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "%s — %s\n\n", name, m.tr(cmd.title))
		if cmd.name == "" {
			fmt.Fprintln(fs.Output(), m.tr(lang.Subcommands))
			for _, c := range cmds[1:] {
				fmt.Fprintf(fs.Output(), "  %-14s %s\n", c.name, m.tr(c.title))
			}
			fmt.Fprintln(fs.Output())
		}
		fmt.Fprintln(fs.Output(), m.tr(lang.Flags))
		fs.PrintDefaults()
	}
	// The flag package writes its errors in English: they are caught here
	// and said in the chosen language, then the help follows.
	var out bytes.Buffer
	fs.SetOutput(&out)
	rest, err := parseInterspersed(fs, args, takesArgs(cmd.name))
	fs.SetOutput(m.Stderr)
	if err != nil {
		text := out.String()
		if !errors.Is(err, flag.ErrHelp) {
			text = strings.TrimPrefix(text, err.Error()+"\n")
			fmt.Fprintln(m.Stderr, m.tr(lang.Error)+m.flagError(err))
		}
		fmt.Fprint(m.Stderr, text)
		return printedError{err}
	}
	m.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m.set[f.Name] = true })
	if m.Lang != lang.ZH && m.Lang != lang.EN {
		return errors.New(lang.LangZhOrEn.ZH + " / " + lang.LangZhOrEn.EN) // both: the language is what is wrong
	}
	if len(rest) > 0 && !takesArgs(cmd.name) {
		return fmt.Errorf("%s", m.tr(lang.UnexpectedArguments.Format(strings.Join(rest, " "))))
	}
	m.Admin.Args = rest
	m.args = args
	return nil
}

// parseFailed prints a flag error unless the flag package already has, and
// returns the exit status: 0 for --help, 2 otherwise.
func (m *Main) parseFailed(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if !errors.As(err, new(printedError)) {
		fmt.Fprintln(m.Stderr, err)
	}
	return 2
}

// printedError is a flag error the flag package has already printed, with
// the usage, so main does not print it again.
type printedError struct{ error }

func (e printedError) Unwrap() error { return e.error }

// langFromArgs finds --lang before parsing, so even flag errors speak it.
func langFromArgs(args []string) string {
	for i, a := range args {
		switch {
		case a == "--lang=en" || a == "-lang=en":
			return lang.EN
		case (a == "--lang" || a == "-lang") && i+1 < len(args) && args[i+1] == lang.EN:
			return lang.EN
		}
	}
	return lang.ZH
}

// Run runs the subcommand until it finishes or ctx is cancelled.
func (m *Main) Run(ctx context.Context) error {
	for _, c := range commands() {
		if c.name != m.Command {
			continue
		}
		if c.name == "init" && m.Center == "" {
			// A new file needs a center's name; say so before creating it.
			if _, err := os.Stat(m.DBPath); errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("%s", m.tr(lang.InitNeedsCenter.Format(m.DBPath)))
			}
		}
		var fresh []string
		if c.name == "init" {
			fresh = m.absentFiles()
		}
		if c.needsDB && c.name != "restore" && !(c.name == "demo" && m.Network != "") {
			if err := m.open(); err != nil {
				m.removeFresh(fresh)
				return err
			}
		}
		err := c.run(m, ctx)
		if err != nil {
			m.removeFresh(fresh)
		}
		return err
	}
	return fmt.Errorf("unknown command %q", m.Command)
}

// absentFiles lists the files an init may create (the database, its WAL
// companions and the log beside it) that do not exist yet.
func (m *Main) absentFiles() []string {
	var absent []string
	for _, p := range []string{m.DBPath, m.DBPath + "-wal", m.DBPath + "-shm", m.DBPath + "-journal", m.logPath()} {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			absent = append(absent, p)
		}
	}
	return absent
}

// removeFresh closes the database and removes the files a refused command
// created, so that refusing leaves nothing behind.
func (m *Main) removeFresh(files []string) {
	if len(files) == 0 {
		return
	}
	m.Close()
	for _, p := range files {
		os.Remove(p)
	}
}

// logPath is where the log goes: LogPath, or frontdesk.log beside the
// database.
func (m *Main) logPath() string {
	if m.LogPath != "" {
		return m.LogPath
	}
	return filepath.Join(filepath.Dir(m.DBPath), "frontdesk.log")
}

// open opens the database and the log file beside it.
func (m *Main) open() error {
	m.LogPath = m.logPath()
	if err := m.logTo(); err != nil {
		return err
	}
	db, err := m.openDB()
	if err != nil {
		slog.Error("open database", "path", m.DBPath, "err", err)
		return err
	}
	m.DB = db
	slog.Info("opened", "db", m.DBPath, "command", m.Command, "version", version)
	return nil
}

// Close closes the database and the log.
func (m *Main) Close() error {
	var err error
	if m.DB != nil {
		err = m.DB.Close()
		m.DB = nil
	}
	if m.logCloser != nil {
		m.logCloser.Close()
		m.logCloser = nil
	}
	return err
}

// tr gives t in the run's language.
func (m *Main) tr(t lang.Text) string { return t.In(m.Lang) }

// message turns an error into what the user reads.
func (m *Main) message(err error) string {
	var se *store.Error
	if errors.As(err, &se) {
		return m.tr(lang.Error) + se.Message(m.Lang)
	}
	return m.tr(lang.Error) + err.Error()
}

// requireInit refuses to run on a database without a center.
func (m *Main) requireInit() error {
	if !m.DB.Settings().Initialized() {
		return fmt.Errorf("%s", m.tr(lang.NoCenterYet.Format(m.DBPath)))
	}
	return nil
}

// multiFlag collects a repeatable flag.
type multiFlag []string

func (f *multiFlag) String() string     { return strings.Join(*f, ", ") }
func (f *multiFlag) Set(s string) error { *f = append(*f, s); return nil }

// startChores runs the process's chores (closing visits left open, the
// scheduled backups) until ctx ends. The returned wait blocks until both have
// stopped, so neither outlives the database it uses nor logs after it closed.
func (m *Main) startChores(ctx context.Context, backups store.BackupSchedule) (wait func()) {
	var wg sync.WaitGroup
	db := m.DB
	wg.Go(func() { housekeep(ctx, db) })
	wg.Go(func() { db.RunBackups(ctx, backups) }) // a failure shows on the desk's banner and in /healthz
	return wg.Wait
}

// housekeep closes visits left open on past days, at start and then every
// minute, and forgets old one-time submission keys at start and then every
// hour, until ctx ends. The desk and serve both run it; running it twice is
// harmless, since a closed visit is not closed again. It is handed the DB
// when it starts, since Main.Close clears Main.DB while it may still run.
func housekeep(ctx context.Context, db *store.DB) {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for i := 0; ; i++ {
		if n, err := db.CloseOpenVisits(ctx); err != nil && ctx.Err() == nil {
			slog.Error("auto close visits", "err", err)
		} else if n > 0 {
			slog.Info("auto closed visits", "n", n)
		}
		if i%60 == 0 {
			if n, err := db.PruneKeys(ctx); err != nil && ctx.Err() == nil {
				slog.Error("prune submission keys", "err", err)
			} else if n > 0 {
				slog.Info("pruned submission keys", "n", n)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// flagError says a flag package error in the chosen language.
func (m *Main) flagError(err error) string {
	msg := err.Error()
	for prefix, t := range map[string]lang.Text{
		"flag provided but not defined: ": lang.FlagUnknown,
		"flag needs an argument: ":        lang.FlagNeedsValue,
		"invalid value ":                  lang.FlagBadValue,
		"invalid boolean value ":          lang.FlagBadValue,
		"bad flag syntax: ":               lang.FlagUnknown,
	} {
		rest, ok := strings.CutPrefix(msg, prefix)
		if !ok {
			continue
		}
		if t == lang.FlagBadValue {
			// invalid value "x" for flag -seed: parse error
			value, name, _ := strings.Cut(strings.Replace(rest, " for flag ", " for ", 1), " for ")
			name, _, _ = strings.Cut(name, ":")
			return m.tr(t.Format(name, value))
		}
		return m.tr(t.Format(rest))
	}
	return msg
}
