package demo

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"frontdesk/store"
)

// TestNetworkTree checks the demo district's tree without generating it:
// one district, three streets, twelve communities, every code valid for its
// level and every parent in the tree (the district's city excepted).
func TestNetworkTree(t *testing.T) {
	levels := map[string]int{}
	codes := map[string]bool{}
	for _, c := range network {
		codes[c.code] = true
	}
	for _, c := range network {
		levels[c.level]++
		id := store.Identity{Code: c.code, Level: c.level, Parent: c.parent}
		if err := id.Validate(); err != nil {
			t.Errorf("%s: %v", c.code, err)
		}
		if c.level != store.LevelDistrict && !codes[c.parent] {
			t.Errorf("%s: parent %s is not in the demo", c.code, c.parent)
		}
	}
	if levels[store.LevelDistrict] != 1 || levels[store.LevelStreet] != 3 || levels[store.LevelCommunity] != 12 {
		t.Fatalf("levels: got %v, want 1 district, 3 streets, 12 communities", levels)
	}
}

// TestNetworkRefusesUsedFolder checks that a folder already holding one of
// the demo's files is refused before anything is written.
func TestNetworkRefusesUsedFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "140213001.db"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := GenerateNetwork(context.Background(), dir, 1)
	if store.ErrorCode(err) != store.ECONFLICT {
		t.Fatalf("got %v, want ECONFLICT", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "140213.db")); err == nil {
		t.Fatal("a refused demo still wrote the district's file")
	}
}
