package hub_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"frontdesk/demo"
	"frontdesk/hub"
	"frontdesk/internal/pgtest"
	"frontdesk/store"
)

// server is the one PostgreSQL of this test binary.
var server *pgtest.Server

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(m.Run())
	}
	var err error
	if server, err = pgtest.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if err := server.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	seedOnce.cleanup()
	os.Exit(code)
}

var ctx = context.Background()

// now is the tests' instant: the demo month ends on its day.
var now = time.Date(2026, 11, 20, 19, 30, 0, 0, time.FixedZone("CST", 8*3600))

// mustHub makes a new hub database with the schema and opens it.
func mustHub(t testing.TB) (*hub.Hub, string) {
	t.Helper()
	h, url := mustEmptyHub(t)
	if _, err := h.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return h, url
}

// mustEmptyHub makes a new hub database without a schema and opens it.
func mustEmptyHub(t testing.TB) (*hub.Hub, string) {
	t.Helper()
	url, err := server.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h, err := hub.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.Close)
	return h, url
}

// mustSyncedHub is a hub with the whole test district synced into it.
func mustSyncedHub(t testing.TB) (*hub.Hub, []*store.DB) {
	t.Helper()
	h, _ := mustHub(t)
	dbs := mustDistrict(t)
	for _, db := range dbs {
		mustSync(t, h, db)
	}
	return h, dbs
}

// A small district for the tests: a street and two communities with a demo
// month each, made once per binary and copied for each test.
var district = []struct {
	id   store.Identity
	name string
	seed int64
}{
	{store.Identity{Code: "140213001", Level: "street", Parent: "140213"}, "新华街道党群服务中心", 1},
	{store.Identity{Code: "140213001001", Level: "community", Parent: "140213001"}, "幸福里社区党群服务中心", 2},
	{store.Identity{Code: "140213001002", Level: "community", Parent: "140213001"}, "向阳社区党群服务中心", 3},
}

type seeded struct {
	once  sync.Once
	dir   string
	err   error
	files []string
}

var seedOnce seeded

func (s *seeded) cleanup() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

func (s *seeded) make() {
	if s.dir, s.err = os.MkdirTemp("", "hubseed-"); s.err != nil {
		return
	}
	for _, c := range district {
		path := filepath.Join(s.dir, c.id.Code+".db")
		db, err := store.Open(path)
		if err != nil {
			s.err = err
			return
		}
		db.Now = func() time.Time { return now }
		err = db.Init(ctx, store.InitInput{Center: c.name})
		if err == nil {
			err = db.SetIdentity(ctx, c.id)
		}
		if err == nil {
			_, err = demo.Generate(ctx, db, c.seed)
		}
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			s.err = fmt.Errorf("seed %s: %w", c.id.Code, err)
			return
		}
		s.files = append(s.files, path)
	}
}

// mustDistrict opens fresh copies of the district's centers, clocks at now.
func mustDistrict(t testing.TB) []*store.DB {
	t.Helper()
	seedOnce.once.Do(seedOnce.make)
	if seedOnce.err != nil {
		t.Fatal(seedOnce.err)
	}
	var dbs []*store.DB
	for _, src := range seedOnce.files {
		dst := filepath.Join(t.TempDir(), filepath.Base(src))
		copyFile(t, src, dst)
		db, err := store.Open(dst)
		if err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return now }
		t.Cleanup(func() { db.Close() })
		dbs = append(dbs, db)
	}
	return dbs
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func mustSync(t testing.TB, h *hub.Hub, db *store.DB) hub.SyncResult {
	t.Helper()
	res, err := h.Sync(ctx, db, hub.SyncOptions{})
	if err != nil {
		t.Fatalf("sync %s: %v", db.Path(), err)
	}
	return res
}

// hubCounts counts each record table's rows on the hub for one center.
func hubCounts(t testing.TB, h *hub.Hub, center string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tbl := range []string{"venues", "visits", "requests", "bookings"} {
		var n int
		if err := hub.Pool(h).QueryRow(ctx, "SELECT count(*) FROM "+tbl+" WHERE center = $1", center).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}

// localCounts counts the same in the center's own file.
func localCounts(t testing.TB, path string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]int{}
	for _, tbl := range []string{"venues", "visits", "requests", "bookings"} {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM " + tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}

// jsonOf round-trips v through JSON, so two renderings compare as values.
func jsonOf(t testing.TB, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%v: %.200s", err, b)
	}
	return m
}
