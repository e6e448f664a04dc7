package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/internal/faults"
	"frontdesk/store"
)

// TestBannerFullDisk: when the disk fills, the desk says so above its
// header; when room is made and a write lands, the banner goes.
func TestBannerFullDisk(t *testing.T) {
	dir := faults.Tmpfs(t, "4m")
	db, err := store.Open(filepath.Join(dir, "fd.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	clk := &testClock{now: at(10, 0)}
	db.Now = clk.Now
	ctx := context.Background()
	if err := db.Init(ctx, store.InitInput{Center: "城南街道党群服务中心", Staff: "王芳"}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, db, Options{Staff: "王芳"})
	if v := d.view(); strings.Contains(v, "无法保存") {
		t.Fatalf("a banner before any fault:\n%s", v)
	}
	filler := faults.Fill(t, dir, 0)
	for i := 0; i < 2000; i++ {
		_, err = db.CheckIn(ctx, store.VisitInput{Name: "访客", Purpose: "business", Org: strings.Repeat("单位", 30), Actor: "王芳"})
		if err != nil {
			break
		}
	}
	if store.ErrorCode(err) != store.EFULL {
		t.Fatalf("filling the disk: %v, want EFULL", err)
	}
	d.send(tickMsg(time.Now()))
	if v := d.view(); !strings.Contains(v, "无法保存：存储空间已满") {
		t.Errorf("no full-disk banner:\n%s", v)
	}
	faults.Remove(t, filler)
	if _, err := db.CheckIn(ctx, store.VisitInput{Name: "访客", Purpose: "business", Actor: "王芳"}); err != nil {
		t.Fatal(err)
	}
	d.send(tickMsg(time.Now()))
	if v := d.view(); strings.Contains(v, "无法保存") {
		t.Errorf("the banner stayed after room was made:\n%s", v)
	}
	db.Close()
}

// TestBannerBackupFailed: a scheduled backup that fails shows on the desk.
func TestBannerBackupFailed(t *testing.T) {
	db, _ := mustOpen(t, true)
	d := newDriver(t, db, Options{Staff: "王芳"})
	notDir := filepath.Join(t.TempDir(), "file")
	os.WriteFile(notDir, nil, 0o644)
	if err := db.BackupNow(context.Background(), store.BackupSchedule{Dir: notDir, Every: time.Hour, Keep: 2}); err == nil {
		t.Fatal("a backup into a file succeeded")
	}
	d.send(tickMsg(time.Now()))
	if v := d.view(); !strings.Contains(v, "定时备份失败") {
		t.Errorf("no backup banner:\n%s", v)
	}
}
