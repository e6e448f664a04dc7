package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"frontdesk/tui"
)

// countingModel wraps the desk's model to count how often it redraws.
type countingModel struct {
	tea.Model
	updates *atomic.Int64
}

func (m countingModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.updates.Add(1)
	next, cmd := m.Model.Update(msg)
	return countingModel{next, m.updates}, cmd
}

// loadFigures is what a mixed-load run measured.
type loadFigures struct {
	requests   map[string]int
	latencies  map[string][]time.Duration
	p50, p99   map[string]time.Duration
	errors     int64
	locked     int64
	sseEvents  int64
	deskUpdate int64
	heapStart  uint64
	heapEnd    uint64
	elapsed    time.Duration
}

func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// mixedLoad runs conns connections of forms, status pages, the lobby and QR
// images for dur against a real kiosk on loopback, with sse open event
// streams and a desk model refreshing on every change in the same process.
func mixedLoad(t *testing.T, dur time.Duration, conns, sse int) loadFigures {
	db, base, venueID := startKiosk(t)
	posts := map[string]string{"request": scanForm(t, base, "request"), "checkin": scanForm(t, base, "checkin"), "booking": scanForm(t, base, "booking")}
	tomorrow := db.Today().AddDays(1).String()
	qr := regexpFind(t, get(t, base+"/"), `id="qr-booking" src="([^"]+)"`)

	// The desk, headless: it subscribes to the store and reloads on change.
	var updates atomic.Int64
	desk := tea.NewProgram(countingModel{tui.New(db, tui.Options{Staff: "值班员"}), &updates},
		tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	deskDone := make(chan error, 1)
	go func() { _, err := desk.Run(); deskDone <- err }()
	desk.Send(tea.WindowSizeMsg{Width: 120, Height: 40})

	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	var fig loadFigures
	fig.requests = map[string]int{}
	fig.latencies = map[string][]time.Duration{}
	fig.p50, fig.p99 = map[string]time.Duration{}, map[string]time.Duration{}
	var mu sync.Mutex
	var wg sync.WaitGroup

	var sseEvents atomic.Int64
	for i := 0; i < sse; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctx, "GET", base+"/events", nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				if ctx.Err() == nil {
					t.Errorf("event stream: %v", err)
				}
				return
			}
			defer resp.Body.Close()
			sc := bufio.NewScanner(resp.Body)
			for sc.Scan() {
				if strings.HasPrefix(sc.Text(), "event:") || strings.HasPrefix(sc.Text(), "data:") {
					sseEvents.Add(1)
				}
			}
		}()
	}

	// The heap is sampled once the run is warm (a third in) and at the end:
	// flat means the second is not much above the first.
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-time.After(dur / 3):
			fig.heapStart = heapAfterGC()
		case <-ctx.Done():
		}
	}()
	var errs, locked atomic.Int64
	client := &http.Client{
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport:     &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns},
	}
	start := time.Now()
	for c := 0; c < conns; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 7))
			var mine []string
			for i := 0; ctx.Err() == nil; i++ {
				var kind, method, target string
				var body url.Values
				switch p := rng.IntN(10); {
				case p < 2:
					kind, method, target = "request", "POST", posts["request"]
					body = url.Values{"name": {"负载"}, "phone": {"13812345678"}, "category": {"other"}, "description": {fmt.Sprintf("混合负载 %d-%d", c, i)}}
				case p < 3:
					kind, method, target = "checkin", "POST", posts["checkin"]
					body = url.Values{"name": {fmt.Sprintf("访客%d", c)}, "purpose": {"consult"}, "headcount": {"1"}}
				case p < 4:
					// Pending requests for one slot do not block each other;
					// each one changes what the lobby shows.
					kind, method, target = "booking", "POST", posts["booking"]
					body = validForm("booking", venueID, tomorrow)
				case p < 7 && len(mine) > 0:
					kind, method, target = "status", "GET", base+"/s/"+mine[rng.IntN(len(mine))]
				case p < 9:
					kind, method, target = "lobby", "GET", base+"/"
				default:
					kind, method, target = "qr", "GET", base+qr
				}
				var req *http.Request
				if method == "POST" {
					req, _ = http.NewRequestWithContext(ctx, method, target, strings.NewReader(body.Encode()))
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				} else {
					req, _ = http.NewRequestWithContext(ctx, method, target, nil)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						errs.Add(1)
						t.Errorf("%s %s: %v", method, target, err)
					}
					return
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				lat := time.Since(t0)
				if strings.Contains(string(b), "database is locked") {
					locked.Add(1)
				}
				ok := resp.StatusCode == 200 || (method == "POST" && resp.StatusCode == 303)
				if !ok {
					errs.Add(1)
					t.Errorf("%s %s: %d", method, target, resp.StatusCode)
					continue
				}
				if resp.StatusCode == 303 {
					loc := resp.Header.Get("Location")
					code := loc[strings.LastIndex(loc, "/")+1:]
					if len(mine) < 100 {
						mine = append(mine, code)
					}
				}
				mu.Lock()
				fig.requests[kind]++
				fig.latencies[kind] = append(fig.latencies[kind], lat)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fig.elapsed = time.Since(start)
	for k, l := range fig.latencies {
		fig.p50[k], fig.p99[k] = percentiles(l)
	}
	desk.Quit()
	if err := <-deskDone; err != nil {
		t.Errorf("desk program: %v", err)
	}
	client.CloseIdleConnections()
	fig.heapEnd = heapAfterGC()
	fig.latencies = nil // not part of what the server keeps
	fig.errors, fig.locked, fig.sseEvents, fig.deskUpdate = errs.Load(), locked.Load(), sseEvents.Load(), updates.Load()
	if ok, err := db.IntegrityCheck(context.Background()); err != nil || ok != "ok" {
		t.Errorf("integrity_check after load: %q, %v", ok, err)
	}
	return fig
}

