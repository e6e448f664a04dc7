package store_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"frontdesk/store"
)

// FuzzNormalizePhone: whatever is typed, an accepted phone is digits with
// at most one dash, of a mobile's or landline's length, and normalising it
// again changes nothing.
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"13812345678", "+86 138-1234-5678", "8613812345678", "010-12345678",
		"0352 1234567", "(0352)1234567", "12345", "", "+1 202 555 0100", "１３８１２３４５６７８", "138\x0012345678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, ok := store.NormalizePhone(in)
		if !ok {
			if p != "" {
				t.Fatalf("NormalizePhone(%q) refused but returned %q", in, p)
			}
			return
		}
		if strings.Count(p, "-") > 1 || strings.Trim(p, "0123456789-") != "" {
			t.Fatalf("NormalizePhone(%q) = %q, want digits and at most one dash", in, p)
		}
		if d := strings.ReplaceAll(p, "-", ""); len(d) < 10 || len(d) > 12 {
			t.Fatalf("NormalizePhone(%q) = %q: %d digits, want 10–12", in, p, len(d))
		}
		again, ok := store.NormalizePhone(p)
		if !ok || again != p {
			t.Fatalf("NormalizePhone(%q) = %q, %v; want %q again", p, again, ok, p)
		}
		if m := store.MaskPhone(p); !strings.Contains(m, "****") {
			t.Fatalf("MaskPhone(%q) = %q, want the middle hidden", p, m)
		}
	})
}

// cleanOutput checks what validation lets through: valid UTF-8, no control
// characters outside multiline text, nothing longer than max runes.
func cleanOutput(t *testing.T, field, s string, max int, multiline bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s %q passed validation as invalid UTF-8", field, s)
	}
	if n := utf8.RuneCountInString(s); n > max {
		t.Fatalf("%s passed with %d runes, want at most %d", field, n, max)
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			t.Fatalf("%s %q passed with control rune %U", field, s, r)
		}
	}
	if s != strings.TrimSpace(s) {
		t.Fatalf("%s %q passed untrimmed", field, s)
	}
}

// FuzzVisitInput: validation never panics, what it passes is clean, and
// validating its own output again gives the same result.
func FuzzVisitInput(f *testing.F) {
	f.Add("张三", "13812345678", "新建南路社区", "咨询", 1, "")
	f.Add("<script>", "", "", "party_report", 30, "多行\n备注")
	f.Add("\u202e三张", "abc", "\x00", "nope", -1, "\xff")
	f.Fuzz(func(t *testing.T, name, phone, org, purpose string, headcount int, note string) {
		in := store.VisitInput{Name: name, Phone: phone, Org: org, Purpose: purpose, Headcount: headcount, Note: note, Actor: "kiosk", Source: "kiosk"}
		out, err := in.Validate()
		if err != nil {
			if store.ErrorCode(err) != store.EINVALID || store.ErrorField(err) == "" {
				t.Fatalf("Validate(%+v): got %v, want EINVALID naming a field", in, err)
			}
			if store.ErrorMessage(err, "zh") == "" || store.ErrorMessage(err, "en") == "" {
				t.Fatalf("Validate(%+v): an error without a message", in)
			}
			return
		}
		cleanOutput(t, "name", out.Name, 30, false)
		cleanOutput(t, "org", out.Org, 60, false)
		cleanOutput(t, "note", out.Note, 200, true)
		if out.Headcount < 1 || out.Headcount > 500 {
			t.Fatalf("headcount %d passed", out.Headcount)
		}
		again, err := out.Validate()
		if err != nil || again != out {
			t.Fatalf("validating the output again: %+v, %v; want %+v", again, err, out)
		}
	})
}

// FuzzRequestInput is FuzzVisitInput for the request form.
func FuzzRequestInput(f *testing.F) {
	f.Add("张三", "13812345678", "网格一", "社保医保", "紧急", "楼道灯坏了")
	f.Add("", "+8613812345678", "", "other", "", "<b>x</b>")
	f.Add("a\x07", "0352-1234567", "\u2066", "x", "urgent", strings.Repeat("长", 1001))
	f.Fuzz(func(t *testing.T, name, phone, community, category, urgency, desc string) {
		in := store.RequestInput{Name: name, Phone: phone, Community: community, Category: category, Urgency: urgency, Description: desc, Actor: "kiosk", Source: "kiosk"}
		out, err := in.Validate()
		if err != nil {
			if store.ErrorCode(err) != store.EINVALID || store.ErrorField(err) == "" {
				t.Fatalf("Validate(%+v): got %v, want EINVALID naming a field", in, err)
			}
			return
		}
		cleanOutput(t, "name", out.Name, 30, false)
		cleanOutput(t, "community", out.Community, 60, false)
		cleanOutput(t, "description", out.Description, 1000, true)
		if out.Description == "" || out.Phone == "" {
			t.Fatalf("required fields passed empty: %+v", out)
		}
		again, err := out.Validate()
		if err != nil || again != out {
			t.Fatalf("validating the output again: %+v, %v; want %+v", again, err, out)
		}
	})
}

// FuzzDayAndClock: what parses prints back the same.
func FuzzDayAndClock(f *testing.F) {
	f.Add("2026-11-25", "14:30")
	f.Add("1900-02-29", "24:00")
	f.Add("2026-13-01", "7:5")
	f.Fuzz(func(t *testing.T, day, clock string) {
		if d, err := store.ParseDay(day); err == nil {
			if d2, err := store.ParseDay(d.String()); err != nil || d2 != d {
				t.Fatalf("ParseDay(%q) = %v, then %v, %v", day, d, d2, err)
			}
			if d.AddDays(1).AddDays(-1) != d {
				t.Fatalf("AddDays round trip of %v", d)
			}
		}
		if c, err := store.ParseClock(clock); err == nil {
			if c.String() != clock {
				t.Fatalf("ParseClock(%q) prints as %q", clock, c.String())
			}
			if c.Minutes() < 0 || c.Minutes() > 24*60 {
				t.Fatalf("ParseClock(%q) = %d minutes", clock, c.Minutes())
			}
		}
	})
}
