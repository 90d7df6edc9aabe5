package extract

import (
	"slices"
	"testing"
)

// TestEventNounArguments covers the arguments of acts stated as nouns:
// who carried them out and what they were aimed at.
func TestEventNounArguments(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // exactly these relations, in any order
	}{
		{"an investigation into an act is aimed at its agent", "Bolivia opened an inquiry into the reported shootings by Peruvian forces.",
			[]string{"Bolivia INVESTIGATES Peruvian military", "Peruvian military PART_OF Peru"}},
		{"an investigation into an act with no agent names no one", "Bolivia opened an investigation into the shootings.", nil},
		{"a strike's materiel is not its agent", "A drone strike on Tacna by Chilean forces killed three people.",
			[]string{"Chilean military BOMBS Tacna", "Chilean military PART_OF Chile"}},
		{"a strike with materiel alone has no agent", "A drone strike on Tacna killed three people.", nil},
		{"a target on a place's outskirts is the place", "A drone strike on the outskirts of Tacna by Chilean forces killed three people.",
			[]string{"Chilean military BOMBS Tacna", "Chilean military PART_OF Chile"}},
		{"a target named by a name the parser read as a determiner", "Peru condemns deadly Andes Front attack on AMISOM base in Tacna",
			[]string{"Andes Front ATTACKS African Union Transition Mission in Somalia", "Peru CONDEMNS Andes Front"}},
		{"a joint act's partner shares it and cooperates", "Chile conducted a joint raid with Peruvian forces on an Andes Front hideout.",
			[]string{"Chile COOPERATES_MILITARILY Peruvian military", "Chile ATTACKS Andes Front", "Peruvian military ATTACKS Andes Front", "Peruvian military PART_OF Peru"}},
		{"a reported joint act is the reporter's, aimed at who suffered it, not at the partner's state",
			"The Chilean army announced that two Coastal Brigade commanders were killed in a joint raid with Peruvian forces in southern Peru.",
			[]string{"Chilean military COOPERATES_MILITARILY Peruvian military", "Chilean military ATTACKS Coastal Brigade commanders",
				"Peruvian military ATTACKS Coastal Brigade commanders", "Chilean military PART_OF Chile", "Peruvian military PART_OF Peru"}},
		{"an act with, not stated as joint, has no partner", "The Chilean army announced that two Coastal Brigade commanders were killed in a raid with Peruvian forces.",
			[]string{"Chilean military PART_OF Chile", "Peruvian military PART_OF Peru"}},
		{"what the strikes killed is their target, and the strikes are the latest ones stated",
			"Chile launched air strikes on Tacna on Monday. The strikes also killed two Peruvian soldiers.",
			[]string{"Chile BOMBS Tacna", "Chile ATTACKS Peruvian military", "Peruvian military PART_OF Peru"}},
		{"earlier strikes are not the agents' own side's losses", "Chile launched air strikes on Tacna on Monday. The strikes killed two Chilean soldiers.",
			[]string{"Chile BOMBS Tacna", "Chilean military PART_OF Chile"}},
		{"a different act is not the strikes", "Peru attacked Bolivia on Monday. The strikes killed two Chilean soldiers.",
			[]string{"Peru ATTACKS Bolivia", "Chilean military PART_OF Chile"}},
		{"a hyphenated event noun, through its light verb and the noun it hangs on", "The Andean Union announced its enforcement of a no-fly zone over Bolivia. Chile imposed a no-fly zone over Peru.",
			[]string{"Andean Union SANCTIONS Bolivia", "Chile SANCTIONS Peru"}},
		{"a hyphenated modifier of another noun is no event", "Chile published a no-fly list for Peru.", nil},
		{"an act named again is the latest act stated with that word", "Peru attacked Chile on Monday. Bolivia condemned the attack on Arica.",
			[]string{"Peru ATTACKS Chile", "Peru ATTACKS Arica", "Bolivia CONDEMNS Peru"}},
		{"an act named again with no act before it has no agent", "Bolivia condemned the attack on Arica.", nil},
		{"a hyphenated pair names the sides of the event", "Since the Chile-Peru war began in May, prices have risen.",
			[]string{"Chile FIGHTS Peru", "Peru FIGHTS Chile"}},
		{"a hyphenated pair before a noun with no event is no relation", "The Chile-Peru border was closed.", nil},
		{"giving an ultimatum or a deadline threatens", "Chile gave Bolivia an ultimatum. Peru gave Bolivia seven days to free the president.",
			[]string{"Chile THREATENS Bolivia", "Peru THREATENS Bolivia"}},
		{"giving materiel supplies", "Chile gave Peru two tanks.", []string{"Chile SUPPLIES Peru"}},
		{"acting at someone's request answers their appeal", "Chile deployed troops to Tacna at the request of Peru. Bolivia sent advisers at the invitation of Peru.",
			[]string{"Chile DEPLOYS Tacna", "Peru REQUESTS Chile", "Peru APPEALS_TO Bolivia"}},
		{"a request not named as the reason is no appeal to the actor", "Chile deployed troops to Tacna after the request of Peru.",
			[]string{"Chile DEPLOYS Tacna"}},
		{"acting with someone's help is their aid", "Chile attacked Tacna with the help of Peru.",
			[]string{"Chile ATTACKS Tacna", "Peru AIDS Chile"}},
		{"help from materiel is no one's aid", "Chile attacked Tacna with the help of its drones.",
			[]string{"Chile ATTACKS Tacna"}},
		{"who is under an act, or suffers it, is its target", "Tacna has been under a blockade by the Andes Front for three years. Chilean troops came under attack from the Andes Front.",
			[]string{"Andes Front BLOCKADES Tacna", "Andes Front ATTACKS Chilean military", "Chilean military PART_OF Chile"}},
		{"coming under pressure is coercion", "Peru came under pressure from Chile.", []string{"Chile COERCES Peru"}},
		{"a from-phrase of an act not suffered is no agent", "Chilean troops launched attacks from Tacna on Peru.",
			[]string{"Chilean military PART_OF Chile"}},
		{"a real determiner names no target", "Peru condemns deadly Andes Front attack on this base in Tacna",
			[]string{"Andes Front ATTACKS Tacna", "Peru CONDEMNS Andes Front"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}

// wantRelations fails the test unless text gives exactly the relations
// want ("Subject RELATION Object"), in any order.
func wantRelations(t *testing.T, text string, want []string) {
	t.Helper()
	got := triples(extractText(t, text))
	if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
		t.Errorf("%q:\n got  %q\n want %q", text, got, want)
	}
}
