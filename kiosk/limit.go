package kiosk

import (
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter holds one token bucket per client address: perMinute submissions a
// minute, with a burst of as many. Buckets idle for ten minutes are dropped.
type limiter struct {
	perMinute int
	mu        sync.Mutex
	buckets   map[string]*bucket
	swept     time.Time
}

type bucket struct {
	lim    *rate.Limiter
	seen   time.Time
	warned time.Time // last refusal logged, so a flood writes one line a minute
}

func newLimiter(perMinute int) *limiter {
	return &limiter{perMinute: perMinute, buckets: map[string]*bucket{}}
}

// allow reports whether addr may submit now; a limit of 0 lets everything
// through. When it refuses, log says whether this refusal should be logged:
// the first of each minute for the address.
func (l *limiter) allow(addr string) (ok, log bool) {
	if l.perMinute <= 0 {
		return true, false
	}
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[addr]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(rate.Every(time.Minute/time.Duration(l.perMinute)), l.perMinute)}
		l.buckets[addr] = b
	}
	b.seen = now
	if b.lim.AllowN(now, 1) {
		return true, false
	}
	if now.Sub(b.warned) < time.Minute {
		return false, false
	}
	b.warned = now
	return false, true
}

// clientIP is the address the request came from. Headers such as
// X-Forwarded-For are not trusted: the kiosk faces the center's Wi-Fi directly.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// isLoopback reports whether the request came from this machine.
func isLoopback(r *http.Request) bool {
	ip := net.ParseIP(clientIP(r))
	return ip != nil && ip.IsLoopback()
}
