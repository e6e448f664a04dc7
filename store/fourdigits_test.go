package store

import (
	"fmt"
	"testing"
)

// TestFourDigits: a receipt's number has four digits at least, as %04d
// spells it, and more once a day passes 9999.
func TestFourDigits(t *testing.T) {
	for n, want := range map[int]string{1: "0001", 42: "0042", 999: "0999", 9999: "9999", 10000: "10000", 123456: "123456"} {
		if got := fourDigits(n); got != want || got != fmt.Sprintf("%04d", n) {
			t.Errorf("fourDigits(%d) = %q, want %q", n, got, want)
		}
	}
}
