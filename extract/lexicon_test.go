package extract

import "testing"

// TestLexiconVerbsKnownToTheLemmatizer covers inflected lexicon verbs the
// treebank never showed the lemmatizer: they take the lexicon's lemma, so
// the lexicon finds them.
func TestLexiconVerbsKnownToTheLemmatizer(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a past tense the suffix rule would cut to another word", "Chile waged war on Peru in 1879.",
			[]string{"Chile FIGHTS Peru"}},
		{"a third person the suffix rule would cut", "Chile wages a war against Peru.",
			[]string{"Chile FIGHTS Peru"}},
		{"a verb not in the lexicon is not turned into one", "Chile wagered on Peru in 1879.",
			[]string{"Chile RELATED_TO Peru"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}

// TestLexiconForceAndRupture covers verbs and idioms of roots 15-20 and of
// reduced relations (16): each with a case of the same verb in a sense that
// is no such act.
func TestLexiconForceAndRupture(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"suspending talks halts negotiations", "Peru suspended talks with Chile on Monday.",
			[]string{"Peru REDUCES_RELATIONS Chile"}},
		{"cutting aid reduces aid", "Peru cut aid to Bolivia on Monday.", []string{"Peru REDUCES_RELATIONS Bolivia"}},
		{"withdrawing an envoy is no military withdrawal", "Peru withdrew its ambassador from Chile.",
			[]string{"Peru REDUCES_RELATIONS Chile"}},
		{"withdrawing troops still is", "Peru withdrew its troops from Chile.",
			[]string{"Peru WITHDRAWS_FROM Chile"}},
		{"violating a ceasefire", "Peru violated the ceasefire with Chile.", []string{"Peru VIOLATES_CEASEFIRE Chile"}},
		{"violating other norms is defiance", "Peru violated the treaty with Chile.", []string{"Peru REJECTS Chile"}},
		{"setting fire to a place", "The Andes Front set fire to the town of Oruro.", []string{"Andes Front DESTROYS Oruro"}},
		{"dropping bombs", "Chile dropped bombs on Oruro.", []string{"Chile BOMBS Oruro"}},
		{"dropping a claim is no bombing", "Chile dropped its claim on Oruro.", nil},
		{"strafing", "Chile strafed Oruro on Monday.", []string{"Chile BOMBS Oruro"}},
		{"planting a bomb", "The Andes Front planted a bomb in Oruro.", []string{"Andes Front BOMBS Oruro"}},
		{"dispatching to a place deploys", "Chile dispatched troops to Oruro.", []string{"Chile DEPLOYS Oruro"}},
		{"shadowing a ship", "The Chilean navy shadowed the Peruvian navy.",
			[]string{"Chile navy DEPLOYS Peru navy", "Chile navy PART_OF Chile", "Peru navy PART_OF Peru"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}

// TestLexiconDiplomacyAndDissent covers verbs and idioms of roots 01-14:
// each object idiom beside the same verb with another object.
func TestLexiconDiplomacyAndDissent(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"reaching a deal signs it", "Peru reached an agreement with Chile on Monday.", []string{"Peru SIGNS_AGREEMENT Chile"}},
		{"striking a deal is no attack", "Peru struck a deal with Chile on Monday.", []string{"Peru SIGNS_AGREEMENT Chile"}},
		{"striking a state still is", "Chile struck Peru on Monday.", []string{"Chile ATTACKS Peru"}},
		{"hitting out is criticism", "Bolivia hit out at Chile on Monday.", []string{"Bolivia CRITICIZES Chile"}},
		{"exchanging prisoners releases them", "Peru exchanged prisoners with Chile.", []string{"Peru RELEASES Chile"}},
		{"lifting a blockade", "Chile lifted the blockade on Bolivia.", []string{"Chile YIELDS_TO Bolivia"}},
		{"filing a lawsuit", "Peru filed a lawsuit against Chile.", []string{"Peru SUES Chile"}},
		{"paying tribute is no payment", "Peru paid tribute to Chile.", []string{"Peru PRAISES Chile"}},
		{"forging an alliance", "Peru forged an alliance with Chile.", []string{"Peru COOPERATES_WITH Chile"}},
		{"throwing one's weight behind", "Chile threw its weight behind Peru.", []string{"Chile SUPPORTS Peru"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}

// TestLexiconThreatComplements covers the code a threat takes from the act
// threatened ("threaten to bomb" 1384, "threaten to expel" 1313).
func TestLexiconThreatComplements(t *testing.T) {
	cases := []struct {
		text, triple, cameo string
	}{
		{"Chile threatened to bomb Bolivia.", "Chile THREATENS Bolivia", "1384"},
		{"Chile threatened to annex Bolivia.", "Chile THREATENS Bolivia", "1382"},
		{"Chile threatened to expel Bolivian diplomats.", "Chile THREATENS Bolivian diplomats", "1313"},
		{"Chile vowed to crush the Andes Front.", "Chile THREATENS Andes Front", "138"},
		{"Chile threatened Bolivia.", "Chile THREATENS Bolivia", "130"},
	}
	for _, c := range cases {
		if r := find(t, extractText(t, c.text), c.triple); r.CAMEO != c.cameo {
			t.Errorf("%q: %s has CAMEO %s, want %s", c.text, c.triple, r.CAMEO, c.cameo)
		}
	}
}

// TestLexiconEventNounsAndVerbs covers event nouns whose modifier fixes
// the code ("IED attack" 1833, "military assistance" 072, "travel ban"
// 163, "video call" 041) and verbs of aid, deployment and censure.
func TestLexiconEventNounsAndVerbs(t *testing.T) {
	cases := []struct {
		text, triple, cameo string
	}{
		{"The Andes Front carried out an IED attack on Oruro.", "Andes Front BOMBS Oruro", "1833"},
		{"The Andes Front carried out an attack on Oruro.", "Andes Front ATTACKS Oruro", "190"}, // no modifier, no finer code
		{"Peru carried out a knife attack on Chile.", "Peru ASSAULTS Chile", "182"},
		{"Chile announced military assistance to Peru.", "Chile AIDS Peru", "072"},
		{"Peru imposed a travel ban on Bolivia.", "Peru SANCTIONS Bolivia", "163"},
		{"Peru held a video call with Chile.", "Peru MEETS Chile", "041"},
		{"Chile airlifted troops to Oruro.", "Chile DEPLOYS Oruro", "150"},
		{"Chile redeployed troops to Oruro.", "Chile DEPLOYS Oruro", "150"},
		{"Chile reprimanded Bolivia for the incursion.", "Chile CRITICIZES Bolivia", "111"},
	}
	for _, c := range cases {
		if r := find(t, extractText(t, c.text), c.triple); r.CAMEO != c.cameo {
			t.Errorf("%q: %s has CAMEO %s, want %s", c.text, c.triple, r.CAMEO, c.cameo)
		}
	}
}

// TestPhaseVerbsOfRestriction covers "tighten" and "enforce", which take
// their act from the event noun they govern, and regaining control.
func TestPhaseVerbsOfRestriction(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"tightening a blockade", "Chile tightened the blockade on Bolivia.", []string{"Chile BLOCKADES Bolivia"}},
		{"enforcing sanctions", "Chile enforced sanctions against Bolivia.", []string{"Chile SANCTIONS Bolivia"}},
		{"tightening what is no act", "Chile tightened its grip on Bolivia.", nil},
		{"regaining control", "Chile regained control of Oruro.", []string{"Chile CAPTURES Oruro"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}

// TestLexiconCoercionNouns covers verbs and nouns of coercion (17) and of
// its neighbours: looting, barring, harassment, reprisals.
func TestLexiconCoercionNouns(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"ransacking a town", "Chilean soldiers ransacked Oruro.", []string{"Chilean military SEIZES Oruro", "Chilean military PART_OF Chile"}},
		{"barring a group", "Chile barred the Andes Front from the election.", []string{"Chile COERCES Andes Front"}},
		{"barring what is no actor", "Chile barred entry to ships.", nil},
		{"harassment by an actor", "Peru condemned the harassment of Chilean diplomats by Bolivia.",
			[]string{"Bolivia COERCES Chilean diplomats", "Peru CONDEMNS Bolivia"}},
		{"reprisals against a group", "Peru carried out reprisals against the Andes Front.", []string{"Peru ATTACKS Andes Front"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}

// TestAppealSubcodesFromTheComplement covers appeals and requests that take
// their CAMEO subcode from the act asked for ("urged X to release" 0253).
func TestAppealSubcodesFromTheComplement(t *testing.T) {
	cases := []struct {
		text, triple, cameo string
	}{
		{"Peru urged Chile to release the detained fishermen.", "Peru APPEALS_TO Chile", "0253"},
		{"Peru urged Chile to withdraw its troops.", "Peru APPEALS_TO Chile", "0256"},
		{"Peru urged Chile to negotiate with Bolivia.", "Peru APPEALS_TO Chile", "026"},
		{"Peru asked Chile to mediate.", "Peru REQUESTS Chile", "028"},
		{"Peru urged Chile to reconsider.", "Peru APPEALS_TO Chile", "020"}, // an act with no subcode
	}
	for _, c := range cases {
		if r := find(t, extractText(t, c.text), c.triple); r.CAMEO != c.cameo {
			t.Errorf("%q: %s has CAMEO %s, want %s", c.text, c.triple, r.CAMEO, c.cameo)
		}
	}
}

// TestTimePhraseIsNoPreposition covers the prepositions that choose a verb's
// sense: a time phrase's preposition is not one of them.
func TestTimePhraseIsNoPreposition(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"calling on an actor is an appeal", "Peru called on Chile to withdraw its troops.", []string{"Peru APPEALS_TO Chile"}},
		{"a call on a weekday is not", "Peru called Chile on Tuesday.", []string{"Peru STATES Chile"}},
		{"nor in a month", "Peru called Chile in March.", []string{"Peru STATES Chile"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}
