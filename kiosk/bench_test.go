package kiosk

import (
	"bufio"
	"bytes"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"frontdesk/internal/benchdb"
	"frontdesk/internal/tune"
	"frontdesk/internal/yardstick"
	"frontdesk/store"
)

// load sends b.N requests over conns keep-alive connections to the server
// at base (http://127.0.0.1:port) and reports requests per second, the
// p50, p99 and slowest latency, and the CPU the process spent per request
// (cpu-us/req: server and client together, as both run here). The load is
// bounded: b.N requests, shared by the workers, each waiting for its
// answer. Like wrk, each worker writes a request made in full beforehand
// and reads the answer off its own connection: net/http's client (its
// transport's goroutines and header maps) spent more CPU than the server
// it measured, which on two cores left the server half the machine.
func load(b *testing.B, conns int, base string, next func() []byte, wantStatus int) {
	b.Helper()
	addr := strings.TrimPrefix(base, "http://")
	var left atomic.Int64
	left.Store(int64(b.N))
	lat := make([][]time.Duration, conns)
	var failed atomic.Value
	var wg sync.WaitGroup
	b.ResetTimer()
	start, cpu := time.Now(), benchdb.CPUTime()
	for w := 0; w < conns; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				failed.Store(err.Error())
				return
			}
			defer c.Close()
			in := bufio.NewReader(c)
			for left.Add(-1) >= 0 {
				req := next()
				t0 := time.Now()
				if _, err := c.Write(req); err != nil {
					failed.Store(err.Error())
					return
				}
				status, err := readAnswer(in)
				if err != nil {
					failed.Store(err.Error())
					return
				}
				lat[w] = append(lat[w], time.Since(t0))
				if status != wantStatus {
					failed.Store(fmt.Sprintf("status %d, want %d", status, wantStatus))
					return
				}
			}
		}()
	}
	wg.Wait()
	elapsed, spent := time.Since(start), benchdb.CPUTime()-cpu
	b.StopTimer()
	if f := failed.Load(); f != nil {
		b.Fatal(f)
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	if len(all) == 0 {
		return
	}
	b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(all[len(all)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(spent.Microseconds())/float64(len(all)), "cpu-us/req")
}

// readAnswer reads one HTTP/1.1 answer off in, as wrk does: its status,
// the headers only for the body's length (Content-Length or chunked), and
// the body skipped.
func readAnswer(in *bufio.Reader) (status int, err error) {
	line, err := in.ReadSlice('\n')
	if err != nil {
		return 0, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.1 ")) {
		return 0, fmt.Errorf("not an HTTP/1.1 answer: %q", line)
	}
	if status, err = strconv.Atoi(string(line[9:12])); err != nil {
		return 0, err
	}
	length, chunked := 0, false
	for {
		line, err := in.ReadSlice('\n')
		if err != nil {
			return 0, err
		}
		h := bytes.TrimRight(line, "\r\n")
		if len(h) == 0 {
			break
		}
		name, value, _ := bytes.Cut(h, []byte(":"))
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil {
				return 0, err
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(value, []byte("chunked"))
		}
	}
	if !chunked {
		_, err = in.Discard(length)
		return status, err
	}
	for {
		line, err := in.ReadSlice('\n')
		if err != nil {
			return 0, err
		}
		n, err := strconv.ParseInt(string(bytes.TrimRight(line, "\r\n")), 16, 64)
		if err != nil {
			return 0, err
		}
		if _, err := in.Discard(int(n) + 2); err != nil { // the chunk and its CRLF
			return 0, err
		}
		if n == 0 {
			return status, nil
		}
	}
}

// yardstickDB is the yardsticks' file (yardstick.Open) in b's temporary
// folder.
func yardstickDB(b *testing.B) *sql.DB {
	db, err := yardstick.Open(filepath.Join(b.TempDir(), "bare.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// bareHandler is the yardstick (yardstick.GroupCommit): what this machine
// allows for a durable submission; the kiosk's figure is set beside it.
func bareHandler(b *testing.B) http.Handler {
	h, stop, err := yardstick.GroupCommit(yardstickDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(stop)
	return h
}

// requestHead is an HTTP/1.1 request as it goes on the wire up to its
// body's length: the request line, Host, and for a form its type.
func requestHead(method, target string, form bool) []byte {
	u, err := url.Parse(target)
	if err != nil {
		panic(err)
	}
	head := fmt.Appendf(nil, "%s %s HTTP/1.1\r\nHost: %s\r\n", method, u.RequestURI(), u.Host)
	if form {
		head = append(head, "Content-Type: application/x-www-form-urlencoded\r\n"...)
	}
	return head
}

// withBody is the request of head with body after it, and its length.
func withBody(head []byte, body string) []byte {
	req := append(slices.Clip(head), "Content-Length: "...)
	req = strconv.AppendInt(req, int64(len(body)), 10)
	return append(append(req, "\r\n\r\n"...), body...)
}

// postKeyed posts form with a one-time key of its own on each request, as
// every phone's form carries one; the rest of the request is made once.
func postKeyed(target string, form url.Values) func() []byte {
	head, body := requestHead("POST", target, true), form.Encode()+"&key="
	return func() []byte { return withBody(head, body+store.NewKey()) }
}

func postForm(target string, form url.Values) func() []byte {
	req := withBody(requestHead("POST", target, true), form.Encode())
	return func() []byte { return req }
}

func get(target string) func() []byte {
	req := append(requestHead("GET", target, false), "\r\n"...)
	return func() []byte { return req }
}

// BenchmarkSubmit compares check-in submissions through the whole kiosk
// (token, limits, store validation, one-time key, receipt number, events),
// each form with its own key as a phone sends it, with the bare
// group-commit handler, and the one-commit-per-request one beside them, at 16
// and 64 connections over 127.0.0.1. All three run with the runtime settings
// `frontdesk serve` sets (tune.Kiosk), as the kiosk is deployed; the
// yardsticks are faster with them too (about 5 % for the bare handler).
func BenchmarkSubmit(b *testing.B) {
	defer tune.Kiosk()()
	for _, conns := range []int{16, 64} {
		b.Run(fmt.Sprintf("kiosk/conns=%d", conns), func(b *testing.B) {
			db := mustOpen(b)
			s := mustServer(b, db, Config{QRTTL: 10 * time.Minute, RateLimit: 0})
			ts := httptest.NewServer(s.Handler())
			defer ts.Close()
			load(b, conns, ts.URL, postKeyed(ts.URL+"/f/checkin", checkinForm(s.token("checkin", testNow))), http.StatusSeeOther)
		})
		b.Run(fmt.Sprintf("bare/conns=%d", conns), func(b *testing.B) {
			ts := httptest.NewServer(bareHandler(b))
			defer ts.Close()
			load(b, conns, ts.URL, postForm(ts.URL+"/f/checkin", checkinForm("")), http.StatusSeeOther)
		})
		b.Run(fmt.Sprintf("onecommit/conns=%d", conns), func(b *testing.B) {
			ts := httptest.NewServer(yardstick.OneCommit(yardstickDB(b)))
			defer ts.Close()
			load(b, conns, ts.URL, postForm(ts.URL+"/f/checkin", checkinForm("")), http.StatusSeeOther)
		})
	}
}

// BenchmarkLobby serves the lobby page and a QR image at 64 connections.
func BenchmarkLobby(b *testing.B) {
	db := mustOpen(b)
	s := mustServer(b, db, Config{QRTTL: 10 * time.Minute})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	b.Run("page", func(b *testing.B) { load(b, 64, ts.URL, get(ts.URL+"/"), http.StatusOK) })
	b.Run("qr", func(b *testing.B) { load(b, 64, ts.URL, get(ts.URL+"/qr/request.png"), http.StatusOK) })
}

// BenchmarkStatusPage serves a request's private status page (/s/{code})
// at 64 connections, beside the lobby page as the yardstick.
func BenchmarkStatusPage(b *testing.B) {
	db := mustOpen(b)
	s := mustServer(b, db, Config{QRTTL: 10 * time.Minute})
	req, err := db.CreateRequest(b.Context(), store.RequestInput{Name: "王五", Phone: "13700002222", Category: "policy",
		Description: "咨询公租房申请条件", Source: "kiosk"})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	b.Run("status", func(b *testing.B) { load(b, 64, ts.URL, get(ts.URL+"/s/"+req.StatusCode), http.StatusOK) })
	b.Run("lobby", func(b *testing.B) { load(b, 64, ts.URL, get(ts.URL+"/"), http.StatusOK) })
}
