package extract

import (
	"slices"
	"testing"
)

// clauseCase is a text and exactly the relations it must yield.
type clauseCase struct {
	name, text string
	want       []string // "Subject RELATION Object", in any order
}

// runClauseCases extracts each case's text and reports the relations that
// are missing and those that are not wanted.
func runClauseCases(t *testing.T, cases []clauseCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := triples(extractText(t, c.text))
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: missing %q (got %q)", c.text, w, got)
				}
			}
			for _, g := range got {
				if !slices.Contains(c.want, g) {
					t.Errorf("%q: unwanted %q", c.text, g)
				}
			}
		})
	}
}

// TestReciprocalPronouns: "each other" and "one another" are each of the
// other coordinated subjects.
func TestReciprocalPronouns(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"each other is each of the other subjects", "Chile and Peru accused each other on Tuesday of firing on border posts. Bolivia and Chile blamed one another for the collapse.",
			[]string{"Chile ACCUSES Peru", "Peru ACCUSES Chile", "Bolivia ACCUSES Chile", "Chile ACCUSES Bolivia"}},
		{"coordinated subjects with an object of their own are not reciprocal", "Bolivia and Chile accused Peru of shelling the border.",
			[]string{"Bolivia ACCUSES Peru", "Chile ACCUSES Peru"}},
	})
}

// TestGerundAdjuncts: "after visiting", "by ordering" state an act of the
// main clause's subject; "against attacking", "without attacking" do not.
func TestGerundAdjuncts(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a gerund after a preposition of time or means", "Ana Rios, after visiting Peru, said the talks had gone well. Before meeting Peru, Chile met Bolivia.",
			[]string{"Ana Rios VISITS Peru", "Chile MEETS Peru", "Chile MEETS Bolivia"}},
		{"an act warned against or not done, or a passive main clause", "Juan Perez warned Chile against attacking Peru. Chile withdrew without attacking Bolivia. Chile was praised after visiting Peru.",
			[]string{"Juan Perez WARNS Chile"}},
	})
}

// TestActorAfterAPeriod: "days after Chile accused …", which the parser
// reads with "days" as the subject and the actor hung on it.
func TestActorAfterAPeriod(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"the actor after a period acts", "The new offensive comes days after Chile accused the Andes Front and the Quechua Brigade of being behind last week's deadly blast in Lima.",
			[]string{"Chile ACCUSES Andes Front", "Chile ACCUSES Quechua Brigade"}},
		{"a period with no actor after it invents none", "Two days after the explosion, the Andes Front attacked Chile. The talks resumed weeks after the deadline.",
			[]string{"Andes Front ATTACKS Chile"}},
	})
}

// TestActorNamedInADescription: "its neighbour, Chile" is Chile.
func TestActorNamedInADescription(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a side or partner described, then named", "Peru was attacked by its neighbour, Chile. Bolivia was condemned by its main ally, Chile.",
			[]string{"Chile ATTACKS Peru", "Chile CONDEMNS Bolivia"}},
		{"other nouns before a comma are not described actors", "Peru was attacked by the rebels, Chile said.",
			nil},
	})
}

// TestPassiveGovernors: "is believed to be backed by", "is believed to have
// attacked": the complement's patient or agent is the governor's subject.
func TestPassiveGovernors(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"raised passive and active complements", "The Andes Front, who are thought to be backed by Peru, attacked Chile. Bolivia is believed to have shelled Chile.",
			[]string{"Peru SUPPORTS Andes Front", "Andes Front ATTACKS Chile", "Bolivia SHELLS Chile"}},
		{"an active governor keeps its own subject", "Peru wants to be seen by Chile as a partner. The Andes Front is expected to be attacked.",
			nil},
	})
}

// TestThreatInAParticiple: ", threatening military action" threatens
// whom the main clause acts on.
func TestThreatInAParticiple(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a threat without an addressee addresses the main clause's object", "Chile imposed sanctions on Peru, threatening military action if the envoy is not released.",
			[]string{"Chile SANCTIONS Peru", "Chile THREATENS Peru"}},
		{"a threat with its own addressee, or after a place", "Chile met Peru, threatening Bolivia. Chile shelled Tacna, threatening to continue.",
			[]string{"Chile MEETS Peru", "Chile THREATENS Bolivia", "Chile SHELLS Tacna"}},
	})
}

// TestExpellingAnEnvoy: expelling a state's diplomat reduces relations
// with the state.
func TestExpellingAnEnvoy(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a diplomat named by whose they are", "Chile expelled Peru's ambassador. Bolivia expelled the envoy of Chile.",
			[]string{"Chile REDUCES_RELATIONS Peru", "Bolivia REDUCES_RELATIONS Chile"}},
		{"other persons expelled are expelled", "Iran expelled the journalist John Smith. Chile expelled Peru's journalists.",
			[]string{"Iran EXPELS John Smith"}},
	})
}

// TestClosingABorder: closing, shutting or sealing a border or crossing
// reduces relations with the state across it.
func TestClosingABorder(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"the state across the border", "Chile closed its border with Peru. Bolivia sealed the Peruvian border. Chile shut its crossings with Bolivia.",
			[]string{"Chile REDUCES_RELATIONS Peru", "Bolivia REDUCES_RELATIONS Peru", "Chile REDUCES_RELATIONS Bolivia"}},
		{"one's own border with no other state named", "Peru closed its border on Monday.", nil},
	})
}

