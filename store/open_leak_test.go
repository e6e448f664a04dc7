package store_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// TestFailedOpenLeaksNoGoroutine opens files that are refused at each stage
// (no folder, not a database, a newer schema, settings that cannot be read
// once the committer runs) and checks that every goroutine Open started is
// gone again.
func TestFailedOpenLeaksNoGoroutine(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.db")
	noSettings := filepath.Join(dir, "nosettings.db")
	for _, p := range []string{newer, noSettings} {
		db, err := store.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	raw := func(path, sqlText string) {
		c, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Exec(sqlText); err != nil {
			t.Fatal(err)
		}
	}
	raw(newer, "PRAGMA user_version = 999")
	raw(noSettings, "ALTER TABLE settings RENAME TO settings_gone")

	cases := []struct{ name, path string }{
		{"NoFolder", filepath.Join(dir, "missing", "center.db")},
		{"NotADatabase", garbage},
		{"NewerSchema", newer},
		{"SettingsUnreadable", noSettings},
	}
	settle() // goroutines of the set-up above end first
	before := runtime.NumGoroutine()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, err := store.Open(c.path)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%s) succeeded, want it refused", c.path)
			}
		})
	}
	if after := settle(); after > before {
		buf := make([]byte, 1<<16)
		t.Fatalf("goroutines: %d before the failed opens, %d after\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}

// settle waits for goroutines that are ending to be gone and returns how
// many are left.
func settle() int {
	n := runtime.NumGoroutine()
	for range 50 {
		runtime.Gosched()
		time.Sleep(10 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m == n {
			return m
		}
		n = m
	}
	return n
}
