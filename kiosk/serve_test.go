package kiosk

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"frontdesk/store"
)

// TestRateLimit refuses a third accepted submission a minute from one
// address with the form again, values kept, a Chinese message and 429; a
// refused form does not count; another address goes through.
func TestRateLimit(t *testing.T) {
	db := mustOpen(t)
	var logged syncBuffer
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute, RateLimit: 2, Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	h := s.Handler()
	tok := s.token("checkin", testNow)
	one := map[string]string{"RemoteAddr": "10.0.0.7:40000"}
	for i, want := range []int{303, 422, 422, 303, 429, 429} {
		form := checkinForm(tok)
		if i == 1 || i == 2 {
			form.Set("name", "") // a refused form does not count
		}
		w := do(h, "POST", "/f/checkin", form, one)
		if w.Code != want {
			t.Fatalf("submission %d: status %d, want %d", i+1, w.Code, want)
		}
		if want == 429 {
			if !strings.Contains(w.Body.String(), "提交太频繁了") || !strings.Contains(w.Body.String(), `value="阳光社区"`) || w.Header().Get("Retry-After") == "" {
				t.Errorf("429 page: %.300s, Retry-After %q", w.Body.String(), w.Header().Get("Retry-After"))
			}
		}
	}
	if n := strings.Count(logged.String(), "rate limited"); n != 1 {
		t.Errorf("a flood from one address logged %d lines, want 1 a minute", n)
	}
	if w := do(h, "POST", "/f/checkin", checkinForm(tok), map[string]string{"RemoteAddr": "10.0.0.8:40000"}); w.Code != 303 {
		t.Errorf("another address: status %d, want 303", w.Code)
	}
	if w := do(h, "GET", "/f/checkin?token="+tok, nil, one); w.Code != 200 {
		t.Errorf("reading a form is not limited: status %d", w.Code)
	}
	off := mustServer(t, db, Config{QRTTL: 10 * time.Minute, RateLimit: 0}).Handler()
	for i := 0; i < 20; i++ {
		if w := do(off, "POST", "/f/checkin", checkinForm(tok), one); w.Code != 303 {
			t.Fatalf("limit off, submission %d: status %d", i+1, w.Code)
		}
	}
}

// syncBuffer is a log destination safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestEnglish(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute, Lang: "en"})
	h := s.Handler()
	tok := s.token("request", testNow)
	for _, tt := range []struct {
		name, method, path string
		form               url.Values
		status             int
		want               string
	}{
		{"Lobby", "GET", "/", nil, 200, "Book a room"},
		{"Form", "GET", "/f/request?token=" + tok, nil, 200, "Social &amp; medical insurance"},
		{"Invalid", "POST", "/f/request", requestForm(tok, "phone", "1"), 422, "Phone must be an 11-digit mobile number"},
		{"Rescan", "GET", "/f/request?token=x", nil, 403, "Please scan again"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := do(h, tt.method, tt.path, tt.form, nil)
			if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
				t.Errorf("status %d (want %d), body lacks %q:\n%.800s", w.Code, tt.status, tt.want, w.Body.String())
			}
		})
	}
}

