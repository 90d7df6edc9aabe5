package extract

import "testing"

// TestWeaponLaunchedBySomeone checks that a weapon subject with a "launched
// by" or "fired by" participle acts for whoever launched it, while a weapon
// "supplied by" someone, or launched from a place, is not theirs.
func TestWeaponLaunchedBySomeone(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"launched by", "The drone, launched by the Shining Path, struck a house in Tacna.", []string{"Shining Path ATTACKS Tacna"}},
		{"fired by", "Rockets fired by the Andes Front struck Arica on Monday.", []string{"Andes Front ATTACKS Arica"}},
		{"supplied by", "Drones supplied by Chile struck Arica on Monday.", nil},
		{"launched from", "The drone, launched from Bolivia, struck a house in Tacna.", nil},
	})
}
