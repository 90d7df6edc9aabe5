package extract

import "testing"

// TestParticipleOfAnActHasTheActsAgent checks that a participle on an act
// noun ("launched air strikes targeting …") is done by the act's agent:
// the subject of the verb that carried the act out; a participle on a
// noun that is no act borrows no agent.
func TestParticipleOfAnActHasTheActsAgent(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"light verb", "Chile launched air strikes targeting the Shining Path on Sunday.", []string{"Chile ATTACKS Shining Path"}},
		{"carried out", "Peru carried out raids targeting Bolivian positions near the border.", []string{"Peru ATTACKS Bolivia"}},
		{"no act", "Chile arrested men targeting Bolivian officials.", nil},
	})
}

// TestDemandThatIsADemandOnTheClausesSubject checks that "X demanded that
// Y …" and "X urged that Y …" are a demand and an appeal to Y, while a
// demand without a clause names no one.
func TestDemandThatIsADemandOnTheClausesSubject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"demanded that", "Peru demanded that Chile stop the incursions.", []string{"Peru DEMANDS Chile"}},
		{"urged that", "Bolivia urged that Paraguay halt the construction of the dam.", []string{"Bolivia APPEALS_TO Paraguay"}},
		{"no clause", "Peru demanded an explanation on Monday.", nil},
	})
}

// TestTheyOfPluralSpeakersIsTheSpeaker checks that "they" reporting what a
// speaker named by a plural noun did is that speaker, even where an armed
// force named before would be the nearest plural antecedent; a singular
// speaker's "they" is left to the antecedent search.
func TestTheyOfPluralSpeakersIsTheSpeaker(t *testing.T) {
	checkReferents(t, []referentCase{
		{"authorities", "Peruvian troops entered the valley. Bolivian authorities said they had opened an inquiry.", "they", 1, "Bolivia"},
		{"singular speaker", "Peruvian troops entered the valley. Bolivia said they had crossed the river.", "they", 1, "Peruvian military"},
	})
	runClauseCases(t, []clauseCase{
		{"inquiry into an act", "Bolivian authorities said they had opened an investigation into killings by Peruvian forces.",
			[]string{"Bolivia INVESTIGATES Peruvian military", "Peruvian military PART_OF Peru"}},
	})
}

// TestPossessorOfAResolveActs checks that the possessor of a decision or
// pledge does what its infinitive says (the pledged act in the future),
// and that a noun of asking ("request") or of not acting ("refusal") does
// not make its possessor the actor.
func TestPossessorOfAResolveActs(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"decision", "Chile's decision to expel two Peruvian diplomats surprised observers.", []string{"Chile EXPELS Peruvian diplomats"}},
		{"plan", "Peru's plan to invade Bolivia alarmed observers.", []string{"Peru INVADES Bolivia"}},
		{"request", "Chile's request to expel two Peruvian diplomats surprised observers.", nil},
		{"refusal", "Peru announced its refusal to attack Bolivia.", nil},
	})
	g := extractText(t, "Peru's plan to invade Bolivia alarmed observers.")
	if r := find(t, g, "Peru INVADES Bolivia"); r.Modality != "future" {
		t.Errorf("plan: modality %q, want future", r.Modality)
	}
	g = extractText(t, "Chile's decision to expel two Peruvian diplomats surprised observers.")
	if r := find(t, g, "Chile EXPELS Peruvian diplomats"); r.Modality != "asserted" {
		t.Errorf("decision: modality %q, want asserted", r.Modality)
	}
}

// TestObjectIdiomOfACompound checks that an idiom fixed by its object
// matches a compound object ("closed its crossing points with Peru") and
// that a compound the lexicon does not list falls back to the head.
func TestObjectIdiomOfACompound(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"crossing points", "Chile closed its two remaining crossing points with Peru.", []string{"Chile REDUCES_RELATIONS Peru"}},
		{"no other state", "Chile closed its two remaining crossing points on Monday.", nil},
	})
}

