package kiosk

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"frontdesk/report"
	"frontdesk/store"
)

// wechatUA is the user agent of WeChat's in-app browser on Android, where
// most visitors open the forms.
const wechatUA = "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 " +
	"(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20240301 " +
	"MMWEBID/4321 MicroMessenger/8.0.48.2580(0x28003036) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64"

// phoneKit is a kiosk on a real listener with a headless Chromium to drive
// it as a phone would, and a clock the test moves.
type phoneKit struct {
	base  string
	s     *Server
	db    *store.DB
	now   atomic.Int64 // the store's clock, Unix seconds
	posts atomic.Int64 // form submissions that reached the server
	slow  atomic.Bool  // hold each form submission's answer back, as bad Wi-Fi does
	actx  context.Context
	shots string // where screenshots go ($KIOSK_SHOTS), "" for none
}

func newPhoneKit(t *testing.T) *phoneKit {
	t.Helper()
	exe := chromiumPath(t)
	k := &phoneKit{db: mustOpen(t), shots: os.Getenv("KIOSK_SHOTS")}
	k.now.Store(testNow.Unix())
	k.db.Now = func() time.Time { return time.Unix(k.now.Load(), 0).UTC() }
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	k.base = "http://" + ln.Addr().String()
	k.s = mustServer(t, k.db, Config{PublicURL: k.base, QRTTL: 10 * time.Minute})
	h := k.s.Handler()
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/f/") && !strings.HasSuffix(r.URL.Path, "/check") {
			k.posts.Add(1)
			h.ServeHTTP(w, r)
			if k.slow.Load() {
				time.Sleep(time.Second) // the record is made; its answer is late
			}
			return
		}
		h.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	opts := report.ChromiumOptions(exe, chromiumProfile(t), chromedp.UserAgent(wechatUA),
		chromedp.WindowSize(360, 640), chromedp.Flag("lang", "zh-CN"))
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil { // start the browser
		t.Fatal(err)
	}
	k.actx = bctx
	return k
}

// phone opens a new tab in the browser as a 360×640 phone, with JavaScript
// on or off; tabs share the browser's storage, as a phone's tabs do.
func (k *phoneKit) phone(t *testing.T, js bool) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(k.actx)
	t.Cleanup(cancel)
	ctx, tcancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(tcancel)
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(360, 640, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: wechatUA, AcceptLanguage: "zh-CN"})
			return err
		}),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !js})
			return err
		}),
	)
	if err != nil {
		t.Fatal(err)
	}
	return ctx
}

// shot saves a full-page screenshot as NAME.png under $KIOSK_SHOTS.
func (k *phoneKit) shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if k.shots == "" {
		return
	}
	b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(k.shots, name+".png"), b, 0o644); err != nil {
		t.Error(err)
	}
}

// formURL is a form's URL as the lobby shows it now.
func (k *phoneKit) formURL(kind string) string { return k.s.formURL(kind, k.db.Now()) }

// soon is waitTrue for at most five seconds.
func soon(ctx context.Context, expr string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return waitTrue(ctx, expr)
}

// fits checks that the page does not scroll sideways at 360 px.
func fits(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
	if err != nil || !ok {
		t.Errorf("%s scrolls sideways at 360 px (%v)", page, err)
	}
}

