package extract

import (
	"slices"
	"testing"

	"github.com/kg-project/kg/graph"
)

func TestSettlementOfAPlaceIsInIt(t *testing.T) {
	g := extractText(t, "Gunmen raided the Galilee town of Safed on Monday.")
	find(t, g, "Safed LOCATED_IN Galilee")
	if slices.Contains(triples(g), "Galilee LOCATED_IN Safed") {
		t.Errorf("the region put in its town: %q", triples(g))
	}
	// An area of a place is in that place.
	find(t, extractText(t, "Gunmen raided the Tigray region of Ethiopia on Monday."), "Tigray LOCATED_IN Ethiopia")
}

func TestPossessiveTitleHolderBeforeGovernment(t *testing.T) {
	// The holder of a title owns the government: the person is named, and
	// the government is still the state's.
	g := extractText(t, "Peru criticized Chilean President Omar Haddad's government on Monday.")
	if r := find(t, g, "Omar Haddad AFFILIATION Chile"); r.Role != "president" {
		t.Errorf("role %q, want president", r.Role)
	}
	if !slices.ContainsFunc(g.Relations, func(r graph.Relation) bool { return r.Subject == "Peru" && r.Object == "Chile" }) {
		t.Errorf("the government is no longer Chile: %q", triples(g))
	}
	// Without a possessive the demonym's government is the state alone.
	g = extractText(t, "Peru criticized the Chilean government on Monday.")
	if n := countType(g, "Person"); n != 0 {
		t.Errorf("%d persons in %q", n, triples(g))
	}
}

func TestNamesListedAfterACollectiveOfTitleHolders(t *testing.T) {
	g := extractText(t, "The army said four Hamas commanders were killed including: Omar Haddad, responsible for the southern front, Ana Ruiz, responsible for overseeing logistics, and Karim Lotfi.")
	for _, p := range []string{"Omar Haddad", "Ana Ruiz", "Karim Lotfi"} {
		if r := find(t, g, p+" AFFILIATION Hamas"); r.Role != "commander" {
			t.Errorf("%s: role %q, want commander", p, r.Role)
		}
	}
	// A list after a verb of its own, or after people who hold no title,
	// says nothing of whom they work for.
	noAffiliation(t, "",
		"Four Hamas commanders met several mediators including Omar Haddad and Ana Ruiz.",
		"Hamas freed four hostages, including Omar Haddad and Ana Ruiz.")
}

// noAffiliation fails the test for each AFFILIATION of subject (of anyone
// when subject is "") extracted from texts.
func noAffiliation(t *testing.T, subject string, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, r := range extractText(t, text).Relations {
			if r.Relation == "AFFILIATION" && (subject == "" || r.Subject == subject) {
				t.Errorf("%q: %s AFFILIATION %s, want none", text, r.Subject, r.Object)
			}
		}
	}
}

func TestSpeakerAfterAListIsNoItemOfIt(t *testing.T) {
	noAffiliation(t, "Omar Haddad",
		"Several Hamas commanders were killed, including two brothers, Omar Haddad told reporters.",
		"Several Hamas commanders were killed, including Karim Lotfi, Omar Haddad said.")
}

func TestPlaceCommaItsRegion(t *testing.T) {
	g := extractText(t, "Rwanda opened offices in Goma, North Kivu, and Bukavu, South Kivu, on Monday.")
	find(t, g, "Goma LOCATED_IN North Kivu")
	find(t, g, "Bukavu LOCATED_IN South Kivu")
	find(t, extractText(t, "Gunmen attacked a market in Kramatorsk, Ukraine, on Monday."), "Kramatorsk LOCATED_IN Ukraine")
	// A list of places, or a state that speaks after a place, makes no pair.
	for _, text := range []string{
		"Gunmen attacked Kunduz, Helmand and Zabul.",
		"Gunmen attacked Kunduz, Helmand, Zabul and Kabul.",
		"Russia shelled Kharkiv, Ukraine said.",
	} {
		for _, r := range extractText(t, text).Relations {
			if r.Relation == "LOCATED_IN" && (r.Subject == "Kunduz" || r.Subject == "Kharkiv") {
				t.Errorf("%q: %s LOCATED_IN %s, want none", text, r.Subject, r.Object)
			}
		}
	}
}

func TestLocalOfficeServesItsPlace(t *testing.T) {
	for _, c := range []struct{ text, triple, role string }{
		{"Kharkiv Governor Omar Haddad said two people died.", "Omar Haddad AFFILIATION Kharkiv", "governor"},
		{"Omar Haddad, the governor of Helmand, said roads were closed.", "Omar Haddad AFFILIATION Helmand", "governor"},
		{"Kharkiv's mayor, Omar Haddad, said the city was calm.", "Omar Haddad AFFILIATION Kharkiv", "mayor"},
	} {
		if r := find(t, extractText(t, c.text), c.triple); r.Role != c.role {
			t.Errorf("%q: role %q, want %q", c.text, r.Role, c.role)
		}
	}
	// Other titles are no office of a place.
	noAffiliation(t, "", "Omar Haddad, a Kharkiv spokesman, said the city was calm.",
		"Kharkiv commander Omar Haddad said the city was calm.")
}

