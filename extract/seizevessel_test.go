package extract

import "testing"

// TestSeizingAStatesVessel checks that seizing a vessel, truck or cargo of a
// state's (named by its nationality) seizes property (171), while seizing
// a place still captures territory (192).
func TestSeizingAStatesVessel(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"vessel", "Chile's navy seized a Peruvian fishing vessel.", []string{"Chile navy SEIZES Peru", "Chile navy PART_OF Chile"}},
		{"trucks", "Peru seized two Chilean trucks at the border.", []string{"Peru SEIZES Chile"}},
		{"place", "Chile seized Tacna on Monday.", []string{"Chile CAPTURES Tacna"}},
	})
}
