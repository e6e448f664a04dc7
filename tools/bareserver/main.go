// Command bareserver serves the kiosk's yardstick (yardstick.GroupCommit)
// for a load sent from outside the process, as make wrk sends it:
//
//	bareserver FILE ADDR
//
// POST any path with a check-in's form; each answers 303 once its row is
// durable. FILE is made if missing.
package main

import (
	"fmt"
	"net/http"
	"os"

	"frontdesk/internal/yardstick"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: bareserver FILE ADDR")
		os.Exit(2)
	}
	db, err := yardstick.Open(os.Args[1])
	fail(err)
	h, _, err := yardstick.GroupCommit(db)
	fail(err)
	fail(http.ListenAndServe(os.Args[2], h))
}

// fail ends the process with err, if there is one.
func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bareserver:", err)
		os.Exit(1)
	}
}
