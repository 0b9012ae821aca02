package change

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// MaxAutoBlocs is the most blocs the silhouette rule chooses from.
const MaxAutoBlocs = 8

// Merge is one step of the clustering: clusters A and B (indices into
// Blocs.Countries for single states, len(Countries)+k for the cluster
// made by merge k) joined at average distance Height.
type Merge struct {
	A, B   int
	Height float64
}

// Blocs is the outcome of Cluster.
type Blocs struct {
	// Countries are the states clustered, sorted by code whatever order
	// they were given in; Bloc[i] is the bloc (1, 2, …) of Countries[i].
	Countries []string
	Bloc      []int
	K         int
	// Chosen is true when K was chosen by the silhouette rule, false when
	// it was given.
	Chosen bool
	// Silhouette is the mean silhouette width of the blocs (−1..1; higher
	// is better separated).
	Silhouette float64
	// Order lists Countries (as indices) bloc by bloc, each bloc in the
	// order of the dendrogram's leaves: the order of the matrix.
	Order  []int
	Merges []Merge
	// Distance is 1 − agreement of every pair, NaN where the pair shares
	// no roll call.
	Distance [][]float64
}

// Cluster groups states by agreement: average-linkage hierarchical
// clustering (UPGMA) on the distance 1 − agreement, cut into k blocs;
// with k = 0 the number of blocs is the one from 2 to MaxAutoBlocs with
// the highest mean silhouette (the fewest on a tie). agree gives the
// agreement of two of the given states and the roll calls it rests on
// (n = 0: unknown, left out of the averages). The result depends only on
// the set of states and their agreements, never on their order: states
// are sorted by code first, and ties between merges go to the pair whose
// first codes sort first. See docs/change.md.
func Cluster(isos []string, agree func(i, j int) (float64, int), k int) (Blocs, error) {
	n := len(isos)
	if n < 3 {
		return Blocs{}, fmt.Errorf("blocs need three states or more with votes in the selection, not %d", n)
	}
	if k < 0 || k > n {
		return Blocs{}, fmt.Errorf("cannot make %d blocs of %d states", k, n)
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(isos[a], isos[b]) })
	bl := Blocs{Countries: make([]string, n), Distance: make([][]float64, n)}
	for i, o := range idx {
		bl.Countries[i] = isos[o]
		if i > 0 && bl.Countries[i] == bl.Countries[i-1] {
			return Blocs{}, fmt.Errorf("%s is listed twice", isos[o])
		}
	}
	cells := make([]float64, n*n)
	for i := range n {
		bl.Distance[i] = cells[i*n : (i+1)*n]
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			a, m := agree(idx[i], idx[j])
			d := math.NaN()
			if m > 0 && !math.IsNaN(a) {
				d = 1 - math.Max(0, math.Min(1, a))
			}
			bl.Distance[i][j], bl.Distance[j][i] = d, d
		}
	}
	bl.Merges = upgma(bl.Distance, bl.Countries)
	if k == 0 {
		bl.Chosen = true
		best := math.Inf(-1)
		for kk := 2; kk <= min(MaxAutoBlocs, n-1); kk++ {
			if s := silhouette(bl.Distance, cut(bl.Merges, n, kk)); s > best+1e-12 {
				best, k = s, kk
			}
		}
	}
	raw := cut(bl.Merges, n, k)
	leaves := leafOrder(bl.Merges, n)
	bl.K = k
	bl.Bloc = number(raw, leaves, k)
	bl.Silhouette = silhouette(bl.Distance, bl.Bloc)
	for b := 1; b <= k; b++ {
		for _, i := range leaves {
			if bl.Bloc[i] == b {
				bl.Order = append(bl.Order, i)
			}
		}
	}
	return bl, nil
}

