package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"frontdesk/kiosk"
	"frontdesk/store"
)

// hostileCase is one thing anyone on the Wi-Fi might send. The answer must
// be a 4xx with a message, or a 303 whose record holds the text verbatim and
// shows it escaped; never a 5xx.
type hostileCase struct {
	name   string
	kind   string            // request, booking, checkin
	method string            // POST unless set
	set    map[string]string // fields replaced in the valid form
	drop   []string          // fields removed
	raw    string            // a raw body instead of the form, when useRaw
	useRaw bool
	header map[string]string
	want   int // exact status; 0 means a 4xx
	// verbatim is the value (of field set[verbatimField]) that must be
	// stored unchanged when the answer is 303.
	verbatim string
	shown    bool // the status page displays that field
}

func validForm(kind string, venueID int64, tomorrow string) url.Values {
	switch kind {
	case "request":
		return url.Values{"name": {"张三"}, "phone": {"13812345678"}, "community": {"新建南路社区"},
			"category": {"policy"}, "urgency": {"normal"}, "description": {"楼道灯坏了"}}
	case "booking":
		return url.Values{"venue": {fmt.Sprint(venueID)}, "org": {"第一党支部"}, "contact": {"李四"},
			"phone": {"13912345678"}, "title": {"主题党日"}, "purpose": {"party_day"}, "attendees": {"10"},
			"date": {tomorrow}, "start": {"10:00"}, "end": {"11:00"}}
	default:
		return url.Values{"name": {"王五"}, "phone": {"13712345678"}, "org": {"大同一中"}, "purpose": {"consult"},
			"party_member": {"1"}, "headcount": {"1"}}
	}
}

