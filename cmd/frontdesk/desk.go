package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"frontdesk/kiosk"
	"frontdesk/lang"
	"frontdesk/tui"
)

func deskFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Staff, "staff", "", m.tr(lang.FlagStaff))
	kioskFlags(m, fs)
	sshFlags(m, fs)
	syncFlags(m, fs)
}

// kioskFlags are the flags the desk and serve share for the kiosk.
func kioskFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Addr, "addr", ":8080", m.tr(lang.FlagAddr))
	fs.StringVar(&m.PublicURL, "public-url", "", m.tr(lang.FlagPublicURL))
	scheduleFlags(m, fs)
	fs.StringVar(&m.QRTTL, "qr-ttl", "10m", m.tr(lang.FlagQRTTL))
}

// qrTTL reads --qr-ttl, which the desk and serve share.
// Without the flag, the rotation the center chose (frontdesk settings
// --qr-ttl) stands.
func (m *Main) qrTTL() (time.Duration, error) {
	if !m.set["qr-ttl"] && m.DB != nil && m.DB.Settings().QRTTLSet {
		return m.DB.Settings().QRTTL, nil
	}
	ttl, err := time.ParseDuration(m.QRTTL)
	if err != nil || ttl < 0 {
		return 0, fmt.Errorf("%s", m.tr(lang.QRTTLNotDuration.Format(m.QRTTL)))
	}
	return ttl, nil
}

// runDesk runs the terminal UI with the kiosk in the same process. The kiosk
// stops gracefully when the UI ends or a signal arrives.
func (m *Main) runDesk(ctx context.Context) error {
	ttl, err := m.qrTTL()
	if err != nil {
		return err
	}
	if m.Staff != "" {
		// A deactivated or unknown name does not get a desk.
		if _, err := m.DB.StartDesk(ctx, m.Staff); err != nil {
			return err
		}
	}
	in, out := m.Stdin, m.Stdout
	if !isTerminal(in) || !isTerminal(out) {
		return fmt.Errorf("%s", m.tr(lang.DeskNeedsTerminal))
	}
	backups, err := m.schedule()
	if err != nil {
		return err
	}
	srv, err := kiosk.New(m.DB, kiosk.Config{Addr: m.Addr, PublicURL: publicURLFor(m.PublicURL, m.Addr), QRTTL: ttl, RateLimit: 10,
		Lang: m.Lang, Logger: slog.Default(), TrustedProxy: m.TrustedProxy})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	syncState, syncWait, err := m.startSync(ctx)
	if err != nil {
		return err
	}
	defer func() { cancel(); syncWait() }()
	kioskDone := make(chan struct{})
	go func() {
		defer close(kioskDone)
		if err := srv.Run(ctx); err != nil {
			slog.Error("kiosk stopped", "err", err)
		}
	}()
	go housekeep(ctx, m.DB)
	go m.DB.RunBackups(ctx, backups) // a failure shows on the desk's banner and in /healthz
	go func() {
		time.Sleep(time.Second) // the kiosk's listener first
		if why := publicURLUnreachable(srv.PublicURL()); why != "" && srv.Up() {
			slog.Warn("nothing answers at the public URL", "url", srv.PublicURL(), "err", why)
		}
	}()
	ssh, sshDone, err := m.startSSH(ctx, srv)
	if err != nil {
		cancel()
		<-kioskDone
		return err
	}
	m.printSSH(ssh)
	opts := tui.Options{Staff: m.Staff, Lang: m.Lang, KioskAddr: srv.PublicURL(), KioskUp: srv.Up, Links: kioskLinks(srv), Sync: syncState}
	if ssh != nil {
		opts.RemoteDesks = ssh.Sessions
		opts.SSHAddr, opts.SSHFingerprint = ssh.Addr().String(), ssh.Fingerprint()
	}
	model := tui.New(m.DB, opts)
	p := tea.NewProgram(model, tea.WithAltScreen(), tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out))
	_, err = p.Run()
	cancel()
	<-kioskDone
	<-sshDone
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled) {
		// A signal ended the desk: a normal way to stop.
		return nil
	}
	if err != nil {
		slog.Error("desk", "err", err)
	}
	return err
}

// isTerminal reports whether f is a terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}
