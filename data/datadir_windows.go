package data

import (
	"os"
	"path/filepath"
)

// dataDir is Plenary's folder in the user's roaming application data
// (%AppData%\Plenary), where Windows programs keep their files.
func dataDir() (string, error) {
	dir, err := os.UserConfigDir() // %AppData%
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "Plenary"), nil
}
