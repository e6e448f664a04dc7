package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"frontdesk/demo"
	"frontdesk/store"
)

func initFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Center, "center", "", m.text("中心名称（必填）", "the center's name (required)"))
	fs.StringVar(&m.TZ, "tz", "", m.text("时区，默认 Asia/Shanghai", "time zone, default Asia/Shanghai"))
	fs.Var((*multiFlag)(&m.Venues), "venue", m.text("场地“名称:容纳人数[:08:00-21:00]”，可重复", `a venue "NAME:CAPACITY[:08:00-21:00]", repeatable`))
	fs.StringVar(&m.Staff, "staff", "", m.text("新中心：第一位负责人；已有中心：以哪位负责人的身份修改（默认：数据库文件的所有者）", "a new center: its first manager; one set up: the manager making the change (default: the database file's owner)"))
	fs.StringVar(&m.Code, "code", "", m.text("中心代码（统计用区划代码：市、区 6 位，街道 9 位，社区 12 位）", "the center's code (statistical division code: 6 digits for a city or district, 9 for a street, 12 for a community)"))
	fs.StringVar(&m.Level, "level", "", m.text("级别：city、district、street 或 community", "level: city, district, street or community"))
	fs.StringVar(&m.Parent, "parent", "", m.text("上一级中心的代码", "the code of the center one level up"))
	fs.BoolVar(&m.NewStaffToken, "new-staff-token", false, m.text("只更换台账链接（工作人员令牌），二维码不变", "replace only the daily-log link (the staff token); QR codes stay"))
	fs.BoolVar(&m.NewSecret, "new-secret", false, m.text("更换扫码签名密钥：旧二维码（含打印的固定码）和台账链接立即失效", "replace the kiosk's signing secret: old QR codes (printed static ones too) and daily-log links stop working"))
}

func (m *Main) runInit(ctx context.Context) error {
	in := store.InitInput{Center: m.Center, TimeZone: m.TZ, Staff: m.Staff}
	if in.Center == "" && m.DB.Settings().Initialized() {
		// An initialised file keeps its name when init only adds to it.
		in.Center = m.DB.Settings().CenterName
	}
	id, err := m.identity(ctx)
	if err != nil {
		return err
	}
	for _, s := range m.Venues {
		v, err := store.ParseVenueSpec(s)
		if err != nil {
			return err
		}
		in.Venues = append(in.Venues, v)
	}
	if m.Staff == "" {
		// Without --staff the machine's administrator acts; a user who is
		// not may still run an init that changes nothing.
		if a, err := m.actor(); err == nil {
			in.Actor = a
		}
	}
	res, err := m.DB.InitChanges(ctx, in)
	if err != nil {
		return m.fieldError(err)
	}
	if id.Set() {
		if err := m.DB.SetIdentity(ctx, id); err != nil {
			return err
		}
	}
	venues, err := m.DB.Venues(ctx, false)
	if err != nil {
		return err
	}
	if m.NewSecret {
		actor, err := m.actor()
		if err != nil {
			return err
		}
		if err := m.DB.RotateSecret(ctx, actor); err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, m.text("已更换扫码签名密钥：旧二维码和台账链接已失效，请重新打印固定码。",
			"the kiosk's signing secret is new: old QR codes and daily-log links no longer work; reprint static codes."))
	}
	if m.NewStaffToken {
		if err := m.DB.RotateStaffToken(ctx); err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, m.text("已更换台账链接：旧链接已失效，二维码不受影响。", "the daily-log link is new: the old one no longer works; QR codes are unchanged."))
	}
	s := m.DB.Settings()
	fmt.Fprintf(m.Stdout, m.text("中心：%s（时区 %s），场地 %d 个，数据库 %s\n", "center: %s (time zone %s), %d venues, database %s\n"),
		s.CenterName, s.TimeZone, len(venues), m.DBPath)
	if len(res.VenuesAdded) > 0 {
		fmt.Fprintln(m.Stdout, m.text("新增场地：", "venues added: ")+strings.Join(res.VenuesAdded, m.text("、", ", ")))
	}
	if len(res.VenuesUpdated) > 0 {
		fmt.Fprintln(m.Stdout, m.text("更新场地：", "venues updated: ")+strings.Join(res.VenuesUpdated, m.text("、", ", ")))
	}
	if res.StaffAdded != "" {
		fmt.Fprintln(m.Stdout, m.text("第一位负责人：", "first manager: ")+res.StaffAdded)
	}
	if !res.Changed() && !m.NewSecret && !id.Set() {
		fmt.Fprintln(m.Stdout, m.text("没有需要修改的内容。", "nothing to change."))
	}
	if id.Set() {
		fmt.Fprintf(m.Stdout, m.text("中心代码 %s（%s），上级 %s\n", "center code %s (%s), parent %s\n"),
			id.Code, store.LabelOf(store.Levels, id.Level).Text(m.Lang), orDash(id.Parent))
	}
	return nil
}

