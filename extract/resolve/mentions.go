package resolve

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kg-project/kg/extract/ner"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/timex"
	"github.com/kg-project/kg/schema"
)

// Priorities of mention candidates: when two overlap, the higher wins.
const (
	prioDemonym  = 5  // an adjective of nationality ("Russian missile")
	prioNER      = 10 // a recognizer span
	prioPhrase   = 15 // a collective-actor noun phrase
	prioGaz      = 30 // a gazetteer name
	prioNERWider = 40 // a recognizer span that contains gazetteer names ("International Crisis Group")
	// prioGroupOverBody: a group phrase beats a military or body name it contains.
	prioGroupOverBody = 35
)

// countryCand is a mention of the country iso.
func (st *state) countryCand(start, end int, iso string, prio int) cand {
	name := iso
	if ci, ok := st.r.s.CountryByISO3(iso); ok {
		name = ci.Name
	}
	return cand{start: start, end: end, typ: string(schema.Country), key: "C:" + iso, name: name, country: iso, prio: prio, roleOf: -1}
}

// countryReading decides whether an ambiguous country or capital name
// ("Georgia", "Jordan", "Washington") denotes the state here: not when the
// recognizer reads it as part of a person's name or it is part of a longer
// proper name ("Washington Post", "George Washington").
func (st *state) countryReading(start, end int) bool {
	d := st.d
	for k := start; k < end; k++ {
		if strings.HasSuffix(d.Tokens[k].NER, "PER") {
			return false
		}
	}
	s := d.Sentences[d.Tokens[start].Sentence]
	if end < s.End && d.Tokens[end].UPOS == "PROPN" {
		return false
	}
	// "Atlanta, Georgia", "the governor of Georgia": a state of a federation.
	if start >= s.Start+2 && d.Tokens[start-1].Text == "," && d.Tokens[start-2].UPOS == "PROPN" && st.demonym[start-2] == "" {
		return false
	}
	if start >= s.Start+2 && strings.EqualFold(d.Tokens[start-1].Text, "of") {
		if st.r.words.federalOfNouns.Has(strings.ToLower(d.Tokens[start-2].Lemma)) {
			return false
		}
	}
	if start > s.Start && d.Tokens[start-1].UPOS == "PROPN" && st.demonym[start-1] == "" {
		return false
	}
	return true
}

// placeReading decides whether the name of a capital of state iso denotes the city rather
// than the government seated there: in apposition to "capital" or "city"
// ("the capital, Sanaa", "the city of Kyiv", "the capital Sanaa"), as the object of an act on a
// place ("shelled Kyiv", "entered Kabul"), after "out of" or after "to" and
// a verb of travel ("driven out of Mogadishu", "flew to Juba"), after "in"
// unless the government seated there is meant (seatOfGovernment), or in a prepositional phrase
// of an act of force ("fighting continued in Khartoum", "strikes on
// targets in Kyiv") or of a facility's name ("Mitiga International
// Airport in Tripoli"). Elsewhere the capital names its state, as news uses
// it ("pressure from Beijing", "In Washington, the State Department said"),
// and as annotators and readers count it: one actor, not a second node.
func (st *state) placeReading(start, end int, iso string) bool {
	d := st.d
	s := d.Sentences[d.Tokens[start].Sentence]
	k := start - 1
	if k >= s.Start && strings.EqualFold(d.Tokens[k].Text, "the") {
		k--
	}
	if k > s.Start && d.Tokens[k-1].Lemma == "capital" && (d.Tokens[k].Text == "," || strings.EqualFold(d.Tokens[k].Text, "of")) {
		return true
	}
	if start > s.Start && (d.Tokens[start-1].Lemma == "capital" || d.Tokens[start-1].Lemma == "city") {
		return true // "in the capital Vientiane", "the port city Aden": no comma
	}
	if st.namesPlaceNoun(start, end) {
		return true
	}
	t := d.Tokens[d.Head(nlp.Mention{Start: start, End: end})]
	if t.Dep == "nmod" && t.Head >= 0 && st.r.words.placeShares.Has(d.Tokens[t.Head].Lemma) {
		// "controls most of Port-au-Prince", "parts of Kyiv": the share's
		// place is the city.
		t = d.Tokens[t.Head]
	}
	if (t.Dep == "obj" || t.Dep == "nsubj:pass") && t.Head >= 0 {
		if st.r.words.placeVerbs.Has(d.Tokens[t.Head].Lemma) {
			return true
		}
	}
	if (t.Dep == "obl" || t.Dep == "nmod") && t.Head >= 0 {
		if start > s.Start && st.r.words.vicinityPreps.Has(strings.ToLower(d.Tokens[start-1].Text)) {
			return true
		}
		if start-1 > s.Start && strings.EqualFold(d.Tokens[start-1].Text, "of") && strings.EqualFold(d.Tokens[start-2].Text, "out") {
			return true // "driven out of Mogadishu"
		}
		if start > s.Start && strings.EqualFold(d.Tokens[start-1].Text, "to") && t.Dep == "obl" && st.r.words.travelVerbs.Has(d.Tokens[t.Head].Lemma) {
			return true // "flew troops to Juba", "will travel to Port Sudan"
		}
		if start-1 > s.Start && strings.EqualFold(d.Tokens[start-1].Text, "in") && !st.seatOfGovernment(d.Head(nlp.Mention{Start: start, End: end}), iso) {
			// (Not "In Washington, the State Department said": the
			// sentence's scene is its government's.)
			return true
		}
		return st.facilityIn(t.Head, start) || st.forceAround(t.Head)
	}
	return false
}

// seatOfGovernment reports whether the capital whose head is token h, after
// "in", stands for the government seated there: the phrase it belongs to (the
// noun it modifies, or the subject and objects of the verb it attaches to, and
// the noun a participle or relative clause describes) has a government noun
// in a noun phrase that names no state ("the authorities in Tbilisi", "the foreign
// ministry in Kabul", "Defence Minister X told reporters in Bogota"). Otherwise
// the capital is where something happens or someone is: "a security source in
// Bangui said", "the Chinese foreign ministry spokesperson in Beijing said",
// "X told reporters in Georgetown". The state itself acting there is the
// government too: "the United States brokered the deal in Washington".
func (st *state) seatOfGovernment(h int, iso string) bool {
	d := st.d
	g := d.Tokens[h].Head
	if g < 0 {
		return false
	}
	phrase := []int{g}
	if d.Tokens[h].Dep == "obl" {
		phrase = phrase[:0]
		if dep := d.Tokens[g].Dep; (dep == "acl" || dep == "acl:relcl") && d.Tokens[g].Head >= 0 {
			phrase = append(phrase, d.Tokens[g].Head)
		}
		for _, c := range d.Children(g) {
			if dep := d.Tokens[c].Dep; strings.HasPrefix(dep, "nsubj") || dep == "obj" || dep == "iobj" {
				phrase = append(phrase, c)
			}
		}
	}
	if st.stateActs(g, iso) {
		return true
	}
	for _, n := range phrase {
		np := st.nounPhrase(n, h)
		if !st.namesState(np) && slices.ContainsFunc(np, func(k int) bool { return st.r.words.governmentNouns.Has(strings.ToLower(d.Tokens[k].Lemma)) }) {
			return true
		}
	}
	return false
}

// stateActs reports whether state iso, by its name, is the subject of the
// clause of token g (or the noun its relative clause describes): "the
// United States, which brokered the deal in Washington".
func (st *state) stateActs(g int, iso string) bool {
	d := st.d
	for g >= 0 && d.Tokens[g].UPOS != "VERB" {
		switch d.Tokens[g].Dep {
		case "nmod", "obj", "iobj", "obl", "conj", "compound":
			g = d.Tokens[g].Head
		default:
			return false
		}
	}
	if g < 0 {
		return false
	}
	subjects := d.Children(g)
	if strings.HasPrefix(d.Tokens[g].Dep, "acl") {
		subjects = append(subjects, d.Tokens[g].Head)
	}
	for _, n := range subjects {
		if st.demonym[n] == iso && d.Tokens[n].UPOS == "PROPN" && (n == d.Tokens[g].Head || strings.HasPrefix(d.Tokens[n].Dep, "nsubj")) {
			return true
		}
	}
	return false
}

// nounPhrase returns token n and the words under it that modify it,
// leaving out the subtree of token skip and clauses, conjuncts and
// appositions hung on it.
func (st *state) nounPhrase(n, skip int) []int {
	d := st.d
	out := []int{n}
	for _, c := range d.Children(n) {
		switch dep := d.Tokens[c].Dep; {
		case c == skip, dep == "conj", dep == "cc", dep == "appos", dep == "punct", strings.HasPrefix(dep, "acl"),
			dep == "ccomp", dep == "xcomp", dep == "advcl", dep == "parataxis":
			continue
		}
		out = append(out, st.nounPhrase(c, skip)...)
	}
	return out
}