// TestBodyInACapitalIsThatStates checks that a government body named
// without its state and placed "in" a state or its capital is that state's
// ("the foreign ministry in Minsk"), and that "the ministry" then takes it
// up; an embassy and troops are where they are, not whose.
func TestBodyInACapitalIsThatStates(t *testing.T) {
	text := "Lithuania's foreign ministry summoned a Belarusian diplomat.\n\n" +
		"The foreign ministry in Minsk called the move hostile.\n\n" +
		"The ministry said it would expel a Lithuanian diplomat."
	checkEntities(t, text, []string{"Organization:Belarus Ministry of Foreign Affairs", "Organization:Lithuania Ministry of Foreign Affairs"}, nil)
	runClauseCases(t, []clauseCase{{"the ministry", text, []string{
		"Lithuania Ministry of Foreign Affairs CRITICIZES Belarus",
		"Lithuania Ministry of Foreign Affairs PART_OF Lithuania",
		"Belarus Ministry of Foreign Affairs PART_OF Belarus",
		"Belarus Ministry of Foreign Affairs REDUCES_RELATIONS Lithuania",
	}}})
	checkEntities(t, "Peru said the embassy in Lima was closed.", nil, []string{"Organization:Peru embassy"})
	checkEntities(t, "Chile keeps 2,000 troops in Peru.", nil, []string{"Organization:Peruvian military"})
}

// TestPersonPronounTakesUpANearerDescribedPerson checks that "him" after
// a singular description of a person ("a Chilean diplomat") nearer than
// any named person takes up the description (the state the diplomat
// serves), and that a named person mentioned after the description keeps
// the pronoun.
func TestPersonPronounTakesUpANearerDescribedPerson(t *testing.T) {
	checkReferents(t, []referentCase{
		{"description nearer", "Marta Ruiz said the bloc would respond.\n\nPeru declared a Chilean diplomat persona non grata, ordering him to leave the country.", "him", 1, "Chile"},
		{"name nearer", "A Chilean diplomat met Carlos Mendez, who said he was hopeful.", "he", 1, "Carlos Mendez"},
	})
}

// TestRequestedActIsNotDone checks that the act an appeal or request asks
// of its object is not stated as done ("Peru urged Chile to attack
// Bolivia" is an appeal, not an attack), while the act of a verb that is
// no appeal ("decided to attack") is.
func TestRequestedActIsNotDone(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"urged", "Peru urged Chile to attack Bolivia.", []string{"Peru APPEALS_TO Chile"}},
		{"asked, coordinated", "Peru asked Chile to meet Bolivia and sign the treaty.", []string{"Peru REQUESTS Chile"}},
		{"no appeal", "Chile decided to attack Bolivia.", []string{"Chile ATTACKS Bolivia"}},
	})
}

// TestParticleParsedAsAdverb checks that a particle the parser took for an
// adverb still selects the verb's sense ("sat down with" meets), and that
// an adverb that is no particle of the verb changes nothing.
func TestParticleParsedAsAdverb(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"sat down with", "Chilean negotiators sat down with Peru in Lima.", []string{"Chilean negotiators MEETS Peru"}},
		{"no particle", "Chilean negotiators sat quietly with Peru in Lima.", []string{"Chilean negotiators RELATED_TO Peru"}},
	})
}

// TestDashesSetOffAPhrase checks that a phrase set off by spaced hyphens or
// em dashes ("Gen. Ali Musa - who has declared himself Chad's new leader -
// warned …") leaves the clause around it whole, as commas do.
func TestDashesSetOffAPhrase(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"hyphens", "Gen. Ali Musa - who has declared himself Chad's new leader - warned the African Union against stepping in.",
			[]string{"Ali Musa WARNS African Union", "Ali Musa AFFILIATION Chad"}},
		{"em dashes", "Gen. Ali Musa — who has declared himself Chad's new leader — warned the African Union against stepping in.",
			[]string{"Ali Musa WARNS African Union", "Ali Musa AFFILIATION Chad"}},
	})
}

// TestWhatBelongsToAnActor checks that a thing "belonging to" an actor
// stands for that actor as an object ("arrested a cell belonging to the
// Shining Path"), and that a purpose clause after a time phrase with "on"
// keeps the main clause's subject ("were patrolling on Thursday to arrest").
func TestWhatBelongsToAnActor(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"belonging to", "Chilean forces arrested a cell belonging to the Shining Path.",
			[]string{"Chilean military ARRESTS Shining Path", "Chilean military PART_OF Chile"}},
		{"linked to is not belonging", "Chilean forces arrested a cell linked to the Shining Path.",
			[]string{"Chilean military PART_OF Chile"}},
		{"on Thursday controls nothing", "Chilean security forces were patrolling in Arica on Thursday to arrest Juan Perez.",
			[]string{"Chilean military ARRESTS Juan Perez", "Chilean military PART_OF Chile"}},
	})
}

