package geo

import "math"

// Equal Earth coefficients (Šavrič, Patterson and Jenny, "The Equal Earth
// map projection", International Journal of Geographical Information
// Science 33(3), 2019, pp. 454–465, published online 2018).
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

// eeM is √3/2, the factor of the parametric latitude.
var eeM = math.Sqrt(3) / 2

// Project maps longitude and latitude (degrees) to Equal Earth coordinates
// on the unit sphere. Maps use an equal-area projection so that large
// states do not look more numerous than they are; Equal Earth keeps the
// continents' shapes familiar as well. With θ = asin(√3/2 · sin φ):
//
//	x = 2√3 λ cos θ / (3 (9 A4 θ⁸ + 7 A3 θ⁶ + 3 A2 θ² + A1))
//	y = A4 θ⁹ + A3 θ⁷ + A2 θ³ + A1 θ
//
// Latitudes are clamped to ±90° and longitudes wrapped to ±180°.
func Project(lon, lat float64) (x, y float64) {
	if lon > 180 || lon < -180 {
		lon = math.Remainder(lon, 360)
	}
	lat = math.Max(-90, math.Min(90, lat))
	lam := lon * math.Pi / 180
	phi := lat * math.Pi / 180
	t := math.Asin(eeM * math.Sin(phi))
	t2 := t * t
	t6 := t2 * t2 * t2
	y = t * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	x = lam * math.Cos(t) / (eeM * (eeA1 + 3*eeA2*t2 + t6*(7*eeA3+9*eeA4*t2)))
	return x, y
}
