package tui

import "testing"

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
