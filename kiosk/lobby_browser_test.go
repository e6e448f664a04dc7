package kiosk

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"frontdesk/report"
)

// fastTimers makes the page's timers run a hundred times faster, so a test
// sees minutes of a lobby's polling in seconds.
const fastTimers = `(function () {
  var si = window.setInterval, st = window.setTimeout;
  window.setInterval = function (f, d) { return si(f, Math.max(1, (d || 0) / 100)); };
  window.setTimeout = function (f, d) { return st(f, Math.max(1, (d || 0) / 100)); };
})();`

// TestBrowserLobbyWithoutStream: in a real Chromium, a lobby whose event
// stream is refused (every place taken) falls back to polling and still
// shows new QR codes when they rotate.
func TestBrowserLobbyWithoutStream(t *testing.T) {
	exe := chromiumPath(t)
	db := mustOpen(t)
	var now atomic.Int64
	now.Store(testNow.Unix())
	db.Now = func() time.Time { return time.Unix(now.Load(), 0) }
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	s.streams.cap = 0 // someone holds every stream
	base, _ := serve(t, s)
	opts := report.ChromiumOptions(exe, chromiumProfile(t), chromedp.WindowSize(1280, 720))
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	bctx, tcancel := context.WithTimeout(bctx, 45*time.Second)
	defer tcancel()
	err := chromedp.Do(bctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: fastTimers})
			return err
		}),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#qr-request")),
	)
	if err != nil {
		t.Fatalf("open the lobby: %v", err)
	}
	if err := waitTrue(bctx, `document.body.getAttribute("data-polling") === "1"`); err != nil {
		t.Fatalf("the lobby did not fall back to polling when its stream was refused: %v", err)
	}
	before, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.getElementById("qr-request").getAttribute("src")`))
	if err != nil {
		t.Fatal(err)
	}
	now.Add(int64((10 * time.Minute).Seconds())) // the codes rotate
	if err := waitTrue(bctx, `document.getElementById("qr-request").getAttribute("src") !== `+jsString(before)); err != nil {
		t.Errorf("the lobby kept its old code %s without a stream: %v", before, err)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	out := []byte{'"'}
	for _, r := range []byte(s) {
		if r == '"' || r == '\\' {
			out = append(out, '\\')
		}
		out = append(out, r)
	}
	return string(append(out, '"'))
}
