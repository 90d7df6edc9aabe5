package extract

import (
	"slices"
	"testing"
)

// TestItTakesUpTheNamedGroup checks that "it" after "X's Y-backed Z
// movement/group said" takes up the group that speaks — named by a
// singular noun even when its name is plural ("the Houthi movement") —
// not the state that owns or backs it.
func TestItTakesUpTheNamedGroup(t *testing.T) {
	for _, tc := range []struct {
		text, want, not string
	}{
		{"Yemen's Iranian-backed Houthi movement said on Monday it had attacked a Saudi patrol.",
			"Houthis ATTACKS Saudi military", "Yemen ATTACKS Saudi military"},
		{"Lebanon's Iran-backed Hezbollah group said it had shelled an Israeli position near the border.",
			"Hezbollah SHELLS Israel", "Iran SHELLS Israel"},
	} {
		got := triples(extractText(t, tc.text))
		if !slices.Contains(got, tc.want) || slices.Contains(got, tc.not) {
			t.Errorf("%q: got %q, want %q and not %q", tc.text, got, tc.want, tc.not)
		}
	}
}
