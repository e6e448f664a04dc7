package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"frontdesk/store"
)

// TestServeSSH drives `frontdesk serve --ssh` through Main: it prints where
// the SSH desk listens and the host key's fingerprint, keeps the key beside
// the database with mode 0600, opens a desk for a staff member's key that
// names them and says 远程, and tells that desk why it closes when serve
// stops.
func TestServeSSH(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "ssh.db")
	if _, stderr, err := runMain(t, "init", "--db", dbPath, "--center", "远程测试中心", "--venue", "多功能厅:80"); err != nil {
		t.Fatalf("init: %v %s", err, stderr)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, _ := gossh.NewSignerFromKey(priv)
	sshPub, _ := gossh.NewPublicKey(pub)
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.CreateStaff(context.Background(), store.Actor{System: "test"}, store.StaffInput{
		Name: "王芳", Login: "wangfang", Role: store.RoleManager, Keys: []string{string(gossh.MarshalAuthorizedKey(sshPub))}})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	srv := serveInProcess(t, "serve", "--db", dbPath, "--addr", "127.0.0.1:0", "--ssh", "127.0.0.1:0")
	printed := srv.find(t, "SSH 前台监听：", "SSH 主机指纹：")
	addr, fingerprint := printed["SSH 前台监听："], printed["SSH 主机指纹："]
	go func() {
		for range srv.lines {
		}
	}()

	keyPath := filepath.Join(dir, "frontdesk_ssh_ed25519")
	info, err := os.Stat(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %04o, want 0600", info.Mode().Perm())
	}
	var shown string
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "wangfang", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			shown = gossh.FingerprintSHA256(key)
			return nil
		}, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if shown != fingerprint {
		t.Errorf("the server shows key %s, serve printed %s", shown, fingerprint)
	}
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var out bytes.Buffer
	sess.Stdout = writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return out.Write(p) })
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdin, _ := sess.StdinPipe()
	defer stdin.Close()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	wait := func(want ...string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			s := out.String()
			mu.Unlock()
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(s, w)
			}
			if ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the SSH desk does not show %q:\n%s", want, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	wait("远程测试中心", "值班:王芳", "远程 127.0.0.1")
	srv.cancel()
	wait("前台服务正在关闭")
	select {
	case err := <-srv.done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop within 15 s")
	}
}

// TestSSHBadAddress: an address the SSH desk cannot listen on is a clear
// error, not a half-started server.
func TestSSHBadAddress(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "c.db")
	if _, stderr, err := runMain(t, "init", "--db", dbPath, "--center", "测试中心"); err != nil {
		t.Fatalf("init: %v %s", err, stderr)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, errOut, err := runMain(t, "serve", "--db", dbPath, "--addr", "127.0.0.1:0", "--ssh", ln.Addr().String())
	if err == nil || !strings.Contains(errOut, "SSH 前台无法监听") {
		t.Fatalf("got %v %q, want a listen error", err, errOut)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