// readable checks the contrast of each element matching sel against the
// page: WCAG's 4.5:1 for normal text.
func readable(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	ratio, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
		const lum = c => { const [r, g, b] = c.match(/\d+/g).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
			return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
		const bg = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor; if (!c.endsWith(", 0)") && c !== "transparent") return c; } return "rgb(255, 255, 255)"; };
		let worst = 99;
		for (const el of document.querySelectorAll(`+"`"+sel+"`"+`)) {
			const a = lum(getComputedStyle(el).color), b = lum(bg(el));
			worst = Math.min(worst, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
		}
		return worst; })()`))
	if err != nil || ratio < 4.5 {
		t.Errorf("contrast of %s: %.2f:1, want 4.5:1 or more (%v)", sel, ratio, err)
	}
}

// TestPhoneForms drives every form as a visitor at 360×640 in WeChat would,
// with JavaScript on and off: nothing typed is lost, every error shows at
// once, one tap is one record, the receipt's QR code leads back, 查询进度
// finds the record, the booking form shows taken slots, and cancelling
// takes two steps.
func TestPhoneForms(t *testing.T) {
	k := newPhoneKit(t)
	ctx := context.Background()
	start, end, _ := k.db.BookingTimes("2026-03-11", "14:00", "16:00")
	if _, err := k.db.CreateBooking(ctx, store.BookingInput{VenueID: 1, Org: "老年协会", Contact: "周八", Phone: "13800002222",
		Title: "合唱排练", Purpose: "residents", Attendees: 20, Start: start, End: end, Approve: true, Actor: "小刘"}); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("楼道灯坏了一周，晚上老人上下楼很不方便，希望尽快派人维修。", 20)

	for _, js := range []bool{true, false} {
		mode := map[bool]string{true: "js", false: "nojs"}[js]
		t.Run(mode, func(t *testing.T) {
			k.now.Store(testNow.Unix())
			p := k.phone(t, js)

			// An empty form: every error at once, the summary in view with focus.
			err := chromedp.Do(p, chromedp.Navigate(k.formURL("request")), chromedp.WaitVisible(chromedp.CSS("#name")))
			if err != nil {
				t.Fatal(err)
			}
			k.shot(t, p, "request-"+mode)
			fits(t, p, "the request form")
			if err := chromedp.Do(p, chromedp.Click(chromedp.CSS("button.send")), chromedp.WaitVisible(chromedp.CSS("#error-summary"))); err != nil {
				t.Fatalf("submit the empty form: %v", err)
			}
			n, _ := chromedp.Run(p, chromedp.Evaluate[int](`document.querySelectorAll("#error-summary li").length`))
			if n != 4 {
				t.Errorf("empty form: %d errors in the summary, want 4", n)
			}
			if err := soon(p, `document.activeElement && document.activeElement.id === "error-summary" &&
				document.getElementById("error-summary").getBoundingClientRect().top >= -2 &&
				document.getElementById("error-summary").getBoundingClientRect().top < window.innerHeight / 2`); err != nil {
				where, _ := chromedp.Run(p, chromedp.Evaluate[string](`(document.activeElement ? document.activeElement.tagName + "#" + document.activeElement.id : "none") +
					" top " + document.getElementById("error-summary").getBoundingClientRect().top + " url " + location.href`))
				t.Errorf("the summary is not focused and in view: %v (%s)", err, where)
			}
			for _, f := range []string{"name", "phone", "category", "description"} {
				desc, _ := chromedp.Run(p, chromedp.Evaluate[string](`document.getElementById("`+f+`").getAttribute("aria-describedby") || ""`))
				if desc != "err-"+f {
					t.Errorf("%s: aria-describedby %q, want err-%s", f, desc, f)
				}
			}
			k.shot(t, p, "request-errors-"+mode)
			readable(t, p, ".field-error, .summary a, .hint")

			// A code that expires while a long description is typed: the
			// form comes back with all of it and a fresh code.
			err = chromedp.Do(p,
				chromedp.SendKeys(chromedp.CSS("#name"), "张三丰"),
				chromedp.SendKeys(chromedp.CSS("#phone"), "13812345678"),
				chromedp.SetValue(chromedp.CSS("#category"), "housing"),
				chromedp.SetValue(chromedp.CSS("#description"), long),
			)
			if err != nil {
				t.Fatal(err)
			}
			k.now.Add(int64((50 * time.Minute).Seconds()))
			if err := chromedp.Do(p, chromedp.Click(chromedp.CSS("button.send"))); err != nil {
				t.Fatal(err)
			}
			if err := soon(p, `document.readyState === "complete" && (document.getElementById("error-summary") || {textContent: ""}).textContent.includes("二维码已过期")`); err != nil {
				t.Errorf("no message about the expired code: %v", err)
			}
			summary, _ := chromedp.Run(p, chromedp.Text(chromedp.CSS("#error-summary")))
			desc, _ := chromedp.Run(p, chromedp.Value(chromedp.CSS("#description")))
			if !strings.Contains(summary, "二维码已过期") || desc != long {
				t.Errorf("expired code: summary %q, description kept %v", summary, desc == long)
			}
			k.shot(t, p, "request-expired-"+mode)
			if err := chromedp.Do(p, chromedp.Click(chromedp.CSS("button.send")), chromedp.WaitVisible(chromedp.CSS("#receipt-no"))); err != nil {
				t.Fatalf("submit again with the fresh code: %v", err)
			}

			// The receipt: its QR code is the private status link.
			receipt, _ := chromedp.Run(p, chromedp.Text(chromedp.CSS("#receipt-no")))
			r, err := k.db.RequestByReceipt(ctx, receipt)
			if err != nil || r.Description != long {
				t.Fatalf("stored request %s: %v (description kept: %v)", receipt, err, r.Description == long)
			}
			if err := soon(p, `document.getElementById("status-qr").complete && document.getElementById("status-qr").naturalWidth > 0`); err != nil {
				t.Fatal(err)
			}
			k.shot(t, p, "receipt-"+mode)
			fits(t, p, "the receipt")
			png, err := chromedp.Run(p, chromedp.Screenshot(chromedp.CSS("#status-qr")))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := qrText(t, png), k.base+"/s/"+r.StatusCode; got != want {
				t.Errorf("the receipt's QR code says %q, want %q", got, want)
			}

			// 查询进度 from the page's footer finds it again.
			err = chromedp.Do(p,
				chromedp.Click(chromedp.CSS(`footer a[href="/lookup"]`)),
				chromedp.WaitVisible(chromedp.CSS("#receipt")),
				chromedp.SendKeys(chromedp.CSS("#receipt"), strings.ToLower(receipt)),
				chromedp.SendKeys(chromedp.CSS("#phone_last4"), "0000"),
				chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
				chromedp.WaitVisible(chromedp.CSS(".form-error")),
			)
			if err != nil {
				t.Fatalf("a wrong look-up: %v", err)
			}
			k.shot(t, p, "lookup-miss-"+mode)
			err = chromedp.Do(p,
				chromedp.SetValue(chromedp.CSS("#phone_last4"), "5678"),
				chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
				chromedp.WaitVisible(chromedp.CSS("#state")),
			)
			if err != nil {
				t.Fatalf("look up %s: %v", receipt, err)
			}
			if got, _ := chromedp.Run(p, chromedp.Text(chromedp.CSS("#receipt-no"))); got != receipt {
				t.Errorf("查询进度 found %q, want %q", got, receipt)
			}
			k.shot(t, p, "status-request-"+mode)

			// A double tap on check-in: one record.
			k.now.Store(testNow.Unix())
			name := "王双击" + mode
			before := k.posts.Load()
			err = chromedp.Do(p,
				chromedp.Navigate(k.formURL("checkin")),
				chromedp.WaitVisible(chromedp.CSS("#name")),
				chromedp.SendKeys(chromedp.CSS("#name"), name),
				chromedp.SetValue(chromedp.CSS("#purpose"), "consult"),
			)
			if err != nil {
				t.Fatal(err)
			}
			k.shot(t, p, "checkin-"+mode)
			// A second tap while the answer is late: with JavaScript on the
			// script holds it back; with it off it reaches the server too,
			// with the same key.
			k.slow.Store(true)
			// The taps are a finger's, by position: the second lands on the
			// form still shown while its answer is late.
			xy, err := chromedp.Run(p, chromedp.Evaluate[[]float64](`(() => { const b = document.querySelector("button.send");
				b.scrollIntoView({block: "center"}); const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`))
			if err != nil || len(xy) != 2 {
				t.Fatalf("find the button: %v", err)
			}
			tap := func() {
				if _, err := chromedp.MouseClickXY(xy[0], xy[1])(p, chromedp.FromContext(p).Target); err != nil {
					t.Fatalf("tap: %v", err)
				}
			}
			tap()
			for deadline := time.Now().Add(5 * time.Second); k.posts.Load() == before && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
			tap()
			if err := chromedp.Do(p, chromedp.WaitVisible(chromedp.CSS("#receipt-no"))); err != nil {
				t.Fatalf("double tap: %v", err)
			}
			k.slow.Store(false)
			visits, _ := k.db.VisitsOn(ctx, k.db.Today())
			got := 0
			for _, v := range visits {
				if v.Name == name {
					got++
				}
			}
			if got != 1 {
				t.Errorf("a double tap made %d records, want 1 (%d posts reached the server)", got, k.posts.Load()-before)
			}
			if sent := k.posts.Load() - before; (js && sent != 1) || (!js && sent < 2) {
				t.Errorf("double tap: %d posts reached the server, want %s", sent, map[bool]string{true: "1 (the script holds the second)", false: "2"}[js])
			}

			// The booking form shows the day: the desk's booking is taken.
			err = chromedp.Do(p, chromedp.Navigate(k.formURL("booking")), chromedp.WaitVisible(chromedp.CSS("#venue")))
			if err != nil {
				t.Fatal(err)
			}
			k.shot(t, p, "booking-"+mode)
			if js {
				_, err = chromedp.Run(p, chromedp.Evaluate[bool](`(() => { const d = document.getElementById("date"); d.value = "2026-03-11";
					d.dispatchEvent(new Event("change", { bubbles: true })); return true; })()`))
			} else {
				err = chromedp.Do(p, chromedp.SetValue(chromedp.CSS("#date"), "2026-03-11"), chromedp.Click(chromedp.CSS("#show-day")))
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := soon(p, `((document.getElementById("when") || {}).textContent || "").includes("2026-03-11") &&
				[...document.querySelectorAll(".slot-approved")].some(li => li.textContent.includes("14:00–16:00") && li.textContent.includes("已预约"))`); err != nil {
				t.Fatalf("the booking form does not show the taken 14:00–16:00: %v", err)
			}
			k.shot(t, p, "booking-day-"+mode)
			fits(t, p, "the booking form")
			err = chromedp.Do(p,
				chromedp.Click(chromedp.CSS(`.slot-free button.pick[data-start="16:00"]`)),
				chromedp.WaitVisible(chromedp.CSS("#title")),
			)
			if err != nil {
				t.Fatal(err)
			}
			if err := soon(p, `document.getElementById("start").value === "16:00" && document.getElementById("end").value === "21:00"`); err != nil {
				t.Errorf("choosing the free 16:00–21:00 did not fill the times: %v", err)
			}
			err = chromedp.Do(p,
				chromedp.SetValue(chromedp.CSS("#end"), "18:00"),
				chromedp.SendKeys(chromedp.CSS("#title"), "党员读书会"),
				chromedp.SetValue(chromedp.CSS("#purpose"), "party_day"),
				chromedp.SendKeys(chromedp.CSS("#attendees"), "２０"),
				chromedp.SendKeys(chromedp.CSS("#org"), "幸福社区党支部"+mode),
				chromedp.SendKeys(chromedp.CSS("#contact"), "李四"),
				chromedp.SendKeys(chromedp.CSS("#phone"), "１３９００００１１１１"),
				chromedp.Click(chromedp.CSS("button.send")),
				chromedp.WaitVisible(chromedp.CSS("#receipt-no")),
			)
			if err != nil {
				t.Fatalf("book 16:00–18:00: %v", err)
			}
			bno, _ := chromedp.Run(p, chromedp.Text(chromedp.CSS("#receipt-no")))

			// Cancelling takes two steps.
			err = chromedp.Do(p,
				chromedp.Click(chromedp.CSS("#status-link")),
				chromedp.WaitVisible(chromedp.CSS("#cancel")),
				chromedp.Click(chromedp.CSS("#cancel")),
				chromedp.WaitVisible(chromedp.CSS("#confirm")),
			)
			if err != nil {
				t.Fatal(err)
			}
			k.shot(t, p, "confirm-cancel-"+mode)
			if b, _ := k.db.BookingByReceipt(ctx, bno); b.Status != store.BookingPending || b.Phone != "13900001111" || b.Attendees != 20 {
				t.Errorf("after the first step: %s is %s (phone %s, %d attendees), want pending", bno, b.Status, b.Phone, b.Attendees)
			}
			err = chromedp.Do(p, chromedp.Click(chromedp.CSS("#confirm")), chromedp.WaitVisible(chromedp.CSS("#state")))
			if err != nil {
				t.Fatal(err)
			}
			if state, _ := chromedp.Run(p, chromedp.Text(chromedp.CSS("#state"))); state != "已取消" {
				t.Errorf("after confirming: state %q, want 已取消", state)
			}
			k.shot(t, p, "status-cancelled-"+mode)

			// Error pages keep the kiosk's look, with a way back.
			err = chromedp.Do(p, chromedp.Navigate(k.base+"/static/nope.css"), chromedp.WaitVisible(chromedp.CSS("#message")))
			if err != nil {
				t.Fatal(err)
			}
			readable(t, p, ".code, .hint, .message")
			k.shot(t, p, "error-404-"+mode)
			err = chromedp.Do(p, chromedp.Navigate(k.base+"/f/request?token=forged"), chromedp.WaitVisible(chromedp.CSS("#message")))
			if err != nil {
				t.Fatal(err)
			}
			k.shot(t, p, "error-403-"+mode)
		})
	}
}

// TestPhoneDraft: with JavaScript on, what was typed survives a closed tab,
// and a form whose answer was lost, opened again from a new scan, gives the
// first receipt, not a second record.
func TestPhoneDraft(t *testing.T) {
	k := newPhoneKit(t)
	ctx := context.Background()
	tab := k.phone(t, true)
	err := chromedp.Do(tab,
		chromedp.Navigate(k.formURL("request")),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), "赵草稿"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "123"),
		chromedp.Focus(chromedp.CSS("#community")),
		chromedp.SendKeys(chromedp.CSS("#community"), "幸福社区"),
	)
	if err != nil {
		t.Fatal(err)
	}
	// Leaving the phone field checks it, before any submit.
	if err := soon(tab, `!document.getElementById("err-phone").hidden && document.getElementById("err-phone").textContent.includes("电话号码格式不对")`); err != nil {
		t.Errorf("leaving a bad phone shows no message: %v", err)
	}
	if err := soon(tab, `document.getElementById("err-category").hidden`); err != nil {
		t.Errorf("a field not yet visited shows a message: %v", err)
	}
	k.shot(t, tab, "request-check-as-you-go")
	err = chromedp.Do(tab,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(document.getElementById("phone").value = "", true)`)(ctx, tg)
			return err
		}),
		chromedp.SendKeys(chromedp.CSS("#phone"), "13812345678"),
		chromedp.SetValue(chromedp.CSS("#category"), "policy"),
		chromedp.SendKeys(chromedp.CSS("#description"), "想咨询医保异地备案怎么办理"),
	)
	if err != nil {
		t.Fatal(err)
	}
	key, err := chromedp.Run(tab, chromedp.Value(chromedp.CSS(`input[name="key"]`)))
	if err != nil {
		t.Fatal(err)
	}
	// The tap went through but its answer never came back: the record is
	// made, the tab closed.
	form := url.Values{"token": {k.s.token("request", k.db.Now())}, "key": {key}, "name": {"赵草稿"}, "phone": {"13812345678"},
		"community": {"幸福社区"}, "category": {"policy"}, "description": {"想咨询医保异地备案怎么办理"}}
	w := do(k.s.Handler(), "POST", "/f/request", form, nil)
	if w.Code != 303 {
		t.Fatalf("the lost submission: %d", w.Code)
	}
	first, _ := k.db.Requests(ctx, store.RequestFilter{})
	if err := chromedp.Cancel(tab); err != nil {
		t.Fatal(err)
	}

	// A new scan, a new tab: the draft is back, with its key.
	again := k.phone(t, true)
	err = chromedp.Do(again,
		chromedp.Navigate(k.formURL("request")),
		chromedp.WaitVisible(chromedp.CSS("#draft-notice")),
	)
	if err != nil {
		t.Fatalf("no draft after the tab was closed: %v", err)
	}
	for id, want := range map[string]string{"name": "赵草稿", "phone": "13812345678", "community": "幸福社区", "category": "policy"} {
		if got, _ := chromedp.Run(again, chromedp.Value(chromedp.CSS("#"+id))); got != want {
			t.Errorf("draft %s: got %q, want %q", id, got, want)
		}
	}
	k.shot(t, again, "request-draft-restored")
	if err := chromedp.Do(again, chromedp.Click(chromedp.CSS("button.send")), chromedp.WaitVisible(chromedp.CSS("#receipt-no"))); err != nil {
		t.Fatal(err)
	}
	receipt, _ := chromedp.Run(again, chromedp.Text(chromedp.CSS("#receipt-no")))
	all, _ := k.db.Requests(ctx, store.RequestFilter{})
	if len(all) != 1 || len(first) != 1 || receipt != first[0].ReceiptNo {
		t.Errorf("after the retry: %d records, receipt %s, want the first one's %s", len(all), receipt, first[0].ReceiptNo)
	}
	// The receipt page lets the phone forget the draft.
	err = chromedp.Do(again, chromedp.Navigate(k.formURL("request")), chromedp.WaitVisible(chromedp.CSS("#name")))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(again, chromedp.Value(chromedp.CSS("#name"))); got != "" {
		t.Errorf("after the receipt the form still fills in %q", got)
	}
}

