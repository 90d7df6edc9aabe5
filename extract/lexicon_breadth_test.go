package extract

import (
	"slices"
	"testing"
)

// breadthCase is one sentence of the second lexicon breadth pass and every
// relation it must give, each as "Subject RELATION Object CAMEO" (static
// relations have no code and end after the object).
type breadthCase struct {
	name, text string
	want       []string
}

// runBreadthCases checks that each text gives exactly the relations of its
// case, with their CAMEO codes.
func runBreadthCases(t *testing.T, cases []breadthCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range extractText(t, c.text).Relations {
				s := r.Subject + " " + r.Relation + " " + r.Object
				if r.CAMEO != "" {
					s += " " + r.CAMEO
				}
				got = append(got, s)
			}
			if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(c.want))) {
				t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
			}
		})
	}
}

// TestLexiconBreadthStatementsToCooperation covers roots 01-05: appeals for
// restraint, informal meetings and calls, praise verbs and nouns, and the
// idioms "pay homage" and "offer congratulations", which are praise rather
// than a payment (071) or a promise (030).
func TestLexiconBreadthStatementsToCooperation(t *testing.T) {
	runBreadthCases(t, []breadthCase{
		{"a tweet reports speech", "Peru tweeted that Chile had closed the border.", []string{"Peru STATES Chile 010"}},
		{"urging restraint is an appeal to de-escalate", "Bolivia urged restraint on Chile.", []string{"Bolivia APPEALS_TO Chile 0256"}},
		{"huddling with", "Peru huddled with Chile in Lima.", []string{"Peru MEETS Chile 040"}},
		{"reaching out to", "Peru reached out to Chile on Monday.", []string{"Peru MEETS Chile 040"}},
		{"a telephone conversation", "Peru held a telephone conversation with Chile.", []string{"Peru MEETS Chile 041"}},
		{"extolling", "Peru extolled Chile for its restraint.", []string{"Peru PRAISES Chile 051"}},
		{"paying homage is no payment", "Peru paid homage to Chile.", []string{"Peru PRAISES Chile 051"}},
		{"paying compensation still is", "Peru paid compensation to Chile.", []string{"Peru FUNDS Chile 071"}},
		{"offering congratulations is no promise", "Peru offered congratulations to Chile.", []string{"Peru PRAISES Chile 051"}},
		{"finalizing a deal", "Peru finalized a deal with Chile.", []string{"Peru SIGNS_AGREEMENT Chile 057"}},
		{"co-operating", "Peru co-operated with Chile on border security.", []string{"Peru COOPERATES_WITH Chile 050"}},
		{"championing a cause that names no actor", "Peru championed free trade.", nil},
	})
}

// TestLexiconBreadthAidToInvestigation covers roots 06-10: financing verbs
// and nouns, sponsoring an armed group, keeping a ceasefire, returning
// remains.
func TestLexiconBreadthAidToInvestigation(t *testing.T) {
	runBreadthCases(t, []breadthCase{
		{"disbursing funds", "Chile disbursed funds to Bolivia.", []string{"Chile FUNDS Bolivia 071"}},
		{"a bailout for a state", "Chile approved a bailout for Bolivia.", []string{"Chile FUNDS Bolivia 071"}},
		{"sponsoring an armed group", "Chile sponsored the Andes Front.", []string{"Chile AIDS Andes Front 070"}},
		{"sponsoring an event is no aid", "Chile sponsored a football tournament.", nil},
		{"observing a ceasefire", "Chile observed the ceasefire with Bolivia.", []string{"Chile YIELDS_TO Bolivia 0871"}},
		{"returning bodies", "Chile returned the bodies to Bolivia.", []string{"Chile RELEASES Bolivia 084"}},
	})
}

