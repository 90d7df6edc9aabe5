package resolve

import (
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/schema"
)

// corefWindow is how many sentences back an antecedent may be.
const corefWindow = 3

// coref resolves third-person pronouns and definite descriptions ("the
// ministry", "the rebels", "the country") to the most recent compatible
// entity mentioned before them, within a few sentences. An antecedent in
// subject position is preferred over a more recent one elsewhere, and a
// pronoun never refers to an entity of its own clause's subject when it is
// the object ("Russia warned it" is left unresolved rather than reflexive).
func (st *state) coref() {
	d := st.d
	st.sentMentions = make([][]int, len(d.Sentences))
	for mi, m := range d.Mentions {
		si := d.Tokens[m.Start].Sentence
		st.sentMentions[si] = append(st.sentMentions[si], mi)
	}
	defer func() { st.sentMentions = nil }()
	for k := range d.Tokens {
		if st.tokMention[k] >= 0 {
			continue
		}
		t := d.Tokens[k]
		w := strings.ToLower(t.Text)
		switch {
		case t.UPOS == "PRON" || t.XPOS == "PRP$":
			if st.expletive(k) {
				continue
			}
			var accept func(nlp.Entity) bool
			switch {
			case st.r.words.personPronouns.Has(w):
				accept = func(e nlp.Entity) bool { return e.Type == string(schema.Person) }
			case st.r.words.singularPronouns.Has(w):
				if e := st.reportingActor(k); e >= 0 && w == "it" {
					st.addPronoun(k, k+1, e)
					continue
				}
				if e := st.bodySpeaker(k); e >= 0 && w == "it" {
					st.addPronoun(k, k+1, e)
					continue
				}
				if w == "it" && t.Dep != "nsubj" && t.Dep != "nsubj:pass" && !st.actorObject(k) {
					continue // "denied it": a fact, not an actor
				}
				accept = func(e nlp.Entity) bool {
					return e.Type == string(schema.Country) || e.Type == string(schema.Organization) && !isPluralName(e.Name)
				}
			case st.r.words.pluralPronouns.Has(w):
				if e := st.pluralSpeaker(k); e >= 0 {
					st.addPronoun(k, k+1, e)
					continue
				}
				accept = func(e nlp.Entity) bool {
					return e.Type == string(schema.Group) || e.Type == string(schema.Organization) && (isPluralName(e.Name) || e.Kind == "armed_group" || e.Kind == "military")
				}
			default:
				continue
			}
			e := st.antecedent(k, accept, corefWindow)
			if e < 0 && st.r.words.personPronouns.Has(w) {
				// No person nearby ("…,” he said" paragraphs later): in news,
				// the article's main person so far.
				e = st.salientPerson(k)
			}
			if st.r.words.personPronouns.Has(w) {
				if p := st.describedPerson(k, e); p >= 0 {
					e = p
				}
			}
			if e >= 0 {
				st.addPronoun(k, k+1, e)
			}
		case t.UPOS == "NOUN" || t.UPOS == "PROPN" && t.Text == strings.ToLower(t.Text):
			start := st.descriptionStart(k)
			if start < 0 {
				continue
			}
			want, ok := st.r.words.descriptions[strings.ToLower(t.Text)]
			if !ok && !pluralNoun(t) {
				// "the countries", "the groups": several, not the one of a
				// singular head; plural heads that name one actor ("the
				// rebels", "the authorities") are listed as they are.
				want, ok = st.r.words.descriptions[t.Lemma]
			}
			if !ok || start != k-1 && (want == "Person" || t.Lemma == "state") {
				// "the military spokesperson for X" is a title, "the
				// western state" a part of a country.
				continue
			}
			if e := st.stateIn(k); e >= 0 && want == "Country" {
				// "the authorities in Lima", "the government in Kyiv".
				st.addPronoun(start, k+1, e)
				continue
			}
			if st.modifiedBeyondArticle(k) {
				continue
			}
			// A description names the article's one such actor: no window.
			accept := st.describes(want, t.Lemma)
			e := -1
			if want != "military" {
				// "The army" has its own rule: the article state's.
				e = st.ownerOfSameHead(k, accept)
			}
			if e < 0 {
				e = st.antecedent(k, accept, len(d.Sentences))
			}
			if e >= 0 && (want == "military" || t.Lemma == "government") {
				e = st.articleOwn(k, e, want)
			}
			if e >= 0 {
				st.addPronoun(start, k+1, e)
			}
		}
	}
}

