package extract

import (
	"slices"
	"testing"
)

func TestSettlementOfAPlaceIsInIt(t *testing.T) {
	g := extractText(t, "Gunmen raided the Galilee town of Safed on Monday.")
	find(t, g, "Safed LOCATED_IN Galilee")
	if slices.Contains(triples(g), "Galilee LOCATED_IN Safed") {
		t.Errorf("the region put in its town: %q", triples(g))
	}
	// An area of a place is in that place.
	find(t, extractText(t, "Gunmen raided the Tigray region of Ethiopia on Monday."), "Tigray LOCATED_IN Ethiopia")
}
