package relate

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/schema"
)

// eventNoun extracts the relation an event noun states: "Russia's invasion
// of Ukraine", "strikes on Salif", "the killing of X by Y", "clashes between
// X and Y", and with a light verb, "the coalition carried out an operation
// against Houthi targets".
func (w *walker) eventNoun(n int) {
	d := w.d
	t := d.Tokens[n]
	entries := w.nounEntries(n)
	if len(entries) == 0 || w.mediated(n) {
		return
	}
	if t.Dep == "obj" && t.Head >= 0 && w.x.words.endingVerbs.Has(d.Tokens[t.Head].Lemma) {
		return // "revoked its defense pact with Peru": no pact is made
	}
	light := -1
	if (t.Dep == "obj" || t.Dep == "nsubj:pass" || t.Dep == "obl" && w.caseOf(n) == "in") && t.Head >= 0 && w.isLight(d.Tokens[t.Head].Lemma) {
		light = t.Head // "launched an offensive", "joined … in the fight against"
	} else if t.Dep == "obl" && w.caseOf(n) == "for" && t.Head >= 0 && w.x.words.travelVerbs.Has(d.Tokens[t.Head].Lemma) {
		light = t.Head // "Blinken arrived in Israel for talks with Netanyahu"
	} else if h := t.Head; t.Dep == "conj" && h >= 0 && d.Tokens[h].Dep == "obj" && d.Tokens[h].Head >= 0 && w.isLight(d.Tokens[d.Tokens[h].Head].Lemma) {
		light = d.Tokens[h].Head // "ordered the arrest of X and the expulsion of Y"
	} else if t.Dep == "nmod" && t.Head >= 0 && d.Tokens[t.Head].Dep == "obj" {
		// "joined [federal forces in the fight]": the phrase the parser hung
		// on the object belongs to the verb.
		if v := d.Tokens[t.Head].Head; v >= 0 && w.isLight(d.Tokens[v].Lemma) {
			light = v
		}
	}
	var extra []int
	if light >= 0 {
		for _, c := range w.children(light, "obl") {
			if d.Tokens[c].Dep != "obl:tmod" {
				extra = append(extra, c)
			}
		}
	} else if v := w.occurrence(n); v >= 0 {
		// "Fighting erupted in Tripoli between X and Y": the phrases of
		// the verb that says the event happened are the event's, and the
		// place of what it did ("killed 30 people in Gaza").
		for _, c := range w.children(v, "obl") {
			if d.Tokens[c].Dep != "obl:tmod" {
				extra = append(extra, c)
			}
		}
		for _, o := range w.children(v, "obj") {
			for _, c := range w.children(o, "nmod") {
				if w.caseOf(c) == "in" {
					extra = append(extra, c)
				}
			}
		}
	} else if t.Dep == "obj" && t.Head >= 0 {
		// "repelled [an assault] by the RSF on El Fasher": phrases right
		// after the noun that the parser hung on its verb belong to it.
		for _, c := range w.children(t.Head, "obl") {
			if c > n && d.Tokens[c].Dep != "obl:tmod" {
				extra = append(extra, c)
				extra = append(extra, w.children(c, "nmod")...) // "[by the RSF [on El Fasher]]"
			}
		}
	}
	if t.Dep == "nmod" && t.Head >= 0 && w.isAct(n) {
		// "an investigation into [shootings] by Russian forces of six
		// soldiers": a by-phrase right after the act that the parser hung
		// on the noun before it names the act's agent.
		_, end := w.span(n)
		for _, c := range w.children(t.Head, "nmod") {
			if start, _ := w.span(c); start == end && w.caseOf(c) == "by" {
				extra = append(extra, c)
				extra = append(extra, w.children(c, "nmod")...) // "[by Russian forces [of six soldiers]]"
			}
		}
	}
	e, r, ok := w.choose(n, entries, false, extra)
	if !ok {
		return
	}
	if len(r.objects) == 0 && reactions[e.Relation] {
		// "expressed strong objections to the North's missile
		// aspirations": whose aspirations are objected to.
		for _, c := range append(w.children(n, "nmod"), extra...) {
			for _, p := range w.children(c, "nmod:poss") {
				r.objects = append(r.objects, w.argEntities(p)...)
			}
		}
	}
	if len(r.objects) == 0 && e.Relation == schema.RelMediates {
		r.objects = w.conflictParties(r.subjects) // "after mediation by Turkey"
	}
	if v := t.Head; len(r.objects) == 0 && len(r.subjects) > 0 && isForce(e.CAMEO) && t.Dep == "obl" && v >= 0 && w.x.words.responseVerbs.Has(d.Tokens[v].Lemma) {
		// "responded to attacks by the army", "retaliated for raids by
		// X": the attacks were on whoever answers them.
		resp, _, _ := w.subjectsOf(v, 0)
		r.objects = slices.DeleteFunc(resp, func(a int) bool { return w.ownSide(r.subjects, a) })
	}
	direct := r.subjDirect
	defer func() {
		if len(r.subjects) > 0 {
			w.events = append(w.events, event{sentence: t.Sentence, lemma: t.Lemma, code: e.CAMEO, agents: r.subjects, objects: r.objects, force: isForce(e.CAMEO)})
		}
	}()
	if v := w.occurrence(n); v >= 0 && w.x.words.effectVerbs.Has(d.Tokens[v].Lemma) &&
		(light < 0 && len(r.objects) == 0 || d.Tokens[v].Dep == "acl:relcl") {
		// What the act killed or hit is its target ("air strikes killed
		// three Peruvian soldiers"); a relative clause says so of the act
		// whatever else it hit ("launched a strike in Lima that killed a
		// rebel commander").
		for _, o := range w.children(v, "obj") {
			for _, e := range w.argEntities(o) {
				if !slices.Contains(r.objects, e) {
					r.objects = append(r.objects, e)
				}
			}
		}
	}
	if v := w.answered(n, e); light < 0 && v >= 0 {
		// "deployed troops at the request of Peru", "at Peru's
		// invitation": the one who asked appeals to whoever acted on it;
		// "launched a counteroffensive with support from Peru": the
		// supporter aids whoever acted with it.
		if len(r.subjects) == 0 {
			for _, c := range w.children(n, "nmod") {
				if cs := w.caseOf(c); cs == "of" || cs == "from" {
					r.subjects = append(r.subjects, w.argEntities(c)...)
				}
			}
		}
		if len(r.objects) == 0 {
			r.objects, _, _ = w.subjectsOf(v, 0)
		}
		direct = false
	}
	if len(r.subjects) == 0 && light < 0 && t.Dep == "obl" && t.Head >= 0 && w.x.words.intentAdjectives.Has(d.Tokens[t.Head].Lemma) {
		// "the group was ready for talks with Kinshasa": an intent to act
		// (036, to meet or negotiate; else 030), stated by the adjective's subject.
		light = t.Head
		r.subjects, _, _ = w.subjectsOf(light, 0)
		code := codeIntendToCooperate
		if strings.HasPrefix(e.CAMEO, rootConsult) {
			code = codeIntendToMeet
		}
		e.Relation, e.CAMEO, e.WeaponCAMEO = schema.RelPromises, code, ""
	}
	if len(r.subjects) == 0 && light < 0 && w.blamedFor(n) {
		// "Peru blamed Chile for the attack on Tacna", "accused Chile of
		// the killings": the one blamed carried the act out.
		for _, o := range w.children(t.Head, "obj") {
			if !strings.Contains(d.Tokens[o].Feats, "PronType=Rel") { // "which it blamed for": the parser's antecedent is unsure
				r.subjects = append(r.subjects, w.argEntities(o)...)
			}
		}
		direct = false
	}
	if len(r.subjects) == 0 && light < 0 && len(w.children(n, "cop")) > 0 {
		// "Turkey is in talks with Greece", "KFOR was in close contact
		// with both": the predicate noun's subject acts.
		r.subjects, _, direct = w.subjectsOf(n, 0)
	}
	if len(r.subjects) == 0 && light < 0 {
		r.subjects = w.partnersIn(n)
	}
	if len(r.subjects) == 0 && light >= 0 {
		r.subjects, _, _ = w.subjectsOf(light, 0)
		direct = false
		// "X joined Y in the fight against Z": Y fights Z too.
		if w.isJoining(d.Tokens[light].Lemma) {
			for _, o := range w.children(light, "obj") {
				r.subjects = append(r.subjects, w.argEntities(o)...)
			}
		}
	}
	if v := w.sufferer(n); v >= 0 && len(r.objects) == 0 && isForce(e.CAMEO) {
		// "Tacna has been under a blockade by the Andes Front", "troops
		// came under attack from", "faced attacks from": who suffers the
		// act is its target, and its "from" phrase its agent.
		r.objects, _, _ = w.subjectsOf(v, 0)
		if len(r.subjects) == 0 {
			for _, c := range w.children(n, "nmod") {
				if w.caseOf(c) == "from" {
					r.subjects = append(r.subjects, w.argEntities(c)...)
				}
			}
		}
	}
	if v := t.Head; len(r.objects) == 0 && isForce(e.CAMEO) && t.Dep == "obl" && w.caseOf(n) == "in" && v >= 0 && w.effect(v) {
		// "Three Bolivian soldiers were killed in a Chilean drone strike",
		// "were wounded in an attack by …": who the act killed or wounded
		// is its target.
		subj := "nsubj:pass"
		if d.Tokens[v].UPOS == "ADJ" {
			subj = "nsubj" // "were wounded" read as an adjective
		}
		for _, s := range w.children(v, subj) {
			r.objects = append(r.objects, w.argEntities(s)...)
		}
	}
	if v := t.Head; t.Dep == "obj" && v >= 0 && w.x.words.drawingVerbs.Has(d.Tokens[v].Lemma) && !isForce(e.CAMEO) && len(r.subjects) == 0 && len(r.objects) == 0 {
		// "Peru's strikes on Bolivia drew condemnation from Chile", "the
		// test prompted a warning from Seoul": the "from" phrase reacts to
		// whoever drew the reaction, the agents of the act that did.
		for _, c := range append(w.children(n, "nmod"), w.children(v, "obl")...) {
			if w.caseOf(c) == "from" {
				r.subjects = append(r.subjects, w.argEntities(c)...)
			}
		}
		for _, s := range w.children(v, "nsubj") {
			if d.Tokens[s].UPOS == "NOUN" && w.isAct(s) {
				r.objects = append(r.objects, w.actAgents(s)...)
			} else {
				r.objects = append(r.objects, w.argEntities(s)...)
			}
		}
		if len(r.subjects) > 0 && len(r.objects) > 0 {
			w.consumed[v] = true // the drawing is the reaction, no relation of its own
		}
		direct = false
	}
	if len(r.subjects) == 0 && len(r.objects) > 0 && w.definite(n) && w.isAct(n) {
		// "The strikes also killed …", "condemned the attack on Arica":
		// an act named again with a target, and no agent of its own, is
		// the latest act stated before with the same word, by someone
		// other than its target's side. Named again without a target
		// ("denounced the drills"), it states nothing new.
		same := func(ev event) bool { return strings.HasSuffix(ev.lemma, t.Lemma) }
		target := func(a int) bool {
			return slices.ContainsFunc(r.objects, func(o int) bool { return a == o || w.affiliated(a, o) })
		}
		r.subjects = w.latestAgents(same, target)
		direct = false
	}
	if partners := w.jointPartners(n, r.objects); len(partners) > 0 && isForce(e.CAMEO) {
		// "a joint raid with Peruvian forces": the partner shares the act
		// and cooperates militarily (062) with its agents; the partner's
		// own state, where the act takes place ("in southern Peru"), is
		// not its target. Unstated, the agent is who reports the joint
		// act, and its target who suffered it ("X announced that two
		// leaders were killed in a joint raid with Y").
		r.objects = slices.DeleteFunc(r.objects, func(o int) bool {
			return slices.ContainsFunc(partners, func(y int) bool { return w.affiliated(o, y) })
		})
		if len(r.subjects) == 0 {
			r.subjects = w.reporters(n)
			direct = false
		}
		if len(r.objects) == 0 {
			r.objects = w.sufferers(n)
		}
		joint := schema.LexEntry{Relation: schema.RelCooperatesMilitarily, CAMEO: codeCooperateMilitarily}
		for _, a := range r.subjects {
			for _, y := range partners {
				if w.isActor(a) && a != y {
					w.nounRelation(n, light, a, y, joint, roles{instrument: -1}, direct)
				}
			}
		}
		r.subjects = append(r.subjects, partners...)
	}
	between := w.hyphenPair(n)
	for _, c := range append(w.children(n, "nmod"), extra...) {
		if p := w.caseOf(c); p == "between" || p == "among" {
			between = append(between, w.argEntities(c)...)
			if len(between) < 2 || w.d.Tokens[c].UPOS == "ADJ" {
				between = w.namedAfter(c) // "between Ethiopian and Kenyan officials"
			}
		}
	}
	emitted := false
	if v := t.Head; t.Dep == "obj" && v >= 0 && len(between) >= 2 && w.x.words.hostVerbs.Has(d.Tokens[v].Lemma) {
		// "Oman hosted indirect talks between Tehran and Washington": the
		// host mediates between each party.
		hosts, _, _ := w.subjectsOf(v, 0)
		med := schema.LexEntry{Relation: schema.RelMediates, CAMEO: codeMediate}
		for _, h := range hosts {
			for _, b := range between {
				if w.isActor(h) && h != b && !slices.Contains(between, h) {
					w.nounRelation(n, v, h, b, med, roles{instrument: -1}, false)
				}
			}
		}
	}
	if e.Relation == schema.RelMediates {
		between = nil // "Egypt's mediation between Israel and Hamas": the parties mediate nothing
	}
	for i, a := range between {
		for j, b := range between {
			if i != j && a != b && w.isActor(a) && !w.affiliated(a, b) {
				w.nounRelation(n, light, a, b, e, r, direct)
				emitted = true
			}
		}
	}
	if emitted && len(r.subjects) == 0 {
		// "fighting between X and Y": each side acts on the other.
		w.events = append(w.events, event{sentence: t.Sentence, lemma: t.Lemma, code: e.CAMEO, agents: between, objects: between, force: isForce(e.CAMEO)})
	}
	for _, a := range r.subjects {
		if !w.isActor(a) {
			continue
		}
		for _, o := range w.objectsOf(a, r.subjects, r.objects, e) {
			w.nounRelation(n, light, a, o, e, r, direct)
			emitted = true
		}
	}
	if emitted && light >= 0 && (t.Dep == "obj" || t.Dep == "nsubj:pass") {
		w.consumed[light] = true
	}
}

