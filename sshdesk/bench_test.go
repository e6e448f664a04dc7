package sshdesk_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"frontdesk/internal/benchdb"
	"frontdesk/sshdesk"
	"frontdesk/store"
	"frontdesk/tui"
)

const benchSessions = 20

// benchKey is the key of bench staff member i, the same on every run, so
// the shared big database gains its staff once.
func benchKey(b *testing.B, i int) gossh.Signer {
	seed := sha256.Sum256([]byte(fmt.Sprintf("frontdesk ssh bench %d", i)))
	s, err := gossh.NewSignerFromKey(ed25519.NewKeyFromSeed(seed[:]))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// benchStaff makes sure the big database has n staff members who sign in
// with benchKey, and returns their logins.
func benchStaff(b *testing.B, db *store.DB, n int) []string {
	ctx := context.Background()
	var logins []string
	for i := range n {
		login := fmt.Sprintf("sshbench%02d", i)
		logins = append(logins, login)
		if _, err := db.StaffByLogin(ctx, login); err == nil {
			continue
		}
		pub := string(gossh.MarshalAuthorizedKey(benchKey(b, i).PublicKey()))
		_, err := db.CreateStaff(ctx, store.Actor{System: "bench"}, store.StaffInput{
			Name: fmt.Sprintf("压测%02d", i), Login: login, Keys: []string{pub}})
		if err != nil {
			b.Fatalf("add bench staff %s: %v", login, err)
		}
	}
	return logins
}

// frameTimes collects the Update+View time of every frame of every session.
type frameTimes struct {
	mu sync.Mutex
	d  []time.Duration
}

func (f *frameTimes) add(d time.Duration) {
	f.mu.Lock()
	f.d = append(f.d, d)
	f.mu.Unlock()
}

func (f *frameTimes) take() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.d
	f.d = nil
	return out
}

// screen is one SSH client's terminal output, searchable as it arrives.
type screen struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	seen chan struct{} // signalled on every write
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.buf.Write(p)
	s.mu.Unlock()
	select {
	case s.seen <- struct{}{}:
	default:
	}
	return len(p), nil
}

// waitFor waits until the output since the last reset holds want.
func (s *screen) waitFor(want []byte, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		ok := bytes.Contains(s.buf.Bytes(), want)
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-s.seen:
		case <-deadline:
			return false
		}
	}
}

func (s *screen) reset() {
	s.mu.Lock()
	s.buf.Reset()
	s.mu.Unlock()
}

// BenchmarkSSHDesks is 20 staff members' desks open over SSH at once on the
// million-visit file while phones submit (a kiosk check-in every 100 ms in
// the background). Each iteration is one more phone check-in, timed from
// the submission until every one of the 20 terminals shows it. Reported:
// frame-p99-ms and frame-p50-ms, the Update+View time of every frame of
// every session during the run; visible-p99-ms and visible-max-ms, the time
// until a submission shows in all 20; KiB/session, the heap the 20 open
// sessions added, divided by 20 (the SSH clients run in the same process,
// so this is an upper bound).
func BenchmarkSSHDesks(b *testing.B) {
	db := benchdb.Open(b)
	logins := benchStaff(b, db, benchSessions)
	var frames frameTimes
	srv, err := sshdesk.New(db, sshdesk.Config{
		Addr: "127.0.0.1:0", HostKeyPath: filepath.Join(b.TempDir(), sshdesk.HostKeyFile), Lang: "zh",
		Logger: slog.New(slog.DiscardHandler),
		Desk: func(s sshdesk.Session) tea.Model {
			return tui.New(db, tui.Options{Staff: s.Staff.Name, Lang: s.Lang, Remote: s.Remote, Renderer: s.Renderer,
				KioskAddr: "http://127.0.0.1:8080"})
		},
		Frame: frames.add,
	})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() { defer close(served); srv.Serve(ctx) }()
	defer func() { cancel(); <-served }()

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	screens := make([]*screen, len(logins))
	for i, login := range logins {
		screens[i] = openBenchSession(b, srv.Addr().String(), login, benchKey(b, i))
	}
	center := []byte(db.Settings().CenterName)
	for i, s := range screens {
		if !s.waitFor(center, 60*time.Second) {
			b.Fatalf("session %d shows no desk within 60 s", i)
		}
	}
	time.Sleep(2 * time.Second) // every desk's first loads are done
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	perSession := (float64(after.HeapInuse) - float64(before.HeapInuse)) / float64(len(logins)) / 1024

	// Phones keep submitting in the background.
	var seq atomic.Int64
	checkIn := func(name string) error {
		_, err := db.CheckIn(context.Background(), store.VisitInput{Name: name, Purpose: "consult", Headcount: 1,
			Actor: "kiosk", Source: "kiosk"})
		return err
	}
	phonesDone := make(chan struct{})
	phonesCtx, stopPhones := context.WithCancel(ctx)
	go func() {
		defer close(phonesDone)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-phonesCtx.Done():
				return
			case <-tick.C:
				checkIn(fmt.Sprintf("手机%05d", seq.Add(1)))
			}
		}
	}()
	frames.take()
	var visible []time.Duration
	for b.Loop() {
		for _, s := range screens {
			s.reset()
		}
		name := fmt.Sprintf("压测访客%05d", seq.Add(1))
		start := time.Now()
		if err := checkIn(name); err != nil {
			b.Fatal(err)
		}
		for i, s := range screens {
			if !s.waitFor([]byte(name), 10*time.Second) {
				b.Fatalf("session %d did not show %s within 10 s", i, name)
			}
		}
		visible = append(visible, time.Since(start))
	}
	stopPhones()
	<-phonesDone
	all := frames.take()
	b.ReportMetric(ms(quantile(all, 0.99)), "frame-p99-ms")
	b.ReportMetric(ms(quantile(all, 0.50)), "frame-p50-ms")
	b.ReportMetric(ms(quantile(visible, 0.99)), "visible-p99-ms")
	b.ReportMetric(ms(slices.Max(visible)), "visible-max-ms")
	b.ReportMetric(perSession, "KiB/session")
	b.ReportMetric(float64(len(all)), "frames")
}

// openBenchSession signs login in with key, asks for an 80×24 terminal and
// a shell, and returns where its output goes.
func openBenchSession(b *testing.B, addr, login string, key gossh.Signer) *screen {
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: login, Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	if err != nil {
		b.Fatalf("%s: %v", login, err)
	}
	b.Cleanup(func() { conn.Close() })
	sess, err := conn.NewSession()
	if err != nil {
		b.Fatal(err)
	}
	s := &screen{seen: make(chan struct{}, 1)}
	sess.Stdout = s
	sess.Stderr = s
	if err := sess.Setenv("LANG", "zh_CN.UTF-8"); err != nil {
		b.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		b.Fatal(err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { stdin.Close() })
	if err := sess.Shell(); err != nil {
		b.Fatal(err)
	}
	return s
}

func quantile(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
