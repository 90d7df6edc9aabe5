package resolve

import (
	"fmt"

	"github.com/kg-project/kg/schema"
)

// words are the word sets of schema/data/words that the rules of this package
// read, fetched once by New.
type words struct {
	// descriptions maps the head noun of a definite description to what it
	// may refer to: an entity type, a kind, or the word its antecedent's
	// name must contain; built from the sets of descriptionClasses.
	descriptions map[string]string

	unitNouns             schema.WordSet // unit-nouns
	quoteVerbs            schema.WordSet // quote-verbs
	places                schema.WordSet // place-nouns
	forces                schema.WordSet // force-nouns
	soldiers              schema.WordSet // soldier-nouns
	forceUnits            schema.WordSet // force-unit-nouns
	contingents           schema.WordSet // contingent-nouns
	mediaNames            schema.WordSet // media-name-words
	mediaDescriptors      schema.WordSet // media-descriptors
	stateBodies           schema.WordSet // state-body-nouns
	placeParts            schema.WordSet // place-part-words
	members               schema.WordSet // member-nouns
	orgRoles              schema.WordSet // org-role-nouns
	stateNouns            schema.WordSet // state-nouns
	personPronouns        schema.WordSet // person-pronouns
	singularPronouns      schema.WordSet // singular-pronouns
	pluralPronouns        schema.WordSet // plural-pronouns
	firstSingular         schema.WordSet // first-singular-pronouns
	firstPlural           schema.WordSet // first-plural-pronouns
	possessivePronouns    schema.WordSet // possessive-pronouns
	ofNameHeads           schema.WordSet // of-name-heads
	institutionHeads      schema.WordSet // institution-heads
	institutionEnds       schema.WordSet // institution-ends
	numberedUnits         schema.WordSet // numbered-unit-heads
	shipPrefixes          schema.WordSet // ship-prefixes
	facilityWords         schema.WordSet // facility-modifiers
	facilities            schema.WordSet // facility-nouns
	cityParts             schema.WordSet // city-part-nouns
	features              schema.WordSet // feature-nouns
	ofPlaceHeads          schema.WordSet // of-place-heads
	nameParticles         schema.WordSet // name-particles
	arabicArticles        schema.WordSet // arabic-articles
	knownAsAdverbs        schema.WordSet // known-as-adverbs
	placeShares           schema.WordSet // place-shares
	vicinityPreps         schema.WordSet // vicinity-preps
	personNouns           schema.WordSet // person-nouns
	groupNouns            schema.WordSet // group-nouns
	stateProxies          schema.WordSet // state-proxy-nouns
	stateSpeakers         schema.WordSet // state-speaker-nouns
	coalitions            schema.WordSet // coalition-nouns
	namedOrgs             schema.WordSet // named-org-nouns
	compositionVerbs      schema.WordSet // composition-verbs
	servingVerbs          schema.WordSet // serving-verbs
	sponsorParticiples    schema.WordSet // sponsor-participles
	tallyNouns            schema.WordSet // tally-nouns
	federalOfNouns        schema.WordSet // federal-of-nouns
	placeVerbs            schema.WordSet // place-verbs
	travelVerbs           schema.WordSet // travel-verbs
	weaponSystems         schema.WordSet // weapon-system-nouns
	governmentModifiers   schema.WordSet // government-modifiers
	stateOffices          schema.WordSet // state-offices
	governmentNouns       schema.WordSet // government-nouns
	postPreps             schema.WordSet // post-preps
	envoyVerbs            schema.WordSet // envoy-verbs
	rolePreps             schema.WordSet // role-preps
	honorifics            schema.WordSet // honorifics
	listIntroducers       schema.WordSet // list-introducers
	placePreps            schema.WordSet // place-preps
	leadVerbs             schema.WordSet // lead-verbs
	nameConnectors        schema.WordSet // name-connectors
	institutionConnectors schema.WordSet // institution-connectors
	nameNouns             schema.WordSet // name-nouns
	languageNouns         schema.WordSet // language-nouns
	articles              schema.WordSet // articles
	placeKeyNouns         schema.WordSet // place-key-nouns
	militaryNames         []string       // military-names, sorted
	governmentForceNames  []string       // government-force-names, sorted
}

