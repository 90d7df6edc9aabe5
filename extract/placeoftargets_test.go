package extract

import (
	"slices"
	"testing"
)

// TestPlaceOfUnnamedTargets checks that an act of force on unnamed targets
// ("rebel positions") hits the place named after them whether the parser
// hangs the place on the targets or on the verb, and that a place that is
// not a state or a known place gives nothing.
func TestPlaceOfUnnamedTargets(t *testing.T) {
	got := triples(extractText(t, "Chilean warplanes bombed rebel positions in northern Peru on Sunday.\n\n"+
		"Chilean troops attacked rebel positions in the mountains."))
	if !slices.Contains(got, "Chile BOMBS Peru") {
		t.Errorf("missing \"Chile BOMBS Peru\" (got %q)", got)
	}
	for _, r := range got {
		if r == "Chilean military ATTACKS Peru" || r == "Chile ATTACKS Peru" {
			t.Errorf("unwanted %q (got %q)", r, got)
		}
	}
}