// upgma merges the closest two clusters until one is left. Distances
// between clusters are the mean over the pairs of states with a known
// distance (1 when no pair has one). Ties (within 1e-12) go to the pair
// whose first codes come first.
//
// Each cluster's mean distances are kept, not recomputed at every scan,
// in n×n tables where a merged cluster takes the slot of its first part;
// the pairs are scanned in the order the clusters were made, so that the
// merges are those of the plain algorithm (TestUPGMAAsPlain).
func upgma(d [][]float64, names []string) []Merge {
	n := len(d)
	// A cluster is known by its first code, kept as that code's place in
	// sorted order (the codes are distinct): ties and the order of a
	// merge's parts compare them without comparing strings in the scan.
	rank := make([]int, max(2*n-1, 0))
	byCode := make([]int, n)
	for i := range byCode {
		byCode[i] = i
	}
	slices.SortStableFunc(byCode, func(a, b int) int { return strings.Compare(names[a], names[b]) })
	for r, i := range byCode {
		rank[i] = r
	}
	sum, cnt, avg := make([]float64, n*n), make([]int, n*n), make([]float64, n*n)
	mean := func(k int) float64 {
		if cnt[k] == 0 {
			return 1
		}
		return sum[k] / float64(cnt[k])
	}
	for i := range n {
		for j := range n {
			k := i*n + j
			if i != j && !math.IsNaN(d[i][j]) {
				sum[k], cnt[k] = d[i][j], 1
			}
			avg[k] = mean(k)
		}
	}
	active := make([]int, n) // slots, in the order their clusters were made
	id := make([]int, n)     // the cluster in each slot
	for i := range active {
		active[i], id[i] = i, i
	}
	var merges []Merge
	for next := n; len(active) > 1; next++ {
		ba, bb, sa, sb, bd := -1, -1, -1, -1, math.Inf(1)
		for x := 0; x < len(active); x++ {
			s := active[x]
			row := avg[s*n : s*n+n]
			for y := x + 1; y < len(active); y++ {
				t := active[y]
				v := row[t]
				if v-bd > 1e-12 {
					continue // the common case, decided by one test
				}
				if v < bd-1e-12 || (math.Abs(v-bd) <= 1e-12 && tieFirst(rank, id[s], id[t], ba, bb)) {
					ba, bb, sa, sb, bd = id[s], id[t], s, t, v
				}
			}
		}
		if rank[bb] < rank[ba] {
			ba, bb, sa, sb = bb, ba, sb, sa
		}
		merges = append(merges, Merge{A: ba, B: bb, Height: bd})
		rank[next] = rank[ba]
		keep := active[:0]
		for _, c := range active {
			if c == sa || c == sb {
				continue
			}
			k, m := sa*n+c, sb*n+c
			sum[k] += sum[m]
			cnt[k] += cnt[m]
			avg[k] = mean(k)
			sum[c*n+sa], cnt[c*n+sa], avg[c*n+sa] = sum[k], cnt[k], avg[k]
			keep = append(keep, c)
		}
		id[sa] = next
		active = append(keep, sa)
	}
	return merges
}

// tieFirst reports whether pair (a, b) goes before pair (ba, bb) among
// pairs at the same distance: by the ranks of their first codes (their
// places in sorted order).
func tieFirst(rank []int, a, b, ba, bb int) bool {
	if ba < 0 {
		return true
	}
	ka := [2]int{min(rank[a], rank[b]), max(rank[a], rank[b])}
	kb := [2]int{min(rank[ba], rank[bb]), max(rank[ba], rank[bb])}
	return ka[0] < kb[0] || ka[0] == kb[0] && ka[1] < kb[1]
}

// cut undoes the last k−1 merges and labels every state with its cluster
// (arbitrary labels 0..k−1).
func cut(merges []Merge, n, k int) []int {
	parent := make([]int, 2*n-1)
	for i := range parent {
		parent[i] = i
	}
	for m := 0; m < n-k; m++ {
		parent[merges[m].A], parent[merges[m].B] = n+m, n+m
	}
	root := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	labels := map[int]int{}
	out := make([]int, n)
	for i := range n {
		r := root(i)
		if _, ok := labels[r]; !ok {
			labels[r] = len(labels)
		}
		out[i] = labels[r]
	}
	return out
}

// leafOrder is the dendrogram's left-to-right order of the states.
func leafOrder(merges []Merge, n int) []int {
	if len(merges) == 0 {
		return []int{0}
	}
	var walk func(c int, out []int) []int
	walk = func(c int, out []int) []int {
		if c < n {
			return append(out, c)
		}
		m := merges[c-n]
		return walk(m.B, walk(m.A, out))
	}
	return walk(n+len(merges)-1, nil)
}

// number renumbers clusters 1..k: the largest first, a tie to the one
// whose first state comes first in the leaf order.
func number(raw, leaves []int, k int) []int {
	size := make([]int, k)
	pos := make([]int, k)
	for i := range pos {
		pos[i] = math.MaxInt
	}
	for p, i := range leaves {
		size[raw[i]]++
		pos[raw[i]] = min(pos[raw[i]], p)
	}
	ids := make([]int, k)
	for i := range ids {
		ids[i] = i
	}
	slices.SortFunc(ids, func(a, b int) int {
		if size[a] != size[b] {
			return size[b] - size[a]
		}
		return pos[a] - pos[b]
	})
	to := make([]int, k)
	for rank, id := range ids {
		to[id] = rank + 1
	}
	out := make([]int, len(raw))
	for i, r := range raw {
		out[i] = to[r]
	}
	return out
}

// silhouette is the mean silhouette width of a labelling: for each state,
// (b − a)/max(a, b) with a its mean distance to its own cluster and b the
// least mean distance to another; 0 for a state alone in its cluster.
// Unknown distances count as 1.
func silhouette(d [][]float64, label []int) float64 {
	n := len(d)
	k := slices.Max(label) + 1
	if k < 2 {
		return 0
	}
	total := 0.0
	sums := make([]float64, k)
	counts := make([]int, k)
	for i := range n {
		clear(sums)
		clear(counts)
		for j := range n {
			if j == i {
				continue
			}
			v := d[i][j]
			if math.IsNaN(v) {
				v = 1
			}
			sums[label[j]] += v
			counts[label[j]]++
		}
		own := label[i]
		if counts[own] == 0 {
			continue
		}
		a := sums[own] / float64(counts[own])
		b := math.Inf(1)
		for c := range k {
			if c != own && counts[c] > 0 {
				b = math.Min(b, sums[c]/float64(counts[c]))
			}
		}
		if m := math.Max(a, b); m > 0 && !math.IsInf(b, 1) {
			total += (b - a) / m
		}
	}
	return total / float64(n)
}
