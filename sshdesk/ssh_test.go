package sshdesk_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/sshdesk"
	"frontdesk/store"
)

const zhangPassword = "qiuzhi-2026-desk"

// TestThreeDesksOverSSH is three staff members at three terminals, each
// with the real OpenSSH client: two sign in with their keys, one with a
// password; each desk names its own staff member and says it is remote; a
// check-in made at one shows at the others under its maker's name; one
// terminal resized re-lays its desk out; one client killed leaves the other
// two working; a staff member deactivated from another process is
// disconnected within seconds and then refused.
func TestThreeDesksOverSSH(t *testing.T) {
	dir := t.TempDir()
	wangKey := newClientKey(t, dir, "wang_ed25519")
	liKey := newClientKey(t, dir, "li_ed25519")
	c := startCenter(t, sshdesk.Config{},
		store.StaffInput{Name: "王芳", Login: "wangfang", Role: store.RoleManager, Keys: []string{wangKey.public}},
		store.StaffInput{Name: "李强", Login: "liqiang", Keys: []string{liKey.public}},
		store.StaffInput{Name: "张敏", Login: "zhangmin", Password: zhangPassword},
	)
	x := newTerminals(t)
	x.open("wang", 100, 30, c.sshCommand("wangfang", &wangKey, "LANG=zh_CN.UTF-8"))
	x.open("li", 100, 30, c.sshCommand("liqiang", &liKey, "LANG=en_US.UTF-8"))
	x.open("zhang", 100, 30, c.sshCommand("zhangmin", nil))
	x.waitFor("zhang", 10*time.Second, "password:")
	x.typeText("zhang", zhangPassword)
	x.keys("zhang", "Enter")

	x.waitFor("wang", 10*time.Second, "测试党群服务中心", "值班:王芳", "远程 127.0.0.1")
	x.waitFor("li", 10*time.Second, "On duty:李强", "remote 127.0.0.1", "Today")
	x.waitFor("zhang", 10*time.Second, "值班:张敏", "远程 127.0.0.1")
	if n := c.srv.Sessions(); n != 3 {
		t.Fatalf("Sessions() = %d with three desks open", n)
	}

	// The other two watch the visits tab while 王芳 checks a visitor in.
	x.keys("li", "2")
	x.keys("zhang", "2")
	x.waitFor("li", 5*time.Second, "Visits on")
	x.keys("wang", "2")
	x.keys("wang", "n")
	x.waitFor("wang", 5*time.Second, "新来访登记")
	x.typeText("wang", "陈远航")
	x.keys("wang", "Tab")
	x.keys("wang", "Enter")
	x.waitFor("wang", 5*time.Second, "陈远航")
	for _, other := range []string{"li", "zhang"} {
		x.waitFor(other, 3*time.Second, "陈远航")
		x.keys(other, "Enter") // the record's details name who made it
		x.waitFor(other, 3*time.Second, "(王芳 /")
	}
	ctx := context.Background()
	visits, err := c.db.SearchVisits(ctx, "陈远航", 10)
	if err != nil || len(visits) != 1 || visits[0].CreatedBy != "王芳" {
		t.Fatalf("stored visits %+v, %v: want one made by 王芳", visits, err)
	}

	// Resizing 李强's terminal lays his desk out again: the footer moves
	// to the new last row.
	before := strings.Split(strings.TrimRight(x.screen("li"), "\n"), "\n")
	x.resize("li", 120, 40)
	deadline := time.Now().Add(5 * time.Second)
	for {
		rows := strings.Split(strings.TrimRight(x.screen("li"), "\n"), "\n")
		if len(rows) == 40 && strings.Contains(rows[39], "quit") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after resizing to 120×40 the desk has %d rows (was %d), last %q", len(rows), len(before), rows[len(rows)-1])
		}
		time.Sleep(100 * time.Millisecond)
	}
	if got := x.screen("wang"); len(strings.Split(strings.TrimRight(got, "\n"), "\n")) != 30 {
		t.Fatalf("resizing one terminal changed another:\n%s", got)
	}

	// 张敏's client dies; the other two go on working together.
	x.close("zhang")
	waitSessions(t, c.srv, 2)
	x.keys("wang", "n")
	x.waitFor("wang", 5*time.Second, "新来访登记")
	x.typeText("wang", "周晓梅")
	x.keys("wang", "Tab", "Enter")
	x.waitFor("li", 3*time.Second, "周晓梅")

	// A manager deactivates 李强 from the command line (another process on
	// the same file): his desk closes within seconds, and he cannot return.
	other, err := store.Open(c.db.Path())
	if err != nil {
		t.Fatal(err)
	}
	li, err := other.StaffByLogin(ctx, "liqiang")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.SetStaffActive(ctx, store.Actor{Staff: "王芳"}, li.ID, false); err != nil {
		t.Fatal(err)
	}
	other.Close()
	x.waitFor("li", 5*time.Second, "deactivated", "[ssh exited")
	waitSessions(t, c.srv, 1)
	x.open("li-again", 100, 30, c.sshCommand("liqiang", &liKey))
	x.waitFor("li-again", 10*time.Second, "Permission denied", "[ssh exited 255]")
	x.waitFor("wang", time.Second, "值班:王芳")
}

