package perceptron

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddDenseMatchesGeneric checks addDense (vector code where the
// processor has it) against the plain Go loop for both vector widths.
func TestAddDenseMatchesGeneric(t *testing.T) {
	for _, width := range []int{32, 112} {
		checkAddDense(t, fmt.Sprint("addDense ", width), width, func(acc *[maxAcc]int32, dense []int16, starts []uint32) {
			addDense(acc, dense, starts, width)
		})
	}
}

// checkAddDense checks that add, a loop over dense rows of width weights,
// sums as addDenseGeneric does, and writes nothing past the row's width.
func checkAddDense(t *testing.T, name string, width int, add func(acc *[maxAcc]int32, dense []int16, starts []uint32)) {
	t.Helper()
	rng := rand.New(rand.NewPCG(3, uint64(width)))
	var dense []int16
	var starts []uint32
	for range 40 {
		starts = append(starts, uint32(len(dense)))
		for range width {
			dense = append(dense, extremeWeight(rng))
		}
	}
	checkSums(t, name, rng, starts,
		func(acc *[maxAcc]int32, starts []uint32) {
			add(acc, dense, starts)
			if acc[width] != int32(width)*3 {
				t.Fatalf("%s wrote past the row", name)
			}
		},
		func(acc *[maxAcc]int32, starts []uint32) { addDenseGeneric(acc, dense, starts, width) })
}

// TestDenseRowsScoreAsSparse checks that a model whose long rows are also
// dense scores every batch of features exactly as the sum of its sparse
// rows, for models of 17, 108 and 200 classes (the last too wide for dense
// rows), before and after the round trip through the cache's flat layout.
func TestDenseRowsScoreAsSparse(t *testing.T) {
	for _, nc := range []int{17, 108, 200} {
		t.Run(fmt.Sprint(nc), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(5, uint64(nc)))
			classes := make([]string, nc)
			for i := range classes {
				classes[i] = fmt.Sprint("c", i)
			}
			keys := make([]uint64, 400)
			for i := range keys {
				keys[i] = rng.Uint64()
			}
			slices.Sort(keys)
			b := &tableBuilder{}
			for i, key := range keys {
				n := i % (nc + 1)
				var ents []entry
				for _, c := range rng.Perm(nc)[:n] {
					ents = append(ents, entry{class: uint16(c), w: float32(rng.NormFloat64())})
				}
				slices.SortFunc(ents, func(a, b entry) int { return int(a.class) - int(b.class) })
				b.addRow(key, ents)
			}
			m := averaged(classes, b.build())
			if wantDense := nc <= 112 && vectorDense; (len(m.tab.dense) > 0) != wantDense {
				t.Fatalf("%d dense weights, want dense rows: %v", len(m.tab.dense), wantDense)
			}
			rows := map[uint64][]uint32{}
			m.tab.rawRows(func(key uint64, packed []uint32) { rows[key] = packed })
			cached, err := view(m.flatten())
			if err != nil {
				t.Fatal(err)
			}
			got := make([]float64, nc)
			for i := 0; i < len(keys); i += 13 {
				batch := append(slices.Clone(keys[i:min(i+150, len(keys))]), rng.Uint64())
				want := make([]int64, nc)
				for _, h := range batch {
					for _, e := range rows[h] {
						want[e>>16] += int64(int16(uint16(e)))
					}
				}
				for _, model := range []*Model{m, cached} {
					model.ScoresHashed(batch, got)
					for c := range got {
						if w := float64(want[c]) * float64(m.tab.scale); got[c] != w {
							t.Fatalf("batch %d class %d: score %v, want %v", i, c, got[c], w)
						}
					}
				}
			}
		})
	}
}

// TestFindRowsMatchesGeneric checks findRows (assembly on amd64) against
// the Go probe loop on a small, full hash table (long probe runs that wrap
// around its end), with sparse and dense rows, hashes present and absent,
// and an empty table.
func TestFindRowsMatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	slots, mask := makeSlots(40)
	var present []uint64
	for i := range 40 {
		h := rng.Uint64()
		start := uint32(i * 3)
		if i%3 == 0 {
			start |= denseRow
		}
		insert(slots, mask, h, start)
		present = append(present, h)
	}
	hashes := append(slices.Clone(present), rng.Uint64(), rng.Uint64(), present[0]^1<<40)
	rng.Shuffle(len(hashes), func(i, j int) { hashes[i], hashes[j] = hashes[j], hashes[i] })
	for _, tab := range []struct {
		slots []slot
		mask  uint64
	}{{slots, mask}, {nil, 0}} {
		var gs, gd, ws, wd [chunk]uint32
		ns, nd := findRows(tab.slots, tab.mask, hashes, &gs, &gd)
		wns, wnd := findRowsGeneric(tab.slots, tab.mask, hashes, &ws, &wd)
		if ns != wns || nd != wnd || !slices.Equal(gs[:ns], ws[:wns]) || !slices.Equal(gd[:nd], wd[:wnd]) {
			t.Fatalf("findRows found %d sparse and %d dense rows, findRowsGeneric %d and %d, or other starts", ns, nd, wns, wnd)
		}
		if len(tab.slots) > 0 && (ns != 26 || nd != 14) {
			t.Fatalf("found %d sparse and %d dense rows, want 26 and 14", ns, nd)
		}
	}
}
