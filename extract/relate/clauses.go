package relate

import (
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/timex"
	"github.com/kg-project/kg/schema"
)

// sentence extracts the relations of sentence si.
func (w *walker) sentence(si int) {
	d := w.d
	s := d.Sentences[si]
	// Event nouns first: a light verb whose noun codes the event is then skipped.
	for p := s.Start; p < s.End; p++ {
		if d.Tokens[p].UPOS == "NOUN" {
			w.eventNoun(p)
		}
	}
	for p := s.Start; p < s.End; p++ {
		if d.Tokens[p].UPOS == "VERB" {
			w.verb(p)
		}
	}
}

// subjectsOf returns the acting entities of predicate p: its nsubj, the
// agent of a passive, or the subject it shares through control,
// coordination or a relative clause.
func (w *walker) subjectsOf(p int, depth int) (subj []int, passive, direct bool) {
	d := w.d
	if n := w.children(p, "nsubj:pass"); len(n) > 0 {
		passive = true
		if a := w.agents(p); len(a) > 0 {
			return w.argEntities(a[0]), true, true
		}
		return nil, true, false
	}
	if n := w.children(p, "nsubj"); len(n) > 0 {
		// Each subject ("The United States and Britain carried out" parsed
		// with two subjects rather than a conjunction).
		var es []int
		for _, s := range n {
			es = append(es, w.argEntities(s)...)
		}
		if len(es) > 0 {
			return es, false, true
		}
		if es := w.actorAfterPeriod(n[0], p); len(es) > 0 {
			return es, false, true
		}
		// "Joao Lourenco, who has mediated between …": the relative
		// pronoun stands for the phrase the clause modifies.
		if strings.Contains(d.Tokens[n[0]].Feats, "PronType=Rel") && d.Tokens[p].Dep == "acl:relcl" && d.Tokens[p].Head >= 0 {
			if e := w.entityOfPhrase(d.Tokens[p].Head, 0); e >= 0 {
				return []int{e}, false, true
			}
		}
		// "after mediation by Turkey, which has … and has backed the GNU"
		// with the relative clause hung elsewhere: the name right before
		// the comma.
		if k := n[0]; strings.Contains(d.Tokens[k].Feats, "PronType=Rel") && d.Tokens[p].Dep != "acl:relcl" && k >= 2 && d.Tokens[k-1].Text == "," {
			if e := w.entity(k - 2); e >= 0 && d.Tokens[k-2].Sentence == d.Tokens[k].Sentence {
				return []int{e}, false, true
			}
		}
		// "Hungary, a NATO member, has refused": the appositive's host.
		if e := w.appositiveHost(n[0]); e >= 0 {
			return []int{e}, false, true
		}
		return nil, false, true
	}
	if depth > 3 {
		return nil, false, false
	}
	t := d.Tokens[p]
	// "China and India, which share borders with Myanmar, have continued":
	// a fronted actor the parser left as vocative or dislocated.
	for _, c := range w.children(p, "vocative", "dislocated") {
		if c < p {
			if es := w.argEntities(c); len(es) > 0 {
				return es, false, false
			}
		}
	}
	if t.Head < 0 {
		return nil, false, false
	}
	switch t.Dep {
	case "xcomp", "conj", "advcl":
		// Control ("sought to capture"), shared subject ("met and agreed"),
		// participial adjunct ("…, saying").
		if t.Dep == "advcl" {
			for _, m := range w.children(p, "mark", "case") {
				switch strings.ToLower(w.d.Tokens[m].Text) {
				case "to":
					// "urged Western allies to send": an object-control verb's
					// object acts, whatever the parser called the clause.
					if ctl, ok := w.controller(t.Head, p, true); ok {
						return ctl, false, false
					}
				case "of", "for":
					// "accused the RSF of shelling", "blamed Russia for attacking":
					// the governing verb's object acts.
					if objs := w.children(t.Head, "obj"); len(objs) > 0 {
						return w.argEntities(objs[0]), false, false
					}
				default:
					if t.XPOS != "VBG" || !w.x.words.gerundMarks.Has(strings.ToLower(w.d.Tokens[m].Text)) {
						// "if", "because": a clause of its own; "against
						// attacking", "without attacking": an act not done.
						return nil, false, false
					}
					// "after visiting Peru", "by ordering the invasion": a
					// gerund without a subject of its own shares the main
					// clause's.
				}
			}
		}
		if t.Dep == "advcl" && t.XPOS == "VBG" && len(w.children(p, "mark")) == 0 {
			// "allegations of Bolivia funneling cash to the rebels" with the
			// gerund hung on the verb: the actor after "of" right before it
			// does what the claim says.
			if x := w.claimedActor(p); len(x) > 0 {
				return x, false, false
			}
		}
		s, pass, _ := w.subjectsOf(t.Head, depth+1)
		if t.Dep == "conj" && len(s) == 0 && (pass || w.isVerbalAct(p)) {
			// "The UNM said its leader had been beaten and called on the
			// EU …" parsed with "called" joined to the passive reported
			// verb: an active verb shares the reporting subject. So does
			// an act of words joined to a reported clause whose subject
			// is no actor ("said the tanker belonged to X, and accused
			// Y"): a tanker accuses nobody.
			if h := d.Tokens[t.Head]; h.Dep == "ccomp" && h.Head >= 0 {
				if rs, rpass, _ := w.subjectsOf(h.Head, depth+1); !rpass && len(rs) > 0 {
					return rs, false, false
				}
			}
		}
		if t.Dep == "xcomp" && len(w.children(p, "obj")) == len(w.verbObjects(p)) {
			// (Not for a result of the governor's act on its object: "kept
			// the crossings closed" is the keeper's closing.)
			if ctl, ok := w.controller(t.Head, p, false); ok {
				return ctl, false, false
			}
		}
		if t.Dep == "xcomp" && pass {
			// "Peru is believed to have attacked Chile", "was forced to
			// withdraw": the passive governor's subject acts.
			var ps []int
			for _, n := range w.children(t.Head, "nsubj:pass") {
				ps = append(ps, w.argEntities(n)...)
			}
			if len(ps) > 0 {
				return ps, false, false
			}
		}
		if pass && t.Dep != "conj" {
			return nil, false, false
		}
		return s, false, false
	case "acl", "acl:relcl":
		// "accused the RSF of shelling" parsed with the clause on the object.
		for _, m := range w.children(p, "mark", "case") {
			if l := strings.ToLower(w.d.Tokens[m].Text); l == "of" || l == "for" {
				if objs := w.children(t.Head, "obj"); len(objs) > 0 {
					return w.argEntities(objs[0]), false, false
				}
				if h := d.Tokens[t.Head]; h.Dep == "obj" && h.Head >= 0 && d.Tokens[h.Head].UPOS == "VERB" {
					return w.argEntities(t.Head), false, false // the object the clause hangs on
				}
				return nil, false, false
			}
		}
		// "convoys carrying weapons", "the forces that attacked".
		if e := w.entityOfPhrase(t.Head, 0); e >= 0 {
			if t.Dep == "acl" && t.XPOS == "VBN" {
				return nil, true, false // "the Iran-backed rebels": head is the patient
			}
			return []int{e}, false, false
		}
		// "Peru issued a statement accusing Bolivia": who issues a
		// document acts through what it says.
		if h := t.Head; t.Dep == "acl" && t.XPOS == "VBG" && w.x.words.documentNouns.Has(w.d.Tokens[h].Lemma) && w.d.Tokens[h].Dep == "obj" && w.d.Tokens[h].Head >= 0 {
			s, pass, _ := w.subjectsOf(w.d.Tokens[h].Head, depth+1)
			if !pass {
				return s, false, false
			}
		}
		// "Russia's decision to expel two diplomats", "its refusal to
		// extradite", "the attempt by Peru to retake", "the commitment of
		// the AU to support": who holds the resolve does what its
		// infinitive says.
		if h := t.Head; t.Dep == "acl" && w.x.words.intentNouns.Has(w.d.Tokens[h].Lemma) && slices.ContainsFunc(w.children(p, "mark"), func(m int) bool {
			return strings.EqualFold(w.d.Tokens[m].Text, "to")
		}) {
			var holders []int
			for _, c := range w.children(h, "nmod:poss", "nmod") {
				if cs := w.caseOf(c); w.d.Tokens[c].Dep == "nmod:poss" || cs == "by" || cs == "of" {
					holders = append(holders, w.argEntities(c)...)
				}
			}
			if len(holders) > 0 {
				return holders, false, false
			}
		}
		// "Chile launched air strikes targeting the rebels", "raids by
		// the army hitting …": the participle says what the act did, so
		// the act's agent does it: its own (possessor, adjective,
		// by-phrase) or the subject of the verb that carried it out.
		if h := t.Head; t.Dep == "acl" && t.XPOS == "VBG" && w.isAct(h) {
			if a := w.actAgents(h); len(a) > 0 {
				return a, false, false
			}
			if hd := w.d.Tokens[h]; hd.Dep == "obj" && hd.Head >= 0 && w.isLight(w.d.Tokens[hd.Head].Lemma) {
				s, pass, _ := w.subjectsOf(hd.Head, depth+1)
				if !pass {
					return s, false, false
				}
			}
		}
	}
	return nil, false, false
}