// namesState reports whether one of the tokens ks is a state's name or
// adjective ("Chinese", "Chinese-run"): the government noun they modify
// says whose it is.
func (st *state) namesState(ks []int) bool {
	for _, k := range ks {
		if st.demonym[k] != "" {
			return true
		}
		w := st.d.Tokens[k].Text
		if _, ok := st.r.s.CountryByDemonym(w); ok {
			return true
		}
		if _, ok := st.r.s.Country(w); ok {
			return true
		}
	}
	return false
}

// facilityIn reports whether the capital at token start is the place of a
// facility named right before "in": "Mitiga International Airport in
// Tripoli" is in the city.
func (st *state) facilityIn(g, start int) bool {
	d := st.d
	return g == start-2 && strings.EqualFold(d.Tokens[start-1].Text, "in") &&
		isCapitalized(d.Tokens[g].Text) && st.r.words.facilities.Has(strings.ToLower(d.Tokens[g].Text))
}

// forceAround reports whether token g, the word a place phrase attaches
// to, or the words of its clause, name an act of violence (CAMEO roots 18
// to 20: assault, fighting, mass violence): "fighting continued in Kyiv",
// "struck targets in Kyiv", "clashes in Khartoum".
func (st *state) forceAround(g int) bool {
	d := st.d
	words := []int{g}
	if h := d.Tokens[g].Head; h >= 0 {
		words = append(words, h)
	}
	for _, c := range d.Children(g) {
		// Auxiliaries too: a sentence-initial gerund the tagger took for
		// one ("Fighting raged", AUX) hangs as aux:pass; a true
		// auxiliary (be, have, will) names no act of force.
		if dep := d.Tokens[c].Dep; strings.HasPrefix(dep, "nsubj") || strings.HasPrefix(dep, "csubj") || dep == "obj" || strings.HasPrefix(dep, "aux") {
			words = append(words, c)
		}
	}
	for _, w := range words {
		// A noun as a noun ("150 million pounds" is money, not shelling),
		// a verb as a verb, a word tagged otherwise as either: "Fighting
		// raged" is fighting however "Fighting" was tagged.
		t := d.Tokens[w]
		var entries []schema.LexEntry
		if t.UPOS != "NOUN" {
			entries = st.r.s.LookupVerb(t.Lemma, "")
		}
		if t.UPOS != "VERB" {
			entries = append(entries, st.r.s.LookupNoun(strings.ToLower(t.Lemma))...)
			entries = append(entries, st.r.s.LookupNoun(strings.ToLower(t.Text))...)
		}
		for _, e := range entries {
			if schema.RootBetween(e.CAMEO, 18, 20) {
				return true
			}
		}
	}
	return false
}

// isDateline reports whether tokens [start, end) are part of a
// sentence-initial dateline in capitals ("ISLAMABAD (AP) -", "KYIV,
// Ukraine —", "TAIPEI/BEIJING (Reuters) -"): where the reporter files
// from, not an actor or a place of the story.
func isDateline(d *nlp.Document, start, end int) bool {
	s := d.Sentences[d.Tokens[start].Sentence]
	if end >= s.End {
		return false
	}
	if c := start - 1; c > s.Start && d.Tokens[c].Text == "," && d.Tokens[end].Text == "(" && allCapsRun(d, s.Start, c) {
		return true // "PORT-AU-PRINCE, Haiti (AP) -": the city's state, also the dateline
	}
	if !allCapsRun(d, s.Start, end) {
		return false
	}
	switch d.Tokens[end].Text {
	case "(", "-", "—", "–", ",", "/":
		return true
	}
	return false
}

// isDatelineAgency reports whether [start, end) is the news agency in
// parentheses after a dateline ("KYIV (Reuters) -", "MAPUTO, Mozambique
// (AP) -"): who publishes the story, not an actor in it.
func isDatelineAgency(d *nlp.Document, start, end int) bool {
	s := d.Sentences[d.Tokens[start].Sentence]
	if start-1 <= s.Start || end+1 >= s.End || d.Tokens[start-1].Text != "(" || d.Tokens[end].Text != ")" {
		return false
	}
	switch d.Tokens[end+1].Text {
	case "-", "—", "–":
	default:
		return false
	}
	c := start - 1 // the city, and the state or region after a comma
	for k := s.Start; k < c; k++ {
		if d.Tokens[k].Text == "," {
			c = k
			break
		}
	}
	return allCapsRun(d, s.Start, c)
}

// allCapsRun reports whether tokens [start, end) are words in capitals
// ("KHARTOUM", "PORT-AU-PRINCE"), as a dateline's city is written.
func allCapsRun(d *nlp.Document, start, end int) bool {
	if start >= end {
		return false
	}
	for k := start; k < end; k++ {
		t := d.Tokens[k].Text
		inWord := t == "-" && k > start && !d.Tokens[k-1].SpaceAfter && !d.Tokens[k].SpaceAfter // "PORT-AU-PRINCE"
		if strings.ToUpper(t) != t || t == "(" || (t == "-" && !inWord) || t == "—" || t == "–" {
			return false
		}
	}
	return true
}

// weaponReading decides whether an ambiguous weapon name ("Patriot",
// "Javelin") names the weapon: when a materiel noun follows it.
func (st *state) weaponReading(start, end int) bool {
	d := st.d
	if end >= len(d.Tokens) || d.Tokens[end].Sentence != d.Tokens[start].Sentence {
		return false
	}
	return st.r.words.weaponSystems.Has(d.Tokens[end].Lemma)
}

// bodyCand turns a government-body match into a candidate: the body of its
// country, the country itself for "government"-like bodies, or a generic
// body when no country is known.
func (st *state) bodyCand(start, end int, m schema.GazetteerMatch) (cand, bool) {
	iso := m.Country
	if iso == "" {
		iso = st.countryBefore(start)
	}
	if iso == "" {
		iso = st.countryOfAfter(end)
	}
	canon := m.Canonical
	if iso == "" && canon != "embassy" && !st.r.s.NationalMilitary(canon) {
		// "the foreign ministry in Minsk": the body of the state whose
		// capital it sits in. An embassy sits in another state's, and
		// "troops in Iraq" are where they are sent.
		iso = st.countryInAfter(end)
	}
	if iso == "" && !st.r.s.NationalMilitary(canon) && !isGovernment(canon) && !st.possessedByPronoun(start) {
		// "Foreign Ministry spokesman Nasser Kanaani" in an article about
		// Iran: the ministry of the state the article is clearly about.
		iso = st.dominantCountry()
	}
	if iso != "" && isGovernment(canon) {
		return st.countryCand(start, end, iso, prioGaz), true
	}
	c := cand{start: start, end: end, typ: string(schema.Organization), kind: "body", country: iso, prio: prioGaz, roleOf: -1}
	if st.r.s.NationalMilitary(canon) {
		c.kind = "military"
	}
	if iso == "" {
		if c.kind == "military" {
			if !st.governmentModified(start) {
				return cand{}, false // "the troops": no actor named
			}
			c.name = "government forces"
			c.key = "B::government forces"
			c.alias = slices.Clone(st.r.words.governmentForceNames)
			return c, true
		}
		if isGovernment(canon) {
			return cand{}, false
		}
		c.name = st.r.trimDeterminer(st.text(start, end))
		c.key = "B::" + strings.ToLower(canon)
		return c, true
	}
	if c.kind == "military" {
		// One military per state, named the same way in every article
		// ("Indian military"), whatever name the text uses.
		c.name, c.alias = st.r.bodyNames("armed forces", iso, true)
		if canon != "armed forces" {
			c.alias = append(c.alias, canon) // a state's own name for its military
		}
		c.key = "B:" + iso + ":military"
		return c, true
	}
	if b, ok := st.r.s.GovernmentBody(strings.Fields(canon)); ok && b.Country != "" {
		// A specific body ("Central Intelligence Agency") has its own name.
		c.name = canon
		c.key = "B:" + iso + ":" + strings.ToLower(canon)
		return c, true
	}
	c.name, c.alias = st.r.bodyNames(canon, iso, false)
	c.key = "B:" + iso + ":" + strings.ToLower(canon)
	return c, true
}

// possessedByPronoun reports whether a possessive pronoun precedes token k
// ("its foreign ministry": whose, coreference alone can tell).
func (st *state) possessedByPronoun(k int) bool {
	if k == 0 {
		return false
	}
	return st.r.words.possessivePronouns.Has(strings.ToLower(st.d.Tokens[k-1].Text))
}

// dominantCountry returns the state the article has named clearly most so
// far (at least twice, and more than twice as often as any other), or "".
func (st *state) dominantCountry() string {
	best, first, second := st.mostNamedCountry()
	if first >= 2 && first > 2*second {
		return best
	}
	return ""
}

// articleState returns the state the whole article is about: the dominant
// state, or else the one state of the dateline when the article names it
// at least twice and as often as any other ("BOGOTA (Reuters) -
// Colombia's government …" beside a few mentions of Venezuela; "BAMAKO" in
// a story naming Mali and Russia equally); "" when unsure. Call it once
// every mention is known.
func (st *state) articleState() string {
	if iso := st.dominantCountry(); iso != "" {
		return iso
	}
	if len(st.datelineStates) != 1 {
		return ""
	}
	iso := st.datelineStates[0]
	count := st.countryCounts()
	if count[iso] < 2 {
		return ""
	}
	for other, n := range count {
		if other != iso && n > count[iso] {
			return ""
		}
	}
	return iso
}

