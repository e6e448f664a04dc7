package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDeskNeedsTerminal runs the desk with stdin and stdout that are not a
// terminal: it says so and stops instead of hanging.
func TestDeskNeedsTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	for _, tc := range []struct {
		lang, want string
	}{{"zh", "需要在终端中运行"}, {"en", "needs a terminal"}} {
		_, errOut, err := runMain(t, "--db", db, "--addr", "127.0.0.1:0", "--lang", tc.lang)
		if err == nil {
			t.Fatalf("%s: the desk ran without a terminal", tc.lang)
		}
		if !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: got %q, want it to contain %q", tc.lang, errOut, tc.want)
		}
	}
}

func TestDeskBadQRTTL(t *testing.T) {
	_, errOut, err := runMain(t, "--db", filepath.Join(t.TempDir(), "c.db"), "--qr-ttl", "soon")
	if err == nil || !strings.Contains(errOut, "--qr-ttl") {
		t.Fatalf("got %v %q, want a --qr-ttl error", err, errOut)
	}
}
