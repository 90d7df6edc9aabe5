package extract

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/extract/ner"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/graph"
)

// loadExtractor loads the embedded models once for all tests.
var loadExtractor = sync.OnceValues(func() (*Extractor, error) { return New(Options{}) })

// extractText runs the whole extraction on text published on 2024-05-08 (a Wednesday).
func extractText(t *testing.T, text string) graph.Graph {
	t.Helper()
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	g, err := x.Extract(context.Background(), source.Article{Path: "test.txt", Text: text, Published: "2024-05-08"})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// entityNames analyzes text and returns its entities as sorted "Type:Name".
func entityNames(t *testing.T, text string) []string {
	t.Helper()
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range d.Entities {
		out = append(out, e.Type+":"+e.Name)
	}
	slices.Sort(out)
	return out
}

// triples formats the relations as "Subject RELATION Object".
func triples(g graph.Graph) []string {
	var out []string
	for _, r := range g.Relations {
		out = append(out, r.Subject+" "+r.Relation+" "+r.Object)
	}
	return out
}

// find returns the relation "Subject RELATION Object", failing the test when absent.
func find(t *testing.T, g graph.Graph, triple string) graph.Relation {
	t.Helper()
	for _, r := range g.Relations {
		if r.Subject+" "+r.Relation+" "+r.Object == triple {
			return r
		}
	}
	t.Fatalf("no relation %q; got %q", triple, triples(g))
	return graph.Relation{}
}

func TestClauseConstructions(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // exactly these relations, in any order
	}{
		{"active voice", "Russia attacked Ukraine on Monday.", []string{"Russia ATTACKS Ukraine"}},
		{"passive with agent", "Ukraine was attacked by Russia.", []string{"Russia ATTACKS Ukraine"}},
		{"agentless passive invents no agent", "Ukraine was attacked on Tuesday.", nil},
		{"coordinated subjects", "France and Germany condemned Iran.", []string{"France CONDEMNS Iran", "Germany CONDEMNS Iran"}},
		{"recipient after the theme", "Germany sent tanks to Poland.", []string{"Germany SUPPLIES Poland"}},
		{"nominal event", "Russia's invasion of Ukraine began in February.", []string{"Russia INVADES Ukraine"}},
		{"expelling a state's troops reduces relations; a person is expelled", "Mali expelled troops from France. Iran expelled the journalist John Smith.",
			[]string{"Mali REDUCES_RELATIONS France", "Iran EXPELS John Smith"}},
		{"inflicting losses", "Chad's army inflicted heavy losses on the Coastal Brigade.", []string{"Chadian military ATTACKS Coastal Brigade", "Chadian military PART_OF Chad"}},
		{"designation as a terrorist group", "The Coastal Brigade has been designated a terrorist organization by Chile and Peru.",
			[]string{"Chile SANCTIONS Coastal Brigade", "Peru SANCTIONS Coastal Brigade"}},
		{"answering an act of force", "Chile's soldiers responded to Peruvian unprovoked firing. Chile responded to Peru's criticism.",
			[]string{"Chilean military FIGHTS Peru", "Chilean military PART_OF Chile", "Peru ATTACKS Chilean military"}},
		{"approving a sale", "Chile approved a $385 million sale of spare parts for fighter jets to Peru.", []string{"Chile SUPPLIES Peru"}},
		{"drills around a state show force; drills with one cooperate", "Chile launched naval exercises around Peru. Chile held drills with Bolivia.",
			[]string{"Chile DEPLOYS Peru", "Chile COOPERATES_MILITARILY Bolivia"}},
		{"holding talks, and holding a town", "Chile held talks with Bolivia. The Coastal Brigade has held Goma since May.",
			[]string{"Chile NEGOTIATES_WITH Bolivia", "Coastal Brigade OCCUPIES Goma"}},
		{"phase verbs pass the event through", "Chile resumed talks with Peru. Bolivia stepped up attacks on Chile.", []string{"Chile NEGOTIATES_WITH Peru", "Bolivia ATTACKS Chile"}},
		{"campaigns and designations", "Chile launched a military campaign against the Andes Front. Peru welcomed the U.S. designation of the Andes Front.", []string{"Chile ATTACKS Andes Front", "United States SANCTIONS Andes Front", "Peru PRAISES United States"}},
		{"ordering an act is the act", "Chile ordered the arrest of Ana Rios and the expulsion of two Peruvian diplomats. Chile ordered Peru to withdraw.",
			[]string{"Chile ARRESTS Ana Rios", "Chile EXPELS Peru", "Chile DEMANDS Peru"}},
		{"targets named by whose they are", "Chilean warplanes struck two facilities used by the Andes Front. Peru shelled positions held by the Quechua Deterrence Force.",
			[]string{"Chile ATTACKS Andes Front", "Peru SHELLS Quechua Deterrence Force"}},
		{"the city of a state", "Chile shelled the Peruvian city of Tacna. Bolivia attacked the Adyabo area of northern Peru.",
			[]string{"Chile SHELLS Tacna", "Tacna LOCATED_IN Peru", "Bolivia ATTACKS Adyabo area", "Adyabo area LOCATED_IN Peru"}},
		{"camps and fighters named by whose they are", "Chilean troops raided the Tacna refugee camp. Peru's army said its forces killed 20 rebels from the Andes Front.",
			[]string{"Chilean military ATTACKS Tacna", "Chilean military PART_OF Chile", "Peruvian military KILLS Andes Front", "Peruvian military PART_OF Peru"}},
		{"a deal brokered by a third state", "Chile and Peru agreed to restore relations in a deal brokered by Brazil.",
			[]string{"Chile AGREES_WITH Peru", "Peru AGREES_WITH Chile", "Chile COOPERATES_WITH Peru", "Peru COOPERATES_WITH Chile", "Brazil MEDIATES Chile", "Brazil MEDIATES Peru"}},
		{"rejecting a charge answers the accuser", "Chile accused Peru of shelling the border. Peru rejected the charge. Bolivia does not recognize Chile.",
			[]string{"Chile ACCUSES Peru", "Peru REJECTS Chile", "Bolivia REJECTS Chile"}},
		{"solidarity and named members of a group", "The alliance's chief said NATO stood in solidarity with Peru. Rights groups, including Amnesty International, have criticised the Chilean government.",
			[]string{"North Atlantic Treaty Organization SUPPORTS Peru", "Amnesty International CRITICIZES Chile"}},
		{"troops sent to a border", "Chile will send 5,000 more troops to the Peru border. Bolivia sent tanks to Chile.",
			[]string{"Chile DEPLOYS Peru", "Bolivia SUPPLIES Chile"}},
		{"objections to what an actor does", "Chilean President Ana Rios expressed strong objections to Peru's continued missile tests.",
			[]string{"Ana Rios CRITICIZES Peru", "Ana Rios AFFILIATION Chile"}},
		{"weapons launched at a state, ramming, suspension", "Chile launched 120 missiles and 90 drones at Peru overnight, Peruvian officials said. Chilean coast guard ships rammed a Peruvian vessel. The African Union suspended Bolivia after the coup.",
			[]string{"Chile ATTACKS Peru", "Peruvian officials ACCUSES Chile", "Chile coast guard ATTACKS Peru", "Chile coast guard PART_OF Chile", "African Union REDUCES_RELATIONS Bolivia"}},
		{"what an air strike did, and where", "Chilean air strikes killed at least 30 people in Tacna on Tuesday, health officials said.",
			[]string{"Chile BOMBS Tacna", "health officials ACCUSES Chile"}},
		{"reactions to a named act of any kind, and talks as a journey's purpose", "Chile and Peru began joint military drills on Monday. Bolivia denounced the drills as a rehearsal for invasion. Ana Rios arrived in Peru for talks with Bolivia.",
			[]string{"Chile COOPERATES_MILITARILY Peru", "Peru COOPERATES_MILITARILY Chile", "Bolivia CONDEMNS Chile", "Bolivia CONDEMNS Peru", "Ana Rios VISITS Peru", "Ana Rios NEGOTIATES_WITH Bolivia"}},
		{"an aid package named as materiel", "Chile announced a military aid package for Peru.", []string{"Chile AIDS Peru"}},
		{"accepting what an actor proposed", "The Andes Front accepted a ceasefire proposal put forward by Peru and Bolivia. Chile accepted the offer of Peru.",
			[]string{"Andes Front AGREES_WITH Peru", "Andes Front AGREES_WITH Bolivia", "Chile AGREES_WITH Peru"}},
		{"returning fire and retaliation answer the latest attacker", "Chilean troops shelled Peruvian border posts on Monday. Peruvian forces returned fire, a spokesman said. Bolivia fired missiles at Chile. Chile retaliated on Saturday.",
			[]string{"Chilean military SHELLS Peru", "Chilean military PART_OF Chile", "Peruvian military FIGHTS Chilean military", "Peruvian military PART_OF Peru", "Bolivia ATTACKS Chile", "Chile ATTACKS Bolivia"}},
		{"working with a partner", "Chile is working with Peru to end the dispute. Bolivia teamed up with Chile.", []string{"Chile COOPERATES_WITH Peru", "Bolivia COOPERATES_WITH Chile"}},
		{"reaction to what an actor claims", "Santiago rejects Lima's claims.", []string{"Chile REJECTS Peru"}},
		{"a threatened act", "The Coastal Brigade threatened to target Chilean ships.", []string{"Coastal Brigade THREATENS Chile"}},
		{"reciprocal events of coordinated subjects", "Chile and Peru clashed on Monday. Chile and Bolivia held talks.",
			[]string{"Chile FIGHTS Peru", "Peru FIGHTS Chile", "Chile NEGOTIATES_WITH Bolivia", "Bolivia NEGOTIATES_WITH Chile"}},
		{"two subjects of one verb", "Chile and Peru carried out strikes against Bolivia.", []string{"Chile ATTACKS Bolivia", "Peru ATTACKS Bolivia"}},
		{"announcing an act", "Chile announced a new aid package for Peru. The EU announced sanctions on Bolivia.",
			[]string{"Chile AIDS Peru", "European Union SANCTIONS Bolivia"}},
		{"readiness for an act", "Chile is open to negotiations with Peru.", []string{"Chile PROMISES Peru"}},
		{"turning to someone for help", "Mali turned to Moscow for security assistance.", []string{"Mali REQUESTS Russia"}},
		{"relative pronoun subject", "Angola's president Joao Lourenco, who has mediated between Chile and Peru, spoke on Monday.",
			[]string{"Joao Lourenco MEDIATES Chile", "Joao Lourenco MEDIATES Peru", "Joao Lourenco AFFILIATION Angola"}},
		{"nominal event's phrases hung on its verb", "The army repelled a major assault by the Rapid Support Forces on Bol.", []string{"Rapid Support Forces ATTACKS Bol"}},
		{"title before a name", "Chinese President Xi Jinping visited Moscow.", []string{"Xi Jinping VISITS Russia", "Xi Jinping AFFILIATION China"}},
		{"fighting alongside an ally cooperates", "The Coastal Front, a militia that fights alongside Chile's army, said it had repelled the attack. Chile fought against the Coastal Front.",
			[]string{"Coastal Front COOPERATES_MILITARILY Chilean military", "Chilean military PART_OF Chile", "Chile FIGHTS Coastal Front"}},
		{"a statement is not about the place it names", "Chile's army said about 40 rockets were fired from Peru overnight. Chile's army said rockets were fired at Bolivia.",
			[]string{"Chilean military PART_OF Chile", "Chilean military STATES Bolivia"}},
		{"reporting one's own act states nothing about others", "Chile's army said it had searched for Peru's missing pilots. Chile's army said Bolivia had searched for Peru's missing pilots.",
			[]string{"Chilean military PART_OF Chile", "Chilean military STATES Bolivia", "Chilean military STATES Peru"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := triples(extractText(t, c.text))
			slices.Sort(got)
			want := slices.Clone(c.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%q:\n got  %q\n want %q", c.text, got, want)
			}
		})
	}
}

