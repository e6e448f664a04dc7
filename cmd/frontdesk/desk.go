package main

import (
	"context"
	"flag"
	"fmt"
	"time"
)

func deskFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Staff, "staff", "", m.text("当班工作人员姓名（不填则从名单中选）", "staff member on duty (otherwise pick from a list)"))
	kioskFlags(m, fs)
}

// kioskFlags are the flags the desk and serve share for the kiosk.
func kioskFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Addr, "addr", ":8080", m.text("扫码服务监听地址", "kiosk listen address"))
	fs.StringVar(&m.PublicURL, "public-url", "", m.text("二维码使用的公开地址，默认取第一个非回环 IPv4 地址", "public URL in QR codes; default: first non-loopback IPv4 address"))
	fs.StringVar(&m.QRTTL, "qr-ttl", "10m", m.text("二维码有效期（每隔这么久换码，30 分钟内仍可用）；0 为固定码", "QR token rotation period (accepted for 30m); 0 for static codes"))
}

// runDesk runs the terminal UI with the kiosk in the same process.
func (m *Main) runDesk(ctx context.Context) error {
	if _, err := time.ParseDuration(m.QRTTL); err != nil {
		return fmt.Errorf("--qr-ttl: %v", err)
	}
	return fmt.Errorf("%s", m.text("终端界面尚未完成", "the terminal UI is not built yet"))
}
