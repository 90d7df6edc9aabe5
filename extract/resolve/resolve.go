// Package resolve finds the actors of a parsed document and links their
// mentions into one entity per real-world actor.
//
// It combines three sources of mentions: the gazetteers of package schema
// (countries, capitals used for their governments, demonyms, organizations,
// government bodies, weapons, titles), the learned recognizer's PER/ORG/LOC
// spans (Token.NER), and noun phrases whose head names a collective actor
// ("Ukrainian officials", "Eritrean forces", "the Armenian side"). Mentions
// are then linked: by canonical name, by surname ("Ryabkov" → Sergey
// Ryabkov), by acronym ("the Department of Defense (DoD)", "TPLF"), and by
// coreference for pronouns and definite descriptions ("he", "its", "the
// ministry", "the rebels"). Direct quotes are attributed to their speaker,
// and first-person pronouns inside a quote resolve to the speaker or the
// speaker's organization. Static facts the text states on the way — a
// person's role and affiliation, a body's state — are stored as Entity.Links.
//
// Requires: Tokens, Sentences, UPOS, XPOS, Lemma, Head, Dep, NER.
// Fills: Mentions, Entities, Quotes.
package resolve

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/kg-project/kg/extract/ner"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/schema"
)

// Resolver is the resolution Stage.
type Resolver struct {
	s      *schema.Schema
	words  words
	places PlaceFinder
}

// PlaceFinder finds the place names the other sources miss in the frames
// where text names places ("in X", "the town of X"); package toponym
// implements it with the world gazetteer.
type PlaceFinder interface {
	// Spans returns token ranges of sentence s, among the tokens for
	// which covered is false.
	Spans(d *nlp.Document, s nlp.Sentence, covered func(k int) bool) [][2]int
}

// New returns a Resolver using the gazetteers and word sets of s; it fails if
// s lacks a word set the rules read.
func New(s *schema.Schema) (*Resolver, error) {
	w, err := loadWords(s)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	return &Resolver{s: s, words: w}, nil
}

// WithPlaces returns a Resolver that also takes the places f finds.
func (r *Resolver) WithPlaces(f PlaceFinder) *Resolver {
	return &Resolver{s: r.s, words: r.words, places: f}
}

// Name implements nlp.Stage.
func (r *Resolver) Name() string { return "resolve" }

// Process implements nlp.Stage.
func (r *Resolver) Process(ctx context.Context, d *nlp.Document) error {
	st := &state{r: r, d: d, byKey: map[string]int{}, tokMention: make([]int, len(d.Tokens)),
		fromGazetteer: map[int]bool{}}
	for i := range st.tokMention {
		st.tokMention[i] = -1
	}
	// The recognizer's spans, once, by sentence.
	st.spans = make([][]ner.Span, len(d.Sentences))
	for _, sp := range ner.Spans(d) {
		si := d.Tokens[sp.Start].Sentence
		st.spans[si] = append(st.spans[si], sp)
	}
	for si := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		st.sentence(si)
	}
	st.linkSameNames()
	st.linkToNamedActors()
	st.linkAmbiguousCountries()
	st.linkCompassStates()
	st.linkPersons()
	st.linkAcronyms()
	st.linkKnownAs()
	st.linkForces()
	st.linkDescribedNames()
	st.linkStatelessBodies()
	st.linkPeacekeepers()
	st.linkContingents()
	st.coref()
	st.ownBodies()
	st.ownedUnits()
	// Roles after coreference: "a spokesman for the military, General X".
	for _, p := range st.persons {
		st.personRole(p)
	}
	st.dropContestedOffices()
	st.quotes()
	st.firstPerson()
	st.bodyLinks()
	st.ledByOrganizations()
	st.contributorLinks()
	st.capitalLinks()
	st.finish()
	return nil
}

// state is the work of one Process call.
type state struct {
	r *Resolver
	d *nlp.Document

	byKey      map[string]int // entity key → index in d.Entities
	tokMention []int          // token → index in d.Mentions, -1
	demonym    map[int]string // token → ISO3 of the demonym or country word it is part of
	titles     []titleSpan
	// sentMentions lists, during coreference, the mentions of each
	// sentence, so that an antecedent is looked for in its window only.
	sentMentions [][]int
	titleIndex   struct {
		byStart, byEnd map[int]int    // token → index in titles of the first title starting or ending there
		bySentence     map[int][2]int // sentence → its range of titles
	}
	redirect []int // entity → entity it was merged into (itself when not merged)
	// fromGazetteer marks entities some gazetteer name gave (their type is known).
	fromGazetteer map[int]bool
	// persons are the person candidates kept, whose roles are read once
	// every mention is known.
	persons []cand
	// spans are the recognizer's spans of each sentence.
	spans [][]ner.Span
	// datelineStates are the states of the dateline's places ("BOGOTA
	// (Reuters) -": Colombia).
	datelineStates []string
}

// cand is a mention candidate before linking.
type cand struct {
	start, end int // token range
	typ        string
	kind       string // gazetteer kind or category
	key        string // entity key
	name       string // canonical name
	country    string
	alias      []string
	relOnly    bool
	role       string // for persons: the title or role word before the name
	roleOf     int    // token index of the country/org mention that qualifies the role, -1
	ledBy      string // for coalitions: ISO3 of the leading state ("Saudi-led")
	noAlias    bool   // the surface form is a description, not a name of the entity
	prio       int    // higher wins an overlap
}

// titleSpan is a run of title words ("Deputy Foreign Minister").
type titleSpan struct {
	start, end int
	title      schema.Title
}

