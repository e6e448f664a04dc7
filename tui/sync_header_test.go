package tui

import (
	"context"
	"testing"

	"frontdesk/store"
)

// TestHeaderShowsSync checks that a center reporting to a hub sees the
// state of its reporting in the header, and one that does not sees nothing.
func TestHeaderShowsSync(t *testing.T) {
	db, _ := mustOpen(t, true)
	state := "上报[✗ 19:05 连不上汇总库 待传 12]"
	d := newDriver(t, db, Options{Staff: "王芳", Sync: func() string { return state }})
	d.send(teaSize(160, 30))
	d.wantView("上报[✗ 19:05 连不上汇总库 待传 12]")
	state = "上报[19:06 ✓]"
	d.send(teaSize(160, 30))
	d.wantView("上报[19:06 ✓]")

	plain := newDriver(t, db, Options{Staff: "王芳"})
	plain.send(teaSize(160, 30))
	plain.dontWantView("上报")
}

// TestSettingsShowIdentity checks that the 设置 tab's center section shows
// the center's code, level and parent once init has given them.
func TestSettingsShowIdentity(t *testing.T) {
	db, _ := mustOpen(t, true)
	if err := db.SetIdentity(context.Background(), store.Identity{Code: "140213001", Level: "street", Parent: "140213"}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.send(teaSize(120, 30))
	d.key("6")
	d.edit(func(tb tab) tab { m := tb.(settingsTab); m.section = sectionCenter; return m })
	d.wantView("中心代码", "140213001 街道 ↑140213")
}
