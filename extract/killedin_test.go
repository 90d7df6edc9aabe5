package extract

import "testing"

// TestKilledInAnAct checks that those killed or wounded "in" an act of force
// are its target ("were killed in a Chilean drone strike", "were wounded
// in an attack by the Shining Path", the participle read as an adjective),
// while an act with no agent, or a death in no act of force, gives none.
func TestKilledInAnAct(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"killed in", "Three Bolivian soldiers were killed in a Chilean drone strike near Oruro.",
			[]string{"Chile BOMBS Bolivian military", "Bolivian military PART_OF Bolivia"}},
		{"wounded in", "Two Chilean soldiers were wounded in an attack by the Shining Path.",
			[]string{"Shining Path ATTACKS Chilean military", "Chilean military PART_OF Chile"}},
		{"no agent", "Two Chilean soldiers were killed in an air strike.", []string{"Chilean military PART_OF Chile"}},
		{"no force", "Two Chilean soldiers were killed in an accident.", []string{"Chilean military PART_OF Chile"}},
	})
}
