// Package sshdesk serves the desk over SSH, the way Charm's soft-serve does:
// a staff member at any laptop on the center's network runs
// `ssh -p PORT LOGIN@HOST`, signs in with a registered key or their
// password, and gets a desk of their own on the process's one store.
//
// The package knows SSH and sign-in; what a desk is, it is told: the caller
// gives a function that builds the desk's model for one signed-in session.
package sshdesk

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	charmlog "github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/charmbracelet/wish/logging"
	rm "github.com/charmbracelet/wish/recover"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"frontdesk/lang"
	"frontdesk/store"
)

// Config configures the SSH desk server.
type Config struct {
	// Addr is the address to listen on, such as ":2222".
	Addr string
	// HostKeyPath is the server's private key; it is created on first start.
	HostKeyPath string
	// Lang is the process's language (zh or en): its messages, and the desk
	// of a session whose client names neither language.
	Lang string
	// Logger receives connections, sign-ins and refusals; nil is
	// slog.Default().
	Logger *slog.Logger
	// Desk builds the desk for one signed-in session.
	Desk func(Session) tea.Model
	// IdleTimeout is how long a session may go without a key press before it
	// is ended; it is asked again at every check, so a changed setting takes
	// effect at once. nil or 0 means never.
	IdleTimeout func() time.Duration
	// Frame, when set, hears how long each message's Update and the View
	// after it took in any session: the benchmarks measure frames with it.
	Frame func(time.Duration)
}

// Session is what the desk of one SSH session is built from.
type Session struct {
	// Staff is the signed-in staff member.
	Staff store.Staff
	// Remote is the client's address, without its port.
	Remote string
	// Lang is the session's language: the client's LC_ALL, LC_MESSAGES or
	// LANG, or else the staff member's own setting, or else the server's.
	Lang string
	// Renderer draws for the client's terminal (its colours and
	// background), not the server's.
	Renderer *lipgloss.Renderer
}

// Server is a listening SSH desk server.
type Server struct {
	db       *store.DB
	cfg      Config
	log      *slog.Logger
	signer   gossh.Signer
	srv      *ssh.Server
	ln       net.Listener
	failures *failureLimit

	mu       sync.Mutex
	sessions map[*attendance]struct{}
}

// New loads or creates the host key and listens on cfg.Addr; Serve then
// answers connections. A failure comes in cfg.Lang, ready to show.
func New(db *store.DB, cfg Config) (*Server, error) {
	if cfg.Lang != "en" {
		cfg.Lang = "zh"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Desk == nil {
		return nil, errors.New("sshdesk: Config.Desk is nil")
	}
	signer, err := loadHostKey(cfg.HostKeyPath, cfg.Lang)
	if err != nil {
		return nil, err
	}
	s := &Server{db: db, cfg: cfg, log: cfg.Logger, signer: signer, failures: newFailureLimit(),
		sessions: map[*attendance]struct{}{}}
	// wish and its middleware log through charmbracelet/log; send that to
	// our log file too, never to a terminal the local desk may own.
	charmlog.SetOutput(logWriter{s.log})
	charmlog.SetReportTimestamp(false)
	printf := slog.NewLogLogger(s.log.Handler(), slog.LevelInfo)
	s.srv, err = wish.NewServer(
		wish.WithAddress(cfg.Addr),
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithVersion("frontdesk"),
		wish.WithPublicKeyAuth(s.checkKey),
		wish.WithPasswordAuth(s.checkPassword),
		// The middleware runs bottom to top: each connection is logged, must
		// have a terminal, is put on the roll of sessions, and gets its desk.
		// A panic in any of them ends that session alone.
		wish.WithMiddleware(
			rm.MiddlewareWithLogger(printf,
				bm.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
				s.attend,
				activeterm.Middleware(),
			),
			logging.MiddlewareWithLogger(printf),
		),
	)
	if err != nil {
		return nil, err
	}
	s.ln, err = net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, failure(cfg.Lang, lang.SSHDeskCannotListenOn.Format(cfg.Addr, err))
	}
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Fingerprint is the SHA256 fingerprint of the host key, which ssh shows
// on a first connection: staff compare it with the one the desk shows.
func (s *Server) Fingerprint() string { return Fingerprint(s.signer.PublicKey()) }

// Serve answers connections until ctx ends; then it tells every session the
// server is stopping, gives them a few seconds to end, and closes the rest.
func (s *Server) Serve(ctx context.Context) error {
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go s.watchStaff(watchCtx)
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.endAll(reasonStopping)
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(shut); err != nil {
		s.srv.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}

// Sessions is how many desks are open over SSH.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// host is an address without its port.
func host(a net.Addr) string {
	if a == nil {
		return ""
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// logWriter turns each line charmbracelet/log writes into a slog record.
type logWriter struct{ log *slog.Logger }

func (w logWriter) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		if line != "" {
			w.log.Info("ssh: " + line)
		}
	}
	return len(p), nil
}

var _ io.Writer = logWriter{}

// failure is an error worded in the process's language.
func failure(language string, msg lang.Text) error { return errors.New(msg.In(language)) }