func TestDateResolvedAgainstPublication(t *testing.T) {
	r := find(t, extractText(t, "Russia attacked Ukraine on Monday."), "Russia ATTACKS Ukraine")
	if r.Date != "2024-05-06" || r.DateSource != "text" {
		t.Errorf("date = %s (%s), want 2024-05-06 (text)", r.Date, r.DateSource)
	}
	if root := r.CAMEO[:2]; root != "19" {
		t.Errorf("CAMEO = %s, want root 19", r.CAMEO)
	}
	r = find(t, extractText(t, "France and Germany condemned Iran."), "France CONDEMNS Iran")
	if r.Date != "2024-05-08" || r.DateSource != "published" {
		t.Errorf("undated relation: date = %s (%s), want the publication date", r.Date, r.DateSource)
	}
}

func TestInstrumentAndWeaponCode(t *testing.T) {
	r := find(t, extractText(t, "Germany sent tanks to Poland."), "Germany SUPPLIES Poland")
	if r.Instrument != "tanks" || r.CAMEO != "072" {
		t.Errorf("instrument %q, CAMEO %s; want tanks and 072 (military aid)", r.Instrument, r.CAMEO)
	}
}

func TestReportedSpeechHasSource(t *testing.T) {
	g := extractText(t, "Iran said Israel attacked Syria.")
	r := find(t, g, "Israel ATTACKS Syria")
	if r.Source != "Iran" {
		t.Errorf("source = %q, want Iran", r.Source)
	}
	if r := find(t, g, "Iran ACCUSES Israel"); r.CAMEO != "112" {
		t.Errorf("saying another attacked is an accusation: CAMEO %s, want 112", r.CAMEO)
	}
}

func TestPolarityAndModality(t *testing.T) {
	cases := []struct {
		text, triple, modality string
		negated                bool
	}{
		{"Turkey did not attack Greece.", "Turkey ATTACKS Greece", "asserted", true},
		{"Russia will attack Finland.", "Russia ATTACKS Finland", "future", false},
		{"If Iran attacks Israel, the region will burn.", "Iran ATTACKS Israel", "conditional", false},
		// A negated governor negates what it controls, and what it denies,
		// not what it reports.
		{"Chile did not agree to send troops to Peru.", "Chile SUPPLIES Peru", "asserted", true},
		{"Iran denied that Syria attacked Iraq.", "Syria ATTACKS Iraq", "asserted", true},
		{"Iran did not say whether Syria attacked Iraq.", "Syria ATTACKS Iraq", "asserted", false},
	}
	for _, c := range cases {
		r := find(t, extractText(t, c.text), c.triple)
		if r.Negated != c.negated || r.Modality != c.modality {
			t.Errorf("%q: negated=%v modality=%s, want %v %s", c.text, r.Negated, r.Modality, c.negated, c.modality)
		}
	}
}

func TestInstitutionNamedAfterAState(t *testing.T) {
	g := extractText(t, "The Russia Council met on Monday.")
	entity(t, g, "Organization", "Russia Council")
	if n := countType(g, "Country"); n != 0 {
		t.Errorf("%d states, want none: the council is not Russia", n)
	}
}

func TestOneEntityAcrossCasingsAndMilitaryWords(t *testing.T) {
	g := extractText(t, "Strikes hit Shan state on Monday. The army shelled Shan State again. Two Chilean servicemen died, the Chilean military said.")
	if n := countType(g, "Location") + countType(g, "Person"); n != 1 {
		t.Errorf("%d places and persons, want Shan State once", n)
	}
	mil := entity(t, g, "Organization", "Chilean military")
	if !slices.Contains(mil.Aliases, "Chilean servicemen") {
		t.Errorf("aliases %q lack Chilean servicemen", mil.Aliases)
	}
	// Money is no act of force around a capital: Lima is Peru here.
	g = extractText(t, "Chile said it would provide 150 million pounds in aid to Lima.")
	entity(t, g, "Country", "Peru")
}

func TestCapitalOfAFacilityIsTheCity(t *testing.T) {
	g := extractText(t, "Forty Kenyan officers landed at Mitiga International Airport in Tripoli on Monday.")
	find(t, g, "Mitiga International Airport LOCATED_IN Tripoli")
	// Officials in the capital are the state's.
	g = extractText(t, "Kenyan officers met officials in Tripoli on Monday.")
	if n := countType(g, "Location"); n != 0 {
		t.Errorf("%d places, want none", n)
	}
}

func TestCompassPartOfAPlace(t *testing.T) {
	g := extractText(t, "Drone strikes hit Nyala, the capital of South Darfur state, on Saturday.")
	find(t, g, "Nyala LOCATED_IN South Darfur")
	g = extractText(t, "Rebels attacked El Fasher, the last city in the western Darfur region, on Friday.")
	find(t, g, "El Fasher LOCATED_IN Darfur")
}

func TestPlaceNamesWithParticles(t *testing.T) {
	g := extractText(t, "Shells hit the villages of Kfar Kila and Aita al-Shaab. Troops moved into Norte de Santander province. The militia's Az-Zahira media arm said so.")
	entity(t, g, "Location", "Aita al-Shaab")
	entity(t, g, "Location", "Norte de Santander province")
	entity(t, g, "Organization", "Az-Zahira")
}

func TestNumberedUnitNames(t *testing.T) {
	g := extractText(t, "The Sabha militia accused the 112th Mechanized Brigade of shelling homes. Officials said the 3rd Armoured Division had withdrawn.")
	find(t, g, "Sabha militia ACCUSES 112th Mechanized Brigade")
	entity(t, g, "Organization", "3rd Armoured Division")
	// A lower-case unit is a description, not a name.
	g = extractText(t, "Officials said the 2nd division had withdrawn.")
	if n := countType(g, "Organization"); n != 0 {
		t.Errorf("%d organizations, want none", n)
	}
}

func TestDemonymOpensAnOrganizationsName(t *testing.T) {
	g := extractText(t, "Zambian Airways suspended operations in the region on Monday.")
	entity(t, g, "Organization", "Zambian Airways")
	// A known organization's name is whole without the demonym.
	g = extractText(t, "Lebanese Hezbollah fighters attacked the camp.")
	h := entity(t, g, "Organization", "Hezbollah")
	if !slices.Equal(h.Aliases, []string{"Hezbollah"}) {
		t.Errorf("aliases %q, want Hezbollah alone", h.Aliases)
	}
}

func TestNamesOpenedByParticlesAndArticles(t *testing.T) {
	// The recognizer starts at the particle ("al-Nasr", a person): the word
	// before it opens the name, a place after "at".
	g := extractText(t, "US jets struck depots at Jurf al-Nasr in Babil province.")
	find(t, g, "Jurf al-Nasr LOCATED_IN Babil province")
	// An elided article opens a name that is no person's.
	g = extractText(t, "The daily L'Observateur Paalga said so.")
	entity(t, g, "Organization", "L'Observateur Paalga")
	// A person after a place preposition's object stays a person.
	g = extractText(t, "Officials met in Tikrit with Abu Bakr al-Nasr.")
	entity(t, g, "Person", "Abu Bakr al-Nasr")
}

func TestInstitutionForNamedThings(t *testing.T) {
	g := extractText(t, "Levan Beridze, director of the Georgian government's Office for Abkhazia and Samegrelo, denied it.")
	find(t, g, "Office for Abkhazia and Samegrelo PART_OF Georgia")
	if n := countType(g, "Location") + countType(g, "Person"); n != 1 {
		t.Errorf("%d places and persons, want Levan Beridze alone", n)
	}
	// A lower-case office names nothing.
	g = extractText(t, "The office for refugees in Chile closed.")
	if n := countType(g, "Organization"); n != 0 {
		t.Errorf("%d organizations, want none", n)
	}
}

func TestOutletNamedAfterAMediaDescriptor(t *testing.T) {
	g := extractText(t, "Colonel Abebe Tesfaye told state broadcaster ZBC on Monday. The junta suspended French radio broadcaster RFX for three months.")
	entity(t, g, "Organization", "ZBC")
	entity(t, g, "Organization", "RFX")
	if n := countType(g, "Organization"); n != 2 {
		t.Errorf("%d organizations, want the two outlets alone", n)
	}
	// Descriptors before no name name no outlet.
	g = extractText(t, "The agency said the radio was off.")
	if n := countType(g, "Organization"); n != 0 {
		t.Errorf("%d organizations, want none", n)
	}
}

func TestQuotedNicknameOfAPerson(t *testing.T) {
	g := extractText(t, `In a video, a Grand Ravine leader who goes by the name "Ti Zoro" threatened to attack the port. The U.S. imposed sanctions on Ti Zoro.`)
	find(t, g, "United States SANCTIONS Ti Zoro")
	if n := countType(g, "Location"); n != 0 {
		t.Errorf("%d places, want none", n)
	}
	// A group's nickname is no person's.
	g = extractText(t, `The group known as "Blue Sky" said so.`)
	if n := countType(g, "Person"); n != 0 {
		t.Errorf("%d persons, want none", n)
	}
}

func TestAStatesInstitution(t *testing.T) {
	g := extractText(t, "Chile's Atomic Energy Commission said the reactor was safe.")
	find(t, g, "Atomic Energy Commission PART_OF Chile")
	g = extractText(t, "The People's Liberation Army's Eastern Theater Command said the drills ended.")
	find(t, g, "Eastern Theater Command PART_OF Chinese military")
}

func TestInstitutionAfterAStatesName(t *testing.T) {
	// The recognizer tags only the state's name: the capitalized words up
	// to an institution's head word are the institution's name.
	g := extractText(t, "Peru's Bolivia Affairs Office accused Evo Rojas of provoking confrontation.")
	find(t, g, "Bolivia Affairs Office PART_OF Peru")
	find(t, g, "Bolivia Affairs Office ACCUSES Evo Rojas")
	// A lower-case office is no institution's name.
	g = extractText(t, "Peru said its Bolivia office was closed.")
	entity(t, g, "Country", "Bolivia")
	if n := countType(g, "Organization"); n != 0 {
		t.Errorf("%d organizations, want none", n)
	}
}

func TestUnitOfAnOrganization(t *testing.T) {
	g := extractText(t, "The Coastal Brigade's central command accused Chile of violating the truce.")
	find(t, g, "Coastal Brigade central command PART_OF Coastal Brigade")
	unit := entity(t, g, "Organization", "Coastal Brigade central command")
	if !slices.Contains(unit.Aliases, "Coastal Brigade's central command") {
		t.Errorf("aliases %q lack the written form", unit.Aliases)
	}
	g = extractText(t, "The Coastal Brigade said its armed wing shelled Arica.")
	find(t, g, "Coastal Brigade armed wing PART_OF Coastal Brigade")
	// A state's unit, a bare unit noun, a unit noun inside a longer phrase: no unit.
	for _, text := range []string{
		"Chile's central command said the border was calm.",
		"The Coastal Brigade said its command was intact.",
		"The Coastal Brigade said its media arm team was arrested.",
	} {
		for _, r := range extractText(t, text).Relations {
			if r.Relation == "PART_OF" {
				t.Errorf("%q: %s PART_OF %s, want none", text, r.Subject, r.Object)
			}
		}
	}
}

func TestOrganizationLedByAnOrganization(t *testing.T) {
	g := extractText(t, "The African Union-led stabilization force in Chad (AUSF) said it had stepped up patrols.")
	find(t, g, "AUSF PART_OF African Union")
	// The participle modifies talks, not the organization named after them.
	g = extractText(t, "The African Union-led talks with the Coastal Brigade failed.")
	for _, r := range g.Relations {
		if r.Relation == "PART_OF" {
			t.Errorf("%s PART_OF %s: the talks are led, not the brigade", r.Subject, r.Object)
		}
	}
}