// TestSignInRefusals: an unknown key, a key of another login, a wrong
// password, a password on a login without one and an unknown login are
// refused by the real ssh, and no method but publickey and password is
// offered (no keyboard-interactive prompt to tell logins apart).
func TestSignInRefusals(t *testing.T) {
	dir := t.TempDir()
	wangKey := newClientKey(t, dir, "wang_ed25519")
	strayKey := newClientKey(t, dir, "stray_ed25519")
	c := startCenter(t, sshdesk.Config{},
		store.StaffInput{Name: "王芳", Login: "wangfang", Role: store.RoleManager, Keys: []string{wangKey.public}},
		store.StaffInput{Name: "张敏", Login: "zhangmin", Password: zhangPassword},
	)
	x := newTerminals(t)
	x.open("stray", 100, 30, c.sshCommand("wangfang", &strayKey))
	x.open("borrowed", 100, 30, c.sshCommand("zhangmin", &wangKey))
	for _, name := range []string{"stray", "borrowed"} {
		s := x.waitFor(name, 10*time.Second, "Permission denied (", "[ssh exited 255]")
		if !strings.Contains(s, "(publickey,password)") && !strings.Contains(s, "(password,publickey)") {
			t.Errorf("%s: the server offers keyboard-interactive:\n%s", name, s)
		}
	}
	for _, tc := range []struct{ name, login, password string }{
		{"wrong", "zhangmin", "not-her-password"},
		{"nopassword", "wangfang", zhangPassword},
		{"unknown", "nobody", zhangPassword},
	} {
		x.open(tc.name, 100, 30, c.sshCommand(tc.login, nil))
		// The same prompt, whether the login exists or not.
		prompt := x.waitFor(tc.name, 10*time.Second, tc.login+"@127.0.0.1's password:")
		x.typeText(tc.name, tc.password)
		x.keys(tc.name, "Enter")
		s := x.waitFor(tc.name, 10*time.Second, "Permission denied", "[ssh exited 255]")
		if strings.Contains(prompt+s, "测试党群服务中心") {
			t.Errorf("%s: a desk opened:\n%s", tc.name, s)
		}
	}
	if n := c.srv.Sessions(); n != 0 {
		t.Errorf("Sessions() = %d after refusals only", n)
	}
}

// TestIdleTimeout: a desk nobody types at warns in its last line, then
// closes and says why; the setting is read at each check.
func TestIdleTimeout(t *testing.T) {
	dir := t.TempDir()
	key := newClientKey(t, dir, "wang_ed25519")
	idle := 3 * time.Second
	c := startCenter(t, sshdesk.Config{IdleTimeout: func() time.Duration { return idle }},
		store.StaffInput{Name: "王芳", Login: "wangfang", Role: store.RoleManager, Keys: []string{key.public}})
	x := newTerminals(t)
	x.open("wang", 100, 30, c.sshCommand("wangfang", &key))
	x.waitFor("wang", 10*time.Second, "值班:王芳")
	x.waitFor("wang", 3*time.Second, "秒没有操作将断开连接")
	x.waitFor("wang", 5*time.Second, "长时间没有操作，连接已断开", "[ssh exited 1]")
	waitSessions(t, c.srv, 0)
}

func waitSessions(t *testing.T, srv *sshdesk.Server, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for srv.Sessions() != want {
		if time.Now().After(deadline) {
			t.Fatalf("Sessions() = %d, want %d", srv.Sessions(), want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestStaffLangOverSSH: a client that sends no locale (an empty environment,
// no SendEnv) gets the staff member's own language, English here on a
// Chinese server; a client's LANG still comes first.
func TestStaffLangOverSSH(t *testing.T) {
	dir := t.TempDir()
	wangKey := newClientKey(t, dir, "wang_ed25519")
	liKey := newClientKey(t, dir, "li_ed25519")
	c := startCenter(t, sshdesk.Config{Lang: "zh"},
		store.StaffInput{Name: "王芳", Login: "wangfang", Role: store.RoleManager, Keys: []string{wangKey.public}, Lang: "en"},
		store.StaffInput{Name: "李强", Login: "liqiang", Keys: []string{liKey.public}, Lang: "en"},
	)
	path, err := exec.LookPath("ssh")
	if err != nil {
		t.Fatal(err)
	}
	bare := "env -i HOME=" + dir + " TERM=xterm-256color PATH=" + filepath.Dir(path) + " "
	x := newTerminals(t)
	x.open("wang", 100, 30, bare+c.sshCommand("wangfang", &wangKey))
	x.open("li", 100, 30, bare+c.sshCommand("liqiang", &liKey, "LANG=zh_CN.UTF-8"))
	x.waitFor("wang", 10*time.Second, "On duty:王芳", "remote 127.0.0.1", "Today")
	x.waitFor("li", 10*time.Second, "值班:李强", "远程 127.0.0.1")
}