// describedPerson returns the entity of the latest singular description
// of a person ("a Belarusian diplomat": the state he serves) before the
// person pronoun at k, in its sentence or the one before, when it comes
// after the latest mention of the pronoun's antecedent e ("Kallas said …
// Lithuania declared a Belarusian diplomat persona non grata, ordering him
// to leave": him is the diplomat, not Kallas); -1 otherwise.
func (st *state) describedPerson(k, e int) int {
	d := st.d
	si := d.Tokens[k].Sentence
	lastE, best, bestEnt := -1, -1, -1
	for s := si; s >= 0 && si-s <= 1; s-- {
		for _, mi := range st.sentMentions[s] {
			m := d.Mentions[mi]
			if m.Start >= k {
				continue
			}
			ent := st.find(m.Entity)
			if ent == e && m.Start > lastE {
				lastE = m.Start
			}
			h := d.Tokens[m.End-1] // the noun that ends the description (its parse may be torn)
			if m.Pronoun || h.XPOS != "NN" || d.Entities[ent].Type == string(schema.Person) {
				continue
			}
			if l := strings.ToLower(h.Lemma); (st.r.words.personNouns.Has(l) || st.r.words.descriptions[l] == string(schema.Person)) && m.Start > best {
				best, bestEnt = m.Start, ent
			}
		}
	}
	if best > lastE {
		return bestEnt
	}
	return -1
}

// pluralSpeaker returns the speaker that the plural pronoun at k, the
// subject of what a verb of saying reports, stands for when the speaker is
// named by a plural noun ("Ukrainian authorities said they had opened an
// inquiry", "officials in Lima said they would"): whatever entity that
// phrase names (the state, for "authorities"), or -1. A reported clause
// about others names them ("Peru said they had crossed") only when the
// speaker is singular, which this rule leaves to the antecedent search.
func (st *state) pluralSpeaker(k int) int {
	if sp := st.speakerSubject(k); sp >= 0 {
		if t := st.d.Tokens[sp]; t.XPOS == "NNS" || t.XPOS == "NNPS" {
			return st.entityAt(sp)
		}
	}
	return -1
}

// bodySpeaker returns the owner that "it" at k, the subject of what a verb
// of saying reports, stands for when the speaker is an unnamed body of a
// named owner ("Ayacucho's regional council said it had withdrawn"): the
// body speaks for its owner; -1 otherwise, and when the speaker phrase
// names an entity itself (the antecedent search finds that one).
func (st *state) bodySpeaker(k int) int {
	d := st.d
	sp := st.speakerSubject(k)
	if sp < 0 || st.tokMention[sp] >= 0 || d.Tokens[sp].UPOS != "NOUN" || pluralNoun(d.Tokens[sp]) {
		return -1
	}
	owner := -1
	for _, c := range d.Children(sp) {
		switch {
		case st.tokMention[c] < 0:
		case d.Tokens[c].Dep == "nmod:poss":
			if e := st.entityAt(c); d.Entities[e].Type != string(schema.Person) {
				owner = e
			}
		case d.Tokens[c].Dep == "compound" || d.Tokens[c].Dep == "flat" || d.Tokens[c].Dep == "appos":
			return -1 // "Lebanon's Hezbollah group": a named body speaks for itself
		}
	}
	return owner
}

// speakerSubject returns the subject token of the verb of saying whose
// reported clause has the pronoun at k as its subject, or -1.
func (st *state) speakerSubject(k int) int {
	d := st.d
	t := d.Tokens[k]
	if !strings.HasPrefix(t.Dep, "nsubj") || t.Head < 0 {
		return -1
	}
	clause := d.Tokens[t.Head]
	if clause.Dep != "ccomp" || clause.Head < 0 || !st.r.s.SpeechVerb(d.Tokens[clause.Head].Lemma) {
		return -1
	}
	for _, c := range d.Children(clause.Head) {
		if d.Tokens[c].Dep == "nsubj" {
			return c
		}
	}
	return -1
}

