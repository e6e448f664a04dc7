package store

import "os"

// FileSchemaVersion returns the schema version written in the header of the
// database file at path, without opening it with SQLite, so it can be read
// from a file this binary would refuse (a newer one) and nothing is written.
// A new, empty file has version 0.
func FileSchemaVersion(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	h, err := readHeader(f)
	if err != nil {
		return 0, corrupt(path, err.Error())
	}
	return h.version, nil
}
