package tui

import (
	"strings"
	"testing"
)

// urgentRow is the summary's line with the urgent requests, as shown.
func urgentRow(d *driver) string {
	for _, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, "Urgent") {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

// The 台账 preview keeps whole lines: the figures past the screen's right
// edge (the second column of the summary, in English at 80 columns) are
// reached with >, and < comes back.
func TestDailySideways(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳", Lang: "en"})
	d.key("5")
	d.wantView("< left  > right")
	if row := urgentRow(d); !strings.HasSuffix(row, "Urgent") {
		t.Fatalf("at 80 columns the urgent figure should lie past the edge: %q", row)
	}
	d.key(">")
	if row := urgentRow(d); !strings.HasSuffix(row, "Urgent                                     1") && !strings.HasSuffix(row, " 1") {
		t.Fatalf("after > the urgent figure should show: %q", row)
	}
	d.key("<")
	if row := urgentRow(d); !strings.HasSuffix(row, "Urgent") {
		t.Fatalf("< did not come back: %q", row)
	}
}
