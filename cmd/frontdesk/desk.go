package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"frontdesk/internal/termio"
	"frontdesk/internal/tune"
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
	tune.Kiosk()
	// The desk listens for the kiosk first, so its header can say why the
	// kiosk is down (a port in use) while the desk works on.
	addr, why := m.Addr, ""
	ln, err := net.Listen("tcp", m.Addr)
	if err != nil {
		why = listenFailure(err, m.tr)
		slog.Error("kiosk cannot listen", "addr", m.Addr, "err", err)
	} else {
		addr = ln.Addr().String()
	}
	srv, err := kiosk.New(m.DB, kiosk.Config{Addr: addr, PublicURL: publicURLFor(m.PublicURL, addr), QRTTL: ttl, RateLimit: 10,
		Lang: m.Lang, Logger: slog.Default(), TrustedProxy: m.TrustedProxy})
	if err != nil {
		if ln != nil {
			ln.Close()
		}
		return err
	}
	kioskAddr := srv.PublicURL()
	if why != "" {
		kioskAddr += " " + m.tr(lang.KioskCannotListen.Format(why))
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
		if ln == nil {
			return
		}
		if err := srv.Serve(ctx, ln); err != nil {
			slog.Error("kiosk stopped", "err", err)
		}
	}()
	choresWait := m.startChores(ctx, backups)
	defer func() { cancel(); choresWait() }()
	go func() {
		time.Sleep(time.Second) // the kiosk's listener first
		if why := publicURLUnreachable(srv.PublicURL()); why != "" && ln != nil {
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
	opts := tui.Options{Staff: m.Staff, Lang: m.Lang, KioskAddr: kioskAddr, KioskUp: srv.Up, Links: kioskLinks(srv), Sync: syncState}
	if ssh != nil {
		opts.RemoteDesks = ssh.Sessions
		opts.SSHAddr, opts.SSHFingerprint = ssh.Addr().String(), ssh.Fingerprint()
	}
	model := tui.New(m.DB, opts)
	p := tea.NewProgram(model, tea.WithAltScreen(), tea.WithContext(ctx), tea.WithInput(termio.WholeRunes(in)), tea.WithOutput(out))
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

// listenFailure says in a few words why the kiosk could not listen.
func listenFailure(err error, tr func(lang.Text) string) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return tr(lang.PortInUse)
	case errors.Is(err, syscall.EACCES):
		return tr(lang.PortNotAllowed)
	}
	return err.Error()
}
