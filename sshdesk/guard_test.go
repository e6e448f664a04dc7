package sshdesk_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"frontdesk/sshdesk"
	"frontdesk/store"
)

// panicky is a desk with a bug: "u" panics in Update, "c" in a command,
// "v" in View.
type panicky struct{ broken bool }

func (p panicky) Init() tea.Cmd { return nil }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "u":
			panic("a bug in Update")
		case "c":
			return p, func() tea.Msg { panic("a bug in a command") }
		case "v":
			p.broken = true
		}
	}
	return p, nil
}

func (p panicky) View() string {
	if p.broken {
		panic("a bug in View")
	}
	return "PANICKY READY"
}

// TestCrashStaysInItsSession: a desk that panics in Update, in a command or
// in View ends its own session with a message; the server and another
// staff member's desk carry on.
func TestCrashStaysInItsSession(t *testing.T) {
	dir := t.TempDir()
	wangKey := newClientKey(t, dir, "wang_ed25519")
	bugKey := newClientKey(t, dir, "bug_ed25519")
	c := startCenterWith(t, sshdesk.Config{}, func(db *store.DB, s sshdesk.Session) tea.Model {
		if s.Staff.Login == "buggy" {
			return panicky{}
		}
		return realDesk(db, s)
	},
		store.StaffInput{Name: "王芳", Login: "wangfang", Role: store.RoleManager, Keys: []string{wangKey.public}},
		store.StaffInput{Name: "吴测", Login: "buggy", Keys: []string{bugKey.public}},
	)
	x := newTerminals(t)
	x.open("wang", 100, 30, c.sshCommand("wangfang", &wangKey))
	x.waitFor("wang", 10*time.Second, "值班:王芳")
	for i, k := range []string{"u", "c", "v"} {
		name := fmt.Sprintf("bug%d", i)
		x.open(name, 100, 30, c.sshCommand("buggy", &bugKey))
		x.waitFor(name, 10*time.Second, "PANICKY READY")
		x.keys(name, k)
		x.waitFor(name, 5*time.Second, "内部错误", "[ssh exited 1]")
		waitSessions(t, c.srv, 1)
		x.keys("wang", fmt.Sprint(i+2))
		x.waitFor("wang", 3*time.Second, "["+fmt.Sprint(i+2)+" ")
	}
}

// TestFailedSignInsLimited: after ten wrong passwords from one address even
// the right one is refused for a while, and every failure is logged with
// the login and the address, never the password.
func TestFailedSignInsLimited(t *testing.T) {
	// Ten attempts may take longer than one refill on a loaded machine.
	t.Cleanup(sshdesk.SetFailEvery(time.Hour))
	var mu sync.Mutex
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, nil))
	c := startCenter(t, sshdesk.Config{Logger: logger},
		store.StaffInput{Name: "张敏", Login: "zhangmin", Role: store.RoleManager, Password: zhangPassword})
	try := func(password string) error {
		cfg := &gossh.ClientConfig{User: "zhangmin", Auth: []gossh.AuthMethod{gossh.Password(password)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second}
		conn, err := gossh.Dial("tcp", "127.0.0.1:"+c.port, cfg)
		if err == nil {
			conn.Close()
		}
		return err
	}
	if err := try(zhangPassword); err != nil {
		t.Fatalf("the right password before any failure: %v", err)
	}
	for i := range 10 {
		if err := try(fmt.Sprintf("guess-%02d", i)); err == nil {
			t.Fatalf("wrong password %d accepted", i)
		}
	}
	if err := try(zhangPassword); err == nil {
		t.Fatal("the right password was accepted after ten failures in a row")
	}
	mu.Lock()
	got := logs.String()
	mu.Unlock()
	if n := strings.Count(got, "ssh sign-in failed"); n != 10 {
		t.Errorf("%d failures logged, want 10:\n%s", n, got)
	}
	if !strings.Contains(got, "too many failed attempts") || !strings.Contains(got, "login=zhangmin") || !strings.Contains(got, "remote=127.0.0.1") {
		t.Errorf("log lacks the refusal, login or address:\n%s", got)
	}
	if strings.Contains(got, "guess-0") || strings.Contains(got, zhangPassword) {
		t.Errorf("a password reached the log:\n%s", got)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
