package extract

import "testing"

// TestTownshipsHamletsAndSettlements checks that "the township (hamlet,
// settlement) of X" names the place X, as "the town of X" does, so an act on
// it has its target; a township without a name is none.
func TestTownshipsHamletsAndSettlements(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"township", "Chilean forces seized the township of Ilo.", []string{"Chilean military CAPTURES Ilo", "Chilean military PART_OF Chile"}},
		{"hamlet", "Bolivian rebels attacked the hamlet of Sorata.", []string{"Bolivian rebels ATTACKS Sorata"}},
		{"settlement", "Peruvian troops shelled the settlement of Putina.", []string{"Peruvian military SHELLS Putina", "Peruvian military PART_OF Peru"}},
		{"no name", "Chilean forces seized the township.", []string{"Chilean military PART_OF Chile"}},
	})
}