func TestOutletOfAStateIsBasedThere(t *testing.T) {
	find(t, extractText(t, "A rebel source told Qatar's Al Jazeera that five people died."), "Al Jazeera LOCATED_IN Qatar")
	// An outlet that only reports on a state is not in it.
	g := extractText(t, "Al Jazeera reported that Qatar's army moved north.")
	for _, r := range g.Relations {
		if r.Relation == "LOCATED_IN" && r.Subject == "Al Jazeera" {
			t.Errorf("%s LOCATED_IN %s, want none", r.Subject, r.Object)
		}
	}
}

func TestBossIsALeader(t *testing.T) {
	if r := find(t, extractText(t, "The Coastal Brigade attacked Arica. Police arrested former Coastal Brigade boss Omar Haddad."), "Omar Haddad AFFILIATION Coastal Brigade"); r.Role != "leader" {
		t.Errorf("role %q, want leader", r.Role)
	}
	// A boss without a name is no title of anyone.
	noAffiliation(t, "", "The Coastal Brigade attacked Arica. Omar Haddad said his boss in the Coastal Brigade resigned.")
}

func TestTitleWithItsPostBeforeARankAndName(t *testing.T) {
	g := extractText(t, "The drill ended, according to Chile Coast Guard spokesperson for the Pacific Coast (PC) Commodore Omar Haddad.")
	if r := find(t, g, "Omar Haddad AFFILIATION Chile coast guard"); r.Role != "spokesperson" {
		t.Errorf("role %q, want spokesperson", r.Role)
	}
	// A verb between the post and the name: the name is no holder of the title.
	noAffiliation(t, "Omar Haddad", "Chile's spokesman for the border talks met Omar Haddad on Monday.")
}

func TestNameAProvinceOwnsIsAPlace(t *testing.T) {
	g := extractText(t, "Drones hit Helmand province's Lashkar Gah on Monday.")
	entity(t, g, "Location", "Lashkar Gah")
	find(t, g, "Lashkar Gah LOCATED_IN Helmand")
	// Without the place noun a name after a place's possessive keeps its reading.
	entity(t, extractText(t, "Helmand's Omar Haddad said the roads were closed."), "Person", "Omar Haddad")
}

func TestAllianceMissionIsAnOrganization(t *testing.T) {
	g := extractText(t, "Omar Haddad, an ISAF spokesman, said NATO troops were safe.")
	find(t, g, "Omar Haddad AFFILIATION International Security Assistance Force")
	find(t, g, "International Security Assistance Force PART_OF North Atlantic Treaty Organization")
	// Without the alliance named, the mission is part of nothing.
	for _, r := range extractText(t, "Omar Haddad, an ISAF spokesman, said the troops were safe.").Relations {
		if r.Relation == "PART_OF" {
			t.Errorf("%s PART_OF %s, want none", r.Subject, r.Object)
		}
	}
}

func TestRoleOfAnOrganizationRightBeforeTheName(t *testing.T) {
	for _, c := range []struct{ text, role string }{
		{"A spokesman for Hamas Omar Haddad said talks failed.", "spokesperson"},
		{"Peru criticized the chairperson of Hamas Omar Haddad on Monday.", "director"},
	} {
		if r := find(t, extractText(t, c.text), "Omar Haddad AFFILIATION Hamas"); r.Role != c.role {
			t.Errorf("%q: role %q, want %q", c.text, r.Role, c.role)
		}
	}
	// A word that is no title says nothing.
	noAffiliation(t, "", "Supporters of Hamas Omar Haddad and Ana Ruiz marched on Monday.")
}

func TestRoleInARelativeClause(t *testing.T) {
	for _, c := range []struct{ text, triple string }{
		{"General Omar Haddad - who has declared himself Chile's new leader - met Peru's envoy.", "Omar Haddad AFFILIATION Chile"},
		{"Omar Haddad, who heads the Coastal Brigade, said the attack failed.", "Omar Haddad AFFILIATION Coastal Brigade"},
		{"Omar Haddad, who is Hamas's deputy spokesman, said talks failed.", "Omar Haddad AFFILIATION Hamas"},
	} {
		find(t, extractText(t, c.text), c.triple)
	}
	// A clause of another act, or a word that is no title, says nothing.
	noAffiliation(t, "Omar Haddad", "Omar Haddad, who met Hamas leaders on Monday, said talks failed.",
		"Omar Haddad, who is a critic of Hamas, said talks failed.")
}

func TestCounterpartIsATitle(t *testing.T) {
	for _, text := range []string{
		"Chile's foreign minister met her Peruvian counterpart, Omar Haddad, on Monday.",
		"Ana Ruiz spoke with her Peruvian counterpart Omar Haddad on Monday.",
	} {
		if r := find(t, extractText(t, text), "Omar Haddad AFFILIATION Peru"); r.Role != "counterpart" {
			t.Errorf("%q: role %q, want counterpart", text, r.Role)
		}
	}
	// A counterpart of no stated state works for nobody the text names.
	noAffiliation(t, "", "Omar Haddad met his counterpart in Lima on Monday.")
}

func TestStateSendsItsOwnEnvoy(t *testing.T) {
	for _, text := range []string{
		"Chile further recalled Ambassador Omar Haddad from Lima on Monday.",
		"Chile has sent its envoy Omar Haddad to Quito.",
	} {
		find(t, extractText(t, text), "Omar Haddad AFFILIATION Chile")
	}
	// A state that summons an ambassador summons another state's.
	noAffiliation(t, "Omar Haddad", "Chile summoned Ambassador Omar Haddad on Monday.")
}
