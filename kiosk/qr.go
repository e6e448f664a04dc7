package kiosk

import (
	"net/http"
	"strings"
	"sync"

	"github.com/skip2/go-qrcode"
)

// qrSize is the side of a QR image in pixels: sharp on a 1080p screen at a
// third of its height.
const qrSize = 480

// qrCache keeps the PNG of each current form URL, so a code is encoded once
// per token, not per request.
type qrCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

// png returns the QR code of text, encoding it on first use.
func (c *qrCache) png(text string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.m[text]; ok {
		return b, nil
	}
	b, err := qrcode.Encode(text, qrcode.Medium, qrSize)
	if err != nil {
		return nil, err
	}
	// Tokens rotate; old codes are never asked for again, so the cache
	// starts over rather than growing.
	if c.m == nil || len(c.m) >= 3*len(formKinds) {
		c.m = map[string][]byte{}
	}
	c.m[text] = b
	return b, nil
}

// handleQR serves the current QR code of a form as a PNG.
func (s *Server) handleQR(w http.ResponseWriter, r *http.Request) error {
	kind, ok := strings.CutSuffix(r.PathValue("file"), ".png")
	if !ok || formKindOf(kind) == nil {
		return errNotFound
	}
	if len(s.db.Settings().Secret) == 0 {
		return errNotSetUp
	}
	b, err := s.qr.png(s.formURL(kind, s.db.Now()))
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "image/png")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Length", itoa(len(b)))
	w.Write(b)
	return nil
}
