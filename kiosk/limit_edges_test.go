package kiosk

import (
	"testing"
	"time"
)

// TestLimiterEdges holds the rate-limit rules make mutate showed
// unguarded: a limit of one a minute still limits, a sweep keeps a bucket
// in use, and a bucket idle past ten minutes is dropped at the next sweep.
func TestLimiterEdges(t *testing.T) {
	t.Run("OneAMinute", func(t *testing.T) {
		l := newLimiter(1)
		if ok, _ := l.take("a"); !ok {
			t.Fatal("the first look-up was refused")
		}
		if ok, _ := l.take("a"); ok {
			t.Fatal("a second look-up within the minute was let through")
		}
	})
	t.Run("SweepKeepsBusyBucket", func(t *testing.T) {
		l := newLimiter(1)
		l.take("a")
		l.mu.Lock()
		l.swept = time.Now().Add(-2 * time.Minute)
		l.mu.Unlock()
		if ok, _ := l.take("a"); ok {
			t.Fatal("a sweep forgot a bucket in use")
		}
	})
	t.Run("IdleBucketDropped", func(t *testing.T) {
		l := newLimiter(1)
		l.take("old")
		l.mu.Lock()
		now := time.Now()
		l.buckets["old"].seen = now.Add(-10*time.Minute - 30*time.Second)
		l.swept = now.Add(-2 * time.Minute)
		l.bucket("new", now)
		_, kept := l.buckets["old"]
		l.mu.Unlock()
		if kept {
			t.Fatal("a bucket idle for 10½ minutes was kept")
		}
	})
}
