package extract

import (
	"slices"
	"testing"
)

// TestActTowardAStatesOfficials checks that an act aimed at a state's
// unnamed officials ("expelled two Peruvian diplomats", "sanctions on
// Bolivian officials") is aimed at the state the article names, and that
// a group of another kind ("Peruvian protesters") keeps the group.
func TestActTowardAStatesOfficials(t *testing.T) {
	got := triples(extractText(t, "Chile expelled two Peruvian diplomats on Monday, a day after Peru closed its border.\n\n"+
		"The United States imposed sanctions on six Bolivian officials, Bolivia said.\n\n"+
		"Chile expelled 40 Peruvian protesters."))
	for _, want := range []string{"Chile EXPELS Peru", "United States SANCTIONS Bolivia"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q (got %q)", want, got)
		}
	}
	for _, not := range []string{"Chile EXPELS Peruvian diplomats", "United States SANCTIONS Bolivian officials"} {
		if slices.Contains(got, not) {
			t.Errorf("unwanted %q (got %q)", not, got)
		}
	}
	if !slices.Contains(got, "Chile EXPELS Peruvian protesters") {
		t.Errorf("protesters taken for their state (got %q)", got)
	}
}
