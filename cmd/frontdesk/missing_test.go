package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingFileNotCreated: a command that works on a center already set
// up refuses a --db that does not exist, says so, and creates no database there (its log line goes to frontdesk.log as usual)
// (a mistyped path used to leave an empty database behind).
func TestMissingFileNotCreated(t *testing.T) {
	for _, args := range [][]string{
		{"sync", "--hub", "postgres://127.0.0.1:1/none"},
		{"staff", "list"},
		{"venue", "list"},
		{"settings"},
		{"purge", "--older-than", "30"},
	} {
		t.Run(args[0], func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "typo.db")
			_, stderr, err := runMain(t, append(args, "--db", db)...)
			if err == nil || !strings.Contains(stderr, "不存在") {
				t.Errorf("%v on a missing file: err %v, stderr %q; want a refusal that says it does not exist", args, err, stderr)
			}
			if left, _ := filepath.Glob(db + "*"); len(left) > 0 {
				t.Errorf("%v created %v", args, left)
			}
		})
	}
}
