package hub

import "github.com/jackc/pgx/v5/pgxpool"

// Pool lets the tests look into the hub's tables.
func Pool(h *Hub) *pgxpool.Pool { return h.pool }

// SetTestHookCommitted sets what runs between a batch's commit on the hub
// and its acknowledgement in the center's file; nil removes it.
func SetTestHookCommitted(fn func() error) { testHookCommitted = fn }

// SetVisitorMonthsUpTo sets the longest period whose distinct visitors are
// counted month by month, and returns what puts it back.
func SetVisitorMonthsUpTo(n int) (restore func()) {
	old := visitorMonthsUpTo
	visitorMonthsUpTo = n
	return func() { visitorMonthsUpTo = old }
}