// TestLexiconBreadthDisapprovalToProtest covers roots 11-14: disapproval
// verbs and idioms, a demarche delivered ("deliver" is a support verb, so
// the noun's act codes the event), brushing aside, snubs, threats that name
// the act, revolts.
func TestLexiconBreadthDisapprovalToProtest(t *testing.T) {
	runBreadthCases(t, []breadthCase{
		{"upbraiding", "Peru upbraided Chile for the raid.", []string{"Peru CRITICIZES Chile 111"}},
		{"railing against", "Peru railed against Chile at the summit.", []string{"Peru CRITICIZES Chile 111"}},
		{"taking aim at a state", "Peru took aim at Chile on Monday.", []string{"Peru CRITICIZES Chile 111"}},
		{"taking aim at a target is no criticism", "Peru took aim at the target.", nil},
		{"disagreeing", "Peru disagreed with Chile on the border.", []string{"Peru CRITICIZES Chile 110"}},
		{"a tirade", "Peru launched a tirade against Chile.", []string{"Peru CRITICIZES Chile 111"}},
		{"delivering a demarche is no supply", "Peru delivered a demarche to Chile.", []string{"Peru CRITICIZES Chile 114"}},
		{"delivering weapons still is", "Peru delivered weapons to Chile.", []string{"Peru SUPPLIES Chile 072"}},
		{"brushing aside", "Peru brushed aside Chile.", []string{"Peru REJECTS Chile 120"}},
		{"stonewalling", "Peru stonewalled Chile.", []string{"Peru REJECTS Chile 120"}},
		{"a snub", "Peru's snub of Chile angered Santiago.", []string{"Peru REJECTS Chile 120"}},
		{"threatening to seize", "Peru threatened to seize Chilean territory.", []string{"Peru THREATENS Chile 1382", "Peru CAPTURES Chile 192"}},
		{"revolting against a government", "Bolivian villagers revolted against Chile.", []string{"Bolivia PROTESTS Chile 145"}},
	})
}

// TestLexiconBreadthForceToCoercion covers roots 15-17: readying forces,
// war games, quitting talks, tariffs and bans as sanctions, ousting a
// government, seizing power, quelling dissent.
func TestLexiconBreadthForceToCoercion(t *testing.T) {
	runBreadthCases(t, []breadthCase{
		{"beefing up forces near a state", "Chile beefed up its forces near Peru.", []string{"Chile MOBILIZES Peru 154"}},
		{"scrambling jets", "Chile scrambled jets toward Peru.", []string{"Chile DEPLOYS Peru 150"}},
		{"calling up reservists", "Chile called up reservists against Peru.", []string{"Chile MOBILIZES Peru 154"}},
		{"war games", "Chile held war games near Peru.", []string{"Chile DEPLOYS Peru 150"}},
		{"quitting talks", "Chile quit talks with Peru.", []string{"Chile REDUCES_RELATIONS Peru 164"}},
		{"tariffs", "Chile imposed tariffs on Peru.", []string{"Chile SANCTIONS Peru 163"}},
		{"ousting a president", "The Chilean army ousted President Juan Perez.",
			[]string{"Chilean military COERCES Juan Perez 170", "Chilean military PART_OF Chile"}},
		{"seizing power", "The Andes Front seized power in Bolivia.", []string{"Andes Front COERCES Bolivia 170"}},
		{"a coup against", "Chilean officers staged a coup against President Juan Perez.", []string{"Chilean officers COERCES Juan Perez 170"}},
		{"shutting down an organization", "Chile shut down Amnesty International.", []string{"Chile COERCES Amnesty International 172"}},
		{"toppling trees is no coup", "The storm toppled trees across Chile.", nil},
	})
}

// TestLexiconBreadthAssaultToMassViolence covers roots 18-20: abduction and
// killing verbs, running into people, intercepting and defeating armed
// forces, retaking ground, air operations, mass deportation.
func TestLexiconBreadthAssaultToMassViolence(t *testing.T) {
	runBreadthCases(t, []breadthCase{
		{"snatching people", "The Andes Front snatched two Chilean engineers.", []string{"Andes Front ABDUCTS Chile 181"}},
		{"decapitating", "The Andes Front decapitated a Chilean soldier.", []string{"Andes Front KILLS Chile 1823"}},
		{"ramming into", "The Chilean driver rammed into Peruvian soldiers.", []string{"Chile ATTACKS Peruvian military 190", "Peruvian military PART_OF Peru"}},
		{"intercepting a state's drone", "Chile intercepted a Peruvian drone.", []string{"Chile FIGHTS Peru 190"}},
		{"intercepting calls is no fight", "Chile intercepted phone calls between the ministers.", nil},
		{"routing", "Chilean forces routed the Andes Front.", []string{"Chilean military FIGHTS Andes Front 190", "Chilean military PART_OF Chile"}},
		{"hammering positions", "Chilean artillery hammered Peruvian positions.", []string{"Chile ATTACKS Peru 190"}},
		{"reclaiming a city", "Peru reclaimed Arica from Chile.", []string{"Peru CAPTURES Arica 192"}},
		{"an air operation", "Chile launched an air operation against the Andes Front.", []string{"Chile BOMBS Andes Front 195"}},
		{"mass deportation", "Chile's mass deportation of Peruvian migrants drew criticism.", []string{"Chile EXPELS Peru 201"}},
	})
}

