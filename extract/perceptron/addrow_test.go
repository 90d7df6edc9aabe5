package perceptron

import (
	"math/rand/v2"
	"testing"
)

// TestAddRowsMatchesGeneric checks addRows (assembly on amd64) against the
// plain Go loop on a table of rows of every length up to 40, with classes
// up to 255 and weights of both signs and both extremes, summing the rows
// in a shuffled order, some twice.
func TestAddRowsMatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var data, starts []uint32
	for n := range 41 {
		starts = append(starts, uint32(len(data)))
		data = append(data, uint32(n))
		for range n {
			w := int16(rng.IntN(65535) - 32767)
			switch rng.IntN(4) {
			case 0:
				w = 32767
			case 1:
				w = -32767
			}
			data = append(data, uint32(rng.IntN(maxAcc))<<16|uint32(uint16(w)))
		}
	}
	starts = append(starts, starts[5], starts[40])
	rng.Shuffle(len(starts), func(i, j int) { starts[i], starts[j] = starts[j], starts[i] })
	var before [maxAcc]int32
	for i := range before {
		before[i] = int32(i) * 3
	}
	for k := range starts {
		got, want := before, before
		addRows(&got, data, starts[:k+1])
		addRowsGeneric(&want, data, starts[:k+1])
		if got != want {
			t.Fatalf("first %d rows: addRows and addRowsGeneric differ", k+1)
		}
	}
	got := before
	addRows(&got, data, starts)
	if got == before {
		t.Fatal("addRows added nothing")
	}
}
