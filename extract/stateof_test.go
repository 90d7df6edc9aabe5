package extract

import "testing"

// TestTheStateOfAPlace checks that "the state of X" names the place X, as
// "the province of X" does, so an act toward it has its target, while a
// state noun without a place after "of" ("member states", "the state of
// emergency") is still no actor.
func TestTheStateOfAPlace(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"deployed to", "Mexico deployed more troops to the state of Sinaloa.", []string{"Mexico DEPLOYS Sinaloa"}},
		{"attacked", "Peruvian troops attacked the state of Acre.", []string{"Peruvian military ATTACKS Acre", "Peruvian military PART_OF Peru"}},
		{"member states", "Other member states condemned Russia.", nil},
		{"no place", "Mexico sent troops to the state of emergency zone.", nil},
	})
}
