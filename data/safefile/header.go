package safefile

import (
	"io"
	"os"
)

// SQLiteHeader is the 16 bytes every SQLite 3 database file starts with.
const SQLiteHeader = "SQLite format 3\x00"

// IsDatabase reports whether the file at path starts with SQLite's header.
// A file that cannot be read is not one.
func IsDatabase(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return HasDatabaseHeader(f)
}

// HasDatabaseHeader reports whether r starts with SQLite's header, reading
// at most its 16 bytes: for a caller that already holds the file open (to
// lock it, or to tell a permission error from a foreign file).
func HasDatabaseHeader(r io.Reader) bool {
	head := make([]byte, len(SQLiteHeader))
	n, _ := io.ReadFull(r, head)
	return string(head[:n]) == SQLiteHeader
}
