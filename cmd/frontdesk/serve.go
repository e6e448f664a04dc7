package main

import (
	"context"
	"flag"
	"fmt"
	"net"

	"frontdesk/hub"
	"frontdesk/kiosk"
)

func serveFlags(m *Main, fs *flag.FlagSet) {
	kioskFlags(m, fs)
	sshFlags(m, fs)
	syncFlags(m, fs)
	fs.IntVar(&m.RateLimit, "rate-limit", 10, m.text("每个地址每分钟最多提交表单次数，0 为不限", "form submissions per minute from one address; 0 turns the limit off"))
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
		return fmt.Errorf("%s", m.text("--rate-limit 不能为负数", "--rate-limit cannot be negative"))
	}
	backups, err := m.schedule()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", m.Addr)
	if err != nil {
		return fmt.Errorf("%s", m.text(fmt.Sprintf("无法监听 %s：%v", m.Addr, err), fmt.Sprintf("cannot listen on %s: %v", m.Addr, err)))
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
	go m.housekeep(ctx)
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
	fmt.Fprintf(m.Stdout, "%s %s\n", m.text("扫码服务监听：", "kiosk listening on:"), ln.Addr())
	fmt.Fprintf(m.Stdout, "%s %s\n", m.text("公开地址：    ", "public URL:        "), pub)
	fmt.Fprintf(m.Stdout, "%s %s/\n", m.text("大厅屏幕：    ", "lobby screen:      "), pub)
	fmt.Fprintf(m.Stdout, "%s %s\n", m.text("每日台账：    ", "daily log (staff): "), srv.DailyLogURL())
	m.printSSH(ssh)
	if ttl == 0 {
		fmt.Fprintln(m.Stdout, m.text("二维码为固定码（--qr-ttl 0），可打印张贴。", "QR codes are static (--qr-ttl 0) and may be printed."))
	}
	if syncState != nil {
		fmt.Fprintf(m.Stdout, m.text("每 %s 上报到 %s；%s\n", "reporting to %[2]s every %[1]s; %[3]s\n"), m.SyncEvery, hub.Redact(m.Hub), syncState())
	}
	fmt.Fprintln(m.Stdout, m.text("按 Ctrl+C 停止。", "Press Ctrl+C to stop."))
	err = srv.Serve(ctx, ln)
	fmt.Fprintln(m.Stdout, m.text("扫码服务已停止。", "kiosk stopped."))
	return err
}
