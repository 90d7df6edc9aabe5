package extract

import (
	"slices"
	"testing"
)

// TestPersonNameForms: the family names of a long name, a quoted nickname
// and a given name the full name introduced are one person with it.
func TestPersonNameForms(t *testing.T) {
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{
			text: "Police in Valdora arrested Luis Carlos Ortiz Beltran on Monday. Ortiz Beltran denied the charges.",
			want: []string{"Person:Luis Carlos Ortiz Beltran"},
			not:  []string{"Person:Ortiz Beltran"},
		},
		{
			text: `The sons of cartel boss Rafael "El Toro" Mendez fled. El Toro was jailed.`,
			want: []string{`Person:Rafael "El Toro" Mendez`},
			not:  []string{"Person:El Toro"},
		},
		{
			// Of three words, the last two may be another man.
			text: "Khalid Omar Haddad met the envoy. Omar Haddad, a banker, was also present.",
			want: []string{"Person:Khalid Omar Haddad", "Person:Omar Haddad"},
		},
	} {
		checkEntities(t, c.text, c.want, c.not)
	}
}

// TestPlaceKnownAsBySide: the names each side gives a place, after "known in
// X as", are one place; "known for" and a plain list are not.
func TestPlaceKnownAsBySide(t *testing.T) {
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{
			text: "Soldiers clashed on Monday along the northern shore of Lake Sarno in an area known in Peru as Valdera and in Chile as Montessa.",
			want: []string{"Location:Valdera"},
			not:  []string{"Location:Montessa"},
		},
		{
			text: "Coast guard ships blocked boats off Mirador Reef (known in China as Lanhua Jiao) on Friday.",
			want: []string{"Location:Mirador Reef"},
			not:  []string{"Location:Lanhua Jiao"},
		},
		{
			text: "Soldiers clashed on Monday near Valdera, known for its copper mines, and in Montessa.",
			want: []string{"Location:Valdera", "Location:Montessa"},
		},
	} {
		checkEntities(t, c.text, c.want, c.not)
	}
}

// checkEntities reports the entities of want that text lacks and those of
// not that it has (they should have joined another entity).
func checkEntities(t *testing.T, text string, want, not []string) {
	t.Helper()
	got := entityNames(t, text)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%q: no %s in %v", text, w, got)
		}
	}
	for _, n := range not {
		if slices.Contains(got, n) {
			t.Errorf("%q: %s should have joined another entity: %v", text, n, got)
		}
	}
}

// TestDescribedOrganizationNames: an organization's name with describing
// words inserted, and "NAME militia" after a name the text has members of,
// are that organization; capitalized insertions and a person's name are not.
func TestDescribedOrganizationNames(t *testing.T) {
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{
			text: "The Egyptian-led coalition struck rebel positions on Monday. A spokesman for the Egyptian-led military coalition denied that civilians were hit.",
			want: []string{"Organization:Egyptian-led coalition"},
			not:  []string{"Organization:Egyptian-led military coalition"},
		},
		{
			text: "The National Front accused the National Liberation Front of fraud.",
			want: []string{"Organization:National Front", "Organization:National Liberation Front"},
		},
		{
			text: "The strike killed a leader of Harakat al Zamir, the ministry said. Witnesses said a drone fired two rockets at the headquarters in western Basra of the Zamir militia group.",
			want: []string{"Organization:Harakat al Zamir"},
			not:  []string{"Organization:Zamir militia", "Person:Harakat al Zamir"},
		},
		{
			text: "Cleric Hadi al-Zamir spoke on Friday. Witnesses said a drone fired two rockets at the headquarters in western Basra of the Zamir militia group.",
			want: []string{"Person:Hadi al-Zamir", "Organization:Zamir militia"},
		},
	} {
		checkEntities(t, c.text, c.want, c.not)
	}
}

// TestStatelessBody: a body named without its state is the one body of
// that kind the article names with a state; with two, it stays apart.
func TestStatelessBody(t *testing.T) {
	checkEntities(t, "The Chilean Defense Ministry said its jets struck camps in Peru and Bolivia on Monday. Peru and Bolivia condemned the strikes. The defense ministry said the operation was over.",
		[]string{"Organization:Chile Ministry of Defense"}, []string{"Organization:defense ministry"})
	checkEntities(t, "The Chilean Defense Ministry and the Peruvian Defense Ministry traded accusations over camps in Bolivia and Ecuador on Monday. Bolivia and Ecuador protested. The defense ministry said the operation was over.",
		[]string{"Organization:Chile Ministry of Defense", "Organization:Peru Ministry of Defense", "Organization:defense ministry"}, nil)
}

// TestCapitalInApposition: "the capital NAME" without a comma is the city;
// the capital as the subject of a statement is still its state.
func TestCapitalInApposition(t *testing.T) {
	checkEntities(t, "A crowd of students marched past the Thai embassy in the capital Vientiane on Sunday.",
		[]string{"Location:Vientiane"}, nil)
	checkEntities(t, "Vientiane said on Monday it would close the border.",
		[]string{"Country:Laos"}, []string{"Location:Vientiane"})
}

