package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"frontdesk/store"
)

// runMain drives Main as the binary would, returning stdout, stderr and the
// error main would print.
func runMain(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	return runMainIn(t, "", args...)
}

func TestInitIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	args := []string{"init", "--db", db, "--center", "平城区党群服务中心", "--venue", "多功能厅:80", "--venue", "会议室:20:09:00-18:00"}
	for i := 0; i < 2; i++ {
		out, _, err := runMain(t, args...)
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if want := "场地 2 个"; !strings.Contains(out, want) {
			t.Errorf("run %d: got %q, want it to contain %q", i, out, want)
		}
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	venues, _ := s.Venues(context.Background(), false)
	if len(venues) != 2 || venues[1].OpensAt.String() != "09:00" {
		t.Errorf("got venues %+v, want 2 with the meeting room opening 09:00", venues)
	}
}

func TestInitNewFileNeedsCenter(t *testing.T) {
	dir := t.TempDir()
	_, errOut, err := runMain(t, "init", "--db", filepath.Join(dir, "new.db"))
	if err == nil || !strings.Contains(errOut, "新建需要中心名称") || !strings.Contains(errOut, "--center") {
		t.Fatalf("init without --center on a new file: got %v, %q; want it to say a center's name is needed", err, errOut)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
		t.Errorf("a refused init created %v, want nothing", left)
	}
}

func TestBadFlagPrintedOnce(t *testing.T) {
	var errOut strings.Builder
	m := &Main{Stdout: &errOut, Stderr: &errOut}
	err := m.ParseFlags([]string{"report", "--db", filepath.Join(t.TempDir(), "x.db"), "--bogus"})
	if code := m.parseFailed(err); code != 2 {
		t.Errorf("exit status: got %d, want 2", code)
	}
	if n := strings.Count(errOut.String(), "-bogus"); n != 1 {
		t.Errorf("the bad flag is named %d times, want once:\n%s", n, errOut.String())
	}
}

func TestInitBadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"NoCenter", []string{"init", "--db", db}, "新建需要中心名称"},
		{"English", []string{"init", "--db", db, "--lang", "en"}, "a new one needs the center's name"},
		{"BadVenue", []string{"init", "--db", db, "--center", "x", "--venue", "大厅"}, "名称:容纳人数"},
		{"BadZone", []string{"init", "--db", db, "--center", "x", "--tz", "Mars/Base"}, "时区"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, err := runMain(t, tc.args...)
			if err == nil {
				t.Fatal("got nil error, want one")
			}
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("got %q, want it to contain %q", errOut, tc.want)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
				t.Errorf("a refused init on a new file left %v, want nothing", left)
			}
		})
	}
}

func TestUnknownSubcommandAndHelp(t *testing.T) {
	_, _, err := runMain(t, "bogus")
	if err == nil || !strings.Contains(err.Error(), "未知的子命令") {
		t.Errorf("got %v, want an unknown-subcommand error in Chinese", err)
	}
	for _, c := range []string{"", "serve", "init", "demo", "report", "backup", "purge", "version"} {
		args := []string{"-h"}
		if c != "" {
			args = []string{c, "-h"}
		}
		_, errOut, err := runMain(t, args...)
		if !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%q -h: got %v, want flag.ErrHelp", c, err)
		}
		if !strings.Contains(errOut, "-db") {
			t.Errorf("%q -h: help lacks --db:\n%s", c, errOut)
		}
	}
}

func TestEnvDB(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("FRONTDESK_DB", db)
	if _, _, err := runMain(t, "init", "--center", "环境变量中心"); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := s.Settings().CenterName, "环境变量中心"; got != want {
		t.Errorf("got center %q, want %q", got, want)
	}
}

func TestBackupAndPurge(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if _, _, err := runMain(t, "init", "--db", db, "--center", "c"); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.CheckIn(ctx, store.VisitInput{Name: "张三", Phone: "13812345678", Purpose: "咨询", Actor: "李"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	backup := filepath.Join(dir, "b.db")
	out, _, err := runMain(t, "backup", "--db", db, "-o", backup)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, backup) {
		t.Errorf("got %q, want it to name %s", out, backup)
	}
	raw, err := sql.Open("sqlite3", backup)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int
	if err := raw.QueryRow("SELECT COUNT(*) FROM visits WHERE name = '张三'").Scan(&n); err != nil || n != 1 {
		t.Errorf("backup holds %d visits of 张三 (err %v), want 1", n, err)
	}
	if _, _, err := runMain(t, "backup", "--db", db); err == nil {
		t.Error("backup without -o: got nil error, want one")
	}

	if _, _, err := runMain(t, "purge", "--db", db, "--older-than", "0"); err == nil {
		t.Error("purge --older-than 0: got nil error, want one")
	}
	if _, errOut, err := runMain(t, "purge", "--db", db); err == nil || !strings.Contains(errOut, "--older-than") {
		t.Errorf("purge without --older-than: got %v, %q; want it to name the flag", err, errOut)
	}
	out, _, err = runMain(t, "purge", "--db", db, "--older-than", "30")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "来访 0") {
		t.Errorf("purging nothing old: got %q, want 来访 0", out)
	}
}

func TestVersion(t *testing.T) {
	out, _, err := runMain(t, "version")
	if err != nil || !strings.HasPrefix(out, "frontdesk ") {
		t.Errorf("got %q, %v; want a version line", out, err)
	}
	db := filepath.Join(t.TempDir(), "c.db")
	if _, _, err := runMain(t, "init", "--db", db, "--center", "c"); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("(schema %d); 数据库 %s：schema %d", store.SchemaVersion(), db, store.SchemaVersion())
	if out, _, err := runMain(t, "version", "--db", db); err != nil || !strings.Contains(out, want) {
		t.Errorf("version --db: got %q, %v; want it to contain %q", out, err, want)
	}
	if _, _, err := runMain(t, "version", "--db", filepath.Join(t.TempDir(), "none.db")); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("version --db on a missing file: got %v, want 不存在", err)
	}
}

func TestInitNewSecret(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	if _, _, err := runMain(t, "init", "--db", db, "--center", "c"); err != nil {
		t.Fatal(err)
	}
	secret := func() string {
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		return string(s.Settings().Secret)
	}
	before := secret()
	if _, _, err := runMain(t, "init", "--db", db, "--center", "c"); err != nil {
		t.Fatal(err)
	}
	if secret() != before {
		t.Fatal("init without --new-secret changed the secret")
	}
	out, _, err := runMain(t, "init", "--db", db, "--center", "c", "--new-secret")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "已更换扫码签名密钥") {
		t.Errorf("got %q, want it to say the secret changed", out)
	}
	if after := secret(); after == before || len(after) != 32 {
		t.Errorf("secret after --new-secret: %d bytes, changed %v; want 32 new bytes", len(after), after != before)
	}
}

func TestFlagErrorsInChinese(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--bogus"}, "没有这个参数：-bogus"},
		{[]string{"report", "--db"}, "参数 -db 需要一个值"},
		{[]string{"demo", "--seed", "x"}, `参数 -seed 的值 "x" 无效`},
		{[]string{"venue", "list", "--all=maybe"}, `参数 -all 的值 "maybe" 无效`},
		{[]string{"demo", "--seed", "x", "--lang", "en"}, `flag -seed: invalid value "x"`},
	} {
		_, errOut, err := runMain(t, c.args...)
		if err == nil || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "provided but not defined") {
			t.Errorf("%v: got %v\n%s\nwant %q", c.args, err, errOut, c.want)
		}
	}
}
