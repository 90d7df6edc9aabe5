// Package relate turns the clauses of a parsed, resolved document into
// relations between its entities: who did what to whom, typed with the
// schema's relation vocabulary and coded in CAMEO, with date, polarity,
// modality, source and the sentence that states it.
//
// It reads the dependency parse: a verb's subject (nsubj, or the agent of a
// passive), its object (obj, or the prepositional argument the lexicon
// names, "to" for provide/send, "against" for launch), coordinated
// arguments, control ("Russia sought to capture"), relative and participial
// clauses; event nouns with their agent and patient ("Russia's invasion of
// Ukraine", "strikes on Kharkiv", "carried out an operation against X");
// reported speech ("X said Y attacked Z" gives Y→Z with source X, and X's own
// statement toward the entities it is about); and the static links
// resolution found (AFFILIATION, PART_OF) plus LOCATED_IN and MEMBER_OF
// phrases. Predicates the lexicon does not know are kept as RELATED_TO.
// Lexically triggered constructions of a verb ("returned fire", "send
// troops to the border", "does not recognize") are the rules of
// schema/data/constructions.txt, matched here (constructions.go) and
// calling the registry of Go actions where an object takes tree
// navigation to find.
//
// Requires: a document processed by package resolve.
package relate

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/schema"
)

// Relation is one extracted relation between two entities of a document.
type Relation struct {
	Subject, Object int // indices in Document.Entities
	Predicate       string
	Relation        string // schema relation type
	CAMEO           string // empty for static and open relations
	Negated         bool
	Modality        string // asserted, possible, future, conditional
	Date            string // ISO 8601, at the precision the text gives
	DateSource      string // "text" or "published"
	Sentence        int
	Source          int // entity that reported it (speaker), -1
	Role            string
	Instrument      string
	Confidence      float64
	// Rule is the id of the rule that made the relation (nlp.RuleID): the
	// function that called add, or the link's rule for a static link. A
	// function that holds several rules sets "/branch" and add prefixes its
	// own name ("relate.verb/askedAgents"); a construction of
	// schema/data/constructions.txt names itself by its id
	// ("relate.verb/returned-fire").
	Rule string
	// Trigger is 1 + the token index of the predicate word (the verb, the
	// event noun or its light verb); 0 when the relation has none (static
	// links and patterns).
	Trigger int
}

// weaponRelations are the relations whose object may be a weapon.
var weaponRelations = map[string]bool{schema.RelSupplies: true, schema.RelAids: true, schema.RelMobilizes: true, schema.RelDeploys: true}

// Modalities.
const (
	Asserted    = "asserted"
	Possible    = "possible"
	Future      = "future"
	Conditional = "conditional"
)

// Extractor finds relations. It is safe for concurrent use.
type Extractor struct {
	s     *schema.Schema
	words words
	cons  constructions
}

// New returns an Extractor using the lexicon, vocabulary, word sets and
// constructions of s; it fails if s lacks a word set the rules read, a
// relation type or CAMEO code they name, or an action a construction names.
func New(s *schema.Schema) (*Extractor, error) {
	w, err := loadWords(s)
	if err != nil {
		return nil, fmt.Errorf("relate: %w", err)
	}
	if err := checkVocabulary(s); err != nil {
		return nil, fmt.Errorf("relate: %w", err)
	}
	c, err := loadConstructions(s)
	if err != nil {
		return nil, fmt.Errorf("relate: %w", err)
	}
	return &Extractor{s: s, words: w, cons: c}, nil
}

// Relations returns the relations of d, one per distinct statement. published
// is the article date (zero when unknown) used to resolve relative dates.
func (x *Extractor) Relations(d *nlp.Document, published time.Time) []Relation {
	w := &walker{x: x, d: d, published: published, mentionAt: make([]int, len(d.Tokens)), quoteOf: make([]int, len(d.Tokens)), consumed: map[int]bool{}}
	for i := range w.mentionAt {
		w.mentionAt[i], w.quoteOf[i] = -1, -1
	}
	for mi, m := range d.Mentions {
		for k := m.Start; k < m.End; k++ {
			w.mentionAt[k] = mi
		}
	}
	for qi, q := range d.Quotes {
		for k := q.Start; k < q.End; k++ {
			w.quoteOf[k] = qi
		}
	}
	w.indexChildren()
	for si := range d.Sentences {
		w.sentence(si)
	}
	w.static()
	return w.dedupe()
}

