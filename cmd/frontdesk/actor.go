package main

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"syscall"

	"frontdesk/lang"
	"frontdesk/store"
)

// actor is who a command-line change is made as: the --staff manager when
// one is named, otherwise the machine's administrator, which is the account
// that owns the database file (or root). The store checks the manager; this
// checks the administrator.
func (m *Main) actor() (store.Actor, error) {
	if m.Staff != "" {
		return store.Actor{Staff: m.Staff}, nil
	}
	me, err := user.Current()
	if err != nil {
		return store.Actor{}, fmt.Errorf("%s", m.tr(lang.NoCurrentUser.Format(err)))
	}
	uid := os.Getuid()
	if uid == 0 {
		return store.Actor{System: me.Username}, nil
	}
	st, err := os.Stat(m.DBPath)
	if err == nil {
		if sys, ok := st.Sys().(*syscall.Stat_t); ok && strconv.Itoa(int(sys.Uid)) == strconv.Itoa(uid) {
			return store.Actor{System: me.Username}, nil
		}
	}
	return store.Actor{}, fmt.Errorf("%s", m.tr(lang.ManagerOrOwnerOnly.Format(m.DBPath)))
}
