package store_test

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"frontdesk/internal/faults"
	"frontdesk/store"
)

// md5File is the file's checksum, failing the test if it cannot be read.
func md5File(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := md5.Sum(b)
	return hex.EncodeToString(sum[:])
}

// centerFile makes a closed center database with a few days of records.
func centerFile(t testing.TB, dir string, visits int) string {
	t.Helper()
	path := filepath.Join(dir, "center.db")
	db, _ := mustOpenAt(t, path, "")
	mustCreateVenue(t, db, "多功能厅", 80)
	for i := range visits {
		mustCheckIn(t, db, visit(fmt.Sprintf("访客%d", i), "", "business"))
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRefuseNewerUntouched: a file from a newer frontdesk, in WAL and in
// rollback-journal mode, is refused by Open and OpenReadOnly and stays
// byte-for-byte as it was, with no file added beside it.
func TestRefuseNewerUntouched(t *testing.T) {
	for _, mode := range []string{"WAL", "DELETE"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			path := centerFile(t, dir, 3)
			raw := rawOpen(t, path)
			if _, err := raw.Exec(fmt.Sprintf("PRAGMA journal_mode = %s; PRAGMA user_version = %d", mode, store.SchemaVersion()+1)); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			sum, names := md5File(t, path), faults.Names(t, dir)
			b, _ := os.ReadFile(path)
			wantWAL := mode == "WAL"
			if gotWAL := b[18] == 2; gotWAL != wantWAL {
				t.Fatalf("header bytes 18-19 = %d %d, want WAL %v", b[18], b[19], wantWAL)
			}
			for name, open := range map[string]func(string) (*store.DB, error){"Open": store.Open, "OpenReadOnly": store.OpenReadOnly} {
				db, err := open(path)
				if err == nil {
					db.Close()
					t.Fatalf("%s: a newer file was accepted", name)
				}
				wantCode(t, err, store.ECONFLICT, "")
				if got := md5File(t, path); got != sum {
					t.Errorf("%s changed the refused file: md5 %s, was %s", name, got, sum)
				}
				if got := faults.Names(t, dir); !slices.Equal(got, names) {
					t.Errorf("%s left files beside the refused one: %v, was %v", name, got, names)
				}
			}
		})
	}
}

