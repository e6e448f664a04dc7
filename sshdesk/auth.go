package sshdesk

import (
	"context"
	"strconv"
	"time"

	"github.com/charmbracelet/ssh"

	"frontdesk/lang"
	"frontdesk/store"
)

// staffExtension carries the signed-in staff member's id from the sign-in
// to the session, in the permissions of the one sign-in that succeeded.
const staffExtension = "frontdesk-staff-id"

// checkKey signs a connection in when key is registered to an active staff
// member whose login is the SSH user.
func (s *Server) checkKey(ctx ssh.Context, key ssh.PublicKey) bool {
	return s.signIn(ctx, "publickey", func(c context.Context) (store.Staff, error) {
		st, err := s.db.StaffByKey(c, key)
		if err == nil && st.Login != ctx.User() {
			// Someone's key under another login: as unknown as any key.
			return store.Staff{}, store.Errorf(store.EFORBIDDEN, lang.KeyIsNotThisLoginS)
		}
		return st, err
	}, "fingerprint", Fingerprint(key))
}

// checkPassword signs a connection in when password is the password of the
// active staff member whose login is the SSH user. The store answers an
// unknown login, a member without a password and a wrong password alike,
// and in the same time.
func (s *Server) checkPassword(ctx ssh.Context, password string) bool {
	return s.signIn(ctx, "password", func(c context.Context) (store.Staff, error) {
		return s.db.CheckPassword(c, ctx.User(), password)
	})
}

// signIn runs one sign-in attempt: refused at once while the address has
// failed too often, logged when it fails, and on success the staff
// member's id recorded for the session.
func (s *Server) signIn(ctx ssh.Context, method string, check func(context.Context) (store.Staff, error), attrs ...any) bool {
	addr := host(ctx.RemoteAddr())
	attrs = append(attrs, "method", method, "login", ctx.User(), "remote", addr)
	if s.failures.blocked(addr) {
		s.log.Warn("ssh sign-in refused: too many failed attempts from this address", attrs...)
		return false
	}
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	st, err := check(c)
	if err != nil {
		s.failures.fail(addr)
		s.log.Warn("ssh sign-in failed", append(attrs, "err", err)...)
		return false
	}
	perms := ctx.Permissions()
	if perms.Extensions == nil {
		perms.Extensions = map[string]string{}
	}
	perms.Extensions[staffExtension] = strconv.FormatInt(st.ID, 10)
	s.log.Info("ssh sign-in", append(attrs, "staff", st.Name)...)
	return true
}
