package sshdesk

import (
	"strings"

	"frontdesk/store"
)

// clientLang is the language of the client's locale: the first of LC_ALL,
// LC_MESSAGES and LANG that is set decides, as POSIX orders them (OpenSSH
// sends LANG and LC_* where its configuration says SendEnv, as Debian's
// does). A locale that is neither Chinese nor English (C, POSIX, de_DE)
// leaves the fallback.
func clientLang(environ []string, fallback string) string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := lookup(environ, name)
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		switch {
		case strings.HasPrefix(v, "zh"):
			return "zh"
		case strings.HasPrefix(v, "en"):
			return "en"
		}
		return fallback
	}
	return fallback
}

// staffLang is the staff member's own language, or else the server's: what
// a session speaks when its client sends no locale.
func staffLang(s store.Staff, server string) string {
	if s.Lang != "" {
		return s.Lang
	}
	return server
}

// lookup is the value of name in an environment of NAME=value strings.
func lookup(environ []string, name string) string {
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}