// mostNamedCountry returns the state named most often so far, how often,
// and how often the runner-up is named (pronouns do not count).
func (st *state) mostNamedCountry() (best string, first, second int) {
	return leader(st.countryCounts())
}

// leader returns the state with the highest count (the first in ISO order
// on a tie), its count and the runner-up's count.
func leader(count map[string]int) (best string, first, second int) {
	for iso, n := range count {
		switch {
		case n > first || n == first && iso < best:
			best, first, second = iso, n, max(second, first)
		case n > second:
			second = n
		}
	}
	return best, first, second
}

// countryCounts returns how often the text names each state so far (ISO3
// → mentions; pronouns do not count).
func (st *state) countryCounts() map[string]int {
	count := map[string]int{}
	for _, m := range st.d.Mentions {
		if e := st.d.Entities[st.find(m.Entity)]; e.Type == string(schema.Country) && !m.Pronoun {
			count[e.Country]++
		}
	}
	return count
}

// isGovernment reports whether a body stands for the state itself.
func isGovernment(canon string) bool {
	switch canon {
	case "government", "presidency":
		return true
	}
	return false
}

// governmentModified reports whether a military word is modified by
// "government", "pro-government" or "federal" ("government troops").
func (st *state) governmentModified(start int) bool {
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		w := strings.ToLower(st.d.Tokens[k].Text)
		if st.r.words.governmentModifiers.Has(w) {
			return true
		}
		if w == "-" || w == "pro" {
			continue
		}
		if st.d.Tokens[k].UPOS != "ADJ" {
			break
		}
	}
	return false
}

// countryBefore returns the country named by a demonym, country or capital
// word that modifies the phrase starting at start ("Ethiopian federal
// forces", "Russia's army"), or "".
func (st *state) countryBefore(start int) string {
	d := st.d
	sent := d.Sentences[d.Tokens[start].Sentence]
	for k := start - 1; k >= sent.Start && k >= start-4; k-- {
		if iso := st.demonym[k]; iso != "" {
			return iso
		}
		t := d.Tokens[k]
		switch {
		case t.Text == "'s" || t.Text == "’s" || t.Text == "'":
		case t.UPOS == "ADJ" || t.UPOS == "NOUN" && t.Dep == "compound" || t.Text == "-" || t.UPOS == "ADV":
		default:
			return ""
		}
	}
	return ""
}

// countryOfAfter returns the country of an "of COUNTRY" right after a body
// ("Ministry of Defense of Azerbaijan"), or "".
func (st *state) countryOfAfter(end int) string {
	d := st.d
	if end+1 < len(d.Tokens) && strings.EqualFold(d.Tokens[end].Text, "of") && d.Tokens[end+1].Sentence == d.Tokens[end].Sentence {
		return st.demonym[end+1]
	}
	return ""
}

// countryInAfter returns the ISO code of the state or capital named right
// after "in" at end ("the foreign ministry in Minsk"), or "". The name
// comes later in the sentence than the body, so it is looked up here.
func (st *state) countryInAfter(end int) string {
	d := st.d
	if end+1 >= len(d.Tokens) || !strings.EqualFold(d.Tokens[end].Text, "in") || d.Tokens[end+1].Sentence != d.Tokens[end].Sentence {
		return ""
	}
	s := d.Sentences[d.Tokens[end].Sentence]
	var words []string
	for k := end + 1; k < s.End && k <= end+4; k++ {
		words = append(words, d.Tokens[k].Text)
	}
	for _, m := range st.r.s.Match(words) {
		if m.Start == 0 && (m.Kind == schema.KindCountry || m.Kind == schema.KindCapital) {
			return m.Country
		}
	}
	return ""
}

// bodyNames returns the canonical name of a state's body and the other
// names it goes by, so that "Azerbaijan's defense ministry", "Azerbaijani
// Ministry of Defense" and "Ministry of Defense of Azerbaijan" are one actor.
func (r *Resolver) bodyNames(canon, iso string, military bool) (string, []string) {
	ci, ok := r.s.CountryByISO3(iso)
	if !ok {
		return canon, nil
	}
	prefixes := []string{ci.Name}
	short := ""
	for _, a := range ci.Aliases {
		if strings.Contains(a, ".") && len(a) <= 4 && (short == "" || len(a) < len(short)) { // "U.S.", "U.K."
			short = a
		}
	}
	if short != "" {
		prefixes = append([]string{short}, prefixes...)
	}
	adjectives := adjectiveDemonyms(ci)
	forms := []string{canon}
	if military {
		forms = r.words.militaryNames
	} else if alt := swapBodyForm(canon); alt != "" {
		forms = append(forms, alt)
	}
	var names []string
	for _, f := range forms {
		for _, p := range prefixes {
			names = append(names, p+" "+f, p+"'s "+f)
		}
		for _, a := range adjectives {
			names = append(names, a+" "+f)
		}
		names = append(names, f+" of "+ci.Name)
	}
	name := prefixes[0] + " " + canon
	if military {
		lead := prefixes[0]
		if len(adjectives) > 0 && !strings.Contains(lead, ".") {
			lead = adjectives[0]
		}
		name = lead + " military"
		names = append(names, "Armed Forces of "+ci.Name)
	}
	return name, names
}

// adjectiveDemonyms returns the demonyms of a country that are adjectives
// (not plurals): "Russian" but not "Russians".
func adjectiveDemonyms(ci schema.CountryInfo) []string {
	var out []string
	for _, d := range ci.Demonyms {
		if strings.HasSuffix(d, "s") && !strings.HasSuffix(d, "ese") && !strings.HasSuffix(d, "ss") ||
			strings.HasSuffix(d, "man") || strings.HasSuffix(d, "men") || strings.HasSuffix(d, "woman") {
			continue // plurals and person nouns ("Russians", "Frenchman") are no adjectives
		}
		out = append(out, d)
	}
	return out
}

// swapBodyForm returns the other common English form of a body name:
// "Ministry of Defense" ↔ "Defense Ministry", "Department of State" ↔
// "State Department".
func swapBodyForm(canon string) string {
	for _, head := range []string{"Ministry of ", "Department of "} {
		if rest, ok := strings.CutPrefix(canon, head); ok && !strings.Contains(rest, " ") {
			return rest + " " + strings.TrimSuffix(head, " of ")
		}
	}
	return ""
}

// titledPersons finds the names that follow a title ("President Xi
// Jinping", "Mr Griffiths") even where the recognizer missed them: one to
// four capitalized proper-noun tokens (with hyphens) after a title span.
func (st *state) titledPersons(si int) []cand {
	d := st.d
	s := d.Sentences[si]
	var out []cand
	for _, t := range st.sentenceTitles(si) {
		if t.start < s.Start || t.end >= s.End {
			continue
		}
		k := t.end
		for k < s.End && k-t.end < 6 {
			tok := d.Tokens[k]
			nameWord := isCapitalized(tok.Text) && tok.UPOS == "PROPN" && !timex.IsTimeWord(tok.Text) ||
				k > t.end && st.r.words.nameParticles.Has(strings.ToLower(tok.Text)) && k+1 < s.End && (d.Tokens[k+1].Text == "-" || isCapitalized(d.Tokens[k+1].Text))
			// "Ki-moon", "Richey-Allen": a hyphen inside a name, and the word after it.
			joined := k > t.end && (tok.Text == "-" && !d.Tokens[k-1].SpaceAfter ||
				d.Tokens[k-1].Text == "-" && !d.Tokens[k-1].SpaceAfter && isAlpha(tok.Text))
			if !nameWord && !joined || st.demonym[k] != "" {
				break
			}
			if _, ok := st.titleStartingAt(k); ok {
				break
			}
			k++
		}
		for k > t.end && d.Tokens[k-1].Text == "-" {
			k--
		}
		if k == t.end {
			continue
		}
		if st.r.words.institutionEnds.Has(strings.ToLower(d.Tokens[k-1].Text)) {
			// "the General Border Committee": an institution, title word and all.
			name := st.text(t.start, k)
			out = append(out, cand{start: t.start, end: k, typ: string(schema.Organization), key: "O:" + st.r.normKey(name), name: name, prio: prioNER, roleOf: -1})
			continue
		}
		name := st.text(t.end, k)
		c := cand{start: t.end, end: k, typ: string(schema.Person), key: "P:" + st.r.normKey(name), name: name, prio: prioNER, roleOf: -1}
		if t.title.Role {
			c.role = t.title.Canonical
		}
		out = append(out, c)
	}
	return out
}

