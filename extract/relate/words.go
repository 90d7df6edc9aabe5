package relate

import "github.com/kg-project/kg/schema"

// words are the word sets of schema/data/words that the rules of this package
// read, fetched once by New. Each field's comment names its file.
type words struct {
	phase              schema.WordSet // phase-verbs
	officialGroups     schema.WordSet // official-groups
	sideNouns          schema.WordSet // side-nouns
	partnerNouns       schema.WordSet // partner-nouns
	sponsorParticiples schema.WordSet // sponsor-participles
	allegiance         schema.WordSet // allegiance-adjectives
	partitives         schema.WordSet // partitive-nouns
	targets            schema.WordSet // target-nouns
	speakerNouns       schema.WordSet // speaker-nouns
	issuerPreps        schema.WordSet // issuer-preps
	gerundMarks        schema.WordSet // gerund-marks
	periodNouns        schema.WordSet // period-nouns
	documentNouns      schema.WordSet // document-nouns
	objectControl      schema.WordSet // object-control-verbs
	responseVerbs      schema.WordSet // response-verbs
	summaryNouns       schema.WordSet // summary-nouns
	intentNouns        schema.WordSet // intent-nouns
	claimNouns         schema.WordSet // claim-nouns
	namingVerbs        schema.WordSet // naming-verbs
	anaphoricDets      schema.WordSet // anaphoric-determiners
	actNouns           schema.WordSet // act-nouns
	generalVerbs       schema.WordSet // general-verbs
	negationWords      schema.WordSet // negation-words
	negativeGovernors  schema.WordSet // negative-governors
	futureAux          schema.WordSet // future-auxiliaries
	possibilityAux     schema.WordSet // possibility-auxiliaries
	travelVerbs        schema.WordSet // travel-verbs
	occurrenceVerbs    schema.WordSet // occurrence-verbs
	effectVerbs        schema.WordSet // effect-verbs
	sufferVerbs        schema.WordSet // suffer-verbs
	intentAdjectives   schema.WordSet // intent-adjectives
	locativePreps      schema.WordSet // locative-preps
	seatVerbs          schema.WordSet // seat-verbs
	affiliateNouns     schema.WordSet // affiliate-nouns
	materielNouns      schema.WordSet // materiel-nouns
	places             schema.WordSet // place-nouns
	forces             schema.WordSet // force-nouns
	mediaNames         schema.WordSet // media-name-words
	placeParts         schema.WordSet // place-part-words
	members            schema.WordSet // member-nouns
	stateNouns         schema.WordSet // state-nouns
	militaryHeads      schema.WordSet // military-description-heads
	hostVerbs          schema.WordSet // host-verbs
	personNouns        schema.WordSet // person-nouns
	quantities         schema.WordSet // quantity-nouns
	endingVerbs        schema.WordSet // ending-verbs
	drawingVerbs       schema.WordSet // drawing-verbs
	launchingVerbs     schema.WordSet // launching-verbs
	borders            schema.WordSet // border-nouns
	adherents          schema.WordSet // adherent-nouns
	positions          schema.WordSet // position-nouns

	// targetPreps are target-preps in the file's order of preference;
	// negativeCues and threatCues the cues of negative-cues and
	// threat-cues, which a sentence is searched for.
	targetPreps, negativeCues, threatCues []string
}

// loadWords fetches the package's word sets from s.
func loadWords(s *schema.Schema) (words, error) {
	l := s.WordSetLoader()
	w := words{
		phase:              l.Get("phase-verbs"),
		officialGroups:     l.Get("official-groups"),
		sideNouns:          l.Get("side-nouns"),
		partnerNouns:       l.Get("partner-nouns"),
		sponsorParticiples: l.Get("sponsor-participles"),
		allegiance:         l.Get("allegiance-adjectives"),
		partitives:         l.Get("partitive-nouns"),
		targets:            l.Get("target-nouns"),
		speakerNouns:       l.Get("speaker-nouns"),
		issuerPreps:        l.Get("issuer-preps"),
		gerundMarks:        l.Get("gerund-marks"),
		periodNouns:        l.Get("period-nouns"),
		documentNouns:      l.Get("document-nouns"),
		objectControl:      l.Get("object-control-verbs"),
		responseVerbs:      l.Get("response-verbs"),
		summaryNouns:       l.Get("summary-nouns"),
		intentNouns:        l.Get("intent-nouns"),
		claimNouns:         l.Get("claim-nouns"),
		namingVerbs:        l.Get("naming-verbs"),
		anaphoricDets:      l.Get("anaphoric-determiners"),
		actNouns:           l.Get("act-nouns"),
		generalVerbs:       l.Get("general-verbs"),
		negationWords:      l.Get("negation-words"),
		negativeGovernors:  l.Get("negative-governors"),
		futureAux:          l.Get("future-auxiliaries"),
		possibilityAux:     l.Get("possibility-auxiliaries"),
		travelVerbs:        l.Get("travel-verbs"),
		occurrenceVerbs:    l.Get("occurrence-verbs"),
		effectVerbs:        l.Get("effect-verbs"),
		sufferVerbs:        l.Get("suffer-verbs"),
		intentAdjectives:   l.Get("intent-adjectives"),
		locativePreps:      l.Get("locative-preps"),
		seatVerbs:          l.Get("seat-verbs"),
		affiliateNouns:     l.Get("affiliate-nouns"),
		materielNouns:      l.Get("materiel-nouns"),
		places:             l.Get("place-nouns"),
		forces:             l.Get("force-nouns"),
		mediaNames:         l.Get("media-name-words"),
		placeParts:         l.Get("place-part-words"),
		members:            l.Get("member-nouns"),
		stateNouns:         l.Get("state-nouns"),
		militaryHeads:      l.Get("military-description-heads"),
		hostVerbs:          l.Get("host-verbs"),
		personNouns:        l.Get("person-nouns"),
		quantities:         l.Get("quantity-nouns"),
		endingVerbs:        l.Get("ending-verbs"),
		drawingVerbs:       l.Get("drawing-verbs"),
		launchingVerbs:     l.Get("launching-verbs"),
		borders:            l.Get("border-nouns"),
		adherents:          l.Get("adherent-nouns"),
		positions:          l.Get("position-nouns"),
	}
	w.targetPreps = l.Get("target-preps").InOrder()
	w.negativeCues = l.Get("negative-cues").Words()
	w.threatCues = l.Get("threat-cues").Words()
	return w, l.Err()
}
