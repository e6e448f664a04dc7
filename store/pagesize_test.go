package store_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"frontdesk/store"
)

// A file Open makes has store.PageSize pages and is in WAL mode from its first
// page; a file made before with SQLite's default pages opens as it is, and
// its backup, and the file restored from that, have the new pages.
func TestNewFileHasSmallPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "center.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckIn(ctx, store.VisitInput{Name: "张三", Phone: "13800001111", Purpose: "volunteer", Source: "kiosk"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	size, wal := pageHeader(t, path)
	if size != store.PageSize || !wal {
		t.Fatalf("a new file has pages of %d bytes (WAL %v), want %d in WAL mode", size, wal, store.PageSize)
	}

	old := filepath.Join(t.TempDir(), "old.db")
	raw := rawOpen(t, old)
	if _, err := raw.Exec("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err = store.Open(old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckIn(ctx, store.VisitInput{Name: "李四", Phone: "13800002222", Purpose: "volunteer", Source: "kiosk"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if size, _ := pageHeader(t, old); size != 4096 {
		t.Fatalf("a file made with 4096-byte pages has %d after Open", size)
	}

	// Its backup has the new pages, and so does the file restored from it.
	db, err = store.Open(old)
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	err = db.Backup(ctx, backup)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if size, _ := pageHeader(t, backup); size != store.PageSize {
		t.Fatalf("the backup of a file with 4096-byte pages has pages of %d bytes, want %d", size, store.PageSize)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	if _, err := store.Restore(ctx, restored, backup); err != nil {
		t.Fatal(err)
	}
	db, err = store.Open(restored)
	if err != nil {
		t.Fatal(err)
	}
	visits, err := db.VisitsOn(ctx, db.Today())
	db.Close()
	if err != nil || len(visits) != 1 || visits[0].Name != "李四" {
		t.Fatalf("the restored file's visits today: %v, %v; want 李四's", visits, err)
	}
	if size, wal := pageHeader(t, restored); size != store.PageSize || !wal {
		t.Fatalf("the file restored from it has pages of %d bytes (WAL %v), want %d in WAL mode", size, wal, store.PageSize)
	}
}

// pageHeader reads a database file's page size and WAL flag from its header.
func pageHeader(t *testing.T, path string) (int, bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 100 {
		t.Fatalf("read %s: %v (%d bytes)", path, err, len(b))
	}
	return int(binary.BigEndian.Uint16(b[16:18])), b[18] == 2 && b[19] == 2
}