// requestedAct reports whether verb p is the act an appeal, request or
// demand asks of its object ("Peru urged Chile to attack Bolivia",
// "persuaded them to sit down"): asked for, not done, so no event of its
// own; the appeal itself is coded, by the act asked for.
func (w *walker) requestedAct(p int) bool {
	d := w.d
	k := p
	for d.Tokens[k].Dep == "conj" && d.Tokens[k].Head >= 0 {
		k = d.Tokens[k].Head // "to stop the attacks and withdraw"
	}
	if d.Tokens[k].Dep != "xcomp" || d.Tokens[k].Head < 0 {
		return false
	}
	for _, e := range w.verbEntries(d.Tokens[k].Head) {
		if appeals[e.Relation] {
			return true
		}
	}
	return false
}

// actorAfterPeriod returns the actor of "days after Turkey accused …" when
// the parser made the period n the subject of verb p and the actor a phrase
// of it: the phrase after "after" or "before", right before p.
func (w *walker) actorAfterPeriod(n, p int) []int {
	if !w.x.words.periodNouns.Has(w.d.Tokens[n].Lemma) {
		return nil
	}
	for _, c := range w.children(n, "nmod") {
		if cs := w.caseOf(c); (cs == "after" || cs == "before") && c < p {
			return w.argEntities(c)
		}
	}
	return nil
}

// passiveSubjects returns the passive subjects of verb p, or, for a
// passive complement raised from its governor's subject ("the rebels, who
// are believed to be backed by Iran", "is said to be armed by"), the
// governor's.
func (w *walker) passiveSubjects(p int) []int {
	if n := w.children(p, "nsubj:pass"); len(n) > 0 {
		return n
	}
	if t := w.d.Tokens[p]; t.Dep == "xcomp" && t.Head >= 0 && len(w.children(p, "aux:pass")) > 0 {
		return w.children(t.Head, "nsubj:pass")
	}
	return nil
}

// mainClauseObjects returns the actors the main clause of participial
// adjunct p acts on: "imposed sanctions on Niger, threatening military
// action" threatens Niger. Nil unless p is a participle after its clause.
func (w *walker) mainClauseObjects(p int) []int {
	t := w.d.Tokens[p]
	if t.Dep != "advcl" || t.XPOS != "VBG" || t.Head < 0 || p < t.Head || len(w.children(p, "mark")) > 0 {
		return nil
	}
	h := t.Head
	_, hr, ok := w.choose(h, w.verbEntries(h), len(w.passiveSubjects(h)) > 0, nil)
	if !ok {
		return nil
	}
	return slices.DeleteFunc(hr.objects, func(o int) bool { return !w.isActor(o) })
}

// objectIdiom reports whether verb p and its object form a lexicon idiom
// ("had full control of"): a verb too light to relate anything by itself
// then does.
func (w *walker) objectIdiom(p int) bool {
	for _, o := range w.children(p, "obj") {
		if len(w.x.s.LookupVerb(w.d.Tokens[p].Lemma, "obj "+strings.ToLower(w.d.Tokens[o].Lemma))) > 0 {
			return true
		}
	}
	return false
}

// partnersIn returns who is described as a partner in event noun n:
// "Kenya, a long-time ally in the campaign against al-Shabaab", "Chile is
// a key partner in the fight against the Andes Front".
func (w *walker) partnersIn(n int) []int {
	d := w.d
	h := d.Tokens[n].Head
	if d.Tokens[n].Dep != "nmod" || w.caseOf(n) != "in" || h < 0 || !w.x.words.partnerNouns.Has(d.Tokens[h].Lemma) {
		return nil
	}
	if d.Tokens[h].Dep == "appos" {
		if e := w.entityOfPhrase(h, 0); e >= 0 {
			return []int{e}
		}
	}
	if len(w.children(h, "cop")) > 0 {
		s, _, _ := w.subjectsOf(h, 0)
		return s
	}
	return nil
}