// walker holds the work of one Relations call.
type walker struct {
	x         *Extractor
	d         *nlp.Document
	published time.Time
	mentionAt []int // token → mention index, -1
	quoteOf   []int // token → quote index, -1
	out       []Relation
	consumed  map[int]bool // verbs whose relation another word already gave (a light verb's event noun, a declined comment)
	// events are the acts stated so far, with or without a target, so a
	// later "condemned the test" or "rejected the accusation" knows whose.
	events []event
	// kidList[kidStart[h]:kidStart[h+1]] are the dependents of token h in
	// order (indexChildren), what d.Children returns, without scanning the
	// sentence at each of the walker's many calls.
	kidList  []int
	kidStart []int
}

// indexChildren fills w.kidList and w.kidStart from the parse.
func (w *walker) indexChildren() {
	toks := w.d.Tokens
	w.kidStart = make([]int, len(toks)+1)
	for _, t := range toks {
		if t.Head >= 0 {
			w.kidStart[t.Head+1]++
		}
	}
	for h := range toks {
		w.kidStart[h+1] += w.kidStart[h]
	}
	w.kidList = make([]int, w.kidStart[len(toks)])
	next := slices.Clone(w.kidStart[:len(toks)])
	for j, t := range toks {
		if h := t.Head; h >= 0 {
			w.kidList[next[h]] = j
			next[h]++
		}
	}
}

// kids returns the dependents of token h in order, as d.Children does.
// The slice belongs to the walker.
func (w *walker) kids(h int) []int { return w.kidList[w.kidStart[h]:w.kidStart[h+1]] }

// event is a stated act: its sentence, who carried it out and, when
// named, at whom.
type event struct {
	sentence int
	lemma    string // the verb or noun that states it ("attack", "airstrike", "drill")
	code     string // its CAMEO code
	agents   []int
	objects  []int
	force    bool // a show or use of force (CAMEO 15-20)
}

// entity returns the entity mentioned at token k, or -1.
func (w *walker) entity(k int) int {
	if k < 0 || k >= len(w.mentionAt) || w.mentionAt[k] < 0 {
		return -1
	}
	return w.d.Mentions[w.mentionAt[k]].Entity
}

func (w *walker) typeOf(e int) string { return w.d.Entities[e].Type }

// isActor reports whether entity e can act (be a subject).
func (w *walker) isActor(e int) bool {
	switch schema.EntityType(w.typeOf(e)) {
	case schema.Country, schema.Organization, schema.Person, schema.Group:
		return true
	}
	return false
}

func (w *walker) add(r Relation) {
	if r.Subject < 0 || r.Object < 0 || r.Subject == r.Object {
		return
	}
	// Materiel is the object only of giving, moving or showing it.
	if w.typeOf(r.Object) == string(schema.Weapon) && !weaponRelations[r.Relation] {
		return
	}
	if r.CAMEO != "" {
		r.Object = w.officialsState(r.Object)
		if r.Object == r.Subject {
			return // "Kenya met Kenyan officials": no act on itself
		}
	}
	r.Rule = nlp.RuleID(r.Rule, 1)
	w.out = append(w.out, r)
}

// officialsState returns the state whose unnamed officials group e names
// (its name ends in a word of official-groups)
// ("expelled two Peruvian diplomats", "sanctions on Belarusian officials":
// the act is aimed at the state), when the article names that state; else
// e.
func (w *walker) officialsState(e int) int {
	ent := w.d.Entities[e]
	if ent.Type != string(schema.Group) || ent.Country == "" {
		return e
	}
	words := strings.Fields(strings.ToLower(ent.Name))
	if len(words) == 0 || !w.x.words.officialGroups.Has(words[len(words)-1]) {
		return e
	}
	if st := w.countryEntity(ent.Country); st >= 0 {
		return st
	}
	return e
}

