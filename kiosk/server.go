// Package kiosk serves the lobby display and the phone forms.
package kiosk

import (
	"context"
	"log/slog"
	"net/http"
	"time"

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
}

// FormLink is one phone form as a QR code would open it.
type FormLink struct {
	Kind  string // request, booking, checkin
	Title string // in the server's language
	URL   string // absolute, with a current token
}

// Server is the kiosk: the lobby display, forms, receipts and status pages.
type Server struct {
	db  *store.DB
	cfg Config
}

// New makes a kiosk server on db.
func New(db *store.DB, cfg Config) (*Server, error) { return &Server{db: db, cfg: cfg}, nil }

// Handler returns the kiosk's HTTP handler.
func (s *Server) Handler() http.Handler { return http.NewServeMux() }

// Run listens on cfg.Addr until ctx ends, then shuts down gracefully.
func (s *Server) Run(ctx context.Context) error { <-ctx.Done(); return nil }

// Up reports whether the server is listening.
func (s *Server) Up() bool { return false }

// PublicURL returns the base URL the QR codes use.
func (s *Server) PublicURL() string { return s.cfg.PublicURL }

// FormLinks returns the forms' URLs with current tokens.
func (s *Server) FormLinks() []FormLink { return nil }
