// Package kiosk serves the lobby display and the phone forms: the lobby
// screen with three QR codes, the forms the codes open, the receipts and the
// visitors' private status pages, and the printable daily log for managers.
// Every rule it applies is the store's; the kiosk only presents.
package kiosk

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"frontdesk/lang"
	"frontdesk/store"
)

// Config sets up a kiosk server.
type Config struct {
	Addr      string        // listen address, e.g. ":8080"
	PublicURL string        // base URL in QR codes; "" to detect
	QRTTL     time.Duration // token rotation; 0 for static codes
	RateLimit int           // submissions per minute per address; 0 off
	Lang      string        // zh or en
	Logger    *slog.Logger
	// TrustedProxy is the reverse proxy (an address or CIDR range) whose
	// X-Forwarded-For and Forwarded headers are believed; "" believes none,
	// and a forwarded request is then never taken for this machine's.
	TrustedProxy string
}

// FormLink is one phone form as a QR code would open it.
type FormLink struct {
	Kind  string // request, booking, checkin
	Title string // in the server's language
	URL   string // absolute, with a current token
}

// Server limits and timeouts.
const (
	// MaxBodyBytes is the largest request body the kiosk reads.
	MaxBodyBytes = 16 << 10
	// ShutdownTimeout is how long Run waits for requests in flight.
	ShutdownTimeout = 10 * time.Second
)

// timeouts bound how long a client may hold a connection: a phone on weak
// Wi-Fi has seconds, a connection that trickles bytes (slowloris) does not
// keep a goroutine forever.
type timeouts struct {
	readHeader, read, write, idle time.Duration
}

var defaultTimeouts = timeouts{readHeader: 5 * time.Second, read: 20 * time.Second, write: 30 * time.Second, idle: 90 * time.Second}

// Server is the kiosk: the lobby display, forms, receipts and status pages.
type Server struct {
	db       *store.DB
	cfg      Config
	log      *slog.Logger
	pages    *pages
	qr       *qrCache
	limiter  *limiter
	lookups  *limiter // 查询进度 attempts, hits and misses alike
	lobby    lobbyCache
	statuses statusCache
	macs     macMemos // the form tokens' MACs of the current windows
	streams  streamLimits
	proxy    *net.IPNet // the trusted proxy, or nil

	mu        sync.Mutex
	publicURL string
	autoURL   bool // publicURL was detected, so it follows the listener's port

	timeouts timeouts

	up      atomic.Bool
	closing chan struct{} // closed when shutdown begins, ending event streams
	closeMu sync.Once

	panicPage []byte // the page a panicking handler's request gets
}

// New makes a kiosk server on db.
func New(db *store.DB, cfg Config) (*Server, error) {
	if db == nil {
		return nil, errors.New("kiosk: no database")
	}
	if cfg.QRTTL < 0 {
		return nil, fmt.Errorf("kiosk: negative QR rotation %v", cfg.QRTTL)
	}
	cfg.Lang = lang.Code(cfg.Lang)
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	proxy, err := parseProxy(cfg.TrustedProxy)
	if err != nil {
		return nil, err
	}
	s := &Server{
		db:      db,
		proxy:   proxy,
		streams: newStreamLimits(),
		cfg:     cfg,
		log:     cfg.Logger,
		pages:   p,
		qr:      &qrCache{},
		limiter: newLimiter(cfg.RateLimit),
		lookups: newLimiter(lookupPerMinute),
		macs:    newMacMemos(),
		closing: make(chan struct{}),

		timeouts: defaultTimeouts,
	}
	if cfg.PublicURL != "" {
		u, err := url.Parse(cfg.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("kiosk: public URL %q must look like http://HOST:PORT", cfg.PublicURL)
		}
		s.publicURL = strings.TrimRight(cfg.PublicURL, "/")
	} else {
		s.publicURL = detectPublicURL(cfg.Addr)
		s.autoURL = true
	}
	if s.panicPage, err = s.renderPanicPage(); err != nil {
		return nil, fmt.Errorf("kiosk: render the error page: %w", err)
	}
	s.watchLobby()
	return s, nil
}

// Handler returns the kiosk's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errCrossSite)
	}))
	return s.secure(s.recoverPanics(cop.Handler(mux)))
}

// routes lists every route the kiosk answers.
func (s *Server) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", s.handle(s.handleLobby))
	mux.HandleFunc("GET /events", s.handleEvents)
	mux.HandleFunc("GET /qr/{file}", s.handle(s.handleQR))
	mux.Handle("GET /static/", http.StripPrefix("/static/", s.staticFiles()))
	mux.HandleFunc("GET /favicon.ico", s.handleFavicon)

	mux.HandleFunc("GET /f/request", s.handle(s.requestForm))
	mux.HandleFunc("POST /f/request", s.submit(s.submitRequest))
	mux.HandleFunc("GET /f/booking", s.handle(s.bookingForm))
	mux.HandleFunc("POST /f/booking", s.submit(s.submitBooking))
	mux.HandleFunc("GET /f/checkin", s.handle(s.checkinForm))
	mux.HandleFunc("POST /f/checkin", s.submit(s.submitCheckin))
	mux.HandleFunc("POST /f/{kind}/check", s.submit(s.checkField))

	mux.HandleFunc("GET /receipt/{code}", s.handle(s.handleReceipt))
	mux.HandleFunc("GET /receipt/{code}/qr.png", s.handle(s.handleReceiptQR))
	mux.HandleFunc("GET /lookup", s.handle(s.lookupForm))
	mux.HandleFunc("POST /lookup", s.submit(s.submitLookup))
	mux.HandleFunc("GET /s/{code}", s.handle(s.handleStatus))
	mux.HandleFunc("POST /s/{code}/rate", s.submit(s.submitRating))
	mux.HandleFunc("GET /s/{code}/cancel", s.handle(s.confirmCancel))
	mux.HandleFunc("POST /s/{code}/cancel", s.submit(s.submitCancel))
	mux.HandleFunc("GET /s/{code}/cancel-rest", s.handle(s.confirmCancelRest))
	mux.HandleFunc("POST /s/{code}/cancel-rest", s.submit(s.submitCancelRest))
	mux.HandleFunc("GET /s/{code}/checkout", s.handle(s.confirmCheckout))
	mux.HandleFunc("POST /s/{code}/checkout", s.submit(s.submitCheckout))

	mux.HandleFunc("GET /admin/daily", s.handle(s.handleDailyLog))
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("/", s.handle(s.handleUnknown))
}