// reportingActor returns the state or organization that an object "it" at
// k stands for when k is the object of what that actor reports or accuses
// another of ("Chile accused Peru of attacking it", "Chile said Peru had
// shelled it"): the subject of the reporting or accusing verb, a mention
// of a state or organization other than the clause's own subject; -1
// otherwise.
func (st *state) reportingActor(k int) int {
	d := st.d
	t := d.Tokens[k]
	if t.Dep != "obj" || t.Head < 0 {
		return -1
	}
	v := d.Tokens[t.Head]
	if v.UPOS != "VERB" || v.Head < 0 || (v.Dep != "ccomp" && v.Dep != "advcl") {
		return -1
	}
	if v.Dep == "advcl" {
		of := false
		for _, c := range d.Children(t.Head) {
			if l := strings.ToLower(d.Tokens[c].Text); d.Tokens[c].Dep == "mark" && (l == "of" || l == "for") {
				of = true
			}
		}
		if !of {
			return -1
		}
	}
	g := v.Head
	var subj, own int = -1, -1
	for _, c := range d.Children(g) {
		if d.Tokens[c].Dep == "nsubj" && st.tokMention[c] >= 0 {
			subj = st.entityAt(c)
		}
	}
	for _, c := range d.Children(t.Head) {
		if strings.HasPrefix(d.Tokens[c].Dep, "nsubj") && st.tokMention[c] >= 0 {
			own = st.entityAt(c)
		}
	}
	if subj < 0 || subj == own {
		return -1
	}
	if ty := d.Entities[subj].Type; ty != string(schema.Country) && ty != string(schema.Organization) {
		return -1
	}
	if v.Dep == "ccomp" && own < 0 {
		return -1 // "said it would hold it": no other actor acts on it
	}
	return subj
}

// actorObject reports whether "it" at k, an object, stands for an actor:
// the one who is to act in the verb's complement ("forced it to close",
// "warned it against playing", "barred it from entering"). "Denied it",
// "called it a provocation" are facts, and the object of a verb of force
// is as often a place ("stormed it": the base).
func (st *state) actorObject(k int) bool {
	d := st.d
	t := d.Tokens[k]
	if t.Dep != "obj" && t.Dep != "iobj" || t.Head < 0 {
		return false
	}
	for _, c := range d.Children(t.Head) {
		if ct := d.Tokens[c]; c > k && ct.UPOS == "VERB" && (ct.Dep == "xcomp" || ct.Dep == "advcl") {
			for _, m := range d.Children(c) {
				if mt := d.Tokens[m]; mt.Dep == "mark" && (mt.XPOS == "TO" || mt.Lemma == "against" || mt.Lemma == "from") {
					return true
				}
			}
		}
	}
	return false
}

// ownerOfSameHead returns the entity that accept admits of the latest
// earlier use of the head noun at k in a mention or with a possessor or a
// demonym ("Niger's military junta", "the Malian junta" … "the junta":
// Niger, Mali), or -1.
// The repeated noun takes up that phrase, whatever was named in between.
func (st *state) ownerOfSameHead(k int, accept func(nlp.Entity) bool) int {
	d := st.d
	for j := k - 2; j >= 0; j-- {
		if d.Tokens[j].Lemma != d.Tokens[k].Lemma || d.Tokens[j].UPOS != d.Tokens[k].UPOS {
			continue
		}
		if mi := st.tokMention[j]; mi >= 0 {
			// The phrase is a mention of its own ("Niger's military junta"
			// of the state). An unnamed group ("separatist rebels of the
			// …") is no owner: recency decides.
			if e := st.find(d.Mentions[mi].Entity); accept(d.Entities[e]) && d.Entities[e].Type != string(schema.Group) {
				return e
			}
			continue
		}
		for _, c := range d.Children(j) {
			e := -1
			switch {
			case d.Tokens[c].Dep == "nmod:poss" && st.tokMention[c] >= 0:
				e = st.find(d.Mentions[st.tokMention[c]].Entity)
			case d.Tokens[c].Dep == "amod" && st.demonym[c] != "":
				e = st.countryEntity(st.demonym[c])
			}
			if e >= 0 && accept(d.Entities[e]) {
				return e
			}
		}
	}
	return -1
}

