package store_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"frontdesk/store"
)

// rawOpen opens path with a plain database/sql handle, as another program
// would.
func rawOpen(t testing.TB, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

func userVersion(t testing.TB, raw *sql.DB) int {
	t.Helper()
	var v int
	if err := raw.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func tableNames(t testing.TB, raw *sql.DB) map[string]bool {
	t.Helper()
	rows, err := raw.Query("SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out[n] = true
	}
	return out
}

func TestMigrate(t *testing.T) {
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations: got %v (%v), want files", files, err)
	}
	if got, want := store.SchemaVersion(), len(files); got != want {
		t.Fatalf("SchemaVersion: got %d, want %d (one per migration file)", got, want)
	}
	for i, f := range files {
		if want := fmt.Sprintf("migrations/%04d_", i+1); !strings.HasPrefix(filepath.ToSlash(f), want) {
			t.Errorf("migration %d: got %s, want it named %s…", i+1, f, want)
		}
	}

	t.Run("FromEmpty", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "new.db")
		db, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		raw := rawOpen(t, path)
		if got, want := userVersion(t, raw), store.SchemaVersion(); got != want {
			t.Errorf("user_version: got %d, want %d", got, want)
		}
		have := tableNames(t, raw)
		for _, tb := range tables {
			if !have[tb] {
				t.Errorf("table %s: missing after migration", tb)
			}
		}
		var mode string
		raw.QueryRow("PRAGMA journal_mode").Scan(&mode)
		if mode != "wal" {
			t.Errorf("journal mode: got %q, want wal", mode)
		}
		if db.Settings().Initialized() {
			t.Errorf("a new file: got initialised settings, want none until Init")
		}
	})

	t.Run("OlderFileUpgrades", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "old.db")
		raw := rawOpen(t, path)
		// A file as a frontdesk before any schema left it: a real SQLite
		// file at user_version 0 with no tables.
		if _, err := raw.Exec("CREATE TABLE scratch (x); DROP TABLE scratch; PRAGMA user_version = 0"); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Fatalf("old file: got %v (%v), want a non-empty file", st, err)
		}
		db, err := store.Open(path)
		if err != nil {
			t.Fatalf("open an old file: %v", err)
		}
		defer db.Close()
		if got, want := userVersion(t, rawOpen(t, path)), store.SchemaVersion(); got != want {
			t.Errorf("user_version after upgrade: got %d, want %d", got, want)
		}
		if err := db.Init(ctx, store.InitInput{Center: "老中心"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CheckIn(ctx, visit("张三", "", "business")); err != nil {
			t.Errorf("check in on an upgraded file: %v", err)
		}
	})

	t.Run("ErrNewerFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "future.db")
		raw := rawOpen(t, path)
		newer := store.SchemaVersion() + 1
		if _, err := raw.Exec(fmt.Sprintf("CREATE TABLE future (x); PRAGMA user_version = %d", newer)); err != nil {
			t.Fatal(err)
		}
		db, err := store.Open(path)
		if err == nil {
			db.Close()
			t.Fatal("open a file from a newer frontdesk: got success, want refusal")
		}
		wantCode(t, err, store.ECONFLICT, "")
		for _, lang := range []string{"zh", "en"} {
			msg := store.ErrorMessage(err, lang)
			if !strings.Contains(msg, fmt.Sprint(newer)) || !strings.Contains(msg, fmt.Sprint(store.SchemaVersion())) || !strings.Contains(msg, path) {
				t.Errorf("%s message %q: want the file, its version %d and ours %d", lang, msg, newer, store.SchemaVersion())
			}
		}
		if got := userVersion(t, raw); got != newer {
			t.Errorf("user_version after refusal: got %d, want %d (untouched)", got, newer)
		}
		if have := tableNames(t, raw); len(have) != 1 || !have["future"] {
			t.Errorf("tables after refusal: got %v, want only future", have)
		}
	})

	t.Run("Reopen", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "again.db")
		db, _ := mustOpenAt(t, path, "")
		v := mustCheckIn(t, db, visit("张三", "", "business"))
		db.Close()
		db, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		got, err := db.Visit(ctx, v.ID)
		if err != nil || got.Name != "张三" {
			t.Errorf("visit after reopening: got %+v (%v), want 张三", got, err)
		}
		if got := db.Settings().CenterName; got != "测试党群服务中心" {
			t.Errorf("center after reopening: got %q, want 测试党群服务中心", got)
		}
	})

	// A desk and a headless kiosk started together on a fresh file both
	// migrate it; neither may fail.
	t.Run("ConcurrentOpens", func(t *testing.T) {
		for round := range 5 {
			path := filepath.Join(t.TempDir(), fmt.Sprintf("race%d.db", round))
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for i := range errs {
				wg.Go(func() {
					db, err := store.Open(path)
					if err == nil {
						db.Close()
					}
					errs[i] = err
				})
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("round %d, open %d: %v", round, i, err)
				}
			}
		}
	})
}
