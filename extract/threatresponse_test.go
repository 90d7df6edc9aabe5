package extract

import (
	"slices"
	"testing"
)

// TestVowedToRetaliateIsAThreat checks that "vowed to retaliate" is a
// threat toward the latest attacker of another side, not a stated attack,
// while "retaliated" states the attack.
func TestVowedToRetaliateIsAThreat(t *testing.T) {
	got := triples(extractText(t, "Chile attacked a Peruvian border post on Monday.\n\nPeru vowed to retaliate."))
	if !slices.Contains(got, "Peru THREATENS Chile") || slices.Contains(got, "Peru ATTACKS Chile") {
		t.Errorf("vowed: got %q, want Peru THREATENS Chile and no attack", got)
	}
	got = triples(extractText(t, "Chile attacked a Peruvian border post on Monday.\n\nPeru retaliated on Tuesday."))
	if !slices.Contains(got, "Peru ATTACKS Chile") {
		t.Errorf("retaliated: got %q, want Peru ATTACKS Chile", got)
	}
}