// descriptionStart returns the "the" that opens a description headed by
// the noun at k, over the adjectives and common nouns that modify it and
// name no entity ("the regional bloc", "the rebel group"), or -1.
func (st *state) descriptionStart(k int) int {
	d := st.d
	j := k - 1
	for ; j >= 0 && d.Tokens[j].Sentence == d.Tokens[k].Sentence && d.Tokens[j].Head == k && st.tokMention[j] < 0; j-- {
		mt := d.Tokens[j]
		if !(mt.Dep == "amod" && mt.UPOS == "ADJ" || mt.Dep == "compound" && mt.UPOS == "NOUN" && mt.Text == strings.ToLower(mt.Text)) {
			break
		}
	}
	if j >= 0 && strings.EqualFold(d.Tokens[j].Text, "the") && d.Tokens[j].Sentence == d.Tokens[k].Sentence {
		return j
	}
	return -1
}

// stateIn returns the state of the place named by "in" right after the
// noun at k ("the authorities in Lima", "the government in Kyiv"): the
// state itself, or the state of a place of it; -1 when there is none.
func (st *state) stateIn(k int) int {
	d := st.d
	if k+2 >= len(d.Tokens) || !strings.EqualFold(d.Tokens[k+1].Text, "in") || st.tokMention[k+2] < 0 {
		return -1
	}
	e := st.find(d.Mentions[st.tokMention[k+2]].Entity)
	switch ent := d.Entities[e]; {
	case ent.Type == string(schema.Country):
		return e
	case ent.Type == string(schema.Location) && ent.Country != "":
		return st.countryEntity(ent.Country)
	}
	return -1
}

// articleOwn returns the actor of the state the article is about that a
// definite description asking for want names ("the army": its military;
// "the government": the state), when the text has named that actor before
// token k, else e: with several in view, "the army" of a story filed from
// Bamako is Mali's, not the foreign force named last. Without an article
// state, recency (e) decides.
func (st *state) articleOwn(k, e int, want string) int {
	iso := st.articleState()
	if iso == "" {
		return e
	}
	key := "C:" + iso
	if want == "military" {
		key = "B:" + iso + ":military"
	}
	own, ok := st.byKey[key]
	if !ok {
		return e
	}
	own = st.find(own)
	for _, m := range st.d.Mentions {
		if m.Start < k && !m.Pronoun && st.find(m.Entity) == own {
			return own
		}
	}
	return e
}

// describes returns the test a definite description with head lemma puts on
// its antecedent.
func (st *state) describes(want, lemma string) func(nlp.Entity) bool {
	return func(e nlp.Entity) bool {
		switch want {
		case "Country", "Person", "Organization":
			return e.Type == want
		case "armed_group":
			return e.Type == string(schema.Organization) && (e.Kind == "armed_group" || strings.Contains(strings.ToLower(e.Name), lemma)) ||
				e.Type == string(schema.Group) && strings.Contains(strings.ToLower(e.Name), lemma)
		case "military":
			return e.Kind == "military"
		case "alliance":
			return e.Kind == "alliance" || strings.Contains(strings.ToLower(e.Name), "alliance")
		case "bloc":
			// "the bloc": an alliance or a union of states (EU, ECOWAS).
			return e.Kind == "alliance" || e.Kind == "igo" && !strings.Contains(strings.ToLower(e.Name), "nations")
		case "media":
			return e.Kind == "media"
		case "mission":
			// A peacekeeping force is a mission: "the United Nations
			// Interim Force in Lebanon (UNIFIL) … the mission". The full
			// name may be an alias of an acronym ("… Mission in Chad (AUMC)").
			if e.Type != string(schema.Organization) {
				return false
			}
			for _, name := range append([]string{e.Name}, e.Aliases...) {
				name = strings.ToLower(name)
				if strings.Contains(name, "mission") || e.Kind == "igo" && strings.Contains(name, " force") {
					return true
				}
			}
			return false
		}
		if e.Type != string(schema.Organization) {
			return false
		}
		// "the department" takes up the U.S. Treasury Department, whose
		// canonical name is "U.S. Ministry of Finance": any of its names.
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			if strings.Contains(strings.ToLower(name), want) {
				return true
			}
		}
		return false
	}
}