func (st *state) text(start, end int) string {
	if start >= end {
		return ""
	}
	return st.d.Text[st.d.Tokens[start].Start:st.d.Tokens[end-1].End]
}

// sentence collects the mention candidates of sentence si and adds the
// winners as mentions.
func (st *state) sentence(si int) {
	d := st.d
	s := d.Sentences[si]
	words := make([]string, s.Len())
	for k := range words {
		words[k] = d.Tokens[s.Start+k].Text
	}
	if st.demonym == nil {
		st.demonym = map[int]string{}
	}
	var cs []cand
	for _, m := range st.r.s.Match(words) {
		start, end := s.Start+m.Start, s.Start+m.End
		switch m.Kind {
		case schema.KindCountry, schema.KindCapital:
			if isDateline(d, start, end) {
				// Where the reporter files from: "BOGOTA (Reuters) -". No
				// actor, but a hint of what state the story is about.
				st.datelineStates = appendUnique(st.datelineStates, m.Country)
				continue
			}
			if k := start - 2; k >= s.Start && st.r.words.nameParticles.Has(strings.ToLower(d.Tokens[start-1].Text)) && isCapitalized(d.Tokens[k].Text) && d.Tokens[k].UPOS == "PROPN" {
				// "Mocimboa da Praia", "Sao Tome": the state's or capital's
				// name ends a longer place name.
				name := st.text(k, end)
				cs = append(cs, cand{start: k, end: end, typ: string(schema.Location), key: "L:" + st.r.placeKey(name),
					name: name, prio: prioGaz, roleOf: -1})
				continue
			}
			if m.Kind == schema.KindCapital && st.placeReading(start, end, m.Country) {
				// "in Kyiv", "the rebel-held capital, Sanaa": the city, not the state.
				name := titleCase(st.text(start, end))
				cs = append(cs, cand{start: start, end: end, typ: string(schema.Location), key: "L:" + st.r.placeKey(name),
					name: name, country: m.Country, prio: prioGaz, roleOf: -1})
				continue
			}
			for k := start; k < end; k++ {
				st.demonym[k] = m.Country
			}
			if m.Ambiguous && !st.countryReading(start, end) {
				continue
			}
			cs = append(cs, st.countryCand(start, end, m.Country, prioGaz))
		case schema.KindDemonym:
			if st.languageUse(end) {
				// "known by its Spanish initials", "an Arabic-language
				// channel": the language, not the state.
				continue
			}
			for k := start; k < end; k++ {
				st.demonym[k] = m.Country
			}
			// "a Russian missile attack", "a Ukrainian drone workshop": the
			// adjective refers to the state, a weak mention any phrase overrides.
			if end < s.End && (d.Tokens[end].UPOS == "NOUN" || d.Tokens[end].UPOS == "PROPN" || d.Tokens[end].UPOS == "ADJ") && d.Tokens[start].XPOS != "NNPS" {
				c := st.countryCand(start, end, m.Country, prioDemonym)
				c.relOnly, c.noAlias = true, true
				cs = append(cs, c)
			}
		case schema.KindOrg:
			if m.Ambiguous && !isCapitalized(words[m.Start]) || isDatelineAgency(d, start, end) {
				continue
			}
			o, _ := st.r.s.Org(st.text(start, end))
			cs = append(cs, cand{start: start, end: end, typ: string(schema.Organization), kind: o.Category,
				key: "O:" + strings.ToLower(m.Canonical), name: m.Canonical, country: m.Country, prio: prioGaz, roleOf: -1,
				ledBy: st.ledBy(start, end-1)})
		case schema.KindBody:
			st.markDemonyms(start, end)
			if c, ok := st.bodyCand(start, end, m); ok {
				cs = append(cs, c)
			}
		case schema.KindPlace:
			if m.Ambiguous && !isCapitalized(words[m.Start]) {
				continue
			}
			name := m.Canonical
			if start > s.Start && st.placePartPrefix(d.Tokens[start-1].Text) {
				// "South Darfur", "North Kordofan": a named part of the place.
				start--
				name = d.Tokens[start].Text + " " + st.text(start+1, end)
			}
			cs = append(cs, cand{start: start, end: end, typ: string(schema.Location), key: "L:" + st.r.placeKey(name),
				name: name, country: m.Country, prio: prioGaz, roleOf: -1})
		case schema.KindWeapon:
			if m.Ambiguous && !st.weaponReading(start, end) {
				continue
			}
			cs = append(cs, cand{start: start, end: end, typ: string(schema.Weapon), key: "W:" + strings.ToLower(m.Canonical),
				name: m.Canonical, relOnly: true, prio: 20, roleOf: -1})
		case schema.KindTitle:
			t, ok := st.r.s.Title(words[m.Start:m.End])
			if ok {
				st.addTitle(titleSpan{start: start, end: end, title: t})
			}
		}
	}
	cs = append(cs, st.titledPersons(si)...)
	cs = append(cs, st.shipCands(si)...)
	cs = append(cs, st.ofPlaceCands(si)...)
	cs = append(cs, st.featureCands(si)...)
	cs = append(cs, st.unitCands(si)...)
	cs = append(cs, st.nicknameCands(si)...)
	cs = append(cs, st.mediaCands(si)...)
	cs = append(cs, st.institutionCands(si, cs)...)
	gaz := len(cs)
	for _, sp := range st.repairSpans(st.spans[si], s) {
		c, ok := st.nerCand(sp)
		if !ok {
			continue
		}
		for _, g := range cs[:gaz] {
			inside := g.start >= c.start && g.end <= c.end && g.end-g.start < c.end-c.start
			if inside && g.kind == "military" && g.end == c.end && st.honorificsOnly(c.start, g.start) {
				continue // "the Royal Thai Army" is the Thai army: the state's military
			}
			if inside && (c.typ == string(schema.Person) || g.kind == "body" || g.kind == "military" || g.typ == string(schema.Weapon) ||
				c.typ == string(schema.Location) && g.typ == string(schema.Country) && g.start > c.start && st.r.words.nameParticles.Has(strings.ToLower(d.Tokens[g.start-1].Text))) {
				// (A place named with a particle before a capital's name:
				// "Mocimboa da Praia" is not Cabo Verde.)
				c.prio = prioNERWider
			}
			// "China's Taiwan Affairs Office", "Sahel States Trade and
			// Customs Union": an institution named after a state or a
			// region is the institution, not the state or region.
			if inside && c.typ == string(schema.Organization) && (g.typ == string(schema.Country) || g.typ == string(schema.Location)) && st.r.words.institutionEnds.Has(strings.ToLower(d.Tokens[c.end-1].Text)) {
				c.prio = prioNERWider
			}
		}
		cs = append(cs, c)
	}
	for _, c := range st.nounPhraseCands(si) {
		if c.typ == string(schema.Group) {
			for _, g := range cs[:gaz] {
				if (g.kind == "body" || g.kind == "military") && g.start >= c.start && g.end <= c.end {
					c.prio = prioGroupOverBody
				}
			}
		}
		cs = append(cs, c)
	}
	for _, c := range st.placesByContext(st.possessedPlaces(pickNonOverlapping(cs), s), s) {
		st.addMention(c)
		if c.typ == string(schema.Person) {
			st.persons = append(st.persons, c)
		}
	}
}

