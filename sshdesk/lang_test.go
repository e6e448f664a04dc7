package sshdesk

import "testing"

func TestClientLang(t *testing.T) {
	for _, tc := range []struct {
		name     string
		env      []string
		fallback string
		want     string
	}{
		{"LANG", []string{"LANG=en_US.UTF-8"}, "zh", "en"},
		{"LANGChinese", []string{"LANG=zh_CN.UTF-8"}, "en", "zh"},
		{"LC_ALLFirst", []string{"LANG=zh_CN.UTF-8", "LC_ALL=en_GB.UTF-8"}, "zh", "en"},
		{"LC_MESSAGESBeforeLANG", []string{"LANG=en_US.UTF-8", "LC_MESSAGES=zh_TW.UTF-8"}, "en", "zh"},
		{"POSIXKeepsFallback", []string{"LANG=C.UTF-8"}, "zh", "zh"},
		{"OtherLanguage", []string{"LC_ALL=de_DE.UTF-8", "LANG=en_US.UTF-8"}, "zh", "zh"},
		{"Nothing", []string{"TERM=xterm"}, "en", "en"},
		{"EmptyIsUnset", []string{"LC_ALL=", "LANG=en_US"}, "zh", "en"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := clientLang(tc.env, tc.fallback); got != tc.want {
				t.Fatalf("clientLang(%q, %q) = %q, want %q", tc.env, tc.fallback, got, tc.want)
			}
		})
	}
}
