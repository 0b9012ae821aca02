package assets

import "embed"

// BuiltinFile is the name, inside Builtin, of the General Assembly history
// built into Plenary (see package plenary/data/builtin for its format and
// scripts/builtin for how it is made).
const BuiltinFile = "builtin/history.bin"

// Builtin holds the built-in history and its README (provenance, licence,
// citation). The folder is embedded whole so that the program still builds
// while the history file is being regenerated.
//
//go:embed builtin
var Builtin embed.FS