// modifiedBeyondArticle reports whether the noun at k has modifiers other
// than "the" ("the Ukrainian government" is not a bare description).
func (st *state) modifiedBeyondArticle(k int) bool {
	d := st.d
	for j := k + 1; j < len(d.Tokens) && d.Tokens[j].Sentence == d.Tokens[k].Sentence; j++ {
		if d.Tokens[j].Head == k && (d.Tokens[j].Dep == "nmod" || d.Tokens[j].Dep == "acl" || d.Tokens[j].Dep == "acl:relcl" || d.Tokens[j].Dep == "compound") {
			return true
		}
		if j > k+1 {
			break
		}
	}
	return false
}

// salientPerson returns the person mentioned most often before token k
// (the latest of equals), or -1.
func (st *state) salientPerson(k int) int {
	d := st.d
	count := map[int]int{}
	best := -1
	for _, m := range d.Mentions {
		if m.Start >= k {
			continue
		}
		e := st.find(m.Entity)
		if d.Entities[e].Type != string(schema.Person) {
			continue
		}
		count[e]++
		if best < 0 || count[e] >= count[best] {
			best = e
		}
	}
	return best
}

// isPluralName reports whether a name reads as plural ("Houthis", "Eritrean forces").
func isPluralName(name string) bool {
	w := strings.Fields(name)
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	return strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && strings.ToLower(last) == last ||
		strings.HasSuffix(last, "is") && len(w) == 1
}

// pluralNoun reports whether t is a plural common noun ("soldiers", not
// the "Forces" of a name).
func pluralNoun(t nlp.Token) bool {
	return t.XPOS == "NNS" && t.Text == strings.ToLower(t.Text)
}

// expletive reports whether "it" at k is a dummy subject ("it is evident that").
func (st *state) expletive(k int) bool {
	t := st.d.Tokens[k]
	if t.Dep == "expl" {
		return true
	}
	if !strings.EqualFold(t.Text, "it") || t.Head < 0 {
		return false
	}
	for _, c := range st.d.Children(t.Head) {
		switch st.d.Tokens[c].Dep {
		case "ccomp", "csubj", "xcomp":
			if st.d.Tokens[t.Head].UPOS == "ADJ" || st.d.Tokens[t.Head].Lemma == "be" {
				return true
			}
		case "obj":
			// "It brings the number of people killed to 30": the event
			// just reported, not an actor.
			if t.Dep == "nsubj" && st.r.words.tallyNouns.Has(st.d.Tokens[c].Lemma) {
				return true
			}
		}
	}
	return false
}