// conditionActors returns the actors, not on the side of subjects, who
// are the subjects of the "if" or "unless" clauses of verb p, or of those
// after p that the parser hung on the verb governing it ("said it would
// retaliate [if Peru …]").
func (w *walker) conditionActors(p int, subjects []int) []int {
	d := w.d
	cands := w.children(p, "advcl", "ccomp")
	if h := d.Tokens[p].Head; h >= 0 && d.Tokens[p].Dep == "ccomp" {
		for _, c := range w.children(h, "advcl", "ccomp") {
			if c > p {
				cands = append(cands, c)
			}
		}
	}
	var out []int
	for _, c := range cands {
		conditional := false
		for _, m := range w.children(c, "mark") {
			if l := strings.ToLower(d.Tokens[m].Text); l == "if" || l == "unless" {
				conditional = true
			}
		}
		if !conditional {
			continue
		}
		for _, n := range w.children(c, "nsubj") {
			for _, a := range w.argEntities(n) {
				if w.isActor(a) && !w.ownSide(subjects, a) {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// controller returns who acts in the infinitive clause c of verb v when
// that is not v's subject: v's object ("persuade X to sit"), or the object
// of "on" ("called on X to stop"). ok is false when v has neither (the
// subject controls). strict asks that v be an object-control verb for a
// direct object to count (an adverbial "to" clause is usually purpose).
func (w *walker) controller(v, c int, strict bool) ([]int, bool) {
	if objs := w.children(v, "obj", "iobj"); len(objs) > 0 && (!strict || w.objectControl(w.d.Tokens[v].Lemma)) {
		return w.argEntities(objs[0]), true
	}
	for _, o := range w.children(v, "obl") {
		// "called on Peru to withdraw"; not "patrolled on Thursday to
		// arrest": a time phrase controls nothing.
		if cs := w.caseOf(o); (cs == "on" || cs == "upon") && o < c && !timex.IsTimeWord(w.d.Tokens[o].Text) && !w.hasTimeWord(o) {
			return w.argEntities(o), true
		}
	}
	return nil, false
}

// objectControl reports whether a verb's object is the subject of its
// infinitive complement ("urged X to", "asked X to", "warned X to"): verbs
// of appeal, request, demand and warning in the lexicon, and the verbs of
// enabling and forcing of object-control-verbs.
func (w *walker) objectControl(lemma string) bool {
	if w.x.words.objectControl.Has(lemma) {
		return true
	}
	for _, e := range w.x.s.LookupVerb(lemma, "") {
		if appeals[e.Relation] || e.Relation == schema.RelWarns {
			return true
		}
	}
	return false
}

// appeals are the relations of asking or demanding that another act.
var appeals = map[string]bool{schema.RelAppealsTo: true, schema.RelRequests: true, schema.RelDemands: true}

// askedAgents returns who is to do what appeal or demand p asks for, named
// in the act's "by" phrase: "called for an investigation by Lebanese
// authorities", "demanded restraint by both sides".
func (w *walker) askedAgents(p int) []int {
	var acts []int
	for _, c := range w.children(p, "obl") {
		if w.caseOf(c) == "for" {
			acts = append(acts, c)
		}
	}
	acts = append(acts, w.children(p, "obj")...)
	var out []int
	for _, a := range acts {
		for _, n := range w.children(a, "nmod") {
			if w.caseOf(n) == "by" {
				out = append(out, slices.DeleteFunc(w.argEntities(n), func(e int) bool { return !w.isActor(e) })...)
			}
		}
	}
	return out
}

// appositiveHost returns the entity named right before the phrase headed by
// h and set off by a comma ("Hungary, a NATO member,"), or -1.
func (w *walker) appositiveHost(h int) int {
	d := w.d
	lo, hi := w.span(h)
	for lo < hi && d.Tokens[lo].UPOS == "PUNCT" {
		lo++
	}
	for hi > lo && d.Tokens[hi-1].UPOS == "PUNCT" {
		hi--
	}
	if lo < 2 || hi >= len(d.Tokens) || d.Tokens[lo-1].Text != "," || d.Tokens[hi].Text != "," ||
		d.Tokens[lo].UPOS != "DET" || d.Tokens[lo-1].Sentence != d.Tokens[h].Sentence {
		return -1
	}
	return w.entity(lo - 2)
}

// verb extracts the relations of verbal predicate p.
func (w *walker) verb(p int) {
	d := w.d
	if w.consumed[p] || w.x.words.generalVerbs.Has(d.Tokens[p].Lemma) && !w.objectIdiom(p) || w.requestedAct(p) {
		return
	}
	passive := len(w.passiveSubjects(p)) > 0 || d.Tokens[p].Dep == "acl" && d.Tokens[p].XPOS == "VBN" && len(w.agents(p)) > 0
	if w.x.cons.tries(beforeLexicon, d.Tokens[p].Lemma) {
		// A construction tried before the lexicon ("X responded to Y's
		// firing": answering an act of force is fighting its agents): from
		// each subject to each object its action finds, off the subject's
		// side; the verb's senses are not read when it gives any.
		subjects, _, direct := w.subjectsOf(p, 0)
		if c, objs := w.construction(beforeLexicon, p, schema.LexEntry{}, roles{subjects: subjects, instrument: -1}); c != nil {
			done := false
			for _, s := range subjects {
				for _, o := range objs {
					if !w.isActor(s) || !w.isActor(o) || s == o || w.affiliated(s, o) {
						continue
					}
					r := w.base(p, direct)
					r.Subject, r.Object, r.Predicate = s, o, strings.ToLower(d.Tokens[p].Lemma)
					r.Relation, r.CAMEO, r.Rule = c.Relation, c.CAMEO, "/"+c.ID
					r.Confidence = w.confidence(r, true, direct)
					w.add(r)
					done = true
				}
			}
			if done {
				return
			}
		}
	}
	entries := w.verbEntries(p)
	if w.noResponse(p) {
		// "did not respond to a request for comment" declines comment (011).
		entries = w.x.s.LookupVerb("decline", "to comment")
	}
	if len(entries) == 0 {
		w.openRelation(p, passive)
		return
	}
	e, r, ok := w.choose(p, entries, passive, nil)
	if !ok {
		return
	}
	if e.Speech {
		// "told Reuters", "said in an interview with the BBC": the outlet
		// carries the words; it is not whom they are about or aimed at.
		r.objects = slices.DeleteFunc(r.objects, w.isMedia)
	}
	if len(r.subjects) == 0 && !passive && containsSlot(e.Args.Subject, "nsubj") {
		r.subjects, _, _ = w.subjectsOf(p, 0)
	}
	if len(r.subjects) == 0 {
		return
	}
	// rule names the branch below that found the objects or recoded the
	// relation, when one did (Relation.Rule): "relate.verb/askedAgents", or the
	// id of a construction of schema/data/constructions.txt
	// ("relate.verb/returned-fire").
	rule := ""
	if len(r.objects) == 0 && appeals[e.Relation] {
		r.objects = w.askedAgents(p)
		rule = branch(rule, r.objects, "askedAgents")
	}
	if len(r.objects) == 0 && (e.Relation == schema.RelSupplies || e.Relation == schema.RelAids) {
		r.objects = w.purposeRecipients(p)
		rule = branch(rule, r.objects, "purposeRecipients")
	}
	if len(r.objects) == 0 && schema.RootBetween(e.CAMEO, 18, 20) {
		r.objects = w.placeOfTargets(p)
		rule = branch(rule, r.objects, "placeOfTargets")
	}
	if len(r.objects) == 0 && e.Relation == schema.RelThreatens && e.Particle == "" {
		// "threatened to target U.S. ships": a threat of the complement's
		// act toward its object (138 when the act is force); the act itself
		// is only threatened, not stated.
		for _, x := range w.children(p, "xcomp") {
			xe, xr, ok := w.choose(x, w.verbEntries(x), false, nil)
			if !ok || len(xr.objects) == 0 {
				continue
			}
			r.objects = append(r.objects, xr.objects...)
			if isForce(xe.CAMEO) {
				e.CAMEO = codeThreatenForce
			}
			w.consumed[x] = true
		}
		rule = branch(rule, r.objects, "threatenedAct")
	}
	if len(r.objects) == 0 && strings.HasPrefix(e.Particle, "to ") {
		// "threatened to strike Iranian nuclear facilities": the complement's object.
		for _, x := range w.children(p, "xcomp") {
			for _, o := range w.children(x, "obj", "iobj") {
				r.objects = append(r.objects, w.argEntities(o)...)
			}
			if len(r.objects) == 0 {
				// The entry's own object slots, on the complement: "declined
				// to comment on Russia's warning".
				r.objects = w.fill(x, e, false, nil).objects
			}
		}
		rule = branch(rule, r.objects, "complementObject")
	}
	if len(r.objects) == 0 && e.Relation == schema.RelFights && slices.ContainsFunc(w.children(p, "obj"), w.isAct) {
		// "repelled an assault by the RSF", "beat back the attack": the
		// attackers are fought.
		for _, o := range w.children(p, "obj") {
			if w.isAct(o) && len(r.objects) == 0 {
				r.objects = slices.DeleteFunc(w.actAgents(o), func(a int) bool { return w.ownSide(r.subjects, a) })
			}
		}
		if len(r.objects) == 0 {
			r.objects = w.eventAgents(p, e, passive, r.subjects)
		}
		rule = branch(rule, r.objects, "repelledAgents")
	}
	if len(r.objects) == 0 && (e.Relation == schema.RelThreatens || e.Relation == schema.RelWarns) {
		r.objects = w.mainClauseObjects(p)
		rule = branch(rule, r.objects, "mainClauseObjects")
	}
	// The event's objects are those of the relations it gives below,
	// directly or through the speech it reports ("accused the army of …").
	ev, given := len(w.events), len(w.out)
	w.events = append(w.events, event{sentence: d.Tokens[p].Sentence, lemma: d.Tokens[p].Lemma, code: e.CAMEO, agents: r.subjects, force: isForce(e.CAMEO)})
	if len(r.objects) == 0 && reactions[e.Relation] {
		r.objects = w.eventAgents(p, e, passive, r.subjects)
		rule = branch(rule, r.objects, "eventAgents")
	}
	if len(r.objects) == 0 && reactions[e.Relation] {
		// "rejected calls for talks with the RSF", "condemned the remarks
		// by Macron": the actor named inside what is reacted to.
		// "accepted a ceasefire proposal put forward by Egypt": its author,
		// whether the participle hangs on the object or (misparsed) on the verb.
		var participles []int
		for _, o := range w.children(p, "obj") {
			participles = append(participles, w.children(o, "acl")...)
		}
		for _, x := range w.children(p, "xcomp", "advcl") {
			if d.Tokens[x].XPOS == "VBN" && x > p {
				participles = append(participles, x)
			}
		}
		for _, a := range participles {
			for _, by := range w.agents(a) {
				r.objects = append(r.objects, w.argEntities(by)...)
			}
		}
		for _, o := range w.children(p, "obj") {
			if poss := w.children(o, "nmod:poss"); len(poss) > 0 {
				// "condemned Chile's annexation", "vetoed Chile's proposal
				// at the Security Council": whose act or word it is, and no
				// other phrase of it.
				for _, n := range poss {
					for _, a := range w.argEntities(n) {
						if w.isActor(a) && w.typeOf(a) != string(schema.Group) && !w.ownSide(r.subjects, a) {
							r.objects = append(r.objects, a)
						}
					}
				}
				continue
			}
			for _, n := range w.children(o, "nmod") {
				if w.isAct(o) && w.caseOf(n) != "by" {
					continue // "condemned the detention of Rios": Rios suffered it
				}
				for _, m := range append([]int{n}, w.children(n, "nmod")...) {
					for _, a := range w.argEntities(m) {
						if w.isActor(a) && w.typeOf(a) != string(schema.Group) {
							r.objects = append(r.objects, a)
						}
					}
				}
			}
		}
		rule = branch(rule, r.objects, "reactionAuthor")
	}
	if l := d.Tokens[p].Lemma; len(r.objects) == 0 && (isForce(e.CAMEO) || w.x.words.responseVerbs.Has(l) || l == "defend") && w.modality(p) != Asserted {
		// "would retaliate if Peru crossed the border", "would defend
		// itself if Ethiopia went ahead": an act with no target, promised
		// on a condition another side fulfils, threatens that side.
		if c := w.conditionActors(p, r.subjects); len(c) > 0 {
			e.Relation, e.CAMEO, e.WeaponCAMEO, r.objects = schema.RelThreatens, codeThreatenForce, "", c
			rule += "/conditionActors"
		}
	}
	if len(r.objects) == 0 {
		// A construction of schema/data/constructions.txt whose action
		// finds the objects ("returned fire", "vowed to retaliate": the
		// latest attacker of another side).
		if c, objs := w.construction(findsObjects, p, e, r); c != nil {
			r.objects = objs
			e.Relation, e.CAMEO, e.WeaponCAMEO = c.Relation, c.CAMEO, ""
			rule += "/" + c.ID
		}
	}
	if len(r.objects) == 0 && e.Relation == schema.RelMediates {
		r.objects = w.brokeredParties(p, r.subjects)
		rule = branch(rule, r.objects, "brokeredParties")
	}
	if len(r.objects) == 0 && e.Relation == schema.RelMediates {
		r.objects = w.conflictParties(r.subjects)
		rule = branch(rule, r.objects, "conflictParties")
	}
	if len(r.objects) == 0 && reactions[e.Relation] {
		r.objects = w.summarizedActors(p, r.subjects)
		rule = branch(rule, r.objects, "summarizedActors")
	}
	if len(r.objects) == 0 && reactions[e.Relation] {
		r.objects = w.calledActors(p, r.subjects)
		rule = branch(rule, r.objects, "calledActors")
	}
	if e.Relation == schema.RelDenies {
		// "The RSF denied targeting civilians": the denial answers the
		// accuser; what was denied is its topic.
		r.objects = w.accusers(r.subjects)
		rule = branch("", r.objects, "accusers")
	} else if len(r.objects) == 0 && e.Relation == schema.RelRejects && w.rejectsAClaim(p) {
		// "The SPLM-IO rejected the charge": the latest accuser's.
		if a := w.accusers(r.subjects); len(a) > 0 {
			r.objects = a[:1]
		}
		rule = branch(rule, r.objects, "rejectedClaim")
	}
	base := w.base(p, r.subjDirect)
	if c, _ := w.construction(recodes, p, e, r); c != nil {
		// A construction of schema/data/constructions.txt that recodes the
		// verb ("send troops to the border", "does not recognize"); a
		// negation its pattern asks for is part of what it yields.
		e.Relation, e.CAMEO, e.WeaponCAMEO = c.Relation, c.CAMEO, ""
		if c.Negated {
			base.Negated = false
		}
		rule += "/" + c.ID
	}
	pred := w.predicate(p, e.Particle, r)
	if e.Relation == schema.RelDeclinesComment {
		base.Negated = false // declining is the act, not its negation
		pred = "decline comment"
		for _, x := range w.children(p, "xcomp") {
			w.consumed[x] = true // the comment is the refusal's, not a statement
		}
	}
	if (e.Relation == schema.RelInforms || e.Relation == schema.RelStates && len(w.children(p, "ccomp")) > 0) && w.threatTone(p) {
		// "informed the United States that it views convoys … as targets".
		e.Relation, e.CAMEO = schema.RelWarns, codeThreaten
		rule += "/threatTone"
	}
	instrument := ""
	if r.instrument >= 0 {
		instrument = w.phraseText(r.instrument)
	}
	for _, s := range r.subjects {
		if !w.isActor(s) {
			continue
		}
		objects := w.objectsOf(s, r.subjects, r.objects, e)
		if len(r.objects) == 0 && w.actOfOthers(p) {
			// "Rwandan and Mozambican troops repelled an assault by
			// insurgents": they acted together against the assault's
			// agents, not against each other.
			objects = nil
		}
		if len(r.objects) == 0 && w.eachOther(p) {
			// "Chile and Peru accused each other": each of the others.
			objects = w.otherActors(s, r.subjects)
		}
		for _, o := range objects {
			rel := base
			rel.Subject, rel.Object, rel.Predicate, rel.Instrument = s, o, pred, instrument
			rel.Relation, rel.CAMEO = w.backing(e.Relation, w.code(e, r, o), o)
			if schema.RootBetween(rel.CAMEO, 18, 20) && w.ownBody(s, o) {
				// "China … fired at a Chinese patrol": a misread clause (a
				// coup, 17, is an army's act against its own state).
				continue
			}
			rel.Confidence = w.confidence(rel, true, r.subjDirect)
			rel.Rule = rule
			w.add(rel)
		}
		// The materiel supplied, when it is a weapon entity.
		if r.instrument >= 0 && weaponRelations[e.Relation] {
			if ie := w.entityOfPhrase(r.instrument, 0); ie >= 0 && w.typeOf(ie) == string(schema.Weapon) {
				for _, we := range w.argEntities(r.instrument) {
					rel := base
					rel.Subject, rel.Object, rel.Predicate = s, we, pred
					rel.Relation, rel.CAMEO = e.Relation, w.code(e, r, we)
					rel.Confidence = w.confidence(rel, true, r.subjDirect) - 0.1
					rel.Rule = rule + "/instrument"
					w.add(rel)
				}
			}
		}
	}
	if e.Speech && len(r.objects) == 0 {
		w.speech(p, r.subjects, e)
	}
	for _, rel := range w.out[given:] {
		if slices.Contains(r.subjects, rel.Subject) && strings.HasPrefix(rel.CAMEO, e.CAMEO[:2]) {
			w.events[ev].objects = append(w.events[ev].objects, rel.Object)
		}
	}
}

// ownBody reports whether one of a and b is a state and the other one of
// its bodies (its military, a ministry): a state does not use force on its
// own army.
func (w *walker) ownBody(a, b int) bool {
	country := string(schema.Country)
	return w.typeOf(a) == country && w.belongs(b, a) || w.typeOf(b) == country && w.belongs(a, b)
}

// branch returns rule with "/name" added when objs, the objects a branch of
// a rule looked for, were found; else rule (see Relation.Rule).
func branch(rule string, objs []int, name string) string {
	if len(objs) == 0 {
		return rule
	}
	return rule + "/" + name
}

// reciprocal are the relations two coordinated subjects have with each
// other when no object is named: "Israel and Hamas clashed", "Russia and
// Ukraine held talks", "Armenia and Azerbaijan agreed to a ceasefire".
var reciprocal = map[string]bool{schema.RelFights: true, schema.RelMeets: true, schema.RelNegotiatesWith: true,
	schema.RelSignsAgreement: true, schema.RelAgreesWith: true, schema.RelCooperatesWith: true,
	schema.RelCooperatesMilitarily: true, schema.RelTradesWith: true, schema.RelPromises: true}

// objectsOf returns the objects of subject s: the objects found, or, for a
// reciprocal relation without any, the other actors among the subjects.
func (w *walker) objectsOf(s int, subjects, objects []int, e schema.LexEntry) []int {
	if len(objects) > 0 || !(reciprocal[e.Relation] || e.Relation == schema.RelYieldsTo && strings.HasPrefix(e.CAMEO, codeDeescalate)) {
		return objects
	}
	return w.otherActors(s, subjects)
}

// actOfOthers reports whether verb p's object is an act with an agent of
// its own ("repelled an assault by the rebels", "foiled an attack from
// Peru").
func (w *walker) actOfOthers(p int) bool {
	for _, o := range w.children(p, "obj") {
		if !w.isAct(o) {
			continue
		}
		for _, c := range w.children(o, "nmod") {
			if cs := w.caseOf(c); cs == "by" || cs == "from" {
				return true
			}
		}
	}
	return false
}

// otherActors returns the actors among subjects other than s.
func (w *walker) otherActors(s int, subjects []int) []int {
	var others []int
	for _, o := range subjects {
		if o != s && w.isActor(o) && !slices.Contains(others, o) {
			others = append(others, o)
		}
	}
	return others
}

// eachOther reports whether verb p's object is the reciprocal pronoun
// "each other" or "one another", itself or as the owner of what it names
// ("shelled each other's positions").
func (w *walker) eachOther(p int) bool {
	d := w.d
	for _, o := range w.children(p, "obj", "iobj", "obl") {
		for _, k := range append([]int{o}, w.children(o, "nmod:poss")...) {
			// The words themselves: the parser may hang "another" elsewhere.
			lo, _ := w.span(k)
			for lo < k && d.Tokens[lo].UPOS == "ADP" {
				lo++ // "with each other"
			}
			if lo+1 >= len(d.Tokens) {
				continue
			}
			switch strings.ToLower(d.Tokens[lo].Text) + " " + strings.ToLower(d.Tokens[lo+1].Text) {
			case "each other", "one another":
				return true
			}
		}
	}
	return false
}

// reactions are the relations whose object may be an act rather than an
// actor ("condemned the test"): the act's agent is then the object.
var reactions = map[string]bool{schema.RelCondemns: true, schema.RelCriticizes: true, schema.RelPraises: true,
	schema.RelRejects: true, schema.RelVetoes: true, schema.RelProtests: true, schema.RelSupports: true, schema.RelAgreesWith: true}

// placeOfTargets returns the place where the unnamed targets of act of
// force p stand when the parser hung the place on the verb: "bombed rebel
// positions in northern Peru", "shelled targets near Tacna" (the place the
// targets are in is what was hit, as for "struck targets in Rafah").
// Unnamed people or buildings (target-nouns: "killed dozens of civilians in
// El Geneina", "fired on protesters in Mandalay", "bombed a market in
// Tacna") are targets too, and their own locative phrase names the place.
func (w *walker) placeOfTargets(p int) []int {
	if slices.ContainsFunc(w.children(p, "nsubj"), w.isAct) {
		return nil // "air strikes killed civilians in Tacna": the strikes' own event says so
	}
	hasTargets := false
	var at []int // phrases that may name the place: the verb's, then the victims'
	targets := w.verbObjects(p)
	for _, c := range w.children(p, "obl") {
		switch cs := w.caseOf(c); {
		case w.x.words.locativePreps.Has(cs):
			at = append(at, c)
		case cs == "on" || cs == "at" || cs == "against":
			targets = append(targets, c) // "fired on protesters"
		}
	}
	for _, o := range targets {
		if w.isPartitive(o) && w.entityOfPhrase(o, 0) < 0 {
			hasTargets = true
		}
		if v := w.victim(o); v >= 0 {
			hasTargets = true
			for _, c := range append(w.children(v, "nmod"), w.children(o, "nmod")...) { // "[hundreds of civilians] in X"
				if w.x.words.locativePreps.Has(w.caseOf(c)) {
					at = append(at, c)
				}
			}
		}
	}
	if !hasTargets {
		return nil
	}
	for _, c := range at {
		if e := w.entityOfPhrase(c, 0); e >= 0 && w.isPlace(e) {
			return []int{e}
		}
	}
	return nil
}

// victim returns the noun of unnamed people or buildings (target-nouns)
// that phrase o names ("protesters", "dozens of civilians"), or -1 when o
// names none or names an entity of its own.
func (w *walker) victim(o int) int {
	if w.x.words.quantities.Has(w.d.Tokens[o].Lemma) || w.d.Tokens[o].UPOS == "NUM" {
		for _, n := range w.children(o, "nmod") {
			if w.caseOf(n) == "of" {
				o = n
			}
		}
	}
	if !w.x.words.targets.Has(w.d.Tokens[o].Lemma) || w.entityOfPhrase(o, 0) >= 0 {
		return -1
	}
	return o
}

// rejectsAClaim reports whether verb p's object is a claim named by a noun
// ("rejected the charge", "dismissed the allegations").
func (w *walker) rejectsAClaim(p int) bool {
	if strings.HasPrefix(w.d.Tokens[p].Dep, "acl") {
		return false // "a charge Phnom Penh rejected": the claim's own speaker (summarizedActors)
	}
	for _, o := range w.children(p, "obj") {
		if w.x.words.claimNouns.Has(w.d.Tokens[o].Lemma) {
			return true
		}
	}
	return false
}

// latestAttackers returns the agents of the latest act of force stated so
// far that are not on the side of subjects nor of their state.
func (w *walker) latestAttackers(subjects []int) []int {
	return w.latestAgents(func(ev event) bool { return ev.force }, func(a int) bool {
		return w.ownSide(subjects, a) || slices.ContainsFunc(subjects, func(s int) bool { return w.stateOf(s) == w.stateOf(a) })
	})
}

// latestAgents returns the actor agents, other than those own reports, of
// the latest event stated so far that is among those wanted and has any.
func (w *walker) latestAgents(wanted func(event) bool, own func(a int) bool) []int {
	for i := len(w.events) - 1; i >= 0; i-- {
		if !wanted(w.events[i]) {
			continue
		}
		var out []int
		for _, a := range w.events[i].agents {
			if w.isActor(a) && !own(a) { // "a series of missile tests": the missile acts on no one
				out = append(out, a)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// claimedActor returns the actors of the "of" phrase of a claim noun
// (claim-nouns: allegation, accusation, charge, claim …) that ends right
// before gerund p ("allegations of Bolivia funneling cash"), or nil.
func (w *walker) claimedActor(p int) []int {
	d := w.d
	lo, _ := w.span(p)
	for k, steps := lo-1, 0; k >= 0 && steps < 3; k, steps = d.Tokens[k].Head, steps+1 {
		t := d.Tokens[k]
		if t.Sentence != d.Tokens[p].Sentence {
			return nil
		}
		if t.Dep == "nmod" && t.Head >= 0 && w.caseOf(k) == "of" && w.x.words.claimNouns.Has(d.Tokens[t.Head].Lemma) {
			if _, end := w.span(k); end == lo {
				return slices.DeleteFunc(w.argEntities(k), func(e int) bool { return !w.isActor(e) })
			}
			return nil
		}
	}
	return nil
}

// brokeredParties returns the parties of an agreement that a participle
// of mediation modifies ("Saudi Arabia and Iran agreed to restore
// relations in a deal brokered by China"): the subjects of the clause the
// agreement noun belongs to, within three steps up; the mediators are left
// out.
func (w *walker) brokeredParties(p int, mediators []int) []int {
	d := w.d
	n := d.Tokens[p].Head
	if d.Tokens[p].Dep != "acl" || n < 0 || d.Tokens[n].UPOS != "NOUN" {
		return nil
	}
	v := d.Tokens[n].Head
	for steps := 0; v >= 0 && d.Tokens[v].UPOS != "VERB" && steps < 3; steps++ {
		v = d.Tokens[v].Head
	}
	if v < 0 || d.Tokens[v].UPOS != "VERB" {
		return nil
	}
	parties, _, _ := w.subjectsOf(v, 0)
	return slices.DeleteFunc(slices.Clone(parties), func(e int) bool { return slices.Contains(mediators, e) || !w.isActor(e) })
}

// conflictParties returns the two sides of the article's conflict as
// stated so far, for "the warring parties", "both sides" and for a
// mediation with no stated parties ("the resumption of negotiations,
// brokered by Norway", "after mediation by Turkey"): the pair of sides,
// none of them on the side of not (the mediators, the one who appeals to
// both sides), that the fights, consultations and
// mediations stated so far join most often (a fight or a consultation
// joins its agent and its object, a mediation the parties it mediates
// between), the latest pair on a tie. A side is a state for its own bodies
// (the militaries fight, the states make the truce), an organization or
// group otherwise; people talk for their sides and are none.
func (w *walker) conflictParties(not []int) []int {
	side := func(e int) int {
		e = w.stateOf(e)
		if !w.isActor(e) || w.typeOf(e) == string(schema.Person) || w.ownSide(not, e) {
			return -1
		}
		return e
	}
	count := map[[2]int]int{}
	var best [2]int
	join := func(a, o int) {
		a, o = side(a), side(o)
		if a < 0 || o < 0 || a == o {
			return
		}
		pair := [2]int{min(a, o), max(a, o)}
		count[pair]++
		if count[pair] >= count[best] {
			best = pair
		}
	}
	for _, ev := range w.events {
		switch {
		case ev.code == codeMediate:
			for i, a := range ev.objects {
				for _, o := range ev.objects[i+1:] {
					join(a, o)
				}
			}
		case strings.HasPrefix(ev.code, rootConsult) || schema.RootBetween(ev.code, 18, 20):
			for _, a := range ev.agents {
				for _, o := range ev.objects {
					join(a, o)
				}
			}
		}
	}
	if count[best] == 0 {
		return nil
	}
	return best[:]
}

// summarizedActors resolves the object of reaction verb p in a relative
// clause on a noun that sums up a clause (summary-nouns, claim-nouns: "…, a move Peru condemned as
// reckless", "…, a decision that Bolivia welcomed") to the subjects of that
// clause: the verb above the noun, within three steps, or the clause it
// reports. The reacting side itself is left out.
func (w *walker) summarizedActors(p int, subjects []int) []int {
	d := w.d
	var v, noun int
	sums := func(n int) bool {
		return w.x.words.summaryNouns.Has(d.Tokens[n].Lemma) || w.x.words.claimNouns.Has(d.Tokens[n].Lemma)
	}
	if n := d.Tokens[p].Head; strings.HasPrefix(d.Tokens[p].Dep, "acl") && n >= 0 && sums(n) {
		v, noun = d.Tokens[n].Head, n
	} else if i := slices.IndexFunc(w.children(p, "obj", "obl"), func(c int) bool {
		return c < p && sums(c)
	}); i >= 0 && (d.Tokens[p].Dep == "parataxis" || d.Tokens[p].Dep == "conj") {
		v, noun = d.Tokens[p].Head, w.children(p, "obj", "obl")[i] // the same phrase parsed as a clause beside the act
	} else {
		return nil
	}
	for steps := 0; v >= 0 && d.Tokens[v].UPOS != "VERB" && steps < 3; steps++ {
		v = d.Tokens[v].Head
	}
	if v < 0 || v == p || d.Tokens[v].UPOS != "VERB" {
		return nil
	}
	agents, _, _ := w.subjectsOf(v, 0)
	for _, c := range w.children(v, "ccomp") {
		if w.x.words.claimNouns.Has(d.Tokens[noun].Lemma) {
			break // a claim is its speaker's
		}
		// "The Pentagon said a destroyer had transited the strait, a move
		// Beijing condemned": the reported act is what the move sums up.
		if ca, _, _ := w.subjectsOf(c, 0); len(ca) > 0 {
			agents = ca
		}
	}
	var out []int
	for _, a := range agents {
		if w.isActor(a) && !slices.Contains(subjects, a) {
			out = append(out, a)
		}
	}
	return out
}

// calledActors resolves the object of reaction verb p when it is what the
// subject calls something ("condemned what he called continued Israeli
// aggression", "rejected what it described as Russian lies") to the
// actors the naming phrase names, up to the end of the sentence or of the
// quote.
func (w *walker) calledActors(p int, subjects []int) []int {
	d := w.d
	s := d.Sentences[d.Tokens[p].Sentence]
	for _, o := range w.children(p, "obj") {
		if !strings.EqualFold(d.Tokens[o].Text, "what") {
			continue
		}
		k := o + 1
		for ; k < s.End && k <= o+3; k++ {
			if w.x.words.namingVerbs.Has(d.Tokens[k].Lemma) {
				break
			}
		}
		if k >= s.End || k > o+3 {
			return nil
		}
		var out []int
		quoted := false
		for k++; k < s.End; k++ {
			t := d.Tokens[k].Text
			if t == "\"" || t == "“" || t == "”" {
				if quoted {
					break // the end of the quoted name
				}
				quoted = true
				continue
			}
			if t == "," && !quoted || t == "." || t == ";" {
				break
			}
			if a := w.entity(k); a >= 0 && w.isActor(a) && !slices.Contains(out, a) && !w.ownSide(subjects, a) {
				out = append(out, a)
			}
		}
		return out
	}
	return nil
}

// isForce reports whether a CAMEO code is a show or use of force (roots 15-20).
func isForce(code string) bool { return schema.RootBetween(code, 15, 20) }

// eventAgents resolves an act or claim named as the object of reaction
// verb p, in the object slots of its entry e ("Ban Ki-moon condemned the
// test", "Quito rejected the complaint", "objected to the deployment",
// "the release was welcomed by Lima") to who carried it out:
// the agents, outside the subjects' own side, of the latest act before it
// that the noun names (namesEvent), else, for an act of force, of the
// latest act of force. A claim answers only an act aimed at the subjects'
// side, when that act names its target. A noun with no agent of its own
// refers back only when definite ("the", "this", "those"): "rejected a
// proposal" names no act stated before.
func (w *walker) eventAgents(p int, e schema.LexEntry, passive bool, subjects []int) []int {
	n := -1
	for _, sl := range e.Args.Object {
		if objs := w.slotTokens(p, sl, passive, nil); len(objs) > 0 {
			n = objs[0]
			break
		}
	}
	return w.referredAgents(n, subjects)
}

// referredAgents resolves act or claim noun n, definite and with no agent
// of its own, to the agents of the act it refers back to, as eventAgents
// describes; nil for any other noun.
func (w *walker) referredAgents(n int, subjects []int) []int {
	if n < 0 || w.d.Tokens[n].UPOS != "NOUN" || !w.anaphoric(n) {
		return nil
	}
	own := func(a int) bool { return w.ownSide(subjects, a) }
	named := func(ev event) bool {
		if !w.namesEvent(n, ev) {
			return false
		}
		if !strings.HasPrefix(ev.code, rootDisapprove) {
			return true
		}
		// "Hanoi rejected the accusation": one made against Hanoi's side.
		targets := slices.DeleteFunc(slices.Clone(ev.objects), func(o int) bool { return !w.isActor(o) })
		return len(targets) == 0 || slices.ContainsFunc(targets, own)
	}
	if out := w.latestAgents(named, own); len(out) > 0 || !w.isAct(n) {
		return out
	}
	return w.latestAgents(func(ev event) bool { return ev.force }, own)
}

// anaphoric reports whether noun n refers back: it has a definite article
// or a demonstrative.
func (w *walker) anaphoric(n int) bool {
	for _, c := range w.children(n, "det") {
		if w.x.words.anaphoricDets.Has(strings.ToLower(w.d.Tokens[c].Text)) {
			return true
		}
	}
	return false
}

// namesEvent reports whether noun n names event ev: the event's own word
// ("the attack" after "attacked"), its nominalization ("the accusation"
// after "accused", "the withdrawal" after "withdrew"), or a noun whose
// lexicon entry has the event's CAMEO code ("the detention" after
// "detained", "the charges" after "blamed"). Statements (01) are too
// common to be told apart by their code ("the claims" needs the word), and
// so are acts of force, which fall back on the latest act of force
// (eventAgents).
func (w *walker) namesEvent(n int, ev event) bool {
	if nominalizes(w.d.Tokens[n].Lemma, ev.lemma) || nominalizes(strings.ToLower(w.d.Tokens[n].Text), ev.lemma) {
		return true
	}
	if len(ev.code) < 3 || strings.HasPrefix(ev.code, rootStatement) || ev.force {
		return false
	}
	for _, e := range w.nounEntries(n) {
		if len(e.CAMEO) >= 3 && e.CAMEO[:3] == ev.code[:3] {
			return true
		}
	}
	return false
}

// nominalizes reports whether noun lemma n names the act of verb lemma v:
// the same word ("release", "attack") or the verb, or its stem without a
// final e, with a suffix that makes a noun of it ("accuse" → "accusation",
// "deploy" → "deployment", "withdraw" → "withdrawal", "seize" →
// "seizure", "interfere" → "interference", "complain" → "complaint").
func nominalizes(n, v string) bool {
	if n == v {
		return true
	}
	for _, stem := range []string{v, strings.TrimSuffix(v, "e")} {
		rest, ok := strings.CutPrefix(n, stem)
		if !ok || len(stem) < 4 {
			continue
		}
		switch rest {
		case "ation", "ition", "ion", "ment", "al", "ure", "ance", "ence", "t", "ing":
			return true
		}
	}
	return false
}

// isAct reports whether noun n names an act of force ("attack", "strike",
// "test", "launch"): by its lexicon code or as one of act-nouns.
func (w *walker) isAct(n int) bool {
	if w.x.words.actNouns.Has(w.d.Tokens[n].Lemma) {
		return true
	}
	for _, e := range w.nounEntries(n) {
		if isForce(e.CAMEO) {
			return true
		}
	}
	return false
}

// noResponse reports whether verb p is a negated "respond"/"reply" to "a
// request for comment".
func (w *walker) noResponse(p int) bool {
	d := w.d
	if !w.x.words.responseVerbs.Has(d.Tokens[p].Lemma) || !w.negated(p) {
		return false
	}
	for _, a := range w.children(p, "obl") {
		for _, c := range w.kids(a) {
			if d.Tokens[c].Lemma == "comment" {
				return true
			}
		}
	}
	return false
}

// purposeRecipients finds the beneficiary of a purpose clause under a
// supply verb: "shipped arms … to assist Ukrainian forces", "sent troops to
// aid Ukraine".
func (w *walker) purposeRecipients(p int) []int {
	d := w.d
	var out []int
	var visit func(h, depth int)
	visit = func(h, depth int) {
		for _, c := range d.Children(h) {
			t := d.Tokens[c]
			switch t.Dep {
			case "advcl", "acl", "xcomp":
				if t.UPOS == "VERB" {
					for _, e := range w.x.s.LookupVerb(t.Lemma, "") {
						if e.Relation == schema.RelAids || e.Relation == schema.RelSupplies || e.Relation == schema.RelSupports || e.Relation == schema.RelProtects {
							for _, o := range w.children(c, "obj") {
								out = append(out, w.argEntities(o)...)
							}
							break
						}
					}
				}
			case "obj", "conj":
				if depth < 2 {
					visit(c, depth+1)
				}
			}
		}
	}
	visit(p, 0)
	return out
}

func containsSlot(slots []string, s string) bool {
	for _, x := range slots {
		if x == s {
			return true
		}
	}
	return false
}

// openRelation keeps a clause the lexicon does not know as RELATED_TO
// between its subject and its object (or first prepositional argument).
func (w *walker) openRelation(p int, passive bool) {
	subjects, _, direct := w.subjectsOf(p, 0)
	if len(subjects) == 0 {
		return
	}
	var objects []int
	if passive {
		for _, n := range w.children(p, "nsubj:pass") {
			objects = w.argEntities(n)
		}
	} else {
		for _, o := range w.children(p, "obj") {
			objects = w.argEntities(o)
		}
	}
	if len(objects) == 0 {
		for _, prep := range w.x.words.targetPreps {
			for _, a := range w.children(p, "obl") {
				if w.caseOf(a) == prep && w.d.Tokens[a].Dep != "obl:tmod" {
					objects = append(objects, w.argEntities(a)...)
				}
			}
			if len(objects) > 0 {
				break
			}
		}
	}
	if len(objects) == 0 {
		return
	}
	base := w.base(p, direct)
	pred := w.predicate(p, "", roles{instrument: -1})
	for _, s := range subjects {
		if !w.isActor(s) {
			continue
		}
		for _, o := range objects {
			r := base
			r.Subject, r.Object, r.Predicate, r.Relation = s, o, pred, schema.RelRelatedTo
			r.Confidence = w.confidence(r, false, direct)
			w.add(r)
		}
	}
}

// base returns a relation carrying the predicate's sentence, polarity,
// modality, date and source.
func (w *walker) base(p int, direct bool) Relation {
	d := w.d
	r := Relation{Sentence: d.Tokens[p].Sentence, Source: -1, Modality: w.modality(p), Trigger: p + 1}
	r.Negated = w.negated(p)
	r.Date, r.DateSource = w.date(p, r.Modality == Future)
	r.Source = w.source(p)
	return r
}

// negated reports whether predicate p is negated: "not"/"never" on it or on
// a verb that governs it, or "no" on its subject ("No countries have sent").
func (w *walker) negated(p int) bool {
	d := w.d
	for k, hops := p, 0; k >= 0 && hops < 2; k, hops = d.Tokens[k].Head, hops+1 {
		for _, c := range d.Children(k) {
			t := d.Tokens[c]
			l := strings.ToLower(t.Text)
			if (t.Dep == "advmod" || t.Dep == "neg") && (w.x.words.negationWords.Has(l) || strings.Contains(t.Feats, "Polarity=Neg")) {
				return true
			}
		}
		if hops == 0 {
			for _, s := range w.children(k, "nsubj", "nsubj:pass") {
				for _, c := range d.Children(s) {
					if d.Tokens[c].Dep == "det" && strings.EqualFold(d.Tokens[c].Text, "no") {
						return true
					}
				}
			}
		}
		switch d.Tokens[k].Dep {
		case "xcomp", "ccomp":
			// "declined to attack", "denied that X attacked": the governing
			// verb's meaning negates.
			h := d.Tokens[k].Head
			if h >= 0 && w.x.words.negativeGovernors.Has(d.Tokens[h].Lemma) {
				return true
			}
			// A negated governor negates its controlled complement ("did
			// not agree to send"), not a reported clause: "did not say how
			// many rockets it had fired" says nothing against the firing.
			if d.Tokens[k].Dep == "ccomp" {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// modality classifies predicate p: future ("will"), possible ("could",
// "may", questions), conditional ("if"), else asserted.
func (w *walker) modality(p int) string {
	d := w.d
	for k, hops := p, 0; k >= 0 && hops < 3; k, hops = d.Tokens[k].Head, hops+1 {
		for _, c := range d.Children(k) {
			t := d.Tokens[c]
			l := strings.ToLower(t.Text)
			if t.Dep == "mark" && (l == "if" || l == "unless") {
				return Conditional
			}
			if hops == 0 && t.Dep == "aux" {
				switch {
				case w.x.words.futureAux.Has(l):
					return Future
				case w.x.words.possibilityAux.Has(l):
					return Possible
				}
			}
		}
		if h := d.Tokens[k].Head; h >= 0 && d.Tokens[k].Dep == "acl" && w.x.words.intentNouns.Has(d.Tokens[h].Lemma) && !w.x.words.summaryNouns.Has(d.Tokens[h].Lemma) {
			return Future // "its pledge to withdraw"; "its decision to withdraw" is the act's
		}
		if dep := d.Tokens[k].Dep; dep != "xcomp" && dep != "conj" && dep != "advcl" {
			break
		}
		if h := d.Tokens[k].Head; h >= 0 && d.Tokens[k].Dep == "xcomp" && w.isFuture(d.Tokens[h].Lemma, d.Tokens[k].Lemma) {
			return Future
		}
	}
	s := d.Sentences[d.Tokens[p].Sentence]
	if last := d.Tokens[s.End-1]; last.Text == "?" {
		return Possible
	}
	return Asserted
}

// date resolves the time expression attached to predicate p (or to the
// verb governing it), else gives the publication date.
func (w *walker) date(p int, future bool) (string, string) {
	d := w.d
	for k, hops := p, 0; k >= 0 && hops < 2; k, hops = d.Tokens[k].Head, hops+1 {
		for _, c := range d.Children(k) {
			t := d.Tokens[c]
			base, _, _ := strings.Cut(t.Dep, ":")
			if base != "obl" && base != "nmod" && base != "advmod" && base != "nummod" {
				continue
			}
			if !timex.IsTimeWord(t.Text) && !w.hasTimeWord(c) {
				continue
			}
			if w.published.IsZero() {
				continue
			}
			if dt, ok := timex.Resolve(w.subtreeWords(c), w.published, future); ok {
				return dt.String(), "text"
			}
		}
		if dep := d.Tokens[k].Dep; dep != "xcomp" && dep != "conj" && !(hops == 0 && d.Tokens[k].UPOS == "NOUN") {
			break // an event noun takes the date of the clause it is in
		}
	}
	if w.published.IsZero() {
		return "", ""
	}
	return w.published.Format("2006-01-02"), "published"
}

func (w *walker) hasTimeWord(h int) bool {
	for _, c := range w.kids(h) {
		if timex.IsTimeWord(w.d.Tokens[c].Text) {
			return true
		}
	}
	return false
}

// subtreeWords returns the words of h's subtree in order.
func (w *walker) subtreeWords(h int) []string {
	lo, hi := w.span(h)
	out := make([]string, 0, hi-lo)
	for k := lo; k < hi; k++ {
		out = append(out, w.d.Tokens[k].Text)
	}
	return out
}

// span returns the token range covered by h's subtree.
func (w *walker) span(h int) (int, int) {
	lo, hi := h, h+1
	for _, c := range w.kids(h) {
		l, r := w.span(c)
		lo, hi = min(lo, l), max(hi, r)
	}
	return lo, hi
}

// phraseText returns the noun phrase headed by h without clauses and
// determiners ("anti-tank and anti-armor missiles" → as written).
func (w *walker) phraseText(h int) string {
	d := w.d
	lo, hi := h, h+1
	for _, c := range d.Children(h) {
		switch d.Tokens[c].Dep {
		case "amod", "compound", "nummod", "flat", "conj", "cc", "nmod:poss":
			l, r := w.span(c)
			lo, hi = min(lo, l), max(hi, r)
		}
	}
	for lo < hi && (d.Tokens[lo].UPOS == "DET" || d.Tokens[lo].UPOS == "PUNCT" || d.Tokens[lo].UPOS == "CCONJ") {
		lo++
	}
	for hi > lo && (d.Tokens[hi-1].UPOS == "PUNCT" || d.Tokens[hi-1].UPOS == "CCONJ") {
		hi--
	}
	if lo >= hi {
		return ""
	}
	return d.Text[d.Tokens[lo].Start:d.Tokens[hi-1].End]
}

// predicate is the normalized verb phrase: lemma, particle, and the
// instrument or a non-entity object noun ("provide weapon", "call for ceasefire").
func (w *walker) predicate(p int, particle string, r roles) string {
	d := w.d
	parts := []string{strings.ToLower(d.Tokens[p].Lemma)}
	for _, c := range w.children(p, "compound:prt") {
		parts = append(parts, strings.ToLower(d.Tokens[c].Text))
	}
	if particle != "" && len(parts) == 1 && !strings.HasPrefix(particle, "to ") && !strings.HasPrefix(particle, "obj ") {
		parts = append(parts, particle)
	}
	obj := r.instrument
	if obj < 0 {
		if o := w.children(p, "obj"); len(o) > 0 && w.entity(o[0]) < 0 {
			obj = o[0]
		}
	}
	if obj >= 0 && d.Tokens[obj].UPOS == "NOUN" {
		// "fired water cannon": a noun compound stays whole.
		if m := obj - 1; m >= 0 && d.Tokens[m].Head == obj && d.Tokens[m].Dep == "compound" && d.Tokens[m].UPOS == "NOUN" {
			parts = append(parts, strings.ToLower(d.Tokens[m].Text))
		}
		parts = append(parts, strings.ToLower(d.Tokens[obj].Lemma))
	}
	return strings.Join(parts, " ")
}

// source returns the speaker who reports predicate p: the speaker of the
// quote it is in, or the subject of the speech verb whose complement it is.
func (w *walker) source(p int) int {
	d := w.d
	if q := w.quoteOf[p]; q >= 0 {
		return d.Quotes[q].Speaker
	}
	for k, hops := p, 0; k >= 0 && hops < 3; k, hops = d.Tokens[k].Head, hops+1 {
		t := d.Tokens[k]
		if t.Dep != "ccomp" && t.Dep != "parataxis" && t.Dep != "conj" {
			continue
		}
		h := t.Head
		if h >= 0 && w.isSpeech(d.Tokens[h].Lemma) {
			subj, _, _ := w.subjectsOf(h, 0)
			if len(subj) > 0 {
				return subj[0]
			}
		}
	}
	return -1
}