// featureCands returns the natural features and physical regions named
// in sentence si: capitalized words ending in a feature noun ("Sea",
// "Peninsula", "Desert") that no capitalized name continues, with the
// state's name or adjective and the compass word among them ("West
// Philippine Sea", "South China Sea", "Syrian Desert"). The name is one
// place, not the state its words name.
func (st *state) featureCands(si int) []cand {
	d := st.d
	s := d.Sentences[si]
	var cs []cand
	for k := s.Start + 1; k < s.End; k++ {
		t := d.Tokens[k]
		if !isCapitalized(t.Text) || !st.r.words.features.Has(strings.ToLower(t.Text)) ||
			k+1 < s.End && isNameWord(d.Tokens[k+1]) {
			continue
		}
		start := k
		for start > s.Start && k-start < 5 {
			p := d.Tokens[start-1]
			if isNameWord(p) && (start-1 > s.Start || p.UPOS == "PROPN" || st.placePartPrefix(p.Text)) {
				start-- // a name word, not a sentence's capitalized first word
				continue
			}
			if (p.Text == "-" || st.r.words.nameParticles.Has(strings.ToLower(p.Text))) && start-2 >= s.Start && isNameWord(d.Tokens[start-2]) {
				start-- // "Bab el-Mandeb Strait"
				continue
			}
			break
		}
		if start == k {
			continue
		}
		name := st.text(start, k+1)
		cs = append(cs, cand{start: start, end: k + 1, typ: string(schema.Location), key: "L:" + st.r.placeKey(name),
			name: name, prio: prioGaz, roleOf: -1})
	}
	return cs
}

// possessedPlaces joins a place, or a capital read as its state, and what
// it owns by kind or by name into one place: "Aden's airport" is the
// airport of Aden ("Aden airport"), "Marib's Old City" a part of the town.
// The candidates of the words owned give way to it.
func (st *state) possessedPlaces(cs []cand, s nlp.Sentence) []cand {
	d := st.d
	for i := range cs {
		c := &cs[i]
		p := c.end
		if p+1 >= s.End || !st.isPossessive(p) {
			continue
		}
		owner := st.text(c.start, c.end)
		if c.typ != string(schema.Location) {
			if _, ok := st.r.s.CountryByCapital(owner); c.typ != string(schema.Country) || !ok {
				continue
			}
		}
		var name string
		end := p + 1
		if w := d.Tokens[end]; !isCapitalized(w.Text) && st.r.words.facilities.Has(strings.ToLower(w.Text)) &&
			(end+1 >= s.End || d.Tokens[end+1].UPOS != "NOUN" && d.Tokens[end+1].UPOS != "PROPN") {
			name, end = owner+" "+strings.ToLower(w.Text), end+1
		} else {
			j := end
			for j < s.End && j < end+3 && isNameWord(d.Tokens[j]) {
				j++
			}
			if j > end && st.r.words.cityParts.Has(strings.ToLower(d.Tokens[j-1].Text)) {
				name, end = owner+"'s "+st.text(end, j), j
			}
		}
		if name == "" {
			continue
		}
		c.end, c.typ, c.kind, c.name, c.key, c.relOnly, c.noAlias = end, string(schema.Location), "", name, "L:"+st.r.placeKey(name), false, false
		kept := cs[:0:0]
		for _, o := range cs {
			if o.start < p || o.start >= end || o.start == c.start {
				kept = append(kept, o)
			}
		}
		return st.possessedPlaces(kept, s)
	}
	return cs
}

