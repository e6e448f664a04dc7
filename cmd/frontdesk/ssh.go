package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/kiosk"
	"frontdesk/lang"
	"frontdesk/sshdesk"
	"frontdesk/tui"
)

// sshFlags is --ssh, which the desk and serve share.
func sshFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.SSH, "ssh", "", m.tr(lang.AlsoServeDeskOverSSHOn))
}

// startSSH serves the desk over SSH when --ssh is given, each session a
// desk of the signed-in staff member on this process's store and kiosk. It
// returns the server (nil without --ssh) and a channel that is closed when
// the server has stopped after ctx ends.
func (m *Main) startSSH(ctx context.Context, k *kiosk.Server) (*sshdesk.Server, <-chan struct{}, error) {
	done := make(chan struct{})
	if m.SSH == "" {
		close(done)
		return nil, done, nil
	}
	var srv *sshdesk.Server
	srv, err := sshdesk.New(m.DB, sshdesk.Config{
		Addr: m.SSH, HostKeyPath: sshdesk.HostKeyPath(m.DBPath), Lang: m.Lang, Logger: slog.Default(),
		IdleTimeout: m.sshIdleTimeout,
		Desk: func(s sshdesk.Session) tea.Model {
			return tui.New(m.DB, tui.Options{Staff: s.Staff.Name, Lang: s.Lang, Remote: s.Remote, Renderer: s.Renderer,
				KioskAddr: k.PublicURL(), KioskUp: k.Up, Links: kioskLinks(k), Sync: m.syncState,
				SSHAddr: srv.Addr().String(), SSHFingerprint: srv.Fingerprint()})
		},
	})
	if err != nil {
		return nil, nil, err
	}
	slog.Info("ssh desk listening", "addr", srv.Addr().String(), "fingerprint", srv.Fingerprint())
	go func() {
		defer close(done)
		if err := srv.Serve(ctx); err != nil {
			slog.Error("ssh desk stopped", "err", err)
		}
	}()
	return srv, done, nil
}

// sshIdleTimeout is how long an SSH desk may sit without a key press: the
// center's setting, read again at each check so a change applies at once.
func (m *Main) sshIdleTimeout() time.Duration { return m.DB.Settings().SSHIdle }

// printSSH tells where the SSH desk listens and the host key's fingerprint,
// which staff compare with what ssh shows on their first connection.
func (m *Main) printSSH(srv *sshdesk.Server) {
	if srv == nil {
		return
	}
	fmt.Fprintf(m.Stdout, "%s %s\n", m.tr(lang.SSHDeskOn), srv.Addr())
	fmt.Fprintf(m.Stdout, "%s %s\n", m.tr(lang.SSHHostKey), srv.Fingerprint())
}

// kioskLinks lists the kiosk's forms with their current tokens, for the
// desk's QR view.
func kioskLinks(k *kiosk.Server) func() []tui.Link {
	return func() []tui.Link {
		var out []tui.Link
		for _, l := range k.FormLinks() {
			out = append(out, tui.Link{Title: l.Title, URL: l.URL})
		}
		return out
	}
}