// TestResultParticiples: "kept the crossings closed", "ordered the
// crossings closed" close them.
func TestResultParticiples(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"the governor's object is the participle's", "Chile will keep two of its crossings with Peru closed until further notice. Bolivia ordered all border crossings with Peru closed to traders.",
			[]string{"Chile REDUCES_RELATIONS Peru", "Bolivia REDUCES_RELATIONS Peru"}},
		{"a coordinated verb keeps to its own objects", "Chile shelled Tacna and withdrew. Chile persuaded Peru to attack Bolivia.",
			[]string{"Chile SHELLS Tacna", "Chile APPEALS_TO Peru", "Peru ATTACKS Bolivia"}},
	})
}

// TestHavingControl: "had full control of" a place occupies it, though
// "have" relates nothing by itself.
func TestHavingControl(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"control had, retained or maintained", "Chile has full control of Tacna. Peru retained control over Arica.",
			[]string{"Chile OCCUPIES Tacna", "Peru OCCUPIES Arica"}},
		{"other objects of have", "Chile has troops in Tacna. Peru has a border with Chile.", nil},
	})
}

// TestPartnerInAnEvent: "Chile, a long-time ally in the campaign against
// X" takes part in the campaign.
func TestPartnerInAnEvent(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"an appositive ally in a campaign", "Chile, a long-time ally in the campaign against the Andes Front, sent troops.",
			[]string{"Chile ATTACKS Andes Front"}},
		{"an ally of a state, or a partner in talks with no side named", "Chile, a long-time ally of Peru, sent troops. Bolivia, a partner in the talks, left.",
			nil},
	})
}

// TestGerundsOfWordsSeenAsNouns: "warning", "bombing" as verbs are read
// with their verbs' entries.
func TestGerundsOfWordsSeenAsNouns(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"gerunds", "Chile shelled Tacna on Monday, warning Peru to stay out. Peru is bombing Chile.",
			[]string{"Chile SHELLS Tacna", "Chile WARNS Peru", "Peru BOMBS Chile"}},
		{"the nouns", "Peru issued a warning. The bombing of Chile was condemned.", nil},
	})
}

// TestRelativePronounHungElsewhere: ", which has backed …" parsed as a
// clause of the main verb still speaks of the name before the comma.
func TestRelativePronounHungElsewhere(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"the name before the comma", "The truce was agreed on Sunday after mediation by Chile, which has military advisers in western Peru and has backed the Andes Front since 2020.",
			[]string{"Chile SUPPORTS Andes Front"}},
		{"no name before the comma", "The truce was agreed after long talks, which have backed the Andes Front.", nil},
	})
}

// TestRepellingAnAttack: repelling an act of force fights its agents.
func TestRepellingAnAttack(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"the attack's agent named", "Chilean troops repelled an assault by the Andes Front on Tacna. Chile fought off the Andes Front.",
			[]string{"Andes Front ATTACKS Tacna", "Chilean military FIGHTS Andes Front", "Chilean military PART_OF Chile", "Chile FIGHTS Andes Front"}},
		{"the attack's agent stated before", "The Quechua Brigade stormed a police base in Lima. Peruvian police repelled the assault after a gunbattle.",
			[]string{"Quechua Brigade ATTACKS Peru police", "Peru police PART_OF Peru", "Peru police FIGHTS Quechua Brigade"}},
		{"fighting with no act named stays reciprocal", "Chile and Peru clashed on Monday.",
			[]string{"Chile FIGHTS Peru", "Peru FIGHTS Chile"}},
	})
}

// TestHavingTies: "has friendly ties with" cooperates (050).
func TestHavingTies(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"ties or relations had, kept or deepened with", "Ana Rios has friendly ties with Lima. Chile maintains close relations with Peru.",
			[]string{"Ana Rios COOPERATES_WITH Peru", "Chile COOPERATES_WITH Peru"}},
		{"ties to a group, and ties cut", "Chile has ties to the Andes Front. Bolivia cut ties with Peru.",
			[]string{"Bolivia REDUCES_RELATIONS Peru"}},
	})
}

// TestWhomAnAppealAsks: "called for restraint by Peru" asks Peru.
func TestWhomAnAppealAsks(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"the asked-for act's agent", "Chile called for restraint by Peru. Bolivia demanded an apology by Chile.",
			[]string{"Chile REQUESTS Peru", "Bolivia DEMANDS Chile"}},
		{"an act asked for with no agent", "Chile called for restraint. Bolivia demanded an apology.", nil},
	})
}

// TestConditionalRetaliation: "would retaliate if Peru …" threatens Peru.
func TestConditionalRetaliation(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"an untargeted act on another side's condition", "Chile said it would retaliate if Peru crossed the border.",
			[]string{"Chile THREATENS Peru"}},
		{"an act with its own target", "Chile would attack Bolivia if Peru refused.",
			[]string{"Chile ATTACKS Bolivia"}},
	})
}