func TestBodyOfAnOrganization(t *testing.T) {
	g := extractText(t, "The Coastal Brigade's defence ministry said fighters had attacked two checkpoints.")
	find(t, g, "defence ministry PART_OF Coastal Brigade")
	// Owned by no one, or by a person: part of nothing.
	for _, text := range []string{
		"The Coastal Brigade attacked Arica. The defence ministry said fighters had attacked two checkpoints.",
		"Omar Haddad's defence ministry said fighters had attacked two checkpoints.",
	} {
		for _, r := range extractText(t, text).Relations {
			if r.Relation == "PART_OF" {
				t.Errorf("%q: %s PART_OF %s, want none", text, r.Subject, r.Object)
			}
		}
	}
}

func TestOutletOfAPossessivePronoun(t *testing.T) {
	g := extractText(t, "The Coastal Brigade claimed the attack in a statement carried by its Az-Zahra media arm.")
	find(t, g, "Az-Zahra PART_OF Coastal Brigade")
	// A person's outlet is no part of the person.
	g = extractText(t, "Omar Haddad said his Az-Zahra media arm was closed.")
	for _, r := range g.Relations {
		if r.Relation == "PART_OF" {
			t.Errorf("%s PART_OF %s: a person has no parts", r.Subject, r.Object)
		}
	}
}

func TestLongNameBeforeAnAcronym(t *testing.T) {
	// A name beginning with another organization's full name: part of it.
	g := extractText(t, "The African Union Border Support Mission in Chad (AUBSM) said its patrols were attacked.")
	find(t, g, "AUBSM PART_OF African Union")
	// The full name of a known acronym is its name; "X-affiliated", "X-linked": an affiliate.
	g = extractText(t, "Fighters of the Islamic State-affiliated Province of West Africa (ISWAP) attacked Arica. The Islamic State-linked Allied Democratic Forces (ADF) attacked Goma.")
	iswap := entity(t, g, "Organization", "Islamic State West Africa Province")
	if !slices.Contains(iswap.Aliases, "Province of West Africa") {
		t.Errorf("aliases %q lack the full name", iswap.Aliases)
	}
	find(t, g, "Islamic State West Africa Province PART_OF Islamic State")
	find(t, g, "Allied Democratic Forces PART_OF Islamic State")
	// A state links; it owns no armed group.
	g = extractText(t, "The U.S.-linked Coastal Brigade denied it. The Chile Border Mission (CBM) said its patrols were attacked.")
	for _, r := range g.Relations {
		if r.Relation == "PART_OF" {
			t.Errorf("%s PART_OF %s, want none", r.Subject, r.Object)
		}
	}
}

func TestFragmentsOfALongNameOfAnyType(t *testing.T) {
	// The recognizer read "Support Mission" as a place: a fragment of the name.
	g := extractText(t, "The United Nations Support Mission in Chad (UNSMIC) said it was alarmed.")
	if n := countType(g, "Location"); n != 0 {
		t.Errorf("%d places, want none; relations %q", n, triples(g))
	}
	entity(t, g, "Organization", "UNSMIC")
	// The place the name names after "in" stays a place.
	g = extractText(t, "The United Nations Support Mission in Abyei (UNSMA) said it was alarmed.")
	entity(t, g, "Location", "Abyei")
}

func TestAgencyIsPartOfItsParent(t *testing.T) {
	g := extractText(t, "The U.N. Office for the Coordination of Humanitarian Affairs (OCHA) said aid was blocked. The European Commission pledged money.")
	find(t, g, "Office for the Coordination of Humanitarian Affairs PART_OF United Nations")
	// The parent is named nowhere: no link, no invented node.
	for _, r := range g.Relations {
		if r.Subject == "European Commission" && r.Relation == "PART_OF" {
			t.Errorf("%s PART_OF %s, but the article never names the EU", r.Subject, r.Object)
		}
	}
}

func TestAffiliationAroundTitles(t *testing.T) {
	for _, c := range []struct{ text, person, org, role string }{
		// A chain of titles is no part of the name.
		{"Brig. Gen. Omar Haddad said the talks failed.", "Omar Haddad", "", "general"},
		// The title's owner before it: a pronoun, resolved, or a name.
		{"The Coastal Brigade attacked Chile. Its spokesman, Omar Haddad, said the attack succeeded.", "Omar Haddad", "Coastal Brigade", "spokesperson"},
		{"Peru mourned one of Hezbollah's field commanders, Omar Haddad.", "Omar Haddad", "Hezbollah", "commander"},
		// Modifiers between the owner and the title.
		{"Omar Haddad, the Coastal Brigade's Arabic-language spokesman, said the attack succeeded.", "Omar Haddad", "Coastal Brigade", "spokesperson"},
		{"Hamas deputy spokesman Omar Haddad said the attack succeeded.", "Omar Haddad", "Hamas", "deputy spokesperson"},
		{"Peru's information minister, Omar Haddad, denied the report.", "Omar Haddad", "Peru", "minister"},
		{"The African Union's foreign policy spokeswoman, Ana Ruiz, urged calm.", "Ana Ruiz", "African Union", "spokesperson"},
		{"The talks ended, said Bolivia's Energy Minister Omar Haddad.", "Omar Haddad", "Bolivia", "minister"},
		{"Chile's Interior Cabinet Secretary, Omar Haddad, said the police would stay.", "Omar Haddad", "Chile", "interior minister"},
		// A post after the title; a person as the owner.
		{"Chile's ambassador to the United Nations in New York, Omar Haddad, said the vote failed.", "Omar Haddad", "Chile", "ambassador"},
		{"Omar Haddad, President Tomas Arrieta's spokesman, said the vote failed.", "Omar Haddad", "Tomas Arrieta", "spokesperson"},
		// Diplomatic, party and police titles.
		{"Chile's chargé d'affaires in Lima, Omar Haddad, left Peru.", "Omar Haddad", "Chile", "charge d affaires"},
		{"The Democratic Renewal Party (DRP) met. The party's deputy chairman, Omar Haddad, resigned.", "Omar Haddad", "Democratic Renewal Party", "deputy chairman"},
		{"Detective Chief Superintendent Omar Haddad said the ship was seized.", "Omar Haddad", "", "superintendent"},
		// A bare state title in an article about one state, named in the sentence.
		{"Chile recalled its ambassador on Monday. Chile closed the border. Chile will review its ties with Peru, President Tomas Arrieta said.", "Tomas Arrieta", "Chile", "president"},
	} {
		g := extractText(t, c.text)
		p := entity(t, g, "Person", c.person)
		if !slices.Contains(p.Roles, c.role) {
			t.Errorf("%q: roles %q, want %q", c.text, p.Roles, c.role)
		}
		if c.org != "" {
			if r := find(t, g, c.person+" AFFILIATION "+c.org); r.Role != c.role {
				t.Errorf("%q: affiliation role %q, want %q", c.text, r.Role, c.role)
			}
		}
	}
}

func TestPoliceTitlesMakeNoPersonAlone(t *testing.T) {
	// Rank words without a name are no person.
	g := extractText(t, "Chief inspectors and a superintendent from Chile visited Peru on Monday.")
	if n := countType(g, "Person"); n != 0 {
		t.Errorf("%d persons, want none", n)
	}
}

func TestTitleModifiersNeedTheOwnerBeforeThem(t *testing.T) {
	// A determiner ends the title's modifiers: Chile owns its allies, not the minister.
	g := extractText(t, "Chile's allies praised the information minister, Omar Haddad, on Monday.")
	for _, r := range g.Relations {
		if r.Relation == "AFFILIATION" {
			t.Errorf("%s AFFILIATION %s: nothing says whose minister", r.Subject, r.Object)
		}
	}
}

func TestRoleForADescribedOrganization(t *testing.T) {
	for _, c := range []struct{ text, triple string }{
		{"UNMISS reported new clashes near Malakal. Omar Haddad, a spokesman for the mission, said patrols were suspended.", "Omar Haddad AFFILIATION United Nations Mission in South Sudan"},
		// A peacekeeping force is a mission.
		{"UNIFIL said a patrol came under fire near Tyre. Omar Haddad, a spokesman for the mission, said no one was hurt.", "Omar Haddad AFFILIATION United Nations Interim Force in Lebanon"},
		{"U.S. Africa Command said it struck a camp in Somalia. Omar Haddad, a spokesman for the command, said two fighters died.", "Omar Haddad AFFILIATION United States Africa Command"},
	} {
		find(t, extractText(t, c.text), c.triple)
	}
	// No mission named: the description has no antecedent.
	g := extractText(t, "Chile sent troops to Peru. Omar Haddad, a spokesman for the mission, said the troops arrived.")
	for _, r := range g.Relations {
		if r.Relation == "AFFILIATION" {
			t.Errorf("%s AFFILIATION %s: no mission is named", r.Subject, r.Object)
		}
	}
}

func TestBareOrganizationNounBeforeATitle(t *testing.T) {
	for _, c := range []struct{ text, triple string }{
		{"Chile's defense ministry said it tracked 12 ships. \"This is a provocation,\" ministry spokesman Omar Haddad told reporters.", "Omar Haddad AFFILIATION Chile Ministry of Defense"},
		// "army" is the military of the article's state.
		{"SANTIAGO (Reuters) - Chile closed its border with Peru. Chile said the border would stay shut, and army commander General Omar Haddad said troops were ready.", "Omar Haddad AFFILIATION Chilean military"},
		// A chain of titles: the first says whose.
		{"Peru's army repelled an assault by the Coastal Brigade. Army chief Gen. Omar Haddad ordered a counterattack.", "Omar Haddad AFFILIATION Peruvian military"},
	} {
		find(t, extractText(t, c.text), c.triple)
	}
	// Two ministries, or two armies and no state the article is about: unsure.
	for _, text := range []string{
		"Chile's defense ministry and Peru's foreign ministry met. \"We disagree,\" ministry spokesman Omar Haddad said.",
		"Chile's army and Peru's army clashed. Army chief Gen. Omar Haddad ordered a retreat.",
	} {
		for _, r := range extractText(t, text).Relations {
			if r.Relation == "AFFILIATION" {
				t.Errorf("%q: %s AFFILIATION %s, want none", text, r.Subject, r.Object)
			}
		}
	}
}

func TestTitleOwnerPastAnAcronymAndGovernment(t *testing.T) {
	for _, c := range []struct{ text, triple string }{
		// The organization's acronym in parentheses, then a chain of titles.
		{"Kenya Defence Forces (KDF) spokesman Lt. Col. Omar Haddad said the convoy arrived.", "Omar Haddad AFFILIATION Kenyan military"},
		// "government" before a title: the state the article is about.
		{"SANTIAGO (Reuters) - Chile closed its border with Peru. Chile said the border would stay shut, and government spokesman Colonel Omar Haddad said troops were ready.", "Omar Haddad AFFILIATION Chile"},
	} {
		find(t, extractText(t, c.text), c.triple)
	}
	// More than an acronym in the parentheses; two states and no article
	// state: unsure.
	for _, text := range []string{
		"Kenya Defence Forces (and police) spokesman Omar Haddad said the convoy arrived.",
		"Chile recalled its ambassador from Peru. Peru protested, and government spokesman Omar Haddad said Chile lied.",
	} {
		for _, r := range extractText(t, text).Relations {
			if r.Relation == "AFFILIATION" {
				t.Errorf("%q: %s AFFILIATION %s, want none", text, r.Subject, r.Object)
			}
		}
	}
}

