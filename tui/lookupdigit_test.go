package tui

import "testing"

// On the visits list a digit no tab takes opens the lookup with it; then
// every digit is the lookup's, and the returning visitor is offered. A tab's
// digit stays the tab's.
func TestDigitStartsLookup(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("2")
	d.typ("8")
	v := tabAs[visitsTab](t, d.m)
	if v.mode != visitsForm || v.form.value("lookup") != "8" {
		t.Fatalf("after 8: mode %v lookup %q, want the form with 8 in the lookup", v.mode, v.form.value("lookup"))
	}
	for _, r := range "888" {
		d.typ(string(r))
	}
	if got := tabAs[visitsTab](t, d.m).form.value("lookup"); got != "8888" {
		t.Fatalf("lookup: got %q, want 8888 (digits after the first stay in the lookup)", got)
	}
	d.wantView("赵敏")
	d.key("esc", "y")
	d.key("3")
	if _, ok := d.m.shown().(requestsTab); !ok {
		t.Errorf("3 on the visits list: got %T, want the requests tab", d.m.shown())
	}
}