// blamedFor reports whether event noun n is what a verb of accusing
// blames its object for: its "for" or "of" phrase ("blamed Chile for the
// attack", "accused Peru of the killings").
func (w *walker) blamedFor(n int) bool {
	t := w.d.Tokens[n]
	if t.Dep != "obl" || t.Head < 0 {
		return false
	}
	if cs := w.caseOf(n); cs != "for" && cs != "of" {
		return false
	}
	for _, e := range w.x.s.LookupVerb(w.d.Tokens[t.Head].Lemma, "") {
		if e.Relation == schema.RelAccuses {
			return true
		}
	}
	return false
}

// jointPartners returns the actors of the "with" phrase of event noun n
// when n is stated as joint ("a joint raid with Peruvian forces"), other than
// the objects its entry found there; nil otherwise.
func (w *walker) jointPartners(n int, objects []int) []int {
	joint := false
	for _, c := range w.children(n, "amod") {
		if strings.EqualFold(w.d.Tokens[c].Text, "joint") {
			joint = true
		}
	}
	if !joint {
		return nil
	}
	var out []int
	for _, c := range w.children(n, "nmod") {
		if w.caseOf(c) != "with" {
			continue
		}
		for _, y := range w.argEntities(c) {
			if w.isActor(y) && !slices.Contains(objects, y) {
				out = append(out, y)
			}
		}
	}
	return out
}