// TestCoordinatedDemonymsNameEachMilitary checks that "Chilean and
// Peruvian troops" are both states' militaries, related to each other by a
// reciprocal act ("exchanged fire"), and that two militaries that repel
// an assault by others are not set against each other.
func TestCoordinatedDemonymsNameEachMilitary(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"exchanged fire", "Chilean and Peruvian troops exchanged heavy fire on Sunday.", []string{
			"Chilean military FIGHTS Peruvian military", "Peruvian military FIGHTS Chilean military",
			"Chilean military PART_OF Chile", "Peruvian military PART_OF Peru"}},
		{"assault by others", "Chilean and Peruvian troops repelled an overnight assault by unknown gunmen.", []string{
			"Chilean military PART_OF Chile", "Peruvian military PART_OF Peru"}},
	})
}

// TestReportInsideAReport checks that a reported clause whose subject is
// no actor ("said the deliveries showed that …") reports, in its own
// complement, what an actor did, while a verb of saying there reports its
// own speaker's words, not the first speaker's.
func TestReportInsideAReport(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"evidence", "Luis Gomez said the deliveries showed that Chile wanted a war with Peru.", []string{"Luis Gomez STATES Chile"}},
		{"another speaker", "Luis Gomez said the report claimed that Chile wanted a war with Peru.", nil},
	})
}

// TestItOfTheAccuser checks that the object "it" of the act one actor
// accuses another of, or reports another did, is the accuser ("Chile
// accused Peru of attacking it"), that the name after a partner noun is
// the argument however the parser hangs it ("accused Bolivian ally
// Peru"), and that an "it" with no other actor in the clause stays a
// thing ("said it would hold it").
func TestItOfTheAccuser(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"accused of", "Chile accused Peru of attacking it.", []string{"Chile ACCUSES Peru", "Peru ATTACKS Chile"}},
		{"said", "Chile said Peru had shelled it overnight.", []string{"Chile ACCUSES Peru", "Peru SHELLS Chile"}},
		{"ally and name", "Chile accused Bolivian ally Peru on Monday of hitting it with a hybrid attack.",
			[]string{"Chile ACCUSES Peru", "Peru ATTACKS Chile"}},
		{"no other actor", "Chile said it would hold it.", nil},
	})
}

// TestHeldCaptive checks "held captive" as a detention and "held hostage"
// as an abduction, and that the presidential guard is a state body.
func TestHeldCaptive(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"captive", "Chile held Juan Perez captive for a year.", []string{"Chile ARRESTS Juan Perez"}},
		{"hostage", "The Shining Path held Juan Perez hostage for a month.", []string{"Shining Path ABDUCTS Juan Perez"}},
		{"guard", "Chad's presidential guard arrested Ali Musa.", []string{"Chad presidential guard ARRESTS Ali Musa", "Chad presidential guard PART_OF Chad"}},
		{"held a meeting", "Chile held talks with Juan Perez.", []string{"Chile NEGOTIATES_WITH Juan Perez"}},
	})
}

// TestSponsorIsNoAntecedent checks that the sponsor in a hyphenated
// participle ("an al-Qaida-linked group", "an Iran-backed militia") is not
// what a later pronoun takes up (the pronoun stays unresolved when the
// group has no name kg knows), while a sponsor named on its own still is.
func TestSponsorIsNoAntecedent(t *testing.T) {
	checkReferents(t, []referentCase{
		{"linked", "Jama'at Nasr al-Din wal-Ansar, an al-Qaida-linked group known by its acronym JNDA, claimed the attack.", "its", 1, ""},
		{"backed", "Officials blamed an Iran-backed militia for the attack. Its fighters fled.", "Its", 1, ""},
		{"named on its own", "Bolivia backs the Shining Path. Its army trains the fighters.", "Its", 1, "Bolivia"},
	})
}

// TestItOfAnUnnamedBodyIsItsOwner checks that "it" reporting for an
// unnamed body of a named owner ("Tacna's regional assembly announced that it …") is
// the owner, not the subject of the sentence before.
func TestItOfAnUnnamedBodyIsItsOwner(t *testing.T) {
	checkReferents(t, []referentCase{
		{"owner", "Chile's army entered Arica on Monday. Tacna's regional assembly announced that it would leave the national pension scheme.", "it", 1, "Tacna"},
		{"named speaker", "Chile's army entered Tacna on Monday. Bolivia's foreign office said it had recalled its ambassador.", "it", 1, "Bolivia Ministry of Foreign Affairs"},
	})
}