// serve runs s on a real 127.0.0.1 listener until the returned stop is called.
func serve(t *testing.T, s *Server) (base string, stop func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	var once sync.Once
	var serr error
	stop = func() error {
		once.Do(func() { cancel(); serr = <-done })
		return serr
	}
	t.Cleanup(func() { stop() })
	for i := 0; i < 100; i++ {
		if resp, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	return "http://" + ln.Addr().String(), stop
}

// TestEvents hears a refresh on the lobby's event stream soon after a
// booking is made, and the stream ends when the server shuts down.
func TestEvents(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	base, stop := serve(t, s)
	resp, err := http.Get(base + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("status %d type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	lines := eventLines(resp.Body)
	// A visit does not change the lobby; a booking does.
	if _, err := db.CheckIn(context.Background(), store.VisitInput{Name: "赵六", Purpose: "consult", Actor: "小刘"}); err != nil {
		t.Fatal(err)
	}
	start, end, _ := db.BookingTimes("2026-03-10", "10:00", "11:00")
	if _, err := db.CreateBooking(context.Background(), store.BookingInput{VenueID: 1, Org: "社区", Contact: "钱七",
		Phone: "13800001234", Title: "读书会", Purpose: "residents", Attendees: 10, Start: start, End: end, Approve: true, Actor: "小刘"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(5 * time.Second)
	for got := false; !got; {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("stream ended before a refresh")
			}
			got = l == "event: refresh"
		case <-deadline:
			t.Fatal("no refresh within 5s of a booking")
		}
	}
	lobby, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	bufio.NewReader(lobby.Body).WriteTo(&b)
	lobby.Body.Close()
	if !strings.Contains(b.String(), "读书会") || strings.Contains(b.String(), "钱七") || strings.Contains(b.String(), "1234") {
		t.Errorf("lobby after booking: want the booking without its contact's name or phone; got %.3000s", b.String())
	}
	if err := stop(); err != nil {
		t.Fatalf("shutdown with an open event stream: %v", err)
	}
	for range lines {
	}
}

// TestShutdownKeepsAcknowledged submits check-ins from many clients while
// the server shuts down: every submission answered 303 is in the store.
func TestShutdownKeepsAcknowledged(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	base, stop := serve(t, s)
	if !s.Up() {
		t.Fatal("Up() false while serving")
	}
	tok := s.token("checkin", testNow)
	client := &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       10 * time.Second,
	}
	var mu sync.Mutex
	var acked []string
	var wg sync.WaitGroup
	started := make(chan struct{}, 1000)
	for c := 0; c < 8; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				resp, err := client.PostForm(base+"/f/checkin", checkinForm(tok))
				if err != nil {
					return // the server has stopped taking connections
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusSeeOther {
					mu.Lock()
					acked = append(acked, strings.TrimPrefix(resp.Header.Get("Location"), "/receipt/"))
					mu.Unlock()
					select {
					case started <- struct{}{}:
					default:
					}
				} else if resp.StatusCode != http.StatusServiceUnavailable {
					t.Errorf("status %d", resp.StatusCode)
					return
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		<-started
	}
	if err := stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	wg.Wait()
	if s.Up() {
		t.Error("Up() true after shutdown")
	}
	if len(acked) < 20 {
		t.Fatalf("only %d acknowledged", len(acked))
	}
	for _, code := range acked {
		if _, err := db.VisitByCode(context.Background(), code); err != nil {
			t.Fatalf("acknowledged check-in %s not stored: %v", code, err)
		}
	}
	visits, err := db.VisitsOn(context.Background(), db.Today())
	if err != nil {
		t.Fatal(err)
	}
	if len(visits) < len(acked) {
		t.Errorf("stored %d visits, fewer than the %d acknowledged", len(visits), len(acked))
	}
	t.Logf("%d acknowledged before and during shutdown, %d stored", len(acked), len(visits))
	if resp, err := client.Get(base + "/"); err == nil {
		resp.Body.Close()
		t.Error("server still answers after shutdown")
	}
}

// dialFrom is an HTTP client whose connections leave from the local address
// ip, so one test can play many machines on the loopback network.
func dialFrom(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, MaxConnsPerHost: 0, DisableKeepAlives: true}}
}

// TestEventStreamsHogged: someone on the Wi-Fi (127.0.0.2) opens 200 event
// streams and holds them; only MaxStreamsPerAddr are granted, the rest are
// refused 429, and the lobby at 127.0.0.1 still gets its stream and hears
// a booking made meanwhile.
func TestEventStreamsHogged(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	base, _ := serve(t, s)
	hog := dialFrom("127.0.0.2")
	granted, refused := 0, 0
	var open []*http.Response
	defer func() {
		for _, r := range open {
			r.Body.Close()
		}
	}()
	for range 200 {
		resp, err := hog.Get(base + "/events")
		if err != nil {
			t.Fatal(err)
		}
		switch resp.StatusCode {
		case http.StatusOK:
			granted++
			open = append(open, resp)
		case http.StatusTooManyRequests:
			refused++
			resp.Body.Close()
		default:
			resp.Body.Close()
			t.Fatalf("stream from 127.0.0.2: status %d", resp.StatusCode)
		}
	}
	if granted != MaxStreamsPerAddr || refused != 200-MaxStreamsPerAddr {
		t.Errorf("127.0.0.2 got %d streams and %d refusals, want %d and %d", granted, refused, MaxStreamsPerAddr, 200-MaxStreamsPerAddr)
	}
	lobby := dialFrom("127.0.0.1")
	resp, err := lobby.Get(base + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("the lobby's stream while 127.0.0.2 holds %d: status %d", granted, resp.StatusCode)
	}
	lines := eventLines(resp.Body)
	for i := range 3 {
		start, end, _ := db.BookingTimes("2026-03-10", fmt.Sprintf("%02d:00", 10+i), fmt.Sprintf("%02d:30", 10+i))
		if _, err := db.CreateBooking(context.Background(), store.BookingInput{VenueID: 1, Org: "社区", Contact: "钱七",
			Phone: "13800001234", Title: "读书会", Purpose: "residents", Attendees: 10, Start: start, End: end, Actor: "小刘"}); err != nil {
			t.Fatal(err)
		}
		deadline := time.After(5 * time.Second)
		for got := false; !got; {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatal("the lobby's stream ended")
				}
				got = l == "event: refresh"
			case <-deadline:
				t.Fatalf("update %d: no refresh within 5s while 127.0.0.2 holds its streams", i+1)
			}
		}
	}
	var h struct {
		Streams int `json:"event_streams"`
	}
	hr, err := lobby.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(hr.Body).Decode(&h)
	hr.Body.Close()
	if h.Streams != MaxStreamsPerAddr+1 {
		t.Errorf("healthz counts %d streams, want %d", h.Streams, MaxStreamsPerAddr+1)
	}
}