func TestLedByGivesTheLeader(t *testing.T) {
	g := extractText(t, "Chile's military government, led by General Omar Haddad, closed the border.")
	if r := find(t, g, "Omar Haddad AFFILIATION Chile"); r.Role != "leader" {
		t.Errorf("role %q, want leader", r.Role)
	}
	g = extractText(t, "The Coastal Brigade, headed by Omar Haddad, seized the port.")
	find(t, g, "Omar Haddad AFFILIATION Coastal Brigade")
	// What a person leads here is no actor.
	g = extractText(t, "Chile said the convoy, led by Colonel Omar Haddad, reached the border.")
	for _, r := range g.Relations {
		if r.Relation == "AFFILIATION" {
			t.Errorf("%s AFFILIATION %s: the convoy is led, not Chile", r.Subject, r.Object)
		}
	}
}

func TestBareStateTitleNeedsItsState(t *testing.T) {
	// Two states equally present: whose president is unknown, no affiliation.
	g := extractText(t, "Chile recalled its ambassador from Peru. President Tomas Arrieta said Peru spied on Chile.")
	for _, r := range g.Relations {
		if r.Relation == "AFFILIATION" {
			t.Errorf("%s AFFILIATION %s: the article is about two states", r.Subject, r.Object)
		}
	}
	// Not named clearly most, but most, and the dateline's state: the article's state.
	const story = " (Reuters) - Chile closed its border with Peru and Bolivia on Monday, President Tomas Arrieta said. Peru protested. Chile said the closure was temporary and Chile would review it."
	g = extractText(t, "SANTIAGO"+story)
	find(t, g, "Tomas Arrieta AFFILIATION Chile")
	// Filed from elsewhere: unsure.
	g = extractText(t, "LIMA"+story)
	for _, r := range g.Relations {
		if r.Relation == "AFFILIATION" {
			t.Errorf("%s AFFILIATION %s: the dateline is Peru's, the most named state Chile", r.Subject, r.Object)
		}
	}
}

func TestDatelineGivesNoEntity(t *testing.T) {
	g := extractText(t, "Chile closes border\n\nSANTIAGO (Reuters) - Chile closed its border with Peru on Monday.")
	if c := entity(t, g, "Country", "Chile"); slices.Contains(c.Aliases, "SANTIAGO") {
		t.Errorf("Chile's aliases %q include the dateline", c.Aliases)
	}
}

func TestAffiliationFromApposition(t *testing.T) {
	g := extractText(t, "Sergey Lavrov, Russia's foreign minister, met Antony Blinken in Geneva.")
	r := find(t, g, "Sergey Lavrov AFFILIATION Russia")
	if r.Role != "foreign minister" || r.CAMEO != "" {
		t.Errorf("role %q, CAMEO %q; want foreign minister and no code", r.Role, r.CAMEO)
	}
	find(t, g, "Sergey Lavrov MEETS Antony Blinken")
}

func TestAppositionPastModifiersOfTheOrganization(t *testing.T) {
	g := extractText(t, "Police detained Luis Mora, chairman of the opposition Democratic Renewal Party (DRP), on Friday. "+
		"Police arrested Ana Ruiz, a journalist with the private daily Reuters, on Sunday.")
	find(t, g, "Luis Mora AFFILIATION Democratic Renewal Party")
	find(t, g, "Ana Ruiz AFFILIATION Reuters")
	// The modifiers head a phrase of their own: the organization is no employer.
	g = extractText(t, "Luis Mora, a critic of the opposition leaders in Chile, spoke on Friday.")
	for _, r := range g.Relations {
		if r.Relation == "AFFILIATION" {
			t.Errorf("%s AFFILIATION %s: Mora criticizes leaders, he works for no one named", r.Subject, r.Object)
		}
	}
}

func TestQuoteSpeakerAndFirstPerson(t *testing.T) {
	g := extractText(t, "“We have warned Washington,” Sergey Lavrov, Russia's foreign minister, said.")
	r := find(t, g, "Russia WARNS United States")
	if r.Source != "Sergey Lavrov" {
		t.Errorf("source = %q, want the speaker Sergey Lavrov", r.Source)
	}
}

func TestHyphenatedAgent(t *testing.T) {
	g := extractText(t, "The Iran-backed Hezbollah fired rockets at Israel.")
	// Backing an armed group is military aid, not words.
	r := find(t, g, "Iran AIDS Hezbollah")
	if r.CAMEO != "072" {
		t.Errorf("CAMEO %s, want 072", r.CAMEO)
	}
	// So is the verb.
	g = extractText(t, "Chile accused Peru of supporting the M23 rebels.")
	if r := find(t, g, "Peru AIDS M23"); r.CAMEO != "072" {
		t.Errorf("CAMEO %s, want 072", r.CAMEO)
	}
	// Backing a state stays support.
	g = extractText(t, "The U.S.-backed Ukraine resisted.")
	if r := find(t, g, "United States SUPPORTS Ukraine"); r.CAMEO != "051" {
		t.Errorf("CAMEO %s, want 051", r.CAMEO)
	}
}

