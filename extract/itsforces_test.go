package extract

import "testing"

// TestAStatesOwnForcesByPronoun checks that "its forces" (troops,
// soldiers …) whose "its" is a state, and "troops from Chile", act for the
// state, as the group's fighters act for the group; a possessor that is
// only a place, or troops from a region, are no actor.
func TestAStatesOwnForcesByPronoun(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"reported", "Chile said its forces had captured Tacna.", []string{"Chile CAPTURES Tacna"}},
		{"next sentence", "Peru attacked Chile on Monday. Its troops captured Tacna.", []string{"Peru ATTACKS Chile", "Peru CAPTURES Tacna"}},
		{"group", "The Andes Front said its fighters had attacked Peru.", []string{"Andes Front ATTACKS Peru"}},
		{"troops from", "Troops from Chile attacked Shining Path positions near Tacna on Monday.", []string{"Chile ATTACKS Shining Path"}},
		{"from a region", "Troops from the north attacked Peru.", nil},
		{"place", "Residents of Tacna said its police had arrested two Peruvians.", nil},
	})
}
