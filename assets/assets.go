// Package assets holds the files built into the Plenary binary: the
// sample data a first start shows, and the application icon.
package assets

import "embed"

// Sample is the built-in sample: sample/votes.csv (Plenary CSV) with the
// three roll calls of 24 February 2025 on Ukraine, and sample/positions.csv
// with the positions recorded that day.
//
//go:embed sample/votes.csv sample/positions.csv
var Sample embed.FS

// Icon is the application icon (512×512 PNG): three vote bars in the
// yes, no and abstain colours.
//
//go:embed icon.png
var Icon []byte
