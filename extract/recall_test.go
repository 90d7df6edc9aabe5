package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestRecallingAnAmbassador checks that recalling one's ambassador "to" a
// state reduces relations with it, as "from" its capital does, and that
// recalling troops to a city is no diplomatic act.
func TestRecallingAnAmbassador(t *testing.T) {
	got := triples(extractText(t, "Bolivia recalled its ambassador to Chile for consultations.\n\n"+
		"The army recalled troops to La Paz."))
	if !slices.Contains(got, "Bolivia REDUCES_RELATIONS Chile") {
		t.Errorf("missing \"Bolivia REDUCES_RELATIONS Chile\" (got %q)", got)
	}
	for _, r := range got {
		if strings.Contains(r, " REDUCES_RELATIONS ") && r != "Bolivia REDUCES_RELATIONS Chile" {
			t.Errorf("unexpected %q (got %q)", r, got)
		}
	}
}
