// Package faults makes the faults that the fault tests put a center
// through: a small volume that fills, an immutable file, a file another
// process holds locked. It is test support: nothing in the binary imports it.
package faults

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// Tmpfs mounts a tmpfs of size (such as "4m") on a new folder and unmounts
// it when the test ends. The tests run as root; a mount that fails fails
// the test.
func Tmpfs(t testing.TB, size string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "small")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount a %s tmpfs (the tests run as root): %v: %s", size, err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// Fill writes a file in dir until the volume is full, then gives back room
// bytes. It returns the file, whose removal makes room again.
func Fill(t testing.TB, dir string, room int64) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 64<<10)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	f.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, max(st.Size()-room, 0)); err != nil {
		t.Fatal(err)
	}
	return path
}

// Chattr sets or clears a file attribute (such as "+i"); the test fails if
// it cannot.
func Chattr(t testing.TB, flag, path string) {
	t.Helper()
	if out, err := exec.Command("chattr", flag, path).CombinedOutput(); err != nil {
		t.Fatalf("chattr %s %s: %v: %s", flag, path, err, out)
	}
}

// Lock holds SQLite's write lock on the database at path from a connection
// of its own, as another process would, until the returned release is
// called (or the test ends).
func Lock(t testing.TB, path string) (release func()) {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	tx, err := raw.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("INSERT INTO settings (key, value) VALUES ('lock_test', '1') ON CONFLICT (key) DO UPDATE SET value = value || '1'"); err != nil {
		t.Fatal(err)
	}
	done := false
	release = func() {
		if !done {
			done = true
			tx.Rollback()
			raw.Close()
		}
	}
	t.Cleanup(release)
	return release
}

// Remove deletes path, failing the test if it cannot.
func Remove(t testing.TB, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

// Names lists a folder's file names, to show that a refusal left nothing
// beside the file it refused.
func Names(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}