// entity returns the entities of type typ, failing unless there is exactly one named name.
func entity(t *testing.T, g graph.Graph, typ, name string) graph.Entity {
	t.Helper()
	var found []graph.Entity
	for _, e := range g.Entities {
		if e.Type == typ && e.Name == name {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		var all []string
		for _, e := range g.Entities {
			all = append(all, fmt.Sprintf("%s:%s%v", e.Type, e.Name, e.Aliases))
		}
		t.Fatalf("%d %s entities named %q; entities: %s", len(found), typ, name, strings.Join(all, ", "))
	}
	return found[0]
}

func countType(g graph.Graph, typ string) int {
	n := 0
	for _, e := range g.Entities {
		if e.Type == typ {
			n++
		}
	}
	return n
}

func TestOneNodePerCountryVariant(t *testing.T) {
	g := extractText(t, "The U.S. warned Iran. The United States sanctioned Syria. Washington also condemned Iran.")
	us := entity(t, g, "Country", "United States")
	for _, a := range []string{"U.S.", "United States", "Washington"} {
		if !slices.Contains(us.Aliases, a) {
			t.Errorf("aliases %q lack %q", us.Aliases, a)
		}
	}
	if us.Country != "USA" {
		t.Errorf("country = %q, want USA", us.Country)
	}
	if n := countType(g, "Country"); n != 3 {
		t.Errorf("%d countries, want 3 (United States, Iran, Syria)", n)
	}
}

func TestSurnameAndTransliteration(t *testing.T) {
	g := extractText(t, "Dmitry Peskov met Antony Blinken on Monday. Peskov said talks would continue. Dmitri Peskov later denied it.")
	p := entity(t, g, "Person", "Dmitry Peskov")
	for _, a := range []string{"Peskov", "Dmitri Peskov"} {
		if !slices.Contains(p.Aliases, a) {
			t.Errorf("aliases %q lack %q", p.Aliases, a)
		}
	}
	if n := countType(g, "Person"); n != 2 {
		t.Errorf("%d persons, want 2", n)
	}
}

func TestPronounPrefersSubject(t *testing.T) {
	g := extractText(t, "Lavrov met Blinken on Monday. He accused NATO of aggression.")
	find(t, g, "Lavrov ACCUSES North Atlantic Treaty Organization")
}

func TestDefiniteDescriptionAndBody(t *testing.T) {
	g := extractText(t, "The Russian Defense Ministry reported heavy fighting. The ministry accused Ukraine of shelling Belgorod.")
	find(t, g, "Russia Ministry of Defense ACCUSES Ukraine")
	find(t, g, "Russia Ministry of Defense PART_OF Russia")
}

func TestGeorgiaStateIsNotTheCountry(t *testing.T) {
	g := extractText(t, "Russia invaded Georgia in 2008.")
	entity(t, g, "Country", "Georgia")
	g = extractText(t, "The governor of Georgia met farmers in Atlanta, Georgia, on Friday.")
	for _, e := range g.Entities {
		if e.Type == "Country" && e.Name == "Georgia" {
			t.Errorf("the US state was read as the country: %+v", e)
		}
	}
}

func TestAcronymInParentheses(t *testing.T) {
	g := extractText(t, "The Northern Coastal Defense Alliance (NCDA) attacked the port. The NCDA denied shelling civilians.")
	o := entity(t, g, "Organization", "Northern Coastal Defense Alliance")
	if !slices.Contains(o.Aliases, "NCDA") {
		t.Errorf("aliases %q lack the acronym NCDA", o.Aliases)
	}
}

func TestSurnameTransliterationLinks(t *testing.T) {
	g := extractText(t, "Ukrainian President Volodymyr Zelenskyy met Chile's envoy. Zelensky said the talks went well.")
	p := entity(t, g, "Person", "Volodymyr Zelenskyy")
	if !slices.Contains(p.Aliases, "Zelensky") {
		t.Errorf("aliases %q lack Zelensky", p.Aliases)
	}
}

func TestKnownAsIntroducesAName(t *testing.T) {
	g := extractText(t, "Ahmed Salim Warsame, widely known as Gurey, commands the militia. Gurey said his men would fight.")
	p := entity(t, g, "Person", "Ahmed Salim Warsame")
	if !slices.Contains(p.Aliases, "Gurey") {
		t.Errorf("aliases %q lack the nickname", p.Aliases)
	}
	if n := countType(g, "Person"); n != 1 {
		t.Errorf("%d persons, want the one known by two names", n)
	}
	g = extractText(t, "The Coastal Brigade, known by its French acronym BRC, seized the port. BRC fighters then withdrew.")
	o := entity(t, g, "Organization", "Coastal Brigade")
	if !slices.Contains(o.Aliases, "BRC") {
		t.Errorf("aliases %q lack the acronym", o.Aliases)
	}
}

func TestOneNameOneEntityWhateverItsTypes(t *testing.T) {
	// The recognizer may read a rare name once as a place, once as a person.
	g := extractText(t, "Rebels attacked the town of Bulo Marer on Monday. The army retook Bulo Marer on Tuesday and patrols left Bulo Marer at noon.")
	n := 0
	for _, e := range g.Entities {
		if e.Name == "Bulo Marer" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d entities named Bulo Marer, want 1", n)
	}
}

func TestTheNorthIsTheArticlesNorthernState(t *testing.T) {
	g := extractText(t, "South Korea said North Korea fired a missile. Japan said the launch showed the North's ambition.")
	find(t, g, "Japan STATES North Korea")
	// No state of the article begins with "North": the North stays a direction.
	g = extractText(t, "Chile said the launch showed the North's ambition.")
	for _, r := range g.Relations {
		if r.Subject == "Chile" {
			t.Errorf("Chile %s %s: the North is no actor here", r.Relation, r.Object)
		}
	}
}

func TestCapitalThatSeatsAnOrganization(t *testing.T) {
	g := extractText(t, "The European Union imposed sanctions on Chile. Brussels said the measures would last a year.")
	eu := entity(t, g, "Organization", "European Union")
	if !slices.Contains(eu.Aliases, "Brussels") {
		t.Errorf("EU aliases %q lack Brussels", eu.Aliases)
	}
	if n := countType(g, "Country"); n != 1 {
		t.Errorf("%d states, want Chile only", n)
	}
	// Alone, or with two organizations seated there, Brussels is Belgium's capital.
	entity(t, extractText(t, "Brussels said the measures would last a year."), "Country", "Belgium")
	entity(t, extractText(t, "NATO and the European Union met. Brussels said the talks were useful."), "Country", "Belgium")
}

func TestCongoFromContext(t *testing.T) {
	// A document about the DRC: "Congo" is the DRC, its military one node.
	g := extractText(t, "The Democratic Republic of the Congo accused Rwanda of backing rebels. Congo said its army repelled an attack, and Congo's army vowed to retake the town.")
	drc := entity(t, g, "Country", "Democratic Republic of the Congo")
	if !slices.Contains(drc.Aliases, "Congo") {
		t.Errorf("aliases %q lack Congo", drc.Aliases)
	}
	if n := countType(g, "Country"); n != 2 {
		t.Errorf("%d states, want the DRC and Rwanda", n)
	}
	entity(t, g, "Organization", "Congolese military")
	if n := countType(g, "Organization"); n != 1 {
		t.Errorf("%d organizations, want the one military", n)
	}
	// Both states named in full: kept apart.
	g = extractText(t, "The Republic of the Congo and the Democratic Republic of the Congo signed a border deal. Congo said the deal was fair.")
	entity(t, g, "Country", "Congo")
	entity(t, g, "Country", "Democratic Republic of the Congo")
	// Alone, "Congo" is the Republic of the Congo.
	entity(t, extractText(t, "Congo signed a trade deal with Gabon."), "Country", "Congo")
}

func TestTypedOnlyDropsOpenRelations(t *testing.T) {
	text := "Sergey Ryabkov responded to Joe Biden on Saturday."
	g := extractText(t, text)
	find(t, g, "Sergey Ryabkov RELATED_TO Joe Biden")
	x, err := New(Options{TypedOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	g, err = x.Extract(context.Background(), source.Article{Path: "t.txt", Text: text, Published: "2024-05-08"})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Relations) != 0 {
		t.Errorf("--typed-only kept %q", triples(g))
	}
}

func TestMentionOffsetsAreCharacters(t *testing.T) {
	text := "“Russia” invaded Ukraine."
	g := extractText(t, text)
	runes := []rune(text)
	if len(g.Mentions) == 0 {
		t.Fatal("no mentions")
	}
	for _, m := range g.Mentions {
		if got := string(runes[m.Start:m.End]); got != m.Text {
			t.Errorf("runes[%d:%d] = %q, want %q", m.Start, m.End, got, m.Text)
		}
	}
}

func TestCapitalAsGovernmentOrCity(t *testing.T) {
	// Only a place: the city.
	g := extractText(t, "Russian troops shelled Kharkiv and fighting continued in Kyiv.")
	city := entity(t, g, "Location", "Kyiv")
	if city.Country != "UKR" {
		t.Errorf("Kyiv the city: country %q, want UKR", city.Country)
	}
	// Also used for the government: one node, the state (the gold graphs
	// list such a capital among the state's aliases).
	g = extractText(t, "Moscow warned Kyiv on Friday. Russian troops shelled Kharkiv and fighting continued in Kyiv.")
	find(t, g, "Russia WARNS Ukraine")
	for _, e := range g.Entities {
		if e.Name == "Kyiv" {
			t.Errorf("Kyiv kept as a node of its own beside Ukraine: %+v", e)
		}
	}
}

func TestCapitalReadings(t *testing.T) {
	g := extractText(t, "PARIS (Reuters) - Chile rejected pressure from Lima on Monday. In Washington, the State Department said it was concerned. Fighting raged in Khartoum.")
	// The dateline is where the reporter files from: no entity.
	for _, e := range g.Entities {
		if e.Name == "Paris" || e.Name == "France" || e.Name == "Washington" || e.Name == "Lima" {
			t.Errorf("entity %s:%s; the dateline files from Paris, Lima and Washington name their states here", e.Type, e.Name)
		}
	}
	if peru := entity(t, g, "Country", "Peru"); !slices.Contains(peru.Aliases, "Lima") {
		t.Errorf("Peru's aliases %q lack Lima", peru.Aliases)
	}
	entity(t, g, "Country", "United States")
	entity(t, g, "Location", "Khartoum") // the place of the fighting
}

func TestGazetteerPartsOfOrganizationsAndStates(t *testing.T) {
	// Agencies, commissions, missions and outlets whose parent the article
	// names; a state's police and commands named in full.
	for _, c := range []struct{ text, triple string }{
		{"Chile asked Frontex for drones, and the EU agreed.", "Frontex PART_OF European Union"},
		{"The ECOWAS Commission urged talks. ECOWAS leaders met in Abuja.", "ECOWAS Commission PART_OF Economic Community of West African States"},
		{"Islamic State said through Amaq that it had shot down a helicopter.", "Amaq PART_OF Islamic State"},
		{"The Mozambique Republic Police arrested two men in Pemba.", "Mozambique Republic Police PART_OF Mozambique"},
		{"U.S. Southern Command sent a ship to Panama.", "United States Southern Command PART_OF United States"},
	} {
		find(t, extractText(t, c.text), c.triple)
	}
	// The parent named nowhere: no link.
	for _, r := range extractText(t, "Chile asked Frontex for drones.").Relations {
		if r.Relation == "PART_OF" {
			t.Errorf("%s PART_OF %s, but the article never names the EU", r.Subject, r.Object)
		}
	}
}

func TestNamedNationalMilitaryIsTheStatesMilitary(t *testing.T) {
	g := extractText(t, "The People's Liberation Army held drills. The Chinese military said the drills ended.")
	mil := entity(t, g, "Organization", "Chinese military")
	if !slices.Contains(mil.Aliases, "People's Liberation Army") {
		t.Errorf("aliases %q lack the PLA's own name", mil.Aliases)
	}
	if n := countType(g, "Organization"); n != 1 {
		t.Errorf("%d organizations, want one military", n)
	}
}

func TestOneMilitaryPerState(t *testing.T) {
	g := extractText(t, "Indian soldiers crossed the border. The Indian military said Indian troops killed two militants.")
	mil := entity(t, g, "Organization", "Indian military")
	for _, a := range []string{"Indian soldiers", "Indian troops", "Indian military"} {
		if !slices.Contains(mil.Aliases, a) {
			t.Errorf("aliases %q lack %q", mil.Aliases, a)
		}
	}
	find(t, g, "Indian military PART_OF India")
}

func TestPlacesAroundGenericNouns(t *testing.T) {
	g := extractText(t, "Rebels seized Bayda district. The coalition bombed the port city of Mokha near Taiz province.")
	for _, name := range []string{"Bayda district", "Mokha", "Taiz"} { // the gazetteer names Taiz province "Taiz"
		entity(t, g, "Location", name)
	}
}

func TestLocatedInByWordOrder(t *testing.T) {
	g := extractText(t, "The rocket was launched from Kusong in the country's northern Pyongan province, officials said. Fighting spread to Tessalit in northern Kidal.")
	find(t, g, "Kusong LOCATED_IN Pyongan province")
	find(t, g, "Tessalit LOCATED_IN Kidal")
	// A comma before "in".
	g = extractText(t, "Gunmen attacked a checkpoint near Bunia, in the eastern Ituri province, on Sunday.")
	find(t, g, "Bunia LOCATED_IN Ituri")
	// "in" that opens a clause locates nothing.
	g = extractText(t, "Rebels shelled Bunia, in violation of a truce signed in Ituri.")
	for _, r := range g.Relations {
		if r.Relation == "LOCATED_IN" {
			t.Errorf("%s LOCATED_IN %s: the clause after the comma places nothing", r.Subject, r.Object)
		}
	}
}

func TestLedCoalitionAndJoinedFight(t *testing.T) {
	g := extractText(t, "The Saudi-led coalition struck Houthi positions.")
	find(t, g, "Saudi Arabia MEMBER_OF Saudi-led coalition")
	g = extractText(t, "Chadian troops have joined Nigerien government forces in the fight against Boko Haram.")
	find(t, g, "Chadian military FIGHTS Boko Haram")
	find(t, g, "Nigerien military FIGHTS Boko Haram")
}

func TestDeclinedCommentIsCoded(t *testing.T) {
	g := extractText(t, "The Finnish Defense Ministry declined to comment on Russia. The Swedish Foreign Ministry refused to comment about Russia.")
	for _, triple := range []string{"Finland Ministry of Defense DECLINES_COMMENT Russia", "Sweden Ministry of Foreign Affairs DECLINES_COMMENT Russia"} {
		r := find(t, g, triple)
		if r.CAMEO != "011" || r.Negated {
			t.Errorf("%s: CAMEO %s negated %v, want 011 and not negated", triple, r.CAMEO, r.Negated)
		}
	}
	// Whom a bare refusal concerns is the reader's inference: no relation.
	g = extractText(t, "Russia warned Finland on Monday. The Finnish Defense Ministry declined to comment. The Swedish Foreign Ministry did not respond to a request for comment.")
	for _, r := range g.Relations {
		if r.Relation == "DECLINES_COMMENT" {
			t.Errorf("bare refusal: %s %s %s, want no DECLINES_COMMENT", r.Subject, r.Relation, r.Object)
		}
	}
}

func TestDemonymAdjectiveNamesTheState(t *testing.T) {
	g := extractText(t, "A Russian missile attack on the port city of Odesa killed 12 people. Hamas rejected an Egyptian ceasefire proposal.")
	find(t, g, "Russia BOMBS Odesa")
	find(t, g, "Hamas REJECTS Egypt")
	for _, e := range g.Entities {
		if e.Name == "Russia" && slices.Contains(e.Aliases, "Russian") {
			t.Errorf("a demonym became an alias: %q", e.Aliases)
		}
	}
}

func TestMemberInARelativeClause(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Estonia, which is a member of both NATO and the European Union, closed a crossing.",
			[]string{"Estonia MEMBER_OF North Atlantic Treaty Organization", "Estonia MEMBER_OF European Union"}},
		{"The African Union, of which Chad is a member, urged calm.", []string{"Chad MEMBER_OF African Union"}},
		{"Malaysia, which chairs ASEAN this year, urged restraint.", []string{"Malaysia MEMBER_OF Association of Southeast Asian Nations"}},
	} {
		g := extractText(t, c.text)
		for _, tr := range c.want {
			find(t, g, tr)
		}
	}
	// A critic is no member, and chairing talks joins nothing.
	for _, text := range []string{
		"The African Union, of which Chad is a critic, urged calm.",
		"Malaysia, which chairs talks with the African Union, urged restraint.",
	} {
		for _, r := range extractText(t, text).Relations {
			if r.Relation == "MEMBER_OF" {
				t.Errorf("%q: %s MEMBER_OF %s, want none", text, r.Subject, r.Object)
			}
		}
	}
}

func TestAppositiveMemberAndRefusal(t *testing.T) {
	g := extractText(t, "Hungary, a NATO member, has refused to supply weapons to Ukraine.")
	r := find(t, g, "Hungary SUPPLIES Ukraine")
	if !r.Negated || r.CAMEO != "072" {
		t.Errorf("negated %v CAMEO %s, want a negated 072", r.Negated, r.CAMEO)
	}
	find(t, g, "Hungary MEMBER_OF North Atlantic Treaty Organization")
}

func TestPartOfAndAffiliates(t *testing.T) {
	for _, text := range []string{
		"The Coastal Brigade, which is part of the state-funded Andes Front (AF), said one of its members had been killed.",
		"The Coastal Brigade is part of the Andes Front.",
		"The Coastal Brigade, part of the Andes Front, attacked Lima.",
		"The Coastal Brigade (CB), the Andes Front's affiliate in the south, claimed the attack.",
		"The Coastal Brigade, the armed wing of the Andes Front, attacked Lima.",
	} {
		find(t, extractText(t, text), "Coastal Brigade PART_OF Andes Front")
	}
	// Serving with a force: the clause's subject is the one that serves.
	g := extractText(t, "Officers of the Chilean National Police and Peruvian police serving with the Andean Stabilization Force (ASF) repelled the assault.")
	find(t, g, "Peruvian police PART_OF Andean Stabilization Force")
	for _, r := range g.Relations {
		if r.Relation == "PART_OF" && r.Subject == "Officers" {
			t.Errorf("%s PART_OF %s: the police serve, not the officers", r.Subject, r.Object)
		}
	}
	// Negated, or a faction in a place: no part of an organization.
	g = extractText(t, "The Coastal Brigade is not part of the Andes Front. The Coastal Brigade, a faction in Peru, attacked Lima. Chile said its troops serve in Peru.")
	for _, r := range g.Relations {
		if r.Relation == "PART_OF" {
			t.Errorf("%s PART_OF %s, want none", r.Subject, r.Object)
		}
	}
}