// TestLexiconBreadthSealingOffAndMovingForces covers the second round:
// sealing or cutting off a place is a blockade (191), not the 057 of
// sealing a deal or the 162 of cutting off aid; moving, pouring, flying and
// sailing forces toward a state shows force (150); replying is a statement.
func TestLexiconBreadthSealingOffAndMovingForces(t *testing.T) {
	runBreadthCases(t, []breadthCase{
		{"sealing off a city", "The Chilean army sealed off Arica on Monday.",
			[]string{"Chilean military BLOCKADES Arica 191", "Chilean military PART_OF Chile"}},
		{"sealing a deal still signs it", "Chile sealed a deal with Peru.", []string{"Chile SIGNS_AGREEMENT Peru 057"}},
		{"cutting off a city", "Chilean forces have cut off Arica.",
			[]string{"Chilean military BLOCKADES Arica 191", "Chilean military PART_OF Chile"}},
		{"cutting off aid still reduces it", "Chile cut off aid to Peru.", []string{"Chile REDUCES_RELATIONS Peru 162"}},
		{"moving troops", "Chile moved troops to Peru.", []string{"Chile DEPLOYS Peru 150"}},
		{"pouring troops", "Chile poured troops into Peru.", []string{"Chile DEPLOYS Peru 150"}},
		{"moving a capital is no deployment", "Chile moved the capital to Santiago.", nil},
		{"replying", "Peru replied to Chile on Monday.", []string{"Peru STATES Chile 010"}},
	})
}

// TestLexiconBreadthVerbsThatCarryOutANamedAct covers support verbs whose
// object noun names the act: "committed/executed an attack",
// "masterminded the bombing", "perpetrated a massacre"; a commitment of
// troops stays a promise and an executed plan names no act.
func TestLexiconBreadthVerbsThatCarryOutANamedAct(t *testing.T) {
	runBreadthCases(t, []breadthCase{
		{"committing an attack", "The Andes Front committed an attack on Oruro.", []string{"Andes Front ATTACKS Oruro 190"}},
		{"executing an attack", "The Andes Front executed an attack on Oruro.", []string{"Andes Front ATTACKS Oruro 190"}},
		{"masterminding a bombing", "The Andes Front masterminded the bombing of Oruro.", []string{"Andes Front BOMBS Oruro 195"}},
		{"perpetrating a massacre", "The Andes Front perpetrated the massacre of Bolivian villagers.", []string{"Andes Front MASS_KILLS Bolivia 202"}},
		{"committing troops is still a promise", "Chile committed troops to Peru.", []string{"Chile PROMISES Peru 030"}},
		{"executing a plan is no act", "Chile executed the plan.", nil},
	})
}

// TestLexiconBreadthPhaseVerbsAndSpeechActNouns covers phase verbs that
// take their act from the event noun ("ramped up strikes", "unleashed an
// attack") and the object idioms "offer an apology" (055, not the promise
// 030) and "send a warning" (130, not the supply 070); a phase verb whose
// object names no act codes nothing.
func TestLexiconBreadthPhaseVerbsAndSpeechActNouns(t *testing.T) {
	runBreadthCases(t, []breadthCase{
		{"ramping up strikes", "Chile ramped up strikes on Peru.", []string{"Chile ATTACKS Peru 190"}},
		{"unleashing an attack", "Chile unleashed an attack on Peru.", []string{"Chile ATTACKS Peru 190"}},
		{"offering an apology", "Chile offered an apology to Peru.", []string{"Chile APOLOGIZES Peru 055"}},
		{"sending a warning", "Chile sent a warning to Peru.", []string{"Chile WARNS Peru 130"}},
		{"ramping up production is no act", "The Chilean company ramped up production in Peru.", nil},
		{"unleashing chaos is no act", "Chile unleashed chaos in the markets.", nil},
	})
}