// TestNamedOwnerOfGovernment: "President X's government" is the state's
// government and X a person of his own; "Peru's government" is the state.
func TestNamedOwnerOfGovernment(t *testing.T) {
	checkEntities(t, "Lawmakers blamed Peruvian President Mateo Quispe's government for the crisis.",
		[]string{"Person:Mateo Quispe", "Country:Peru"}, nil)
	checkEntities(t, "Peru's government and Chilean President Elena Tapia's troops were blamed.",
		[]string{"Country:Peru", "Person:Elena Tapia", "Organization:Chilean military"}, nil)
}

// TestOrganizationNameWithAnd: an organization's name joined by "and" is
// one name, though the recognizer took only its end; a state before "and"
// is not part of it.
func TestOrganizationNameWithAnd(t *testing.T) {
	checkEntities(t, "The bloc and the eight-member Sahel States Trade and Customs Union also announced new sanctions on Monday.",
		[]string{"Organization:Sahel States Trade and Customs Union"}, []string{"Organization:Customs Union", "Location:Sahel"})
	checkEntities(t, "Chile and Andean Customs Union officials met in Lima on Monday.",
		[]string{"Country:Chile"}, nil)
}

// TestNameBeforeOrganizationNoun: a name before "cartel", "party", "gang"
// or "militia" names an organization, and joins the organization of that
// name; a demonym before the noun names none.
func TestNameBeforeOrganizationNoun(t *testing.T) {
	checkEntities(t, "Troops arrested a son of former Valdora cartel boss Ramon Salas. The Mexican cartel objected.",
		[]string{"Organization:Valdora cartel", "Person:Ramon Salas"}, []string{"Organization:Mexican cartel"})
	checkEntities(t, "Police said the Red Hand gang attacked a bus in Valdora. A spokesman for Red Hand denied it.",
		[]string{"Organization:Red Hand"}, []string{"Organization:Red Hand gang", "Person:Red Hand"})
}

// TestArticleHyphenedPlace: a place opened by an article joined with a
// hyphen is one name, though the recognizer cut it after the article; a
// person's hyphenated name is left as the recognizer read it.
func TestArticleHyphenedPlace(t *testing.T) {
	checkEntities(t, "The attack on a base housing Ugandan troops in El-Garas Bakool on Tuesday killed ten.",
		[]string{"Location:El-Garas", "Location:Bakool"}, []string{"Location:El"})
	checkEntities(t, "Ahmed El-Hadi Karim, the head of the mission, appealed for funds.",
		[]string{"Person:Ahmed El-Hadi Karim"}, nil)
}

// TestGenericWordAloneNamesNothing: a place noun or a compass abbreviation
// the recognizer cut from a longer name is no place; the name it was cut
// from stays.
func TestGenericWordAloneNamesNothing(t *testing.T) {
	checkEntities(t, "Officials said gunmen of the Islamic State Lake Chad Province had ambushed a patrol near Valdora on Saturday.",
		[]string{"Location:Valdora"}, []string{"Location:Province"})
	checkEntities(t, "Rebels attacked three towns in NE Valdora on Monday.",
		[]string{"Location:Valdora"}, []string{"Location:NE"})
	checkEntities(t, "Troops entered the Kunar Province on Monday.",
		[]string{"Location:Kunar Province"}, nil)
}

// TestPeacekeepersOfTheMission: "U.N. peacekeepers" are the one United
// Nations mission the article names; with two missions they stay apart.
func TestPeacekeepersOfTheMission(t *testing.T) {
	checkEntities(t, "U.N. peacekeepers patrolled the town of Valdora on Sunday. MONUSCO said on Monday that the situation was calm.",
		[]string{"Organization:MONUSCO"}, []string{"Organization:United Nations Peacekeeping"})
	checkEntities(t, "U.N. peacekeepers patrolled the border on Sunday. MONUSCO and UNMISS said on Monday that the situation was calm.",
		[]string{"Organization:MONUSCO", "Organization:United Nations Mission in South Sudan", "Organization:United Nations Peacekeeping"}, nil)
}

// TestSecurityForcesAreTheMilitary: a state's "security forces" are its
// military, one node with its troops; its police stay a body of their own.
func TestSecurityForcesAreTheMilitary(t *testing.T) {
	checkEntities(t, "Ecuadorian security forces raided a camp near Valdora on Monday and arrested four men.",
		[]string{"Organization:Ecuadorian military"}, []string{"Organization:Ecuador police"})
	checkEntities(t, "Ecuadorian police said on Monday that the four men were armed.",
		[]string{"Organization:Ecuador police"}, []string{"Organization:Ecuadorian military"})
}