// TestForceUnitsAndOwnBodies checks that a unit named with a nationality
// ("a Chilean patrol", singular) is that state's military, and that a
// state's act of force on its own military (a misread clause) is dropped.
func TestForceUnitsAndOwnBodies(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"patrol", "Peruvian troops fired warning shots at a Chilean patrol.", []string{
			"Peruvian military ATTACKS Chilean military", "Peruvian military PART_OF Peru", "Chilean military PART_OF Chile"}},
		{"convoy", "Bolivia ambushed a Peruvian army convoy near the border.", []string{
			"Bolivia ATTACKS Peruvian military", "Peruvian military PART_OF Peru"}},
		{"own body", "Chile fired warning shots at a Chilean patrol.", []string{"Chilean military PART_OF Chile"}},
		{"coup", "The Chilean army seized power in Chile on Wednesday.", []string{"Chilean military COERCES Chile", "Chilean military PART_OF Chile"}},
	})
}

// TestReactionToWhatAnActorDid checks that a reaction to an act or word
// named with its possessor ("condemned Chile's annexation of Tacna",
// "rejected Peru's proposal") is a reaction to the possessor, and that a
// possessor of the reacting side is not ("condemned its own army's
// conduct" names no other actor).
func TestReactionToWhatAnActorDid(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"annexation", "Bolivia condemned Chile's annexation of Tacna.", []string{"Bolivia CONDEMNS Chile", "Chile OCCUPIES Tacna"}},
		{"invasion", "Bolivia condemned Chile's invasion.", []string{"Bolivia CONDEMNS Chile"}},
		{"proposal", "Bolivia rejected Peru's proposal.", []string{"Bolivia REJECTS Peru"}},
		{"veto", "Russia vetoed Chile's proposal at the Security Council.", []string{"Russia VETOES Chile"}},
		{"own side", "Bolivia condemned Bolivia's own conduct.", nil},
	})
}

// TestBlamedForAnAct checks that the one blamed for an act, or accused of
// it, carried it out ("Peru blamed Chile for the attack on Tacna"), and
// that an act with an agent of its own keeps that agent.
func TestBlamedForAnAct(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"blamed for", "Peru blamed Chile for the attack on Tacna.", []string{"Peru ACCUSES Chile", "Chile ATTACKS Tacna"}},
		{"accused of", "Peru accused Chile of the shelling of Tacna.", []string{"Peru ACCUSES Chile", "Chile SHELLS Tacna"}},
		{"own agent", "Peru blamed Chile for the attack by the Shining Path on Tacna.", []string{"Peru ACCUSES Chile", "Shining Path ATTACKS Tacna"}},
	})
}

// TestMilitaryBaseInAState checks that an attack on a military base in a
// state's region is aimed at that state, and that a base with no military
// word ("a fuel depot in …") stays the place.
func TestMilitaryBaseInAState(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"military base", "The Shining Path attacked a military base in Peru's Ayacucho region.",
			[]string{"Shining Path ATTACKS Peru", "Ayacucho region LOCATED_IN Peru"}},
		{"no military word", "The Shining Path attacked a fuel depot in Peru's Ayacucho region.",
			[]string{"Shining Path ATTACKS Ayacucho region", "Ayacucho region LOCATED_IN Peru"}},
	})
}

// TestHostOfTalksMediates checks that whoever hosts talks between two
// parties mediates between each, and that talks held by the parties
// themselves name no mediator.
func TestHostOfTalksMediates(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"hosted", "Brazil has hosted indirect talks between Lima and Santiago.", []string{
			"Brazil MEDIATES Peru", "Brazil MEDIATES Chile", "Peru NEGOTIATES_WITH Chile", "Chile NEGOTIATES_WITH Peru"}},
		{"held", "Peru held talks with Chile in Brasilia.", []string{"Peru NEGOTIATES_WITH Chile"}},
	})
}

// TestTheTwoMen checks that "the two men" are the two persons named last,
// and that a count with fewer persons named stays unresolved.
func TestTheTwoMen(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"two named", "Peru sanctioned Juan Perez and his deputy, Luis Gomez, on Friday. Lima accused the two men of organizing kidnappings.", []string{
			"Peru SANCTIONS Juan Perez", "Peru SANCTIONS Luis Gomez", "Peru ACCUSES Juan Perez", "Peru ACCUSES Luis Gomez"}},
		{"one named", "Peru sanctioned Juan Perez on Friday. Lima accused the two men of organizing kidnappings.", []string{
			"Peru SANCTIONS Juan Perez"}},
	})
}

