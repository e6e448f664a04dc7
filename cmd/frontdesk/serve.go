package main

import (
	"context"
	"flag"
	"fmt"
	"net"

	"frontdesk/hub"
	"frontdesk/kiosk"
	"frontdesk/lang"
)

func serveFlags(m *Main, fs *flag.FlagSet) {
	kioskFlags(m, fs)
	sshFlags(m, fs)
	syncFlags(m, fs)
	fs.IntVar(&m.RateLimit, "rate-limit", 10, m.tr(lang.FlagRateLimit))
}

// runServe runs the kiosk alone, until SIGINT or SIGTERM ends ctx; then the
// server stops taking requests and finishes those in flight, and Main.Close
// closes the database.
func (m *Main) runServe(ctx context.Context) error {
	if err := m.requireInit(); err != nil {
		return err
	}
	ttl, err := m.qrTTL()
	if err != nil {
		return err
	}
	if m.RateLimit < 0 {
		return fmt.Errorf("%s", m.tr(lang.RateLimitNegative))
	}
	backups, err := m.schedule()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", m.Addr)
	if err != nil {
		return fmt.Errorf("%s", m.tr(lang.CannotListenOn.Format(m.Addr, err)))
	}
	// The kiosk learns the port the system gave, so a detected public URL
	// and the printed links carry it.
	srv, err := kiosk.New(m.DB, kiosk.Config{
		Addr: ln.Addr().String(), PublicURL: m.PublicURL, QRTTL: ttl, RateLimit: m.RateLimit, Lang: m.Lang,
		TrustedProxy: m.TrustedProxy,
	})
	if err != nil {
		ln.Close()
		return err
	}
	go housekeep(ctx, m.DB)
	go m.DB.RunBackups(ctx, backups) // a failure shows on the desk's banner and in /healthz
	ctx, cancel := context.WithCancel(ctx)
	// The sync starts first, so desks over SSH show its state too.
	syncState, syncWait, err := m.startSync(ctx)
	if err != nil {
		cancel()
		ln.Close()
		return err
	}
	// The sync stops before Main closes the file it reads.
	defer func() { cancel(); syncWait() }()
	ssh, sshDone, err := m.startSSH(ctx, srv)
	if err != nil {
		ln.Close()
		return err
	}
	defer func() { cancel(); <-sshDone }()
	pub := srv.PublicURL()
	fmt.Fprintf(m.Stdout, "%s %s\n", m.tr(lang.KioskListeningOn), ln.Addr())
	fmt.Fprintf(m.Stdout, "%s %s\n", m.tr(lang.PublicURL), pub)
	fmt.Fprintf(m.Stdout, "%s %s/\n", m.tr(lang.LobbyScreen), pub)
	fmt.Fprintf(m.Stdout, "%s %s\n", m.tr(lang.DailyLogStaff), srv.DailyLogURL())
	m.printSSH(ssh)
	if ttl == 0 {
		fmt.Fprintln(m.Stdout, m.tr(lang.StaticCodesNote))
	}
	if syncState != nil {
		fmt.Fprintf(m.Stdout, m.tr(lang.ReportingTo2SEvery1), m.SyncEvery, hub.Redact(m.Hub), syncState())
	}
	fmt.Fprintln(m.Stdout, m.tr(lang.PressCtrlCToStop))
	err = srv.Serve(ctx, ln)
	fmt.Fprintln(m.Stdout, m.tr(lang.KioskStopped))
	return err
}
