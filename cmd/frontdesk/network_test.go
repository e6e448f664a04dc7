package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"frontdesk/internal/pgtest"
	"frontdesk/store"
)

// The tests of this binary share one PostgreSQL, started by the first test
// that needs it and stopped when they are done.
var pg struct {
	once   sync.Once
	server *pgtest.Server
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath)) // the binary buildBinary made
	}
	if pg.server != nil {
		if err := pg.server.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

// mustHubURL is a new, empty hub database on the shared server.
func mustHubURL(t *testing.T) string {
	t.Helper()
	pg.once.Do(func() { pg.server, pg.err = pgtest.Start() })
	if pg.err != nil {
		t.Fatal(pg.err)
	}
	url, err := pg.server.NewDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return url
}

// mustCenter makes a center file with a code and a few records of today.
func mustCenter(t *testing.T, dir, code, level, parent, name string, visits int) string {
	t.Helper()
	path := filepath.Join(dir, code+".db")
	args := []string{"init", "--db", path, "--center", name, "--code", code, "--level", level, "--venue", "活动室:30"}
	if parent != "" {
		args = append(args, "--parent", parent)
	}
	if _, stderr, err := runMain(t, args...); err != nil {
		t.Fatalf("init %s: %v %s", code, err, stderr)
	}
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for i := range visits {
		v, err := db.CheckIn(ctx, store.VisitInput{Name: fmt.Sprintf("居民%d", i), Phone: fmt.Sprintf("1380000%04d", i),
			Purpose: "volunteer", PartyMember: i%2 == 0, Actor: "王芳"})
		if err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			if _, err := db.CheckOut(ctx, v.ID, "王芳"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := db.CreateRequest(ctx, store.RequestInput{Name: "张秀英", Phone: "13812345678", Category: "housing",
		Description: "楼道灯坏了", Actor: "王芳", Source: "desk"}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNetworkCommands runs hub init, sync and network report as a district
// would, and checks each center's row against its own report.
func TestNetworkCommands(t *testing.T) {
	url := mustHubURL(t)
	dir := t.TempDir()
	street := mustCenter(t, dir, "140213001", "street", "140213", "南关街道党群服务中心", 4)
	comm := mustCenter(t, dir, "140213001001", "community", "140213001", "鼓楼社区党群服务中心", 7)

	// A one-shot command says its error once, in the user's language; the
	// log line goes to frontdesk.log only.
	if _, stderr, err := runMain(t, "sync", "--db", street, "--hub", url); err == nil || !strings.Contains(stderr, "hub init") ||
		strings.Contains(stderr, "level=") {
		t.Fatalf("sync before hub init: %v %s, want a message naming hub init and no log line", err, stderr)
	}
	for i, want := range []string{"已建好", "已是最新"} {
		if out, stderr, err := runMain(t, "hub", "init", "--hub", url); err != nil || !strings.Contains(out, want) {
			t.Fatalf("hub init %d: %q %v %s, want %q", i, out, err, stderr, want)
		}
	}
	for _, path := range []string{street, comm} {
		out, stderr, err := runMain(t, "sync", "--db", path, "--hub", url)
		if err != nil || !strings.Contains(out, "条记录") {
			t.Fatalf("sync %s: %q %v %s", path, out, err, stderr)
		}
		if out, _, _ := runMain(t, "sync", "--db", path, "--hub", url); !strings.Contains(out, "：0 条记录") {
			t.Fatalf("second sync of %s: %q, want 0 records", path, out)
		}
	}
	out, stderr, err := runMain(t, "network", "report", "--hub", url, "--center", "140213001", "--format", "json")
	if err != nil {
		t.Fatalf("network report: %v %s", err, stderr)
	}
	var net struct {
		Hub, Center, From, To string
		Rows                  []struct {
			Code    string
			Summary map[string]any
		}
		Total map[string]any
	}
	if err := json.Unmarshal([]byte(out), &net); err != nil {
		t.Fatal(err)
	}
	if len(net.Rows) != 2 || net.Center != "140213001" || net.Total == nil {
		t.Fatalf("network report: %.400s", out)
	}
	for _, r := range net.Rows {
		local, _, err := runMain(t, "report", "--db", filepath.Join(dir, r.Code+".db"), "--format", "json", "--date", net.From)
		if err != nil {
			t.Fatal(err)
		}
		var l struct{ Summary map[string]any }
		if err := json.Unmarshal([]byte(local), &l); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(r.Summary, l.Summary) {
			t.Errorf("%s: the network row's summary\n%v\ndiffers from its own report's\n%v", r.Code, r.Summary, l.Summary)
		}
	}
	if out, _, err := runMain(t, "report", "--db", street); err != nil || !strings.Contains(out, "中心代码") || !strings.Contains(out, "140213001 街道") {
		t.Fatalf("the center's own log does not print its code: %v\n%.400s", err, out)
	}
	for _, format := range []string{"text", "csv", "html"} {
		out, stderr, err := runMain(t, "network", "report", "--hub", url, "--format", format)
		if err != nil || !strings.Contains(out, "鼓楼社区党群服务中心") {
			t.Fatalf("network report %s: %v %s %.300s", format, err, stderr, out)
		}
	}
	if _, stderr, err := runMain(t, "network", "report", "--hub", url, "--center", "999999"); err == nil || !strings.Contains(stderr, "没有代码为 999999") {
		t.Fatalf("an unknown center: %v %s", err, stderr)
	}
	// The rollup has no hours table: its help does not offer --hours.
	if _, stderr, err := runMain(t, "network", "report", "--hub", url, "--hours"); err == nil || !strings.Contains(stderr, "没有这个参数：-hours") {
		t.Errorf("network report --hours: %v %s", err, stderr)
	}
}

// TestServeSyncsAcrossAHubOutage runs serve with --hub and --sync-every,
// stops the hub under it and starts it again: the center keeps taking
// records, the state says what failed, and it catches up by itself.
func TestServeSyncsAcrossAHubOutage(t *testing.T) {
	url := mustHubURL(t)
	if _, stderr, err := runMain(t, "hub", "init", "--hub", url); err != nil {
		t.Fatalf("hub init: %v %s", err, stderr)
	}
	path := mustCenter(t, t.TempDir(), "140213001002", "community", "140213001", "九龙壁社区党群服务中心", 3)
	m := &Main{Stdout: io.Discard, Stderr: io.Discard}
	if err := m.ParseFlags([]string{"serve", "--db", path, "--addr", "127.0.0.1:0", "--hub", url, "--sync-every", "1s"}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		err := m.Run(ctx)
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	waitFor := func(what string, ok func(store.SyncStatus) bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			st, err := db.SyncStatus(context.Background())
			if err == nil && ok(st) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: still %+v (%v) after 30 s", what, st, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitFor("the first sync", func(st store.SyncStatus) bool { return st.Pending == 0 && !st.LastOK.IsZero() })

	if err := pg.server.StopServer(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	defer func() {
		if !restarted {
			pg.server.Restart()
		}
	}()
	if _, err := db.CheckIn(context.Background(), store.VisitInput{Name: "停机时来的人", Phone: "13700001234", Purpose: "business", Actor: "王芳"}); err != nil {
		t.Fatalf("the center must work while the hub is down: %v", err)
	}
	waitFor("the failure", func(st store.SyncStatus) bool {
		return st.Pending == 1 && strings.Contains(st.LastError, "连不上汇总库") && st.LastErrorAt.After(st.LastOK)
	})
	if err := pg.server.Restart(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	waitFor("catching up", func(st store.SyncStatus) bool { return st.Pending == 0 && st.LastError == "" })
}
