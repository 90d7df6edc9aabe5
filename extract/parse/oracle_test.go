package parse

import (
	"slices"
	"testing"
)

// followOracle parses a sentence of n words by always taking a valid
// zero-cost transition, and returns the heads and labels it builds.
func followOracle(t *testing.T, gh, gl []int, nLabels, root int) ([]int, []int) {
	t.Helper()
	n := len(gh)
	var st state
	st.reset(n)
	for steps := 0; !st.terminal(); steps++ {
		if steps > 4*n+4 {
			t.Fatal("oracle does not terminate")
		}
		moved := false
		for mv := range 4 {
			if !st.possible(mv) || st.costNoLabel(mv, gh) != 0 {
				continue
			}
			lab := -1
			switch {
			case mv == left:
				lab = gl[st.s0()]
				if gh[st.s0()] != st.b {
					lab = (root + 1) % nLabels // any valid label: the arc is wrong anyway
				}
			case mv == right:
				lab = gl[st.b]
			}
			if !st.valid(mv, lab, root) {
				continue
			}
			st.apply(mv, lab)
			moved = true
			break
		}
		if !moved {
			t.Fatalf("no zero-cost transition at step %d (stack %v, buffer front %d)", steps, st.stack, st.b)
		}
	}
	return st.heads[:n], st.labels[:n]
}

// TestOracleRebuildsProjectiveTree checks the dynamic oracle's costs: on a
// projective tree, zero-cost transitions lead exactly to the gold tree.
func TestOracleRebuildsProjectiveTree(t *testing.T) {
	// "The United States has been providing weapons to Ukraine ."
	// Labels: 0 root, 1 det, 2 compound, 3 nsubj, 4 aux, 5 obj, 6 case, 7 obl, 8 punct.
	// Heads use 10 (= n) for the artificial root.
	gh := []int{2, 2, 5, 5, 5, 10, 5, 8, 5, 5}
	gl := []int{1, 2, 3, 4, 4, 0, 5, 6, 7, 8}
	heads, labels := followOracle(t, gh, gl, 9, 0)
	if !slices.Equal(heads, gh) || !slices.Equal(labels, gl) {
		t.Errorf("oracle built heads %v labels %v, want %v %v", heads, labels, gh, gl)
	}
}

// TestOracleCosts checks hand-computed costs in one configuration.
func TestOracleCosts(t *testing.T) {
	// "Russia invaded Ukraine": Russia ← invaded → Ukraine, invaded is root.
	gh := []int{1, 3, 1}
	var st state
	st.reset(3)
	st.apply(shift, -1) // stack [Russia], buffer front invaded
	for _, c := range []struct {
		move, want int
	}{
		{left, 0},  // Russia ← invaded is gold
		{right, 2}, // Russia → invaded loses invaded's head (root) and Russia's head (invaded)
		{shift, 1}, // Russia could then only get a head from later words
	} {
		if got := st.costNoLabel(c.move, gh); got != c.want {
			t.Errorf("cost of move %d = %d, want %d", c.move, got, c.want)
		}
	}
}

// TestForcedIsTheOnlyValidTransition walks the oracle's path over a
// sentence and checks, in every configuration, that forced names a
// transition exactly when it is the only valid one, and names that one.
func TestForcedIsTheOnlyValidTransition(t *testing.T) {
	// Heads of "The United States has been providing weapons to Ukraine .",
	// with 10 for the artificial root; labels as in
	// TestOracleRebuildsProjectiveTree (0 is root).
	gh := []int{2, 2, 5, 5, 5, 10, 5, 8, 5, 5}
	const nLabels, root = 9, 0
	var st state
	st.reset(len(gh))
	sawForced, sawFree := false, false
	for steps := 0; !st.terminal(); steps++ {
		if steps > 4*len(gh)+4 {
			t.Fatal("does not terminate")
		}
		var valid [][2]int
		for mv := range 4 {
			labs := []int{-1}
			if mv == left || mv == right {
				labs = []int{0, 1, 2, 3, 4, 5, 6, 7, 8}
			}
			for _, lab := range labs {
				if st.valid(mv, lab, root) {
					valid = append(valid, [2]int{mv, lab})
				}
			}
		}
		mv, lab, ok := st.forced(root)
		switch {
		case ok && (len(valid) != 1 || valid[0] != [2]int{mv, lab}):
			t.Fatalf("step %d: forced (%d, %d) but valid %v", steps, mv, lab, valid)
		case !ok && len(valid) < 2:
			t.Fatalf("step %d: not forced but valid %v", steps, valid)
		}
		if ok {
			sawForced = true
			st.apply(mv, lab)
			continue
		}
		sawFree = true
		for mv := range 4 {
			if st.possible(mv) && st.costNoLabel(mv, gh) == 0 {
				lab := 1
				if mv == left && st.b == st.n {
					lab = root
				}
				st.apply(mv, lab)
				break
			}
		}
	}
	if !sawForced || !sawFree {
		t.Errorf("the walk must meet both forced and free configurations (forced %v, free %v)", sawForced, sawFree)
	}
}
