//go:build !windows && !darwin

package data

import (
	"os"
	"path/filepath"
)

// dataDir is Plenary's folder in the XDG data directory
// ($XDG_DATA_HOME/plenary, by default ~/.local/share/plenary).
func dataDir() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "plenary"), nil
}
