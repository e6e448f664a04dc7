package sshdesk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHostKey(t *testing.T) {
	t.Run("CreatedOnceWithMode0600", func(t *testing.T) {
		path := HostKeyPath(filepath.Join(t.TempDir(), "center.db"))
		first, err := loadHostKey(path, "zh")
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != 0o600 {
			t.Fatalf("mode %04o, want 0600", got)
		}
		if filepath.Base(path) != "frontdesk_ssh_ed25519" {
			t.Fatalf("host key at %s", path)
		}
		again, err := loadHostKey(path, "zh")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := Fingerprint(again.PublicKey()), Fingerprint(first.PublicKey()); got != want {
			t.Fatalf("second start has key %s, first had %s", got, want)
		}
		if !strings.HasPrefix(Fingerprint(first.PublicKey()), "SHA256:") || first.PublicKey().Type() != "ssh-ed25519" {
			t.Fatalf("key %s %s", first.PublicKey().Type(), Fingerprint(first.PublicKey()))
		}
	})
	t.Run("ErrReadableByOthers", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), HostKeyFile)
		if _, err := loadHostKey(path, "zh"); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadHostKey(path, "zh")
		if err == nil || !strings.Contains(err.Error(), "chmod 600") || !strings.Contains(err.Error(), "其他用户") {
			t.Fatalf("got %v, want a refusal saying chmod 600", err)
		}
	})
	t.Run("ErrNotAKey", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), HostKeyFile)
		if err := os.WriteFile(path, []byte("not a key"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := loadHostKey(path, "en")
		if err == nil || !strings.Contains(err.Error(), "cannot be parsed") {
			t.Fatalf("got %v, want a parse error in English", err)
		}
	})
}
