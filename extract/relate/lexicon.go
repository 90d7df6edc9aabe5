package relate

import (
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/timex"

	"github.com/kg-project/kg/schema"
)

// roles are the arguments of one predicate under one lexicon entry.
type roles struct {
	subjects, objects []int // entities
	instrument        int   // token heading the instrument phrase, -1
	subjDirect        bool  // the subject is the predicate's own argument (not inherited)
}

// verbEntries returns the lexicon entries of verb p, trying its particle,
// then the prepositions of its obliques, then "to VERB" of its xcomp, then
// the bare verb, as the lexicon prescribes.
func (w *walker) verbEntries(p int) []schema.LexEntry {
	d := w.d
	lemma := d.Tokens[p].Lemma
	var tries []string
	for _, c := range w.verbObjects(p) {
		// Idioms fixed by their object: "traded fire", "opened fire",
		// "closed the crossing points" (a compound and its noun first).
		head := strings.ToLower(d.Tokens[c].Lemma)
		for _, m := range w.children(c, "compound") {
			tries = append(tries, "obj "+strings.ToLower(d.Tokens[m].Text)+" "+head)
		}
		tries = append(tries, "obj "+head)
	}
	for _, c := range w.children(p, "compound:prt") {
		tries = append(tries, strings.ToLower(d.Tokens[c].Text))
	}
	for _, c := range w.children(p, "advmod") {
		// A particle the parser took for an adverb ("sat down with").
		if c == p+1 {
			tries = append(tries, strings.ToLower(d.Tokens[c].Text))
		}
	}
	for _, c := range w.children(p, "obl") {
		// A time phrase ("called Netanyahu on Tuesday", "met in
		// March") is no preposition of the verb's sense: "call on" is
		// an appeal, a call on Tuesday is not.
		if prep := w.caseOf(c); prep != "" && !timex.IsTimeWord(d.Tokens[c].Text) && !w.hasTimeWord(c) {
			tries = append(tries, prep)
		}
	}
	for _, c := range w.children(p, "xcomp") {
		tries = append(tries, "to "+strings.ToLower(d.Tokens[c].Lemma))
	}
	tries = append(tries, "")
	for _, t := range tries {
		if es := w.x.s.LookupVerb(lemma, t); len(es) > 0 {
			return es
		}
	}
	return nil
}

// nounEntries returns the lexicon entries of event noun n: its hyphenated
// modifier with it first ("no-fly zone"), then its compound or adjective
// modifier ("air strike"), then the noun alone.
func (w *walker) nounEntries(n int) []schema.LexEntry {
	d := w.d
	if n >= 3 && d.Tokens[n-2].Text == "-" && !d.Tokens[n-3].SpaceAfter && !d.Tokens[n-2].SpaceAfter && d.Tokens[n-3].Sentence == d.Tokens[n].Sentence {
		mod := strings.ToLower(d.Tokens[n-3].Text + "-" + d.Tokens[n-1].Text)
		if es := w.x.s.LookupNoun(mod + " " + d.Tokens[n].Lemma); len(es) > 0 {
			return es
		}
	}
	for _, c := range w.children(n, "compound", "amod") {
		if c == n-1 {
			if es := w.x.s.LookupNoun(strings.ToLower(d.Tokens[c].Lemma) + " " + d.Tokens[n].Lemma); len(es) > 0 {
				return es
			}
		}
	}
	if es := w.x.s.LookupNoun(d.Tokens[n].Lemma); len(es) > 0 {
		return es
	}
	// A gerund noun lemmatized as its verb ("firing" → "fire").
	return w.x.s.LookupNoun(strings.ToLower(d.Tokens[n].Text))
}

// isSpeech reports whether any entry of verb lemma is a verb of saying
// (the lexicon's speech flag, which resolve's quote rule reads too).
func (w *walker) isSpeech(lemma string) bool { return w.x.s.SpeechVerb(lemma) }

// isVerbalAct reports whether every lexicon entry of verb p codes an act
// of words: an event of CAMEO's verbal quad classes (1 verbal cooperation,
// 3 verbal conflict: statements, appeals, consultations, demands,
// accusations, rejections, threats, protests), which only an actor who
// speaks performs.
func (w *walker) isVerbalAct(p int) bool {
	es := w.verbEntries(p)
	for _, e := range es {
		if ev, ok := w.x.s.Event(e.CAMEO); !ok || (ev.QuadClass != 1 && ev.QuadClass != 3) {
			return false
		}
	}
	return len(es) > 0
}

