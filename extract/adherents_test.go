package extract

import "testing"

// TestPeopleOfAnOrganizationStandForIt checks that members, leaders or
// commanders of an organization ("20 members of the Shining Path", "the
// Shining Path's leader") stand for it as objects and subjects, while
// members of an alliance are its states, not the alliance.
func TestPeopleOfAnOrganizationStandForIt(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"members of", "Peru arrested 20 members of the Shining Path.", []string{"Peru ARRESTS Shining Path"}},
		{"possessor", "Peru killed the Shining Path's leader.", []string{"Peru KILLS Shining Path"}},
		{"subject", "Commanders of the Shining Path threatened Peru.", []string{"Shining Path THREATENS Peru"}},
		{"alliance", "Members of NATO condemned Russia on Monday.", nil},
	})
}
