package kiosk

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// keyOf reads the one-time key a form page carries.
func keyOf(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`name="key" value="([A-Za-z0-9_-]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the page carries no key:\n%.1500s", body)
	}
	return m[1]
}

// qrText reads the QR code of a PNG.
func qrText(t *testing.T, b []byte) string {
	t.Helper()
	pic, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	res, err := decodeQR(pic)
	if err != nil {
		t.Fatal(err)
	}
	return res.GetText()
}

// TestFormsKeepEverything: what a visitor typed comes back whatever went
// wrong, every error at once, each under its field and in the summary;
// a form sent twice with its key gives one record.
func TestFormsKeepEverything(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	req := s.token("request", testNow)
	ctx := context.Background()

	t.Run("AllErrorsAtOnce", func(t *testing.T) {
		w := do(h, "POST", "/f/request", url.Values{"token": {req}}, nil)
		body := w.Body.String()
		if w.Code != 422 {
			t.Fatalf("status %d, want 422", w.Code)
		}
		for _, want := range []string{
			`id="error-summary" role="alert" tabindex="-1" autofocus`, "请修改以下 4 项后再提交",
			`<a href="#name">请填写姓名</a>`, `<a href="#phone">请填写联系电话</a>`, `<a href="#category">请选择诉求类别</a>`, `<a href="#description">请填写诉求内容</a>`,
			`id="err-name">请填写姓名`, `id="err-phone">请填写联系电话`, `id="err-category">请选择诉求类别`, `id="err-description">请填写诉求内容`,
			`aria-invalid="true" aria-describedby="err-name"`, `aria-describedby="err-description"`,
			`action="/f/request?token=` + url.QueryEscape(req) + `#error-summary"`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("body lacks %q", want)
			}
		}
	})
	t.Run("BookingAllErrorsAtOnce", func(t *testing.T) {
		w := do(h, "POST", "/f/booking", url.Values{"token": {s.token("booking", testNow)}}, nil)
		body := w.Body.String()
		if w.Code != 422 || !strings.Contains(body, "请修改以下 10 项后再提交") {
			t.Fatalf("status %d, want 422 with 10 problems:\n%.3000s", w.Code, body)
		}
		// The summary lists them in the page's order.
		order := []string{"#venue", "#date", "#start", "#end", "#title", "#purpose", "#attendees", "#org", "#contact", "#phone"}
		last := -1
		for _, f := range order {
			i := strings.Index(body, `<a href="`+f+`">`)
			if i < last {
				t.Errorf("summary: %s out of order", f)
			}
			last = i
		}
	})
	t.Run("EndTooLateBlamesEnd", func(t *testing.T) {
		w := do(h, "POST", "/f/booking", bookingForm(s.token("booking", testNow), "start", "20:00", "end", "22:00"), nil)
		body := w.Body.String()
		if !strings.Contains(body, `id="err-end">结束时间晚于场地关闭时间`) || strings.Contains(body, `id="err-start">`) {
			t.Errorf("an end past closing: want the message under end only:\n%.3000s", body)
		}
	})
	t.Run("DoubleSubmitOneRecord", func(t *testing.T) {
		page := do(h, "GET", "/f/request?token="+req, nil, nil).Body.String()
		key := keyOf(t, page)
		form := requestForm(req, "key", key, "name", "李重复")
		first := do(h, "POST", "/f/request", form, nil)
		second := do(h, "POST", "/f/request", form, nil)
		if first.Code != 303 || second.Code != 303 || first.Header().Get("Location") != second.Header().Get("Location") {
			t.Errorf("the same key twice: got %d %q and %d %q, want one receipt", first.Code, first.Header().Get("Location"),
				second.Code, second.Header().Get("Location"))
		}
		list, _ := db.Requests(ctx, store.RequestFilter{})
		n := 0
		for _, r := range list {
			if r.Name == "李重复" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("records: got %d, want 1", n)
		}
		// A form that came back with errors keeps its key.
		bad := requestForm(req, "key", key, "phone", "123")
		if got := keyOf(t, do(h, "POST", "/f/request", bad, nil).Body.String()); got != key {
			t.Errorf("key after an error: got %q, want %q", got, key)
		}
	})
	t.Run("FullWidthPhone", func(t *testing.T) {
		w := do(h, "POST", "/f/request", requestForm(req, "name", "全角", "phone", "１３８　１２３４　５６７８"), nil)
		if w.Code != 303 {
			t.Fatalf("full-width digits: status %d, want 303: %.500s", w.Code, w.Body.String())
		}
		list, _ := db.Requests(ctx, store.RequestFilter{})
		for _, got := range list {
			if got.Name == "全角" && got.Phone != "13812345678" {
				t.Errorf("stored %q, want 13812345678", got.Phone)
			}
		}
	})
	t.Run("ZeroWidthName", func(t *testing.T) {
		w := do(h, "POST", "/f/request", requestForm(req, "name", "张\u200b三"), nil)
		if w.Code != 422 || !strings.Contains(w.Body.String(), `id="err-name">姓名含有看不见的格式字符`) {
			t.Errorf("zero-width space in a name: status %d, %.800s", w.Code, w.Body.String())
		}
	})
	t.Run("OriginWithoutFetchMetadata", func(t *testing.T) {
		// Old WebViews send no Sec-Fetch-Site; with same-origin referrers
		// they send the page's own Origin, which passes.
		w := do(h, "POST", "/f/request", requestForm(req), map[string]string{"Origin": "http://example.com"})
		if w.Code != 303 {
			t.Errorf("same-origin post without Sec-Fetch-Site: status %d, want 303", w.Code)
		}
	})
	t.Run("CheckAsYouGo", func(t *testing.T) {
		for _, c := range []struct {
			kind string
			form url.Values
			want map[string]string
		}{
			{"request", url.Values{"name": {"张三"}, "phone": {"123"}}, map[string]string{"phone": "电话号码格式不对", "category": "请选择诉求类别"}},
			{"booking", bookingForm("", "start", "15:00", "end", "14:00"), map[string]string{"end": "结束时间应晚于开始时间"}},
			{"checkin", checkinForm(""), map[string]string{}},
		} {
			w := do(h, "POST", "/f/"+c.kind+"/check", c.form, nil)
			var got struct{ Errors map[string]string }
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
				t.Fatalf("%s: status %d body %s", c.kind, w.Code, w.Body.String())
			}
			for f, want := range c.want {
				if !strings.HasPrefix(got.Errors[f], want) {
					t.Errorf("%s %s: got %q, want %q…", c.kind, f, got.Errors[f], want)
				}
			}
			if len(c.want) == 0 && len(got.Errors) != 0 {
				t.Errorf("%s: got %v, want no errors", c.kind, got.Errors)
			}
		}
	})
}

// TestLookup is 查询进度: the receipt number and the phone's last four
// digits lead to the status page; a miss keeps what was typed and says
// nothing of which part was wrong; attempts are limited.
func TestLookup(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	r, err := db.CreateRequest(context.Background(), store.RequestInput{Name: "张三", Phone: "13812345678", Category: "policy",
		Description: "咨询", Source: "kiosk"})
	if err != nil {
		t.Fatal(err)
	}
	one := map[string]string{"RemoteAddr": "10.0.0.9:1"}
	for _, c := range []struct {
		name       string
		form       url.Values
		wantStatus int
		want       []string
	}{
		{"Page", nil, 200, []string{`name="receipt"`, `name="phone_last4"`, "查询进度"}},
		{"Found", url.Values{"receipt": {strings.ToLower(r.ReceiptNo)}, "phone_last4": {"5678"}}, 303, nil},
		{"WrongPhone", url.Values{"receipt": {r.ReceiptNo}, "phone_last4": {"0000"}}, 404, []string{"没有找到匹配的记录", `value="` + r.ReceiptNo + `"`, `value="0000"`}},
		{"WrongNumber", url.Values{"receipt": {"R-20260310-0042"}, "phone_last4": {"5678"}}, 404, []string{"没有找到匹配的记录"}},
		{"ShortPhone", url.Values{"receipt": {r.ReceiptNo}, "phone_last4": {"56"}}, 422, []string{`id="err-phone_last4">请填写手机号码的后四位数字`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			method := "POST"
			if c.form == nil {
				method = "GET"
			}
			w := do(h, method, "/lookup", c.form, one)
			if w.Code != c.wantStatus {
				t.Fatalf("status %d, want %d: %.800s", w.Code, c.wantStatus, w.Body.String())
			}
			if w.Code == 303 && w.Header().Get("Location") != "/s/"+r.StatusCode {
				t.Errorf("Location %q, want /s/%s", w.Header().Get("Location"), r.StatusCode)
			}
			for _, want := range c.want {
				if !strings.Contains(w.Body.String(), want) {
					t.Errorf("body lacks %q", want)
				}
			}
		})
	}
	t.Run("Limited", func(t *testing.T) {
		addr := map[string]string{"RemoteAddr": "10.0.0.10:1"}
		var last *http.Response
		for range lookupPerMinute + 1 {
			last = do(h, "POST", "/lookup", url.Values{"receipt": {r.ReceiptNo}, "phone_last4": {"1111"}}, addr).Result()
		}
		if last.StatusCode != 429 {
			t.Errorf("attempt %d: status %d, want 429", lookupPerMinute+1, last.StatusCode)
		}
	})
}

// TestReceiptQR: the receipt's QR code is the absolute private status
// link, and the page says how to come back with a screenshot.
func TestReceiptQR(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	w := do(h, "POST", "/f/request", requestForm(s.token("request", testNow)), nil)
	code := strings.TrimPrefix(w.Header().Get("Location"), "/receipt/")
	page := do(h, "GET", "/receipt/"+code, nil, nil).Body.String()
	for _, want := range []string{`src="/receipt/` + code + `/qr.png"`, "识别图中二维码", testPublic + "/s/" + code, `data-draft-done="request"`} {
		if !strings.Contains(page, want) {
			t.Errorf("receipt lacks %q", want)
		}
	}
	img := do(h, "GET", "/receipt/"+code+"/qr.png", nil, nil)
	if img.Code != 200 || img.Header().Get("Cache-Control") != "private, no-store" {
		t.Fatalf("QR: status %d cache %q", img.Code, img.Header().Get("Cache-Control"))
	}
	if got, want := qrText(t, img.Body.Bytes()), testPublic+"/s/"+code; got != want {
		t.Errorf("QR says %q, want %q", got, want)
	}
	if w := do(h, "GET", "/receipt/abcdefghijklmnopqrstuvwx/qr.png", nil, nil); w.Code != 404 {
		t.Errorf("QR of no record: status %d, want 404", w.Code)
	}
}

// TestBookingDay: the booking form shows the chosen venue's day, taken and
// free, without JavaScript; a pending overlap is warned about, before and
// after submitting.
func TestBookingDay(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	ctx := context.Background()
	book := func(start, end string, approve bool) {
		a, b, _ := db.BookingTimes("2026-03-11", start, end)
		if _, err := db.CreateBooking(ctx, store.BookingInput{VenueID: 1, Org: "老年协会", Contact: "周八", Phone: "13800002222",
			Title: "合唱排练", Purpose: "residents", Attendees: 20, Start: a, End: b, Approve: approve, Actor: "小刘"}); err != nil {
			t.Fatal(err)
		}
	}
	book("09:00", "11:00", true)
	book("14:00", "15:00", false)
	tok := s.token("booking", testNow)
	w := do(h, "GET", "/f/booking?token="+url.QueryEscape(tok)+"&venue=1&date=2026-03-11&start=14:00&end=16:00", nil, nil)
	body := w.Body.String()
	for _, want := range []string{"多功能厅 · 2026-03-11", "09:00–11:00</span> <span class=\"slot-state\">已预约",
		"14:00–15:00</span> <span class=\"slot-state\">待审核", "08:00–09:00</span> <span class=\"slot-state\">空闲",
		"15:00–21:00", `id="pending-warning"`, `<option value="14:00" selected>14:00</option>`, `<option value="21:00">21:00</option>`} {
		if !strings.Contains(body, want) {
			t.Errorf("booking day lacks %q", want)
		}
	}
	for _, not := range []string{"合唱排练", "周八", "老年协会", `type="time"`} {
		if strings.Contains(body, not) {
			t.Errorf("booking form shows %q", not)
		}
	}
	// No 12-hour clock ("2:00 PM"); a bare "PM" may be part of the page's
	// random one-time key or token.
	if m := regexp.MustCompile(`[0-9] ?[AP]M\b`).FindString(body); m != "" {
		t.Errorf("booking form shows a 12-hour time %q", m)
	}
	w = do(h, "POST", "/f/booking", bookingForm(tok, "start", "14:30", "end", "16:00"), nil)
	if w.Code != 303 {
		t.Fatalf("a pending overlap is still accepted: status %d %.800s", w.Code, w.Body.String())
	}
	if r := do(h, "GET", w.Header().Get("Location"), nil, nil).Body.String(); !strings.Contains(r, "这个时段还有 1 个待审核的预约") {
		t.Errorf("receipt lacks the pending-overlap warning")
	}
}

// TestBookingDayPosted: showing a day and choosing a free span are posts
// that draw the form again with what was typed and store nothing, so the
// visitor's name and phone never go into a URL (history, logs, shared links).
func TestBookingDayPosted(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	ctx := context.Background()
	tok := s.token("booking", testNow)
	w := do(h, "POST", "/f/booking", bookingForm(tok, "show", "day", "start", "", "end", ""), nil)
	body := w.Body.String()
	if w.Code != 200 {
		t.Fatalf("show the day: status %d, want 200", w.Code)
	}
	for _, want := range []string{"多功能厅 · 2026-03-11", `name="pick" value="08:00-21:00"`, `value="13900001111"`, `value="李四"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the shown day lacks %q", want)
		}
	}
	for _, href := range regexp.MustCompile(`(?:href|action|formaction)="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		for _, typed := range []string{"13900001111", "1111", url.QueryEscape("李四"), url.QueryEscape("幸福社区党支部")} {
			if strings.Contains(href[1], typed) {
				t.Errorf("a URL on the page carries what was typed (%q): %s", typed, href[1])
			}
		}
	}
	if regexp.MustCompile(`class="field-error"[^>]*>[^<]`).MatchString(body) || strings.Contains(body, `aria-invalid="true"`) {
		t.Errorf("showing the day marks fields as wrong")
	}
	w = do(h, "POST", "/f/booking", bookingForm(tok, "pick", "16:00-21:00"), nil)
	if w.Code != 200 || !strings.Contains(w.Body.String(), `<option value="16:00" selected>`) || !strings.Contains(w.Body.String(), `<option value="21:00" selected>`) {
		t.Errorf("picking 16:00–21:00: status %d, the times not chosen", w.Code)
	}
	if bs, _ := db.BookingsOn(ctx, store.Day{Year: 2026, Month: 3, Day: 11}); len(bs) != 0 {
		t.Errorf("showing and picking stored %d bookings, want none", len(bs))
	}
	if w := do(h, "POST", "/f/booking", bookingForm(tok), nil); w.Code != 303 {
		t.Errorf("the same form sent for real: status %d, want 303", w.Code)
	}
}

// TestLobbyContent: the lobby shows approved bookings with organisation and
// title only, and new codes as soon as the secret changes.
func TestLobbyContent(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 0})
	h := s.Handler()
	ctx := context.Background()
	for _, c := range []struct {
		title   string
		approve bool
		start   string
	}{{"已批准的读书会", true, "10:00"}, {"<b>没审核的</b>", false, "12:00"}} {
		a, b, _ := db.BookingTimes("2026-03-10", c.start, "11:30")
		if c.start == "12:00" {
			a, b, _ = db.BookingTimes("2026-03-10", "12:00", "13:00")
		}
		if _, err := db.CreateBooking(ctx, store.BookingInput{VenueID: 1, Org: "幸福社区党支部", Contact: "李联系", Phone: "13912345678",
			Title: c.title, Purpose: "party_day", Attendees: 10, Start: a, End: b, Approve: c.approve, Actor: "小刘"}); err != nil {
			t.Fatal(err)
		}
	}
	page := do(h, "GET", "/", nil, nil).Body.String()
	for _, want := range []string{"已批准的读书会", "幸福社区党支部", `href="/lookup"`, testPublic + "/lookup"} {
		if !strings.Contains(page, want) {
			t.Errorf("lobby lacks %q", want)
		}
	}
	for _, not := range []string{"没审核的", "李联系", "5678", "待审核"} {
		if strings.Contains(page, not) {
			t.Errorf("lobby shows %q", not)
		}
	}
	src := regexp.MustCompile(`id="qr-request" src="([^"]+)"`)
	before := src.FindStringSubmatch(page)[1]
	if err := db.RotateSecret(ctx, store.Actor{System: "root"}); err != nil {
		t.Fatal(err)
	}
	after := src.FindStringSubmatch(do(h, "GET", "/", nil, nil).Body.String())[1]
	if before == after {
		t.Fatalf("static codes after a new secret: image URL %q unchanged, so the TV keeps the dead code", after)
	}
	img := do(h, "GET", strings.ReplaceAll(after, "&amp;", "&"), nil, nil)
	form, _ := url.Parse(qrText(t, img.Body.Bytes()))
	if w := do(h, "GET", form.RequestURI(), nil, nil); w.Code != 200 {
		t.Errorf("the new code's form: status %d, want 200", w.Code)
	}
}

