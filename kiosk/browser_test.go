package kiosk

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"

	"frontdesk/report"
	"frontdesk/store"
)

// chromiumPath finds Debian's chromium; a missing browser fails the test.
// chromiumProfile is a fresh folder for a test's Chromium profile, removed
// at the end. Chromium makes its singleton socket inside it, and a socket's
// path has at most 107 bytes, so it is named short rather than after the
// test as t.TempDir() would (TestBrowserLobbyWithoutStream failed to start
// Chromium under a TMPDIR of 16 characters or more).
func chromiumProfile(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "cr")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	t.Fatal("chromium is not installed; the end-to-end test needs it: run `make test-deps` " +
		"(or `apt-get install chromium fonts-noto-cjk`)")
	return ""
}

// TestBrowserEndToEnd is a visitor's whole visit in a real headless Chromium
// at a phone's viewport: the lobby, a scanned code, the request form filled
// in Chinese, the receipt, the status page; then the record in the store.
// The lobby tab stays open and must show a new booking without a reload.
func TestBrowserEndToEnd(t *testing.T) {
	exe := chromiumPath(t)
	db := mustOpen(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	s := mustServer(t, db, Config{PublicURL: base, QRTTL: 10 * time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()

	opts := report.ChromiumOptions(exe, chromiumProfile(t), chromedp.WindowSize(390, 844))
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	bctx, tcancel := context.WithTimeout(bctx, 45*time.Second)
	defer tcancel()

	// The lobby, at a phone's size, as a visitor would photograph it.
	err = chromedp.Do(bctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3)), // a phone: 3 device pixels a CSS pixel
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#qr-request")),
	)
	if err != nil {
		t.Fatalf("open the lobby: %v", err)
	}
	// Wait until the image is decoded and painted, as a camera would see it.
	_, err = chromedp.Run(bctx, chromedp.Evaluate[bool](`document.getElementById("qr-request").decode()
		.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("QR image never loaded: %v", err)
	}
	// A camera gets a few looks; so does the test, but each look is a real
	// screenshot of the page.
	var res *gozxing.Result
	for look := 1; ; look++ {
		shot, err := chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS("figure.code-request")))
		if err != nil {
			t.Fatalf("screenshot the code: %v", err)
		}
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatal(err)
		}
		res, err = decodeQR(img)
		if err == nil {
			break
		}
		if look == 3 {
			os.WriteFile(filepath.Join(os.TempDir(), "kiosk-qr-unreadable.png"), shot, 0o644)
			t.Fatalf("decode the code on screen (%d looks; last screenshot in %s): %v", look, os.TempDir(), err)
		}
		t.Logf("look %d: %v", look, err)
		time.Sleep(200 * time.Millisecond)
	}
	formURL := res.GetText()
	if !strings.HasPrefix(formURL, base+"/f/request?token=") {
		t.Fatalf("the code says %q, want the request form under %s", formURL, base)
	}

	// The form, filled in Chinese at 390 px, without sideways scrolling.
	err = chromedp.Do(bctx,
		chromedp.Navigate(formURL),
		chromedp.WaitVisible(chromedp.CSS("#name")),
	)
	if err != nil {
		t.Fatalf("open the form: %v", err)
	}
	if err := waitTrue(bctx, `document.documentElement.scrollWidth <= window.innerWidth`); err != nil {
		t.Errorf("the form scrolls sideways at 390 px: %v", err)
	}
	err = chromedp.Do(bctx,
		chromedp.SendKeys(chromedp.CSS("#name"), "张三丰"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "13812345678"),
		chromedp.SendKeys(chromedp.CSS("#community"), "幸福社区第三网格"),
		chromedp.SetValue(chromedp.CSS("#category"), "housing"),
		chromedp.Click(chromedp.CSS(`input[name="urgency"][value="urgent"]`)),
		chromedp.SendKeys(chromedp.CSS("#description"), "楼道灯坏了一周，老人晚上出行不便，请尽快维修。"),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#receipt-no")),
	)
	if err != nil {
		t.Fatalf("fill and submit the form: %v", err)
	}
	receipt, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("#receipt-no")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(receipt, "R-20260310-") {
		t.Errorf("receipt number on the page %q, want R-20260310-…", receipt)
	}

	// The private status page.
	err = chromedp.Do(bctx,
		chromedp.Click(chromedp.CSS("#status-link")),
		chromedp.WaitVisible(chromedp.CSS("#state")),
	)
	if err != nil {
		t.Fatalf("open the status page: %v", err)
	}
	state, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("#state")))
	if err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(bctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if state != "待受理" || !strings.HasPrefix(loc, base+"/s/") {
		t.Errorf("status page %s shows %q, want /s/… showing 待受理", loc, state)
	}

	// The record, in the store, as typed.
	r, err := db.RequestByReceipt(context.Background(), receipt)
	if err != nil {
		t.Fatalf("find %s in the store: %v", receipt, err)
	}
	if r.Name != "张三丰" || r.Phone != "13812345678" || r.Community != "幸福社区第三网格" || r.Category != "housing" ||
		r.Urgency != "urgent" || !strings.Contains(r.Description, "楼道灯坏了一周") || r.Source != "kiosk" {
		t.Errorf("stored request: %+v", r)
	}
	if code := strings.TrimPrefix(loc, base+"/s/"); code != r.StatusCode {
		t.Errorf("status link code %q, stored %q", code, r.StatusCode)
	}

	// Back on the lobby, a booking made at the desk appears without a reload.
	err = chromedp.Do(bctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#schedule")))
	if err != nil {
		t.Fatal(err)
	}
	if err := waitTrue(bctx, `typeof EventSource !== "undefined"`); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // let the event stream connect
	start, end, _ := db.BookingTimes("2026-03-10", "15:00", "17:00")
	if _, err := db.CreateBooking(context.Background(), store.BookingInput{VenueID: 1, Org: "幸福社区党支部", Contact: "李四",
		Phone: "13900001111", Title: "党员读书会", Purpose: "party_day", Attendees: 20, Start: start, End: end, Approve: true, Actor: "小刘"}); err != nil {
		t.Fatal(err)
	}
	if err := waitTrue(bctx, `document.getElementById("schedule").textContent.includes("党员读书会")`); err != nil {
		t.Errorf("the lobby did not show the new booking live: %v", err)
	}

	// On a 1080p TV the lobby fits the screen, with codes large enough to
	// scan from across the hall.
	err = chromedp.Do(bctx, chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#qr-checkin")))
	if err != nil {
		t.Fatal(err)
	}
	if err := waitTrue(bctx, `document.documentElement.scrollHeight <= window.innerHeight &&
		[...document.querySelectorAll(".codes img")].every(i => i.getBoundingClientRect().width >= 300)`); err != nil {
		t.Errorf("the lobby does not fit 1920×1080 with codes of 300 px or more: %v", err)
	}

	// With JavaScript off, at 360 px, a visitor still checks in and out.
	jctx, jcancel := chromedp.NewContext(bctx)
	defer jcancel()
	checkin := s.FormLinks()[2]
	err = chromedp.Do(jctx,
		chromedp.EmulateViewport(360, 640),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(checkin.URL),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), "王小明"),
		chromedp.SetValue(chromedp.CSS("#purpose"), "party_report"),
		chromedp.Click(chromedp.CSS(`input[name="party_member"]`)),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#receipt-no")),
		chromedp.Click(chromedp.CSS("#status-link")),
		chromedp.WaitVisible(chromedp.CSS("#checkout")),
		chromedp.Click(chromedp.CSS("#checkout")),
		chromedp.WaitVisible(chromedp.CSS("#confirm")),
		chromedp.Click(chromedp.CSS("#confirm")),
		chromedp.WaitVisible(chromedp.CSS("#state")),
		chromedp.WaitNotPresent(chromedp.CSS("#checkout")),
	)
	if err != nil {
		t.Fatalf("check in and out with JavaScript off: %v", err)
	}
	out, err := chromedp.Run(jctx, chromedp.Text(chromedp.CSS("#state")))
	if err != nil {
		t.Fatal(err)
	}
	visits, err := db.VisitsOn(context.Background(), db.Today())
	if err != nil {
		t.Fatal(err)
	}
	if out != "已签退" || len(visits) != 1 || visits[0].Name != "王小明" || !visits[0].PartyMember || visits[0].Open() {
		t.Errorf("JavaScript off: page says %q; visits %+v", out, visits)
	}
}

// waitTrue polls a JavaScript expression until it is true or ctx ends. An
// expression that throws is asked again: after a click that posts a form,
// it may run while the next page is half parsed (an element not there yet).
// When ctx ends, the last exception, if any, is the error.
func waitTrue(ctx context.Context, expr string) error {
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil && ctx.Err() != nil {
			if last != nil {
				return last
			}
			return err
		}
		if err != nil {
			last = err
		} else if ok {
			return nil
		}
		select {
		case <-ctx.Done():
			if last != nil {
				return fmt.Errorf("%w (last exception: %v)", ctx.Err(), last)
			}
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
