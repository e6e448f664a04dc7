package store

import (
	"slices"
	"sync"
)

// memo keeps the last answer of an expensive read for as long as nothing
// has been written: a commit of this process or a write seen from another
// moves the DB's generation, and the next read computes again. Many desks
// asking at once, as SSH sessions do on the same event, compute once.
type memo[T any] struct {
	mu  sync.Mutex
	gen int64
	key string
	val T
	ok  bool
}

// get returns the answer for key at the DB's current generation, loading it
// when the memo holds another or none. The generation is read before the
// load, so an answer is never tagged newer than the data it saw. A
// read-only handle always loads: no watcher moves its generation.
func (m *memo[T]) get(db *DB, key string, load func() (T, error)) (T, error) {
	if db.readOnly {
		return load()
	}
	gen := db.gen.Load()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ok && m.gen == gen && m.key == key {
		return m.val, nil
	}
	v, err := load()
	if err == nil {
		m.gen, m.key, m.val, m.ok = gen, key, v, true
	}
	return v, err
}

// sharedList is get for a memo of a list: each caller gets its own copy of
// a shared answer, so none can change another's.
func sharedList[E any](db *DB, m *memo[[]E], key string, load func() ([]E, error)) ([]E, error) {
	out, err := m.get(db, key, load)
	if db.readOnly {
		return out, err // loaded for this caller alone
	}
	return slices.Clone(out), err
}
