package tui

import (
	"context"
	"testing"

	"frontdesk/store"
)

// The 承办人 field offers the names used before that contain what was
// typed; ↓ and enter take one and go on to the next field.
func TestHandlerOffered(t *testing.T) {
	db, clk := mustOpen(t, true)
	seed(t, db, clk)
	ctx := context.Background()
	for _, h := range []string{"街道民政科", "街道民政科", "社区居委会"} {
		if _, err := db.CreateRequest(ctx, store.RequestInput{Name: "甲", Phone: "13600003333", Category: "policy",
			Description: "咨询", Handler: h, Actor: "王芳"}); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, db, Options{Staff: "王芳"})
	d.key("3", "n")
	d.edit(func(t tab) tab { r := t.(requestsTab); r.form.setFocus("handler"); return r })
	d.typ("民政")
	d.wantView("街道民政科")
	d.key("down", "enter")
	r := tabAs[requestsTab](t, d.m)
	if got := r.form.value("handler"); got != "街道民政科" {
		t.Fatalf("handler: got %q, want the name picked", got)
	}
	if got := r.form.focused(); got != "promised_by" {
		t.Errorf("focus: got %q, want the next field", got)
	}
	if r.mode != requestsForm {
		t.Errorf("enter on an offer submitted the form")
	}
}
