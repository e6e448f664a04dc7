// Command frontdesk is the front desk of a Party-mass service center: a
// terminal UI for the desk, a web kiosk for visitors' phones, and one SQLite
// file. This file only reads flags and wires the parts together.
package main

import (
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
	"syscall"
	"time"

	"frontdesk/store"
)

// version is set at build time by the Makefile.
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	if err := m.ParseFlags(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(m.Stderr, err)
		os.Exit(2)
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
	zh, en  string
	flags   func(m *Main, fs *flag.FlagSet)
	run     func(m *Main, ctx context.Context) error
	needsDB bool
}

func commands() []command {
	return []command{
		{"", "前台：终端界面，同时启动扫码服务", "the desk: terminal UI, with the kiosk in the same process", deskFlags, (*Main).runDesk, true},
		{"serve", "只运行扫码服务（大厅屏幕、手机表单），无终端界面", "the kiosk alone (lobby screen, phone forms), headless", serveFlags, (*Main).runServe, true},
		{"init", "设置中心名称、时区和场地（可重复运行）", "set the center's name, time zone and venues (idempotent)", initFlags, (*Main).runInit, true},
		{"demo", "生成截至今天一个月的演示数据", "fill the database with a realistic month ending today", demoFlags, (*Main).runDemo, true},
		{"report", "输出每日台账或统计", "print the daily log or statistics", reportFlags, (*Main).runReport, true},
		{"backup", "在运行中备份数据库", "copy the database consistently while the desk runs", backupFlags, (*Main).runBackup, true},
		{"restore", "从备份恢复数据库（须先停止前台和扫码服务）", "put a backup in place of the database (stop the desk and the kiosk first)", restoreFlags, (*Main).runRestore, true},
		{"sync", "把新的变动上报到汇总库", "push what changed to the network's hub", syncCommandFlags, (*Main).runSync, true},
		{"hub init", "建立或升级汇总库（PostgreSQL）的表结构", "create or upgrade the hub's schema (PostgreSQL)", hubInitFlags, (*Main).runHubInit, false},
		{"network report", "汇总库里各中心的并列统计、排名", "the centers on the hub side by side, ranked", networkReportFlags, (*Main).runNetworkReport, false},
		{"purge", "匿名化旧记录中的姓名和电话", "anonymise names and phones of old records", purgeFlags, (*Main).runPurge, true},
		{"venue", "场地：list、add、edit、disable、enable", "venues: list, add, edit, disable, enable", venueFlags, (*Main).runVenue, true},
		{"staff", "工作人员：list、add、edit、disable、enable", "staff: list, add, edit, disable, enable", staffFlags, (*Main).runStaff, true},
		{"settings", "查看或修改中心设置（名称、时区、电话、二维码换码间隔）", "show or change the center's settings (name, zone, phone, QR rotation)", settingsFlags, (*Main).runSettings, true},
		{"version", "显示版本", "print the version", nil, (*Main).runVersion, false},
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
			return fmt.Errorf("%s", m.text(
				fmt.Sprintf("未知的子命令“%s”。可用：serve、init、venue、staff、settings、demo、report、backup、restore、sync、hub init、network report、purge、version（-h 查看帮助）", args[0]),
				fmt.Sprintf("unknown subcommand %q; try serve, init, venue, staff, settings, demo, report, backup, restore, sync, hub init, network report, purge, version (-h for help)", args[0])))
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
	if cmd.needsDB {
		fs.StringVar(&m.DBPath, "db", dbDefault, m.text("数据库文件（环境变量 FRONTDESK_DB）", "database file (env FRONTDESK_DB)"))
	}
	fs.StringVar(&m.Lang, "lang", m.Lang, m.text("界面语言：zh 或 en", "language: zh or en"))
	if cmd.flags != nil {
		cmd.flags(m, fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "%s — %s\n\n", name, m.text(cmd.zh, cmd.en))
		if cmd.name == "" {
			fmt.Fprintln(fs.Output(), m.text("子命令：", "Subcommands:"))
			for _, c := range cmds[1:] {
				fmt.Fprintf(fs.Output(), "  %-14s %s\n", c.name, m.text(c.zh, c.en))
			}
			fmt.Fprintln(fs.Output())
		}
		fmt.Fprintln(fs.Output(), m.text("参数：", "Flags:"))
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(fs, args, takesArgs(cmd.name))
	if err != nil {
		return err
	}
	m.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m.set[f.Name] = true })
	if m.Lang != "zh" && m.Lang != "en" {
		return fmt.Errorf("--lang 只能是 zh 或 en / --lang must be zh or en")
	}
	if len(rest) > 0 && !takesArgs(cmd.name) {
		return fmt.Errorf("%s", m.text(fmt.Sprintf("多余的参数：%s（-h 查看帮助）", strings.Join(rest, " ")),
			fmt.Sprintf("unexpected arguments: %s (-h for help)", strings.Join(rest, " "))))
	}
	m.Admin.Args = rest
	m.args = args
	return nil
}

// langFromArgs finds --lang before parsing, so even flag errors speak it.
func langFromArgs(args []string) string {
	for i, a := range args {
		switch {
		case a == "--lang=en" || a == "-lang=en":
			return "en"
		case (a == "--lang" || a == "-lang") && i+1 < len(args) && args[i+1] == "en":
			return "en"
		}
	}
	return "zh"
}

// Run runs the subcommand until it finishes or ctx is cancelled.
func (m *Main) Run(ctx context.Context) error {
	for _, c := range commands() {
		if c.name != m.Command {
			continue
		}
		if c.needsDB && c.name != "restore" && !(c.name == "demo" && m.Network != "") {
			if err := m.open(); err != nil {
				return err
			}
		}
		return c.run(m, ctx)
	}
	return fmt.Errorf("unknown command %q", m.Command)
}

// open opens the database and the log file beside it.
func (m *Main) open() error {
	if m.LogPath == "" {
		m.LogPath = filepath.Join(filepath.Dir(m.DBPath), "frontdesk.log")
	}
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

// text picks the message for the run's language.
func (m *Main) text(zh, en string) string {
	if m.Lang == "en" {
		return en
	}
	return zh
}

// message turns an error into what the user reads.
func (m *Main) message(err error) string {
	var se *store.Error
	if errors.As(err, &se) {
		return m.text("错误：", "error: ") + se.Message(m.Lang)
	}
	return m.text("错误：", "error: ") + err.Error()
}

// requireInit refuses to run on a database without a center.
func (m *Main) requireInit() error {
	if !m.DB.Settings().Initialized() {
		return fmt.Errorf("%s", m.text(
			fmt.Sprintf("数据库 %s 还没有设置中心，请先运行 frontdesk init --center 名称（或 frontdesk demo）", m.DBPath),
			fmt.Sprintf("database %s has no center yet; run frontdesk init --center NAME (or frontdesk demo) first", m.DBPath)))
	}
	return nil
}

// multiFlag collects a repeatable flag.
type multiFlag []string

func (f *multiFlag) String() string     { return strings.Join(*f, ", ") }
func (f *multiFlag) Set(s string) error { *f = append(*f, s); return nil }

// housekeep closes visits left open on past days, at start and then every
// minute, until ctx ends. The desk and serve both run it; running it twice is
// harmless, since a closed visit is not closed again.
func (m *Main) housekeep(ctx context.Context) {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for {
		if n, err := m.DB.CloseOpenVisits(ctx); err != nil && ctx.Err() == nil {
			slog.Error("auto close visits", "err", err)
		} else if n > 0 {
			slog.Info("auto closed visits", "n", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