func TestPartnersInAnOrganizationAreMembers(t *testing.T) {
	g := extractText(t, "Officials said that Ghana and Togo, Benin's partners in the Economic Community of West African States (ECOWAS), would send troops.")
	for _, s := range []string{"Ghana", "Togo", "Benin"} {
		find(t, g, s+" MEMBER_OF Economic Community of West African States")
	}
	// A partner "of" an organization trades with it; it is no member.
	g = extractText(t, "Chile and Peru, the European Union's main trade partners, signed the deal. Chile, a partner of the African Union, voted.")
	for _, r := range g.Relations {
		if r.Relation == "MEMBER_OF" {
			t.Errorf("%s MEMBER_OF %s: a partner of it is no member", r.Subject, r.Object)
		}
	}
}

func TestPlaceListsAndReactionsToActs(t *testing.T) {
	g := extractText(t, "Soldiers returned fire near the villages of Dorna, Sarik and Tumbal on Thursday.")
	for _, name := range []string{"Dorna", "Sarik", "Tumbal"} {
		entity(t, g, "Location", name)
	}
	if n := countType(g, "Person"); n != 0 {
		t.Errorf("%d persons, want none (Thursday is no one)", n)
	}
	g = extractText(t, "North Korea fired a ballistic missile on Wednesday. Japan condemned the launch.")
	find(t, g, "Japan CONDEMNS North Korea")
}

func TestObjectControlAndWeaponOwners(t *testing.T) {
	g := extractText(t, "Poland allowed Germany to send more tanks to Ukraine. Israeli warplanes struck targets in Rafah.")
	find(t, g, "Germany SUPPLIES Ukraine")
	find(t, g, "Israel ATTACKS Rafah")
}

func TestThreatCuesMakeAWarning(t *testing.T) {
	g := extractText(t, "Russia has informed the United States that it views weapons convoys as legitimate targets.")
	r := find(t, g, "Russia WARNS United States")
	if r.CAMEO != "130" || r.Predicate != "inform" {
		t.Errorf("CAMEO %s predicate %q, want 130 and inform", r.CAMEO, r.Predicate)
	}
}

func TestReactionToTheActItNames(t *testing.T) {
	g := extractText(t, "The Coastal Brigade attacked an army base near Bol on Monday. The United States conducted an airstrike against the Coastal Brigade on Tuesday. Chad condemned the attack.")
	find(t, g, "Chad CONDEMNS Coastal Brigade")
	for _, r := range g.Relations {
		if r.Subject == "Chad" && r.Object == "United States" {
			t.Errorf("Chad %s United States: the attack was the brigade's", r.Relation)
		}
	}
}

func TestAGroupsFightersActForIt(t *testing.T) {
	g := extractText(t, "The Coastal Brigade said its fighters attacked Chile's navy.")
	find(t, g, "Coastal Brigade ATTACKS Chile navy")
	if n := countType(g, "Group"); n != 0 {
		t.Errorf("%d groups, want none: its fighters are the brigade", n)
	}
}

func TestDenialAnswersTheAccuser(t *testing.T) {
	g := extractText(t, "Omar Haddad, the Chilean army's spokesman, said the Coastal Brigade had shelled the market. The Coastal Brigade denied targeting civilians.")
	find(t, g, "Coastal Brigade DENIES Chilean military")
	for _, r := range g.Relations {
		if r.Relation == "DENIES" && r.Object != "Chilean military" {
			t.Errorf("Coastal Brigade DENIES %s: the denial answers the army", r.Object)
		}
	}
}

func TestSourcesAreNotActors(t *testing.T) {
	g := extractText(t, "Chile and Peru voted against the resolution, diplomats said. Chilean officials said Peru attacked Arica.")
	want := []string{"Chilean officials ACCUSES Peru", "Peru ATTACKS Arica"}
	got := triples(g)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("relations %q, want %q: unnamed sources and a group's own state are no objects of speech", got, want)
	}
}

func TestOutletsReportRatherThanAccuse(t *testing.T) {
	g := extractText(t, "Al Rawdha TV said that Chile was carrying out strikes on Arica.")
	entity(t, g, "Organization", "Al Rawdha TV")
	if r := find(t, g, "Al Rawdha TV STATES Chile"); r.CAMEO != "010" {
		t.Errorf("CAMEO %s, want 010: an outlet reports", r.CAMEO)
	}
	// A state saying the same accuses.
	find(t, extractText(t, "Peru said that Chile was carrying out strikes on Arica."), "Peru ACCUSES Chile")
}

func TestQuotedActIsNotAlsoAComment(t *testing.T) {
	g := extractText(t, "\"We urge Peru to withdraw its troops,\" Chile's foreign minister Omar Haddad said.")
	find(t, g, "Chile APPEALS_TO Peru") // "we": the speaker's state
	for _, r := range g.Relations {
		if r.Relation == "STATES" {
			t.Errorf("%s STATES %s beside the appeal", r.Subject, r.Object)
		}
	}
}

func TestCoordinatedComplementsAreReported(t *testing.T) {
	g := extractText(t, "The Chilean defense minister warned that Chile was ready and that Bolivia would pay a heavy price.")
	find(t, g, "Chile WARNS Bolivia")
}

func TestExtractAllInParallelEqualsOneByOne(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	var articles []source.Article
	for i, text := range []string{
		"Russia attacked Ukraine on Monday. Kyiv said Moscow used drones.",
		"Sergey Lavrov, Russia's foreign minister, met Antony Blinken in Geneva.",
		"The Iran-backed Hezbollah fired rockets at Israel.",
		"Hungary, a NATO member, has refused to supply weapons to Ukraine.",
	} {
		articles = append(articles, source.Article{Path: fmt.Sprintf("a%d.txt", i), Text: text, Published: "2024-05-08"})
	}
	var done []int
	par, err := x.ExtractAll(context.Background(), articles, 3, func(n int) { done = append(done, n) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(done, []int{1, 2, 3, 4}) {
		t.Errorf("progress calls %v, want 1 2 3 4", done)
	}
	for i, a := range articles {
		one, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one, par[i]) {
			t.Errorf("article %d: parallel result differs from a single extraction", i)
		}
	}
}

func TestRoleBeforeTheNameAndControlByOn(t *testing.T) {
	g := extractText(t, "Myanmar's military bombed a village. A spokesman for the military, Major General Zaw Min Tun, said the strike was justified.")
	r := find(t, g, "Zaw Min Tun AFFILIATION Burmese military")
	if r.Role != "spokesperson" {
		t.Errorf("role %q, want spokesperson", r.Role)
	}
	g = extractText(t, "The opposition called on the international community to stop selling fuel to Myanmar.")
	for _, tr := range triples(g) {
		if strings.Contains(tr, "SUPPLIES") {
			t.Errorf("the caller is not the seller: %q", tr)
		}
	}
}

func TestThreatToActReachesItsTarget(t *testing.T) {
	g := extractText(t, "Israel has repeatedly threatened to strike Iranian nuclear facilities.")
	if r := find(t, g, "Israel THREATENS Iran"); r.CAMEO[:2] != "13" {
		t.Errorf("CAMEO %s, want root 13", r.CAMEO)
	}
	if r := find(t, g, "Israel ATTACKS Iran"); r.Modality != "future" {
		t.Errorf("the threatened strike has modality %q, want future (not an accomplished fact)", r.Modality)
	}
}

func TestUnqualifiedBodyBelongsToTheArticlesState(t *testing.T) {
	g := extractText(t, "Iran rejected the resolution. Iran said it would respond. Foreign Ministry spokesman Nasser Kanaani called it political.")
	find(t, g, "Nasser Kanaani AFFILIATION Iran Ministry of Foreign Affairs")
	find(t, g, "Iran Ministry of Foreign Affairs PART_OF Iran")
	g = extractText(t, "Iran and Israel traded threats. The Foreign Ministry said talks would continue.")
	entity(t, g, "Organization", "Foreign Ministry") // two states in view: no guess
}

func TestBodyOfAPossessivePronoun(t *testing.T) {
	g := extractText(t, "Israel struck Gaza. Iran condemned the strikes, and its foreign ministry warned Israel.")
	find(t, g, "Iran Ministry of Foreign Affairs WARNS Israel")
	find(t, g, "Iran Ministry of Foreign Affairs PART_OF Iran")
}

func TestRecognizedNamesAreTaggedProperNouns(t *testing.T) {
	d := &nlp.Document{Tokens: []nlp.Token{
		{Text: "Pashinyan", UPOS: "ADJ", XPOS: "JJ", Lemma: "pashinyan", NER: "B-PER"},
		{Text: "expressed", UPOS: "VERB", XPOS: "VBD", Lemma: "express", NER: "O"},
		{Text: "Russian", UPOS: "ADJ", XPOS: "JJ", Lemma: "russian", NER: "B-MISC"},
	}}
	if err := (ner.ProperNames{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := []string{d.Tokens[0].UPOS + "/" + d.Tokens[0].XPOS + "/" + d.Tokens[0].Lemma, d.Tokens[1].UPOS, d.Tokens[2].UPOS}
	if want := []string{"PROPN/NNP/Pashinyan", "VERB", "ADJ"}; !slices.Equal(got, want) {
		t.Errorf("tags %q, want %q", got, want)
	}
}

func TestNamedModifierBeatsNationality(t *testing.T) {
	g := extractText(t, "Turkey blamed the Syrian Kurdish YPG militia for the attack.")
	find(t, g, "Turkey ACCUSES People's Protection Units")
	for _, tr := range triples(g) {
		if tr == "Turkey ACCUSES Syria" {
			t.Errorf("the nationality word was taken for the actor: %q", triples(g))
		}
	}
}

func TestGenericPlaceNounMakesAPlace(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), "The coalition struck targets in the country's port district, Salim, on Saturday. Rebels shelled the district of Haroun overnight.")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range d.Entities {
		got[e.Name] = e.Type
	}
	if got["Salim"] != "Location" || got["Haroun"] != "Location" {
		t.Errorf("entities %v: want Salim and Haroun as places", got)
	}
}

func TestATitleAloneIsNoOrganization(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	d, err := x.pipeline.Run(ctx, "Chile's Defense Minister Jorge Ruiz said the drills would go on.")
	if err != nil {
		t.Fatal(err)
	}
	// The recognizer sometimes reads a capitalized title as an
	// organization; resolution must not make it one.
	for k, tok := range d.Tokens {
		switch tok.Text {
		case "Defense":
			d.Tokens[k].NER = "B-ORG"
		case "Minister":
			d.Tokens[k].NER = "I-ORG"
		}
	}
	for _, st := range x.stages {
		if err := st.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	for _, e := range d.Entities {
		names = append(names, e.Type+":"+e.Name)
	}
	slices.Sort(names)
	if want := []string{"Country:Chile", "Person:Jorge Ruiz"}; !reflect.DeepEqual(names, want) {
		t.Errorf("entities %q, want %q", names, want)
	}
}

func TestCollectiveNameJoinsTheOrganizationDescribedWithIt(t *testing.T) {
	got := entityNames(t, "The Andes Liberation Front, a coalition of mainly Quechua groups, seized the town of Pomata. Quechua rebels withdrew on Monday.")
	if want := []string{"Location:Pomata", "Organization:Andes Liberation Front"}; !reflect.DeepEqual(got, want) {
		t.Errorf("apposition: entities %q, want %q", got, want)
	}
	got = entityNames(t, "The Quechua-led Andes Liberation Front seized the town of Pomata. Quechua rebels withdrew on Monday.")
	if want := []string{"Location:Pomata", "Organization:Andes Liberation Front"}; !reflect.DeepEqual(got, want) {
		t.Errorf("hyphenated modifier: entities %q, want %q", got, want)
	}
	// Two organizations described so: which one the rebels are is unknown.
	got = entityNames(t, "The Andes Liberation Front, a coalition of Quechua groups, and the Puna Front, an alliance of Quechua clans, seized Pomata. Quechua rebels withdrew on Monday.")
	if !slices.Contains(got, "Group:Quechua rebels") {
		t.Errorf("two candidates: entities %q, want the group kept apart", got)
	}
}

func TestAClaimIsAnsweredToItsSpeaker(t *testing.T) {
	g := extractText(t, "Human Rights Watch said soldiers had executed 48 men, an allegation the government of Peru rejected as baseless.")
	find(t, g, "Peru REJECTS Human Rights Watch")
}

func TestAMoveSumsUpTheActItFollows(t *testing.T) {
	g := extractText(t, "Chile approved a sale of spare parts to Peru, a move Bolivia condemned as reckless. Ecuador said Chile had shelled the border post, a decision that Colombia criticized. A move Argentina condemned angered Chile.")
	find(t, g, "Bolivia CONDEMNS Chile")
	find(t, g, "Colombia CRITICIZES Chile")
	for _, tr := range triples(g) {
		if strings.HasPrefix(tr, "Argentina ") || tr == "Colombia CRITICIZES Ecuador" {
			t.Errorf("reaction given to the wrong actor: %q", triples(g))
		}
	}
}

func TestWarshipsAreMaterielAndSentShipsDeploy(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), "The Pentagon said the U.S. Navy destroyer USS Walter Hughes had crossed the strait. The Royal Navy frigate HMS Edward Grey sailed on Monday.")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if e.Type == "Person" {
			t.Errorf("a ship's name read as a person: %q", e.Name)
		}
	}
	g := extractText(t, "Britain sent HMS Dauntless to the Black Sea. Germany sent tanks to Poland.")
	find(t, g, "United Kingdom DEPLOYS Black Sea")
	find(t, g, "Germany SUPPLIES Poland")
}