// TestRefuseCorrupt: pages overwritten in the middle of the file are found
// at open; the refusal names the file and the restore command, and nothing
// is written to the damaged file.
func TestRefuseCorrupt(t *testing.T) {
	dir := t.TempDir()
	path := centerFile(t, dir, 400)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	if st.Size() < 8*4096 {
		t.Fatalf("file of %d bytes is too small to damage in the middle", st.Size())
	}
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", 2*4096/4))
	if _, err := f.WriteAt(junk, st.Size()/2/4096*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	sum := md5File(t, path)
	db, err := store.Open(path)
	if err == nil {
		db.Close()
		t.Fatal("a damaged file was accepted")
	}
	wantCode(t, err, store.ECORRUPT, "")
	msg := store.ErrorMessage(err, "zh")
	if !strings.Contains(msg, path) || !strings.Contains(msg, "frontdesk restore") {
		t.Errorf("message %q: want the file and how to restore", msg)
	}
	if got := md5File(t, path); got != sum {
		t.Error("the damaged file was written to")
	}
}

// TestImmutable: an immutable file (chattr +i), and a file in an immutable
// folder, are refused for writing with EREADONLY, while OpenReadOnly reads
// both.
func TestImmutable(t *testing.T) {
	for _, which := range []string{"file", "folder"} {
		t.Run(which, func(t *testing.T) {
			dir := t.TempDir()
			path := centerFile(t, dir, 3)
			target := path
			if which == "folder" {
				target = dir
			}
			faults.Chattr(t, "+i", target)
			t.Cleanup(func() { faults.Chattr(t, "-i", target) })
			sum := md5File(t, path)
			db, err := store.Open(path)
			if err == nil {
				db.Close()
				t.Fatal("an immutable file was opened for writing")
			}
			wantCode(t, err, store.EREADONLY, "")
			if msg := store.ErrorMessage(err, "zh"); !strings.Contains(msg, path) || !strings.Contains(msg, "只读") {
				t.Errorf("message %q: want the file and why", msg)
			}
			ro, err := store.OpenReadOnly(path)
			if err != nil {
				t.Fatalf("OpenReadOnly: %v", err)
			}
			visits, err := ro.VisitsOn(ctx, baseDay)
			if err != nil || len(visits) != 3 {
				t.Errorf("read-only: %d visits, %v; want 3", len(visits), err)
			}
			if h := ro.Health(); h.Writable || store.ErrorCode(h.Fault) != store.EREADONLY {
				t.Errorf("read-only health: %+v", h)
			}
			_, err = ro.CheckIn(ctx, visit("新访客", "", "business"))
			wantCode(t, err, store.EREADONLY, "")
			ro.Close()
			if got := md5File(t, path); got != sum {
				t.Error("the immutable file changed")
			}
		})
	}
}

// TestDiskFull fills a small tmpfs: writes then fail with EFULL, Health
// says so, the WAL stays small, what was acknowledged stays, and once room
// is made the next write lands and the fault clears.
func TestDiskFull(t *testing.T) {
	dir := faults.Tmpfs(t, "4m")
	path := filepath.Join(dir, "center.db")
	db, _ := mustOpenAt(t, path, "")
	defer db.Close()
	mustCreateVenue(t, db, "多功能厅", 80)
	filler := faults.Fill(t, dir, 256<<10) // leave a little room
	stored := 0
	var ferr error
	long := strings.Repeat("很长的备注", 38)
	for i := range 5000 {
		in := visit(fmt.Sprintf("访客%d", i), "", "business")
		in.Note = long
		if _, ferr = db.CheckIn(ctx, in); ferr != nil {
			break
		}
		stored++
	}
	wantCode(t, ferr, store.EFULL, "")
	if msg := store.ErrorMessage(ferr, "zh"); !strings.Contains(msg, "存储空间已满") {
		t.Errorf("message %q", msg)
	}
	h := db.Health()
	if h.Writable || store.ErrorCode(h.Fault) != store.EFULL {
		t.Errorf("health on a full disk: %+v", h)
	}
	if h.WALBytes > 2<<20 {
		t.Errorf("WAL is %d bytes on a full disk, want at most 2 MB", h.WALBytes)
	}
	if h.FreeBytes < 0 || h.FreeBytes > 256<<10 {
		t.Errorf("free bytes %d", h.FreeBytes)
	}
	visits, err := db.VisitsOn(ctx, baseDay)
	if err != nil || len(visits) != stored {
		t.Errorf("after the disk filled: %d visits, %v; want the %d acknowledged", len(visits), err, stored)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckIn(ctx, visit("空间恢复后", "", "business")); err != nil {
		t.Fatalf("a write after room was made: %v", err)
	}
	if h := db.Health(); !h.Writable {
		t.Errorf("health after room was made: %+v", h)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// receipts opens path, checks n visitors in and returns their receipt
// numbers.
func receipts(t *testing.T, path string, n int) []string {
	t.Helper()
	db, _ := mustOpenAt(t, path, "")
	defer db.Close()
	var out []string
	for i := range n {
		out = append(out, mustCheckIn(t, db, visit(fmt.Sprintf("访客%d", i), "", "business")).ReceiptNo)
	}
	return out
}

// TestRestoreNoRepeat: backup, more submissions, restore, more submissions:
// no receipt number is handed out twice; the replaced file is kept aside.
// When the replaced file is destroyed, numbers continue above RestoreFloor.
func TestRestoreNoRepeat(t *testing.T) {
	for _, destroyed := range []bool{false, true} {
		t.Run(fmt.Sprint("destroyed=", destroyed), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "center.db")
			seen := receipts(t, path, 3)
			db, _ := mustOpenAt(t, path, "")
			backup := filepath.Join(dir, "backup.db")
			if err := db.Backup(ctx, backup); err != nil {
				t.Fatal(err)
			}
			db.Close()
			seen = append(seen, receipts(t, path, 4)...)
			if destroyed {
				if err := os.WriteFile(path, []byte(strings.Repeat("x", 8192)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res, err := store.Restore(ctx, path, backup)
			if err != nil {
				t.Fatal(err)
			}
			if (res.Unread != nil) != destroyed {
				t.Errorf("unread = %v, destroyed = %v", res.Unread, destroyed)
			}
			if _, err := os.Stat(res.Replaced); err != nil {
				t.Errorf("the replaced file was not kept: %v", err)
			}
			after := receipts(t, path, 3)
			for _, r := range after {
				if slices.Contains(seen, r) {
					t.Errorf("receipt %s issued again after the restore (before: %v)", r, seen)
				}
			}
			if destroyed && !strings.HasSuffix(after[0], fmt.Sprintf("%04d", store.RestoreFloor+1)) {
				t.Errorf("after a restore over a destroyed file: %s, want number %d", after[0], store.RestoreFloor+1)
			}
			if !destroyed && !strings.HasSuffix(after[0], "0008") {
				t.Errorf("after the restore: %s, want number 8", after[0])
			}
		})
	}
}

// TestRestoreRefuses: a restore while the database is open, or from a
// damaged or missing backup, is refused and changes nothing.
func TestRestoreRefuses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "center.db")
	receipts(t, path, 2)
	db, _ := mustOpenAt(t, path, "")
	backup := filepath.Join(dir, "backup.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	_, err := store.Restore(ctx, path, backup)
	wantCode(t, err, store.EBUSY, "")
	db.Close()
	bad := filepath.Join(dir, "bad.db")
	b, _ := os.ReadFile(backup)
	copy(b[len(b)/2:], strings.Repeat("\xff", 4096))
	os.WriteFile(bad, b, 0o644)
	sum := md5File(t, path)
	for _, from := range []string{bad, filepath.Join(dir, "missing.db")} {
		if _, err := store.Restore(ctx, path, from); err == nil {
			t.Errorf("restore from %s: accepted", from)
		}
	}
	if md5File(t, path) != sum {
		t.Error("a refused restore changed the database")
	}
}

// TestScheduledBackups keeps the newest Keep backups, each a sound file.
func TestScheduledBackups(t *testing.T) {
	db := mustOpen(t)
	dir := filepath.Join(t.TempDir(), "backups")
	s := store.BackupSchedule{Dir: dir, Every: 1 << 40, Keep: 2}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := db.BackupNow(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	names := faults.Names(t, dir)
	if len(names) != 2 {
		t.Fatalf("backups kept: %v, want 2", names)
	}
	st := db.BackupState()
	if st.Err != nil || filepath.Base(st.LastFile) != names[1] {
		t.Errorf("state %+v, files %v", st, names)
	}
	os.RemoveAll(dir)
	os.WriteFile(dir, nil, 0o644) // a file where the folder was: the next backup fails
	if err := db.BackupNow(ctx, s); err == nil {
		t.Error("a backup into a file that is no folder succeeded")
	}
	if db.BackupState().Err == nil {
		t.Error("the failure is not in BackupState")
	}
}

// TestQueuedWritesAnsweredInTime: while another process holds the write
// lock, more writers than a batch holds all get their busy answer within
// about QueueWait + BusyTimeout, the bound a phone is promised, though most
// of them waited in the committer's queue behind a batch stuck on the lock.
// It fails if the committer runs a job that has waited past QueueWait: that
// job's batch then waits BusyTimeout more.
func TestQueuedWritesAnsweredInTime(t *testing.T) {
	db := mustOpen(t)
	release := faults.Lock(t, db.Path())
	defer release()
	bound := store.QueueWait + store.BusyTimeout + time.Second
	var wg sync.WaitGroup
	var mu sync.Mutex
	var slowest time.Duration
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			_, err := db.CheckIn(ctx, store.VisitInput{Name: "排队", Phone: fmt.Sprintf("137%08d", i), Purpose: "consult", Actor: "王芳"})
			waited := time.Since(start)
			if store.ErrorCode(err) != store.EBUSY {
				t.Errorf("check-in behind the lock: %v, want EBUSY", err)
			}
			mu.Lock()
			slowest = max(slowest, waited)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if slowest > bound {
		t.Errorf("the slowest writer waited %v, want at most %v", slowest, bound)
	}
}
