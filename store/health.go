package store

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"frontdesk/lang"
)

// fullError is the answer to a write that found the disk full.
func fullError() *Error {
	return &Error{Code: EFULL, Text: lang.StorageFull}
}

// Health is what the database can do now, for /healthz and the desk's
// banner.
type Health struct {
	Writable  bool
	Fault     *Error    // why it cannot take writes (EFULL, EREADONLY, ECORRUPT, EBUSY while closing), or nil
	Since     time.Time // when the fault began
	FreeBytes int64     // free space on the volume that holds the file, -1 if unknown
	WALBytes  int64     // size of the write-ahead log
	Backup    BackupState
}

// freeAgain is how much room a full volume must have again before the
// database counts as writable without waiting for the next write; below
// nearlyFull it counts as full before a write has failed.
const (
	freeAgain  = 1 << 20
	nearlyFull = 64 << 10
)

// Health reports whether writes can land, with the volume's free space and
// the WAL's size.
func (db *DB) Health() Health {
	h := Health{FreeBytes: -1, Backup: db.BackupState()}
	var st syscall.Statfs_t
	if syscall.Statfs(filepath.Dir(db.path), &st) == nil {
		h.FreeBytes = int64(st.Bavail) * int64(st.Bsize)
	}
	if fi, err := os.Stat(db.path + "-wal"); err == nil {
		h.WALBytes = fi.Size()
	}
	db.faultMu.Lock()
	if db.fault != nil && db.fault.Code == EFULL && h.FreeBytes >= freeAgain {
		db.fault = nil
	}
	h.Fault, h.Since = db.fault, db.faultAt
	db.faultMu.Unlock()
	switch {
	case h.Fault != nil:
	case h.FreeBytes >= 0 && h.FreeBytes < nearlyFull && !db.readOnly:
		h.Fault = fullError()
	case db.readOnly:
		h.Fault = &Error{Code: EREADONLY, Text: lang.OpenedReadOnly}
	case db.isClosing():
		h.Fault = errClosed
	}
	h.Writable = h.Fault == nil
	return h
}

func (db *DB) isClosing() bool {
	select {
	case <-db.closing:
		return true
	default:
		return false
	}
}

// setFault records what now stops writes.
func (db *DB) setFault(e *Error) {
	db.faultMu.Lock()
	defer db.faultMu.Unlock()
	if db.fault == nil || db.fault.Code != e.Code {
		db.faultAt = time.Now()
	}
	db.fault = e
}

// noteWrite keeps the fault state in step with what writes meet: a full disk
// or a file turned read-only is a fault (logged once, as an error, so it
// reaches stderr too) until a write lands again. A damaged file stays so.
// A write answered busy (another program holding the file's write lock past
// the busy timeout) is a fault the same way, logged once as a warning, so
// /healthz says what the phones are told while it lasts; the desk's banner
// leaves it out, the form that failed says it.
func (db *DB) noteWrite(err error) {
	code := ErrorCode(err)
	switch code {
	case EFULL, EREADONLY, ECORRUPT, EBUSY:
		db.faultMu.Lock()
		was := db.fault
		db.faultMu.Unlock()
		if was == nil || was.Code != code {
			if code == EBUSY {
				slog.Warn("database busy", "db", db.path, "err", err)
			} else {
				slog.Error("database cannot be written", "db", db.path, "code", code, "err", err)
			}
		}
		var e *Error
		errors.As(err, &e)
		db.setFault(e)
	case "":
		db.faultMu.Lock()
		if db.fault != nil && db.fault.Code != ECORRUPT {
			slog.Info("database writable again", "db", db.path, "after", db.fault.Code)
			db.fault = nil
		}
		db.faultMu.Unlock()
	}
}

// refusal is the fault that refuses writes before they are tried: only a
// damaged file. A full disk is tried again, since room may have come back.
func (db *DB) refusal() error {
	db.faultMu.Lock()
	defer db.faultMu.Unlock()
	if db.fault != nil && db.fault.Code == ECORRUPT {
		return db.fault
	}
	return nil
}