// TestDescriptionMatchesAnyName checks that a description like "the
// department" takes up a body named so in the text even when its canonical
// name differs ("Treasury Department" is the Ministry of Finance).
func TestDescriptionMatchesAnyName(t *testing.T) {
	checkReferents(t, []referentCase{
		{"department", "The U.S. Treasury Department imposed sanctions on Juan Perez. The department accused him of organizing kidnappings.", "department", 2, "U.S. Ministry of Finance"},
	})
}

// TestItThatBringsATally checks that "it" bringing a count to a new figure
// stands for the event, not for the last organization named, while "it"
// as an actor elsewhere is still resolved.
func TestItThatBringsATally(t *testing.T) {
	checkReferents(t, []referentCase{
		{"tally", "Chilean troops killed two men in Arica, the BBC reported. It brings the number of people killed this year to 30.", "It", 1, ""},
		{"actor", "The BBC reported the raid. It said two men were killed.", "It", 1, "British Broadcasting Corporation"},
	})
}

// TestExecutedSoldiers checks that executing soldiers named by their
// nationality kills that state's military, and that executing a plan is
// no killing.
func TestExecutedSoldiers(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"soldiers", "The Shining Path executed three Bolivian soldiers.", []string{"Shining Path KILLS Bolivian military", "Bolivian military PART_OF Bolivia"}},
		{"plan", "The Shining Path executed its plan in Bolivia.", nil},
	})
}

// TestPastTenseReadAsParticiple covers a clause whose verb the tagger read
// as a past participle and the parser hung on the noun before it ("forces
// detained X" as "forces [who were] detained"): parsed again with the
// verb in the past tense, the noun is its subject. A participle that
// modifies its noun stays one (extract/parse tests which qualify).
func TestPastTenseReadAsParticiple(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a participle with an object", "Peruvian security forces detained Carlos Mendoza, an arms dealer.",
			[]string{"Peruvian military ARRESTS Carlos Mendoza", "Peruvian military PART_OF Peru"}},
		{"a past tense after the phrase of its noun", "A statement from the Bolivian government condoled with Peru.",
			[]string{"Bolivia EXPRESSES_REGRET Peru"}},
		{"a reduced relative stays one", "Peruvian police arrested Carlos Mendoza, a smuggler wanted by Chile.",
			[]string{"Peru police ARRESTS Carlos Mendoza", "Peru police PART_OF Peru"}},
	})
}

// TestActOfWordsJoinedToAReport covers an act of words coordinated with a
// reported clause whose subject is no actor: the reporting subject
// performs it ("said the tanker belonged to X, and accused Y"). An act
// that is no act of words is not the speaker's.
func TestActOfWordsJoinedToAReport(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"accusation", "Chilean Defense Minister Ana Ruiz said the freighter belonged to a smuggling network, and accused Bolivia of arming the rebels.",
			[]string{"Ana Ruiz ACCUSES Bolivia", "Ana Ruiz AFFILIATION Chile"}},
		{"not an act of words", "Chilean Defense Minister Ana Ruiz said the freighter belonged to a smuggling network and sailed to Bolivia.",
			[]string{"Ana Ruiz AFFILIATION Chile"}},
	})
}

// TestMediationBetweenTheConflictsSides covers a mediation that names no
// parties ("a truce brokered by Ecuador", "after mediation by Brazil"):
// it is between the two sides that the article's fights and talks join
// most often, states for their militaries. People who meet are no sides.
func TestMediationBetweenTheConflictsSides(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a truce's sides from an earlier clash", "Chilean troops clashed with Peruvian forces near Tacna on Monday. The truce was agreed on Sunday after mediation by Brazil.",
			[]string{"Chilean military FIGHTS Peruvian military", "Chilean military PART_OF Chile", "Peruvian military PART_OF Peru", "Brazil MEDIATES Chile", "Brazil MEDIATES Peru"}},
		{"people who met are no sides", "Ana Rios met Carlos Mendez in Lima on Friday. The talks were brokered by Brazil.",
			[]string{"Ana Rios MEETS Carlos Mendez"}},
	})
}

