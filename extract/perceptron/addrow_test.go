package perceptron

import (
	"math/rand/v2"
	"testing"
)

// TestAddRowMatchesGeneric checks addRow (assembly on amd64) against the
// plain Go loop on rows of every length up to 40, with classes up to 255
// and weights of both signs and both extremes.
func TestAddRowMatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 41 {
		row := make([]uint32, n)
		for i := range row {
			w := int16(rng.IntN(65535) - 32767)
			switch rng.IntN(4) {
			case 0:
				w = 32767
			case 1:
				w = -32767
			}
			row[i] = uint32(rng.IntN(maxAcc))<<16 | uint32(uint16(w))
		}
		var before [maxAcc]int32
		for i := range before {
			before[i] = int32(i) * 3
		}
		got, want := before, before
		addRow(&got, row)
		addRowGeneric(&want, row)
		if got != want {
			t.Fatalf("row of %d weights: addRow and addRowGeneric differ", n)
		}
		if n > 0 && got == before {
			t.Fatalf("row of %d weights: addRow added nothing", n)
		}
	}
}
