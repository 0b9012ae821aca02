package change

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// drawBlocs makes states in known blocs: agreement about 0.9 inside a bloc
// and about 0.45 across, with noise.
func drawBlocs(seed uint64, sizes []int) (isos []string, bloc map[string]int, agree map[[2]string]float64) {
	rng := rand.New(rand.NewPCG(seed, 5))
	bloc = map[string]int{}
	for b, n := range sizes {
		for i := range n {
			iso := fmt.Sprintf("%c%c%c", 'A'+rng.IntN(26), 'A'+rng.IntN(26), 'A'+i%26)
			for bloc[iso] != 0 {
				iso = fmt.Sprintf("%c%c%c", 'A'+rng.IntN(26), 'A'+rng.IntN(26), 'A'+rng.IntN(26))
			}
			bloc[iso] = b + 1
			isos = append(isos, iso)
		}
	}
	agree = map[[2]string]float64{}
	for _, a := range isos {
		for _, b := range isos {
			if a < b {
				v := 0.45 + 0.1*rng.NormFloat64()
				if bloc[a] == bloc[b] {
					v = 0.9 + 0.04*rng.NormFloat64()
				}
				agree[[2]string{a, b}] = v
			}
		}
	}
	return isos, bloc, agree
}

func clusterOf(t *testing.T, isos []string, agree map[[2]string]float64, k int) Blocs {
	t.Helper()
	b, err := Cluster(isos, func(i, j int) (float64, int) {
		x, y := isos[i], isos[j]
		if x > y {
			x, y = y, x
		}
		return agree[[2]string{x, y}], 50
	}, k)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBlocsRecoverKnownBlocs(t *testing.T) {
	for seed := range uint64(20) {
		isos, truth, agree := drawBlocs(seed, []int{12, 8, 5})
		b := clusterOf(t, isos, agree, 0)
		if b.K != 3 || !b.Chosen {
			t.Fatalf("seed %d: chose %d blocs, want 3", seed, b.K)
		}
		// Same partition: two states share a bloc exactly when they do in
		// the truth; the largest bloc is number 1.
		for i, a := range b.Countries {
			for j, c := range b.Countries {
				if (b.Bloc[i] == b.Bloc[j]) != (truth[a] == truth[c]) {
					t.Fatalf("seed %d: %s and %s split wrongly", seed, a, c)
				}
			}
			if truth[a] == 1 && b.Bloc[i] != 1 {
				t.Errorf("seed %d: the largest bloc is number %d", seed, b.Bloc[i])
			}
		}
		if b.Silhouette < 0.5 {
			t.Errorf("seed %d: silhouette %.2f for well separated blocs", seed, b.Silhouette)
		}
		if len(b.Order) != len(isos) {
			t.Errorf("order lists %d of %d states", len(b.Order), len(isos))
		}
	}
}

func TestBlocsGivenNumber(t *testing.T) {
	isos, _, agree := drawBlocs(7, []int{12, 8, 5})
	b := clusterOf(t, isos, agree, 2)
	if b.K != 2 || b.Chosen || slices.Max(b.Bloc) != 2 {
		t.Errorf("asked for 2 blocs, got %d (chosen %v)", b.K, b.Chosen)
	}
}

func TestBlocsIgnoreOrder(t *testing.T) {
	isos, _, agree := drawBlocs(3, []int{10, 10, 6, 3})
	want := clusterOf(t, isos, agree, 0)
	for seed := range uint64(10) {
		rng := rand.New(rand.NewPCG(seed, 6))
		shuffled := slices.Clone(isos)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := clusterOf(t, shuffled, agree, 0)
		if !slices.Equal(got.Countries, want.Countries) || !slices.Equal(got.Bloc, want.Bloc) || !slices.Equal(got.Order, want.Order) {
			t.Fatalf("order %d changed the blocs:\n%v\n%v", seed, got.Bloc, want.Bloc)
		}
	}
	// Ties too: every pair agreeing alike.
	flat := map[[2]string]float64{}
	for k := range agree {
		flat[k] = 0.5
	}
	a := clusterOf(t, isos, flat, 3)
	slices.Reverse(isos)
	if b := clusterOf(t, isos, flat, 3); !slices.Equal(a.Bloc, b.Bloc) || !slices.Equal(a.Order, b.Order) {
		t.Errorf("ties broken by order: %v vs %v", a.Bloc, b.Bloc)
	}
}

func TestBlocsNeedThreeStates(t *testing.T) {
	_, err := Cluster([]string{"USA", "FRA"}, func(int, int) (float64, int) { return 1, 1 }, 0)
	if err == nil {
		t.Fatal("two states clustered")
	}
	if _, err := Cluster([]string{"USA", "FRA", "USA"}, func(int, int) (float64, int) { return 1, 1 }, 0); err == nil {
		t.Fatal("a state listed twice clustered")
	}
}
