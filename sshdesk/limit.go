package sshdesk

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Failed sign-ins allowed from one address: a burst of failBurst, then one
// more every failEvery. A person with a few keys in their agent stays well
// inside it; a password guesser gets a few guesses a minute.
const failBurst = 10

// failEvery is a variable only so that a test on a slow machine can stop
// the allowance refilling while it counts.
var failEvery = 6 * time.Second

// failureLimit counts failed sign-ins per address. While an address has
// used up its allowance every attempt from it is refused unchecked, the
// right password included, until the allowance refills.
type failureLimit struct {
	mu     sync.Mutex
	byAddr map[string]*rate.Limiter
}

func newFailureLimit() *failureLimit {
	return &failureLimit{byAddr: map[string]*rate.Limiter{}}
}

// blocked reports whether addr has no failed attempt left.
func (f *failureLimit) blocked(addr string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	l, ok := f.byAddr[addr]
	return ok && l.Tokens() < 1
}

// fail counts one failed attempt from addr.
func (f *failureLimit) fail(addr string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	l, ok := f.byAddr[addr]
	if !ok {
		if len(f.byAddr) >= 4096 {
			f.forgetRecovered()
		}
		l = rate.NewLimiter(rate.Every(failEvery), failBurst)
		f.byAddr[addr] = l
	}
	l.Allow()
}

// forgetRecovered drops addresses whose allowance is whole again, so a scan
// from many addresses does not grow the map without end.
func (f *failureLimit) forgetRecovered() {
	for addr, l := range f.byAddr {
		if l.Tokens() >= failBurst {
			delete(f.byAddr, addr)
		}
	}
}
