package main

import (
	"context"
	"flag"
	"fmt"
)

func serveFlags(m *Main, fs *flag.FlagSet) {
	kioskFlags(m, fs)
	fs.IntVar(&m.RateLimit, "rate-limit", 10, m.text("每个地址每分钟最多提交表单次数，0 为不限", "form submissions per minute from one address; 0 turns the limit off"))
}

// runServe runs the kiosk alone.
func (m *Main) runServe(ctx context.Context) error {
	return fmt.Errorf("%s", m.text("扫码服务尚未完成", "the kiosk is not built yet"))
}
