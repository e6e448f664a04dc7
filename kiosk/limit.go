package kiosk

import (
	"fmt"
	"net"
	"net/http"
	"strings"
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

// blocked reports whether addr has used up its submissions for now; a limit
// of 0 blocks nothing. Asking spends nothing: only what the store accepted
// is spent (spend), so a visitor correcting a typo is never locked out.
// When it blocks, log says whether to log it: the first of each minute for
// the address.
func (l *limiter) blocked(addr string) (blocked, log bool) {
	if l.perMinute <= 0 {
		return false, false
	}
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bucket(addr, now)
	if b.lim.TokensAt(now) >= 1 {
		return false, false
	}
	if now.Sub(b.warned) < time.Minute {
		return true, false
	}
	b.warned = now
	return true, true
}

// spend counts one accepted submission from addr.
func (l *limiter) spend(addr string) {
	if l.perMinute <= 0 {
		return
	}
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.bucket(addr, now).lim.AllowN(now, 1)
}

// take is blocked and spend at once, for lookups, where every attempt counts.
func (l *limiter) take(addr string) (ok, log bool) {
	blocked, log := l.blocked(addr)
	if blocked {
		return false, log
	}
	l.spend(addr)
	return true, false
}

// bucket finds or makes addr's bucket, dropping those idle for ten minutes
// once a minute. l.mu is held.
func (l *limiter) bucket(addr string, now time.Time) *bucket {
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
	return b
}

// clientAddr is the address the request came from: the peer, or, when the
// peer is the trusted proxy (--trusted-proxy) and says whom it forwards,
// that address. Rate limits and stream limits count by it.
func (s *Server) clientAddr(r *http.Request) string {
	peer := clientIP(r)
	if s.trusted(peer) {
		if fwd := forwardedFor(r); fwd != "" {
			return fwd
		}
	}
	return peer
}

// clientIP is the address of the connection's other end, the peer.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// trusted reports whether ip is the configured reverse proxy.
func (s *Server) trusted(ip string) bool {
	if s.proxy == nil {
		return false
	}
	addr := net.ParseIP(ip)
	return addr != nil && s.proxy.Contains(addr)
}

// forwarded reports whether the request says it was forwarded for someone.
func forwarded(r *http.Request) bool {
	return r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("Forwarded") != ""
}

// forwardedFor is the client the nearest proxy names: the last address of
// X-Forwarded-For, else the last for= of Forwarded; "" if neither parses.
func forwardedFor(r *http.Request) string {
	if v := r.Header.Values("X-Forwarded-For"); len(v) > 0 {
		parts := strings.Split(v[len(v)-1], ",")
		if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
			return ip.String()
		}
	}
	if v := r.Header.Values("Forwarded"); len(v) > 0 {
		elems := strings.Split(v[len(v)-1], ",")
		for _, pair := range strings.Split(elems[len(elems)-1], ";") {
			k, val, ok := strings.Cut(strings.TrimSpace(pair), "=")
			if !ok || !strings.EqualFold(k, "for") {
				continue
			}
			val = strings.Trim(val, `"`)
			if h, _, err := net.SplitHostPort(val); err == nil {
				val = h
			}
			if ip := net.ParseIP(strings.Trim(val, "[]")); ip != nil {
				return ip.String()
			}
		}
	}
	return ""
}

// onThisMachine reports whether the request came from this machine. A
// request that says it was forwarded is not, even from loopback (a reverse
// proxy on the same machine forwards the world), unless the peer is the
// trusted proxy and the client it names is loopback.
func (s *Server) onThisMachine(r *http.Request) bool {
	peer := clientIP(r)
	if forwarded(r) {
		if !s.trusted(peer) {
			return false
		}
		ip := net.ParseIP(forwardedFor(r))
		return ip != nil && ip.IsLoopback()
	}
	ip := net.ParseIP(peer)
	return ip != nil && ip.IsLoopback()
}

// parseProxy reads --trusted-proxy: an address or a CIDR range.
func parseProxy(s string) (*net.IPNet, error) {
	if s == "" {
		return nil, nil
	}
	if _, n, err := net.ParseCIDR(s); err == nil {
		return n, nil
	}
	ip := net.ParseIP(s)
	if ip == nil {
		return nil, fmt.Errorf("kiosk: trusted proxy %q is not an IP address or CIDR range", s)
	}
	bits := 128
	if ip.To4() != nil {
		ip, bits = ip.To4(), 32
	}
	return &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)}, nil
}
