package compare

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// Matrix is the agreement between every pair of the selected countries.
// It stores each pair once; Score reads it either way round.
type Matrix struct {
	Countries []string
	Metric    Metric
	self      []int32 // per country: roll calls of its agreement with itself
	n, num2   []int32 // per pair i < j, see pairIndex
}

// pairIndex numbers the pairs i < j of k countries row by row.
func pairIndex(i, j, k int) int { return i*(2*k-i-1)/2 + (j - i - 1) }

func newMatrix(countries []string, m Metric, self, n, num2 []int32) Matrix {
	return Matrix{Countries: countries, Metric: m, self: self, n: n, num2: num2}
}

// Score is the agreement of Countries[i] with Countries[j]. A country
// agrees with itself fully, over the roll calls on which it voted.
func (mx *Matrix) Score(i, j int) Score {
	if i == j {
		n := int(mx.self[i])
		return score(2*n, n)
	}
	if i > j {
		i, j = j, i
	}
	p := pairIndex(i, j, len(mx.Countries))
	return score(int(mx.num2[p]), int(mx.n[p]))
}

// Find returns the position of a country in Countries, or -1.
func (mx *Matrix) Find(iso3 string) int { return slices.Index(mx.Countries, iso3) }

// Matrix computes the agreement of every pair of selected countries over
// the whole selection.
func (s *Selection) Matrix(m Metric) Matrix {
	k := len(s.Countries)
	pairs := k * (k - 1) / 2
	self, n, num2 := make([]int32, k), make([]int32, pairs), make([]int32, pairs)
	s.fill(m, s.whole(), self, n, num2, nil)
	return newMatrix(s.Countries, m, self, n, num2)
}

// YearMatrix is the agreement matrix of one calendar year.
type YearMatrix struct {
	Year int
	Matrix
}

// AllPairsPerYear computes the agreement of every pair of selected
// countries in every year of the selection: the heaviest computation
// Plenary offers (about 20,000 pairs in each of 75 years for the full
// General Assembly history). Years without any roll call selected are
// left out; pairs that never met in a year have n = 0 there. Undated roll
// calls come first, as year Undated.
func (s *Selection) AllPairsPerYear(m Metric) []YearMatrix {
	wins := s.yearWindows()
	var years []int
	for _, w := range wins {
		years = append(years, w.year)
	}
	slices.Sort(years)
	years = slices.Compact(years)
	k := len(s.Countries)
	pairs := k * (k - 1) / 2
	// One allocation for all years: they are used together.
	backing := make([]int32, len(years)*(k+2*pairs))
	out := make([]YearMatrix, len(years))
	for i, y := range years {
		b := backing[i*(k+2*pairs) : (i+1)*(k+2*pairs)]
		out[i] = YearMatrix{Year: y, Matrix: newMatrix(s.Countries, m, b[:k:k], b[k:k+pairs:k+pairs], b[k+pairs:])}
	}
	var scratch []uint64
	for _, w := range wins {
		i, _ := slices.BinarySearchFunc(out, w.year, func(ym YearMatrix, y int) int { return cmp.Compare(ym.Year, y) })
		scratch = s.fill(m, w.window, out[i].self, out[i].n, out[i].num2, scratch)
	}
	return out
}

// fill adds the counts of one window to a matrix's storage. It gathers
// every country's votes in the window into one contiguous scratch buffer
// (small enough for the processor's cache when the window is a year) and
// compares only the countries that voted there. It returns the scratch
// buffer for reuse.
func (s *Selection) fill(m Metric, win window, self, n, num2 []int32, scratch []uint64) []uint64 {
	k, nw := len(s.members), win.len()
	stride := 4 * nw
	scratch = grow(scratch, k*stride)
	active := make([]int, 0, k)
	for i, mem := range s.members {
		if s.gather(mem, win, scratch[i*stride:(i+1)*stride]) {
			active = append(active, i)
			self[i] += int32(selfCount(m, scratch[i*stride:(i+1)*stride], nw))
		}
	}
	rows := func(from, to int) {
		for x := from; x < to; x++ {
			i := active[x]
			a := scratch[i*stride : (i+1)*stride]
			row := i*(2*k-i-1)/2 - i - 1 // pairIndex(i, j, k) = row + j
			for _, j := range active[x+1:] {
				c2, c := count(m, a, scratch[j*stride:(j+1)*stride], nw)
				n[row+j] += int32(c)
				num2[row+j] += int32(c2)
			}
		}
	}
	// The rows are shared among the cores, each part with about as many
	// pairs, when there is enough work to pay for the goroutines. Each
	// part writes its own rows' pairs.
	parts := min(runtime.GOMAXPROCS(0), 8)
	total := len(active) * (len(active) - 1) / 2
	if parts < 2 || total*nw < 1<<15 {
		rows(0, len(active))
		return scratch
	}
	var wg sync.WaitGroup
	from, done := 0, 0
	for p := 1; p <= parts; p++ {
		to := from
		for to < len(active) && done < total*p/parts {
			done += len(active) - to - 1
			to++
		}
		if p == parts {
			to = len(active)
		}
		if to > from {
			wg.Add(1)
			go func(from, to int) {
				defer wg.Done()
				rows(from, to)
			}(from, to)
		}
		from = to
	}
	wg.Wait()
	return scratch
}