func TestCoastGuardAndOtherNaviesShipPrefixes(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), "Chinese coast guard vessels rammed the BRP Luzon Star on Monday.")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range d.Entities {
		names = append(names, e.Type+":"+e.Name)
	}
	if !slices.Contains(names, "Weapon:BRP Luzon Star") || slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "Star") && n != "Weapon:BRP Luzon Star" }) {
		t.Errorf("entities %q, want the ship whole, as materiel", names)
	}
	// A prefix before no capitalized name names no ship.
	d, err = x.Analyze(context.Background(), "Manila said two BRP vessels were damaged.")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if e.Type == "Weapon" {
			t.Errorf("a ship %q without a name", e.Name)
		}
	}
}

func TestAStatementAboutOnesOwnStatesBodyIsNone(t *testing.T) {
	g := extractText(t, "The Pentagon said the U.S. Navy had sailed through the strait, a move China condemned as provocative.")
	for _, tr := range triples(g) {
		if strings.HasPrefix(tr, "U.S. Department of Defense ") && strings.HasSuffix(tr, " United States Navy") {
			t.Errorf("a statement about one's own state's navy became a relation: %q", triples(g))
		}
	}
	find(t, g, "China CONDEMNS United States Navy")
}

func TestReactionToWhatTheSpeakerCallsAnAct(t *testing.T) {
	g := extractText(t, `Peruvian President Ana Rios condemned what she called "continued Chilean aggression". Bolivia condemned what it called an attack on its embassy.`)
	find(t, g, "Ana Rios CONDEMNS Chile")
	for _, tr := range triples(g) {
		if strings.HasPrefix(tr, "Bolivia CONDEMNS") {
			t.Errorf("a reaction toward one's own embassy: %q", triples(g))
		}
	}
}

func TestWhoIssuesADocumentActsThroughIt(t *testing.T) {
	g := extractText(t, "Peru issued a statement accusing Bolivia of shelling the border. A statement accusing Chile was read on television.")
	find(t, g, "Peru ACCUSES Bolivia")
	for _, tr := range triples(g) {
		if strings.HasSuffix(tr, "ACCUSES Chile") {
			t.Errorf("an accusation without an issuer got one: %q", triples(g))
		}
	}
}

func TestIdiomsFixedByTheirObject(t *testing.T) {
	g := extractText(t, "Chile and Peru have traded fire almost daily since May. Bolivian troops opened fire on Chilean soldiers. Chile traded grain with Peru.")
	for _, want := range []string{"Chile FIGHTS Peru", "Peru FIGHTS Chile", "Bolivian military ATTACKS Chilean military"} {
		if r := find(t, g, want); r.CAMEO != "190" {
			t.Errorf("%s: CAMEO %s, want 190", want, r.CAMEO)
		}
	}
	find(t, g, "Chile TRADES_WITH Peru")
	g = extractText(t, "The Andes Front took control of the town of Pomata on Monday. The Chilean army laid siege to the town of Pomata. Chile cut ties with Peru.")
	for want, code := range map[string]string{"Andes Front CAPTURES Pomata": "192", "Chilean military BLOCKADES Pomata": "191", "Chile REDUCES_RELATIONS Peru": "161"} {
		if r := find(t, g, want); r.CAMEO != code {
			t.Errorf("%s: CAMEO %s, want %s", want, r.CAMEO, code)
		}
	}
}

func TestTheTwoSidesAreTheArticlesTwoActors(t *testing.T) {
	g := extractText(t, "Chile and Peru clashed on the border on Monday. Chile's army said Peru had attacked first, and Peru accused Chile of provoking the fighting. Bolivia called on both sides to show restraint. Brazil, an ally of Chile that brokered a truce between the two sides in 2020, expressed concern.")
	for _, want := range []string{"Bolivia APPEALS_TO Chile", "Bolivia APPEALS_TO Peru", "Brazil MEDIATES Chile", "Brazil MEDIATES Peru"} {
		find(t, g, want)
	}
	for _, tr := range triples(g) {
		if strings.Contains(tr, "YIELDS_TO") {
			t.Errorf("a brokered ceasefire is the mediator's act, not one between the parties: %q", triples(g))
		}
	}
	// Three actors named alike: which two sides is unclear.
	g = extractText(t, "Chile, Peru and Bolivia traded accusations. Chile blamed Peru, Peru blamed Bolivia and Bolivia blamed Chile. Brazil called on both sides to show restraint.")
	for _, tr := range triples(g) {
		if strings.HasPrefix(tr, "Brazil APPEALS_TO") {
			t.Errorf("both sides resolved among three actors: %q", triples(g))
		}
	}
}

func TestRepeatedNamesOfNamedActorsJoinThem(t *testing.T) {
	// The capital used for the state and as a place: one node.
	got := entityNames(t, "Militias fired rockets at a base south of Lima. The deal between Washington and Lima collapsed, Peru said.")
	if slices.Contains(got, "Location:Lima") {
		t.Errorf("capital used for the state kept as a place too: %q", got)
	}
	// A bare generic noun joins the one organization ending with it.
	got = entityNames(t, "Chilean police repelled the assault, police spokeswoman Ana Rios told reporters.")
	if slices.Contains(got, "Organization:Police") || slices.Contains(got, "Organization:police") {
		t.Errorf("bare police kept apart: %q", got)
	}
}

func TestTheArmyAndTheGovernmentAreTheArticleStates(t *testing.T) {
	const story = "Ecuador's army repelled an attack near the border on Monday, Ecuador said. Peru condemned the attack. " +
		"Peruvian troops were also deployed near the border, Ecuador said, and Peru confirmed it. " +
		"Colonel Omar Haddad, the army's spokesman, said two soldiers died."
	// Filed from Quito: of the two militaries, the army is Ecuador's, though
	// Peru's was named last and both states equally often.
	find(t, extractText(t, "QUITO (Reuters) - "+story), "Omar Haddad AFFILIATION Ecuadorian military")
	// No state the article is about: the military named last.
	find(t, extractText(t, story), "Omar Haddad AFFILIATION Peruvian military")
	// "The government" likewise.
	const talks = "Peru suspended talks with the rebel Coastal Brigade on Monday. Peru said the talks had been held in Ecuador, " +
		"and Ecuador offered to host them again. The Coastal Brigade condemned the government on Tuesday."
	find(t, extractText(t, "LIMA (Reuters) - "+talks), "Coastal Brigade CONDEMNS Peru")
	find(t, extractText(t, talks), "Coastal Brigade CONDEMNS Ecuador")
}

func TestIntelligenceServiceIsAStateBody(t *testing.T) {
	g := extractText(t, "Chile accused Turkey after a Turkish military intelligence official, Omar Haddad, praised the raid.")
	find(t, g, "Omar Haddad AFFILIATION Turkey intelligence service")
	find(t, g, "Turkey intelligence service PART_OF Turkey")
	g = extractText(t, "Chile accused Ukraine after a Ukrainian military intelligence official, Omar Haddad, praised the raid.")
	find(t, g, "Omar Haddad AFFILIATION Main Directorate of Intelligence")
	find(t, g, "Main Directorate of Intelligence PART_OF Ukraine")
	// A military official is the military's, not an intelligence service's.
	g = extractText(t, "Chile accused Turkey after a Turkish military official, Omar Haddad, praised the raid.")
	find(t, g, "Omar Haddad AFFILIATION Turkish military")
}

func TestTroopContributorsAreMembers(t *testing.T) {
	members := func(g graph.Graph) []string {
		var out []string
		for _, r := range g.Relations {
			if r.Relation == "MEMBER_OF" {
				out = append(out, r.Subject+" "+r.Object)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		// The mission is the subject of a verb of composition.
		{"The African Union Mission in Chad (AUMC) said its troops repelled an attack. The mission is made up of troops from countries including Peru, Bolivia and Chile.",
			[]string{"Bolivia AUMC", "Chile AUMC", "Peru AUMC"}},
		// The force is where the troops serve.
		{"The United Nations Interim Force in Lebanon (UNIFIL) said a patrol was hit. Troops from Peru and Chile serve in the force.",
			[]string{"Chile United Nations Interim Force in Lebanon", "Peru United Nations Interim Force in Lebanon"}},
		// Contributing countries beside the one mission the sentence names.
		{"The African Union Mission in Chad (AUMC) met in Lima. The troop-contributing countries Peru and Bolivia asked for more funds for the mission.",
			[]string{"Bolivia AUMC", "Peru AUMC"}},
		// Troops from a state that are no part of the mission.
		{"The African Union Mission in Chad (AUMC) met in Lima. Argentina expelled troops from Peru and the mission.", nil},
		{"The African Union Mission in Chad (AUMC) met in Lima. Chile said troops from Peru and Bolivia attacked it.", nil},
	} {
		if got := members(extractText(t, c.text)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: members %q, want %q", c.text, got, c.want)
		}
	}
}

func TestTheDemonymCapital(t *testing.T) {
	// In apposition: the place named is in the state.
	find(t, extractText(t, "Drones hit the Peruvian capital, Lima, on Monday. Peru said so."), "Lima LOCATED_IN Peru")
	// Describing the capital just named as a place: the city, not the government.
	g := extractText(t, "Talks resumed in Quito on Monday. Chile said its delegation would stay in the Ecuadorian capital until Friday.")
	find(t, g, "Quito LOCATED_IN Ecuador")
	entity(t, g, "Location", "Quito")
	if e := entity(t, g, "Country", "Ecuador"); slices.Contains(e.Aliases, "Quito") {
		t.Errorf("Ecuador's aliases %q still include the city", e.Aliases)
	}
	// The capital named as the government acting: still the state.
	g = extractText(t, "Quito said talks would resume. Chile said its delegation would stay in the Ecuadorian capital until Friday.")
	for _, r := range g.Relations {
		if r.Relation == "LOCATED_IN" {
			t.Errorf("%s LOCATED_IN %s: Quito was the government", r.Subject, r.Object)
		}
	}
	if e := entity(t, g, "Country", "Ecuador"); !slices.Contains(e.Aliases, "Quito") {
		t.Errorf("Ecuador's aliases %q lack Quito", e.Aliases)
	}
}

func TestFacilitiesAndFirstWordShortNames(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), "Fighting forced the closure of Pomata International Airport on Thursday. Flights bound for Pomata were diverted. "+
		"The Quechua Deterrence Force shelled the port. Quechua denied the account.")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Entities {
		got = append(got, e.Type+":"+e.Name)
	}
	slices.Sort(got)
	if want := []string{"Location:Pomata International Airport", "Organization:Quechua Deterrence Force"}; !reflect.DeepEqual(got, want) {
		t.Errorf("entities %q, want %q", got, want)
	}
}

