// Package hub is the network's PostgreSQL side: the schema, the sync that
// pushes a center's changes into it, and the rollup that shows a district or
// the city its centers side by side. It reads from store; store never knows
// about it.
package hub

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"frontdesk/lang"
	"frontdesk/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// connectTimeout bounds how long a hub that does not answer is waited for.
const connectTimeout = 5 * time.Second

// Hub is an open connection pool to the hub's database.
type Hub struct {
	pool *pgxpool.Pool
	url  string
}

// Open connects to the hub at url (postgres://…) and checks that it
// answers. It does not touch the schema: Migrate does.
func Open(ctx context.Context, rawURL string) (*Hub, error) {
	if rawURL == "" {
		return nil, store.Errorf(store.EINVALID, lang.HubRequired)
	}
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, store.Errorf(store.EINVALID, lang.HubURLInvalid)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	// Hundreds of centers share one hub, each syncing every few minutes:
	// a center holds few connections and lets them go between syncs, so
	// the hub's connection limit is not spent on idle ones.
	cfg.MaxConns = 4
	cfg.MaxConnIdleTime = 30 * time.Second
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, unreachable(Redact(rawURL), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, unreachable(Redact(rawURL), err)
	}
	return &Hub{pool: pool, url: Redact(rawURL)}, nil
}

// URL returns the hub's address without its password.
func (h *Hub) URL() string { return h.url }

// Close closes the pool.
func (h *Hub) Close() { h.pool.Close() }

// Redact returns the address with any password taken out, fit for logs
// and reports.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// unreachable is the error for a hub that does not answer, or answers with
// an error: EBUSY, since the center works on and tries again later.
func unreachable(where string, err error) error {
	var pe *pgconn.PgError
	// Connection failures (class 08) and a server shutting down (57P0x)
	// mean the hub is gone, not that it refused the work.
	if errors.As(err, &pe) && !strings.HasPrefix(pe.Code, "08") && !strings.HasPrefix(pe.Code, "57P") {
		return &store.Error{Code: store.EBUSY,
			Text: lang.HubError.Format(where, pe.Message)}
	}
	return &store.Error{Code: store.EBUSY,
		Text: lang.HubUnreachable.Format(where, rootCause(err))}
}

// rootCause follows the chain of wrapped errors to its end. Where an error
// joins several (pgx joins one per connection attempt, TLS then plain), it
// follows the last, so the reason is printed once.
func rootCause(err error) error {
	for {
		var next error
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			if list := joined.Unwrap(); len(list) > 0 {
				next = list[len(list)-1]
			}
		} else {
			next = errors.Unwrap(err)
		}
		if next == nil {
			return err
		}
		err = next
	}
}

// Migrations lists the schema files this binary knows, in order.
func Migrations() []string {
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	sort.Strings(names)
	for i, n := range names {
		names[i] = strings.TrimPrefix(n, "migrations/")
	}
	return names
}

// Migrate creates or upgrades the hub's schema: each migration this binary
// has and the hub lacks is applied in its own transaction and recorded by
// name. A hub that records a migration this binary does not know is newer
// and is refused, untouched. It returns the names applied now.
func (h *Hub) Migrate(ctx context.Context) ([]string, error) {
	known := Migrations()
	var applied []string
	err := pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		// One migrator at a time: two `hub init` at once wait for each other.
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(727001)"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT name FROM schema_migrations ORDER BY name")
		if err != nil {
			return err
		}
		have, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		for _, n := range have {
			if !slices.Contains(known, n) {
				return newerSchema(n)
			}
		}
		for _, n := range known {
			if slices.Contains(have, n) {
				continue
			}
			body, err := migrationFS.ReadFile("migrations/" + n)
			if err != nil {
				return err
			}
			// A savepoint per file: each migration is its own unit, and all
			// of them wait on the one lock above.
			err = pgx.BeginFunc(ctx, tx, func(tx pgx.Tx) error {
				if _, err := tx.Exec(ctx, string(body)); err != nil {
					return fmt.Errorf("apply %s: %w", n, err)
				}
				_, err := tx.Exec(ctx, "INSERT INTO schema_migrations (name) VALUES ($1)", n)
				return err
			})
			if err != nil {
				return err
			}
			applied = append(applied, n)
		}
		return nil
	})
	if err != nil {
		var se *store.Error
		if errors.As(err, &se) {
			return nil, err
		}
		return nil, fmt.Errorf("migrate hub %s: %w", h.url, err)
	}
	// A hub that had records before a summary existed gets its summaries
	// made from those records, once, and its planner statistics and
	// visibility map brought up to date for them.
	if !slices.Contains(applied, known[0]) && slices.ContainsFunc(applied, func(n string) bool { return slices.Contains(summaryMigrations, n) }) {
		if err := h.RebuildSummaries(ctx); err != nil {
			return applied, fmt.Errorf("build the summaries of hub %s: %w", h.url, err)
		}
		if _, err := h.pool.Exec(ctx, "VACUUM ANALYZE"); err != nil {
			return applied, fmt.Errorf("vacuum hub %s: %w", h.url, err)
		}
	}
	return applied, nil
}

// summaryMigrations are the migrations that add summaries, which a hub
// upgraded to them builds from the records it holds.
var summaryMigrations = []string{"0003_visit_summaries.sql", "0004_request_days.sql", "0005_month_summaries.sql"}

// checkSchema refuses a hub whose schema is missing or not this binary's.
func (h *Hub) checkSchema(ctx context.Context) error {
	rows, err := h.pool.Query(ctx, "SELECT name FROM schema_migrations ORDER BY name")
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "42P01" {
			return &store.Error{Code: store.ECONFLICT,
				Text: lang.HubNoSchema.Format(h.url)}
		}
		return unreachable(h.url, err)
	}
	have, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return unreachable(h.url, err)
	}
	known := Migrations()
	for _, n := range have {
		if !slices.Contains(known, n) {
			return newerSchema(n)
		}
	}
	if len(have) < len(known) {
		return &store.Error{Code: store.ECONFLICT,
			Text: lang.HubSchemaOld.Format(h.url)}
	}
	return nil
}

// newerSchema is the error for a hub that has a migration this binary lacks.
func newerSchema(name string) error {
	return &store.Error{Code: store.ECONFLICT,
		Text: lang.HubSchemaNew.Format(name)}
}