// placesByContext retypes as places the recognizer's organizations that
// the words around them show to be places, and adds the capitalized names
// nothing recognized in the same frame: a place preposition before, then
// "in" or "near" and a place after ("launched from Kusong in the country's
// northern Pyongan province", "around Tessalit in northern Kidal").
func (st *state) placesByContext(cs []cand, s nlp.Sentence) []cand {
	d := st.d
	placeAfter := func(end int) bool {
		if end >= s.End || !strings.EqualFold(d.Tokens[end].Text, "in") && !strings.EqualFold(d.Tokens[end].Text, "near") {
			return false
		}
		for _, o := range cs {
			if o.start > end && o.start <= end+6 && (o.typ == string(schema.Location) || o.typ == string(schema.Country)) {
				return true
			}
		}
		return false
	}
	placePrep := func(k int) bool {
		if k < s.Start {
			return false
		}
		return st.r.words.placePreps.Has(strings.ToLower(d.Tokens[k].Text))
	}
	covered := func(k int) bool {
		for _, c := range cs {
			if k >= c.start && k < c.end {
				return true
			}
		}
		return false
	}
	for i := range cs {
		c := &cs[i]
		if c.prio == prioNER && c.typ == string(schema.Organization) && placePrep(c.start-1) && placeAfter(c.end) {
			c.typ, c.key = string(schema.Location), "L:"+st.r.placeKey(c.name)
		}
	}
	for k := s.Start + 1; k < s.End; k++ {
		if !placePrep(k-1) || covered(k) || !isNameWord(d.Tokens[k]) || st.demonym[k] != "" {
			continue
		}
		j := k
		for j < s.End && isNameWord(d.Tokens[j]) && !covered(j) && st.demonym[j] == "" {
			j++
		}
		if placeAfter(j) {
			name := st.text(k, j)
			cs = append(cs, cand{start: k, end: j, typ: string(schema.Location), key: "L:" + st.r.placeKey(name), name: name, prio: prioPhrase, roleOf: -1})
		}
		k = j
	}
	if st.r.places != nil {
		for _, sp := range st.r.places.Spans(d, s, func(k int) bool { return covered(k) || st.demonym[k] != "" }) {
			name := st.text(sp[0], sp[1])
			cs = append(cs, cand{start: sp[0], end: sp[1], typ: string(schema.Location), key: "L:" + st.r.placeKey(name), name: name, prio: prioPhrase, roleOf: -1})
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	return cs
}

// markDemonyms records the state named inside a body's name ("South
// Korean" in "South Korean military"), which the gazetteer matched as part
// of the body, so that phrases around it know their state.
func (st *state) markDemonyms(start, end int) {
	d := st.d
	for k := start; k < end; k++ {
		for n := min(3, end-k); n >= 1; n-- {
			words := make([]string, n)
			for j := range words {
				words[j] = d.Tokens[k+j].Text
			}
			name := strings.Join(words, " ")
			ci, ok := st.r.s.CountryByDemonym(name)
			if !ok {
				ci, ok = st.r.s.Country(name)
			}
			if ok {
				for j := k; j < k+n; j++ {
					st.demonym[j] = ci.ISO3
				}
				k += n - 1
				break
			}
		}
	}
}

// pickNonOverlapping keeps, among overlapping candidates, the one with the
// highest priority, then the longest, then the first.
func pickNonOverlapping(cs []cand) []cand {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.prio != b.prio {
			return a.prio > b.prio
		}
		if a.end-a.start != b.end-b.start {
			return a.end-a.start > b.end-b.start
		}
		return a.start < b.start
	})
	var kept []cand
	for _, c := range cs {
		ok := true
		for _, k := range kept {
			if c.start < k.end && k.start < c.end {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

// addMention links candidate c to its entity (creating it) and records the mention.
func (st *state) addMention(c cand) int {
	d := st.d
	ei, ok := st.byKey[c.key]
	if !ok {
		ei = len(d.Entities)
		st.byKey[c.key] = ei
		st.redirect = append(st.redirect, ei)
		d.Entities = append(d.Entities, nlp.Entity{Type: c.typ, Name: c.name, Country: c.country, Kind: c.kind, RelationOnly: c.relOnly})
	}
	ei = st.find(ei)
	if c.prio == prioGaz {
		st.fromGazetteer[ei] = true
	}
	e := &d.Entities[ei]
	if !c.relOnly {
		e.RelationOnly = false
	}
	if e.Country == "" {
		e.Country = c.country
	}
	if !c.noAlias {
		e.Aliases = appendUnique(e.Aliases, st.r.trimDeterminer(st.text(c.start, c.end)))
	}
	for _, a := range c.alias {
		e.Aliases = appendUnique(e.Aliases, a)
	}
	mi := len(d.Mentions)
	d.Mentions = append(d.Mentions, nlp.Mention{Start: c.start, End: c.end, Type: c.typ, Entity: ei})
	for k := c.start; k < c.end; k++ {
		st.tokMention[k] = mi
	}
	if c.role != "" {
		e.Roles = appendUnique(e.Roles, c.role)
	}
	if c.ledBy != "" {
		st.addLink(st.countryEntity(c.ledBy), nlp.Link{Relation: "MEMBER_OF", Entity: ei, Sentence: d.Tokens[c.start].Sentence})
	}
	return mi
}

// honorificsOnly reports whether tokens [start, end) are only words that
// dignify a state's institution's name ("Royal", "National", "Federal").
func (st *state) honorificsOnly(start, end int) bool {
	for k := start; k < end; k++ {
		if w := st.d.Tokens[k].Text; !st.r.words.honorifics.Has(w) && w != "the" && w != "The" {
			return false
		}
	}
	return start < end
}

// addLink records a static relation once.
func (st *state) addLink(from int, l nlp.Link) {
	if from < 0 || l.Entity < 0 || from == l.Entity {
		return
	}
	e := &st.d.Entities[from]
	for _, old := range e.Links {
		if old.Relation == l.Relation && old.Entity == l.Entity {
			return
		}
	}
	l.Rule = nlp.RuleID(l.Rule, 1)
	e.Links = append(e.Links, l)
}

// countryEntity returns the entity index of the country with code iso,
// creating the entity (without a mention) when the text has not named it.
func (st *state) countryEntity(iso string) int {
	key := "C:" + iso
	if ei, ok := st.byKey[key]; ok {
		return ei
	}
	ci, ok := st.r.s.CountryByISO3(iso)
	if !ok {
		return -1
	}
	ei := len(st.d.Entities)
	st.byKey[key] = ei
	st.redirect = append(st.redirect, ei)
	st.d.Entities = append(st.d.Entities, nlp.Entity{Type: string(schema.Country), Name: ci.Name, Country: iso, Aliases: []string{ci.Name}, RelationOnly: true})
	return ei
}

// ownBodies gives a state's body named with a possessive pronoun ("Iran
// condemned the strikes, and its foreign ministry warned") to the state the
// pronoun resolved to, once coreference has resolved it.
func (st *state) ownBodies() {
	d := st.d
	for _, m := range d.Mentions {
		if m.Pronoun || m.Start == 0 {
			continue
		}
		ei := st.find(m.Entity)
		e := d.Entities[ei]
		if e.Kind != "body" || e.Country != "" {
			continue
		}
		owner := st.entityAt(m.Start - 1)
		pm := st.tokMention[m.Start-1]
		if owner < 0 || pm < 0 || !d.Mentions[pm].Pronoun || d.Entities[owner].Type != string(schema.Country) {
			continue
		}
		b, ok := st.r.s.GovernmentBody(strings.Fields(e.Name))
		if !ok {
			continue
		}
		st.merge(ei, st.bodyOf(d.Entities[owner].Country, b.Canonical))
	}
}

// ownedUnits makes an organization of a unit an organization owns in the
// text, described in lower case with a modifier: "the ELN's central
// command", "its armed wing" (the pronoun resolved), "the group's
// political bureau". The unit is PART_OF its owner and named after it
// ("ELN central command"). A state's units are government bodies, which
// the gazetteer names; a bare "its command" is no unit.
func (st *state) ownedUnits() {
	d := st.d
	for k := 1; k < len(d.Tokens); k++ {
		ownerTok := k // "its"
		if st.isPossessive(k) {
			ownerTok = k - 1 // "the ELN's"
		} else if d.Tokens[k].XPOS != "PRP$" {
			continue
		}
		owner := st.entityAt(ownerTok)
		if owner < 0 || d.Entities[owner].Type != string(schema.Organization) {
			continue
		}
		end := st.unitEnd(k + 1)
		if end < 0 {
			continue
		}
		unit := st.text(k+1, end)
		om := d.Mentions[st.tokMention[ownerTok]]
		name := d.Entities[owner].Name + " " + unit
		alias := []string{name}
		if !om.Pronoun {
			// Named after the owner as written: "ELN central command",
			// "ELN's central command".
			written := st.r.trimDeterminer(st.text(om.Start, om.End))
			name = written + " " + unit
			alias = []string{name, st.r.trimDeterminer(st.text(om.Start, end))}
		}
		mi := st.addMention(cand{start: k + 1, end: end, typ: string(schema.Organization), key: "O:" + st.r.normKey(name), name: name,
			alias: alias, noAlias: true, prio: prioPhrase, roleOf: -1})
		st.addLink(st.find(d.Mentions[mi].Entity), nlp.Link{Relation: "PART_OF", Entity: owner, Sentence: d.Tokens[k].Sentence})
		k = end - 1
	}
}

// unitEnd returns the end of a unit's lower-case description starting at
// token k (one to three modifiers, then a unit noun: "central command",
// "armed wing"), or -1.
func (st *state) unitEnd(k int) int {
	d := st.d
	if k >= len(d.Tokens) {
		return -1
	}
	si := d.Tokens[k].Sentence
	for j := k; j < len(d.Tokens) && j < k+4 && d.Tokens[j].Sentence == si; j++ {
		t := d.Tokens[j]
		if st.tokMention[j] >= 0 || t.Text != strings.ToLower(t.Text) {
			return -1
		}
		if j > k && t.UPOS == "NOUN" && st.r.words.unitNouns.Has(t.Text) {
			if n := j + 1; n < len(d.Tokens) && d.Tokens[n].UPOS == "NOUN" {
				return -1 // "its media arm team": the unit is no head here
			}
			return j + 1
		}
		if t.UPOS != "ADJ" && t.UPOS != "NOUN" && t.XPOS != "VBN" {
			return -1
		}
	}
	return -1
}

// bodyOf returns the entity of state iso's body canon ("foreign ministry";
// "armed forces" for its military), creating it (without a mention) when
// the text has not named it.
func (st *state) bodyOf(iso, canon string) int {
	military := st.r.s.NationalMilitary(canon)
	key, kind := "B:"+iso+":"+strings.ToLower(canon), "body"
	if military {
		key, kind = "B:"+iso+":military", "military"
	}
	if e, ok := st.byKey[key]; ok {
		return st.find(e)
	}
	name, aliases := st.r.bodyNames(canon, iso, military)
	e := len(st.d.Entities)
	st.byKey[key] = e
	st.redirect = append(st.redirect, e)
	st.d.Entities = append(st.d.Entities, nlp.Entity{Type: string(schema.Organization), Name: name, Aliases: aliases, Country: iso,
		Kind: kind, RelationOnly: true})
	return e
}

// bodyLinks links each government body and military to its state, and each
// organization of the gazetteer with a parent to that parent when the
// article names it (PART_OF).
func (st *state) bodyLinks() {
	d := st.d
	first := map[int]int{} // entity → sentence of its first mention
	for _, m := range d.Mentions {
		e := st.find(m.Entity)
		if _, ok := first[e]; !ok {
			first[e] = d.Tokens[m.Start].Sentence
		}
	}
	for i := 0; i < len(d.Entities); i++ {
		e := d.Entities[i]
		if st.find(i) != i || e.Country == "" || (e.Kind != "body" && e.Kind != "military") {
			continue
		}
		if c := st.countryEntity(e.Country); c >= 0 {
			st.addLink(i, nlp.Link{Relation: "PART_OF", Entity: c, Sentence: first[i]})
		}
	}
	// "Iran's Atomic Energy Organization", "the People's Liberation Army's
	// Eastern Theater Command", "its Az-Zallaqa media arm" (the pronoun
	// resolved): a recognized organization owned in the text by a state or
	// another organization is part of it; so is a body no state owns ("the
	// GNU's defence ministry").
	for _, m := range d.Mentions {
		e := st.find(m.Entity)
		stateless := d.Entities[e].Kind == "body" && d.Entities[e].Country == ""
		if d.Entities[e].Type != string(schema.Organization) || d.Entities[e].Kind != "" && !stateless || m.Pronoun || m.Start == 0 {
			continue
		}
		owner := -1
		if st.isPossessive(m.Start - 1) {
			owner = st.entityAt(m.Start - 2)
		} else if pm := st.tokMention[m.Start-1]; pm >= 0 && d.Mentions[pm].Pronoun && d.Tokens[m.Start-1].XPOS == "PRP$" {
			owner = st.entityAt(m.Start - 1)
		}
		if owner >= 0 && owner != e && st.isActorEntity(owner) {
			st.addLink(e, nlp.Link{Relation: "PART_OF", Entity: owner, Sentence: d.Tokens[m.Start].Sentence, Rule: "/owner"})
		}
	}
	// "Qatar's Al Jazeera": an outlet a state owns in the text is
	// based there, whether or not the state runs it.
	for _, m := range d.Mentions {
		e := st.find(m.Entity)
		if d.Entities[e].Kind != "media" || m.Pronoun || !st.isPossessive(m.Start-1) {
			continue
		}
		if owner := st.entityAt(m.Start - 2); owner >= 0 && d.Entities[owner].Type == string(schema.Country) {
			st.addLink(e, nlp.Link{Relation: "LOCATED_IN", Entity: owner, Sentence: d.Tokens[m.Start].Sentence})
		}
	}
	// "the al Qaeda-affiliated Group for the Support of Islam and Muslims",
	// "an Islamic State-linked militia": an affiliate of an organization.
	for _, m := range d.Mentions {
		if m.Pronoun || m.Start < 3 || d.Tokens[m.Start-2].Text != "-" {
			continue
		}
		switch strings.ToLower(d.Tokens[m.Start-1].Text) {
		case "affiliated", "linked":
		default:
			continue
		}
		e, parent := st.find(m.Entity), st.entityAt(m.Start-3)
		if parent >= 0 && parent != e && d.Entities[e].Type == string(schema.Organization) && d.Entities[parent].Type == string(schema.Organization) {
			st.addLink(e, nlp.Link{Relation: "PART_OF", Entity: parent, Sentence: d.Tokens[m.Start].Sentence, Rule: "/affiliate"})
		}
	}
	// A UN agency or an EU institution is part of its parent when the
	// article names the parent too ("the U.N. Office for the Coordination
	// of Humanitarian Affairs").
	for i := range d.Entities {
		e := d.Entities[i]
		if st.find(i) != i || e.Type != string(schema.Organization) {
			continue
		}
		if o, ok := st.r.s.Org(e.Name); ok && o.Parent != "" {
			if p, ok := st.byKey[orgKey(o.Parent)]; ok && st.find(p) != i {
				st.addLink(i, nlp.Link{Relation: "PART_OF", Entity: st.find(p), Sentence: first[i], Rule: "/parentOrg"})
			}
		}
	}
}

// ledByOrganizations makes an organization described as led by another
// ("the NATO-led peacekeeping force in Kosovo (KFOR)", "the AU-led
// mission") PART_OF it: the organization named by the phrase the "X-led"
// participle begins, through its modifiers, a place after "in", and an
// acronym in parentheses. A state that leads is a member instead (ledBy).
func (st *state) ledByOrganizations() {
	d := st.d
	for k := 2; k < len(d.Tokens); k++ {
		if !strings.EqualFold(d.Tokens[k].Text, "led") || d.Tokens[k-1].Text != "-" {
			continue
		}
		leader := st.entityAt(k - 2)
		if leader < 0 || d.Entities[leader].Type != string(schema.Organization) {
			continue
		}
		if led := st.ledPhraseOrganization(k + 1); led >= 0 && led != leader {
			st.addLink(led, nlp.Link{Relation: "PART_OF", Entity: leader, Sentence: d.Tokens[k].Sentence})
		}
	}
}

// ledPhraseOrganization returns the organization named in the phrase that
// starts at token k after an "X-led" participle ("peacekeeping force in
// Kosovo (KFOR)"), or -1 when another word or name comes first.
func (st *state) ledPhraseOrganization(k int) int {
	d := st.d
	si := d.Tokens[k-1].Sentence
	for j := k; j < len(d.Tokens) && j < k+8 && d.Tokens[j].Sentence == si; j++ {
		t := d.Tokens[j]
		if e := st.entityAt(j); e >= 0 {
			if d.Entities[e].Type == string(schema.Organization) {
				return e
			}
			if d.Entities[e].Type != string(schema.Location) && d.Entities[e].Type != string(schema.Country) ||
				!strings.EqualFold(d.Tokens[j-1].Text, "in") {
				return -1
			}
			continue
		}
		if t.UPOS != "ADJ" && t.UPOS != "NOUN" && t.Text != "(" && !strings.EqualFold(t.Text, "in") {
			return -1
		}
	}
	return -1
}

// contributorLinks makes each state that contributes troops to a
// mission or force a member of it (MEMBER_OF), when the grammar names the
// mission: the subject of a verb of composition ("The mission is made up
// of troops from countries including Uganda and Kenya", "AUSSOM includes
// soldiers from Chile"), the place where the troops serve ("Troops from
// Kenya and Burundi serve in the force"), or the one mission the sentence
// names beside its "troop-contributing countries Uganda and Kenya". Troops
// from a state elsewhere ("expelled troops from France") are no members.
func (st *state) contributorLinks() {
	d := st.d
	for k := 1; k+1 < len(d.Tokens); k++ {
		var mission, from int
		switch {
		case strings.EqualFold(d.Tokens[k].Text, "from") && st.r.words.contingents.Has(strings.ToLower(d.Tokens[k-1].Text)):
			mission, from = st.servedMission(k-1), k+1
		case strings.EqualFold(d.Tokens[k].Text, "contributing") && st.r.words.stateNouns.Has(strings.ToLower(d.Tokens[k+1].Text)):
			mission, from = st.soleMission(d.Tokens[k].Sentence), k+1
		default:
			continue
		}
		if mission < 0 {
			continue
		}
		for _, c := range st.stateList(from) {
			st.addLink(c, nlp.Link{Relation: "MEMBER_OF", Entity: mission, Sentence: d.Tokens[k].Sentence})
		}
	}
}

// capitalLinks reads "the DEMONYM capital" ("the Venezuelan capital",
// also "Venezuela's capital"): in apposition to a place ("the Ukrainian
// capital, Kyiv"), that place is LOCATED_IN the state; without one, it
// describes the state's capital the text just named as a place ("talks
// in Caracas … in the Venezuelan capital"), which is then the city, not
// the government seated there, and LOCATED_IN the state.
func (st *state) capitalLinks() {
	d := st.d
	for k := 1; k < len(d.Tokens); k++ {
		if d.Tokens[k].Text != "capital" {
			continue
		}
		j := k - 1
		if st.isPossessive(j) {
			j--
		}
		iso := ""
		if j >= 0 && d.Tokens[j].Sentence == d.Tokens[k].Sentence {
			iso = st.demonym[j]
		}
		if iso == "" {
			continue
		}
		place := -1
		if k+2 < len(d.Tokens) && d.Tokens[k+1].Text == "," {
			if e := st.entityAt(k + 2); e >= 0 && d.Entities[e].Type == string(schema.Location) {
				place = e
			}
		} else if mi := st.capitalNamedBefore(j, iso); mi >= 0 {
			place = st.cityOf(mi, iso)
		}
		if place >= 0 {
			st.addLink(place, nlp.Link{Relation: "LOCATED_IN", Entity: st.countryEntity(iso), Sentence: d.Tokens[k].Sentence})
		}
	}
}

// capitalNamedBefore returns the mention of state iso's capital named as
// a place ("in Caracas") last before token k, in its sentence or the one
// before; -1 when there is none.
func (st *state) capitalNamedBefore(k int, iso string) int {
	d := st.d
	si := d.Tokens[k].Sentence
	best := -1
	for mi, m := range d.Mentions {
		if m.Pronoun || m.Start >= k || si-d.Tokens[m.Start].Sentence > 1 || m.Start == 0 {
			continue
		}
		ci, ok := st.r.s.CountryByCapital(st.text(m.Start, m.End))
		if !ok || ci.ISO3 != iso {
			continue
		}
		if st.r.words.placePreps.Has(strings.ToLower(d.Tokens[m.Start-1].Text)) && (best < 0 || m.Start > d.Mentions[best].Start) {
			best = mi
		}
	}
	return best
}

// cityOf makes mention mi of a capital, read as its state ("Caracas" for
// Venezuela), a mention of the city, and returns the city's entity.
func (st *state) cityOf(mi int, iso string) int {
	d := st.d
	m := &d.Mentions[mi]
	surface := st.text(m.Start, m.End)
	old := st.find(m.Entity)
	if d.Entities[old].Type == string(schema.Location) {
		return old
	}
	name := titleCase(surface)
	key := "L:" + st.r.placeKey(name)
	city, ok := st.byKey[key]
	if !ok {
		city = len(d.Entities)
		st.byKey[key] = city
		st.redirect = append(st.redirect, city)
		d.Entities = append(d.Entities, nlp.Entity{Type: string(schema.Location), Name: name, Country: iso, Aliases: []string{name}})
	}
	city = st.find(city)
	m.Entity, m.Type = city, string(schema.Location)
	for _, o := range d.Mentions {
		if st.find(o.Entity) == old && st.text(o.Start, o.End) == surface {
			return city // the state keeps the name it is still called by
		}
	}
	e := &d.Entities[old]
	e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return a == surface })
	return city
}

// servedMission returns the mission the troop noun at token t belongs to
// by the grammar of its clause: the subject of a verb of composition that
// takes the troops as object or oblique, or the oblique of a verb of
// serving whose subject the troops are; -1 otherwise.
func (st *state) servedMission(t int) int {
	d := st.d
	tok := d.Tokens[t]
	verb := tok.Head
	if verb < 0 {
		return -1
	}
	var want func(dep string) bool
	switch {
	case (tok.Dep == "obj" || tok.Dep == "obl") && st.r.words.compositionVerbs.Has(d.Tokens[verb].Lemma):
		want = func(dep string) bool { return strings.HasPrefix(dep, "nsubj") }
	case strings.HasPrefix(tok.Dep, "nsubj") && st.r.words.servingVerbs.Has(d.Tokens[verb].Lemma):
		want = func(dep string) bool { return dep == "obl" }
	default:
		return -1
	}
	for _, c := range d.Children(verb) {
		if c == t || !want(d.Tokens[c].Dep) {
			continue
		}
		if e := st.entityAt(c); e >= 0 && st.isMission(e) {
			return e
		}
	}
	return -1
}

// soleMission returns the one mission or force mentioned in sentence si, or -1.
func (st *state) soleMission(si int) int {
	found := -1
	for _, m := range st.d.Mentions {
		e := st.find(m.Entity)
		if st.d.Tokens[m.Start].Sentence != si || e == found || !st.isMission(e) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = e
	}
	return found
}

// isMission reports whether entity e is a mission or an intergovernmental force.
func (st *state) isMission(e int) bool {
	return st.describes("mission", "mission")(st.d.Entities[e])
}

// stateList returns the states listed from token k on: "Uganda, Ethiopia,
// Egypt and Kenya", after "countries including", "nations such as".
func (st *state) stateList(k int) []int {
	d := st.d
	si := d.Tokens[k].Sentence
	in := func(j int) bool { return j < len(d.Tokens) && d.Tokens[j].Sentence == si }
	for in(k) {
		if w := strings.ToLower(d.Tokens[k].Text); st.r.words.stateNouns.Has(w) || st.r.words.listIntroducers.Has(w) {
			k++
			continue
		}
		break
	}
	var out []int
	for in(k) {
		e := st.entityAt(k)
		if e < 0 || st.d.Entities[e].Type != string(schema.Country) {
			break
		}
		out = append(out, e)
		for in(k) && st.entityAt(k) == e {
			k++
		}
		if in(k) && d.Tokens[k].Text == "," {
			k++
		}
		if in(k) && strings.EqualFold(d.Tokens[k].Text, "and") {
			k++
		}
	}
	return out
}

// finish drops the entities merged into others, renumbers the references
// to the survivors, sorts mentions by position and completes aliases.
func (st *state) finish() {
	d := st.d
	index := make([]int, len(d.Entities))
	var kept []nlp.Entity
	for i := range d.Entities {
		if st.find(i) == i {
			index[i] = len(kept)
			kept = append(kept, d.Entities[i])
		}
	}
	renumber := func(e int) int {
		if e < 0 {
			return e
		}
		return index[st.find(e)]
	}
	for i := range kept {
		e := &kept[i]
		var links []nlp.Link
		for _, l := range e.Links {
			l.Entity = renumber(l.Entity)
			if l.Entity != i && !hasLink(links, l) {
				links = append(links, l)
			}
		}
		e.Links = links
		if e.Type == string(schema.Country) {
			if ci, ok := st.r.s.CountryByISO3(e.Country); ok {
				e.Aliases = appendUnique(e.Aliases, ci.Name)
			}
		}
		sort.Strings(e.Aliases)
		sort.Strings(e.Roles)
	}
	d.Entities = kept
	for i := range d.Mentions {
		d.Mentions[i].Entity = renumber(d.Mentions[i].Entity)
	}
	for i := range d.Quotes {
		d.Quotes[i].Speaker = renumber(d.Quotes[i].Speaker)
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
}

func hasLink(links []nlp.Link, l nlp.Link) bool {
	for _, o := range links {
		if o.Relation == l.Relation && o.Entity == l.Entity {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// trimDeterminer drops a leading article from a surface form. Only a first
// word that may be an article ("the", "a", "an" in any case) is lowered.
func (r *Resolver) trimDeterminer(s string) string {
	if s == "" || !strings.ContainsRune("tTaA", rune(s[0])) {
		return s
	}
	if i := strings.IndexByte(s, ' '); i > 0 && i <= len("the") && r.words.articles.Has(strings.ToLower(s[:i])) {
		return s[i+1:]
	}
	return s
}

// placePartPrefix reports whether w, capitalized before a place's name,
// names a part of the place ("South Darfur", "Northern Ireland", "Upper
// Nile"). The set is lower case: only a capitalized word is lowered.
func (st *state) placePartPrefix(w string) bool {
	return isCapitalized(w) && st.r.words.placeParts.Has(strings.ToLower(w))
}

// titleCase writes an all-capitals name ("KHARTOUM", from a dateline) the
// ordinary way ("Khartoum"); other names are returned as they are.
func titleCase(name string) string {
	if strings.ToUpper(name) != name {
		return name
	}
	words := strings.Fields(strings.ToLower(name))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func isCapitalized(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r)
	}
	return false
}

// languageUse reports whether the word ending at token end (a demonym) is
// used as the name of a language: a language or name noun follows, alone or after
// a hyphen ("Arabic-language").
func (st *state) languageUse(end int) bool {
	d := st.d
	if end >= len(d.Tokens) || d.Tokens[end].Sentence != d.Tokens[end-1].Sentence {
		return false
	}
	next := strings.ToLower(d.Tokens[end].Text)
	if next == "-" && end+1 < len(d.Tokens) && d.Tokens[end+1].Sentence == d.Tokens[end].Sentence {
		next = strings.ToLower(d.Tokens[end+1].Text)
	}
	next = strings.TrimPrefix(next, "-")
	return st.r.words.nameNouns.Has(next) || st.r.words.languageNouns.Has(next)
}

// orgKey is the entity key of the gazetteer organization with canonical
// name canonical.
func orgKey(canonical string) string { return "O:" + strings.ToLower(canonical) }
