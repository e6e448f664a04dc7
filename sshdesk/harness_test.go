package sshdesk_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"frontdesk/sshdesk"
	"frontdesk/store"
	"frontdesk/tui"
)

// center is a real store in a temporary folder with a running SSH desk
// server whose sessions run the real desk.
type center struct {
	t    *testing.T
	dir  string
	db   *store.DB
	srv  *sshdesk.Server
	port string
	// knownHosts trusts the server's host key, read from its file, so every
	// ssh below checks the key strictly, as a careful staff member would.
	knownHosts string
	stop       func()
}

// startCenter opens a store with a center and the given staff, and serves
// the desk over SSH on a free loopback port until the test ends.
func startCenter(t *testing.T, cfg sshdesk.Config, staff ...store.StaffInput) *center {
	t.Helper()
	return startCenterWith(t, cfg, realDesk, staff...)
}

// realDesk is the desk the binary serves, as the session describes it.
func realDesk(db *store.DB, s sshdesk.Session) tea.Model {
	return tui.New(db, tui.Options{Staff: s.Staff.Name, Lang: s.Lang, Remote: s.Remote, Renderer: s.Renderer,
		KioskAddr: "http://127.0.0.1:8080", Coalesce: 50 * time.Millisecond})
}

// startCenterWith is startCenter with sessions running desk.
func startCenterWith(t *testing.T, cfg sshdesk.Config, desk func(*store.DB, sshdesk.Session) tea.Model, staff ...store.StaffInput) *center {
	t.Helper()
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, "center.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := db.Init(ctx, store.InitInput{Center: "测试党群服务中心", Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 50}}}); err != nil {
		t.Fatal(err)
	}
	for _, s := range staff {
		if _, err := db.CreateStaff(ctx, store.Actor{System: "test"}, s); err != nil {
			t.Fatalf("add staff %s: %v", s.Name, err)
		}
	}
	cfg.Addr = "127.0.0.1:0"
	cfg.HostKeyPath = sshdesk.HostKeyPath(db.Path())
	cfg.Desk = func(s sshdesk.Session) tea.Model { return desk(db, s) }
	srv, err := sshdesk.New(db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx) }()
	c := &center{t: t, dir: dir, db: db, srv: srv}
	c.stop = func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("the SSH server did not stop within 15 s")
		}
		db.Close()
	}
	t.Cleanup(func() { c.stop() })
	c.port = portOf(srv.Addr().String())

	data, err := os.ReadFile(cfg.HostKeyPath)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := srv.Fingerprint(), gossh.FingerprintSHA256(signer.PublicKey()); got != want {
		t.Fatalf("Fingerprint() = %s, the key file's is %s", got, want)
	}
	c.knownHosts = filepath.Join(dir, "known_hosts")
	line := fmt.Sprintf("[127.0.0.1]:%s %s", c.port, gossh.MarshalAuthorizedKey(signer.PublicKey()))
	if err := os.WriteFile(c.knownHosts, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	return c
}

func portOf(addr string) string { return addr[strings.LastIndex(addr, ":")+1:] }

// clientKey is an ed25519 key pair of a staff laptop: the private key in a
// 0600 file for ssh -i, the public key as the authorized_keys line.
type clientKey struct {
	path, public string
}

func newClientKey(t *testing.T, dir, name string) clientKey {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, name)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sp, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return clientKey{path: path, public: strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sp))) + " " + name}
}

// sshCommand is the OpenSSH client line for login, with no user
// configuration, no agent, and the test's known_hosts checked strictly.
// With a key it signs in by key only; without one, by password only.
func (c *center) sshCommand(login string, key *clientKey, env ...string) string {
	args := []string{"ssh", "-F", "/dev/null", "-p", c.port,
		"-o", "UserKnownHostsFile=" + c.knownHosts, "-o", "StrictHostKeyChecking=yes",
		"-o", "IdentityAgent=none", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10"}
	if key != nil {
		args = append(args, "-i", key.path, "-o", "IdentitiesOnly=yes", "-o", "PreferredAuthentications=publickey", "-o", "BatchMode=yes")
	} else {
		args = append(args, "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password", "-o", "NumberOfPasswordPrompts=1")
	}
	for _, e := range env {
		args = append(args, "-o", "SetEnv="+e)
	}
	args = append(args, "-t", login+"@127.0.0.1")
	return strings.Join(args, " ")
}

// terminals is a private tmux server: each session is a staff member's
// terminal window running the real ssh.
type terminals struct {
	t    *testing.T
	sock string
}

func newTerminals(t *testing.T) *terminals {
	t.Helper()
	for _, tool := range []string{"tmux", "ssh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (make test-deps installs it): %v", tool, err)
		}
	}
	x := &terminals{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock")}
	t.Cleanup(func() { exec.Command("tmux", "-S", x.sock, "kill-server").Run() })
	return x
}

func (x *terminals) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-u", "-S", x.sock, "-f", "/dev/null"}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (x *terminals) must(args ...string) string {
	x.t.Helper()
	out, err := x.tmux(args...)
	if err != nil {
		x.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// open starts a terminal of w×h running command; when the command ends the
// window stays, showing its last words and exit status.
func (x *terminals) open(name string, w, h int, command string) {
	x.t.Helper()
	script := command + `; echo "[ssh exited $?]"; sleep 600`
	x.must("new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sh", "-c", script)
}

// screen is what the terminal shows now.
func (x *terminals) screen(name string) string {
	x.t.Helper()
	return x.must("capture-pane", "-p", "-t", name)
}

// waitFor waits until the terminal shows every one of want, and returns the
// screen; it fails the test with the screen after timeout.
func (x *terminals) waitFor(name string, timeout time.Duration, want ...string) string {
	x.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := x.screen(name)
		missing := ""
		for _, w := range want {
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("terminal %s does not show %q after %v:\n%s", name, missing, timeout, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// keys types into the terminal: tmux key names (Enter, Tab, C-c) as keys.
func (x *terminals) keys(name string, keys ...string) {
	x.t.Helper()
	x.must(append([]string{"send-keys", "-t", name}, keys...)...)
}

// typeText types text literally (Chinese included).
func (x *terminals) typeText(name, text string) {
	x.t.Helper()
	x.must("send-keys", "-t", name, "-l", text)
}

func (x *terminals) resize(name string, w, h int) {
	x.t.Helper()
	x.must("resize-window", "-t", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

func (x *terminals) close(name string) {
	x.t.Helper()
	x.must("kill-session", "-t", name)
}