// loadWords fetches the package's word sets from s.
func loadWords(s *schema.Schema) (words, error) {
	l := s.WordSetLoader()
	w := words{
		unitNouns:             l.Get("unit-nouns"),
		quoteVerbs:            l.Get("quote-verbs"),
		places:                l.Get("place-nouns"),
		forces:                l.Get("force-nouns"),
		soldiers:              l.Get("soldier-nouns"),
		forceUnits:            l.Get("force-unit-nouns"),
		contingents:           l.Get("contingent-nouns"),
		mediaNames:            l.Get("media-name-words"),
		mediaDescriptors:      l.Get("media-descriptors"),
		stateBodies:           l.Get("state-body-nouns"),
		placeParts:            l.Get("place-part-words"),
		members:               l.Get("member-nouns"),
		orgRoles:              l.Get("org-role-nouns"),
		stateNouns:            l.Get("state-nouns"),
		personPronouns:        l.Get("person-pronouns"),
		singularPronouns:      l.Get("singular-pronouns"),
		pluralPronouns:        l.Get("plural-pronouns"),
		firstSingular:         l.Get("first-singular-pronouns"),
		firstPlural:           l.Get("first-plural-pronouns"),
		possessivePronouns:    l.Get("possessive-pronouns"),
		ofNameHeads:           l.Get("of-name-heads"),
		institutionHeads:      l.Get("institution-heads"),
		institutionEnds:       l.Get("institution-ends"),
		numberedUnits:         l.Get("numbered-unit-heads"),
		shipPrefixes:          l.Get("ship-prefixes"),
		facilityWords:         l.Get("facility-modifiers"),
		facilities:            l.Get("facility-nouns"),
		cityParts:             l.Get("city-part-nouns"),
		features:              l.Get("feature-nouns"),
		ofPlaceHeads:          l.Get("of-place-heads"),
		nameParticles:         l.Get("name-particles"),
		arabicArticles:        l.Get("arabic-articles"),
		knownAsAdverbs:        l.Get("known-as-adverbs"),
		placeShares:           l.Get("place-shares"),
		vicinityPreps:         l.Get("vicinity-preps"),
		personNouns:           l.Get("person-nouns"),
		groupNouns:            l.Get("group-nouns"),
		stateProxies:          l.Get("state-proxy-nouns"),
		stateSpeakers:         l.Get("state-speaker-nouns"),
		coalitions:            l.Get("coalition-nouns"),
		namedOrgs:             l.Get("named-org-nouns"),
		compositionVerbs:      l.Get("composition-verbs"),
		servingVerbs:          l.Get("serving-verbs"),
		sponsorParticiples:    l.Get("sponsor-participles"),
		tallyNouns:            l.Get("tally-nouns"),
		federalOfNouns:        l.Get("federal-of-nouns"),
		placeVerbs:            l.Get("place-verbs"),
		travelVerbs:           l.Get("travel-verbs"),
		weaponSystems:         l.Get("weapon-system-nouns"),
		governmentModifiers:   l.Get("government-modifiers"),
		stateOffices:          l.Get("state-offices"),
		governmentNouns:       l.Get("government-nouns"),
		postPreps:             l.Get("post-preps"),
		envoyVerbs:            l.Get("envoy-verbs"),
		rolePreps:             l.Get("role-preps"),
		honorifics:            l.Get("honorifics"),
		listIntroducers:       l.Get("list-introducers"),
		placePreps:            l.Get("place-preps"),
		leadVerbs:             l.Get("lead-verbs"),
		nameConnectors:        l.Get("name-connectors"),
		institutionConnectors: l.Get("institution-connectors"),
		nameNouns:             l.Get("name-nouns"),
		languageNouns:         l.Get("language-nouns"),
		articles:              l.Get("articles"),
		placeKeyNouns:         l.Get("place-key-nouns"),
		militaryNames:         l.Get("military-names").Words(),
		governmentForceNames:  l.Get("government-force-names").Words(),
	}
	w.descriptions = map[string]string{}
	for _, c := range descriptionClasses {
		for _, word := range l.Get(c.set).Words() {
			class := c.class
			if class == "" {
				class = word
			}
			if other, ok := w.descriptions[word]; ok {
				return w, fmt.Errorf("schema: %q is a description of %s and of %s (data/words/%s.tsv)", word, other, class, c.set)
			}
			w.descriptions[word] = class
		}
	}
	return w, l.Err()
}

// descriptionClasses are the word sets of the head nouns of definite
// descriptions ("the country", "the rebels", "the ministry") and what each
// set's nouns refer to, for coreference: an entity type, a kind the
// describes test knows, or ("") the noun itself, which the antecedent's
// name must contain ("the ministry" is the Ministry of Defense). A noun is
// in one set only.
var descriptionClasses = []struct{ set, class string }{
	{"state-description-heads", string(schema.Country)},
	{"person-description-heads", string(schema.Person)},
	{"organization-description-heads", string(schema.Organization)},
	{"armed-group-description-heads", "armed_group"},
	{"military-description-heads", "military"},
	{"media-description-heads", "media"},
	{"mission-description-heads", "mission"},
	{"named-description-heads", ""},
}