// reporters returns who reports the act event noun n names when its
// clause is reported speech with no agent of its own ("X announced that
// … were killed in a raid"): the subjects of the verb of saying.
func (w *walker) reporters(n int) []int {
	d := w.d
	v := d.Tokens[n].Head
	if d.Tokens[n].Dep != "obl" || v < 0 || len(w.agents(v)) > 0 || d.Tokens[v].Dep != "ccomp" {
		return nil
	}
	if s := d.Tokens[v].Head; s >= 0 && w.isSpeech(d.Tokens[s].Lemma) {
		subj, _, _ := w.subjectsOf(s, 0)
		return subj
	}
	return nil
}

// sufferers returns who suffered the act event noun n names when n's
// phrase hangs on a passive verb ("two leaders were killed in a raid"):
// the verb's passive subject.
func (w *walker) sufferers(n int) []int {
	t := w.d.Tokens[n]
	if t.Dep != "obl" || t.Head < 0 {
		return nil
	}
	var out []int
	for _, s := range w.children(t.Head, "nsubj:pass") {
		out = append(out, w.argEntities(s)...)
	}
	return out
}

// hyphenPair returns the two actors of a hyphenated pair right before
// event noun n, the sides of the event ("the Chile-Peru war", "Chile-Peru
// talks"); nil otherwise.
func (w *walker) hyphenPair(n int) []int {
	d := w.d
	c := n - 1
	if c < 2 || d.Tokens[c].Head != n || d.Tokens[c-1].Text != "-" || d.Tokens[c-2].SpaceAfter || d.Tokens[c-1].SpaceAfter {
		return nil
	}
	a, b := w.entity(c-2), w.entity(c)
	if a < 0 || b < 0 || a == b || !w.isActor(a) || !w.isActor(b) {
		return nil
	}
	return []int{a, b}
}