func TestNamesEachSideGivesAPlace(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), "Peruvian boats blocked a supply run to Pomata Reef on Sunday. The boat was carrying food to a grounded ship on the reef, which Santiago calls Lauca. Peru said its boats acted near Qollqa Reef, its name for the reef.")
	if err != nil {
		t.Fatal(err)
	}
	var reef *nlp.Entity
	for i, e := range d.Entities {
		if e.Name == "Lauca" || e.Name == "Qollqa Reef" {
			t.Errorf("another side's name for the reef is a node of its own: %+v", e)
		}
		if e.Name == "Pomata Reef" {
			reef = &d.Entities[i]
		}
	}
	if reef == nil || reef.Type != "Location" || !slices.Contains(reef.Aliases, "Lauca") || !slices.Contains(reef.Aliases, "Qollqa Reef") {
		t.Errorf("Pomata Reef: %+v, want a place with aliases Lauca and Qollqa Reef", reef)
	}
}

func TestFightingThatBrokeOutBetweenSides(t *testing.T) {
	g := extractText(t, "Heavy fighting erupted in Pomata on Thursday between forces loyal to the Government of National Concord and the Quechua Deterrence Force, residents said. Clashes broke out between Chile and Peru on Monday.")
	for _, want := range []string{"Government of National Concord FIGHTS Quechua Deterrence Force", "Quechua Deterrence Force FIGHTS Government of National Concord", "Chile FIGHTS Peru", "Peru FIGHTS Chile"} {
		find(t, g, want)
	}
	if n := len(g.Relations); n != 4 {
		t.Errorf("%d relations, want 4: %q", n, triples(g))
	}
	g = extractText(t, "A Chilean navy ship fired water cannon at a Peruvian fishing boat.")
	if r := find(t, g, "Chile navy ATTACKS Peru"); r.Predicate != "fire water cannon" {
		t.Errorf("predicate %q, want the whole compound", r.Predicate)
	}
}

func TestReportingSubjectAndAuthoritiesInAPlace(t *testing.T) {
	g := extractText(t, "The Andes Movement said its leader had been beaten in custody and called on the European Union and the United States to impose sanctions.")
	find(t, g, "Andes Movement APPEALS_TO European Union")
	find(t, g, "Andes Movement APPEALS_TO United States")
	g = extractText(t, "The U.S. State Department urged the authorities in Lima to show restraint.")
	find(t, g, "U.S. Department of State APPEALS_TO Peru")
	for _, tr := range triples(g) {
		if tr == "U.S. Department of State APPEALS_TO United States" {
			t.Errorf("the authorities in Lima read as the speaker's own state: %q", triples(g))
		}
	}
}

func TestTheBlocCondemnsTheDetainer(t *testing.T) {
	g := extractText(t, "Peru detained the opposition leader Ana Rios on Monday. The European Union said the bloc strongly condemns the detention of Ana Rios.")
	find(t, g, "Peru ARRESTS Ana Rios")
	find(t, g, "European Union CONDEMNS Peru")
	for _, tr := range triples(g) {
		if strings.HasPrefix(tr, "European Union ") && strings.HasSuffix(tr, " Ana Rios") {
			t.Errorf("the detained person read as the target of the condemnation: %q", triples(g))
		}
	}
}

func TestPhraseNamesStartAtTheirModifiers(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), "The junta last week suspended Chilean radio broadcaster Radio Andes for three months. Three drones targeted a base housing U.S.-led coalition troops in Erbil.")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if strings.Contains(e.Name, "junta") || strings.Contains(e.Name, "housing") {
			t.Errorf("a phrase name reaches past its modifiers: %q", e.Name)
		}
	}
	found := false
	for _, e := range d.Entities {
		found = found || e.Name == "U.S.-led coalition"
	}
	if !found {
		t.Errorf("no U.S.-led coalition among %+v", d.Entities)
	}
}

func TestBarePluralsAreNobody(t *testing.T) {
	g := extractText(t, "Officials condemned Chile. Peruvian officials condemned Chile.")
	for _, e := range g.Entities {
		if e.Name == "Officials" || e.Name == "officials" || e.Name == "fighters" {
			t.Errorf("a bare plural became an actor: %+v", e)
		}
	}
	find(t, g, "Peruvian officials CONDEMNS Chile")
	if n := len(g.Relations); n != 1 {
		t.Errorf("%d relations, want 1: %q", n, triples(g))
	}
}

func TestDatelineWithItsState(t *testing.T) {
	g := extractText(t, "PORT-AU-PRINCE, Haiti (AP) - Gunmen from the Andes gang coalition stormed a police base in the central town of Pomata before dawn Saturday, Haitian officials said.")
	for _, tr := range triples(g) {
		if strings.HasPrefix(tr, "Haiti ") {
			t.Errorf("the dateline's state acts: %q", triples(g))
		}
	}
}

func TestSponsorsAreNotTheirProxiesAndBritishSpellings(t *testing.T) {
	g := extractText(t, "Bolivia-aligned factions carried out attacks on Chilean forces. The Chilean army said it had neutralised 60 Andes Front fighters. Bolivian vessels blocked the path of the Chilean ship.")
	for _, tr := range triples(g) {
		if strings.HasPrefix(tr, "Bolivia ATTACKS") {
			t.Errorf("a sponsor read as the actor: %q", triples(g))
		}
	}
	find(t, g, "Chilean military KILLS Andes Front fighters")
	if r := find(t, g, "Bolivia BLOCKADES Chile"); r.CAMEO != "191" {
		t.Errorf("blocking a ship's path: CAMEO %s, want 191", r.CAMEO)
	}
}

func TestPredicateNounsWithACopula(t *testing.T) {
	g := extractText(t, "Turkey is in talks with Greece. Chile said it was in close contact with Peru.")
	find(t, g, "Turkey NEGOTIATES_WITH Greece")
	if r := find(t, g, "Chile MEETS Peru"); r.CAMEO != "040" {
		t.Errorf("in contact with: CAMEO %s, want 040", r.CAMEO)
	}
}

func TestTheParamilitaryIsTheArmedGroup(t *testing.T) {
	g := extractText(t, "The Rapid Support Forces attacked the town on Monday. Sudan's army said the paramilitary had shelled the city's main market.")
	find(t, g, "Sudanese military ACCUSES Rapid Support Forces")
}

func TestNoNameEndsInAFunctionWord(t *testing.T) {
	g := extractText(t, "The Rapid Support Forces attacked Kadugli on Monday.")
	find(t, g, "Rapid Support Forces ATTACKS Kadugli")
}

func TestTheOutletToldIsNoAddressee(t *testing.T) {
	g := extractText(t, `"The Andes Front chose to break the ceasefire, and it will bear the consequences," Colonel Omar Haddad told Reuters.`)
	for _, tr := range triples(g) {
		if strings.HasSuffix(tr, " Reuters") {
			t.Errorf("the news agency read as the addressee: %q", triples(g))
		}
	}
	find(t, g, "Omar Haddad WARNS Andes Front")
}

func TestAShareOfACapitalIsTheCity(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), "The Andes Front controls most of Lima. Gangs now control parts of Lima, the police said.")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if e.Type == "Country" {
			t.Errorf("a share of the capital read as the state: %+v", e)
		}
	}
}

func TestBareStateTitleInAnArticleAboutOneState(t *testing.T) {
	g := extractText(t, "Peru closed its border with Chile on Monday. Peru said the move was temporary. Peru also recalled its ambassador. Foreign Minister Ana Rios told reporters the talks would resume.")
	if r := find(t, g, "Ana Rios AFFILIATION Peru"); r.Role != "foreign minister" {
		t.Errorf("role %q, want foreign minister", r.Role)
	}
}

func TestCuesTopicsAndVows(t *testing.T) {
	g := extractText(t, "Chile's military said it struck Hamas targets in the north.")
	for _, tr := range triples(g) {
		if strings.Contains(tr, "WARNS") {
			t.Errorf("a report of strikes read as a warning (\"Hamas targets\" holds \"as targets\"): %q", triples(g))
		}
	}
	g = extractText(t, "Peru said Chile and Bolivia discussed the war in a phone call. The European Union imposed new sanctions on Chile over its war in Peru.")
	for _, tr := range triples(g) {
		if strings.Contains(tr, "ACCUSES") || strings.Contains(tr, "European Union FIGHTS") {
			t.Errorf("a war discussed or given as a reason read as an act: %q", triples(g))
		}
	}
	find(t, g, "European Union SANCTIONS Chile")
	g = extractText(t, "Chilean President Ana Rios vowed revenge against Peru.")
	if r := find(t, g, "Ana Rios THREATENS Peru"); r.CAMEO != "130" {
		t.Errorf("vowed revenge: CAMEO %s, want 130", r.CAMEO)
	}
}

func TestDatelineAgencyAndPlacesEndingInACapitalsName(t *testing.T) {
	got := entityNames(t, "MAPUTO, Mozambique (AP) - Insurgents attacked the town of Mocimboa da Praia in northern Cabo Delgado province, officials said. Police arrested six people in Mocimboa da Praia.")
	for _, bad := range []string{"Organization:Associated Press", "Country:Cabo Verde", "Location:Praia"} {
		if slices.Contains(got, bad) {
			t.Errorf("entities %q: %s should not be there", got, bad)
		}
	}
	if !slices.Contains(got, "Location:Mocimboa da Praia") {
		t.Errorf("entities %q: want the town whole", got)
	}
}

func TestInstitutionsAfterTitlesAndPlacesOfTheirParts(t *testing.T) {
	got := entityNames(t, "The General Border Committee, a joint body of defence officials, is due to meet next week. Cables were damaged in the Gulf of Finland.")
	if want := []string{"Group:defence officials", "Location:Gulf of Finland", "Organization:General Border Committee"}; !reflect.DeepEqual(got, want) {
		t.Errorf("entities %q, want %q", got, want)
	}
}

func TestARoyalArmyIsTheStatesMilitary(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Analyze(context.Background(), "The Royal Thai Army said Cambodian soldiers had opened fire first on a Thai patrol. Thai troops responded.")
	if err != nil {
		t.Fatal(err)
	}
	var orgs []string
	for _, e := range d.Entities {
		if e.Type == "Organization" {
			orgs = append(orgs, e.Name)
		}
	}
	slices.Sort(orgs)
	if want := []string{"Cambodian military", "Thai military"}; !reflect.DeepEqual(orgs, want) {
		t.Errorf("organizations %q, want %q", orgs, want)
	}
}

func TestSeatInItsSentenceAndAStatesGuards(t *testing.T) {
	// NATO and the EU both sit in Brussels: the one its sentence names.
	got := entityNames(t, "NATO said it stood with Chile. The EU added 28 Peruvian officials to its sanctions list over what Brussels called the harassment of migrants.")
	if slices.Contains(got, "Country:Belgium") {
		t.Errorf("entities %q: Brussels is the EU here", got)
	}
	got = entityNames(t, "The Chilean Border Guard said Peruvian guards had fired first. Chilean guards returned fire.")
	if slices.Contains(got, "Group:Chilean guards") {
		t.Errorf("entities %q: the Chilean guards are the Chilean Border Guard", got)
	}
}