// TestTheWarringParties covers "the warring parties", "both sides", "all
// parties": the two sides that the article's fights and talks join, states
// for their militaries; whoever speaks to them is none of them.
func TestTheWarringParties(t *testing.T) {
	const clash = "Sudanese troops clashed with the Rapid Support Forces near Khartoum on Monday. "
	fight := []string{"Sudanese military FIGHTS Rapid Support Forces", "Sudanese military PART_OF Sudan"}
	runClauseCases(t, []clauseCase{
		{"the warring parties", clash + "The UN envoy urged the warring parties to spare civilians.",
			append([]string{"United Nations APPEALS_TO Sudan", "United Nations APPEALS_TO Rapid Support Forces"}, fight...)},
		{"both sides", clash + "Egypt met both sides in Cairo.",
			append([]string{"Egypt MEETS Sudan", "Egypt MEETS Rapid Support Forces"}, fight...)},
		{"a side that appeals to all parties is none of them", "Chilean troops clashed with Peruvian forces near Tacna on Monday. Chile called on all parties to respect the border.",
			[]string{"Chilean military FIGHTS Peruvian military", "Chilean military PART_OF Chile", "Peruvian military PART_OF Peru"}},
	})
}

// TestArmedMenFromAGroup covers armed men named by the group they come
// from, behind a count ("hundreds of gunmen from the X coalition") or a
// word that also names aircraft ("a suicide bomber from X"): the group
// acts. Bombers with a nationality are the state's aircraft, and a count
// of people from a place names no actor.
func TestArmedMenFromAGroup(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a count of gunmen from a coalition", "Hundreds of gunmen from the Andes Front gang coalition stormed the town of Tacna on Monday.",
			[]string{"Andes Front gang ATTACKS Tacna"}},
		{"a suicide bomber", "A suicide bomber from the Shining Path killed 12 Peruvian soldiers at a checkpoint.",
			[]string{"Shining Path KILLS Peruvian military", "Peruvian military PART_OF Peru"}},
		{"aircraft", "Chilean bombers struck Tacna on Monday.", []string{"Chile ATTACKS Tacna"}},
		{"people from a place", "Hundreds of residents from Tacna fled to Bolivia.", []string{}},
	})
}

// TestMaterielActsForItsOwner covers materiel named by its owner ("its
// aircraft struck", "the army's artillery shelled"): the owner acts. A
// possessor that is no actor gives nothing.
func TestMaterielActsForItsOwner(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"its aircraft", "The Chilean army said its aircraft struck the Shining Path near Arica.",
			[]string{"Chilean military ATTACKS Shining Path", "Chilean military PART_OF Chile"}},
		{"a possessor that is no actor", "The storm's aircraft struck the Shining Path near Arica.", []string{}},
	})
}

// TestPlaceOfUnnamedVictims covers an act of force on unnamed people in a
// place ("killed civilians in El Fasher"): the place is what it hit, as for
// unnamed targets. Victims with an actor of their own are that actor, and
// a place that is no known place gives nothing.
func TestPlaceOfUnnamedVictims(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"civilians in a town", "RSF fighters killed civilians in El Fasher on Monday.",
			[]string{"Rapid Support Forces KILLS El Fasher"}},
		{"soldiers of a state", "RSF fighters killed Sudanese soldiers in El Fasher on Monday.",
			[]string{"Rapid Support Forces KILLS Sudanese military", "Sudanese military PART_OF Sudan"}},
		{"no known place", "RSF fighters killed civilians in the mountains on Monday.", []string{}},
		{"a building in a town", "Chilean warplanes bombed a market in Tacna on Monday.", []string{"Chile BOMBS Tacna"}},
	})
}

// TestAttacksAnsweredAreOnTheResponder covers "responded to attacks by X":
// the attacks were on whoever responds to them. An attack with a target of
// its own keeps it.
func TestAttacksAnsweredAreOnTheResponder(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"responded to attacks by", "The Andes Front responded to attacks by the Shining Path on Monday.",
			[]string{"Shining Path ATTACKS Andes Front", "Andes Front FIGHTS Shining Path"}},
		{"an attack with its own target", "The Andes Front responded to attacks by the Shining Path on Tacna.",
			[]string{"Shining Path ATTACKS Tacna", "Andes Front FIGHTS Shining Path"}},
	})
}

// TestAgentOfAnActHungOnTheNounBefore covers a by-phrase right after an act
// that the parser hung on the noun before it ("an investigation into
// shootings by Chilean forces of six soldiers"): it names the act's agent.
// After a noun that is no act it names nothing.
func TestAgentOfAnActHungOnTheNounBefore(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"shootings by forces", "Peru began an investigation into reported shootings by Chilean forces of four Peruvian soldiers in Tacna.",
			[]string{"Peru INVESTIGATES Chilean military", "Chilean military ATTACKS Peruvian military", "Chilean military PART_OF Chile", "Peruvian military PART_OF Peru"}},
		{"no act", "Peru began an investigation into the accounts by Chilean forces of four Peruvian soldiers.",
			[]string{"Chilean military INVESTIGATES Peruvian military", "Chilean military PART_OF Chile", "Peruvian military PART_OF Peru"}},
	})
}

