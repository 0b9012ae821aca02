//go:build !unix && !windows

package safefile

// writable reports true where the system offers no cheap check: the mode
// has been checked, and the write itself fails with a clear error.
func writable(string) bool { return true }

func diskFull(error) bool     { return false }
func notFolder(error) bool    { return false }
func readOnlyDisk(error) bool { return false }
func inUse(error) bool        { return false }

// replaceRefused reports false: a rename replaces an open file here.
func replaceRefused(error) bool { return false }
