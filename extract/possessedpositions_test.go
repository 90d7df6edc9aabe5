package extract

import "testing"

// TestPositionsOfAnActor checks that positions, posts or camps named with
// their possessor ("its border posts", "Chile's positions") are the
// possessor's, the target of an act against them, while a group's possessor
// is where it is and "their" is left to the other rules.
func TestPositionsOfAnActor(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"its posts", "Chile said Peruvian troops had fired on its border posts.",
			[]string{"Chile ACCUSES Peruvian military", "Peruvian military ATTACKS Chile", "Peruvian military PART_OF Peru"}},
		{"named possessor", "Peruvian troops shelled Chile's positions on Monday.", []string{"Peruvian military SHELLS Chile", "Peruvian military PART_OF Peru"}},
		{"group", "Peruvian troops shelled Chile's largest rebel group on Monday.", []string{"Peruvian military PART_OF Peru"}},
		{"their", "The Andes Front said Peruvian troops had shelled their camps.", []string{"Andes Front ACCUSES Peruvian military", "Peruvian military PART_OF Peru"}},
	})
}
