package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/lang"
)

// TestServeStartsAndStops drives `frontdesk serve` through Main: it prints
// where it listens, the lobby and the staff's daily-log link, answers on
// them, and returns cleanly when its context ends (SIGINT/SIGTERM).
func TestServeStartsAndStops(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	if _, stderr, err := runMain(t, "init", "--db", db, "--center", "服务测试中心", "--venue", "多功能厅:80"); err != nil {
		t.Fatalf("init: %v %s", err, stderr)
	}
	srv := serveInProcess(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--qr-ttl", "5m")
	printed := srv.find(t, "大厅屏幕：", "每日台账：")
	lobby, daily := printed["大厅屏幕："], printed["每日台账："]
	if strings.HasSuffix(lobby, ":0/") || !strings.Contains(daily, "/admin/daily?token=") {
		t.Fatalf("printed lobby %q, daily log %q", lobby, daily)
	}
	// The printed public URL is the machine's address; ask on loopback, same port.
	port := lobby[strings.LastIndex(lobby, ":")+1 : len(lobby)-1]
	local := "http://127.0.0.1:" + port
	for _, path := range []string{"/", daily[strings.Index(daily, "/admin/"):]} {
		resp, err := http.Get(local + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), "服务测试中心") {
			t.Errorf("GET %s: status %d, body %.300s", path, resp.StatusCode, body)
		}
	}
	rest := srv.stop(t)
	if !strings.Contains(rest, "扫码服务已停止") {
		t.Errorf("no stop message; rest of output %q", rest)
	}
	if _, err := http.Get(local + "/"); err == nil {
		t.Error("still answering after stop")
	}
}

// serving is `frontdesk serve` running through Main in the background.
type serving struct {
	lines  chan string // its output, a line at a time; closed when it ends
	done   chan error
	cancel context.CancelFunc
}

// serveInProcess runs Main with args until the test ends or stop is called.
func serveInProcess(t *testing.T, args ...string) *serving {
	t.Helper()
	pr, pw := io.Pipe()
	m := &Main{Stdout: pw, Stderr: io.Discard}
	if err := m.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &serving{lines: make(chan string, 64), done: make(chan error, 1), cancel: cancel}
	t.Cleanup(cancel)
	go func() {
		err := m.Run(ctx)
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		pw.Close()
		s.done <- err
	}()
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
		io.Copy(io.Discard, pr)
	}()
	return s
}

// find reads the output until each label has been printed, and returns
// what follows each label on its line.
func (s *serving) find(t *testing.T, labels ...string) map[string]string {
	t.Helper()
	found := map[string]string{}
	timeout := time.After(10 * time.Second)
	for len(found) < len(labels) {
		select {
		case l, ok := <-s.lines:
			if !ok {
				t.Fatalf("serve ended early: %v", <-s.done)
			}
			for _, label := range labels {
				if _, v, ok := strings.Cut(l, label); ok {
					found[label] = strings.TrimSpace(v)
				}
			}
		case <-timeout:
			t.Fatalf("serve printed only %v of %q within 10 s", found, labels)
		}
	}
	return found
}

// stop ends serve as SIGINT or SIGTERM would, and returns the rest of its
// output.
func (s *serving) stop(t *testing.T) string {
	t.Helper()
	s.cancel()
	var rest strings.Builder
	timeout := time.After(15 * time.Second)
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				if err := <-s.done; err != nil {
					t.Fatalf("serve after cancel: %v", err)
				}
				return rest.String()
			}
			rest.WriteString(l + "\n")
		case <-timeout:
			t.Fatal("serve did not stop within 15 s of its context ending")
		}
	}
}

func TestPublicURLFromAddr(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8080":  "http://127.0.0.1:8080",
		"desk.local:8081": "http://desk.local:8081",
		"[::1]:8080":      "http://[::1]:8080",
		":8080":           "",
		"0.0.0.0:8080":    "",
		"[::]:8080":       "",
		"127.0.0.1:0":     "",
	} {
		if got := publicURLFor("", addr); got != want {
			t.Errorf("publicURLFor(%q) = %q, want %q", addr, got, want)
		}
	}
	if got := publicURLFor("http://192.168.1.20:8080", "127.0.0.1:8080"); got != "http://192.168.1.20:8080" {
		t.Errorf("a given --public-url is kept: got %q", got)
	}
}

func TestPublicURLUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	if why := publicURLUnreachable("http://" + addr); why != "" {
		t.Errorf("a listening URL: got %q, want no warning", why)
	}
	ln.Close()
	if why := publicURLUnreachable("http://" + addr); why == "" {
		t.Errorf("nothing listening at %s: got no warning", addr)
	}
}

func TestListenFailureSaysPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = net.Listen("tcp", ln.Addr().String())
	if err == nil {
		t.Fatal("a second listener on a taken port succeeded")
	}
	m := NewMain()
	m.Lang = lang.ZH
	if got := listenFailure(err, m.tr); got != lang.PortInUse.ZH {
		t.Errorf("got %q, want %q", got, lang.PortInUse.ZH)
	}
}
