package record

import (
	"net/url"
	"regexp"
	"strings"
)

// WebLink reports whether a link read from a file may be opened: an
// https:// or http:// address with a host. Any other scheme — javascript:,
// file:///…, smb://host/share, a custom protocol — is only ever shown as
// text: handed to the system, such an address can start a program or
// send the user's credentials to another machine.
func WebLink(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	return (u.Scheme == "https" || u.Scheme == "http") && u.Hostname() != ""
}

// schemePrefix is an address's scheme, as RFC 3986 writes it.
var schemePrefix = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// LooksLikeLink reports whether s is written as an address or a path
// (javascript:…, smb://host/share, \\host\share) rather than prose, so
// that a source that is no web address but would be taken for a link is
// worth a warning: "UN press release" is not one.
func LooksLikeLink(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	return schemePrefix.MatchString(s) || strings.HasPrefix(s, `\\`)
}
