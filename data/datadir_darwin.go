package data

import (
	"os"
	"path/filepath"
)

// dataDir is Plenary's folder in ~/Library/Application Support, where
// macOS programs keep their files.
func dataDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "Library", "Application Support", "Plenary"), nil
}