// TestEventStreamLifetime: a stream ends after its lifetime, and its place
// is free again; the overall cap answers 503 once every place is taken.
func TestEventStreamLifetime(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	s.streams.lifetime = 300 * time.Millisecond
	s.streams.cap = 2
	base, _ := serve(t, s)
	a, b := dialFrom("127.0.0.3"), dialFrom("127.0.0.4")
	r1, err := a.Get(base + "/events")
	if err != nil || r1.StatusCode != 200 {
		t.Fatalf("first stream: %v %v", r1, err)
	}
	r2, err := b.Get(base + "/events")
	if err != nil || r2.StatusCode != 200 {
		t.Fatalf("second stream: %v %v", r2, err)
	}
	r3, err := dialFrom("127.0.0.5").Get(base + "/events")
	if err != nil {
		t.Fatal(err)
	}
	r3.Body.Close()
	if r3.StatusCode != http.StatusServiceUnavailable || r3.Header.Get("Retry-After") == "" {
		t.Errorf("beyond the cap: status %d Retry-After %q, want 503 with Retry-After", r3.StatusCode, r3.Header.Get("Retry-After"))
	}
	start := time.Now()
	for _, r := range []*http.Response{r1, r2} {
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			t.Errorf("stream did not end cleanly: %v", err)
		}
		r.Body.Close()
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("streams ended after %v, want about their 300ms lifetime", d)
	}
	for i := 0; ; i++ {
		r, err := a.Get(base + "/events")
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode == 200 {
			break
		}
		if i > 100 {
			t.Fatal("an ended stream's place never came free")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSlowClientsCut closes a connection that trickles its headers or sits
// idle, and one whose body never finishes.
func TestSlowClientsCut(t *testing.T) {
	db := mustOpen(t)
	s := mustServer(t, db, Config{QRTTL: 10 * time.Minute})
	s.timeouts = timeouts{readHeader: 200 * time.Millisecond, read: 400 * time.Millisecond, write: time.Second, idle: 300 * time.Millisecond}
	base, _ := serve(t, s)
	addr := strings.TrimPrefix(base, "http://")
	for _, tt := range []struct{ name, send string }{
		{"HeadersTrickle", "GET / HTTP/1.1\r\nHost: x\r\n"},
		{"Idle", ""},
		{"BodyNeverEnds", "POST /f/checkin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nname="},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if _, err := io.WriteString(c, tt.send); err != nil {
				t.Fatal(err)
			}
			c.SetReadDeadline(time.Now().Add(5 * time.Second))
			start := time.Now()
			_, err = io.Copy(io.Discard, c) // returns when the server closes
			if err != nil {
				t.Fatalf("the server kept the connection open: %v", err)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("closed after %v", d)
			}
		})
	}
}

// eventLines hands out an event stream's lines as they arrive, and closes
// when the stream ends.
func eventLines(body io.Reader) <-chan string {
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return lines
}
