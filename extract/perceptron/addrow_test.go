package perceptron

import (
	"math/rand/v2"
	"testing"
)

// TestAddRowsMatchesGeneric checks addRows (assembly on amd64) against the
// plain Go loop on a table of rows of every length up to 40, with classes
// up to 255.
func TestAddRowsMatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var data, starts []uint32
	for n := range 41 {
		starts = append(starts, uint32(len(data)))
		data = append(data, uint32(n))
		for range n {
			data = append(data, uint32(rng.IntN(maxAcc))<<16|uint32(uint16(extremeWeight(rng))))
		}
	}
	checkSums(t, "addRows", rng, starts,
		func(acc *[maxAcc]int32, starts []uint32) { addRows(acc, data, starts) },
		func(acc *[maxAcc]int32, starts []uint32) { addRowsGeneric(acc, data, starts) })
}

// extremeWeight returns a random weight, half of the time one of the two
// extremes of a quantized weight.
func extremeWeight(rng *rand.Rand) int16 {
	switch rng.IntN(4) {
	case 0:
		return 32767
	case 1:
		return -32767
	}
	return int16(rng.IntN(65535) - 32767)
}

// checkSums checks that add sums the rows at starts as ref does, for every
// prefix of starts taken in a shuffled order with two rows twice, into
// sums that do not start at zero; and that add changes the sums.
func checkSums(t *testing.T, name string, rng *rand.Rand, starts []uint32, add, ref func(acc *[maxAcc]int32, starts []uint32)) {
	t.Helper()
	starts = append(starts, starts[3], starts[len(starts)-1])
	rng.Shuffle(len(starts), func(i, j int) { starts[i], starts[j] = starts[j], starts[i] })
	var before [maxAcc]int32
	for i := range before {
		before[i] = int32(i) * 3
	}
	for k := range starts {
		got, want := before, before
		add(&got, starts[:k+1])
		ref(&want, starts[:k+1])
		if got != want {
			t.Fatalf("%s, first %d rows: sums differ from the plain loop's", name, k+1)
		}
	}
	got := before
	add(&got, starts)
	if got == before {
		t.Fatalf("%s added nothing", name)
	}
}