func isAlpha(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// extendOverParticles grows a name span over the particles inside names
// the recognizer stops at: a lower-case particle and a capitalized word
// after it ("Aita [al-Shaab]", "Norte [de Santander]"), a capitalized word
// the gazetteer also knows ("Puerto [Jordan]"), an article joined by a
// hyphen before it ("[Az-]Zallaqa"), or the word an article ending a
// place's or organization's span is joined to ("[El]-Garas").
func (st *state) extendOverParticles(sp ner.Span, s nlp.Sentence) ner.Span {
	d := st.d
	if k := sp.End; k < s.End && sp.End-sp.Start > 1 && st.r.words.nameParticles.Has(strings.ToLower(d.Tokens[k-1].Text)) &&
		isCapitalized(d.Tokens[k].Text) && d.Tokens[k].UPOS == "PROPN" {
		sp.End++ // "[Mocimboa da] Praia": the recognizer stopped after the particle
	}
	for {
		k := sp.End
		if k+1 < s.End && st.r.words.nameParticles.Has(strings.ToLower(d.Tokens[k].Text)) {
			j := k + 1
			if d.Tokens[j].Text == "-" && !d.Tokens[k].SpaceAfter && j+1 < s.End {
				j++
			}
			if isCapitalized(d.Tokens[j].Text) && d.Tokens[j].UPOS == "PROPN" {
				sp.End = j + 1
				continue
			}
		}
		if sp.Label == "LOC" && k < s.End && d.Tokens[k].UPOS == "PROPN" && isCapitalized(d.Tokens[k].Text) && d.Tokens[k].NER == "O" && st.demonym[k] != "" {
			sp.End = k + 1 // "Puerto Jordan": a country name inside a place name
			continue
		}
		break
	}
	if k := sp.Start; k-2 >= s.Start && d.Tokens[k-1].Text == "-" && !d.Tokens[k-2].SpaceAfter && !d.Tokens[k-1].SpaceAfter &&
		isCapitalized(d.Tokens[k-2].Text) && st.r.words.arabicArticles.Has(strings.ToLower(d.Tokens[k-2].Text)) {
		sp.Start = k - 2 // "Al-Zaman", "Az-Zallaqa"
	}
	if sp.Label != "PER" && d.Tokens[sp.End-1].Text == "-" && sp.End-2 >= sp.Start {
		sp.End-- // the recognizer kept the hyphen: "[El-]Zamir"
	}
	if k := sp.End; sp.Label != "PER" && k+1 < s.End && d.Tokens[k].Text == "-" && !d.Tokens[k-1].SpaceAfter && !d.Tokens[k].SpaceAfter &&
		st.r.words.arabicArticles.Has(strings.ToLower(d.Tokens[k-1].Text)) && isCapitalized(d.Tokens[k+1].Text) {
		sp.End = k + 2 // "[El]-Zamir": the article ends no name; the word it joins is the name
	}
	if k := sp.Start; k-1 >= s.Start && st.r.words.nameParticles.Has(d.Tokens[k].Text) && isCapitalized(d.Tokens[k-1].Text) && d.Tokens[k-1].UPOS == "PROPN" {
		sp.Start = k - 1 // "[Jurf] al-Sakhar", "[Tell] al-Hawa": a name opens with its particle only after a word
	}
	if k := sp.Start; k-1 >= s.Start && hasElidedArticle(d.Tokens[k-1].Text) {
		sp.Start = k - 1 // "[L'Observateur] Paalga"
		if sp.Label == "PER" {
			sp.Label = "ORG" // a name opened by an article is no person's
		}
	}
	if sp.Label == "PER" && st.afterPlacePreposition(sp.Start) &&
		(st.particleInside(sp) || sp.End-sp.Start == 1 && (sp.End >= s.End || !st.isPossessive(sp.End))) {
		// "at Jurf al-Sakhar", "an ambush near Boni": a name with a
		// particle, or a one-word name, after a preposition of place is a
		// place ("the town of X" is one by namesPlaceNoun); "in Ruto's
		// words" is still the person.
		sp.Label = "LOC"
	}
	return sp
}

// hasElidedArticle reports whether w is a capitalized word opened by a
// French or Italian article elided before a vowel ("L'Observateur",
// "L’Express").
func hasElidedArticle(w string) bool {
	for _, a := range []string{"L'", "L’"} {
		if rest, ok := strings.CutPrefix(w, a); ok && isCapitalized(rest) {
			return true
		}
	}
	return false
}

// particleInside reports whether a name particle stands after the first
// word of span sp ("Jurf al-Sakhar", "Norte de Santander").
func (st *state) particleInside(sp ner.Span) bool {
	for k := sp.Start + 1; k < sp.End; k++ {
		if st.r.words.nameParticles.Has(st.d.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// afterPlacePreposition reports whether token k follows a place
// preposition ("at", "in", "near", "from", …) in its sentence.
func (st *state) afterPlacePreposition(k int) bool {
	d := st.d
	if k == 0 || d.Tokens[k-1].Sentence != d.Tokens[k].Sentence {
		return false
	}
	return st.r.words.placePreps.Has(strings.ToLower(d.Tokens[k-1].Text))
}

// nameEnd returns the end of the name that starts at token k of sentence
// s: capitalized name words, and the particles between them ("Aita
// al-Shaab", "Norte de Santander"); k itself when no name starts there.
func (st *state) nameEnd(k int, s nlp.Sentence) int {
	d := st.d
	j := k
	for j < s.End {
		if isNameWord(d.Tokens[j]) && st.demonym[j] == "" {
			j++
			continue
		}
		if j > k && st.r.words.nameParticles.Has(strings.ToLower(d.Tokens[j].Text)) {
			n := j + 1
			if n < s.End && d.Tokens[n].Text == "-" && !d.Tokens[j].SpaceAfter {
				n++
			}
			if n < s.End && isNameWord(d.Tokens[n]) {
				j = n
				continue
			}
		}
		break
	}
	return j
}

// repairSpans returns the recognizer's spans of sentence s, repaired
// for its common slips: adjacent spans of one label are one name ("Khawaja
// Muhammad" + "Asif", "Tigrayan People's Liberation" + "Front"); a trailing
// weekday or month is not part of a name ("Asif Thursday"); a capitalized
// demonym or name word right before an organization belongs to it
// ("Ethiopian" + "Airlines").
func (st *state) repairSpans(all []ner.Span, s nlp.Sentence) []ner.Span {
	d := st.d
	var spans []ner.Span
	for _, sp := range all {
		for sp.End-sp.Start > 1 && timex.IsTimeWord(d.Tokens[sp.End-1].Text) && isCapitalized(d.Tokens[sp.End-1].Text) {
			sp.End--
			// "Kadugli on [Monday]": no name ends in a lower-case function word.
			for sp.End-sp.Start > 1 && !isCapitalized(d.Tokens[sp.End-1].Text) && (d.Tokens[sp.End-1].UPOS == "ADP" || d.Tokens[sp.End-1].UPOS == "DET" || d.Tokens[sp.End-1].UPOS == "CCONJ") {
				sp.End--
			}
		}
		if n := len(spans); n > 0 && spans[n-1].Label == sp.Label && spans[n-1].End == sp.Start && sp.Label != "LOC" {
			spans[n-1].End = sp.End
			continue
		}
		if sp.Label == "ORG" && sp.Start-2 > s.Start && strings.EqualFold(d.Tokens[sp.Start-1].Text, "of") &&
			isCapitalized(d.Tokens[sp.Start-2].Text) && st.r.words.ofNameHeads.Has(strings.ToLower(d.Tokens[sp.Start-2].Text)) && !st.tokenInSpan(all, sp.Start-2) {
			// "[Government of] National Unity", "[Bank of] Scotland": the
			// head and "of" belong to the name.
			sp.Start -= 2
		}
		if sp.Label == "ORG" {
			for sp.Start > s.Start {
				prev := d.Tokens[sp.Start-1]
				if !isCapitalized(prev.Text) || prev.UPOS != "PROPN" && prev.UPOS != "ADJ" || st.tokenInSpan(all, sp.Start-1) {
					break
				}
				sp.Start--
			}
			if j := st.joinedNameStart(sp, s); j < sp.Start {
				sp.Start = j
				for len(spans) > 0 && spans[len(spans)-1].Start >= j {
					spans = spans[:len(spans)-1] // pieces of the name
				}
			}
			if st.demonymOpensName(all, sp) {
				sp.Start-- // "Georgian Dream", "Ethiopian Airlines"
			}
		}
		sp = st.extendOverParticles(sp, s)
		if n := len(spans); n > 0 && sp.Start < spans[n-1].End && spans[n-1].End < sp.End && spans[n-1].End-spans[n-1].Start > 2 && d.Tokens[spans[n-1].End-2].Text == "-" {
			sp.Start = spans[n-1].End // "[El-Zamir] [Zamir Lower Juba]": the word is the hyphenated name's
		}
		if k := st.facilityEnd(sp.End, s); k > sp.End && sp.Label != "PER" {
			// "Mitiga International Airport", "Bagram Air Base": one place,
			// whatever spans the recognizer cut it into.
			sp.End, sp.Label = k, "LOC"
			spans = append(spans, sp)
			continue
		}
		if n := len(spans); n > 0 && spans[n-1].Label == "LOC" && sp.Start < spans[n-1].End {
			continue // inside a facility name already taken
		}
		if k := st.institutionEnd(sp.End, all, s); k > sp.End {
			// "Al Masirah TV", "Taiwan Affairs Office": an outlet or an
			// institution, whatever its first words look like.
			sp.End, sp.Label = k, "ORG"
		}
		spans = append(spans, sp)
	}
	return spans
}

// joinedNameStart returns the first word of an organization's name joined
// by "and" before the span ("Sahel States Trade and [Customs Union]",
// "Justice and [Development Party]"): the span ends in an organization's
// head and the word before "and" is a capitalized word of no state.
// Capitalized words before it belong to the name, whatever span holds them.
// It returns sp.Start when no such name is there.
func (st *state) joinedNameStart(sp ner.Span, s nlp.Sentence) int {
	d := st.d
	k := sp.Start - 2
	if k < s.Start || !strings.EqualFold(d.Tokens[k+1].Text, "and") || !st.r.words.institutionEnds.Has(strings.ToLower(d.Tokens[sp.End-1].Text)) ||
		!isCapitalized(d.Tokens[k].Text) || d.Tokens[k].UPOS != "PROPN" && d.Tokens[k].UPOS != "ADJ" || st.demonym[k] != "" {
		return sp.Start
	}
	for k > s.Start && isCapitalized(d.Tokens[k-1].Text) && (d.Tokens[k-1].UPOS == "PROPN" || d.Tokens[k-1].UPOS == "ADJ") {
		k--
	}
	return k
}

// demonymOpensName reports whether the demonym right before the
// one-word organization span sp is the first word of its name ("[Georgian]
// Dream", "[Ethiopian] Airlines"), though the recognizer tagged it apart
// as a nationality. Not before an acronym, a name of its own ("Sudanese
// RSF"); a known organization's name outranks the span anyway ("Lebanese
// Hezbollah").
func (st *state) demonymOpensName(all []ner.Span, sp ner.Span) bool {
	d := st.d
	k := sp.Start - 1
	if sp.End-sp.Start != 1 || k < 0 || d.Tokens[k].Sentence != d.Tokens[sp.Start].Sentence ||
		st.demonym[k] == "" || !isCapitalized(d.Tokens[k].Text) {
		return false
	}
	for _, o := range all {
		if o.Start <= k && k < o.End && (o.Label != "MISC" || o.End-o.Start != 1) {
			return false // part of another name ("South Sudanese")
		}
	}
	w := d.Tokens[sp.Start].Text
	return strings.ToUpper(w) != w
}

// facilityEnd returns the end of the capitalized facility words from token
// k ("[Mitiga] International Airport", "[Bagram] Air Base"), or k when
// they end no facility's name.
func (st *state) facilityEnd(k int, s nlp.Sentence) int {
	d := st.d
	j := k
	for j < s.End && j < k+3 && isCapitalized(d.Tokens[j].Text) && st.r.words.facilityWords.Has(strings.ToLower(d.Tokens[j].Text)) {
		j++
	}
	if j < s.End && isCapitalized(d.Tokens[j].Text) && st.r.words.facilities.Has(strings.ToLower(d.Tokens[j].Text)) {
		return j + 1
	}
	return k
}

// institutionEnd returns the end of the capitalized words from token k
// that end an outlet's or an institution's name ("[Al Masirah] TV",
// "[Taiwan] Affairs Office"), outside the recognizer's other spans; k when
// they end no such name.
func (st *state) institutionEnd(k int, spans []ner.Span, s nlp.Sentence) int {
	d := st.d
	j := k
	for j < s.End && d.Tokens[j].UPOS == "PROPN" && isCapitalized(d.Tokens[j].Text) && !st.tokenInSpan(spans, j) {
		j++
	}
	if j > k {
		if last := strings.ToLower(d.Tokens[j-1].Text); st.r.words.institutionEnds.Has(last) || st.r.words.mediaNames.Has(last) {
			return j
		}
	}
	return k
}

// tokenInSpan reports whether token k is inside one of the spans.
func (st *state) tokenInSpan(spans []ner.Span, k int) bool {
	for _, sp := range spans {
		if k >= sp.Start && k < sp.End {
			return true
		}
	}
	return false
}

// nerCand turns a recognizer span into a candidate.
func (st *state) nerCand(sp ner.Span) (cand, bool) {
	d := st.d
	start, end := sp.Start, sp.End
	// A possessive or trailing punctuation is not part of a name.
	for end > start && (d.Tokens[end-1].XPOS == "POS" || d.Tokens[end-1].UPOS == "PUNCT") {
		end--
	}
	for start < end && (d.Tokens[start].UPOS == "PUNCT" || strings.EqualFold(d.Tokens[start].Text, "the")) {
		start++
	}
	if start >= end || isDateline(d, start, end) || isDatelineAgency(d, start, end) {
		return cand{}, false // nothing, or where and for whom the reporter files
	}
	surface := st.text(start, end)
	if st.r.words.placeParts.Has(strings.ToLower(surface)) {
		return cand{}, false // "the North": which north, only the context knows
	}
	if l := strings.ToLower(surface); end-start == 1 && (st.r.words.places.Has(l) || l == "republic") {
		return cand{}, false // "Province", "Republic" cut from a longer name name nothing alone
	}
	allTime := true
	for k := start; k < end; k++ {
		allTime = allTime && timex.IsTimeWord(d.Tokens[k].Text)
	}
	if allTime {
		return cand{}, false // "Thursday" is no one
	}
	c := cand{start: start, end: end, prio: prioNER, roleOf: -1}
	label := sp.Label
	if last := strings.ToLower(d.Tokens[end-1].Text); end-start > 1 && (st.r.words.places.Has(last) || st.r.words.facilities.Has(last) && isCapitalized(d.Tokens[end-1].Text)) || st.namesPlaceNoun(start, end) {
		label = "LOC" // "Marib province", "the district of Salif" are places whatever the recognizer says
	}
	if label == "PER" && start >= 2 && st.isPossessive(start-1) && st.r.words.places.Has(d.Tokens[start-2].Text) {
		label = "LOC" // "Helmand province's Lashkar Gah": what a province owns by name is a place in it
	}
	for _, t := range st.sentenceTitles(d.Tokens[start].Sentence) {
		if t.start <= start && end <= t.end {
			return cand{}, false // "Defense Minister" alone is a title, not an organization
		}
	}
	if label == "ORG" {
		if iso := st.ledBy(start, end-1); iso != "" {
			c.typ, c.kind, c.key, c.name, c.ledBy = string(schema.Organization), "coalition", "O:"+st.r.normKey(surface), surface, iso
			return c, true
		}
	}
	if label == "PER" && end-start > 1 && st.r.words.institutionEnds.Has(strings.ToLower(d.Tokens[end-1].Text)) {
		label = "ORG" // "the General Border Committee": no person's name ends in "Committee"
	}
	switch label {
	case "PER":
		// Titles are not part of the name ("President Joe Biden"), nor the
		// end of one the span starts inside ("Brig. [Gen. Nabil Abdallah]").
		for _, t := range st.sentenceTitles(d.Tokens[start].Sentence) {
			if t.start <= start && start < t.end && t.end < end {
				start = t.end
				c.start = start
				if t.title.Role {
					c.role = t.title.Canonical
				}
			}
		}
		surface = st.text(start, end)
		if strings.IndexFunc(surface, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) < 0 {
			return cand{}, false
		}
		c.typ, c.key, c.name = string(schema.Person), "P:"+st.r.normKey(surface), surface
		return c, true
	case "ORG":
		if o, ok := st.r.s.Org(surface); ok {
			c.typ, c.kind, c.key, c.name, c.country = string(schema.Organization), o.Category, orgKey(o.Name), o.Name, o.Country
			return c, true
		}
		if ci, ok := st.r.s.Country(surface); ok {
			if ci.IsAmbiguous(surface) && !st.countryReading(start, end) {
				return cand{}, false
			}
			return st.countryCand(start, end, ci.ISO3, prioNER), true
		}
		c.typ, c.key, c.name = string(schema.Organization), "O:"+st.r.normKey(surface), surface
		c.country = st.demonym[start]
		return c, true
	case "LOC":
		if ci, ok := st.r.s.Country(surface); ok {
			if ci.IsAmbiguous(surface) && !st.countryReading(start, end) {
				return cand{}, false
			}
			return st.countryCand(start, end, ci.ISO3, prioNER), true
		}
		if ci, ok := st.r.s.CountryByCapital(surface); ok {
			return st.countryCand(start, end, ci.ISO3, prioNER), true
		}
		c.typ, c.key, c.name = string(schema.Location), "L:"+st.r.placeKey(surface), surface
		return c, true
	}
	return cand{}, false
}

// namesPlaceNoun reports whether the name [start, end) names a generic
// place noun before it: "the district of Salif", "the town of Kidal", or
// in apposition, "the country's port district, Salif". Such a name is a
// place whatever the recognizer called it.
func (st *state) namesPlaceNoun(start, end int) bool {
	d := st.d
	s := d.Sentences[d.Tokens[start].Sentence]
	k := start - 1
	if k >= s.Start && strings.EqualFold(d.Tokens[k].Text, "the") {
		k--
	}
	if k <= s.Start || !st.r.words.places.Has(strings.ToLower(d.Tokens[k-1].Text)) {
		return false
	}
	switch {
	case strings.EqualFold(d.Tokens[k].Text, "of"):
		return true
	case d.Tokens[k].Text == ",":
		// Only an apposition: not "across the region, Ahmed said".
		return d.Tokens[d.Head(nlp.Mention{Start: start, End: end})].Dep == "appos"
	}
	return false
}

// shipCands returns the warships named in sentence si: a ship prefix and
// the capitalized words after it ("USS Ralph Johnson", "HMS Diamond"). A
// ship is materiel (a Weapon), whatever the recognizer made of its name
// (a person "Johnson").
func (st *state) shipCands(si int) []cand {
	d := st.d
	s := d.Sentences[si]
	var cs []cand
	for k := s.Start; k < s.End-1; k++ {
		if !st.r.words.shipPrefixes.Has(d.Tokens[k].Text) {
			continue
		}
		end := k + 1
		for end < s.End && end < k+4 && isCapitalized(d.Tokens[end].Text) {
			end++
		}
		if end == k+1 {
			continue
		}
		name := st.text(k, end)
		cs = append(cs, cand{start: k, end: end, typ: string(schema.Weapon), key: "W:" + st.r.normKey(name), name: name,
			relOnly: true, prio: prioNERWider, roleOf: -1})
		k = end - 1
	}
	return cs
}

// isOrdinal reports whether w is a numeral ordinal ("1st", "444th").
func isOrdinal(w string) bool {
	n := strings.TrimLeft(w, "0123456789")
	return len(n) < len(w) && (n == "st" || n == "nd" || n == "rd" || n == "th")
}

// unitCands returns the numbered units named in sentence si: an ordinal,
// at most three capitalized words and a capitalized unit head ("the 444th
// Combat Brigade", "1st Armoured Division"). The ordinal is part of the
// name, whatever part of it the recognizer took ("Brigade").
func (st *state) unitCands(si int) []cand {
	d := st.d
	s := d.Sentences[si]
	var cs []cand
	for k := s.Start; k < s.End-1; k++ {
		if !isOrdinal(d.Tokens[k].Text) {
			continue
		}
		end := k + 1
		for end < s.End && end < k+5 && isCapitalized(d.Tokens[end].Text) {
			end++
		}
		if end == k+1 || !st.r.words.numberedUnits.Has(strings.ToLower(d.Tokens[end-1].Text)) {
			continue
		}
		name := st.text(k, end)
		cs = append(cs, cand{start: k, end: end, typ: string(schema.Organization), key: "O:" + st.r.normKey(name), name: name,
			prio: prioNERWider, roleOf: -1})
		k = end - 1
	}
	return cs
}

// institutionCands returns the institutions named in sentence si by a
// capitalized head, "for" or "of", and a proper name that may join
// capitalized words with "and", "the" or "of" ("the Office for Vojvodina
// and Srem", "the Commission for Truth and Reconciliation"): one
// organization, not the places or persons the recognizer found in it,
// nor the states and places of the gazetteer (gaz) it names ("the Office
// for Kosovo and Metohija"), unless a gazetteer names an organization
// there ("the Ministry of Defence", a state's body).
func (st *state) institutionCands(si int, gaz []cand) []cand {
	d := st.d
	s := d.Sentences[si]
	var cs []cand
	for k := s.Start; k+2 < s.End; k++ {
		w := d.Tokens[k].Text
		if !isCapitalized(w) || !st.r.words.institutionHeads.Has(strings.ToLower(w)) || k > s.Start && isCapitalized(d.Tokens[k-1].Text) && d.Tokens[k-1].UPOS != "DET" {
			continue
		}
		if p := strings.ToLower(d.Tokens[k+1].Text); p != "for" && p != "of" {
			continue
		}
		end := k + 2
		for j := k + 2; j < s.End; j++ {
			t := d.Tokens[j].Text
			if isCapitalized(t) {
				end = j + 1
				continue
			}
			if !st.r.words.institutionConnectors.Has(t) || end < j {
				break
			}
		}
		if end == k+2 {
			continue
		}
		name := st.text(k, end)
		c := cand{start: k, end: end, typ: string(schema.Organization), key: "O:" + st.r.normKey(name), name: name,
			prio: prioNERWider, roleOf: -1}
		for _, g := range gaz {
			if g.start < end && k < g.end && g.typ == string(schema.Organization) {
				c.prio = prioPhrase
			}
		}
		cs = append(cs, c)
		k = end - 1
	}
	return cs
}

// mediaName returns the outlet's name right after the media descriptor
// at token i, over further descriptors ("radio broadcaster RFI"): an
// acronym or capitalized name words; ok is false when none follows.
func (st *state) mediaName(i int) (start, end int, ok bool) {
	d := st.d
	s := d.Sentences[d.Tokens[i].Sentence]
	if !st.r.words.mediaDescriptors.Has(strings.ToLower(d.Tokens[i].Text)) || isCapitalized(d.Tokens[i].Text) || i+1 >= s.End || st.demonym[i+1] != "" {
		return 0, 0, false
	}
	if looksLikeAcronym(d.Tokens[i+1].Text) {
		return i + 1, i + 2, true
	}
	if st.r.words.mediaDescriptors.Has(strings.ToLower(d.Tokens[i+1].Text)) {
		return st.mediaName(i + 1)
	}
	end = st.nameEnd(i+1, s)
	return i + 1, end, end > i+1
}

// namedOutlet reports whether a media descriptor at i is followed by the
// outlet's name.
func (st *state) namedOutlet(i int) bool {
	_, _, ok := st.mediaName(i)
	return ok
}

// mediaCands returns the outlets named after a media descriptor in
// sentence si ("state broadcaster EBC", "French radio broadcaster RFI"),
// whatever the recognizer made of the name; a state's outlet ("Kenya's
// state television KBN") is of the state the phrase names before "state".
func (st *state) mediaCands(si int) []cand {
	d := st.d
	s := d.Sentences[si]
	var cs []cand
	for i := s.Start; i+1 < s.End; i++ {
		start, end, ok := st.mediaName(i)
		if !ok {
			continue
		}
		name := st.text(start, end)
		c := cand{start: start, end: end, typ: string(schema.Organization), kind: "media", key: "O:" + st.r.normKey(name), name: name,
			prio: prioNERWider, roleOf: -1}
		state := ""
		for k := st.phraseStart(i); k < i; k++ {
			if st.demonym[k] != "" {
				state = st.demonym[k]
			}
			if strings.EqualFold(d.Tokens[k].Text, "state") {
				c.country = state
			}
		}
		cs = append(cs, c)
		i = end - 1
	}
	return cs
}

// nicknameCands returns the persons named by a quoted capitalized name
// after "nicknamed", "alias", "known as" or "goes by the name" in sentence
// si, said of a person ('a gang leader who goes by the name "Ti Zoro"'),
// whatever the recognizer made of it (a place "Zoro").
func (st *state) nicknameCands(si int) []cand {
	d := st.d
	s := d.Sentences[si]
	var cs []cand
	for k := s.Start; k+2 < s.End; k++ {
		if !st.introducesNickname(k) || !isQuote(d.Tokens[k+1].Text) || !st.personBefore(k) {
			continue
		}
		end := k + 2
		for end < s.End && end < k+6 && isCapitalized(d.Tokens[end].Text) {
			end++
		}
		if end == k+2 || end >= s.End || !isQuote(d.Tokens[end].Text) {
			continue
		}
		name := st.text(k+2, end)
		cs = append(cs, cand{start: k + 2, end: end, typ: string(schema.Person), key: "P:" + st.r.normKey(name), name: name,
			prio: prioNERWider, roleOf: -1})
	}
	return cs
}

// introducesNickname reports whether token k ends the words that
// introduce a nickname: "nicknamed", "alias", "known as", "by the name".
func (st *state) introducesNickname(k int) bool {
	d := st.d
	w := strings.ToLower(d.Tokens[k].Text)
	prev := func(n int) string {
		if k-n < 0 {
			return ""
		}
		return strings.ToLower(d.Tokens[k-n].Text)
	}
	switch {
	case w == "nicknamed" || w == "alias":
		return true
	case w == "as":
		return prev(1) == "known"
	case w == "name" || w == "nickname":
		return prev(1) == "the" && prev(2) == "by"
	}
	return false
}

// personBefore reports whether the nearest noun before token k, within
// eight tokens, names a person: a person noun ("a gang leader who goes by
// the name") or a person's name, not a group ("the gang, nicknamed").
func (st *state) personBefore(k int) bool {
	d := st.d
	s := d.Sentences[d.Tokens[k].Sentence]
	for j := k - 1; j >= s.Start && j >= k-8; j-- {
		t := d.Tokens[j]
		if t.UPOS == "PROPN" && strings.HasSuffix(t.NER, "PER") {
			return true
		}
		if t.UPOS == "NOUN" {
			l := strings.ToLower(t.Lemma)
			return t.XPOS == "NN" && (st.r.words.groupNouns.Has(l) || st.r.words.personNouns.Has(l))
		}
	}
	return false
}

// isQuote reports whether w is a double quotation mark.
func isQuote(w string) bool {
	return w == "\"" || w == "“" || w == "”" || w == "``" || w == "''"
}

// ofPlaceCands returns the places named "X of Y" in sentence si: a
// capitalized head ("Gulf"), "of" and one to three capitalized words, one
// place whatever the gazetteer makes of its parts ("Gulf" alone is the
// Persian Gulf, "Finland" a state).
func (st *state) ofPlaceCands(si int) []cand {
	d := st.d
	s := d.Sentences[si]
	var cs []cand
	for k := s.Start; k+2 < s.End; k++ {
		if !st.r.words.ofPlaceHeads.Has(d.Tokens[k].Text) || d.Tokens[k+1].Text != "of" {
			continue
		}
		end := k + 2
		for end < s.End && end < k+5 && isCapitalized(d.Tokens[end].Text) && d.Tokens[end].UPOS == "PROPN" {
			end++
		}
		if end == k+2 {
			continue
		}
		name := st.text(k, end)
		cs = append(cs, cand{start: k, end: end, typ: string(schema.Location), key: "L:" + st.r.placeKey(name), name: name, prio: prioNERWider, roleOf: -1})
		k = end - 1
	}
	return cs
}

// normKey normalizes a name for use in an entity key.
func (r *Resolver) normKey(s string) string {
	s = strings.ToLower(r.trimDeterminer(s))
	s = strings.NewReplacer("’", "'", ".", "", "-", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// placeKey normalizes a place name without its generic head ("Marib
// province" and "Marib" are one place, and so are "the district of Salif"
// and "Salif").
func (r *Resolver) placeKey(s string) string {
	k := r.normKey(s)
	if i := strings.LastIndexByte(k, ' '); i > 0 && r.words.placeKeyNouns.Has(k[i+1:]) {
		return k[:i]
	}
	if i := strings.IndexByte(k, ' '); i > 0 && r.words.placeKeyNouns.Has(k[:i]) && strings.HasPrefix(k[i+1:], "of ") && len(k) > i+4 {
		return k[i+4:]
	}
	return k
}

// placeCands reads the places named around a generic place noun at i:
// "Pyongan province", "Tarvek city" (proper nouns before it) and "the
// district of Salif", "the port city of Hodeidah" (a proper noun after "of").
func (st *state) placeCands(i int) []cand {
	d := st.d
	s := d.Sentences[d.Tokens[i].Sentence]
	var out []cand
	j := i
	for j > s.Start+1 {
		if isNameWord(d.Tokens[j-1]) && st.demonym[j-1] == "" {
			j--
			continue
		}
		// "Norte de Santander province": a particle between name words.
		if j < i && j-2 >= s.Start && st.r.words.nameParticles.Has(strings.ToLower(d.Tokens[j-1].Text)) && isNameWord(d.Tokens[j-2]) {
			j -= 2
			continue
		}
		break
	}
	// "the Galilee town of Safed": the name before a settlement noun
	// followed by the settlement's own name is the wider place alone.
	end := i + 1
	if schema.IsSettlementNoun(strings.ToLower(d.Tokens[i].Lemma)) && i+2 < s.End && strings.EqualFold(d.Tokens[i+1].Text, "of") && st.nameEnd(i+2, s) > i+2 {
		end = i
	}
	if j < i {
		name := st.text(j, end)
		out = append(out, cand{start: j, end: end, typ: string(schema.Location), key: "L:" + st.r.placeKey(name), name: name, prio: prioPhrase, roleOf: -1})
	}
	if i+2 < s.End && strings.EqualFold(d.Tokens[i+1].Text, "of") {
		if k := st.nameEnd(i+2, s); k > i+2 {
			name := st.text(i+2, k)
			out = append(out, cand{start: i + 2, end: k, typ: string(schema.Location), key: "L:" + st.r.placeKey(name), name: name, prio: prioPhrase, roleOf: -1})
		}
	}
	return out
}

// placeList reads the places listed after a plural place noun at i: "the
// villages of Dorna, Sarik and Tumbal".
func (st *state) placeList(i int) []cand {
	d := st.d
	s := d.Sentences[d.Tokens[i].Sentence]
	var out []cand
	if i+2 >= s.End || !strings.EqualFold(d.Tokens[i+1].Text, "of") {
		return nil
	}
	for k := i + 2; k < s.End; {
		j := st.nameEnd(k, s)
		if j == k {
			break
		}
		name := st.text(k, j)
		out = append(out, cand{start: k, end: j, typ: string(schema.Location), key: "L:" + st.r.placeKey(name), name: name, prio: prioPhrase, roleOf: -1})
		if j < s.End && (d.Tokens[j].Text == "," || strings.EqualFold(d.Tokens[j].Text, "and")) {
			j++
			if j < s.End && strings.EqualFold(d.Tokens[j].Text, "and") {
				j++
			}
		} else {
			break
		}
		k = j
	}
	return out
}

// isNameWord reports whether t can be part of a proper name: capitalized
// and tagged as a name or, since rare names get other tags, a noun or adjective.
func isNameWord(t nlp.Token) bool {
	switch t.UPOS {
	case "PROPN", "NOUN", "ADJ", "X":
		return isCapitalized(t.Text)
	}
	return false
}

// nounPhraseCands finds collective actors named by a noun phrase in sentence si.
func (st *state) nounPhraseCands(si int) []cand {
	d := st.d
	s := d.Sentences[si]
	var out []cand
	for i := s.Start; i < s.End; i++ {
		t := d.Tokens[i]
		lemma := strings.ToLower(t.Lemma)
		if st.r.words.places.Has(lemma) && t.Text == strings.ToLower(t.Text) && t.XPOS != "NNS" {
			out = append(out, st.placeCands(i)...)
		}
		if st.r.words.places.Has(strings.TrimSuffix(lemma, "s")) && t.XPOS == "NNS" {
			out = append(out, st.placeList(i)...) // "the villages of Dorna, Sarik and Tumbal"
		}
		if t.UPOS != "NOUN" && !(t.UPOS == "PROPN" && st.r.words.stateBodies.Has(lemma)) {
			continue
		}
		plural := t.XPOS == "NNS"
		start := st.phraseStart(i)
		iso := ""
		for k := start; k < i; k++ {
			if st.demonym[k] != "" {
				iso = st.demonym[k]
			}
		}
		switch {
		case iso != "" && (plural && st.r.words.soldiers.Has(lemma) || st.r.words.forceUnits.Has(lemma)):
			// "Indian soldiers", "Eritrean troops": the state's military.
			m := schema.GazetteerMatch{Kind: schema.KindBody, Canonical: "armed forces", Country: iso}
			gs, owned := st.afterNamedOwner(start, i)
			for gs < i && (d.Tokens[gs].UPOS == "DET" || d.Tokens[gs].UPOS == "NUM") {
				gs++ // "Two Chilean servicemen" is named "Chilean servicemen"
			}
			// "Pakistani and Afghan forces": each state's military, the
			// first named by its adjective alone.
			for _, k := range st.coordinatedDemonyms(gs, i, iso) {
				om := schema.GazetteerMatch{Kind: schema.KindBody, Canonical: "armed forces", Country: st.demonym[k]}
				if c, ok := st.bodyCand(k, k+1, om); ok {
					c.prio, c.noAlias = prioPhrase, true
					out = append(out, c)
				}
				gs = k + 1
			}
			for gs < i && (d.Tokens[gs].UPOS == "CCONJ" || d.Tokens[gs].UPOS == "PUNCT") {
				gs++
			}
			if c, ok := st.bodyCand(gs, i+1, m); ok {
				c.prio, c.noAlias = prioPhrase, owned
				out = append(out, c)
			}
		case iso != "" && st.r.words.stateBodies.Has(lemma) && !st.namedOutlet(i):
			// "Russian peacekeepers", "Saudi state TV": a unit or outlet of the state.
			gs := st.modifiersStart(start, i)
			name := st.text(gs, i+1)
			out = append(out, cand{start: gs, end: i + 1, typ: string(schema.Organization), kind: "body", key: "B:" + iso + ":" + st.r.normKey(name),
				name: name, country: iso, prio: prioPhrase, roleOf: -1})
		case iso != "" && st.r.words.stateProxies.Has(lemma) && (lemma != "authority" || plural):
			gs, owned := st.afterNamedOwner(start, i)
			c := st.countryCand(gs, i+1, iso, prioPhrase)
			c.noAlias = owned // "Quispe's government" has no name of the state
			out = append(out, c)
		case iso != "" && st.r.words.stateSpeakers.Has(lemma) && !plural && !st.nameFollows(i):
			c := st.countryCand(start, i+1, iso, prioPhrase)
			c.noAlias = true // "a top Russian official" speaks for Russia but is not its name
			out = append(out, c)
		case plural && st.demonym[i] != "" && (i+1 >= s.End || d.Tokens[i+1].UPOS != "NOUN" && d.Tokens[i+1].UPOS != "PROPN"):
			// "warning the North Koreans", "the Russians said": the people for the state.
			out = append(out, st.countryCand(start, i+1, st.demonym[i], prioPhrase))
		case st.r.words.namedOrgs.Has(lemma) && !plural && st.nameBefore(i) < i && !st.knownOrgBefore(st.nameBefore(i), i):
			// "the Valdora cartel", "his ABC party": a name and the lower-case
			// noun of what it names are one organization, also where the name
			// alone reads as a place. A known organization's name keeps its
			// own mention ("the Kurdish YPG militia").
			gs := st.nameBefore(i)
			name := st.text(gs, i+1)
			out = append(out, cand{start: gs, end: i + 1, typ: string(schema.Organization), key: "O:" + st.r.normKey(name),
				name: name, prio: prioGroupOverBody, roleOf: -1})
		case st.r.words.coalitions.Has(lemma) && st.ledBy(start, i) != "":
			// "the Saudi-led coalition": an organization named by the phrase,
			// from the leader's name on.
			gs := st.modifiersStart(start, i)
			for k := gs; k < i; k++ {
				if l := strings.ToLower(d.Tokens[k].Text); l == "led" || strings.HasSuffix(l, "-led") {
					for gs = k; gs > start && (d.Tokens[gs-1].Text == "-" || d.Tokens[gs-1].UPOS == "PROPN" || st.demonym[gs-1] != ""); gs-- {
					}
					break
				}
			}
			name := st.text(gs, i+1)
			out = append(out, cand{start: gs, end: i + 1, typ: string(schema.Organization), kind: "coalition",
				key: "O:" + st.r.normKey(name), name: name, ledBy: st.ledBy(start, i), prio: prioGroupOverBody, roleOf: -1})
		case st.r.words.groupNouns.Has(lemma) && plural && !(i-start == 1 && strings.EqualFold(d.Tokens[start].Text, "the")):
			// ("the rebels" is a description that coreference resolves.)
			gs := start
			for gs < i && (d.Tokens[gs].UPOS == "DET" || d.Tokens[gs].UPOS == "NUM" || d.Tokens[gs].XPOS == "VBN" ||
				(d.Tokens[gs].UPOS == "ADJ" || d.Tokens[gs].UPOS == "ADV") && iso == "" && !isCapitalized(d.Tokens[gs].Text)) {
				gs++
			}
			if gs > s.Start && st.possessedByPronoun(gs) {
				continue // "its fighters": the owner's, whom relations name
			}
			if gs == i {
				continue // "officials said", "fighters attacked": nobody identifiable
			}
			name := st.text(gs, i+1)
			// "South Korean military officials": the officials, not the military.
			out = append(out, cand{start: gs, end: i + 1, typ: string(schema.Group), key: "G:" + st.r.normKey(name), name: name,
				country: iso, relOnly: true, prio: prioPhrase, roleOf: -1})
		}
	}
	return out
}

// modifiersStart returns where the run of modifiers right before head i
// begins, within [start, i]: nouns, adjectives, names, numbers and
// hyphenated participles ("U.S.-led"), not a determiner, a verb or a
// preposition, which the parser may have put in the phrase ("a base
// housing U.S.-led coalition troops", "the junta last week suspended
// French radio broadcaster RFI").
func (st *state) modifiersStart(start, i int) int {
	d := st.d
	j := i
	for j > start {
		t := d.Tokens[j-1]
		switch {
		case t.UPOS == "NOUN" || t.UPOS == "ADJ" || t.UPOS == "PROPN" || t.UPOS == "NUM", t.Text == "-":
		case t.Text == "led" && j-2 >= start && d.Tokens[j-2].Text == "-":
		case strings.HasSuffix(strings.ToLower(t.Text), "-led"):
		default:
			return j
		}
		j--
	}
	return j
}

// nameBefore returns the first word of the proper name right before token
// i, capitalized words that name no state ("Valdora" in "the Valdora
// cartel", not "Mexican"); i when there is none.
func (st *state) nameBefore(i int) int {
	d := st.d
	s := d.Sentences[d.Tokens[i].Sentence]
	k := i
	for k > s.Start && d.Tokens[k-1].UPOS == "PROPN" && isCapitalized(d.Tokens[k-1].Text) && st.demonym[k-1] == "" {
		k--
	}
	return k
}

// knownOrgBefore reports whether the words from start to token i end in
// the name of an organization the gazetteer knows.
func (st *state) knownOrgBefore(start, i int) bool {
	for k := start; k < i; k++ {
		if _, ok := st.r.s.Org(st.text(k, i)); ok {
			return true
		}
	}
	return false
}

// coordinatedDemonyms returns the demonyms of other states than iso
// coordinated with the last one before the head noun at i, from gs on
// ("Pakistani and Afghan forces", "Thai, Lao and Cambodian troops"): the
// tokens of their adjectives, in order; none when the phrase has one state.
func (st *state) coordinatedDemonyms(gs, i int, iso string) []int {
	d := st.d
	sent := d.Sentences[d.Tokens[i].Sentence]
	// The phrase stops at "and"; the adjectives before it belong to the noun too.
	for gs-2 >= sent.Start && (d.Tokens[gs-1].UPOS == "CCONJ" || d.Tokens[gs-1].Text == ",") && st.demonym[gs-2] != "" {
		gs -= 2
		for gs-1 >= sent.Start && st.demonym[gs-1] == st.demonym[gs] {
			gs-- // "South Korean"
		}
	}
	var out []int
	coordinated := false
	for k := gs; k < i; k++ {
		switch {
		case d.Tokens[k].UPOS == "CCONJ" || d.Tokens[k].Text == ",":
			coordinated = true
		case st.demonym[k] != "" && st.demonym[k] != iso && (k+1 >= i || st.demonym[k+1] != st.demonym[k]):
			out = append(out, k)
		}
	}
	if !coordinated {
		return nil
	}
	return out
}

// afterNamedOwner returns where the phrase from start to its head i begins
// once a named owner is left out, and whether one was: "Peruvian President
// Mateo Quispe's government" is the state's government, and the
// president a person of his own, so the phrase is "government". With no
// name before a possessive, start.
func (st *state) afterNamedOwner(start, i int) (int, bool) {
	d := st.d
	for k := i - 1; k > start; k-- {
		if (d.Tokens[k].XPOS == "POS" || d.Tokens[k].Text == "'s" || d.Tokens[k].Text == "’s") && d.Tokens[k-1].UPOS == "PROPN" && st.demonym[k-1] == "" {
			return k + 1, true
		}
	}
	return start, false
}

// ledBy returns the country that leads the phrase's head between tokens
// start and head ("Saudi-led", "U.S.-led", "Russian-backed"), or "".
func (st *state) ledBy(start, head int) string {
	d := st.d
	for k := start; k < head; k++ {
		l := strings.ToLower(d.Tokens[k].Text)
		if strings.HasSuffix(l, "-led") || l == "led" {
			for j := k; j >= start; j-- {
				if iso := st.demonym[j]; iso != "" {
					return iso
				}
				w := strings.TrimSuffix(d.Tokens[j].Text, "-led")
				if ci, ok := st.r.s.CountryByDemonym(w); ok {
					return ci.ISO3
				}
				if ci, ok := st.r.s.Country(w); ok {
					return ci.ISO3
				}
			}
		}
	}
	return ""
}

// phraseStart returns the first token of the noun phrase headed by i: the
// run of modifiers (determiners, adjectives, compounds, possessives) before it.
func (st *state) phraseStart(i int) int {
	d := st.d
	s := d.Sentences[d.Tokens[i].Sentence]
	start := i
	for k := i - 1; k >= s.Start; k-- {
		t := d.Tokens[k]
		if st.demonym[k] != "" {
			start = k // "South Korean" whatever the tagger made of "South"
			continue
		}
		switch t.UPOS {
		case "DET", "ADJ", "NUM", "PROPN", "NOUN", "PART":
		case "PUNCT":
			if t.Text != "-" {
				return start
			}
		case "VERB":
			if t.XPOS != "VBN" { // "Iran-backed"
				return start
			}
		default:
			return start
		}
		if t.UPOS == "PART" && t.XPOS != "POS" {
			return start
		}
		start = k
		if t.UPOS == "DET" {
			return start
		}
	}
	return start
}

// nameFollows reports whether a person's name follows token i ("spokesman John Kirby").
func (st *state) nameFollows(i int) bool {
	d := st.d
	return i+1 < len(d.Tokens) && d.Tokens[i+1].Sentence == d.Tokens[i].Sentence && strings.HasSuffix(d.Tokens[i+1].NER, "PER")
}
