package main

import (
	"context"
	"flag"
	"fmt"
)

func reportFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Date, "date", "", m.text("日期 YYYY-MM-DD，默认今天", "day YYYY-MM-DD, default today"))
	fs.StringVar(&m.From, "from", "", m.text("起始日期 YYYY-MM-DD", "first day YYYY-MM-DD"))
	fs.StringVar(&m.To, "to", "", m.text("结束日期 YYYY-MM-DD", "last day YYYY-MM-DD"))
	fs.StringVar(&m.Format, "format", "text", m.text("格式：text、csv、html 或 json", "format: text, csv, html or json"))
	fs.StringVar(&m.Output, "o", "", m.text("输出文件，默认标准输出", "output file, default standard output"))
	fs.BoolVar(&m.Hours, "hours", false, m.text("输出志愿服务时长表和证明", "print the service-hours table and certificates"))
}

// runReport prints the daily log.
func (m *Main) runReport(ctx context.Context) error {
	return fmt.Errorf("%s", m.text("台账尚未完成", "the daily log is not built yet"))
}
