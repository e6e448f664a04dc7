// Command benchtable reads `go test -bench` output on standard input and
// prints one table: each benchmark with the median of its runs for every
// metric it reported (ns/op, B/op, allocs/op and custom ones such as req/s).
// The raw output is passed through to standard error, so nothing is hidden.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

type series struct {
	pkg     string
	name    string
	metrics map[string][]float64
	order   []string
}

func main() {
	if err := run(os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out, raw io.Writer) error {
	var all []*series
	byKey := map[string]*series{}
	pkg := ""
	failed := false
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(raw, line)
		if strings.HasPrefix(line, "pkg: ") {
			pkg = strings.TrimPrefix(line, "pkg: ")
			continue
		}
		if strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "--- FAIL") {
			failed = true
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		key := pkg + " " + f[0]
		s := byKey[key]
		if s == nil {
			s = &series{pkg: pkg, name: f[0], metrics: map[string][]float64{}}
			byKey[key] = s
			all = append(all, s)
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			unit := f[i+1]
			if _, ok := s.metrics[unit]; !ok {
				s.order = append(s.order, unit)
			}
			s.metrics[unit] = append(s.metrics[unit], v)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(out)
	fmt.Fprintln(tw, "package\tbenchmark\truns\tmedian\t")
	for _, s := range all {
		var cells []string
		runs := 0
		for _, unit := range s.order {
			vs := s.metrics[unit]
			runs = max(runs, len(vs))
			cells = append(cells, format(median(vs), unit))
		}
		if r, ok := ratioToBare(s, byKey); ok {
			cells = append(cells, fmt.Sprintf("%.2f× bare", r))
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t\n", shortPkg(s.pkg), s.name, runs, strings.Join(cells, "  "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if failed {
		return fmt.Errorf("a benchmark failed; see the output above")
	}
	return nil
}

func median(vs []float64) float64 {
	s := append([]float64(nil), vs...)
	sort.Float64s(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// format prints ns/op as a readable duration and other units as they came.
func format(v float64, unit string) string {
	if unit == "ns/op" {
		switch {
		case v >= 1e6:
			return fmt.Sprintf("%.2f ms/op", v/1e6)
		case v >= 1e3:
			return fmt.Sprintf("%.1f µs/op", v/1e3)
		}
		return fmt.Sprintf("%.0f ns/op", v)
	}
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %s", int64(v), unit)
	}
	return fmt.Sprintf("%.2f %s", v, unit)
}

func shortPkg(p string) string { return strings.TrimPrefix(p, "frontdesk/") }

// ratioToBare compares a kiosk load benchmark (a name with "/kiosk/") with
// the bare handler measured beside it (the same name with "/bare/"): the
// ratio of their median req/s.
func ratioToBare(s *series, byKey map[string]*series) (float64, bool) {
	if !strings.Contains(s.name, "/kiosk/") {
		return 0, false
	}
	bare := byKey[s.pkg+" "+strings.Replace(s.name, "/kiosk/", "/bare/", 1)]
	if bare == nil || len(s.metrics["req/s"]) == 0 || len(bare.metrics["req/s"]) == 0 {
		return 0, false
	}
	b := median(bare.metrics["req/s"])
	if b == 0 {
		return 0, false
	}
	return median(s.metrics["req/s"]) / b, true
}
