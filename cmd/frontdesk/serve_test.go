package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeStartsAndStops drives `frontdesk serve` through Main: it prints
// where it listens, the lobby and the staff's daily-log link, answers on
// them, and returns cleanly when its context ends (SIGINT/SIGTERM).
func TestServeStartsAndStops(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	if _, stderr, err := runMain(t, "init", "--db", db, "--center", "服务测试中心", "--venue", "多功能厅:80"); err != nil {
		t.Fatalf("init: %v %s", err, stderr)
	}
	pr, pw := io.Pipe()
	m := &Main{Stdout: pw, Stderr: io.Discard}
	if err := m.ParseFlags([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--qr-ttl", "5m"}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		err := m.Run(ctx)
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		pw.Close()
		done <- err
	}()

	lines := make(chan string, 32)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var lobby, daily string
	timeout := time.After(10 * time.Second)
	for lobby == "" || daily == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("serve ended early: %v", <-done)
			}
			if _, u, ok := strings.Cut(l, "大厅屏幕："); ok {
				lobby = strings.TrimSpace(u)
			}
			if _, u, ok := strings.Cut(l, "每日台账："); ok {
				daily = strings.TrimSpace(u)
			}
		case <-timeout:
			t.Fatal("serve printed no lobby and daily-log URLs within 10 s")
		}
	}
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
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop within 15 s of its context ending")
	}
	var rest strings.Builder
	for l := range lines {
		rest.WriteString(l + "\n")
	}
	if !strings.Contains(rest.String(), "扫码服务已停止") {
		t.Errorf("no stop message; rest of output %q", rest.String())
	}
	if _, err := http.Get(local + "/"); err == nil {
		t.Error("still answering after stop")
	}
}
