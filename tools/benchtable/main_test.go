package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestMedianTable(t *testing.T) {
	in := `goos: linux
pkg: frontdesk/store
BenchmarkClash-2   	  1000	   3000 ns/op	  10 allocs/op
BenchmarkClash-2   	  1000	   1000 ns/op	  12 allocs/op
BenchmarkClash-2   	  1000	   2000 ns/op	  11 allocs/op
pkg: frontdesk/kiosk
BenchmarkSubmit/c64-2   	  1	   5000000 ns/op	  900.5 req/s	 0.7 ratio
BenchmarkSubmit/kiosk/conns=64-2   	  1	   5000000 ns/op	  600 req/s
BenchmarkSubmit/bare/conns=64-2   	  1	   5000000 ns/op	  800 req/s
ok  	frontdesk/store	1.0s
`
	var out bytes.Buffer
	if err := run(strings.NewReader(in), &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"store", "BenchmarkClash-2", "2.0 µs/op", "11 allocs/op", "kiosk", "5.00 ms/op", "900.50 req/s", "0.70 ratio", "0.75× bare"} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
}

func TestFailureIsAnError(t *testing.T) {
	in := "pkg: x\n--- FAIL: BenchmarkX\nFAIL\n"
	if err := run(strings.NewReader(in), io.Discard, io.Discard); err == nil {
		t.Fatal("got nil error for a failed benchmark run, want an error")
	}
}
