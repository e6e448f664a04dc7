package main

import (
	"testing"
	"time"
)

// TestSoakCrash is the long crash test: 5,000 submissions from 32 clients,
// killed with SIGKILL part-way.
func TestSoakCrash(t *testing.T) {
	for _, killAt := range []int{500, 2500, 4500} {
		crashRun(t, 5000, 32, killAt)
	}
}

// TestSoakMixedLoad is the long mixed load: 64 connections for 60 s with 20
// open event streams and a desk refreshing on every change.
func TestSoakMixedLoad(t *testing.T) {
	fig := mixedLoad(t, 60*time.Second, 64, 20)
	fig.print(t)
	fig.check(t)
}