func regexpFind(t *testing.T, s, pattern string) string {
	t.Helper()
	i := strings.Index(pattern, "(")
	prefix := pattern[:i]
	j := strings.Index(s, prefix)
	if j < 0 {
		t.Fatalf("no %q in page", prefix)
	}
	rest := s[j+len(prefix):]
	return strings.ReplaceAll(rest[:strings.Index(rest, `"`)], "&amp;", "&")
}

func (f loadFigures) print(t *testing.T) {
	total := 0
	for _, n := range f.requests {
		total += n
	}
	t.Logf("mixed load: %d requests in %v (%.0f/s); errors %d; 'database is locked' %d; SSE lines %d; desk updates %d; heap %.1f MB → %.1f MB",
		total, f.elapsed.Round(time.Millisecond), float64(total)/f.elapsed.Seconds(), f.errors, f.locked, f.sseEvents, f.deskUpdate,
		float64(f.heapStart)/1e6, float64(f.heapEnd)/1e6)
	for _, k := range []string{"request", "checkin", "booking", "status", "lobby", "qr"} {
		t.Logf("  %-8s %6d  p50 %-10v p99 %v", k, f.requests[k], f.p50[k].Round(time.Microsecond), f.p99[k].Round(time.Microsecond))
	}
}

func (f loadFigures) check(t *testing.T) {
	if f.errors > 0 || f.locked > 0 {
		t.Errorf("got %d errors and %d 'database is locked', want none", f.errors, f.locked)
	}
	for _, k := range []string{"request", "checkin", "booking", "status", "lobby", "qr"} {
		if f.requests[k] == 0 {
			t.Errorf("no %s requests were made", k)
		}
	}
	if f.sseEvents == 0 {
		t.Error("the event streams heard nothing")
	}
	if f.deskUpdate < 10 {
		t.Errorf("the desk model updated %d times, want it to refresh on changes", f.deskUpdate)
	}
	// Flat: what is left after the run is not much more than before it.
	if f.heapEnd > f.heapStart+64<<20 {
		t.Errorf("heap grew from %d to %d bytes", f.heapStart, f.heapEnd)
	}
}

// TestMixedLoadShort is the short mixed load that make test runs.
func TestMixedLoadShort(t *testing.T) {
	fig := mixedLoad(t, 3*time.Second, 16, 5)
	fig.print(t)
	fig.check(t)
}

func percentiles(l []time.Duration) (p50, p99 time.Duration) {
	if len(l) == 0 {
		return 0, 0
	}
	slices.Sort(l)
	return l[len(l)/2], l[len(l)*99/100]
}
