package extract

import "testing"

// TestAStatesOwnForcesByPronoun checks that "its forces" (troops,
// soldiers …) whose "its" is a state act for the state, as the group's
// fighters act for the group; a possessor that is only a place is no actor.
func TestAStatesOwnForcesByPronoun(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"reported", "Chile said its forces had captured Tacna.", []string{"Chile CAPTURES Tacna"}},
		{"next sentence", "Peru attacked Chile on Monday. Its troops captured Tacna.", []string{"Peru ATTACKS Chile", "Peru CAPTURES Tacna"}},
		{"group", "The Andes Front said its fighters had attacked Peru.", []string{"Andes Front ATTACKS Peru"}},
		{"place", "Residents of Tacna said its police had arrested two Peruvians.", nil},
	})
}
