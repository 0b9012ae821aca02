// Package locale repairs the process locale before Fyne reads it. Fyne
// parses LANG when its lang package initialises and logs an error for the
// POSIX "C" locale that scripts, containers and CI run with; importing this
// package first (it has no dependencies that Fyne's packages would have to
// wait for) sets a UTF-8 English locale instead when the current one cannot
// be parsed as a language tag.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if usable(v) {
			return
		}
		os.Setenv(k, "en_US.UTF-8")
	}
	if os.Getenv("LANG") == "" {
		os.Setenv("LANG", "en_US.UTF-8")
	}
}

// usable reports whether a POSIX locale name starts with a language code,
// as "en_US.UTF-8" does and "C" or "POSIX" do not.
func usable(v string) bool {
	if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
		return false
	}
	return len(v) >= 2 && v[0] >= 'a' && v[0] <= 'z' && v[1] >= 'a' && v[1] <= 'z'
}