// identity is the code, level and parent init was given, over the stored
// ones, so a second run may change one of them alone; the zero Identity when
// init was given none.
func (m *Main) identity(ctx context.Context) (store.Identity, error) {
	if m.Code == "" && m.Level == "" && m.Parent == "" {
		return store.Identity{}, nil
	}
	id, err := m.DB.Identity(ctx)
	if err != nil {
		return id, err
	}
	if m.Code != "" {
		id.Code = m.Code
	}
	if m.Level != "" {
		id.Level = m.Level
	}
	if m.Parent != "" || m.Level == store.LevelCity {
		id.Parent = m.Parent
	}
	return id, id.Validate()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func demoFlags(m *Main, fs *flag.FlagSet) {
	fs.Int64Var(&m.Seed, "seed", 1, m.text("随机种子，同一种子生成相同数据", "random seed; the same seed gives the same data"))
	fs.StringVar(&m.Network, "network", "", m.text("在这个目录里生成一个区的演示网络（区、3 个街道、12 个社区，各一个文件）",
		"make a demo district in this folder (a district, 3 streets, 12 communities, a file each)"))
}

func (m *Main) runDemo(ctx context.Context) error {
	if m.Network != "" {
		return m.runDemoNetwork(ctx)
	}
	sum, err := demo.Generate(ctx, m.DB, m.Seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, m.text("演示数据已生成：来访 %d，诉求 %d，预约 %d（%s 至 %s），数据库 %s\n",
		"demo data made: %d visits, %d requests, %d bookings (%s to %s), database %s\n"),
		sum.Visits, sum.Requests, sum.Bookings, sum.From, sum.To, m.DBPath)
	return nil
}

func backupFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Output, "o", "", m.text("备份文件（必填）", "backup file (required)"))
}

func (m *Main) runBackup(ctx context.Context) error {
	if err := m.DB.Backup(ctx, m.Output); err != nil {
		return err
	}
	ok, err := m.DB.IntegrityCheck(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, m.text("已备份到 %s（原库完整性检查：%s）\n", "backed up to %s (integrity check of the source: %s)\n"), m.Output, ok)
	return nil
}

func purgeFlags(m *Main, fs *flag.FlagSet) {
	fs.IntVar(&m.OlderThan, "older-than", 0, m.text("匿名化早于这么多天的记录（必填）", "anonymise records older than this many days (required)"))
	fs.StringVar(&m.Staff, "staff", "", m.text("以哪位负责人的身份操作（默认：数据库文件的所有者）", "the manager doing it (default: the database file's owner)"))
}

func (m *Main) runPurge(ctx context.Context) error {
	actor, err := m.actor()
	if err != nil {
		return err
	}
	res, err := m.DB.Purge(ctx, actor, m.OlderThan)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, m.text("已匿名化：来访 %d，来访人 %d，诉求 %d，预约 %d\n", "anonymised: %d visits, %d visitors, %d requests, %d bookings\n"),
		res.Visits, res.Visitors, res.Requests, res.Bookings)
	return nil
}

func (m *Main) runVersion(ctx context.Context) error {
	fmt.Fprintf(m.Stdout, "frontdesk %s (schema %d)\n", version, store.SchemaVersion())
	return nil
}

// runDemoNetwork makes the demo district, a file per center.
func (m *Main) runDemoNetwork(ctx context.Context) error {
	centers, err := demo.GenerateNetwork(ctx, m.Network, m.Seed)
	if err != nil {
		return err
	}
	for _, c := range centers {
		fmt.Fprintf(m.Stdout, "%-12s %-9s %-9s %s  %s\n", c.Code, c.Level, orDash(c.Parent), c.Path, c.Name)
	}
	fmt.Fprintf(m.Stdout, m.text("演示网络已生成：%d 个中心，目录 %s；逐个运行 frontdesk sync --db 文件 --hub 地址 即可上报\n",
		"demo network made: %d centers in %s; run frontdesk sync --db FILE --hub URL for each to report\n"), len(centers), m.Network)
	return nil
}
