package sshdesk

import "time"

// SetFailEvery sets how often a failed sign-in is given back, for the
// length of a test, so a loaded machine's slow attempts refill nothing.
func SetFailEvery(d time.Duration) (restore func()) {
	old := failEvery
	failEvery = d
	return func() { failEvery = old }
}
