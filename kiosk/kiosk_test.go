package kiosk

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/store"
)

// testNow is the fixed clock of the tests: Tuesday 10 March 2026, 09:00 in
// Asia/Shanghai.
var testNow = time.Date(2026, 3, 10, 1, 0, 0, 0, time.UTC)

const testPublic = "http://kiosk.test"

// mustOpen opens a fresh center database on the fixed clock.
func mustOpen(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "kiosk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return testNow }
	err = db.Init(context.Background(), store.InitInput{Center: "测试中心", Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}}})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// mustServer makes a kiosk on db with cfg's gaps filled for tests.
func mustServer(t testing.TB, db *store.DB, cfg Config) *Server {
	t.Helper()
	if cfg.PublicURL == "" {
		cfg.PublicURL = testPublic
	}
	if cfg.Logger == nil {
		cfg.Logger = quietLogger()
	}
	s, err := New(db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do sends one request through the handler from a non-loopback address.
func do(h http.Handler, method, target string, form url.Values, header map[string]string) *httptest.ResponseRecorder {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		if k == "RemoteAddr" {
			r.RemoteAddr = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func requestForm(tok string, kv ...string) url.Values {
	f := url.Values{"token": {tok}, "name": {"张三"}, "phone": {"13812345678"}, "community": {"幸福社区"},
		"category": {"social_security"}, "urgency": {"normal"}, "description": {"想咨询医保异地备案"}}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

func bookingForm(tok string, kv ...string) url.Values {
	f := url.Values{"token": {tok}, "venue": {"1"}, "org": {"幸福社区党支部"}, "contact": {"李四"}, "phone": {"13900001111"},
		"title": {"三月主题党日"}, "purpose": {"party_day"}, "attendees": {"30"}, "date": {"2026-03-11"},
		"start": {"14:00"}, "end": {"16:00"}}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

func checkinForm(tok string, kv ...string) url.Values {
	f := url.Values{"token": {tok}, "name": {"王五"}, "phone": {"13700002222"}, "org": {"阳光社区"},
		"purpose": {"volunteer"}, "party_member": {"1"}, "headcount": {"1"}}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

// TestRoutes runs every route and every error through the real handler on
// a real store.
func TestRoutes(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	h := s.Handler()
	req, book, in := s.token("request", testNow), s.token("booking", testNow), s.token("checkin", testNow)
	old := s.token("request", testNow.Add(-45*time.Minute))
	forged := "999." + strings.Repeat("A", 22)
	// The staff token with its first two characters changed (a token that
	// began with "00" itself made the wrong token the right one, 1 run in 256).
	wrongStaff := "00" + s.staffToken()[2:]
	if strings.HasPrefix(s.staffToken(), "00") {
		wrongStaff = "11" + s.staffToken()[2:]
	}
	altered := []byte(req)
	altered[len(altered)-1] ^= 1
	long := strings.Repeat("长", 1001)
	big := url.Values{"token": {req}, "description": {strings.Repeat("x", MaxBodyBytes+1)}}
	loop := map[string]string{"RemoteAddr": "127.0.0.1:50000"}
	missing := "abcdefghijklmnopqrstuvwx"

	tests := []struct {
		name       string
		method     string
		path       string
		form       url.Values
		header     map[string]string
		wantStatus int
		wantBody   []string
		notBody    []string
	}{
		{"Lobby", "GET", "/", nil, nil, 200, []string{"测试中心", `id="qr-request" src="/qr/request.png?w=`, `id="qr-booking"`, `id="qr-checkin"`, "我要办事/提诉求", "预约场地", "来访登记", "多功能厅", "今日暂无预约", "2026年3月10日 星期二", `/static/lobby.js?v=`, `/static/kiosk.css?v=`}, []string{"<script>"}},
		{"QRImage", "GET", "/qr/request.png", nil, nil, 200, []string{"\x89PNG"}, nil},
		{"QRUnknownKind", "GET", "/qr/admin.png", nil, nil, 404, []string{"没有找到这个页面"}, nil},
		{"QRNotPNG", "GET", "/qr/request.gif", nil, nil, 404, nil, nil},
		{"CSS", "GET", "/static/kiosk.css", nil, nil, 200, []string{".receipt-no"}, nil},
		{"Script", "GET", "/static/lobby.js", nil, nil, 200, []string{"EventSource"}, nil},
		{"NoStaticListing", "GET", "/static/", nil, nil, 404, []string{"没有找到这个页面"}, []string{`<a href="kiosk.css"`}},
		{"NoSuchStatic", "GET", "/static/nope.css", nil, nil, 404, nil, nil},
		{"NoSuchPage", "GET", "/nope", nil, nil, 404, []string{"没有找到这个页面"}, nil},
		{"Health", "GET", "/healthz", nil, nil, 200, []string{"ok"}, nil},

		{"RequestForm", "GET", "/f/request?token=" + req, nil, nil, 200, []string{`name="name"`, `name="phone"`, `name="community"`, `name="category"`, `name="urgency"`, `name="description"`, `name="token" value="` + req, "社保医保"}, nil},
		{"BookingForm", "GET", "/f/booking?token=" + book, nil, nil, 200, []string{`name="venue"`, `name="org"`, `name="contact"`, `name="phone"`, `name="title"`, `name="purpose"`, `name="attendees"`, `name="date"`, `name="start"`, `name="end"`, "多功能厅", "主题党日"}, nil},
		{"CheckinForm", "GET", "/f/checkin?token=" + in, nil, nil, 200, []string{`name="name"`, `name="phone"`, `name="org"`, `name="purpose"`, `name="party_member"`, `name="headcount"`, "党员报到"}, nil},
		{"FormNoToken", "GET", "/f/request", nil, nil, 403, []string{"请重新扫码", "二维码已过期或无效"}, nil},
		{"FormForgedToken", "GET", "/f/request?token=" + forged, nil, nil, 403, []string{"请重新扫码"}, nil},
		{"FormAlteredToken", "GET", "/f/request?token=" + url.QueryEscape(string(altered)), nil, nil, 403, []string{"请重新扫码"}, nil},
		{"FormExpiredToken", "GET", "/f/request?token=" + old, nil, nil, 403, []string{"请重新扫码"}, nil},
		{"FormOtherKindsToken", "GET", "/f/booking?token=" + req, nil, nil, 403, []string{"请重新扫码"}, nil},
		// A form sent with an expired code comes back with every value and a
		// fresh code; with a forged one, with every value and no way to send.
		{"PostExpiredToken", "POST", "/f/request", requestForm(old), nil, 403, []string{"已为您换上新的", "想咨询医保异地备案", `name="token" value="` + req + `"`, `class="send"`}, nil},
		{"PostForgedToken", "POST", "/f/request", requestForm(forged), nil, 403, []string{"这个二维码无效", "想咨询医保异地备案", `id="no-send"`}, []string{`class="send"`, forged}},

		{"RequestOK", "POST", "/f/request?token=" + req, requestForm(req), nil, 303, nil, nil},
		{"RequestByLabel", "POST", "/f/request", requestForm(req, "category", "政策咨询", "urgency", "紧急"), nil, 303, nil, nil},
		{"RequestNoName", "POST", "/f/request", requestForm(req, "name", ""), nil, 422, []string{`id="err-name">请填写姓名`, "想咨询医保异地备案", `value="13812345678"`}, nil},
		{"RequestBadPhone", "POST", "/f/request", requestForm(req, "phone", "12345"), nil, 422, []string{`id="err-phone">电话号码格式不对`, `value="张三"`}, nil},
		{"RequestBadCategory", "POST", "/f/request", requestForm(req, "category", "bogus"), nil, 422, []string{`id="err-category">诉求类别不在可选范围内`}, nil},
		{"RequestInvalidUTF8", "POST", "/f/request", requestForm(req, "name", "张\xff三"), nil, 422, []string{`id="err-name">姓名含有无法识别的字符`}, nil},
		{"RequestControlChars", "POST", "/f/request", requestForm(req, "community", "幸福\x07社区"), nil, 422, []string{`id="err-community">社区/网格含有不允许的控制字符`}, nil},
		{"RequestBidiOverride", "POST", "/f/request", requestForm(req, "name", "张\u202e三"), nil, 422, []string{`id="err-name">`}, nil},
		{"RequestTooLong", "POST", "/f/request", requestForm(req, "description", long), nil, 422, []string{`id="err-description">诉求内容不能超过 1000 个字`}, nil},
		{"RequestScriptEscaped", "POST", "/f/request", requestForm(req, "name", "", "description", "<script>alert(1)</script>"), nil, 422, []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}, []string{"<script>alert(1)"}},
		{"RequestBodyTooLarge", "POST", "/f/request", big, nil, 413, []string{"提交的内容太长了"}, nil},
		{"RequestCrossSite", "POST", "/f/request", requestForm(req), map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, []string{"请求来自其他网站"}, nil},
		{"RequestCrossOrigin", "POST", "/f/request", requestForm(req), map[string]string{"Origin": "http://evil.example"}, 403, []string{"请求来自其他网站"}, nil},
		{"RequestSameOrigin", "POST", "/f/request", requestForm(req), map[string]string{"Sec-Fetch-Site": "same-origin"}, 303, nil, nil},
		{"RequestWrongMethod", "PUT", "/f/request", requestForm(req), nil, 405, []string{"不支持这种请求方式"}, nil},

		{"BookingOK", "POST", "/f/booking", bookingForm(book), nil, 303, nil, nil},
		{"BookingOverCapacity", "POST", "/f/booking", bookingForm(book, "attendees", "81"), nil, 422, []string{`id="err-attendees">参加人数超过场地容量（80 人）`, `value="幸福社区党支部"`}, nil},
		{"BookingAttendeesNotNumber", "POST", "/f/booking", bookingForm(book, "attendees", "三十"), nil, 422, []string{`id="err-attendees">参加人数应为 1 到`}, nil},
		{"BookingPast", "POST", "/f/booking", bookingForm(book, "date", "2026-03-09"), nil, 422, []string{`id="err-start">不能预约已经过去的时间`}, nil},
		{"BookingBadDate", "POST", "/f/booking", bookingForm(book, "date", "11/03/2026"), nil, 422, []string{`id="err-date">日期`}, nil},
		{"BookingBadTime", "POST", "/f/booking", bookingForm(book, "start", "2pm"), nil, 422, []string{`id="err-start">开始时间格式应为 24 小时制 HH:MM`}, nil},
		{"BookingEndBeforeStart", "POST", "/f/booking", bookingForm(book, "end", "13:00"), nil, 422, []string{`id="err-end">结束时间应晚于开始时间`}, nil},
		{"BookingNoVenue", "POST", "/f/booking", bookingForm(book, "venue", ""), nil, 422, []string{`id="err-venue">请选择场地`}, nil},
		{"BookingUnknownVenue", "POST", "/f/booking", bookingForm(book, "venue", "99"), nil, 404, []string{"场地不存在"}, nil},

		{"CheckinOK", "POST", "/f/checkin", checkinForm(in), nil, 303, nil, nil},
		{"CheckinNoPhoneOK", "POST", "/f/checkin", checkinForm(in, "phone", "", "headcount", ""), nil, 303, nil, nil},
		{"CheckinBadHeadcount", "POST", "/f/checkin", checkinForm(in, "headcount", "abc"), nil, 422, []string{`id="err-headcount">人数应在 1 到 500 之间`}, nil},
		{"CheckinNoPurpose", "POST", "/f/checkin", checkinForm(in, "purpose", ""), nil, 422, []string{`id="err-purpose">请选择来访事由`}, nil},

		{"StatusJunkCode", "GET", "/s/abc%2F..%2Fetc", nil, nil, 404, []string{"没有找到这条记录"}, nil},
		{"StatusBadCode", "GET", "/s/NOT-A-CODE", nil, nil, 404, []string{"没有找到这条记录"}, nil},
		{"StatusUnknownCode", "GET", "/s/" + missing, nil, nil, 404, []string{"没有找到这条记录"}, nil},
		{"ReceiptUnknownCode", "GET", "/receipt/" + missing, nil, nil, 404, []string{"没有找到这条记录"}, nil},
		{"RateUnknownCode", "POST", "/s/" + missing + "/rate", url.Values{"satisfaction": {"satisfied"}}, nil, 404, []string{"没有找到这条记录"}, nil},
		{"CancelBadCode", "POST", "/s/x/cancel", url.Values{}, nil, 404, nil, nil},
		{"CheckoutUnknownCode", "POST", "/s/" + missing + "/checkout", url.Values{}, nil, 404, nil, nil},

		{"DailyLogRemoteRefused", "GET", "/admin/daily", nil, nil, 403, []string{"仅供中心工作人员使用"}, nil},
		{"DailyLogWrongToken", "GET", "/admin/daily?token=" + wrongStaff, nil, nil, 403, nil, nil},
		{"DailyLogStaffToken", "GET", "/admin/daily?date=2026-03-10&token=" + s.staffToken(), nil, nil, 200, []string{"测试中心", "2026-03-10"}, []string{"<script"}},
		{"DailyLogLoopback", "GET", "/admin/daily", nil, loop, 200, []string{"测试中心"}, nil},
		{"DailyLogBadDate", "GET", "/admin/daily?date=tomorrow", nil, loop, 422, []string{"日期“tomorrow”格式不对"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(h, tt.method, tt.path, tt.form, tt.header)
			body := w.Body.String()
			if w.Code != tt.wantStatus {
				t.Fatalf("%s %s: status got %d, want %d; body:\n%.600s", tt.method, tt.path, w.Code, tt.wantStatus, body)
			}
			for _, want := range tt.wantBody {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q; got:\n%.1500s", want, body)
				}
			}
			for _, not := range tt.notBody {
				if strings.Contains(body, not) {
					t.Errorf("body has %q, want it absent", not)
				}
			}
			hd := w.Header()
			for k, want := range map[string]string{"Referrer-Policy": "same-origin", "X-Content-Type-Options": "nosniff"} {
				if got := hd.Get(k); got != want {
					t.Errorf("%s got %q, want %q", k, got, want)
				}
			}
			csp := hd.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "script-src 'self'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP %q allows inline code", csp)
			}
			if w.Code == 303 && !strings.HasPrefix(hd.Get("Location"), "/receipt/") {
				t.Errorf("Location got %q, want /receipt/…", hd.Get("Location"))
			}
		})
	}

	// What the table submitted is in the store, from the kiosk, and nothing
	// from a refused submission is.
	ctx := context.Background()
	reqs, err := db.Requests(ctx, store.RequestFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(reqs), 3; got != want {
		t.Errorf("requests stored: got %d, want %d", got, want)
	}
	for _, r := range reqs {
		if r.Source != "kiosk" || r.CreatedBy != "kiosk" {
			t.Errorf("request %s: source %q actor %q, want kiosk", r.ReceiptNo, r.Source, r.CreatedBy)
		}
	}
	if reqs[1].Category != "policy" || reqs[1].Urgency != "urgent" {
		t.Errorf("request by labels: got %s/%s, want policy/urgent", reqs[1].Category, reqs[1].Urgency)
	}
	bookings, err := db.BookingsOn(ctx, store.Day{Year: 2026, Month: 3, Day: 11})
	if err != nil {
		t.Fatal(err)
	}
	if len(bookings) != 1 || bookings[0].Status != store.BookingPending || bookings[0].Source != "kiosk" {
		t.Errorf("bookings: got %+v, want one pending kiosk booking", bookings)
	}
	visits, err := db.VisitsOn(ctx, db.Today())
	if err != nil {
		t.Fatal(err)
	}
	if len(visits) != 2 {
		t.Fatalf("visits: got %d, want 2", len(visits))
	}
	if v := visits[1]; !v.PartyMember || v.Purpose != "volunteer" || v.Headcount != 1 {
		t.Errorf("visit: got %+v", v)
	}
}

// TestDailyLogStyleAllowed lets exactly the daily log's own stylesheet
// through the policy, by hash.
func TestDailyLogStyleAllowed(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	w := do(s.Handler(), "GET", "/admin/daily", nil, map[string]string{"RemoteAddr": "[::1]:50000"})
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	_, after, ok := strings.Cut(body, "<style>")
	if !ok {
		t.Fatal("the daily log has no stylesheet")
	}
	style, _, _ := strings.Cut(after, "</style>")
	sum := sha256.Sum256([]byte(style))
	want := "style-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, want) || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q, want it to contain %q and nothing unsafe", csp, want)
	}
}
