package geo

// places gives a marker position (longitude, latitude) to states that the
// boundaries leave out or that may have to be shown without territory:
// Tuvalu (too small for the 1:50m boundaries), and former states, each at
// the middle of the territory it held, which differs from its successor's.
var places = map[string][2]float64{
	"TUV": {179.20, -8.52}, // Funafuti
	"DDR": {12.60, 52.35},  // middle of the former GDR
	"YMD": {48.30, 15.20},  // middle of former South Yemen
	"YAR": {44.20, 15.35},  // Sana'a
	"SUN": {37.62, 55.75},  // Moscow
	"YUG": {20.46, 44.82},  // Belgrade
	"SCG": {20.46, 44.82},  // Belgrade
	"CSK": {15.50, 49.75},  // middle of Czechoslovakia
	"ZZB": {39.30, -6.10},  // Zanzibar
	"TWN": {121.00, 23.70}, // Taiwan
	"VAT": {12.45, 41.90},  // Vatican City, for observer maps
	"PSE": {35.20, 31.90},  // West Bank
}

// MarkerAt returns where the marker of state iso3 goes: its entry in the
// table of places above if it has one (so a former state's marker sits on
// the territory it held), otherwise the anchor of its own shape, otherwise
// that of its first successor with a shape.
func (w *World) MarkerAt(iso3 string, l Lineage) (Point, bool) {
	if ll, ok := places[iso3]; ok {
		x, y := Project(ll[0], ll[1])
		return Point{x, y}, true
	}
	if s, ok := w.shapes[iso3]; ok {
		return s.Anchor, true
	}
	for _, d := range descendants(iso3, l.Successors) {
		if s, ok := w.shapes[d]; ok {
			return s.Anchor, true
		}
	}
	return Point{}, false
}