// antecedent returns the entity of the closest preceding mention that
// accept admits, preferring subjects; -1 when none is within window
// sentences.
func (st *state) antecedent(k int, accept func(nlp.Entity) bool, window int) int {
	d := st.d
	si := d.Tokens[k].Sentence
	// "it" agrees in number with the words of its antecedent, not only with
	// the entity: it does not take up "Chinese soldiers" (of the military).
	singular := st.r.words.singularPronouns.Has(strings.ToLower(d.Tokens[k].Text))
	relHead := st.relativeHead(k)
	best, bestScore := -1, -1
	// The mentions of the window's sentences, newest first.
	var cands []int
	for s := si; s >= 0 && si-s <= window; s-- {
		cands = append(cands, st.sentMentions[s]...)
	}
	slices.Sort(cands)
	slices.Reverse(cands)
	for _, mi := range cands {
		m := d.Mentions[mi]
		if m.Start >= k {
			continue
		}
		msi := d.Tokens[m.Start].Sentence
		if si-msi > window {
			continue
		}
		e := st.find(m.Entity)
		if !st.accepts(accept, e, m, singular) || singular && pluralNoun(d.Tokens[d.Head(m)]) || e == relHead || st.sponsorModifier(m) {
			continue
		}
		// Recency first, then a bonus for subjects of their clause.
		score := 100 - 10*(si-msi)
		if st.isSubject(m) {
			score += 5
		}
		if msi == si && st.isSubject(m) && st.sameClauseObject(k, m) {
			continue
		}
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	return best
}

// sponsorModifier reports whether mention m only modifies a noun as the
// sponsor in a hyphenated participle ("an al-Qaida-linked group",
// "Iran-backed rebels"): a modifier, not an actor a pronoun takes up.
func (st *state) sponsorModifier(m nlp.Mention) bool {
	return st.r.words.sponsorParticiples.Has(st.d.HyphenedWord(m.End - 1))
}

// accepts reports whether entity e, named by mention m, may be the
// antecedent: as accept says, or, for a singular pronoun, an organization
// with a plural name named here with a singular noun ("the Houthi movement
// said it": "it" takes up the movement, though its name is "Houthis").
func (st *state) accepts(accept func(nlp.Entity) bool, e int, m nlp.Mention, singular bool) bool {
	ent := st.d.Entities[e]
	if accept(ent) {
		return true
	}
	if !singular || ent.Type != string(schema.Organization) || !isPluralName(ent.Name) {
		return false
	}
	h := st.d.Head(m)
	if t := st.d.Tokens[h]; (t.Dep == "compound" || t.Dep == "flat") && t.Head >= 0 && t.Head < len(st.d.Tokens) {
		h = t.Head // "the Houthi movement": the mention may stop before its noun
	}
	return st.d.Tokens[h].XPOS == "NN"
}

// relativeHead returns the entity named by the noun that the relative
// clause of the pronoun at k modifies, -1 when there is none: the relative
// pronoun stands for it, so it is a co-argument of the pronoun, not its
// antecedent ("camps of the TTP, which it blamed for the bombing": "it" is
// not the TTP). A possessive may be ("a group which its leader founded").
func (st *state) relativeHead(k int) int {
	d := st.d
	t := d.Tokens[k]
	if t.Dep == "nmod:poss" || t.Head < 0 || d.Tokens[t.Head].Dep != "acl:relcl" {
		return -1
	}
	// The relative pronoun's antecedent is the name right before it
	// ("…, the TTP (…), which"); the parser may attach the clause inside it.
	for _, r := range d.Children(t.Head) {
		if d.Tokens[r].XPOS != "WDT" && d.Tokens[r].XPOS != "WP" {
			continue
		}
		j := r - 1
		for j >= 0 && d.Tokens[j].UPOS == "PUNCT" {
			j--
		}
		if j >= 0 && st.tokMention[j] >= 0 {
			return st.find(d.Mentions[st.tokMention[j]].Entity)
		}
	}
	return -1
}

// isSubject reports whether the mention's head token is a subject, or in
// apposition to one ("The Dockworkers Federation (DWF) called"), or a name
// before the subject noun it names ("the Hezbollah group said").
func (st *state) isSubject(m nlp.Mention) bool {
	d := st.d
	h := d.Head(m)
	if (d.Tokens[h].Dep == "appos" || d.Tokens[h].Dep == "compound") && d.Tokens[h].Head >= 0 {
		h = d.Tokens[h].Head // "the Hezbollah group said"
	}
	return strings.HasPrefix(d.Tokens[h].Dep, "nsubj")
}

// sameClauseObject reports whether pronoun k is an object of the clause
// whose subject is mention m (then they are not coreferent).
func (st *state) sameClauseObject(k int, m nlp.Mention) bool {
	d := st.d
	h := st.d.Head(m)
	t := d.Tokens[k]
	return t.Head >= 0 && t.Head == d.Tokens[h].Head && (t.Dep == "obj" || t.Dep == "iobj")
}

// addPronoun records a coreferent mention.
func (st *state) addPronoun(start, end, e int) {
	d := st.d
	mi := len(d.Mentions)
	d.Mentions = append(d.Mentions, nlp.Mention{Start: start, End: end, Type: d.Entities[e].Type, Entity: e, Pronoun: true})
	if st.sentMentions != nil {
		si := d.Tokens[start].Sentence
		st.sentMentions[si] = append(st.sentMentions[si], mi)
	}
	for k := start; k < end; k++ {
		st.tokMention[k] = mi
	}
}
