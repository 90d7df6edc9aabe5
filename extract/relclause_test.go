package extract

import "testing"

// TestWhatARelativeClauseSaysAnActKilled checks that the object of a
// relative clause of killing or wounding on an act of force ("a strike in
// Lima that killed X") is a target of the act beside the others, and that
// a relative clause of another verb adds none.
func TestWhatARelativeClauseSaysAnActKilled(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"killed", "The Chilean military launched a strike in Lima on Thursday that killed a rebel commander, Juan Perez.",
			[]string{"Chilean military ATTACKS Lima", "Chilean military ATTACKS Juan Perez", "Chilean military PART_OF Chile"}},
		{"other verb", "The Chilean military launched a strike in Lima on Thursday that alarmed Juan Perez.",
			[]string{"Chilean military ATTACKS Lima", "Chilean military PART_OF Chile"}},
	})
}
