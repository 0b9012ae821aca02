package assets

import _ "embed"

// World is the geometry of the world maps: the Natural Earth 1:50m
// country boundaries (public domain) as redistributed by the npm package
// world-atlas 2.0.2, simplified and packed by scripts/mapdata. Package
// charts/geo decodes it; docs/maps.md describes where it comes from.
//
//go:embed world.bin
var World []byte