// contentSecurityPolicy allows only the server's own files: no inline
// script, no frames, no outside resource.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders are set on every answer. Each value is a slice of its
// own length and capacity, shared by every answer: a handler that adds a
// value gets a new slice, so none is ever written into.
var securityHeaders = []struct {
	key   string
	value []string
}{
	{"Content-Security-Policy", []string{contentSecurityPolicy}},
	// same-origin, not no-referrer: tokens stay off other sites, and old
	// WebViews still send the Origin of the site's own form posts.
	{"Referrer-Policy", []string{"same-origin"}},
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"X-Frame-Options", []string{"DENY"}},
}

// secure sets the security headers and limits the body of every request.
// The headers go into the map as they are, in canonical form, instead of
// through Set, which made a slice for each on every request.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, sh := range securityHeaders {
			h[sh.key] = sh.value[:1:1]
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		next.ServeHTTP(w, r)
	})
}

// Run listens on cfg.Addr until ctx ends, then shuts down gracefully.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("kiosk: listen on %s: %w", s.cfg.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve answers on ln until ctx ends, then stops taking connections and
// waits up to ShutdownTimeout for the requests in flight, so every
// submission that was answered is stored.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.followPort(ln.Addr())
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: s.timeouts.readHeader,
		ReadTimeout:       s.timeouts.read,
		WriteTimeout:      s.timeouts.write, // event streams lift it for themselves
		IdleTimeout:       s.timeouts.idle,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	// In-flight requests keep a live context through shutdown: a store
	// write that has begun finishes and is answered.
	srv.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }
	errc := make(chan error, 1)
	s.up.Store(true)
	s.log.Info("kiosk listening", "addr", ln.Addr().String(), "public", s.PublicURL())
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		s.up.Store(false)
		return fmt.Errorf("kiosk: %w", err)
	case <-ctx.Done():
	}
	s.up.Store(false)
	s.closeMu.Do(func() { close(s.closing) })
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		s.log.Error("kiosk shutdown", "err", err)
		return fmt.Errorf("kiosk shutdown: %w", err)
	}
	s.log.Info("kiosk stopped")
	return nil
}

// Up reports whether the server is listening.
func (s *Server) Up() bool { return s.up.Load() }

// PublicURL returns the base URL the QR codes use.
func (s *Server) PublicURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.publicURL
}

// FormLinks returns the forms' URLs with current tokens.
func (s *Server) FormLinks() []FormLink {
	now := s.db.Now()
	out := make([]FormLink, 0, len(formKinds))
	for _, k := range formKinds {
		out = append(out, FormLink{Kind: k.Kind, Title: k.title(s.cfg.Lang), URL: s.formURL(k.Kind, now)})
	}
	return out
}

// DailyLogURL returns the manager's link to the printable daily log, with
// the staff token that opens it from any address.
func (s *Server) DailyLogURL() string {
	return s.PublicURL() + "/admin/daily?token=" + url.QueryEscape(s.staffToken())
}

func (s *Server) formURL(kind string, now time.Time) string {
	return s.PublicURL() + "/f/" + kind + "?token=" + url.QueryEscape(s.token(kind, now))
}

// followPort puts the listener's real port into a detected public URL (for
// ":0" listeners in tests and a port picked by the system).
func (s *Server) followPort(a net.Addr) {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.autoURL {
		return
	}
	u, err := url.Parse(s.publicURL)
	if err != nil {
		return
	}
	u.Host = net.JoinHostPort(u.Hostname(), fmt.Sprint(tcp.Port))
	s.publicURL = u.String()
}

// detectPublicURL is http://<first non-loopback IPv4>:<port of addr>, or
// 127.0.0.1 when the machine has no other address.
func detectPublicURL(addr string) string {
	_, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		port = "8080"
	}
	return "http://" + net.JoinHostPort(firstIPv4(), port)
}

// firstIPv4 returns the machine's first non-loopback IPv4 address, or
// 127.0.0.1 if it has none.
func firstIPv4() string {
	ifaces, err := net.Interfaces()
	if err != nil {
		return "127.0.0.1"
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				if ip4 := n.IP.To4(); ip4 != nil && !ip4.IsLoopback() && !ip4.IsLinkLocalUnicast() {
					return ip4.String()
				}
			}
		}
	}
	return "127.0.0.1"
}

// handleUnknown answers what no route took: 405 for a method the kiosk
// never uses, else the friendly 404.
func (s *Server) handleUnknown(w http.ResponseWriter, r *http.Request) error {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPost:
		return errNotFound
	}
	w.Header().Set("Allow", "GET, HEAD, POST")
	return errMethod
}
