package store

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/ssh"

	"frontdesk/lang"
)

// MinPasswordLength is the shortest password a staff member may have.
const MinPasswordLength = 8

// argon2id parameters (RFC 9106's second recommendation, with less memory
// for a small desk machine): 19 MiB, two passes, one lane.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

func checkPassword(pw string) error {
	if utf8.RuneCountInString(pw) < MinPasswordLength {
		return invalid("password", lang.PasswordTooShort.Format(MinPasswordLength))
	}
	if len(pw) > 1024 || !utf8.ValidString(pw) {
		return invalid("password", lang.PasswordInvalid)
	}
	return nil
}

// hashPassword returns pw as an argon2id hash in the PHC string format.
func hashPassword(pw string) string {
	salt := make([]byte, 16)
	rand.Read(salt)
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key))
}

// dummyHash is checked against when there is no real hash to check, so a
// refusal takes as long as a wrong password.
var dummyHash = sync.OnceValue(func() string { return hashPassword("frontdesk-no-password") })

// passwordMatches reports whether pw is the password hash was made from.
func passwordMatches(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var mem, time uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &time, &threads); err != nil {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, time, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// StaffKey is an SSH public key a staff member signs in with.
type StaffKey struct {
	Fingerprint string // SHA256:…, as ssh-keygen -l prints it
	PublicKey   string // the authorized_keys line: type, key and comment
}

// ParseStaffKey reads one public key in authorized_keys form
// ("ssh-ed25519 AAAA… comment").
func ParseStaffKey(line string) (StaffKey, error) {
	line = strings.TrimSpace(line)
	pub, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(line))
	if err != nil || line == "" {
		return StaffKey{}, invalid("key", lang.SSHKeyInvalid)
	}
	text := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub)))
	if comment = strings.TrimSpace(comment); comment != "" {
		if c, err := cleanText("key", comment, 100, false, lang.KeyComment); err == nil {
			text += " " + c
		}
	}
	return StaffKey{Fingerprint: ssh.FingerprintSHA256(pub), PublicKey: text}, nil
}