// TestPolish: the favicon, friendly error pages for missing files and the
// rest, in the kiosk's style with a way back.
func TestPolish(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	for _, c := range []struct {
		name, method, path string
		form               url.Values
		wantStatus         int
		want               []string
	}{
		{"Favicon", "GET", "/favicon.ico", nil, 200, []string{"\x00\x00\x01\x00\x01\x00", "\x89PNG"}},
		{"MissingStatic", "GET", "/static/nope.js", nil, 404, []string{"没有找到这个页面", `href="/lookup"`, "kiosk.css", "错误代码 404"}},
		{"Forbidden", "GET", "/f/request?token=x", nil, 403, []string{"请重新扫码", `href="/lookup"`}},
		{"TooLarge", "POST", "/f/request", url.Values{"description": {strings.Repeat("x", MaxBodyBytes)}}, 413, []string{"内容太长了", "上一页", `href="/lookup"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(h, c.method, c.path, c.form, nil)
			if w.Code != c.wantStatus {
				t.Fatalf("status %d, want %d", w.Code, c.wantStatus)
			}
			for _, want := range c.want {
				if !strings.Contains(w.Body.String(), want) {
					t.Errorf("body lacks %q", want)
				}
			}
			if strings.Contains(w.Body.String(), "404 page not found") {
				t.Errorf("a plain English 404")
			}
		})
	}
}

// TestEnglishPages: the new pages speak English with --lang en.
func TestEnglishPages(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute, Lang: "en"})
	h := s.Handler()
	w := do(h, "POST", "/f/booking", bookingForm(s.token("booking", testNow)), nil)
	code := strings.TrimPrefix(w.Header().Get("Location"), "/receipt/")
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/f/booking?token=" + url.QueryEscape(s.token("booking", testNow)) + "&venue=1&date=2026-03-11", []string{"Show free times that day", "Pending (you may still ask; one is approved)", "Free"}},
		{"/receipt/" + code, []string{"Take a screenshot of this page.", "Booking number"}},
		{"/s/" + code, []string{"The desk will review it", "Cancel the booking…", "Look up a receipt"}},
		{"/s/" + code + "/cancel", []string{"Cancel this booking?", "No, go back"}},
		{"/lookup", []string{"Last four digits of the phone"}},
		{"/nope", []string{"Error code 404", "Lobby page"}},
	} {
		w := do(h, "GET", c.path, nil, nil)
		for _, want := range c.want {
			if !strings.Contains(w.Body.String(), want) {
				t.Errorf("%s (%d) lacks %q", c.path, w.Code, want)
			}
		}
	}
	w = do(h, "POST", "/f/request", url.Values{"token": {s.token("request", testNow)}}, nil)
	if !strings.Contains(w.Body.String(), "Please fix 4 things and submit again:") || !strings.Contains(w.Body.String(), "Name is required") {
		t.Errorf("English summary: %.1500s", w.Body.String())
	}
}

// TestGonePhoneIsNoError checks that a submission whose phone went away
// before the store took it is stored nowhere and logged as no error: the end
// of every load test, and every phone that loses its signal, does it.
func TestGonePhoneIsNoError(t *testing.T) {
	db := mustOpen(t)
	var logged bytes.Buffer
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequest("POST", "/f/checkin", strings.NewReader(checkinForm(s.token("checkin", testNow)).Encode())).WithContext(ctx)
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	s.Handler().ServeHTTP(httptest.NewRecorder(), r)
	if strings.Contains(logged.String(), "level=ERROR") {
		t.Errorf("a phone gone away is logged as an error:\n%s", logged.String())
	}
	if vs, err := db.VisitsOn(context.Background(), db.Today()); err != nil || len(vs) != 0 {
		t.Errorf("visits after a gone phone's submission: %d (%v), want none", len(vs), err)
	}
}