// isLight reports whether verb lemma is a support verb whose event noun
// object codes the event ("launch an offensive", "resumed talks").
func (w *walker) isLight(lemma string) bool {
	if w.x.words.phase.Has(lemma) {
		return true
	}
	for _, e := range w.x.s.LookupVerb(lemma, "") {
		if e.Light {
			return true
		}
	}
	for _, p := range []string{"out", "up"} {
		for _, e := range w.x.s.LookupVerb(lemma, p) {
			if e.Light {
				return true
			}
		}
	}
	return false
}

// isFuture reports whether verb lemma expresses intent ("threaten to", "plan to").
func (w *walker) isFuture(lemma string, xcomp string) bool {
	for _, part := range []string{"", "to " + xcomp} {
		for _, e := range w.x.s.LookupVerb(lemma, part) {
			if e.Future {
				return true
			}
		}
	}
	return false
}

// slotTokens returns the dependents of predicate p filling a lexicon slot.
// For a passive verb, nsubj is the agent (obl:agent or "by") and obj the
// passive subject. extra are further dependents of a light verb that count
// as the noun's own ("carried out an operation against X").
func (w *walker) slotTokens(p int, slot string, passive bool, extra []int) []int {
	switch slot {
	case "nsubj":
		if passive {
			return w.agents(p)
		}
		return w.children(p, "nsubj")
	case "obj":
		if passive {
			return w.passiveSubjects(p)
		}
		return w.verbObjects(p)
	case "iobj", "xcomp", "ccomp", "amod", "compound":
		return w.children(p, slot)
	case "poss":
		return w.children(p, "nmod:poss")
	}
	dep, prep, ok := strings.Cut(slot, ":")
	if !ok {
		return nil
	}
	var out []int
	cands := w.children(p, dep)
	if dep == "nmod" {
		// "a sale [of spare parts [for jets [to Peru]]]": a phrase the
		// parser hung deeper inside the noun's own phrases, tried last.
		for _, c := range w.children(p, "nmod") {
			for _, g := range w.children(c, "nmod") {
				cands = append(cands, g)
				cands = append(cands, w.children(g, "nmod")...)
			}
		}
		cands = append(cands, extra...)
		// A phrase right after the noun that the parser hung on the noun's
		// head instead ("[forces in the fight] against the TPLF").
		if h := w.d.Tokens[p].Head; h >= 0 {
			for _, c := range w.children(h, "nmod") {
				if c > p {
					cands = append(cands, c)
				}
			}
		}
	}
	if dep == "obl" {
		// A prepositional phrase the parser attached to the object
		// ("providing [weapons to Ukraine]", "fired [dozens of [rockets at
		// Israel]]") is tried after the verb's own.
		for _, o := range w.verbObjects(p) {
			// Each coordinated object too: "launched 120 missiles and 90
			// [drones at Ukraine]".
			for _, oc := range w.withConj(o) {
				for _, n := range w.children(oc, "nmod") {
					cands = append(cands, n)
					cands = append(cands, w.children(n, "nmod")...)
				}
			}
		}
	}
	for _, c := range cands {
		if w.d.Tokens[c].Dep == "obl:tmod" || w.d.Tokens[c].Dep == "obl:agent" {
			continue
		}
		if dep == "nmod" && prep == "by" && w.innerAct(p, c) {
			continue
		}
		if w.caseOf(c) == prep {
			out = append(out, c)
		}
	}
	return out
}

// innerAct reports whether an act noun of noun p's own phrases stands
// between p and its by-phrase c, whose agent c then names ("an
// investigation into shootings by the police": the police shot, whatever
// the parser hung the phrase on).
func (w *walker) innerAct(p, c int) bool {
	for _, m := range w.children(p, "nmod") {
		if p < m && m < c && w.d.Tokens[m].UPOS == "NOUN" && w.isAct(m) {
			return true
		}
	}
	return false
}

// actAgents returns the actors who carried out the act event noun n names:
// its possessor, adjective or by-phrase ("Russia's shelling", "Indian
// firing", "attacks by the RSF").
func (w *walker) actAgents(n int) []int {
	entries := w.nounEntries(n)
	if len(entries) == 0 {
		return nil
	}
	return w.fill(n, entries[0], false, nil).subjects
}

