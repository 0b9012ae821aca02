package idealpoint

import (
	"sync"
	"sync/atomic"
)

// chunk is how many states or items a worker takes at a time: small
// enough to balance the load, large enough to keep the counter cold.
const chunk = 8

// forEach runs f(w, i) for i in [0, n) on the given number of workers, w
// being the worker's number (for its scratch space). Every i is computed
// the same way whichever worker takes it, so results do not depend on
// scheduling.
func forEach(workers, n int, f func(w, i int)) {
	if workers <= 1 || n <= chunk {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				from := int(next.Add(chunk)) - chunk
				if from >= n {
					return
				}
				for i := from; i < min(from+chunk, n); i++ {
					f(w, i)
				}
			}
		}()
	}
	wg.Wait()
}