// TestDenyingRightsOrAccess covers "deny landing rights to X", "denied
// access to X": a restriction on X (REDUCES_RELATIONS), not a denial of a
// claim, which stays one.
func TestDenyingRightsOrAccess(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rights", "Bolivia decided to deny landing rights to two Chilean aircraft.", []string{"Bolivia REDUCES_RELATIONS Chile"}},
		{"access", "Peru denied access to Chilean ships.", []string{"Peru REDUCES_RELATIONS Chile"}},
		{"a claim", "Peru denied the Chilean accusations.", []string{}},
	})
}

// TestResolveHeldWithOf covers the holder of a resolve named with "of"
// ("the decision of Peru to expel", "the commitment of the AU to
// support"): the holder does what the infinitive says. A holder that is
// no actor does nothing.
func TestResolveHeldWithOf(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"the decision of a state", "The decision of Peru to expel two Chilean diplomats angered Santiago.", []string{"Peru EXPELS Chile"}},
		{"no actor", "The plan of the summit to expel two Chilean diplomats was dropped.", []string{}},
	})
}

// TestActorOfAClaimDoesTheGerund covers "allegations of X funneling funds
// to Y" with the gerund hung on the verb: X does what the claim says. After
// the "of" phrase of a noun that is no claim, the gerund keeps the main
// clause's subject.
func TestActorOfAClaimDoesTheGerund(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a claim", "Peru rejected Chilean allegations of Bolivia funneling funds to the Andes Front.",
			[]string{"Peru REJECTS Chile", "Bolivia SUPPLIES Andes Front"}},
		{"no claim", "Peru praised the courage of Bolivia, sending funds to the Andes Front.",
			[]string{"Peru PRAISES Bolivia", "Peru SUPPLIES Andes Front"}},
	})
}

// TestTalksBetweenNationalities covers "a meeting between Ethiopian and
// Kenyan officials": each nationality's state is a party, once, and no
// state meets itself through its own officials.
func TestTalksBetweenNationalities(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"two nationalities", "Kenya and Ethiopia signed a deal last year. A meeting between Ethiopian and Kenyan officials took place in Nairobi.",
			[]string{"Kenya SIGNS_AGREEMENT Ethiopia", "Ethiopia SIGNS_AGREEMENT Kenya", "Ethiopia MEETS Kenya", "Kenya MEETS Ethiopia"}},
	})
}

// TestTargetsOfSeveralGroups covers unnamed targets of several groups ("the
// bases of the Shining Path and the Andes Front", where the treebank's
// lemma of "bases" is "basis"): each group is hit. A coordinated phrase of
// another kind ("the outskirts of Tacna and the Andes Front") adds nothing.
func TestTargetsOfSeveralGroups(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"bases of two groups", "Chile said it struck the bases of the Shining Path and the Andes Front.",
			[]string{"Chile ATTACKS Shining Path", "Chile ATTACKS Andes Front"}},
		{"a place and a group", "Chile shelled the outskirts of Tacna and the Andes Front.", []string{"Chile SHELLS Tacna"}},
	})
}

// TestCampaignInAPlace covers a campaign named with the place it is waged
// in ("Israel's campaign in Gaza") as well as with its target ("against").
func TestCampaignInAPlace(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"in a place", "Bolivia opposes Chile's campaign in Tacna.", []string{"Chile ATTACKS Tacna", "Bolivia CRITICIZES Chile"}},
		{"against a group", "Chile's campaign against the Shining Path continued.", []string{"Chile ATTACKS Shining Path"}},
	})
}

// TestRelativeClauseWithoutThat covers "crossed into territory it controls
// and fired warning shots at a patrol": the relative clause without "that"
// belongs to the noun, and the act after it is the first clause's subject's.
func TestRelativeClauseWithoutThat(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"territory it controls", "Argentina said Chilean troops crossed into territory it controls and fired warning shots at an Argentine patrol.",
			[]string{"Argentina ACCUSES Chilean military", "Chilean military ATTACKS Argentine military", "Chilean military PART_OF Chile", "Argentine military PART_OF Argentina"}},
	})
}

