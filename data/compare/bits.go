package compare

import "math/bits"

// A bitset holds one bit per table row (roll call), in row order; row r is
// bit r%64 of word r/64. Rows past the end of the table are always zero, so
// population counts need no trimming.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, words(n)) }

func words(n int) int { return (n + 63) / 64 }

func (b bitset) set(r int)      { b[r>>6] |= 1 << (uint(r) & 63) }
func (b bitset) has(r int) bool { return b[r>>6]&(1<<(uint(r)&63)) != 0 }

// setRange sets rows [from, to).
func (b bitset) setRange(from, to int) {
	for from < to && from&63 != 0 {
		b.set(from)
		from++
	}
	for ; from+64 <= to; from += 64 {
		b[from>>6] = ^uint64(0)
	}
	for ; from < to; from++ {
		b.set(from)
	}
}

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// rows lists the set rows in ascending order.
func (b bitset) rows() []int {
	out := make([]int, 0, b.count())
	for i, w := range b {
		for w != 0 {
			out = append(out, i<<6+bits.TrailingZeros64(w))
			w &= w - 1
		}
	}
	return out
}

// rangeMask is the word of a bitset that keeps rows [from, to) of word w.
func rangeMask(w, from, to int) uint64 {
	lo, hi := w<<6, w<<6+64
	if from >= hi || to <= lo {
		return 0
	}
	m := ^uint64(0)
	if from > lo {
		m <<= uint(from - lo)
	}
	if to < hi {
		m &= ^uint64(0) >> uint(hi-to)
	}
	return m
}
