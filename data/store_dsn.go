package data

import "strings"

// The connection parameters more than one connection of the store sets.
const (
	// paramDefensive: no SQL may corrupt the file on purpose
	// (writable_schema and the like).
	paramDefensive = "_defensive=1"
	// paramUntrustedSchema: no function or view in a file's schema runs
	// with more rights than the statement that reads it, since the file may
	// come from anywhere.
	paramUntrustedSchema = "_pragma=trusted_schema(0)"
	// paramBusyTimeout: wait for another connection's write rather than
	// fail at once.
	paramBusyTimeout = "_pragma=busy_timeout(15000)"
)

// dsn is the connection string that opens the file at path with the given
// parameters, in their order (the driver runs the _pragma ones in turn):
// the driver's own (_pragma=…, _defensive, _txlock) and SQLite's URI ones
// (mode=ro, immutable=1). The name is escaped, so that no character in it
// is read as part of the URI.
func dsn(path string, params ...string) string {
	return "file:" + escapePath(path) + "?" + strings.Join(params, "&")
}

// checkDSN opens a file only to look at it, before it is used: read-only
// in the way ro (see readOnlyMode) says, with no pragma that writes.
func checkDSN(path, ro string) string {
	return dsn(path, ro, paramDefensive, paramUntrustedSchema, paramBusyTimeout)
}

// escapePath makes a file name safe inside a file: URI.
func escapePath(p string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(p)
}
