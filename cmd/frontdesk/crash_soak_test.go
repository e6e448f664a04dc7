package main

import "testing"

// TestSoakCrash is the long crash test: 5,000 submissions from 32 clients,
// killed with SIGKILL part-way.
func TestSoakCrash(t *testing.T) {
	for _, killAt := range []int{500, 2500, 4500} {
		crashRun(t, 5000, 32, killAt)
	}
}
