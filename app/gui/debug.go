package gui

import (
	"fmt"
	"os"
)

func debugf(format string, args ...any) {
	if os.Getenv("PLENARY_DEBUG") != "" {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}
}
