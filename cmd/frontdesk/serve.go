package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"time"

	"frontdesk/hub"
	"frontdesk/internal/tune"
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
	tune.Kiosk()
	ln, err := net.Listen("tcp", m.Addr)
	if err != nil {
		return fmt.Errorf("%s", m.tr(lang.CannotListenOn.Format(m.Addr, err)))
	}
	// The kiosk learns the port the system gave, so a detected public URL
	// and the printed links carry it.
	srv, err := kiosk.New(m.DB, kiosk.Config{
		Addr: ln.Addr().String(), PublicURL: publicURLFor(m.PublicURL, ln.Addr().String()), QRTTL: ttl, RateLimit: m.RateLimit, Lang: m.Lang,
		TrustedProxy: m.TrustedProxy,
	})
	if err != nil {
		ln.Close()
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	choresWait := m.startChores(ctx, backups)
	// However serve ends, the chores stop before Main closes the file.
	defer func() { cancel(); choresWait() }()
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
	// The listener is open: the kiosk itself answers a right URL. The probe
	// takes at most a second, and serve waits for it, so it never writes
	// after serve has returned.
	probed := make(chan struct{})
	go func() { defer close(probed); m.warnUnreachable(pub) }()
	defer func() { <-probed }()
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

// publicURLFor is --public-url, or, when it is not given and --addr names a
// host (127.0.0.1:8080, desk.local:8080), http://that host: the kiosk then
// detects one only for a wildcard address (:8080, 0.0.0.0:8080).
func publicURLFor(given, addr string) string {
	if given != "" {
		return given
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil || host == "" || port == "" || port == "0" {
		return ""
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		return ""
	}
	return "http://" + net.JoinHostPort(host, port)
}

// publicURLUnreachable says why nothing answers at the public URL (phones
// scanning the codes would find nothing), or "" when something listens there.
func publicURLUnreachable(pub string) string {
	u, err := url.Parse(pub)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"https": "443"}[u.Scheme]
		if port == "" {
			port = "80"
		}
	}
	c, err := net.DialTimeout("tcp", net.JoinHostPort(u.Hostname(), port), time.Second)
	if err != nil {
		return err.Error()
	}
	c.Close()
	return ""
}

// warnUnreachable logs, and writes to stderr, that nothing answers at pub.
func (m *Main) warnUnreachable(pub string) {
	if why := publicURLUnreachable(pub); why != "" {
		slog.Warn("nothing answers at the public URL", "url", pub, "err", why)
		fmt.Fprintln(m.Stderr, m.tr(lang.PublicURLUnreachable.Format(pub, why)))
	}
}