// namedAfter returns the actors named in the phrase "between X and Y"
// whose head is c, read from the words up to the end of the clause when
// the parse did not coordinate them ("between forces loyal to the GNU and
// the Radaa Deterrence Force").
func (w *walker) namedAfter(c int) []int {
	d := w.d
	b := -1
	for _, m := range w.children(c, "case") {
		if l := strings.ToLower(d.Tokens[m].Text); l == "between" || l == "among" {
			b = m
		}
	}
	if b < 0 {
		return nil
	}
	s := d.Sentences[d.Tokens[b].Sentence]
	var out []int
	for k := b + 1; k < s.End && k < b+20; k++ {
		t := d.Tokens[k]
		if t.Text == "," || t.Text == "." || t.Text == ";" || t.UPOS == "VERB" {
			break
		}
		e := w.entity(k)
		if c, ok := w.x.s.CountryByDemonym(t.Text); ok && e < 0 {
			// "between Ethiopian and Kenyan officials": each
			// nationality's state, when the article names it.
			e = w.countryEntity(c.ISO3)
		}
		if e >= 0 {
			e = w.officialsState(e) // the officials' state
		}
		if e >= 0 && w.isActor(e) && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// occurrence returns the verb that says event noun n happened or what it
// did (occurrence-verbs, effect-verbs): its head when n is the subject, or
// the participle the parser hung on n ("fighting erupted" read as a noun
// with a clause); -1 if none.
func (w *walker) occurrence(n int) int {
	t := w.d.Tokens[n]
	said := func(v int) bool {
		l := w.d.Tokens[v].Lemma
		return w.x.words.occurrenceVerbs.Has(l) || w.x.words.effectVerbs.Has(l)
	}
	if t.Dep == "nsubj" && t.Head >= 0 && said(t.Head) {
		return t.Head
	}
	for _, c := range w.children(n, "acl") {
		if said(c) {
			return c
		}
	}
	return -1
}

// effect reports whether predicate v is a verb of effect-verbs ("killed",
// "hit"), or its participle read as an adjective ("were wounded").
func (w *walker) effect(v int) bool {
	t := w.d.Tokens[v]
	if t.UPOS == "ADJ" {
		l := strings.ToLower(t.Text)
		return w.x.words.effectVerbs.Has(strings.TrimSuffix(l, "ed")) || w.x.words.effectVerbs.Has(strings.TrimSuffix(l, "d"))
	}
	return t.UPOS == "VERB" && w.x.words.effectVerbs.Has(t.Lemma)
}

// answered returns the verb whose act event noun n is the reason or the
// means of: an appeal "at" which it was done ("at the request of"), or
// support "with" which it was done ("with support from", "with the help
// of"), hung on the verb or on its object; -1 otherwise.
func (w *walker) answered(n int, e schema.LexEntry) int {
	d := w.d
	t := d.Tokens[n]
	switch c := w.caseOf(n); {
	case c == "at" && strings.HasPrefix(e.CAMEO, rootAppeal):
	case c == "with" && (e.Relation == schema.RelSupports || e.Relation == schema.RelAids):
	default:
		return -1
	}
	v := t.Head
	if t.Dep == "nmod" && v >= 0 && d.Tokens[v].Dep == "obj" {
		v = d.Tokens[v].Head
	} else if t.Dep != "obl" {
		return -1
	}
	if v < 0 || d.Tokens[v].UPOS != "VERB" {
		return -1
	}
	return v
}

// sufferer returns the predicate whose subject undergoes the act event
// noun n names: a verb of suffering whose object n is, the verb of an
// "under" phrase ("came under attack"), or n itself as the predicate of
// "be under" ("has been under a blockade"); -1 otherwise.
func (w *walker) sufferer(n int) int {
	t := w.d.Tokens[n]
	switch {
	case t.Dep == "obj" && t.Head >= 0 && w.x.words.sufferVerbs.Has(w.d.Tokens[t.Head].Lemma):
		return t.Head
	case w.caseOf(n) != "under":
		return -1
	case len(w.children(n, "cop")) > 0:
		return n
	case t.Dep == "obl" && t.Head >= 0:
		return t.Head
	}
	return -1
}

// definite reports whether noun n has the definite article ("the strikes").
func (w *walker) definite(n int) bool {
	for _, c := range w.children(n, "det") {
		if strings.EqualFold(w.d.Tokens[c].Text, "the") {
			return true
		}
	}
	return false
}

// mediated reports whether event noun n is what a third party brokered or
// mediated ("Russia brokered a ceasefire between the two sides"): the
// mediation is the stated act, not one between the parties.
func (w *walker) mediated(n int) bool {
	t := w.d.Tokens[n]
	if t.Dep != "obj" || t.Head < 0 {
		return false
	}
	for _, e := range w.verbEntries(t.Head) {
		if e.Relation == schema.RelMediates {
			return true
		}
	}
	return false
}

// isJoining reports whether a light verb makes its object a partner in the
// event it introduces ("join", "help" as cooperation verbs of the lexicon).
func (w *walker) isJoining(lemma string) bool {
	for _, e := range w.x.s.LookupVerb(lemma, "") {
		if e.Light && (e.Relation == schema.RelCooperatesMilitarily || e.Relation == schema.RelCooperatesWith) {
			return true
		}
	}
	return false
}

// nounRelation adds the relation of event noun n (with its light verb, or
// -1) between a and o.
func (w *walker) nounRelation(n, light, a, o int, e schema.LexEntry, r roles, direct bool) {
	d := w.d
	pred := strings.ToLower(d.Tokens[n].Lemma)
	at := n
	if light >= 0 {
		parts := []string{strings.ToLower(d.Tokens[light].Lemma)}
		for _, c := range w.children(light, "compound:prt") {
			parts = append(parts, strings.ToLower(d.Tokens[c].Text))
		}
		pred = strings.Join(append(parts, pred), " ")
		at = light
	}
	rel := w.base(at, direct)
	rel.Subject, rel.Object, rel.Predicate = a, o, pred
	rel.Relation, rel.CAMEO = e.Relation, w.code(e, r, o)
	if r.instrument >= 0 {
		rel.Instrument = w.phraseText(r.instrument)
	}
	rel.Confidence = w.confidence(rel, true, direct)
	w.add(rel)
}

// speech adds a speaker's own statement: "X said (that) Y …" gives X→Y, a
// statement about Y (the subjects and objects of the reported clause). A
// verb of saying with a code of its own keeps it ("X denied that Y …" is
// DENIES, 016); a plain one is a criticism (111) when the sentence carries
// a negative cue, else a comment (010).
func (w *walker) speech(p int, speakers []int, e schema.LexEntry) {
	d := w.d
	var about, ownActs []int  // ownActs: the objects of the speaker's own reported acts
	accused := map[int]bool{} // subjects of a reported act of force
	clauses := w.children(p, "ccomp", "parataxis")
	// "warned that X … and that Y …": coordinated complements, whether the
	// parser put the second under the first or, with its "that", under p.
	for _, c := range clauses {
		clauses = append(clauses, w.children(c, "conj")...)
	}
	// "said the deliveries showed that Washington wanted war": a
	// complement whose subject is no actor reports, in its own
	// complement, what an actor did.
	for _, c := range clauses {
		if subj, _, _ := w.subjectsOf(c, 0); len(subj) == 0 && !w.isSpeech(d.Tokens[c].Lemma) {
			// (A verb of saying there reports its own speaker's words.)
			clauses = append(clauses, w.children(c, "ccomp")...)
		}
	}
	for _, c := range w.children(p, "conj") {
		for _, m := range w.children(c, "mark") {
			if strings.EqualFold(d.Tokens[m].Text, "that") {
				clauses = append(clauses, c)
			}
		}
	}
	// "expressed hope that X …", "voiced concern that X …": the clause of the object noun.
	for _, o := range w.children(p, "obj") {
		clauses = append(clauses, w.children(o, "acl", "ccomp")...)
	}
	for _, c := range clauses {
		subj, _, _ := w.subjectsOf(c, 0)
		if len(subj) == 0 && len(w.children(c, "nsubj", "nsubj:pass")) == 0 {
			continue // not a reported clause ("Houthi-aligned" misparsed as one)
		}
		about = append(about, subj...)
		own := len(subj) > 0 && !slices.ContainsFunc(subj, func(s int) bool { return !w.ownSide(speakers, s) })
		if w.reportsForce(c) {
			for _, s := range subj {
				accused[s] = true
			}
		}
		for _, o := range w.children(c, "obj", "obl") {
			if cs := w.caseOf(o); cs == "from" || w.x.words.locativePreps.Has(cs) {
				continue // "rockets were launched from Lebanon": where, not whom
			}
			es := w.argEntities(o)
			if len(es) == 0 {
				// "signaled the North's ambition to attack": whose.
				for _, p := range w.children(o, "nmod:poss") {
					es = append(es, w.argEntities(p)...)
				}
			}
			if own {
				ownActs = append(ownActs, es...)
			} else {
				about = append(about, es...)
			}
		}
	}
	if e.Relation == schema.RelDenies {
		// "The RSF denied targeting civilians": a denial answers whoever
		// accused the denier.
		if acc := w.accusers(speakers); len(acc) > 0 {
			about, accused = acc, map[int]bool{}
		}
	}
	// rule names the branch that coded the statement (Relation.Rule); the
	// verb's own entry names none.
	code, rel, rule := codeStatement, schema.RelStates, "/statement"
	switch {
	case e.Relation != schema.RelStates && e.Relation != schema.RelInforms:
		code, rel, rule = e.CAMEO, e.Relation, ""
	case w.threatTone(p):
		code, rel, rule = codeThreaten, schema.RelWarns, "/threatTone"
	case w.negativeTone(p):
		code, rel, rule = codeCriticize, schema.RelCriticizes, "/negativeTone"
	}
	if rel != schema.RelStates {
		// "The army said it had neutralised 60 Fano fighters" is the act,
		// not also a plain statement about its target; a denial, warning or
		// charge in the same words is still one.
		about = append(about, ownActs...)
	}
	if len(about) == 0 {
		return
	}
	for _, sp := range speakers {
		if !w.isActor(sp) || w.typeOf(sp) == string(schema.Group) && w.d.Entities[sp].Country == "" && !strings.Contains(w.d.Entities[sp].Name, " ") {
			continue // "…, diplomats said": a source, not an actor
		}
		for _, a := range about {
			if !w.isActor(a) || a == sp || w.affiliated(sp, a) || w.typeOf(a) == string(schema.Group) ||
				w.typeOf(sp) == string(schema.Group) && w.typeOf(a) == string(schema.Country) && w.d.Entities[sp].Country == w.d.Entities[a].Country {
				// ("Ukrainian officials said Ukraine …": their own state.)
				continue
			}
			r := w.base(p, true)
			r.Subject, r.Object = sp, a
			r.Predicate = strings.ToLower(d.Tokens[p].Lemma)
			r.Relation, r.CAMEO, r.Rule = rel, code, rule
			if accused[a] && rel == schema.RelStates && !w.isMedia(sp) {
				// "X says Y has launched an offensive": X accuses Y (a news
				// outlet saying so reports it).
				r.Relation, r.CAMEO, r.Rule = schema.RelAccuses, codeAccuse, "/accusation"
			}
			r.Modality = Asserted
			r.Confidence = w.confidence(r, true, true)
			w.add(r)
		}
	}
}

// isMedia reports whether entity e is a news outlet: so classed by the
// gazetteer, or named like one ("National News Agency", "Al Masirah TV").
func (w *walker) isMedia(e int) bool {
	ent := w.d.Entities[e]
	if ent.Kind == "media" {
		return true
	}
	if ent.Type != string(schema.Organization) {
		return false
	}
	for _, a := range append([]string{ent.Name}, ent.Aliases...) {
		for _, f := range strings.Fields(a) {
			if w.x.words.mediaNames.Has(strings.ToLower(f)) {
				return true
			}
		}
	}
	return false
}

// accusers returns who accused, criticized or condemned one of targets (or
// their side) in the relations found so far, latest first; a spokesman's
// accusation counts as the body's or state's they speak for.
func (w *walker) accusers(targets []int) []int {
	var out []int
	for i := len(w.out) - 1; i >= 0; i-- {
		r := w.out[i]
		if !strings.HasPrefix(r.CAMEO, rootDisapprove) {
			continue
		}
		for _, t := range targets {
			if r.Object != t && !w.affiliated(r.Object, t) {
				continue
			}
			a := r.Subject
			for _, l := range w.d.Entities[a].Links {
				if l.Relation == schema.RelAffiliation {
					a = l.Entity
					break
				}
			}
			if !slices.Contains(out, a) && a != t {
				out = append(out, a)
			}
		}
	}
	return out
}

// reportsForce reports whether the reported clause headed by c states a
// use of force against someone (CAMEO 17-20: coercion, assault, fighting,
// mass violence) by its subject, through its verb or an event noun it
// governs ("have launched a coordinated offensive"). A show of force
// ("fired a missile into the sea", 15) is reported, not alleged.
func (w *walker) reportsForce(c int) bool {
	hostile := func(code string) bool { return schema.RootBetween(code, 17, 20) }
	if e, _, ok := w.choose(c, w.verbEntries(c), len(w.children(c, "nsubj:pass")) > 0, nil); ok && hostile(e.CAMEO) {
		return true
	}
	if !w.isLight(w.d.Tokens[c].Lemma) {
		return false // "Putin and Xi discussed the war": the war is a topic, not their act
	}
	for _, o := range w.children(c, "obj") {
		for _, e := range w.nounEntries(o) {
			if hostile(e.CAMEO) {
				return true
			}
		}
	}
	return false
}

// ownSide reports whether entity e is one of the speakers or on one
// side with one of them.
func (w *walker) ownSide(speakers []int, e int) bool {
	return slices.ContainsFunc(speakers, func(sp int) bool { return sp == e || w.affiliated(sp, e) })
}

// affiliated reports whether a and b are on one side: one works for or
// belongs to the other, directly or through an organization (a spokesman
// of a state's ministry speaks for that state), or both are parts of one
// state (the Pentagon and the U.S. Navy). A speaker's statement about
// their own side is not a relation between them.
func (w *walker) affiliated(a, b int) bool {
	return w.belongs(a, b) || w.belongs(b, a) || w.sameState(a, b)
}

// sameState reports whether a and b are both PART_OF one state.
func (w *walker) sameState(a, b int) bool {
	for _, la := range w.d.Entities[a].Links {
		if la.Relation != schema.RelPartOf || w.d.Entities[la.Entity].Type != string(schema.Country) {
			continue
		}
		for _, lb := range w.d.Entities[b].Links {
			if lb.Relation == schema.RelPartOf && lb.Entity == la.Entity {
				return true
			}
		}
	}
	return false
}

// belongs reports whether a is linked to b directly or in two steps.
func (w *walker) belongs(a, b int) bool {
	for _, l := range w.d.Entities[a].Links {
		if l.Entity == b {
			return true
		}
		for _, l2 := range w.d.Entities[l.Entity].Links {
			if l2.Entity == b {
				return true
			}
		}
	}
	return false
}

// negativeTone reports whether the sentence of token p carries a negative
// cue (negative-cues).
func (w *walker) negativeTone(p int) bool { return w.sentenceHas(p, w.x.words.negativeCues) }

// threatTone reports whether the sentence of token p carries a threat cue
// (threat-cues).
func (w *walker) threatTone(p int) bool { return w.sentenceHas(p, w.x.words.threatCues) }

// sentenceHas reports whether the sentence of token p contains one of cues.
// A cue matches from the start of a word ("escalat" in "escalation", not
// "as targets" in "Hamas targets").
func (w *walker) sentenceHas(p int, cues []string) bool {
	text := strings.ToLower(w.d.SentenceText(w.d.Tokens[p].Sentence))
	for _, c := range cues {
		for i := 0; ; {
			j := strings.Index(text[i:], c)
			if j < 0 {
				break
			}
			at := i + j
			if r, _ := utf8.DecodeLastRuneInString(text[:at]); at == 0 || !unicode.IsLetter(r) {
				return true
			}
			i = at + 1
		}
	}
	return false
}

// quoteStatements adds, for each attributed quote, the speaker's statement
// toward each actor the quote names.
func (w *walker) quoteStatements() {
	d := w.d
	for _, q := range d.Quotes {
		if q.Speaker < 0 {
			continue
		}
		seen := map[int]bool{}
		for k := q.Start; k < q.End; k++ {
			mi := w.mentionAt[k]
			if mi < 0 || d.Mentions[mi].Pronoun || !w.topical(w.d.Head(d.Mentions[mi])) {
				continue
			}
			e := d.Mentions[mi].Entity
			if seen[e] || e == q.Speaker || !w.isActor(e) || w.affiliated(q.Speaker, e) || w.typeOf(e) == string(schema.Group) {
				continue
			}
			seen[e] = true
			r := w.base(k, true)
			r.Modality = Asserted
			r.Subject, r.Object, r.Predicate = q.Speaker, e, "say"
			r.Relation, r.CAMEO = schema.RelStates, codeStatement
			if w.negativeTone(k) {
				r.Relation, r.CAMEO = schema.RelCriticizes, codeCriticize
			}
			r.Source = q.Speaker
			r.Confidence = w.confidence(r, true, false)
			w.add(r)
		}
	}
}

// topical reports whether token h is what its clause is about: a subject,
// or the possessor or modifier of a subject ("Washington's policy dominates").
func (w *walker) topical(h int) bool {
	for k, hops := h, 0; k >= 0 && hops < 4; k, hops = w.d.Tokens[k].Head, hops+1 {
		dep := w.d.Tokens[k].Dep
		if strings.HasPrefix(dep, "nsubj") {
			return true
		}
		switch dep {
		case "nmod:poss", "nmod", "compound", "amod", "flat", "appos":
			continue
		case "root", "ccomp", "parataxis":
			// The possessor of a quote's main noun: "North Korea's continued
			// provocations threaten peace" parsed without a subject.
			return hops > 0 && w.d.Tokens[k].UPOS == "NOUN"
		}
		return false
	}
	return false
}

// static adds the standing relations: the links resolution found
// (AFFILIATION, PART_OF) and the LOCATED_IN and MEMBER_OF phrases.
func (w *walker) static() {
	d := w.d
	for ei, e := range d.Entities {
		for _, l := range e.Links {
			r := Relation{Subject: ei, Object: l.Entity, Relation: l.Relation, Sentence: l.Sentence, Source: -1,
				Role: l.Role, Modality: Asserted, Confidence: 0.8, Rule: l.Rule}
			r.Predicate = strings.ToLower(strings.ReplaceAll(l.Relation, "_", " "))
			if l.Role != "" {
				r.Predicate = l.Role
			}
			w.add(r)
		}
	}
	for _, m := range d.Mentions {
		if m.Pronoun {
			continue
		}
		h := w.d.Head(m)
		switch w.typeOf(m.Entity) {
		case string(schema.Location):
			w.locatedIn(m.Entity, h)
		case string(schema.Organization):
			w.basedIn(m.Entity, h)
			w.partOf(m.Entity, h)
		case string(schema.Group):
			w.partOf(m.Entity, h)
		}
		w.memberOf(m.Entity, h)
	}
	w.quoteStatements()
	w.hyphenAgents()
	w.locatedPatterns()
	w.placeRegionPairs()
}

// isPlace reports whether entity e is a place or a state.
func (w *walker) isPlace(e int) bool {
	t := w.typeOf(e)
	return t == string(schema.Location) || t == string(schema.Country)
}

// locatedIn adds LOCATED_IN for "X in Y", "the X area of Y", "Y's X",
// "X, the capital of Y" and "the country's district, X".
func (w *walker) locatedIn(e, h int) {
	d := w.d
	emit := func(container int, why int) {
		if container >= 0 && container != e && w.isPlace(container) {
			w.add(Relation{Subject: e, Object: container, Relation: schema.RelLocatedIn, Predicate: "located in",
				Sentence: d.Tokens[why].Sentence, Source: -1, Modality: Asserted, Confidence: 0.7})
		}
	}
	heads := []int{h}
	// "the country's port district, Salif": the phrase Salif is in apposition to.
	if t := d.Tokens[h]; t.Dep == "appos" && t.Head >= 0 {
		heads = append(heads, t.Head)
	}
	// "the Ukrainian city of Kharkiv", "the Burkina town of Djibo": the
	// state named on the place noun.
	if t := d.Tokens[h]; t.Dep == "nmod" && t.Head >= 0 && w.caseOf(h) == "of" && w.x.words.places.Has(d.Tokens[t.Head].Lemma) {
		for _, c := range w.children(t.Head, "amod", "compound") {
			if ce := w.entity(c); ce >= 0 && w.typeOf(ce) == string(schema.Country) {
				emit(ce, c) // not "the Adyabo area of Tigray": that one is in Tigray
			}
		}
	}
	// "Tarvek city, the capital of Osmar province".
	heads = append(heads, w.children(h, "appos")...)
	for _, x := range heads {
		for _, c := range w.children(x, "nmod", "nmod:poss") {
			prep := w.caseOf(c)
			if d.Tokens[c].Dep == "nmod:poss" || prep == "in" || prep == "of" {
				for _, ce := range w.argEntities(c) {
					emit(ce, c)
				}
			}
		}
	}
}

// basedIn adds LOCATED_IN for "an institution based in Belgium".
func (w *walker) basedIn(e, h int) {
	d := w.d
	for _, a := range w.children(h, "acl", "appos") {
		target := a
		if d.Tokens[a].Dep == "appos" {
			for _, c := range w.children(a, "acl") {
				target = c
			}
		}
		if w.x.words.seatVerbs.Has(d.Tokens[target].Lemma) {
			for _, o := range w.children(target, "obl") {
				if w.caseOf(o) == "in" {
					for _, pe := range w.argEntities(o) {
						if w.isPlace(pe) {
							w.add(Relation{Subject: e, Object: pe, Relation: schema.RelLocatedIn, Predicate: "based in",
								Sentence: d.Tokens[a].Sentence, Source: -1, Modality: Asserted, Confidence: 0.7})
						}
					}
				}
			}
		}
	}
}

// partOf adds PART_OF for an organization said to be part of another ("X
// is part of Y", "X, which is part of Y", "X, part of Y,") or described as
// its affiliate, branch or wing ("X, Y's affiliate in the Sahel", "X, the
// armed wing of Y"), or serving with or in it ("Kenyan police serving with
// the Gang Suppression Force"). A negated statement ("is not part of")
// says nothing.
func (w *walker) partOf(e, h int) {
	d := w.d
	// The phrases in apposition to the name, the clauses that modify it and
	// the predicate it is the subject of, whichever of its words the parser
	// made their head ("Kenyan police serving with …").
	start, end := h, h+1
	if mi := w.mentionAt[h]; mi >= 0 {
		start, end = d.Mentions[mi].Start, d.Mentions[mi].End
	}
	var cands []int
	for k := start; k < end; k++ {
		for _, c := range w.children(k, "appos", "acl") {
			// A clause with a subject of its own describes that subject.
			if (c < start || c >= end) && (d.Tokens[c].Dep != "acl" || len(w.children(c, "nsubj")) == 0) {
				cands = append(cands, c)
			}
		}
		if hd := d.Tokens[k].Head; d.Tokens[k].Dep == "nsubj" && (hd >= 0 && hd < start || hd >= end) {
			cands = append(cands, d.Tokens[k].Head)
		}
	}
	var parents []int
	for _, c := range cands {
		lemma := d.Tokens[c].Lemma
		if lemma != "part" && lemma != "serve" && !w.x.words.affiliateNouns.Has(lemma) || w.negated(c) {
			continue
		}
		var owners []int
		if lemma == "serve" {
			for _, o := range w.children(c, "obl") {
				if p := w.caseOf(o); p == "with" || p == "in" {
					owners = append(owners, o)
				}
			}
		}
		for _, m := range w.children(c, "nmod") {
			if w.caseOf(m) == "of" {
				owners = append(append(owners, m), w.children(m, "appos")...)
			}
		}
		if lemma != "part" {
			owners = append(owners, w.children(c, "nmod:poss")...)
		}
		for _, o := range owners {
			parents = append(parents, w.argEntities(o)...)
		}
	}
	parents = append(parents, w.affiliateAfterComma(e, h))
	for _, p := range parents {
		if p >= 0 && p != e && w.typeOf(p) == string(schema.Organization) {
			w.add(Relation{Subject: e, Object: p, Relation: schema.RelPartOf, Predicate: "part of",
				Sentence: d.Tokens[h].Sentence, Source: -1, Modality: Asserted, Confidence: 0.7})
		}
	}
}

// affiliateAfterComma returns the organization Y of "X (ACR), [the] Y's
// [modifiers] affiliate" after the mention of organization e headed by h,
// read by word order where the parse fails, or -1.
func (w *walker) affiliateAfterComma(e, h int) int {
	d := w.d
	mi := w.mentionAt[h]
	if mi < 0 {
		return -1
	}
	si := d.Tokens[h].Sentence
	in := func(j int) bool { return j < len(d.Tokens) && d.Tokens[j].Sentence == si }
	k := d.Mentions[mi].End
	if in(k+2) && d.Tokens[k].Text == "(" && d.Tokens[k+2].Text == ")" {
		k += 3 // "(JNIM)"
	}
	if !in(k+1) || d.Tokens[k].Text != "," {
		return -1
	}
	k++
	if d.Tokens[k].UPOS == "DET" {
		k++
	}
	owner := w.entity(k)
	if owner < 0 || owner == e {
		return -1
	}
	for in(k) && w.entity(k) == owner {
		k++
	}
	if !in(k) || d.Tokens[k].XPOS != "POS" {
		return -1
	}
	for j := k + 1; j < k+4 && in(j); j++ {
		if w.x.words.affiliateNouns.Has(d.Tokens[j].Lemma) {
			return owner
		}
		if d.Tokens[j].UPOS != "ADJ" && d.Tokens[j].UPOS != "NOUN" {
			break
		}
	}
	return -1
}

// memberOf adds MEMBER_OF for "X and other NATO members", "X, a member of
// the alliance", "X is a member of NATO", "X and Y, Z's partners in the
// alliance" (Z a member too).
func (w *walker) memberOf(e, h int) {
	d := w.d
	var cands []int
	conj := w.children(h, "conj")
	cands = append(cands, conj...)
	cands = append(cands, w.children(h, "appos")...)
	// "Hungary, a NATO member," whatever the parse: the phrase after the
	// comma, which may follow the last of a list ("Mali and Niger, …").
	last := h
	if len(conj) > 0 {
		last = conj[len(conj)-1]
	}
	if m := w.mentionAt[last]; m >= 0 {
		end := d.Mentions[m].End
		for k := end + 1; k < len(d.Tokens) && k <= end+4 && d.Tokens[k].Sentence == d.Tokens[h].Sentence && d.Tokens[end].Text == ","; k++ {
			if w.x.words.members.Has(d.Tokens[k].Lemma) {
				cands = append(cands, k)
				break
			}
		}
	}
	if d.Tokens[h].Dep == "nsubj" && d.Tokens[h].Head >= 0 {
		cands = append(cands, d.Tokens[h].Head)
	}
	// "Lithuania, which is a member of NATO", "the Philippines, which
	// chairs ASEAN": a relative clause about X.
	for _, c := range w.children(h, "acl:relcl") {
		for _, s := range w.children(c, "nsubj") {
			if strings.Contains(d.Tokens[s].Feats, "PronType=Rel") {
				cands = append(cands, c)
			}
		}
	}
	for _, c := range cands {
		chairs := d.Tokens[c].Lemma == "chair" && d.Tokens[c].UPOS == "VERB"
		if !w.x.words.members.Has(d.Tokens[c].Lemma) && !chairs {
			continue
		}
		var mods []int
		for _, m := range w.children(c, "compound", "nmod", "obl", "obj") {
			// A partner is a member only "in" the organization ("partners in
			// the alliance", not "a partner of the EU"); an oblique is the
			// organization only as "of which" ("the AU, of which Chad is a
			// member"); a chair chairs its object.
			switch dep := d.Tokens[m].Dep; {
			case dep == "obj" && !chairs, dep == "obl" && (w.caseOf(m) != "of" || !strings.Contains(d.Tokens[m].Feats, "PronType=Rel")):
				continue
			}
			if d.Tokens[c].Lemma != "partner" || w.caseOf(m) == "in" {
				// "the Alliance of Sahel States (AES)": the acronym names it
				// where the long name is no mention.
				mods = append(append(mods, m), w.children(m, "appos")...)
			}
		}
		if chairs && c+1 < len(d.Tokens) && w.entity(c+1) >= 0 {
			mods = append(mods, c+1) // "chairs ASEAN this year" parsed apart
		}
		for k := c - 1; d.Tokens[c].Lemma != "partner" && k >= 0 && k >= c-3 && d.Tokens[k].Sentence == d.Tokens[c].Sentence; k-- {
			if w.entity(k) >= 0 {
				mods = append(mods, k) // "a NATO member" parsed without the compound
				break
			}
		}
		members := []int{e}
		// "Burkina Faso's partners in the alliance": the state whose fellow
		// members they are belongs too.
		for _, p := range w.children(c, "nmod:poss") {
			for _, pe := range w.argEntities(p) {
				if w.typeOf(pe) == string(schema.Country) {
					members = append(members, pe)
				}
			}
		}
		for _, m := range mods {
			for _, org := range w.argEntities(m) {
				if w.typeOf(org) != string(schema.Organization) {
					continue
				}
				for _, x := range members {
					if org != x && d.Entities[x].Kind != "military" && d.Entities[x].Kind != "body" {
						w.add(Relation{Subject: x, Object: org, Relation: schema.RelMemberOf, Predicate: "member of",
							Sentence: d.Tokens[c].Sentence, Source: -1, Modality: Asserted, Confidence: 0.7})
					}
				}
			}
		}
	}
}

// confidence scores a relation in [0,1] from its evidence: 0.55 for a
// lexicon-typed predicate (0.3 for an open RELATED_TO one), +0.2 when the
// subject is the predicate's own grammatical subject (not inherited through
// control, coordination or a light verb), −0.15 for each end that was
// resolved from a pronoun or description, −0.1 when not asserted as fact.
func (w *walker) confidence(r Relation, typed, direct bool) float64 {
	c := 0.55
	if !typed || r.Relation == schema.RelRelatedTo {
		c = 0.3
	}
	if direct {
		c += 0.2
	}
	if w.pronounOnly(r.Subject, r.Sentence) {
		c -= 0.15
	}
	if w.pronounOnly(r.Object, r.Sentence) {
		c -= 0.15
	}
	if r.Modality != Asserted && r.Modality != "" {
		c -= 0.1
	}
	return max(0.05, min(0.95, c))
}

// pronounOnly reports whether entity e is named in sentence si only through
// coreference.
func (w *walker) pronounOnly(e, si int) bool {
	s := w.d.Sentences[si]
	found := false
	for k := s.Start; k < s.End; k++ {
		if mi := w.mentionAt[k]; mi >= 0 && w.d.Mentions[mi].Entity == e {
			if !w.d.Mentions[mi].Pronoun {
				return false
			}
			found = true
		}
	}
	return found
}

// saidMore reports whether r is a plain statement (STATES, 010) of its
// subject about its object in a sentence where the same side states a
// coded act toward that object: "'We urge Rwanda to cease…,' Patel said"
// is the appeal, not also a comment.
func (w *walker) saidMore(r Relation) bool {
	if r.Relation != schema.RelStates {
		return false
	}
	for _, o := range w.out {
		if o.Sentence == r.Sentence && o.Object == r.Object && o.CAMEO != "" && o.Relation != schema.RelStates &&
			(o.Subject == r.Subject || w.affiliated(o.Subject, r.Subject)) {
			return true
		}
	}
	return false
}

// dedupe keeps one relation per sentence and (subject, object, relation,
// code, polarity, predicate), the most confident, in a stable order.
func (w *walker) dedupe() []Relation {
	type key struct {
		s, o, sent     int
		rel, code, pre string
		neg            bool
	}
	best := map[key]int{}
	var out []Relation
	for _, r := range w.out {
		if w.saidMore(r) {
			continue
		}
		k := key{r.Subject, r.Object, r.Sentence, r.Relation, r.CAMEO, r.Predicate, r.Negated}
		if i, ok := best[k]; ok {
			if r.Confidence > out[i].Confidence {
				out[i] = r
			}
			continue
		}
		best[k] = len(out)
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Sentence < out[j].Sentence })
	return out
}

// backing recodes support of an armed group ("the Iran-backed Houthis",
// "accused Rwanda of supporting the M23") as military aid (AIDS, 072):
// backing an armed group is arms and money, not words. Other relations
// keep rel and code.
func (w *walker) backing(rel, code string, obj int) (string, string) {
	if rel == schema.RelSupports && w.d.Entities[obj].Kind == "armed_group" {
		return schema.RelAids, codeMilitaryAid
	}
	return rel, code
}

// hyphenAgents adds the relations of hyphenated participles: "the
// Iran-backed Houthi rebels" (Iran → Houthis AIDS, 072: backing an armed
// group is military aid), "Russian-trained forces". The participle's lexicon entry types the relation; the actor
// before the hyphen is the subject and the phrase it modifies the object.
func (w *walker) hyphenAgents() {
	d := w.d
	for k := 2; k < len(d.Tokens); k++ {
		t := d.Tokens[k]
		if t.UPOS != "VERB" || !strings.HasSuffix(strings.ToLower(t.Text), "ed") || d.Tokens[k-1].Text != "-" || d.Tokens[k-1].Sentence != t.Sentence {
			continue
		}
		agent := w.entity(k - 2)
		if agent < 0 || !w.isActor(agent) {
			continue
		}
		entries := w.x.s.LookupVerb(t.Lemma, "")
		if len(entries) == 0 {
			continue
		}
		// The modified phrase: the participle's head, else the next mention.
		obj := -1
		if t.Head >= 0 {
			obj = w.entityOfPhrase(t.Head, 0)
		}
		for j := k + 1; (obj < 0 || !w.isActor(obj)) && j < len(d.Tokens) && j <= k+3 && d.Tokens[j].Sentence == t.Sentence; j++ {
			obj = w.entity(j)
		}
		if obj < 0 || obj == agent {
			continue
		}
		e := entries[0]
		r := w.base(k, true)
		r.Subject, r.Object, r.Predicate = agent, obj, strings.ToLower(t.Lemma)
		r.Relation, r.CAMEO = w.backing(e.Relation, e.CAMEO, obj)
		r.Confidence = w.confidence(r, true, true) - 0.1
		w.add(r)
	}
}

// locatedPatterns adds LOCATED_IN stated by word order alone, which holds
// where the parse may not: "PLACE[,] in [the] [northern] PLACE", "the PLACE
// area of PLACE", "PLACE's PLACE", "PLACE, the capital of PLACE".
func (w *walker) locatedPatterns() {
	d := w.d
	for _, m := range d.Mentions {
		if m.Pronoun || w.typeOf(m.Entity) != string(schema.Location) {
			continue
		}
		si := d.Tokens[m.Start].Sentence
		in := func(j int) bool { return j < len(d.Tokens) && d.Tokens[j].Sentence == si }
		k := m.End
		// "Tarvek city, the capital of Osmar province".
		settlement := false
		for in(k) && d.Tokens[k].UPOS == "NOUN" && w.x.words.places.Has(d.Tokens[k].Lemma) {
			settlement = schema.IsSettlementNoun(d.Tokens[k].Lemma)
			k++
		}
		// "the Galilee town of Safed": the settlement named after "of" is in
		// the place before the noun, not the other way round.
		settlementOf := settlement && in(k+1) && strings.EqualFold(d.Tokens[k].Text, "of")
		if c := w.entity(k + 1); settlementOf && c >= 0 && w.typeOf(c) == string(schema.Location) && c != m.Entity {
			w.add(Relation{Subject: c, Object: m.Entity, Relation: schema.RelLocatedIn, Predicate: "located in",
				Sentence: si, Source: -1, Modality: Asserted, Confidence: 0.65})
		}
		// "El Fasher, the last city in …": adjectives before the place noun.
		a := k + 2
		for in(a) && d.Tokens[a].UPOS == "ADJ" && !isCap(d.Tokens[a].Text) {
			a++
		}
		if in(a+1) && d.Tokens[k].Text == "," && strings.EqualFold(d.Tokens[k+1].Text, "the") && (d.Tokens[a].Lemma == "capital" || w.x.words.places.Has(d.Tokens[a].Lemma)) {
			k = a + 1
		} else if in(k) && w.x.words.places.Has(strings.ToLower(d.Tokens[k].Text)) {
			k++
		}
		// "near Tinzaouaten, in the northern Kidal region": a comma may come first.
		if in(k+2) && d.Tokens[k].Text == "," && strings.EqualFold(d.Tokens[k+1].Text, "in") {
			k++
		}
		if !settlementOf && in(k+1) && (strings.EqualFold(d.Tokens[k].Text, "in") || strings.EqualFold(d.Tokens[k].Text, "of")) {
			j := k + 1
			skip := func() {
				for in(j) && (d.Tokens[j].UPOS == "DET" || d.Tokens[j].UPOS == "ADJ" && !isCap(d.Tokens[j].Text) || w.x.words.placeParts.Has(strings.ToLower(d.Tokens[j].Text))) {
					j++
				}
			}
			skip()
			// "in the country's northern Pyongan province": past the possessor.
			end := j + 1
			if in(j) && w.mentionAt[j] >= 0 {
				end = d.Mentions[w.mentionAt[j]].End
			}
			if in(end) && (d.Tokens[end].Text == "'s" || d.Tokens[end].Text == "’s") {
				j = end + 1
				skip()
			}
			if c := w.entity(j); c >= 0 && w.isPlace(c) && c != m.Entity {
				w.add(Relation{Subject: m.Entity, Object: c, Relation: schema.RelLocatedIn, Predicate: "located in",
					Sentence: si, Source: -1, Modality: Asserted, Confidence: 0.65})
			}
		}
		// "the Black Sea's Kerch Strait", "the country's northern Pyongan province".
		j := m.Start - 1
		for j > 0 && in(j) && (d.Tokens[j].UPOS == "ADJ" && !isCap(d.Tokens[j].Text) || w.x.words.placeParts.Has(strings.ToLower(d.Tokens[j].Text)) || d.Tokens[j].UPOS == "NOUN" && w.x.words.places.Has(d.Tokens[j].Lemma)) {
			j--
		}
		if j > 0 && in(j) && (d.Tokens[j].Text == "'s" || d.Tokens[j].Text == "’s") {
			if j > 1 && w.entity(j-1) < 0 && w.x.words.places.Has(d.Tokens[j-1].Lemma) {
				j-- // "Helmand province's Lashkar Gah"
			}
			if c := w.entity(j - 1); c >= 0 && w.isPlace(c) && c != m.Entity {
				w.add(Relation{Subject: m.Entity, Object: c, Relation: schema.RelLocatedIn, Predicate: "located in",
					Sentence: si, Source: -1, Modality: Asserted, Confidence: 0.65})
			}
		}
	}
}

// placeRegionPairs adds LOCATED_IN for a place followed by a comma and the
// region or state it lies in: "offices in Goma, North Kivu, and Bukavu,
// South Kivu", "a market in Kharkiv, Ukraine". The first place is no
// region or province the gazetteer knows, the second is a state or one; a
// list of places is no pair ("Kunduz, Helmand and Zabul", "Kunduz,
// Helmand, Zabul"), unless it is a list of pairs, and a state followed by
// its verb is a speaker ("shelled Kherson, Ukraine said").
func (w *walker) placeRegionPairs() {
	d := w.d
	isPlaceAt := func(k int) bool { return k >= 0 && w.entity(k) >= 0 && w.isPlace(w.entity(k)) }
	mentionEnd := func(k int) int { return d.Mentions[w.mentionAt[k]].End }
	for _, m := range d.Mentions {
		if m.Pronoun || w.typeOf(m.Entity) != string(schema.Location) || w.placeClass(m.Entity) == "region" || w.placeClass(m.Entity) == "province" {
			continue
		}
		si := d.Tokens[m.Start].Sentence
		in := func(j int) bool { return j < len(d.Tokens) && d.Tokens[j].Sentence == si }
		if m.Start >= 2 && d.Tokens[m.Start-1].Text == "," && isPlaceAt(m.Start-2) {
			continue // an item of a list
		}
		k := m.End
		if !in(k+1) || d.Tokens[k].Text != "," || w.mentionAt[k+1] < 0 || d.Mentions[w.mentionAt[k+1]].Start != k+1 {
			continue
		}
		region := w.entity(k + 1)
		if region == m.Entity || w.typeOf(region) != string(schema.Country) && w.placeClass(region) != "region" && w.placeClass(region) != "province" {
			continue
		}
		if j := mentionEnd(k + 1); in(j) {
			next := d.Tokens[j]
			switch {
			case next.UPOS == "VERB" || next.UPOS == "AUX" || next.UPOS == "CCONJ":
				continue
			case next.Text == "," && in(j+1) && isPlaceAt(j+1):
				continue
			case next.Text == "," && in(j+2) && d.Tokens[j+1].UPOS == "CCONJ":
				// "…, and Bukavu, South Kivu": only another pair may follow.
				if !isPlaceAt(j+2) || !in(mentionEnd(j+2)+1) || d.Tokens[mentionEnd(j+2)].Text != "," || !isPlaceAt(mentionEnd(j+2)+1) {
					continue
				}
			}
		}
		w.add(Relation{Subject: m.Entity, Object: region, Relation: schema.RelLocatedIn, Predicate: "located in",
			Sentence: si, Source: -1, Modality: Asserted, Confidence: 0.65})
	}
}

// placeClass returns the gazetteer's class of place e (region, province,
// city, water, facility), or "" when the gazetteer does not know it.
func (w *walker) placeClass(e int) string {
	p, ok := w.x.s.Place(w.d.Entities[e].Name)
	if !ok {
		return ""
	}
	return p.Class
}

func isCap(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
