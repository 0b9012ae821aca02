package change

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// plainUPGMA is UPGMA as the textbook gives it, the reference for upgma:
// every scan recomputes every mean from the sums, over fresh tables of
// all 2n−1 clusters.
func plainUPGMA(d [][]float64, names []string) []Merge {
	n := len(d)
	total := 2*n - 1
	sum := make([][]float64, total)
	cnt := make([][]int, total)
	first := make([]string, total)
	for i := range total {
		sum[i], cnt[i] = make([]float64, total), make([]int, total)
	}
	for i := range n {
		first[i] = names[i]
		for j := range n {
			if i != j && !math.IsNaN(d[i][j]) {
				sum[i][j], cnt[i][j] = d[i][j], 1
			}
		}
	}
	active := make([]int, n)
	for i := range active {
		active[i] = i
	}
	avg := func(a, b int) float64 {
		if cnt[a][b] == 0 {
			return 1
		}
		return sum[a][b] / float64(cnt[a][b])
	}
	var merges []Merge
	for next := n; len(active) > 1; next++ {
		ba, bb, bd := -1, -1, math.Inf(1)
		for x := 0; x < len(active); x++ {
			for y := x + 1; y < len(active); y++ {
				a, b := active[x], active[y]
				v := avg(a, b)
				if v < bd-1e-12 || (math.Abs(v-bd) <= 1e-12 && plainTieFirst(first, a, b, ba, bb)) {
					ba, bb, bd = a, b, v
				}
			}
		}
		if first[bb] < first[ba] {
			ba, bb = bb, ba
		}
		merges = append(merges, Merge{A: ba, B: bb, Height: bd})
		first[next] = first[ba]
		var keep []int
		for _, c := range active {
			if c == ba || c == bb {
				continue
			}
			sum[next][c] = sum[ba][c] + sum[bb][c]
			cnt[next][c] = cnt[ba][c] + cnt[bb][c]
			sum[c][next], cnt[c][next] = sum[next][c], cnt[next][c]
			keep = append(keep, c)
		}
		active = append(keep, next)
	}
	return merges
}

// plainTieFirst orders pairs at the same distance by their first codes.
func plainTieFirst(first []string, a, b, ba, bb int) bool {
	if ba < 0 {
		return true
	}
	ka := [2]string{min(first[a], first[b]), max(first[a], first[b])}
	kb := [2]string{min(first[ba], first[bb]), max(first[ba], first[bb])}
	return ka[0] < kb[0] || ka[0] == kb[0] && ka[1] < kb[1]
}

// TestUPGMAAsPlain: upgma makes the merges, heights included, of the
// textbook algorithm on distances with unknown pairs, exact ties (states
// that vote alike) and near ties, and on the smallest inputs.
func TestUPGMAAsPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 300 {
		n := 1 + trial%40
		names := make([]string, n)
		for i := range names {
			names[i] = string(rune('A'+rng.IntN(26))) + string(rune('A'+i/26)) + string(rune('A'+i%26)) // unique, as codes are
		}
		d := make([][]float64, n)
		for i := range d {
			d[i] = make([]float64, n)
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				var v float64
				switch r := rng.Float64(); {
				case r < 0.1:
					v = math.NaN()
				case r < 0.4:
					v = float64(rng.IntN(4)) / 4 // exact ties
				case r < 0.5:
					v = 0.5 + float64(rng.IntN(3))*1e-13 // ties within the tolerance
				default:
					v = rng.Float64()
				}
				d[i][j], d[j][i] = v, v
			}
		}
		got, want := upgma(d, names), plainUPGMA(d, names)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (%d states): merges\n%v\nwant\n%v", trial, n, got, want)
		}
	}
	if m := upgma(nil, nil); m != nil {
		t.Errorf("no states: merges %v", m)
	}
}

// upgmaInput is distances among 190 states, a fifth of them exact ties,
// as a General Assembly's agreement gives them.
func upgmaInput() ([][]float64, []string) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 190
	names := make([]string, n)
	d := make([][]float64, n)
	for i := range d {
		names[i] = string(rune('A'+i/26)) + string(rune('A'+i%26))
		d[i] = make([]float64, n)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			v := rng.Float64()
			if rng.IntN(5) == 0 {
				v = float64(rng.IntN(10)) / 10
			}
			d[i][j], d[j][i] = v, v
		}
	}
	return d, names
}

// BenchmarkUPGMA clusters 190 states, beside the textbook algorithm.
func BenchmarkUPGMA(b *testing.B) {
	d, names := upgmaInput()
	b.Run("kept-means", func(b *testing.B) {
		for b.Loop() {
			upgma(d, names)
		}
	})
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			plainUPGMA(d, names)
		}
	})
}
