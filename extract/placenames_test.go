package extract

import "testing"

// TestCapitalAfterInIsTheCity: a capital after "in" is the city unless a
// government noun in its phrase names no state of its own, the scene is
// set before the sentence's statement ("In Lima, ..."), or the article uses
// the capital for the government elsewhere.
func TestCapitalAfterInIsTheCity(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"The Peruvian foreign ministry spokesperson Ana Rios in Lima said the talks would resume.", []string{"Location:Lima", "Country:Peru"}, nil},
		{"Officials and a security source in Quito said troops had arrived on Monday.", []string{"Location:Quito"}, nil},
		{"Chile's envoy told reporters in Lima that the border would reopen.", []string{"Location:Lima"}, nil},
		// The government's seat: the state.
		{"The foreign ministry in Lima summoned the Chilean envoy on Monday.", []string{"Country:Peru"}, []string{"Location:Lima"}},
		{"Defence Minister Ana Rios told reporters in Quito that the talks would resume.", []string{"Country:Ecuador"}, []string{"Location:Quito"}},
		{"Chile urged the authorities in Lima to release the fishermen.", []string{"Country:Peru"}, []string{"Location:Lima"}},
		{"In Lima, Peruvian foreign ministry spokesman Ana Rios denied any role in the attack.", []string{"Country:Peru"}, []string{"Location:Lima"}},
		{"Peru, which hosted the talks in Lima last year, urged both sides to return.", []string{"Country:Peru"}, []string{"Location:Lima"}},
		{"Chile said its envoys would travel to Lima next week for talks.", []string{"Location:Lima"}, nil},
		{"The rebels were driven out of Quito in 2011 but still hold the coast.", []string{"Location:Quito"}, nil},
		{"Chile sent a protest note to Lima on Monday.", []string{"Country:Peru"}, []string{"Location:Lima"}},
		// Used for the government once: one node, the state.
		{"A security source in Quito said troops had arrived. Quito denied the report on Tuesday.", []string{"Country:Ecuador"}, []string{"Location:Quito"}},
	})
}

// TestPossessedPlaces: a place's (or capital's) airport or port is one
// place named after it, and so is a part of a town it owns by name; what a
// place owns otherwise, and a state's airport, stay apart.
func TestPossessedPlaces(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"Gunmen attacked a convoy near Aden's airport on Monday.", []string{"Location:Aden airport"}, []string{"Country:Yemen"}},
		{"A convoy was hit near Lima's airport on Monday, Chile said.", []string{"Location:Lima airport"}, []string{"Country:Peru"}},
		{"Jets struck Marib's Old City on Monday, killing four people.", []string{"Location:Marib's Old City"}, []string{"Location:Old City"}},
		{"Marib's governor said four people were killed on Monday.", []string{"Location:Marib"}, nil},
		{"Drones struck Yemen's airport network on Monday.", []string{"Country:Yemen"}, []string{"Location:Yemen airport"}},
	})
}

// TestNaturalFeatureNames: capitalized words ending in a feature noun are
// one place, with the state's adjective and the compass word among them;
// the adjective alone is the state.
func TestNaturalFeatureNames(t *testing.T) {
	checkEntityCases(t, []entityCase{
		{"Chinese ships fired water cannon at Philippine vessels patrolling in the West Philippine Sea on Tuesday.",
			[]string{"Location:West Philippine Sea", "Country:Philippines", "Country:China"}, []string{"Location:Philippine Sea", "Location:West Philippine"}},
		{"A spokesperson for the West Philippine Sea said the ships had left.", []string{"Location:West Philippine Sea"}, []string{"Country:Philippines"}},
		{"Frigates escorted two ships through the Bab el-Mandeb Strait on Monday.", []string{"Location:Bab el-Mandeb"}, []string{"Location:Mandeb Strait"}},
		// Common words that are town names stay words.
		{"Police said Mobile units patrolled the river on Monday.", nil, []string{"Location:Mobile", "Location:Police"}},
	})
}

// entityCase is a text with the entities ("Type:Name") that must be among
// its entities and those that must not.
type entityCase struct {
	text      string
	want, not []string
}

// checkEntityCases runs checkEntities on each case.
func checkEntityCases(t *testing.T, cases []entityCase) {
	t.Helper()
	for _, c := range cases {
		checkEntities(t, c.text, c.want, c.not)
	}
}