// TestShipmentsRoutedThroughAState covers "rifles, routed through
// neighboring Chile" joined to the accusation as a conjunct: a participle
// after another clause takes no object of the verb it is joined to (the
// lemmatizer reads "routed" as "rout", a fight, which then hit Bolivia).
func TestShipmentsRoutedThroughAState(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"routed", "Peru accused Bolivia of supplying the Andes Front with rifles, routed through neighboring Chile.",
			[]string{"Peru ACCUSES Bolivia", "Bolivia SUPPLIES Andes Front", "Bolivia SUPPLIES small arms"}},
	})
}

// TestAccusedOfWithTheClauseOnTheObject covers "accused the UAE of
// supplying the RSF" parsed with the clause hung on the object itself: the
// object does what the accusation says.
func TestAccusedOfWithTheClauseOnTheObject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"clause on the object", "Sudan's government has repeatedly accused the UAE of supplying the RSF with weapons.",
			[]string{"Sudan ACCUSES United Arab Emirates", "United Arab Emirates SUPPLIES Rapid Support Forces"}},
	})
}

// TestReportAfterATimePhrase covers "said last month that soldiers had
// executed civilians": the clause after the time phrase is what was said.
func TestReportAfterATimePhrase(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"said last month that", "Human Rights Watch said last month that Burkinabe soldiers had executed 130 civilians in Djibo.",
			[]string{"Human Rights Watch ACCUSES Burkinabe military", "Burkinabe military KILLS Djibo", "Burkinabe military PART_OF Burkina Faso"}},
	})
}

// TestSanctionsOnPeopleBeforeAParticiple covers "imposed sanctions on X and
// Y, freezing any assets they hold": the people are the sanctions' targets,
// not the participle's subject.
func TestSanctionsOnPeopleBeforeAParticiple(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"sanctions on two men", "On Friday, the U.S. Treasury Department imposed sanctions on Carlos Mendoza and Luis Vega, freezing any assets they hold in the United States.",
			[]string{"U.S. Ministry of Finance SANCTIONS Carlos Mendoza", "U.S. Ministry of Finance SANCTIONS Luis Vega", "U.S. Ministry of Finance PART_OF United States"}},
	})
}

// TestFightingBetweenSidesNamesTheConflict covers a fight stated as
// "fighting between X and Y": its two sides are the conflict's, so a later
// mediation with no parties of its own is between them.
func TestFightingBetweenSidesNamesTheConflict(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"fighting between", "Heavy fighting between Chilean troops and the Shining Path erupted near Tacna on Monday. The truce was agreed on Sunday after mediation by Brazil.",
			[]string{"Chilean military FIGHTS Shining Path", "Shining Path FIGHTS Chilean military", "Chilean military PART_OF Chile", "Brazil MEDIATES Shining Path", "Brazil MEDIATES Chile"}},
	})
}

// TestPartiesOfAMediationMediateNothing covers "Egypt's mediation between
// Israel and Hamas": the mediator mediates between the parties, and the
// parties do not mediate between themselves.
func TestPartiesOfAMediationMediateNothing(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"mediation between", "Qatar's mediation between the Andes Front and the Shining Path collapsed.",
			[]string{"Qatar MEDIATES Andes Front", "Qatar MEDIATES Shining Path"}},
	})
}

// TestPastTenseTaggedAsAdjective covers "A drone strike on Kharkiv by
// Russian forces wounded three civilians" with "wounded" tagged as an
// adjective and no verb left: read again as the verb, the strike's agent
// and place are found, and no actor named "Russian forces wounded three
// civilians" is made.
func TestPastTenseTaggedAsAdjective(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"wounded", "A drone strike on the outskirts of Kharkiv by Russian forces wounded three civilians.",
			[]string{"Russian military BOMBS Kharkiv", "Russian military PART_OF Russia"}},
	})
}

// TestBlockingAid covers "blocked aid convoys to X": a blockade of X
// (BLOCKADES 191), while blocking an actor stays a rejection.
func TestBlockingAid(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"convoys", "Chile blocked aid convoys to Tacna.", []string{"Chile BLOCKADES Tacna"}},
		{"an actor", "Chile blocked Peru.", []string{"Chile REJECTS Peru"}},
	})
}

// TestRoleStatedWithACopula covers "X was a commander of Y": the role and
// the organization of a named person, as an apposition gives them; a word
// that is no title ("a critic of") gives none.
func TestRoleStatedWithACopula(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"was a commander of", "Carlos Mendez was a commander of the Shining Path.", []string{"Carlos Mendez AFFILIATION Shining Path"}},
		{"no title", "Carlos Mendez was a critic of the Shining Path.", []string{}},
	})
}
