package report_test

import (
	"testing"

	"frontdesk/report"
)

// TestNeutralize: text that a spreadsheet would run as a formula gets an
// apostrophe; plain numbers and ordinary text pass unchanged.
func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","点我")`: `'=HYPERLINK("http://x","点我")`,
		"+1+cmd|' /C calc'!A0":        "'+1+cmd|' /C calc'!A0",
		"-2+3":                        "'-2+3",
		"@SUM(A1)":                    "'@SUM(A1)",
		"\tx":                         "'\tx",
		"\rx":                         "'\rx",
		"-5":                          "-5",
		"+86":                         "+86",
		"张三":                          "张三",
		"":                            "",
	} {
		if got := report.Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}
