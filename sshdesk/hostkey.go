package sshdesk

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"frontdesk/lang"
)

// HostKeyFile is the name of the server's private host key, kept beside the
// database so a backup of the folder keeps the identity staff have trusted.
const HostKeyFile = "frontdesk_ssh_ed25519"

// HostKeyPath is where the host key of the database at dbPath lives.
func HostKeyPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), HostKeyFile)
}

// loadHostKey reads the ed25519 host key at path, creating it (mode 0600)
// when there is none. A key that others may read is refused, as OpenSSH
// refuses one: whoever copied it can pose as this desk.
func loadHostKey(path, language string) (gossh.Signer, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return createHostKey(path, language)
	}
	if err != nil {
		return nil, failure(language, lang.CannotReadSSHHostKey.Format(path, err))
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return nil, failure(language,
			lang.SSHHostKeyHasMode4o.Format(path, perm, path))
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, failure(language, lang.SSHHostKeyCannotBeParsed.Format(path, err))
	}
	return signer, nil
}

// createHostKey makes a new ed25519 key and writes it in OpenSSH's format.
// O_EXCL keeps two processes starting at once from each writing their own.
func createHostKey(path, language string) (gossh.Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "frontdesk host key")
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return loadHostKey(path, language)
	}
	if err != nil {
		return nil, failure(language, lang.CannotCreateSSHHostKey.Format(path, err))
	}
	if err := pem.Encode(f, block); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, err
	}
	return gossh.NewSignerFromKey(priv)
}

// Fingerprint is a public key's SHA256 fingerprint as ssh and ssh-keygen -l
// print it ("SHA256:…").
func Fingerprint(key gossh.PublicKey) string { return gossh.FingerprintSHA256(key) }
