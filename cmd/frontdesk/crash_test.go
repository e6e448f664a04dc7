package main

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"frontdesk/store"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// buildBinary builds frontdesk once per test run, as a user would run it.
func buildBinary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "frontdesk-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "frontdesk")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// kioskProcess is a `frontdesk serve` started as a separate process.
type kioskProcess struct {
	cmd  *exec.Cmd
	base string
}

func startServe(t testing.TB, bin, db string) *kioskProcess {
	t.Helper()
	addr := freeAddr(t)
	base := "http://" + addr
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", addr, "--public-url", base, "--qr-ttl", "0", "--rate-limit", "0")
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &kioskProcess{cmd: cmd, base: base}
	t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if r, err := http.Get(base + "/healthz"); err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				return p
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("frontdesk serve did not answer on %s within 20 s", base)
	return nil
}

var formAction = regexp.MustCompile(`<form method="post" action="([^"]+)"`)

// scanForm does what a phone does: reads the lobby's QR code for a form
// (request, booking, checkin), opens it, and returns the URL it posts to.
func scanForm(t testing.TB, base, kind string) string {
	t.Helper()
	body := get(t, base+"/")
	m := regexp.MustCompile(`id="qr-` + kind + `" src="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("lobby has no %s QR code:\n%s", kind, body)
	}
	resp, err := http.Get(base + strings.ReplaceAll(m[1], "&amp;", "&"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("QR image: %v", err)
	}
	res, err := decodeQR(img)
	if err != nil {
		t.Fatalf("decode QR: %v", err)
	}
	form := get(t, res.GetText())
	a := formAction.FindStringSubmatch(form)
	if a == nil {
		t.Fatalf("form page has no form:\n%s", form)
	}
	return base + strings.ReplaceAll(a[1], "&amp;", "&")
}

// decodeQR reads a QR code as a phone would, trying harder than gozxing's
// default: both of its binarizers, then the picture turned. gozxing alone
// misreads about one valid code in five hundred that phones and zbar read.
func decodeQR(img image.Image) (*gozxing.Result, error) {
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	var err error
	for turn := 0; turn < 4; turn++ {
		src := gozxing.NewLuminanceSourceFromImage(img)
		for _, bin := range []gozxing.Binarizer{gozxing.NewHybridBinarizer(src), gozxing.NewGlobalHistgramBinarizer(src)} {
			bmp, berr := gozxing.NewBinaryBitmap(bin)
			if berr != nil {
				return nil, berr
			}
			res, derr := qrcode.NewQRCodeReader().Decode(bmp, hints)
			if derr == nil {
				return res, nil
			}
			err = derr
		}
		img = turned(img)
	}
	return nil, err
}

// turned returns img rotated a quarter turn.
func turned(img image.Image) image.Image {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(b.Max.Y-1-y, x-b.Min.X, img.At(x, y))
		}
	}
	return out
}

func get(t testing.TB, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d\n%s", u, resp.StatusCode, b)
	}
	return string(b)
}

// crashRun submits total requests from clients clients, kills the server
// with SIGKILL once killAt have been acknowledged, and checks that every
// acknowledged submission survived.
func crashRun(t *testing.T, total, clients, killAt int) {
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "crash.db")
	if out, err := exec.Command(bin, "init", "--db", db, "--center", "压力测试中心").CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	p := startServe(t, bin, db)
	post := scanForm(t, p.base, "request")

	client := &http.Client{
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport:     &http.Transport{MaxIdleConnsPerHost: clients},
	}
	type ack struct{ code, desc string }
	var (
		mu     sync.Mutex
		acks   []ack
		next   atomic.Int64
		killed atomic.Bool
		bad    atomic.Int64
		wg     sync.WaitGroup
	)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1)
				if i > int64(total) {
					return
				}
				desc := fmt.Sprintf("崩溃测试第 %d 条", i)
				form := url.Values{"name": {"压测"}, "phone": {"13812345678"}, "category": {"other"}, "description": {desc}}
				resp, err := client.PostForm(post, form)
				if err != nil {
					if killed.Load() {
						return // the server is gone, as intended
					}
					t.Errorf("submission %d: %v", i, err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusSeeOther {
					if !killed.Load() {
						bad.Add(1)
						t.Errorf("submission %d: got %d, want 303", i, resp.StatusCode)
					}
					continue
				}
				loc := resp.Header.Get("Location")
				code := loc[strings.LastIndex(loc, "/")+1:]
				mu.Lock()
				acks = append(acks, ack{code, desc})
				n := len(acks)
				mu.Unlock()
				if n == killAt && killed.CompareAndSwap(false, true) {
					p.cmd.Process.Kill() // SIGKILL: no chance to flush or close
				}
			}
		}()
	}
	wg.Wait()
	p.cmd.Wait()
	if !killed.Load() {
		t.Fatalf("the server was never killed: %d acknowledged, want %d first", len(acks), killAt)
	}

	s, err := store.Open(db)
	if err != nil {
		t.Fatalf("reopen after kill -9: %v", err)
	}
	ctx := context.Background()
	lost := 0
	for _, a := range acks {
		r, err := s.RequestByCode(ctx, a.code)
		if err != nil || r.Description != a.desc {
			lost++
			if lost <= 5 {
				t.Errorf("acknowledged %q (%s) is not in the store: %v", a.desc, a.code, err)
			}
		}
	}
	if ok, err := s.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Errorf("integrity_check: got %q, %v; want ok", ok, err)
	}
	all, err := s.Requests(ctx, store.RequestFilter{Limit: total * 2})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range all {
		if seen[r.ReceiptNo] {
			t.Errorf("receipt number %s given twice", r.ReceiptNo)
		}
		seen[r.ReceiptNo] = true
	}
	s.Close()
	t.Logf("%d acknowledged before and around the kill, %d stored, %d lost", len(acks), len(all), lost)

	// The kiosk starts again on the same file and goes on numbering.
	p2 := startServe(t, bin, db)
	post2 := scanForm(t, p2.base, "request")
	resp, err := client.PostForm(post2, url.Values{"name": {"重启后"}, "phone": {"13812345678"}, "category": {"other"}, "description": {"重启后第一条"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after restart: got %d, want 303", resp.StatusCode)
	}
	if len(acks) > 0 {
		get(t, p2.base+"/s/"+acks[0].code)
	}
}

// TestCrashKeepsAcknowledged is the short crash test; make soak runs the
// long one (TestSoakCrash).
func TestCrashKeepsAcknowledged(t *testing.T) {
	crashRun(t, 1200, 32, 400)
}