// verbObjects returns the direct objects of verb p, or, for a participle
// that states the result its governor brings its object to ("kept two of
// its crossings closed", "ordered all border crossings closed"), the
// governor's object: the thing counted, when that object is a number.
func (w *walker) verbObjects(p int) []int {
	d := w.d
	if objs := w.children(p, "obj"); len(objs) > 0 {
		return objs
	}
	// The tagger may read the participle as a past tense, and the parser
	// the result as a conjunct, but then without "and".
	t := d.Tokens[p]
	if t.XPOS != "VBN" && t.XPOS != "VBD" || t.Dep != "xcomp" && t.Dep != "conj" || t.Head < 0 ||
		len(w.children(p, "nsubj", "nsubj:pass", "cc")) > 0 {
		return nil
	}
	var out []int
	for _, o := range w.children(t.Head, "obj") {
		if o > p || t.Dep == "conj" && slices.ContainsFunc(d.Tokens[o+1:p], func(k nlp.Token) bool { return k.UPOS == "VERB" && k.Dep != "amod" }) {
			// Not a conjunct after another clause: in "accused Bolivia of
			// supplying the rebels with rifles, routed through Chile" the
			// rifles were routed, not Bolivia.
			continue
		}
		if d.Tokens[o].UPOS == "NUM" {
			// "two of its crossings"
			for _, n := range w.children(o, "nmod") {
				if w.caseOf(n) == "of" {
					o = n
				}
			}
		}
		out = append(out, o)
	}
	return out
}

// fill finds the roles of entry e on predicate p.
func (w *walker) fill(p int, e schema.LexEntry, passive bool, extra []int) roles {
	r := roles{instrument: -1}
	used := map[int]bool{}
	noun := w.d.Tokens[p].UPOS == "NOUN"
	take := func(slots []string, entities, subject bool) ([]int, []int) {
		for _, sl := range slots {
			var toks, ents []int
			for _, t := range w.slotTokens(p, sl, passive, extra) {
				if used[t] {
					continue
				}
				if entities {
					es := w.argEntities(t)
					if noun && subject {
						es = slices.DeleteFunc(es, func(e int) bool { return !w.isActor(e) })
					} else if noun && w.d.Tokens[t].UPOS == "NOUN" && w.isAct(t) {
						// "an investigation into shootings by the
						// police", "condemnation of Peru's strikes":
						// an act noun's object is who carried out the
						// act it names.
						es = w.actAgents(t)
					}
					if len(es) == 0 {
						continue
					}
					ents = append(ents, es...)
				}
				toks = append(toks, t)
			}
			if len(toks) > 0 {
				for _, t := range toks {
					used[t] = true
				}
				return toks, ents
			}
		}
		return nil, nil
	}
	// An event noun's agent is an actor: materiel or a place its own
	// words name ("a drone strike", "a military aid package") leaves the
	// role to the next slot ("a drone strike … by Chilean forces").
	if _, ents := take(e.Args.Subject, true, true); len(ents) > 0 {
		r.subjects, r.subjDirect = ents, true
	}
	_, r.objects = take(e.Args.Object, true, false)
	if toks, _ := take(e.Args.Instrument, false, false); len(toks) > 0 {
		r.instrument = toks[0]
	}
	return r
}

// choose picks the first entry whose object types fit the objects found.
func (w *walker) choose(p int, entries []schema.LexEntry, passive bool, extra []int) (schema.LexEntry, roles, bool) {
	for i, e := range entries {
		r := w.fill(p, e, passive, extra)
		// A sense for typed objects needs objects ("fired at Israel" is an
		// attack; "fired a missile into the sea" is the next sense, 150).
		// An act of force at unnamed targets hits the place they are in
		// ("fired on protesters in Mandalay").
		fits := len(e.ObjTypes) == 0 || len(r.objects) > 0 || i == len(entries)-1 ||
			schema.RootBetween(e.CAMEO, 18, 20) && len(w.placeOfTargets(p)) > 0
		for _, o := range r.objects {
			if !e.AcceptsObject(schema.EntityType(w.typeOf(o))) {
				fits = false
			}
		}
		if fits {
			return e, r, true
		}
	}
	return schema.LexEntry{}, roles{}, false
}

// code returns the entry's CAMEO code, its weapon variant when the
// instrument or object is a weapon.
func (w *walker) code(e schema.LexEntry, r roles, obj int) string {
	if e.WeaponCAMEO == "" {
		return e.CAMEO
	}
	if w.typeOf(obj) == string(schema.Weapon) {
		return e.WeaponCAMEO
	}
	if r.instrument >= 0 && (w.weaponWord(r.instrument) || w.weaponIn(r.instrument)) {
		return e.WeaponCAMEO
	}
	return e.CAMEO
}

// weaponIn reports whether the phrase headed by h names a weapon ("an
// additional Patriot system", "anti-tank missiles").
func (w *walker) weaponIn(h int) bool {
	lo, hi := w.span(h)
	for k := lo; k < hi; k++ {
		if e := w.entity(k); e >= 0 && w.typeOf(e) == string(schema.Weapon) {
			return true
		}
	}
	return false
}

// weaponWord reports whether the instrument phrase names materiel
// generically ("weapons", "arms": materiel-nouns).
func (w *walker) weaponWord(h int) bool { return w.x.words.materielNouns.Has(w.d.Tokens[h].Lemma) }