func hostileCases() []hostileCase {
	const script = `<script>alert("x")</script>`
	long := strings.Repeat("长", 1001)
	mb := strings.Repeat("a", 1<<20)
	return []hostileCase{
		{name: "ScriptInName", kind: "request", set: map[string]string{"name": script}, want: 303, verbatim: script},
		{name: "ScriptInDescription", kind: "request", set: map[string]string{"description": script}, want: 303, verbatim: script, shown: true},
		{name: "ScriptInBookingTitle", kind: "booking", set: map[string]string{"title": `<img src=x onerror=alert(1)>`}, want: 303, verbatim: `<img src=x onerror=alert(1)>`, shown: true},
		{name: "ScriptInCheckinOrg", kind: "checkin", set: map[string]string{"org": script}, want: 303, verbatim: script},
		{name: "SQLInjectionDescription", kind: "request", set: map[string]string{"description": `'); DROP TABLE requests; --`}, want: 303, verbatim: `'); DROP TABLE requests; --`, shown: true},
		{name: "SQLInjectionName", kind: "checkin", set: map[string]string{"name": `Robert'); DROP TABLE visits;--`}, want: 303, verbatim: `Robert'); DROP TABLE visits;--`},
		{name: "SQLInjectionVenue", kind: "booking", set: map[string]string{"venue": `1 OR 1=1`}, want: 0},
		{name: "OneMegabyteField", kind: "request", set: map[string]string{"description": mb}, want: 413},
		{name: "OneMegabyteBooking", kind: "booking", set: map[string]string{"title": mb}, want: 413},
		{name: "OverLongDescription", kind: "request", set: map[string]string{"description": long}, want: 0},
		{name: "OverLongName", kind: "checkin", set: map[string]string{"name": strings.Repeat("张", 31)}, want: 0},
		{name: "NULInName", kind: "request", set: map[string]string{"name": "张\x00三"}, want: 0},
		{name: "BellInOrg", kind: "booking", set: map[string]string{"org": "党支部\x07"}, want: 0},
		{name: "EscapeSequence", kind: "checkin", set: map[string]string{"name": "\x1b[31m红\x1b[0m"}, want: 0},
		{name: "NewlineInName", kind: "request", set: map[string]string{"name": "张\n三"}, want: 0},
		{name: "RTLOverride", kind: "request", set: map[string]string{"name": "\u202e三张"}, want: 0},
		{name: "RTLIsolate", kind: "booking", set: map[string]string{"contact": "李\u2067四"}, want: 0},
		{name: "EmojiAndMixedScripts", kind: "request", set: map[string]string{"description": "灯坏了😀 Иван علي ñ"}, want: 303, verbatim: "灯坏了😀 Иван علي ñ", shown: true},
		{name: "EmojiName", kind: "checkin", set: map[string]string{"org": "🏠社区"}, want: 303, verbatim: "🏠社区"},
		{name: "ZeroWidthJoiner", kind: "request", set: map[string]string{"description": "家\u200d庭"}, want: 303, verbatim: "家\u200d庭", shown: true},
		{name: "InvalidUTF8", kind: "request", set: map[string]string{"name": "\xff\xfe张"}, want: 0},
		{name: "InvalidUTF8Booking", kind: "booking", set: map[string]string{"title": "\xc3\x28"}, want: 0},
		{name: "HugeNumber", kind: "booking", set: map[string]string{"attendees": "99999999999999999999999"}, want: 0},
		{name: "NegativeAttendees", kind: "booking", set: map[string]string{"attendees": "-5"}, want: 0},
		{name: "ZeroAttendees", kind: "booking", set: map[string]string{"attendees": "0"}, want: 0},
		{name: "NegativeHeadcount", kind: "checkin", set: map[string]string{"headcount": "-1"}, want: 0},
		{name: "HugeHeadcount", kind: "checkin", set: map[string]string{"headcount": "1e9"}, want: 0},
		{name: "Date1900", kind: "booking", set: map[string]string{"date": "1900-01-01"}, want: 0},
		{name: "Date2100", kind: "booking", set: map[string]string{"date": "2100-01-01"}, want: 0},
		{name: "DateNonsense", kind: "booking", set: map[string]string{"date": "2026-13-45"}, want: 0},
		{name: "TimeNonsense", kind: "booking", set: map[string]string{"start": "25:61"}, want: 0},
		{name: "EndBeforeStart", kind: "booking", set: map[string]string{"start": "11:00", "end": "10:00"}, want: 0},
		{name: "NoSuchVenue", kind: "booking", set: map[string]string{"venue": "999999"}, want: 0},
		{name: "MalformedPhone", kind: "request", set: map[string]string{"phone": "12345"}, want: 0},
		{name: "LettersPhone", kind: "checkin", set: map[string]string{"phone": "138abcd5678"}, want: 0},
		{name: "UnknownCategory", kind: "request", set: map[string]string{"category": "hack"}, want: 0},
		{name: "UnknownPurpose", kind: "checkin", set: map[string]string{"purpose": "<b>"}, want: 0},
		{name: "MissingName", kind: "request", drop: []string{"name"}, want: 0},
		{name: "MissingEverything", kind: "booking", drop: []string{"venue", "org", "contact", "phone", "title", "purpose", "attendees", "date", "start", "end"}, want: 0},
		{name: "WhitespaceName", kind: "checkin", set: map[string]string{"name": "   "}, want: 0},
		{name: "RepeatedFields", kind: "request", raw: "name=%E5%BC%A0&name=%E6%9D%8E&phone=13812345678&category=policy&description=x&description=y", useRaw: true, want: 303},
		{name: "BadPercentEncoding", kind: "request", raw: "name=%zz&phone=1", useRaw: true, want: 0},
		{name: "EmptyBody", kind: "checkin", raw: "", useRaw: true, want: 0},
		{name: "JSONBody", kind: "request", raw: `{"name":"张三"}`, useRaw: true, header: map[string]string{"Content-Type": "application/json"}, want: 0},
		{name: "WrongMethodPut", kind: "request", method: "PUT", want: 405},
		{name: "WrongMethodDelete", kind: "booking", method: "DELETE", want: 405},
		{name: "CrossSitePost", kind: "request", header: map[string]string{"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}, want: 403},
		{name: "ForgedToken", kind: "checkin", set: map[string]string{"token": "forged"}, want: 403},
	}
}

// startKiosk serves a real kiosk on a loopback listener.
func startKiosk(t *testing.T) (*store.DB, string, int64) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "hostile.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	if err := db.Init(ctx, store.InitInput{Center: "测试中心", Venues: []store.VenueInput{{Name: "多功能厅", Capacity: 80}}}); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	srv, err := kiosk.New(db, kiosk.Config{PublicURL: base, RateLimit: 0, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := &httptest.Server{Listener: ln, Config: &http.Server{Handler: srv.Handler()}}
	ts.Start()
	t.Cleanup(ts.Close)
	venues, _ := db.Venues(ctx, true)
	return db, base, venues[0].ID
}

func TestHostileInput(t *testing.T) {
	db, base, venueID := startKiosk(t)
	ctx := context.Background()
	tomorrow := db.Today().AddDays(1).String()
	posts := map[string]string{}
	for _, k := range []string{"request", "booking", "checkin"} {
		posts[k] = scanForm(t, base, k)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	cases := hostileCases()
	if len(cases) < 40 {
		t.Fatalf("got %d hostile cases, want at least 40", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			target := posts[tc.kind]
			body := tc.raw
			if !tc.useRaw {
				form := validForm(tc.kind, venueID, tomorrow)
				for k, v := range tc.set {
					if k == "token" {
						u, _ := url.Parse(target)
						q := u.Query()
						q.Set("token", v)
						u.RawQuery = q.Encode()
						target = u.String()
						continue
					}
					form.Set(k, v)
				}
				for _, k := range tc.drop {
					form.Del(k)
				}
				body = form.Encode()
			}
			method := tc.method
			if method == "" {
				method = "POST"
			}
			req, _ := http.NewRequest(method, target, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			page, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			got := resp.StatusCode
			switch {
			case got >= 500:
				t.Fatalf("got %d, never want a 5xx:\n%s", got, page)
			case tc.want == 0 && (got < 400 || got > 499):
				t.Fatalf("got %d, want a 4xx", got)
			case tc.want != 0 && got != tc.want:
				t.Fatalf("got %d, want %d:\n%.400s", got, tc.want, page)
			}
			if got >= 400 && got != 405 && !strings.Contains(string(page), "<") {
				t.Errorf("a %d with no page to read: %q", got, page)
			}
			if got == 303 && tc.verbatim != "" {
				loc := resp.Header.Get("Location")
				code := loc[strings.LastIndex(loc, "/")+1:]
				status := get(t, base+"/s/"+code)
				if strings.Contains(status, tc.verbatim) && strings.ContainsAny(tc.verbatim, "<>") {
					t.Errorf("status page shows %q unescaped", tc.verbatim)
				}
				if tc.shown && !strings.Contains(status, html.EscapeString(tc.verbatim)) && !strings.Contains(status, strings.ReplaceAll(html.EscapeString(tc.verbatim), "&#34;", "&quot;")) {
					t.Errorf("status page lacks %q escaped", tc.verbatim)
				}
				if !storedVerbatim(t, db, tc.kind, code, tc.verbatim) {
					t.Errorf("%q not stored verbatim", tc.verbatim)
				}
			}
		})
	}
	if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Errorf("integrity_check after the hostile table: %q, %v", ok, err)
	}
	for _, table := range []string{"requests", "bookings", "visits"} {
		if !tableExists(t, db, table) {
			t.Errorf("table %s is gone", table)
		}
	}
}

func storedVerbatim(t *testing.T, db *store.DB, kind, code, want string) bool {
	ctx := context.Background()
	switch kind {
	case "request":
		r, err := db.RequestByCode(ctx, code)
		return err == nil && (r.Description == want || r.Name == want || r.Community == want)
	case "booking":
		b, err := db.BookingByCode(ctx, code)
		return err == nil && (b.Title == want || b.Org == want || b.Contact == want)
	default:
		v, err := db.VisitByCode(ctx, code)
		return err == nil && (v.Name == want || v.Org == want)
	}
}

func tableExists(t *testing.T, db *store.DB, table string) bool {
	switch table {
	case "requests":
		_, err := db.Requests(context.Background(), store.RequestFilter{Limit: 1})
		return err == nil
	case "bookings":
		_, err := db.PendingBookings(context.Background())
		return err == nil
	default:
		_, err := db.InBuilding(context.Background())
		return err == nil
	}
}

// TestHostileFlags feeds junk to every flag that takes text.
func TestHostileFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "中文 路径 with spaces.db")
	if _, _, err := runMain(t, "init", "--db", db, "--center", "测试中心", "--venue", `<script>x</script>:10`); err != nil {
		t.Fatalf("a Chinese path with spaces and a venue named with tags should work: %v", err)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"CenterControl", []string{"init", "--db", db, "--center", "中心\x1b[2J"}},
		{"CenterNUL", []string{"init", "--db", db, "--center", "中\x00心"}},
		{"CenterInvalidUTF8", []string{"init", "--db", db, "--center", "\xff"}},
		{"CenterHuge", []string{"init", "--db", db, "--center", strings.Repeat("中", 10000)}},
		{"VenueNegative", []string{"init", "--db", db, "--center", "c", "--venue", "x:-5"}},
		{"VenueHuge", []string{"init", "--db", db, "--center", "c", "--venue", "x:99999999999999999999"}},
		{"VenueHours", []string{"init", "--db", db, "--center", "c", "--venue", "x:5:22:00-08:00"}},
		{"TZTraversal", []string{"init", "--db", db, "--center", "c", "--tz", "../../etc/passwd"}},
		{"ReportDate", []string{"report", "--db", db, "--date", "2026-02-30"}},
		{"ReportDateJunk", []string{"report", "--db", db, "--date", "'; DROP TABLE visits; --"}},
		{"ReportFormat", []string{"report", "--db", db, "--format", "pdf"}},
		{"ReportRange", []string{"report", "--db", db, "--from", "2026-03-01", "--to", "2026-02-01"}},
		{"PurgeNegative", []string{"purge", "--db", db, "--older-than", "-3"}},
		{"PurgeText", []string{"purge", "--db", db, "--older-than", "abc"}},
		{"DemoSeedText", []string{"demo", "--db", db, "--seed", "x"}},
		{"ServeRate", []string{"serve", "--db", db, "--rate-limit", "-1", "--addr", "127.0.0.1:0"}},
		{"ServeTTL", []string{"serve", "--db", db, "--qr-ttl", "soon", "--addr", "127.0.0.1:0"}},
		{"ServePublicURL", []string{"serve", "--db", db, "--public-url", "javascript:alert(1)", "--addr", "127.0.0.1:0"}},
		{"ServeAddr", []string{"serve", "--db", db, "--addr", "not an address"}},
		{"Lang", []string{"version", "--lang", "fr"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // a serve that wrongly starts returns at once
			var out, errOut strings.Builder
			m := &Main{Stdout: &out, Stderr: &errOut}
			err := m.ParseFlags(tc.args)
			if err == nil {
				err = m.Run(ctx)
				m.Close()
			}
			if err == nil {
				t.Fatalf("got no error, want one")
			}
			if msg := m.message(err); !strings.ContainsFunc(msg, func(r rune) bool { return r > 0x2e80 }) && m.Lang != "en" {
				t.Errorf("message %q is not in Chinese", msg)
			}
		})
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.Settings().CenterName; got != "测试中心" {
		t.Errorf("center name became %q after the junk, want 测试中心", got)
	}
	if ok, _ := s.IntegrityCheck(context.Background()); ok != "ok" {
		t.Errorf("integrity_check: %q", ok)
	}
}