// children returns the dependents of token h with one of the relations deps
// (matched on the universal part too: "obl" matches "obl:tmod").
func (w *walker) children(h int, deps ...string) []int {
	var out []int
	for _, c := range w.kids(h) {
		dep := w.d.Tokens[c].Dep
		for _, want := range deps {
			if depIs(dep, want) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// depIs reports whether the relation dep is want, or has the universal
// part want when want has none of its own ("obl:tmod" is "obl"; "obl" is
// not "obl:tmod").
func depIs(dep, want string) bool {
	return dep == want || len(dep) > len(want) && dep[len(want)] == ':' && dep[:len(want)] == want && strings.IndexByte(want, ':') < 0
}

// withConj returns h and the tokens coordinated with it.
func (w *walker) withConj(h int) []int {
	out := []int{h}
	for i := 0; i < len(out); i++ {
		for _, c := range w.kids(out[i]) {
			if w.d.Tokens[c].Dep == "conj" {
				out = append(out, c)
			}
		}
	}
	return out
}

// agents returns the agents of passive predicate p: its obl:agent or
// "by" phrases, else a "by" phrase the parser hung on its object or
// complement, where a by-phrase after a passive verb's predicate noun is
// the verb's agent ("designated a terrorist organization by Chile").
func (w *walker) agents(p int) []int {
	var out []int
	for _, a := range w.children(p, "obl:agent", "obl") {
		if w.d.Tokens[a].Dep == "obl:agent" || w.caseOf(a) == "by" {
			out = append(out, a)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, o := range w.children(p, "obj", "xcomp") {
		for _, a := range w.children(o, "nmod") {
			if w.caseOf(a) == "by" {
				out = append(out, a)
			}
		}
	}
	return out
}

// caseOf returns the preposition (lower case, multiword joined) marking token h.
func (w *walker) caseOf(h int) string {
	var parts []string
	for _, c := range w.kids(h) {
		t := w.d.Tokens[c]
		if t.Dep == "case" && c < h {
			parts = append(parts, strings.ToLower(t.Text))
		}
	}
	return strings.Join(parts, " ")
}

// argEntities returns the entities an argument headed by h denotes: the
// mention at h, or at a compound modifier ("Houthi targets"), or inside a
// partitive "of" ("formations of Armenia's armed forces"); each
// coordinated argument too.
func (w *walker) argEntities(h int) []int {
	if pair := w.twoSides(h); pair != nil {
		return pair
	}
	if persons := w.numberedPersons(h); persons != nil {
		return persons
	}
	if t := w.d.Tokens[h]; strings.Contains(t.Feats, "PronType=Rel") && t.Head >= 0 && w.d.Tokens[t.Head].Dep == "acl:relcl" {
		// "Nyala, which has been held by the RSF": the phrase the
		// relative clause modifies.
		if e := w.entityOfPhrase(w.d.Tokens[t.Head].Head, 0); e >= 0 {
			return []int{e}
		}
	}
	var out []int
	seen := map[int]bool{}
	for _, a := range w.withConj(h) {
		e := w.entityOfPhrase(a, 0)
		if e >= 0 && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
		if e >= 0 && w.isPartitive(a) {
			// "the bases of the PKK and the YPG": each group named.
			for _, c := range w.children(a, "nmod") {
				if w.caseOf(c) != "of" {
					continue
				}
				for _, k := range w.withConj(c)[1:] {
					if ke := w.entityOfPhrase(k, 1); ke >= 0 && !seen[ke] && w.typeOf(ke) == w.typeOf(e) {
						seen[ke] = true
						out = append(out, ke)
					}
				}
			}
		}
		if e < 0 || w.d.Entities[e].Kind != "military" {
			continue
		}
		// "Pakistani and Afghan forces": the military each coordinated
		// adjective names.
		for _, m := range w.children(a, "amod") {
			for _, c := range w.withConj(m) {
				if ce := w.entity(c); ce >= 0 && !seen[ce] && w.d.Entities[ce].Kind == "military" && len(w.withConj(m)) > 1 {
					seen[ce] = true
					out = append(out, ce)
				}
			}
		}
	}
	return out
}

// numberedPersons resolves "the two men", "both commanders", "the three
// officials" headed by h to the persons named last before it, as many as
// the phrase counts (two or three), within the three sentences before;
// nil for any other phrase or when fewer persons were named.
func (w *walker) numberedPersons(h int) []int {
	d := w.d
	t := d.Tokens[h]
	if t.XPOS != "NNS" || !w.x.words.personNouns.Has(strings.ToLower(t.Lemma)) || w.entity(h) >= 0 {
		return nil
	}
	n, definite := 0, false
	for _, c := range d.Children(h) {
		switch strings.ToLower(d.Tokens[c].Text) {
		case "two", "both":
			n = 2
		case "three":
			n = 3
		case "the":
			definite = true
		}
		if strings.EqualFold(d.Tokens[c].Text, "both") {
			definite = true
		}
	}
	if n == 0 || !definite {
		return nil
	}
	var persons []int
	for i := len(d.Mentions) - 1; i >= 0 && len(persons) < n; i-- {
		m := d.Mentions[i]
		if m.Start >= h || d.Tokens[m.Start].Sentence < t.Sentence-3 {
			continue
		}
		if w.typeOf(m.Entity) == string(schema.Person) && !slices.Contains(persons, m.Entity) {
			persons = append(persons, m.Entity)
		}
	}
	if len(persons) < n {
		return nil
	}
	slices.Reverse(persons)
	return persons
}

// twoSides resolves "the two sides", "both countries", "the warring
// parties", "all sides" headed by h to the two sides of the article's
// conflict (conflictParties), else to the two actors the article is about
// so far: the two states or organizations named most often up to h's sentence (a
// state's ministries and forces count as the state), when both are named
// at least twice and clearly more than any third.
// It returns nil for any other phrase or when no pair stands out.
func (w *walker) twoSides(h int) []int {
	d := w.d
	t := d.Tokens[h]
	if !w.x.words.sideNouns.Has(t.Lemma) || !strings.HasSuffix(t.XPOS, "S") || w.entity(h) >= 0 {
		return nil
	}
	two := false
	for _, c := range d.Children(h) {
		switch strings.ToLower(d.Tokens[c].Text) {
		case "two", "both", "warring", "all":
			two = true
		}
	}
	if !two {
		return nil
	}
	// Who urges "all parties" or meets "both sides" is none of them.
	var actors []int
	if t.Dep != "nsubj" && t.Dep != "nsubj:pass" && t.Head >= 0 {
		for _, s := range w.children(t.Head, "nsubj") {
			if e := w.entityOfPhrase(s, 0); e >= 0 {
				actors = append(actors, e)
			}
		}
	}
	if pair := w.conflictParties(actors); pair != nil {
		return pair
	}
	count := map[int]int{}
	for _, m := range d.Mentions {
		if d.Tokens[m.Start].Sentence > t.Sentence || m.Pronoun {
			continue
		}
		if ty := schema.EntityType(w.typeOf(m.Entity)); ty == schema.Country || ty == schema.Organization {
			count[w.stateOf(m.Entity)]++
		}
	}
	var ranked []int
	for e := range count {
		ranked = append(ranked, e)
	}
	sort.Slice(ranked, func(i, j int) bool {
		if count[ranked[i]] != count[ranked[j]] {
			return count[ranked[i]] > count[ranked[j]]
		}
		return ranked[i] < ranked[j]
	})
	if len(ranked) < 2 || count[ranked[1]] < 2 || w.affiliated(ranked[0], ranked[1]) {
		return nil
	}
	if len(ranked) > 2 && count[ranked[2]]*3 > count[ranked[1]]*2 {
		return nil // a third actor nearly as present: which two is unclear
	}
	return []int{ranked[0], ranked[1]}
}

// groupOfFighters returns the organization that force noun h ("20 rebels
// from the Arakan Army", "fighters of the RSF", "gunmen from the Viv
// Ansanm gang coalition") names with "from" or "of", or -1; depth is
// entityOfPhrase's.
func (w *walker) groupOfFighters(h, depth int) int {
	if !w.x.words.forces.Has(w.d.Tokens[h].Lemma) {
		return -1
	}
	for _, c := range w.children(h, "nmod") {
		if cs := w.caseOf(c); cs == "from" || cs == "of" {
			if e := w.entityOfPhrase(c, depth+1); e >= 0 && (w.typeOf(e) == string(schema.Organization) || cs == "from" && w.typeOf(e) == string(schema.Country)) {
				return e // "troops from Chad" are Chad's too
			}
		}
	}
	return -1
}

// isPartitive reports whether noun n's phrase names its referent inside
// it (partitive-nouns: "the outskirts of Kharkiv"), also as a count of it
// (quantity-nouns: "hundreds of gunmen from X").
func (w *walker) isPartitive(n int) bool {
	l := w.d.Tokens[n].Lemma
	return w.x.words.partitives.Has(l) || w.x.words.quantities.Has(l)
}

// stateOf returns the state that entity e is part of (a ministry, an
// army), or e itself.
func (w *walker) stateOf(e int) int {
	for _, l := range w.d.Entities[e].Links {
		if l.Relation == schema.RelPartOf && w.typeOf(l.Entity) == string(schema.Country) {
			return l.Entity
		}
	}
	return e
}

// countryEntity returns the document's state entity with ISO code iso,
// or -1.
func (w *walker) countryEntity(iso string) int {
	if iso == "" {
		return -1
	}
	for i, ent := range w.d.Entities {
		if ent.Type == string(schema.Country) && ent.Country == iso {
			return i
		}
	}
	return -1
}

// military reports whether noun h is modified as a military thing ("a
// military base", "an army post").
func (w *walker) military(h int) bool {
	for _, c := range w.children(h, "amod", "compound") {
		if w.x.words.militaryHeads.Has(strings.ToLower(w.d.Tokens[c].Lemma)) {
			return true
		}
	}
	return false
}

// hyphenedSponsor reports whether token k is the first part of a
// hyphenated modifier naming a sponsor or ally rather than the actor
// itself: "Iran-aligned", "U.S.-backed", "Russia-allied", "NATO-led".
func (w *walker) hyphenedSponsor(k int) bool {
	return w.x.words.sponsorParticiples.Has(w.d.HyphenedWord(k))
}

// isDemonym reports whether the mention at token k is a nationality word
// ("Syrian"), not a name.
func (w *walker) isDemonym(k int) bool {
	_, ok := w.x.s.CountryByDemonym(w.d.Tokens[k].Text)
	return ok
}

// unnamedProperModifier reports whether one of the modifier tokens is a
// capitalized word no mention covers ("YPG" in "the Syrian Kurdish YPG militia").
func (w *walker) unnamedProperModifier(mods []int) bool {
	for _, c := range mods {
		if w.entity(c) < 0 && w.d.Tokens[c].UPOS == "PROPN" && !w.isDemonym(c) {
			return true
		}
	}
	return false
}

// placeAfterOf returns the place named after "of" on noun h ("the city of
// Kharkiv", "the state of Sinaloa"), or -1.
func (w *walker) placeAfterOf(h int) int {
	for _, c := range w.children(h, "nmod") {
		if e := w.entity(c); e >= 0 && w.caseOf(c) == "of" && w.typeOf(e) == string(schema.Location) {
			return e
		}
	}
	return -1
}

// personInPhrase returns a person named inside the name-like phrase headed
// by h (through flat, appos, compound and nmod, depth levels down), or -1.
func (w *walker) personInPhrase(h, depth int) int {
	if depth == 0 {
		return -1
	}
	for _, c := range w.children(h, "flat", "appos", "compound", "nmod") {
		if w.d.Tokens[c].Dep == "nmod:poss" {
			continue // "Joe Biden's administration" is not Joe Biden
		}
		if pe := w.entity(c); pe >= 0 && w.typeOf(pe) == string(schema.Person) {
			return pe
		}
		if w.d.Tokens[c].UPOS == "PROPN" {
			if pe := w.personInPhrase(c, depth-1); pe >= 0 {
				return pe
			}
		}
	}
	return -1
}

func (w *walker) entityOfPhrase(h, depth int) int {
	if e := w.entity(h); e >= 0 {
		// "the UN's envoy to Yemen Martin Griffiths", "U.S. Secretary of State
		// Antony Blinken" parsed with the state as the head: the person named
		// in the phrase is who is meant.
		if w.typeOf(e) != string(schema.Person) {
			if pe := w.personInPhrase(h, 2); pe >= 0 {
				return pe
			}
		}
		if w.typeOf(e) == string(schema.Weapon) {
			// "Israeli warplanes struck": whose weapons act.
			for _, c := range w.children(h, "compound", "amod", "nmod:poss") {
				if ae := w.entity(c); ae >= 0 && w.isActor(ae) {
					return ae
				}
			}
			// "the drone, launched by Hezbollah, struck": who launched it
			// (launching-verbs; "drones supplied by Turkey" are not Turkey's).
			for _, a := range w.children(h, "acl") {
				if w.d.Tokens[a].XPOS != "VBN" || !w.x.words.launchingVerbs.Has(w.d.Tokens[a].Lemma) {
					continue
				}
				for _, by := range w.agents(a) {
					if ae := w.entityOfPhrase(by, depth+1); ae >= 0 && w.isActor(ae) {
						return ae
					}
				}
			}
			// "a bomber from the Shining Path": a word for armed men
			// that also names materiel acts for its group.
			if o := w.groupOfFighters(h, depth); o >= 0 {
				return o
			}
		}
		return e
	}
	if depth > 1 {
		return -1
	}
	t := w.d.Tokens[h]
	if t.UPOS != "NOUN" && t.UPOS != "PROPN" {
		return -1
	}
	// "the SDF, a U.S.-backed alliance", "Russia, an ally of Armenia that
	// brokered …": an appositive phrase describes its host.
	if t.Dep == "appos" && t.Head >= 0 {
		if e := w.entity(t.Head); e >= 0 && w.isActor(e) {
			return e
		}
	}
	// "backed by their rival, Iran", "former colonial power France": a
	// description of a side names the actor in its apposition.
	if t.UPOS == "NOUN" && (w.x.words.sideNouns.Has(t.Lemma) || w.x.words.partnerNouns.Has(t.Lemma)) {
		for _, c := range w.children(h, "appos") {
			if e := w.entity(c); e >= 0 && w.isActor(e) {
				return e
			}
		}
		// "accused Russian ally Belarus of …": the name right after the
		// noun, whatever the parser hung it on.
		if n := h + 1; n < len(w.d.Tokens) && w.d.Tokens[n].Sentence == t.Sentence && w.d.Tokens[n].UPOS == "PROPN" {
			if e := w.entity(n); e >= 0 && w.isActor(e) {
				return e
			}
		}
	}
	// "a terror squad belonging to Islamic Jihad", "a camp belonging to
	// the rebels": whose it is.
	for _, a := range w.children(h, "acl") {
		if w.d.Tokens[a].Lemma != "belong" {
			continue
		}
		for _, o := range w.children(a, "obl") {
			if e := w.entityOfPhrase(o, depth+1); e >= 0 && w.caseOf(o) == "to" && w.isActor(e) {
				return e
			}
		}
	}
	// "arrested 20 members of the Shining Path", "killed the group's
	// commander": people of an organization that is not an alliance or an
	// intergovernmental body stand for it.
	if w.x.words.adherents.Has(t.Lemma) {
		for _, c := range w.children(h, "nmod") {
			if cs := w.caseOf(c); cs != "of" && w.d.Tokens[c].Dep != "nmod:poss" {
				continue
			}
			if e := w.entity(c); e >= 0 && w.typeOf(e) == string(schema.Organization) && w.d.Entities[e].Kind != "alliance" && w.d.Entities[e].Kind != "igo" {
				return e
			}
		}
	}
	// "its aircraft struck", "the army's artillery shelled": whose
	// materiel acts.
	if w.x.words.materielNouns.Has(t.Lemma) {
		for _, c := range w.children(h, "nmod:poss") {
			if e := w.entity(c); e >= 0 && w.isActor(e) {
				return e
			}
		}
	}
	// A member noun or a state noun names members of an organization, not
	// the organization ("other NATO members" are states, not NATO); but
	// "the state of Sinaloa" is the place named after "of" (below).
	if w.x.words.members.Has(t.Lemma) || w.x.words.stateNouns.Has(t.Lemma) && w.placeAfterOf(h) < 0 {
		return -1
	}
	if w.x.words.forces.Has(t.Lemma) {
		// "the group's fighters"; "Chile said its forces had captured
		// Tacna": a state's own forces, named by a pronoun, act for it
		// (named, "Chile's forces" is the state's military already).
		for _, c := range w.children(h, "nmod:poss") {
			if e := w.entity(c); e >= 0 && (w.typeOf(e) == string(schema.Organization) || w.typeOf(e) == string(schema.Country)) {
				return e
			}
		}
		if o := w.groupOfFighters(h, depth); o >= 0 {
			return o
		}
		// "forces loyal to the Government of National Unity", "fighters
		// allied with the army": whose side they fight on.
		for _, a := range w.children(h, "amod", "acl") {
			if w.x.words.allegiance.Has(w.d.Tokens[a].Lemma) {
				for _, o := range w.children(a, "obl") {
					if e := w.entityOfPhrase(o, depth+1); e >= 0 && w.isActor(e) {
						return e
					}
				}
			}
		}
	}
	// "sent troops to the border with Chile": the state across it, as for
	// "the Chilean border".
	if w.x.words.borders.Has(t.Lemma) {
		for _, c := range w.children(h, "nmod") {
			if e := w.entity(c); e >= 0 && w.caseOf(c) == "with" && w.typeOf(e) == string(schema.Country) {
				return e
			}
		}
	}
	// "shelled the Ukrainian city of Kharkiv": the place named, not the
	// state of the adjective.
	if w.x.words.places.Has(t.Lemma) {
		if e := w.placeAfterOf(h); e >= 0 {
			return e
		}
	}
	// "Rights groups, including Amnesty International, have criticised":
	// the one named.
	for _, c := range w.children(h, "nmod") {
		if w.caseOf(c) == "including" {
			if e := w.entity(c); e >= 0 && w.isActor(e) {
				return e
			}
		}
	}
	// "Secretary of State Antony Blinken urged": the person, not the title;
	// but "the detention of Ana Rios" is an act done to her.
	if pe := w.personInPhrase(h, 2); pe >= 0 && !w.isAct(h) {
		return pe
	}
	// A named modifier before a nationality ("the Syrian Kurdish YPG
	// militia" is the YPG's); a nationality only when no other name is there.
	// A name the parser read as a determiner counts ("attack on AMISOM
	// base" in a headline).
	mods := w.children(h, "compound", "amod", "det")
	for _, c := range mods {
		// "the Viv Ansanm gang coalition": a name that modifies the
		// noun that modifies the head.
		if w.d.Tokens[c].Dep == "compound" && w.d.Tokens[c].UPOS == "NOUN" && w.entity(c) < 0 {
			mods = append(mods, w.children(c, "compound")...)
		}
	}
	demonym := -1
	for _, c := range mods {
		if w.hyphenedSponsor(c) {
			continue // "Iran-aligned factions" are not Iran
		}
		if e := w.entity(c); e >= 0 && w.isActor(e) {
			if !w.isDemonym(c) {
				return e
			}
			if demonym < 0 {
				demonym = e
			}
		}
	}
	if demonym >= 0 && !w.unnamedProperModifier(mods) {
		return demonym
	}
	if w.x.words.documentNouns.Has(t.Lemma) || w.x.words.speakerNouns.Has(t.Lemma) {
		// "a statement from the General Staff said": the issuer speaks.
		for _, c := range w.children(h, "nmod") {
			if w.x.words.issuerPreps.Has(w.caseOf(c)) {
				if e := w.entityOfPhrase(c, depth+1); e >= 0 {
					return e
				}
			}
		}
	}
	if w.isPartitive(h) {
		// "raided the Jenin refugee camp": the named place of the facility.
		for _, c := range w.children(h, "compound") {
			if e := w.entity(c); e >= 0 && w.typeOf(e) == string(schema.Location) {
				return e
			}
		}
		// "fired on its border posts", "shelled Chile's positions": whose
		// they are (position-nouns; "Colombia's largest group" is where
		// the group is, not whose). "Their" is too often resolved to the
		// wrong side ("pursue these criminals to their last hideout").
		for _, c := range w.children(h, "nmod:poss") {
			if e := w.entity(c); e >= 0 && w.isActor(e) && w.x.words.positions.Has(t.Lemma) && !strings.EqualFold(w.d.Tokens[c].Text, "their") {
				return e
			}
		}
		// "facilities used by Kataib Hezbollah", "positions held by the
		// rebels": whose they are.
		for _, a := range w.children(h, "acl") {
			if w.d.Tokens[a].XPOS != "VBN" {
				continue
			}
			for _, by := range w.agents(a) {
				if e := w.entityOfPhrase(by, depth+1); e >= 0 && w.isActor(e) {
					return e
				}
			}
		}
		for _, c := range w.children(h, "nmod") {
			switch cs := w.caseOf(c); {
			case cs == "of":
				if e := w.entityOfPhrase(c, depth+1); e >= 0 {
					return e
				}
			case cs == "from":
				// "hundreds of gunmen from the X coalition" with the
				// group hung on the count: whose men they are.
				if e := w.entityOfPhrase(c, depth+1); e >= 0 && w.typeOf(e) == string(schema.Organization) {
					return e
				}
			case w.x.words.locativePreps.Has(cs):
				// "struck targets in Rafah": the place the targets are in.
				if e := w.entityOfPhrase(c, depth+1); e >= 0 && w.isPlace(e) {
					// "attacked a military base in Peru's Ayacucho region":
					// the army's, of the state the place is in.
					if st := w.countryEntity(w.d.Entities[e].Country); st >= 0 && w.military(h) {
						return st
					}
					return e
				}
			}
		}
	}
	return -1
}