// TestLobbyShots takes the lobby's screenshots, on the TV and on a phone,
// and checks it shows approved bookings without names.
func TestLobbyShots(t *testing.T) {
	k := newPhoneKit(t)
	ctx := context.Background()
	for i, b := range []struct {
		title, org, start, end string
		approve                bool
	}{
		{"三月主题党日", "幸福社区党支部", "10:00", "11:30", true},
		{"合唱排练", "老年协会", "14:00", "16:00", true},
		{"没审核的活动", "某单位", "16:00", "17:00", false},
	} {
		s, e, _ := k.db.BookingTimes("2026-03-10", b.start, b.end)
		if _, err := k.db.CreateBooking(ctx, store.BookingInput{VenueID: 1, Org: b.org, Contact: fmt.Sprint("联系人", i), Phone: "13800002222",
			Title: b.title, Purpose: "party_day", Attendees: 20, Start: s, End: e, Approve: b.approve, Actor: "小刘"}); err != nil {
			t.Fatal(err)
		}
	}
	tv := k.phone(t, true)
	err := chromedp.Do(tv, chromedp.EmulateViewport(1920, 1080), chromedp.Navigate(k.base+"/"), chromedp.WaitVisible(chromedp.CSS("#qr-checkin")))
	if err != nil {
		t.Fatal(err)
	}
	if err := soon(tv, `[...document.images].every(i => i.complete && i.naturalWidth > 0)`); err != nil {
		t.Fatal(err)
	}
	text, _ := chromedp.Run(tv, chromedp.Text(chromedp.CSS("#schedule")))
	if !strings.Contains(text, "三月主题党日") || !strings.Contains(text, "老年协会") || strings.Contains(text, "没审核的活动") || strings.Contains(text, "联系人") {
		t.Errorf("lobby schedule: %q", text)
	}
	k.shot(t, tv, "lobby-tv")
	// A new secret (init --new-secret) reaches the TV within seconds: the
	// codes' image URLs carry the secret's mark, and the store's event
	// tells the screen to reload.
	before, _ := chromedp.Run(tv, chromedp.Evaluate[string](`document.getElementById("qr-request").getAttribute("src")`))
	if err := k.db.RotateSecret(ctx, store.Actor{System: "root"}); err != nil {
		t.Fatal(err)
	}
	if err := soon(tv, `document.getElementById("qr-request").getAttribute("src") !== `+fmt.Sprintf("%q", before)+` &&
		document.getElementById("qr-request").complete && document.getElementById("qr-request").naturalWidth > 0`); err != nil {
		t.Errorf("the TV still shows the old codes 5 s after a new secret: %v", err)
	} else {
		png, err := chromedp.Run(tv, chromedp.Screenshot(chromedp.CSS("figure.code-request")))
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(qrText(t, png))
		if err := k.s.checkToken("request", u.Query().Get("token"), k.db.Now()); err != nil {
			t.Errorf("the TV's new code %s does not open the form: %v", u, err)
		}
	}
	if n, _ := chromedp.Run(tv, chromedp.Evaluate[int](`document.querySelectorAll('a[href="/lookup"]').length`)); n != 1 {
		html, _ := chromedp.Run(tv, chromedp.Evaluate[string](`document.body.innerHTML`))
		t.Errorf("the lobby links 查询进度 %d times, want once: %s", n, html)
	}
	phone := k.phone(t, true)
	if err := chromedp.Do(phone, chromedp.Navigate(k.base+"/"), chromedp.WaitVisible(chromedp.CSS("#qr-request"))); err != nil {
		t.Fatal(err)
	}
	fits(t, phone, "the lobby on a phone")
	k.shot(t, phone, "lobby-phone")
}
