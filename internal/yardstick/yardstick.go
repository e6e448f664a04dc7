// Package yardstick holds the servers the kiosk's submissions are measured
// against: what this machine allows for a durable check-in, nothing of
// frontdesk in them. kiosk's BenchmarkSubmit runs them in its process, and
// tools/bareserver serves one for a load sent from outside (make wrk).
package yardstick

import (
	"database/sql"
	"net/http"
	"net/url"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

// Open makes the yardstick's file at path: one table, the check-in's
// fields as posted, WAL at synchronous=FULL, one connection.
func Open(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS visits (id INTEGER PRIMARY KEY, name TEXT, phone TEXT, org TEXT,
		purpose TEXT, party_member INTEGER, headcount INTEGER, created_at INTEGER)`); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

const insert = "INSERT INTO visits (name, phone, org, purpose, party_member, headcount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"

// row is a posted check-in as the yardsticks store it.
func row(f url.Values) []any {
	return []any{f.Get("name"), f.Get("phone"), f.Get("org"), f.Get("purpose"), f.Get("party_member") != "", f.Get("headcount"), time.Now().Unix()}
}

// GroupCommit is the bare handler: parse the form and one INSERT, the
// inserts waiting at the moment committed together (plain group commit,
// one fsync per batch as synchronous=FULL demands), nothing else, then 303
// as the kiosk answers. stop ends its committer.
func GroupCommit(db *sql.DB) (h http.Handler, stop func(), err error) {
	type job struct {
		row  []any
		done chan error
	}
	st, err := db.Prepare(insert)
	if err != nil {
		return nil, nil, err
	}
	jobs := make(chan job, 1024)
	quit, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		defer st.Close()
		for {
			var batch []job
			select {
			case j := <-jobs:
				batch = append(batch, j)
			case <-quit:
				return
			}
		gather:
			for len(batch) < 128 {
				select {
				case j := <-jobs:
					batch = append(batch, j)
				default:
					break gather
				}
			}
			tx, err := db.Begin()
			if err == nil {
				ins := tx.Stmt(st)
				for _, j := range batch {
					if _, err = ins.Exec(j.row...); err != nil {
						break
					}
				}
				if err == nil {
					err = tx.Commit()
				} else {
					tx.Rollback()
				}
			}
			for _, j := range batch {
				j.done <- err
			}
		}
	}()
	h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		j := job{row: row(r.PostForm), done: make(chan error, 1)}
		jobs <- j
		answer(w, r, <-j.done)
	})
	return h, func() { close(quit); <-finished }, nil
}

// OneCommit is the fsync-bound figure: parse the form and one INSERT
// committed on its own, one fsync per request.
func OneCommit(db *sql.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		_, err := db.Exec(insert, row(r.PostForm)...)
		answer(w, r, err)
	})
}

// answer is 303 to a receipt, as the kiosk answers, or the error as 500.
func answer(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/receipt/x", http.StatusSeeOther)
}
