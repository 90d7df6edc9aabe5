package resolve

import (
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/schema"
)

// entityAt returns the entity of the mention covering token k, or -1.
func (st *state) entityAt(k int) int {
	if k < 0 || k >= len(st.tokMention) || st.tokMention[k] < 0 {
		return -1
	}
	return st.find(st.d.Mentions[st.tokMention[k]].Entity)
}

// isPossessive reports whether token k is a possessive marker.
func (st *state) isPossessive(k int) bool {
	if k < 0 || k >= len(st.d.Tokens) {
		return false
	}
	t := st.d.Tokens[k].Text
	return t == "'s" || t == "’s" || t == "'" || t == "’"
}

// qualifierBefore returns the actor that qualifies a title starting at
// token k, maybe past words that modify the title: "Pakistan's Defense
// Minister", "Armenian Prime Minister", "Kremlin spokesperson", "State
// Department spokeswoman", "Eritrea's information minister", "the
// European Union's foreign policy spokeswoman", past the acronym the
// organization's name introduces ("Kenya Defence Forces (KDF) spokesman").
func (st *state) qualifierBefore(k int) int {
	j := st.qualifierToken(k)
	if j < 0 {
		return -1
	}
	if e := st.entityAt(j); e >= 0 && st.isActorEntity(e) {
		return e
	}
	if iso := st.demonym[j]; iso != "" {
		return st.countryEntity(iso)
	}
	return -1
}

// qualifierToken returns the last token of the words that may qualify a
// title starting at token k (see qualifierBefore), or -1.
func (st *state) qualifierToken(k int) int {
	j := st.titleModifiersStart(k) - 1
	if st.isPossessive(j) {
		j--
	}
	if st.isAcronymInParentheses(j) {
		j -= 3
	}
	if j < 0 || st.d.Tokens[j].Sentence != st.d.Tokens[k].Sentence {
		return -1
	}
	return j
}

// placeOfOffice returns the place named before a local office starting at
// token k ("Helmand Governor", "Kharkiv's mayor"): a governor or a mayor
// serves the province or city, -1 when no place qualifies the title.
func (st *state) placeOfOffice(k int) int {
	if e := st.entityAt(st.qualifierToken(k)); e >= 0 && st.d.Entities[e].Type == string(schema.Location) {
		return e
	}
	return -1
}

// localOffice reports whether role is an office of a province or a city.
func localOffice(role string) bool { return role == "governor" || role == "mayor" }

// isAcronymInParentheses reports whether token k closes a parenthesized
// acronym of one word in capitals ("(KDF)") within its sentence.
func (st *state) isAcronymInParentheses(k int) bool {
	d := st.d
	if k < 3 || d.Tokens[k].Text != ")" || d.Tokens[k-2].Text != "(" || d.Tokens[k-3].Sentence != d.Tokens[k].Sentence {
		return false
	}
	w := d.Tokens[k-1].Text
	return len(w) > 1 && w == strings.ToUpper(w) && w != strings.ToLower(w)
}

// titleModifiersStart returns the first of the words that modify a title
// starting at token k ("information" in "Eritrea's information minister"),
// or k when none: up to three nouns or adjectives that name nothing,
// written in the title's case ("Interior" before "Minister", "foreign
// policy" before "spokeswoman").
func (st *state) titleModifiersStart(k int) int {
	d := st.d
	lower := d.Tokens[k].Text == strings.ToLower(d.Tokens[k].Text)
	j := k
	for j > 0 && k-j < 3 && d.Tokens[j-1].Sentence == d.Tokens[k].Sentence {
		t := d.Tokens[j-1]
		if st.tokMention[j-1] >= 0 || st.demonym[j-1] != "" || t.UPOS != "ADJ" && t.UPOS != "NOUN" && t.UPOS != "PROPN" ||
			(t.Text == strings.ToLower(t.Text)) != lower {
			break
		}
		j--
	}
	return j
}

// titleOwner returns the actor whose title t is, written before it
// (qualifierBefore), before the chain of titles it ends ("army chief Gen.
// Abdel Fattah al-Burhan"), or as a bare organization noun inside or before
// it ("army commander General X", "ministry spokesman Y"); -1 when none.
func (st *state) titleOwner(t titleSpan) int {
	if org := st.qualifierBefore(t.start); org >= 0 {
		return org
	}
	if prev, ok := st.titleEndingAt(t.start); ok {
		return st.titleOwner(prev)
	}
	if t.end-t.start > 1 {
		if org := st.bareOrganization(t.start); org >= 0 {
			return org
		}
	}
	if k := t.start - 1; k >= 0 && st.d.Tokens[k].Sentence == st.d.Tokens[t.start].Sentence && !st.modifiedBefore(k) {
		return st.bareOrganization(k)
	}
	return -1
}

// bareOrganization returns the organization that a lower-case noun at
// token k, used without a determiner before a title, stands for: "army"
// is the military of the state the article is about, or else the one
// military it names before k; "ministry", "mission", "council"... the one
// organization so named before k. -1 when the noun names no organization
// or more than one fits.
func (st *state) bareOrganization(k int) int {
	d := st.d
	t := d.Tokens[k]
	first := k == d.Sentences[t.Sentence].Start // "Army chief Gen. X said"
	if t.UPOS != "NOUN" && t.UPOS != "PROPN" || t.Text != strings.ToLower(t.Text) && !first || st.tokMention[k] >= 0 {
		return -1
	}
	want, ok := st.r.words.descriptions[strings.ToLower(t.Text)]
	if !ok {
		want, ok = st.r.words.descriptions[strings.ToLower(t.Lemma)]
	}
	if want == string(schema.Country) && strings.EqualFold(t.Text, "government") {
		// "government spokesman Colonel X": the government of the state the
		// article is about.
		if iso := st.articleState(); iso != "" {
			return st.countryEntity(iso)
		}
	}
	if !ok || want == string(schema.Country) || want == string(schema.Person) {
		return -1
	}
	if want == "military" {
		if iso := st.articleState(); iso != "" {
			return st.bodyOf(iso, "armed forces")
		}
	}
	accept := st.describes(want, strings.ToLower(t.Lemma))
	found := -1
	for _, m := range d.Mentions {
		e := st.find(m.Entity)
		if m.Start >= k || e == found || !accept(d.Entities[e]) {
			continue
		}
		if found >= 0 {
			return -1 // two fit: unsure
		}
		found = e
	}
	return found
}

// modifiedBefore reports whether the word before token k modifies it
// ("Iran's ministry", "the foreign ministry", "its army"), so that the
// noun at k is no bare organization noun.
func (st *state) modifiedBefore(k int) bool {
	d := st.d
	if k == 0 || d.Tokens[k-1].Sentence != d.Tokens[k].Sentence {
		return false
	}
	switch d.Tokens[k-1].UPOS {
	case "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART":
		return true
	}
	return st.isPossessive(k-1) || st.tokMention[k-1] >= 0
}

// isActorEntity reports whether entity e can employ a person.
func (st *state) isActorEntity(e int) bool {
	switch st.d.Entities[e].Type {
	case string(schema.Country), string(schema.Organization):
		return true
	}
	return false
}

// titleEndingAt returns the title span that ends right before token k, if any.
func (st *state) titleEndingAt(k int) (titleSpan, bool) {
	if i, ok := st.titleIndex.byEnd[k]; ok {
		return st.titles[i], true
	}
	return titleSpan{}, false
}

// addTitle records title span t and indexes it by its start, its end and
// its sentence, so that finding the titles at a token or in a sentence does
// not scan every title of the article (a long text has thousands).
func (st *state) addTitle(t titleSpan) {
	x := &st.titleIndex
	if x.byStart == nil {
		x.byStart, x.byEnd, x.bySentence = map[int]int{}, map[int]int{}, map[int][2]int{}
	}
	i := len(st.titles)
	if _, ok := x.byStart[t.start]; !ok {
		x.byStart[t.start] = i
	}
	if _, ok := x.byEnd[t.end]; !ok {
		x.byEnd[t.end] = i
	}
	si := st.d.Tokens[t.start].Sentence
	r, ok := x.bySentence[si]
	if !ok {
		r[0] = i
	}
	r[1] = i + 1
	x.bySentence[si] = r
	st.titles = append(st.titles, t)
}

// sentenceTitles returns the title spans of sentence si, which addTitle
// records one sentence after another.
func (st *state) sentenceTitles(si int) []titleSpan {
	r, ok := st.titleIndex.bySentence[si]
	if !ok {
		return nil
	}
	return st.titles[r[0]:r[1]]
}

// titleStartingAt returns the title span that starts at token k, if any.
func (st *state) titleStartingAt(k int) (titleSpan, bool) {
	if i, ok := st.titleIndex.byStart[k]; ok {
		return st.titles[i], true
	}
	return titleSpan{}, false
}

// personRole records the role and affiliation stated around a person's
// name: a title before it ("Russia's deputy foreign minister Sergey
// Ryabkov", "UN envoy Martin Griffiths") or an apposition after it
// ("Sergey Ryabkov, Russia's deputy foreign minister", "Ana Ruiz,
// analyst with the International Crisis Group").
func (st *state) personRole(p cand) {
	d := st.d
	pe := st.entityAt(p.start)
	if pe < 0 {
		return
	}
	si := d.Tokens[p.start].Sentence
	role, org := p.role, -1
	rule := ""     // the branch that found the organization, past the title before the name (nlp.Link.Rule)
	rankRole := "" // a rank before the name, kept beside the role of the post
	rank, ranked := st.titleEndingAt(p.start)
	if ranked {
		if rank.title.Role {
			role = rank.title.Canonical
		}
		org = st.titleOwner(rank)
		if org < 0 && rank.title.Role && localOffice(rank.title.Canonical) {
			org = st.placeOfOffice(rank.start)
		}
	}
	if org < 0 {
		// "UN envoy to Yemen Martin Griffiths", "the coast guard's
		// spokesperson for the Spratlys (SPR) Commodore X": a title and
		// its post, maybe a rank, then the name.
		k := p.start
		if ranked {
			k = rank.start
		}
		if t, ok := st.titleBeforePost(k); ok && (!ranked || st.qualifierBefore(t.start) >= 0) {
			if ranked {
				rankRole = role
			}
			role, org, rule = t.title.Canonical, st.qualifierBefore(t.start), "/titlePost"
		}
	}
	e := &d.Entities[pe]
	if rankRole != "" {
		e.Roles = appendUnique(e.Roles, rankRole)
	}
	if org < 0 {
		// "General Abdel Fattah al-Burhan, the head of Sudan's armed forces":
		// the apposition says whom the person works for.
		if r2, o2 := st.apposition(p.end); r2 != "" {
			e.Roles = appendUnique(e.Roles, role)
			role, org, rule = r2, o2, "/apposition"
		}
	}
	// The words around the name may say whom the person works for: a
	// relative clause ("X, who has declared himself Chile's new leader",
	// "Y, who heads the Z group"), a role and its organization before the
	// name ("A spokesman for the military, Major General Zaw Min Tun,
	// told"), or a list after a collective of title holders ("four Hamas
	// commanders were killed, including: X, responsible for …, and Y").
	for _, reader := range []struct {
		rule string
		read func() (string, int)
	}{
		{"/relativeRole", func() (string, int) { return st.relativeRole(p.end) }},
		{"/copularRole", func() (string, int) { return st.copularRole(p.end) }},
		{"/roleBefore", func() (string, int) { return st.roleBefore(p.start) }},
		{"/listedAfterCollective", func() (string, int) { return st.listedAfterCollective(p.start, p.end) }},
		{"/envoySentBy", func() (string, int) { return st.envoySentBy(p.start) }},
	} {
		if org >= 0 {
			break
		}
		if r, o := reader.read(); o >= 0 {
			e.Roles = appendUnique(e.Roles, role)
			role, org, rule = r, o, reader.rule
		}
	}
	if org < 0 && role != "" {
		// "President Vladimir Putin", "presidential spokesman Dmitry
		// Peskov": a title without its state or organization, held by a
		// person the officeholders gazetteer lists.
		if o := st.officeholder(e.Name, role); o >= 0 {
			org, rule = o, "/officeholder"
		}
	}
	if org < 0 && st.stateRole(role) {
		// "Defence Minister X told reporters in the capital", in a story
		// whose actors and places are mostly one state's: that state's.
		// "…, President Gustavo Petro said": a bare state title in an
		// article about one state by its names or dateline, which the
		// sentence names, is that state's, unless the actors and places
		// lead to another state.
		lead, clear := st.homeState()
		switch iso := st.articleState(); {
		case clear:
			org, rule = st.countryEntity(lead), "/homeState"
		case iso != "" && iso == lead:
			if c, ok := st.byKey["C:"+iso]; ok && (st.mentionedIn(st.find(c), si) || st.dominantCountry() == iso) {
				org, rule = st.find(c), "/articleState"
			}
		}
	}
	if role == "" {
		return
	}
	e.Roles = appendUnique(e.Roles, role)
	if org >= 0 {
		st.addLink(pe, nlp.Link{Relation: "AFFILIATION", Entity: org, Role: role, Sentence: si, Rule: rule})
	}
}

// homeState returns the state that the article's actors and places mostly
// belong to, and whether it leads clearly: each mention of a state, or of
// a body, group or place of one ("the Mexican army", "Culiacan"), counts
// one for it, and the dateline's state two; the leader leads clearly with
// at least three and half as many again as any other state. Persons do not
// count: they are what it is asked about.
func (st *state) homeState() (lead string, clear bool) {
	score := map[string]int{}
	for _, m := range st.d.Mentions {
		if m.Pronoun {
			continue
		}
		if e := st.d.Entities[st.find(m.Entity)]; e.Country != "" && e.Type != string(schema.Person) {
			score[e.Country]++
		}
	}
	for _, iso := range st.datelineStates {
		score[iso] += 2
	}
	best, first, second := leader(score)
	return best, first >= 4 && 2*first >= 3*second
}

// dropContestedOffices removes an office of a state that only the
// discourse gave a person (homeState, articleState) when the text names
// another holder of that office of that state outright: one state has one
// president, so "President X" in a story about Manila is not the
// Philippines' when "Philippine President Y" is.
func (st *state) dropContestedOffices() {
	type office struct {
		role string
		org  int
	}
	discourse := func(rule string) bool {
		return strings.HasSuffix(rule, "/homeState") || strings.HasSuffix(rule, "/articleState")
	}
	stated := map[office]bool{}
	for _, e := range st.d.Entities {
		for _, l := range e.Links {
			if e.Type == string(schema.Person) && l.Relation == "AFFILIATION" && st.stateRole(l.Role) && !discourse(l.Rule) {
				stated[office{l.Role, st.find(l.Entity)}] = true
			}
		}
	}
	for i := range st.d.Entities {
		e := &st.d.Entities[i]
		e.Links = slices.DeleteFunc(e.Links, func(l nlp.Link) bool {
			return l.Relation == "AFFILIATION" && discourse(l.Rule) && stated[office{l.Role, st.find(l.Entity)}]
		})
	}
}

// stateRole reports whether role is an office of a state's government.
func (st *state) stateRole(role string) bool {
	return st.r.words.stateOffices.Has(role) || strings.HasSuffix(role, "minister")
}

// mentionedIn reports whether entity e has a mention in sentence si.
func (st *state) mentionedIn(e, si int) bool {
	for _, m := range st.d.Mentions {
		if st.d.Tokens[m.Start].Sentence == si && st.find(m.Entity) == e {
			return true
		}
	}
	return false
}

// roleBefore reads "ROLE for|of ORG, [TITLE] NAME" or "ORG[,] led by
// [TITLE] NAME" before a name starting at token k and returns the role and
// the organization, or -1.
func (st *state) roleBefore(k int) (string, int) {
	d := st.d
	if t, ok := st.titleEndingAt(k); ok {
		k = t.start
	}
	si := d.Tokens[k].Sentence
	if org := st.ledByBefore(k); org >= 0 {
		return "leader", org
	}
	if k >= 1 && d.Tokens[k-1].Sentence == si {
		// "the chairperson of the African Union X", without the comma.
		if role, org := st.roleOfOrganizationEndingAt(k - 1); org >= 0 {
			return role, org
		}
	}
	if k < 2 || d.Tokens[k-1].Text != "," || d.Tokens[k-2].Sentence != si {
		return "", -1
	}
	// "Its spokesman, Lawrence Kanyuka", "one of its field commanders,
	// Hassan Jaafar", "Russia's ambassador to the IAEA in Vienna, Mikhail
	// Ulyanov": a title whose owner comes before it, maybe followed by
	// its post.
	for j := k - 1; j > k-9 && j > 0 && d.Tokens[j-1].Sentence == si; j-- {
		t, ok := st.titleEndingAt(j)
		if !ok {
			if d.Tokens[j-1].Text == "," || d.Tokens[j-1].UPOS == "VERB" {
				break
			}
			continue
		}
		if t.title.Role && (j == k-1 || st.isPostPreposition(d.Tokens[j].Text)) {
			if org := st.qualifierBefore(t.start); org >= 0 {
				return t.title.Canonical, org
			}
			if place := st.placeOfOffice(t.start); place >= 0 && localOffice(t.title.Canonical) {
				return t.title.Canonical, place
			}
		}
		break
	}
	return st.roleOfOrganizationEndingAt(k - 2)
}

// roleOfOrganizationEndingAt reads "ROLE for|of|at|with [the] ORG" whose
// organization ends at token k and returns the role and the organization,
// or -1.
func (st *state) roleOfOrganizationEndingAt(k int) (string, int) {
	d := st.d
	if k < 2 {
		return "", -1
	}
	org := st.entityAt(k)
	if org < 0 || !st.isActorEntity(org) {
		return "", -1
	}
	j := k
	for j > 0 && st.entityAt(j-1) == org {
		j--
	}
	if j > 0 && d.Tokens[j-1].UPOS == "DET" {
		j--
	}
	if j < 2 {
		return "", -1
	}
	if !st.r.words.rolePreps.Has(strings.ToLower(d.Tokens[j-1].Text)) {
		return "", -1
	}
	if t, ok := st.titleEndingAt(j - 1); ok && t.title.Role {
		return t.title.Canonical, org
	}
	return "", -1
}

// listedAfterCollective reads "[N] ORG TITLES [were killed][,] including[:]
// …, NAME" before a name starting at token k: a list of the holders of a
// plural title an actor qualifies, each maybe with an apposition of its own
// ("X, responsible for logistics, and Z"). It returns the
// title and the actor, or -1. A finite verb or a quote in the list ends it,
// and a name followed by its verb is no item ("…, including two brothers,
// X said").
func (st *state) listedAfterCollective(k, end int) (string, int) {
	d := st.d
	si := d.Tokens[k].Sentence
	start := d.Sentences[si].Start
	if end < len(d.Tokens) && d.Tokens[end].Sentence == si && (d.Tokens[end].UPOS == "AUX" || d.Tokens[end].UPOS == "VERB" && d.Tokens[end].XPOS != "VBG" && d.Tokens[end].XPOS != "VBN") {
		return "", -1
	}
	inc := -1
	for j := k - 1; j >= start && j > k-60; j-- {
		t := d.Tokens[j]
		if strings.EqualFold(t.Text, "including") {
			inc = j
			break
		}
		if isQuote(t.Text) || t.Text == ";" || t.UPOS == "VERB" && t.XPOS != "VBG" && t.XPOS != "VBN" || t.UPOS == "AUX" {
			return "", -1
		}
	}
	// The collective: the plural title right before, past a passive verb
	// and a comma ("four Hamas commanders were killed, including").
	for j := inc - 1; j >= start && j > inc-5; j-- {
		t := d.Tokens[j]
		if t.XPOS == "NNS" {
			title, ok := st.r.s.Title([]string{strings.ToLower(t.Lemma)})
			if !ok || !title.Role {
				return "", -1
			}
			return title.Canonical, st.qualifierBefore(j)
		}
		if t.Text != "," && t.UPOS != "AUX" && t.UPOS != "ADV" && t.XPOS != "VBN" {
			return "", -1
		}
	}
	return "", -1
}

// envoySentBy reads "STATE [further] recalled|appointed|sent [its]
// Ambassador NAME" before a name starting at token k: a state that recalls,
// appoints or sends a diplomat sends its own. It returns the title and the
// state, or -1.
func (st *state) envoySentBy(k int) (string, int) {
	d := st.d
	t, ok := st.titleEndingAt(k)
	if !ok || t.title.Canonical != "ambassador" {
		return "", -1
	}
	j := t.start - 1
	if j > 0 && (strings.EqualFold(d.Tokens[j].Text, "its") || strings.EqualFold(d.Tokens[j].Text, "their")) {
		j--
	}
	if j < 1 || d.Tokens[j].Sentence != d.Tokens[k].Sentence || d.Tokens[j].UPOS != "VERB" {
		return "", -1
	}
	if !st.r.words.envoyVerbs.Has(d.Tokens[j].Lemma) {
		return "", -1
	}
	for j--; j > 0 && (d.Tokens[j].UPOS == "ADV" || d.Tokens[j].UPOS == "AUX"); j-- {
	}
	if e := st.entityAt(j); e >= 0 && d.Entities[e].Type == string(schema.Country) && d.Tokens[j].Sentence == d.Tokens[k].Sentence {
		return t.title.Canonical, e
	}
	return "", -1
}

// ledByBefore returns the actor that a name starting at token k leads:
// "Mali's military government, led by General Assimi Goita", "the militia
// headed by X"; -1 when the words before k say no such thing.
func (st *state) ledByBefore(k int) int {
	d := st.d
	si := d.Tokens[k].Sentence
	if k < 3 || !strings.EqualFold(d.Tokens[k-1].Text, "by") || d.Tokens[k-3].Sentence != si {
		return -1
	}
	if !st.r.words.leadVerbs.Has(strings.ToLower(d.Tokens[k-2].Lemma)) {
		return -1
	}
	j := k - 3
	if d.Tokens[j].Text == "," {
		j--
	}
	if e := st.entityAt(j); e >= 0 && st.isActorEntity(e) && d.Tokens[j].Sentence == si {
		return e
	}
	return -1
}

// titleBeforePost returns the role title followed by a post ("envoy to
// Yemen", "spokesperson for the Spratlys (SPR)") that ends right before
// token k, within its clause.
func (st *state) titleBeforePost(k int) (titleSpan, bool) {
	d := st.d
	for j := k - 1; j > k-9 && j > 0 && d.Tokens[j].Sentence == d.Tokens[k].Sentence; j-- {
		if t := d.Tokens[j]; t.Text == "," || t.UPOS == "VERB" {
			break
		}
		if st.isPostPreposition(d.Tokens[j].Text) {
			t, ok := st.titleEndingAt(j)
			return t, ok && t.title.Role
		}
	}
	return titleSpan{}, false
}

// isPostPreposition reports whether w introduces where a title holder
// serves ("ambassador to the UN", "envoy for Yemen", "commander in Gaza").
func (st *state) isPostPreposition(w string) bool {
	return st.r.words.postPreps.Has(strings.ToLower(w))
}

// apposition reads ", [the] [ORG['s]] ROLE [of|for|with|at ORG]" after a
// name ending at token k and returns the role and the organization.
func (st *state) apposition(k int) (string, int) {
	d := st.d
	if k+1 >= len(d.Tokens) || d.Tokens[k].Text != "," || d.Tokens[k+1].Sentence != d.Tokens[k].Sentence {
		return "", -1
	}
	return st.rolePhrase(k + 1)
}

// relativeRole reads a relative clause after a name ending at token k
// (after a comma or a dash) that gives the person's role: ", who leads|heads|commands [the] ORG"
// (role leader), ", who is [the] ORG's ROLE", ", who has declared himself
// ORG's ROLE". It returns the role and the organization, or -1.
func (st *state) relativeRole(k int) (string, int) {
	d := st.d
	if k+3 >= len(d.Tokens) || !strings.EqualFold(d.Tokens[k+1].Text, "who") {
		return "", -1
	}
	switch d.Tokens[k].Text {
	case ",", "-", "–", "—": // "X - who has declared himself … -"
	default:
		return "", -1
	}
	si := d.Tokens[k].Sentence
	j := k + 2
	if d.Tokens[j].UPOS == "AUX" && d.Tokens[j].Lemma == "have" {
		j++
	}
	if j+1 >= len(d.Tokens) || d.Tokens[j+1].Sentence != si {
		return "", -1
	}
	switch l := strings.ToLower(d.Tokens[j].Lemma); {
	case st.r.words.leadVerbs.Has(l):
		o := j + 1
		if d.Tokens[o].UPOS == "DET" {
			o++
		}
		if e := st.entityAt(o); e >= 0 && st.isActorEntity(e) && d.Tokens[o].Sentence == si {
			return "leader", e
		}
	case l == "be":
		return st.titleRolePhrase(j + 1)
	case l == "declare" || l == "proclaim":
		switch strings.ToLower(d.Tokens[j+1].Text) {
		case "himself", "herself":
			if j+2 < len(d.Tokens) && d.Tokens[j+2].Sentence == si {
				return st.titleRolePhrase(j + 2)
			}
		}
	}
	return "", -1
}

// copularRole reads "is|was [a|the] ROLE of ORG" right after a name ending
// before token k ("Carlos Mendez was a commander of the Shining Path") and
// returns the role and the organization, or -1; only a known title counts
// ("was a critic of Hamas" gives nothing).
func (st *state) copularRole(k int) (string, int) {
	d := st.d
	if k+1 >= len(d.Tokens) || d.Tokens[k].Lemma != "be" || d.Tokens[k].UPOS != "AUX" || d.Tokens[k+1].Sentence != d.Tokens[k].Sentence {
		return "", -1
	}
	return st.titleRolePhrase(k + 1)
}

// titleRolePhrase is rolePhrase for a known title only: "who is a critic
// of Hamas" gives no role.
func (st *state) titleRolePhrase(k int) (string, int) {
	if role, org := st.rolePhrase(k); st.isTitleRole(role) {
		return role, org
	}
	return "", -1
}

// rolePhrase reads "[the] [ORG['s]] ROLE [of|for|with|at ORG]" starting at
// token k and returns the role and the organization.
func (st *state) rolePhrase(k int) (string, int) {
	d := st.d
	si := d.Tokens[k].Sentence
	in := func(j int) bool { return j < len(d.Tokens) && d.Tokens[j].Sentence == si }
	if in(k) && d.Tokens[k].UPOS == "DET" {
		k++
	}
	org := -1
	// A person's role holder works for that person: "Dmitry Peskov,
	// President Vladimir Putin's spokesman" (the title is the owner's).
	if t, ok := st.titleStartingAt(k); ok {
		if owner := st.entityAt(t.end); owner >= 0 && d.Entities[owner].Type == string(schema.Person) {
			k = t.end
		}
	}
	if e := st.entityAt(k); e >= 0 && st.isActorEntity(e) {
		org = e
		for in(k) && st.entityAt(k) == e {
			k++
		}
		if st.isPossessive(k) {
			k++
		}
	} else if e >= 0 && d.Entities[e].Type == string(schema.Person) {
		j := k
		for in(j) && st.entityAt(j) == e {
			j++
		}
		if !st.isPossessive(j) {
			return "", -1
		}
		org, k = e, j+1
	} else if in(k) && st.demonym[k] != "" {
		org = st.countryEntity(st.demonym[k])
		k++
	}
	role := ""
	// Modifiers before the title: "the army's Arabic-language spokesman".
	for j := k; j < k+4 && in(j); j++ {
		if t, ok := st.titleStartingAt(j); ok && t.title.Role && j > k {
			if tok := d.Tokens[j-1]; tok.UPOS == "ADJ" || tok.UPOS == "NOUN" || tok.UPOS == "PROPN" && st.entityAt(j-1) < 0 {
				k = j
			}
			break
		}
		if tok := d.Tokens[j]; tok.Text != "-" && tok.UPOS != "ADJ" && tok.UPOS != "NOUN" && (tok.UPOS != "PROPN" || st.entityAt(j) >= 0) {
			break
		}
	}
	if t, ok := st.titleStartingAt(k); ok && t.title.Role {
		role = t.title.Canonical
		k = t.end
	} else {
		// A role noun the title list lacks ("analyst", "adviser").
		start := k
		for in(k) && (d.Tokens[k].UPOS == "ADJ" || d.Tokens[k].UPOS == "NOUN") {
			k++
		}
		if k > start && d.Tokens[k-1].UPOS == "NOUN" && d.Tokens[k-1].XPOS == "NN" {
			role = strings.ToLower(st.text(start, k))
		}
	}
	if role == "" {
		return "", -1
	}
	if in(k + 1) {
		if st.r.words.rolePreps.Has(strings.ToLower(d.Tokens[k].Text)) {
			j := k + 1
			if d.Tokens[j].UPOS == "DET" {
				j++
			}
			// "chairman of the opposition United National Movement",
			// "a journalist with the private daily La Voz": lower-case
			// modifiers before the organization's name.
			for m := j; m < j+3 && in(m) && st.tokMention[m] < 0 && (d.Tokens[m].UPOS == "ADJ" || d.Tokens[m].UPOS == "NOUN") &&
				d.Tokens[m].Text == strings.ToLower(d.Tokens[m].Text); m++ {
				if e := st.entityAt(m + 1); e >= 0 && st.isActorEntity(e) {
					j = m + 1
					break
				}
			}
			if e := st.entityAt(j); e >= 0 && (st.isActorEntity(e) || localOffice(role) && d.Entities[e].Type == string(schema.Location)) && org < 0 {
				// "the governor of Helmand": a local office serves the place.
				org = e
			} else if in(j) && st.demonym[j] != "" && org < 0 {
				org = st.countryEntity(st.demonym[j])
			}
		}
	}
	if org < 0 && !st.isTitleRole(role) {
		return "", -1 // "Kirby, the man who ...": not a role
	}
	return role, org
}

// isTitleRole reports whether role is a known title.
func (st *state) isTitleRole(role string) bool {
	t, ok := st.r.s.Title(strings.Fields(role))
	return ok && t.Role
}

// find returns the surviving entity that e was merged into.
func (st *state) find(e int) int {
	for e >= 0 && e < len(st.redirect) && st.redirect[e] != e {
		e = st.redirect[e]
	}
	return e
}

// merge makes entity from part of entity into.
func (st *state) merge(from, into int) {
	from, into = st.find(from), st.find(into)
	if from == into || from < 0 || into < 0 {
		return
	}
	for len(st.redirect) < len(st.d.Entities) {
		st.redirect = append(st.redirect, len(st.redirect))
	}
	st.redirect[from] = into
	f, t := &st.d.Entities[from], &st.d.Entities[into]
	for _, a := range f.Aliases {
		t.Aliases = appendUnique(t.Aliases, a)
	}
	for _, r := range f.Roles {
		t.Roles = appendUnique(t.Roles, r)
	}
	t.Links = append(t.Links, f.Links...)
	if t.Country == "" {
		t.Country = f.Country
	}
	if !f.RelationOnly {
		t.RelationOnly = false
	}
}

// linkPersons merges a person mentioned by part of their name ("Ryabkov",
// "Khawaja Asif") or a transliteration variant ("Sergei Ryabkov") into the
// fullest name that matches it without ambiguity.
func (st *state) linkPersons() {
	d := st.d
	var persons []int
	for i, e := range d.Entities {
		if e.Type == string(schema.Person) {
			persons = append(persons, i)
		}
	}
	words := func(i int) []string { return strings.Fields(strings.ToLower(d.Entities[i].Name)) }
	// First the spelling variants of one full name, then the partial names,
	// so that "Peskov" links to the one person both spellings name.
	for _, a := range persons {
		for _, b := range persons {
			if a < b && schema.VariantName(words(a), words(b)) {
				st.merge(b, a)
			}
		}
	}
	for _, a := range persons {
		if st.find(a) != a {
			continue
		}
		wa := words(a)
		best := -1
		ambiguous := false
		for _, b := range persons {
			if st.find(b) != b || a == b || !schema.PartOfName(wa, words(b)) {
				continue
			}
			if best >= 0 && best != b {
				ambiguous = true
			}
			best = b
		}
		if best >= 0 && !ambiguous {
			st.merge(a, best)
		}
	}
	// A surname the recognizer typed as a place or organization ("responded
	// to Biden") is the person when exactly one person has that surname; so
	// is a given name the full name introduced ("Teodoro Salas" … "named
	// him only as Teodoro"), not a name before it ("Elisa and Elisa Eesti").
	first := st.firstMentions()
	for i, e := range d.Entities {
		if st.find(i) != i || e.Type == string(schema.Person) || st.fromGazetteer[i] || strings.Contains(e.Name, " ") {
			continue
		}
		w := strings.ToLower(e.Name)
		best, n := -1, 0
		for _, p := range persons {
			if wp := words(p); st.find(p) == p && len(wp) > 1 && (wp[len(wp)-1] == w || wp[0] == w && first[p] < first[i]) {
				best, n = p, n+1
			}
		}
		if n == 1 {
			d.Entities[i].Type = string(schema.Person)
			st.merge(i, best)
		}
	}
}

// linkAcronyms joins an organization with its acronym: introduced in
// parentheses ("the U.S. Department of Defense (DoD)") or spelled by the
// initials of its name ("Tigrayan People's Liberation Front" … "TPLF").
// Occurrences of the acronym that no other source recognized become
// mentions too.
func (st *state) linkAcronyms() {
	d := st.d
	acronyms := map[string]int{} // acronym → entity
	for i, e := range d.Entities {
		if e.Type != string(schema.Organization) {
			continue
		}
		if a := initials(e.Name); len(a) >= 2 {
			acronyms[a] = i
		}
	}
	for mi, m := range d.Mentions {
		k := m.End
		if k+2 < len(d.Tokens) && d.Tokens[k].Text == "(" && d.Tokens[k+2].Text == ")" && looksLikeAcronym(d.Tokens[k+1].Text) {
			e := st.find(d.Mentions[mi].Entity)
			if d.Entities[e].Type == string(schema.Organization) {
				acronyms[d.Tokens[k+1].Text] = e
			}
		}
	}
	if len(acronyms) == 0 {
		return
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.End-m.Start != 1 {
			continue
		}
		if e, ok := acronyms[d.Tokens[m.Start].Text]; ok {
			st.merge(m.Entity, e)
		}
	}
	for k, t := range d.Tokens {
		if st.tokMention[k] >= 0 {
			continue
		}
		if e, ok := acronyms[t.Text]; ok {
			st.addMentionOf(k, k+1, e)
		}
	}
	st.linkLongNames()
}

// linkLongNames reads the full name written before an organization's
// acronym in parentheses: it is a name of the organization, and a mention
// of it where nothing else was recognized ("the Group for the Support of
// Islam and Muslims (JNIM)"); an organization named elsewhere whose full name begins the
// name is the parent (AUSSOM PART_OF African Union in "the African Union
// Support and Stabilization Mission in Somalia (AUSSOM)"); other
// names recognized inside it are fragments of it ("Stabilization
// Mission", whatever its type), except the places it names: after "in",
// or named by a gazetteer or elsewhere in the text ("Somalia").
func (st *state) linkLongNames() {
	d := st.d
	for k := 1; k+2 < len(d.Tokens); k++ {
		if d.Tokens[k].Text != "(" || d.Tokens[k+2].Text != ")" || !looksLikeAcronym(d.Tokens[k+1].Text) {
			continue
		}
		a := st.entityAt(k + 1)
		start := st.nameRunBefore(k)
		if a < 0 || d.Entities[a].Type != string(schema.Organization) || start < 0 {
			continue
		}
		parent, covered := -1, false
		for j := start; j < k; j++ {
			mi := st.tokMention[j]
			if mi < 0 {
				continue
			}
			covered = true
			m, e := d.Mentions[mi], st.entityAt(j)
			if e == a || m.Start < start || m.End > k ||
				d.Entities[e].Type != string(schema.Organization) && (st.namedOutside(e, start, k) || st.afterPlacePreposition(m.Start)) {
				j = max(j, m.End-1)
				continue // a place or state the name names ("in Chad", "in Abyei")
			}
			if d.Entities[e].Type == string(schema.Organization) && m.Start == start && m.End < k && st.namedOutside(e, start, k) {
				parent = e
			} else {
				st.merge(e, a)
			}
			j = m.End - 1
		}
		if !covered {
			st.addMentionOf(start, k, a)
		}
		ae := &d.Entities[st.find(a)]
		ae.Aliases = appendUnique(ae.Aliases, st.text(start, k))
		if parent >= 0 {
			st.addLink(a, nlp.Link{Relation: "PART_OF", Entity: parent, Sentence: d.Tokens[k].Sentence})
		}
	}
}

// namedOutside reports whether organization e is a name of its own: a
// gazetteer's, or one the text uses outside tokens [start, end).
func (st *state) namedOutside(e, start, end int) bool {
	if st.fromGazetteer[e] {
		return true
	}
	for _, m := range st.d.Mentions {
		if (m.Start < start || m.Start >= end) && st.find(m.Entity) == e {
			return true
		}
	}
	return false
}

// nameRunBefore returns the first token of the proper name of at least two
// words that ends right before token k: capitalized words and the function
// words inside names ("Group for the Support of Islam and Muslims"); a
// leading "The" is not part of it. -1 when there is none.
func (st *state) nameRunBefore(k int) int {
	d := st.d
	si := d.Tokens[k].Sentence
	start := k
	for j := k - 1; j >= 0 && d.Tokens[j].Sentence == si; j-- {
		w := d.Tokens[j].Text
		if isCapitalized(w) {
			start = j
			continue
		}
		if st.r.words.nameConnectors.Has(w) {
			continue
		}
		break
	}
	if start < k && d.Tokens[start].Text == "The" {
		start++
	}
	if k-start < 2 {
		return -1
	}
	return start
}

// firstMentions returns the first token of each surviving entity's first
// mention (len(Tokens) when it has none).
func (st *state) firstMentions() []int {
	first := make([]int, len(st.d.Entities))
	for i := range first {
		first[i] = len(st.d.Tokens)
	}
	for _, m := range st.d.Mentions {
		e := st.find(m.Entity)
		first[e] = min(first[e], m.Start)
	}
	return first
}

// linkSameNames makes one entity of a name the document gives two types
// or two casings ("the town of Adan Yabaal" … "northeast of Adan Yabaal",
// read once as a place and once as a person; "Shan State", "Shan state"):
// one name in one article is one actor. The
// type is the gazetteer's when one gave it, else that of most mentions,
// else that of the first. States and unnamed groups keep their own keys.
func (st *state) linkSameNames() {
	d := st.d
	count := make([]int, len(d.Entities))
	first := st.firstMentions()
	for _, m := range d.Mentions {
		count[st.find(m.Entity)]++
	}
	better := func(a, b int) bool {
		if st.fromGazetteer[a] != st.fromGazetteer[b] {
			return st.fromGazetteer[a]
		}
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return first[a] < first[b]
	}
	byName := map[string]int{}
	for i, e := range d.Entities {
		if st.find(i) != i || count[i] == 0 || e.Type == string(schema.Country) || e.Type == string(schema.Group) {
			continue
		}
		name := strings.ToLower(e.Name) // "Shan State", "Shan state"
		o, ok := byName[name]
		if !ok {
			byName[name] = i
			continue
		}
		if better(i, o) {
			o, i = i, o
			byName[name] = o
		}
		st.merge(i, o)
		count[o] += count[i]
		first[o] = min(first[o], first[i])
	}
}

// linkToNamedActors joins entities that only repeat a name the article
// gives an actor, which the scorer and the reader count as one node:
//   - a person, organization or place named as a state the article names
//     ("Georgia" read as a person), or a place named as its capital when
//     the article also uses the capital for the state ("south of Baghdad"
//     … "talks between Washington and Baghdad"), joins the state;
//   - a group named as an organization ("Kosovo police" officers and the
//     Kosovo police) joins the organization;
//   - an organization named only by a generic noun ("police", "embassy")
//     joins the one organization whose name ends with it ("Haiti police",
//     "U.S. embassy"); with two such, it stays apart.
func (st *state) linkToNamedActors() {
	d := st.d
	mentioned := make([]bool, len(d.Entities))
	for _, m := range d.Mentions {
		mentioned[st.find(m.Entity)] = true
	}
	states := map[string]int{} // lower-case name or alias → state
	orgs := map[string]int{}   // lower-case name or alias → organization
	for i, e := range d.Entities {
		if st.find(i) != i || !mentioned[i] {
			continue
		}
		switch e.Type {
		case string(schema.Country):
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				states[strings.ToLower(a)] = i
			}
		case string(schema.Organization):
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				orgs[strings.ToLower(a)] = i
			}
		}
	}
	for i, e := range d.Entities {
		if st.find(i) != i || !mentioned[i] {
			continue
		}
		name := strings.ToLower(e.Name)
		switch e.Type {
		case string(schema.Person), string(schema.Organization), string(schema.Location):
			c, ok := states[name]
			if !ok {
				break
			}
			if e.Type == string(schema.Location) {
				// A place keeps its own node unless it is the state's capital
				// ("Georgia", the U.S. state, is not the country).
				if ci, found := st.r.s.CountryByCapital(e.Name); !found || ci.ISO3 != d.Entities[c].Country {
					break
				}
			}
			st.merge(i, c)
			continue
		case string(schema.Group):
			if o, ok := orgs[name]; ok {
				st.merge(i, o)
				continue
			}
			if o := st.bodyOfGroup(i); o >= 0 {
				st.merge(i, o) // "Polish guards" … "the Polish Border Guard"
				continue
			}
		}
		if e.Type != string(schema.Country) && !strings.Contains(name, " ") && !st.fromGazetteer[i] {
			// "Radaa" … "the Radaa Deterrence Force", "Mitiga" … "Mitiga
			// International Airport": the first word of one longer name.
			if o := st.onlyNameStartingWith(i, name); o >= 0 {
				st.merge(i, o)
				continue
			}
		}
		if e.Type == string(schema.Organization) && !strings.Contains(name, " ") && name == e.Name {
			// A lower-case single word: "the police", "the embassy".
			target := -1
			for j, o := range d.Entities {
				if j == i || st.find(j) != j || !mentioned[j] || o.Type != string(schema.Organization) {
					continue
				}
				if strings.HasSuffix(strings.ToLower(o.Name), " "+name) {
					if target >= 0 {
						target = -2
						break
					}
					target = j
				}
			}
			if target >= 0 {
				st.merge(i, target)
			}
		}
	}
}

// bodyOfGroup returns the one organization of the group's state whose name
// ends with the group's noun in the singular ("Polish guards": the Poland
// border guard), or -1.
func (st *state) bodyOfGroup(g int) int {
	d := st.d
	e := d.Entities[g]
	w := strings.Fields(strings.ToLower(e.Name))
	if e.Country == "" || len(w) != 2 || !strings.HasSuffix(w[1], "s") {
		return -1
	}
	head := strings.TrimSuffix(w[1], "s")
	found := -1
	for j, o := range d.Entities {
		if j == g || st.find(j) != j || o.Type != string(schema.Organization) || o.Country != e.Country {
			continue
		}
		if ow := strings.Fields(strings.ToLower(o.Name)); len(ow) > 1 && ow[len(ow)-1] == head {
			if found >= 0 {
				return -1
			}
			found = j
		}
	}
	return found
}

// onlyNameStartingWith returns the one other organization or place whose
// name has more words and begins with the word name (lower case), or -1
// when none or several do.
func (st *state) onlyNameStartingWith(e int, name string) int {
	found := -1
	for j, o := range st.d.Entities {
		if j == e || st.find(j) != j || (o.Type != string(schema.Organization) && o.Type != string(schema.Location)) {
			continue
		}
		if strings.HasPrefix(strings.ToLower(o.Name), name+" ") {
			if found >= 0 {
				return -1
			}
			found = j
		}
	}
	return found
}

// linkAmbiguousCountries resolves a state the document names only by a
// name that often means another ("Congo", alone or in "Congo's army") to
// the other state whose full name contains it, when the document names
// exactly one such state ("the Democratic Republic of the Congo" …
// "Congo"): the article is about that one. The first state's bodies
// ("Congo military") join the second's. Unsure (two candidates, or none),
// the states stay apart.
func (st *state) linkAmbiguousCountries() {
	d := st.d
	keys := slices.Sorted(maps.Keys(st.byKey))
	named := map[string]bool{} // ISO3 → some name of the state in the text
	for _, key := range keys {
		switch {
		case strings.HasPrefix(key, "C:"):
			named[key[2:]] = true
		case strings.HasPrefix(key, "B:"):
			if iso, _, ok := strings.Cut(key[2:], ":"); ok && iso != "" {
				named[iso] = true
			}
		}
	}
	// stateEntity returns the entity of state iso (-1 when the article has
	// none) and whether the article names it unambiguously.
	stateEntity := func(iso string) (int, bool) {
		e, ok := st.byKey["C:"+iso]
		if !ok {
			return -1, false
		}
		e = st.find(e)
		c, _ := st.r.s.CountryByISO3(iso)
		return e, slices.ContainsFunc(d.Entities[e].Aliases, func(x string) bool { return !c.IsAmbiguous(x) })
	}
	for _, iso := range slices.Sorted(maps.Keys(named)) {
		ca, ok := st.r.s.CountryByISO3(iso)
		if !ok || len(ca.Ambiguous) == 0 {
			continue
		}
		a, isClear := stateEntity(iso)
		if isClear {
			continue
		}
		target, n := -1, 0
		for other := range named {
			cb, ok := st.r.s.CountryByISO3(other)
			if b, bClear := stateEntity(other); other != iso && ok && bClear && namesContain(cb, ca.Ambiguous) {
				target, n = b, n+1
			}
		}
		if n != 1 {
			if a >= 0 {
				st.seatOf(a, ca)
			}
			continue
		}
		if a >= 0 {
			st.merge(a, target)
		}
		tiso := d.Entities[target].Country
		from, to := "B:"+iso+":", "B:"+tiso+":"
		for _, key := range keys {
			rest, ok := strings.CutPrefix(key, from)
			if !ok {
				continue
			}
			if t, ok := st.byKey[to+rest]; ok {
				st.merge(st.byKey[key], t)
				continue
			}
			if rest == "military" {
				// The state's military, under the state's name for it.
				e := &d.Entities[st.find(st.byKey[key])]
				name, aliases := st.r.bodyNames("armed forces", tiso, true)
				e.Name, e.Country = name, tiso
				for _, al := range aliases {
					e.Aliases = appendUnique(e.Aliases, al)
				}
				st.byKey[to+rest] = st.find(st.byKey[key])
			}
		}
	}
}

// linkCompassStates resolves "the North" and "the South" to the one state
// of the article whose name they begin ("North Korea" … "the North's
// ambition"); with none or two such states they stay unresolved.
func (st *state) linkCompassStates() {
	d := st.d
	for k := 1; k < len(d.Tokens); k++ {
		t := d.Tokens[k]
		if st.tokMention[k] >= 0 || !strings.EqualFold(d.Tokens[k-1].Text, "the") || !st.placePartPrefix(t.Text) {
			continue
		}
		if k+1 < len(d.Tokens) && d.Tokens[k+1].UPOS == "PROPN" && d.Tokens[k+1].Sentence == t.Sentence {
			continue // "the North Atlantic": part of another name
		}
		state, n := -1, 0
		for e, ent := range d.Entities {
			if st.find(e) == e && ent.Type == string(schema.Country) && len(ent.Aliases) > 0 && strings.HasPrefix(ent.Name, t.Text+" ") {
				state, n = e, n+1
			}
		}
		if n == 1 {
			st.addMentionOf(k-1, k+1, state)
		}
	}
}

// seatOf resolves a state named only by an ambiguous capital that is also
// the seat of an organization the article names ("the European Union …
// Brussels said") to that organization, when exactly one such is named,
// or exactly one in the capital's sentence.
func (st *state) seatOf(a int, ca schema.CountryInfo) {
	d := st.d
	var seated []int
	for o, ent := range d.Entities {
		if st.find(o) != o || ent.Type != string(schema.Organization) {
			continue
		}
		org, ok := st.r.s.Org(ent.Name)
		if !ok || org.Seat == "" {
			continue
		}
		for _, name := range d.Entities[a].Aliases {
			if schema.NormalizeName(name) == schema.NormalizeName(org.Seat) && ca.IsAmbiguous(name) {
				seated = append(seated, o)
				break
			}
		}
	}
	if len(seated) > 1 {
		// The EU and NATO both sit in Brussels: the one the capital's
		// sentence names ("The EU … over what Brussels called …").
		var here []int
		for _, o := range seated {
			for _, m := range d.Mentions {
				if st.find(m.Entity) == a && !m.Pronoun && st.mentionedIn(o, d.Tokens[m.Start].Sentence) {
					here = append(here, o)
					break
				}
			}
		}
		seated = here
	}
	if len(seated) == 1 {
		st.merge(a, seated[0])
	}
}

// namesContain reports whether one of c's names contains one of names as
// whole words ("Democratic Republic of the Congo" contains "Congo").
func namesContain(c schema.CountryInfo, names []string) bool {
	for _, full := range append([]string{c.Name}, c.Aliases...) {
		f := " " + schema.NormalizeName(full) + " "
		for _, n := range names {
			if nn := schema.NormalizeName(n); nn != "" && nn != strings.TrimSpace(f) && strings.Contains(f, " "+nn+" ") {
				return true
			}
		}
	}
	return false
}

// linkKnownAs makes the name a text introduces with "known as" another name
// of the entity before it: "Mohamed Hamdan Dagalo, widely known as
// Hemedti", "the Congolese army, known by its French acronym FARDC", "the
// reef (known in Vietnam as Da Hoa)". Names one side gives each are names
// of one place: "an area known in Peru as Alto Norte and in Chile as Cerro
// Azul", with or without a name before.
func (st *state) linkKnownAs() {
	d := st.d
	for k := 1; k+1 < len(d.Tokens); k++ {
		if !strings.EqualFold(d.Tokens[k].Text, "known") {
			continue
		}
		s := d.Sentences[d.Tokens[k].Sentence]
		e := -1
		j := k - 1
		for j > s.Start && st.r.words.knownAsAdverbs.Has(strings.ToLower(d.Tokens[j].Text)) {
			j--
		}
		if d.Tokens[j].Text == "," || d.Tokens[j].Text == "(" {
			j--
		}
		if j >= s.Start {
			if mi := st.tokMention[j]; mi >= 0 && d.Mentions[mi].End == j+1 {
				e = st.find(d.Mentions[mi].Entity)
			}
		}
		n := st.knownAsName(k+1, s)
		for n >= 0 && n < s.End {
			if e < 0 {
				mi := st.tokMention[n]
				if mi < 0 {
					break
				}
				e = st.find(d.Mentions[mi].Entity)
			} else {
				st.nameAt(n, s, e)
			}
			// "… and in Chile as NAME": another side's name of the same.
			n = st.nameEndAfter(n, s)
			if n+1 >= s.End || !strings.EqualFold(d.Tokens[n].Text, "and") || !strings.EqualFold(d.Tokens[n+1].Text, "in") {
				break
			}
			n = st.knownAsName(n+1, s)
		}
	}
	st.linkCalledNames()
}

// knownAsName returns the first token of the name after "known" (token k
// is the word after it): "as NAME", "in PLACE as NAME", "by its French
// acronym NAME"; -1 when the words say no such thing.
func (st *state) knownAsName(k int, s nlp.Sentence) int {
	d := st.d
	if k < s.End && strings.EqualFold(d.Tokens[k].Text, "in") {
		// "known in China as": up to "as", within a short place phrase.
		j := k + 1
		for j < s.End && j <= k+4 && !strings.EqualFold(d.Tokens[j].Text, "as") {
			j++
		}
		if j >= s.End || j > k+4 {
			return -1
		}
		k = j
	}
	if k >= s.End {
		return -1
	}
	switch strings.ToLower(d.Tokens[k].Text) {
	case "as":
		return k + 1
	case "by":
		// "by its French acronym", "by the name": up to the noun that says so.
		for j := k + 1; j < s.End && j <= k+4; j++ {
			if st.r.words.nameNouns.Has(strings.ToLower(d.Tokens[j].Lemma)) {
				return j + 1
			}
		}
	}
	return -1
}

// nameEndAfter returns the token after the name that starts at token k: the
// end of its mention, else of its capitalized words.
func (st *state) nameEndAfter(k int, s nlp.Sentence) int {
	d := st.d
	if k < s.End && (d.Tokens[k].Text == "\"" || d.Tokens[k].Text == "“") {
		k++
	}
	if k < s.End {
		if mi := st.tokMention[k]; mi >= 0 {
			return d.Mentions[mi].End
		}
	}
	for k < s.End && isCapitalized(d.Tokens[k].Text) {
		k++
	}
	return k
}

// nameAt makes the name that starts at token k (after an opening quote, if
// any) another name of entity e, with every other entity so named.
func (st *state) nameAt(k int, s nlp.Sentence, e int) {
	d := st.d
	if k < s.End && (d.Tokens[k].Text == "\"" || d.Tokens[k].Text == "“") {
		k++
	}
	if k >= s.End {
		return
	}
	var name string
	if other := st.tokMention[k]; other >= 0 {
		name = st.d.Entities[st.find(d.Mentions[other].Entity)].Name
	} else {
		j := k
		for j < s.End && j < k+4 && isCapitalized(d.Tokens[j].Text) && st.tokMention[j] < 0 {
			j++
		}
		if j == k {
			return
		}
		st.addMentionOf(k, j, e)
		name = st.text(k, j)
	}
	// The name's other mentions, wherever the recognizer found them.
	for o := range d.Entities {
		if st.find(o) == o && o != e && d.Entities[o].Name == name && d.Entities[o].Type != string(schema.Country) {
			st.merge(o, e)
		}
	}
}

// linkCalledNames reads the names one side gives a place or group:
// "the shoal, which Manila calls Ayungin" and "Ren'ai Jiao, its name for
// the shoal" make Ayungin and Ren'ai Jiao names of the shoal, the one
// place or organization of the article whose name ends with "Shoal".
func (st *state) linkCalledNames() {
	d := st.d
	for k := 1; k+3 < len(d.Tokens); k++ {
		s := d.Sentences[d.Tokens[k].Sentence]
		switch {
		case d.Tokens[k].Text == "," && strings.EqualFold(d.Tokens[k+1].Text, "which"):
			// "…, which it calls NAME"
			j := k + 2
			for j < s.End && j <= k+4 && d.Tokens[j].Lemma != "call" {
				j++
			}
			if j >= s.End || j > k+4 || d.Tokens[j].Lemma != "call" {
				continue
			}
			if e := st.referentEndingAt(k, s, -1); e >= 0 {
				st.nameAt(j+1, s, e)
			}
		case d.Tokens[k].Text == "," && (strings.EqualFold(d.Tokens[k+1].Text, "its") || strings.EqualFold(d.Tokens[k+1].Text, "their")) &&
			strings.EqualFold(d.Tokens[k+2].Text, "name") && strings.EqualFold(d.Tokens[k+3].Text, "for"):
			// "NAME, its name for the shoal"
			j := k + 4
			if j < s.End && strings.EqualFold(d.Tokens[j].Text, "the") {
				j++
			}
			end := j
			for end < s.End && d.Tokens[end].UPOS != "PUNCT" && end < j+4 {
				end++
			}
			named := -1
			if mi := st.tokMention[k-1]; mi >= 0 {
				named = st.find(d.Mentions[mi].Entity)
			}
			e := st.referentEndingAt(end, s, named)
			if e < 0 {
				continue
			}
			start := k
			for start > s.Start && isCapitalized(d.Tokens[start-1].Text) && k-start < 4 {
				start--
			}
			if start < k {
				st.nameAt(start, s, e)
			}
		}
	}
}

// referentEndingAt returns the entity of the phrase that ends right before
// token k: a mention, or "the NOUN" naming the one place or organization
// named before it whose name ends with that noun ("the shoal"); -1 if
// none. Entity not is never the referent.
func (st *state) referentEndingAt(k int, s nlp.Sentence, not int) int {
	d := st.d
	if k-1 < s.Start {
		return -1
	}
	if mi := st.tokMention[k-1]; mi >= 0 {
		return st.find(d.Mentions[mi].Entity)
	}
	if k-2 < s.Start || !strings.EqualFold(d.Tokens[k-2].Text, "the") {
		return -1
	}
	head := strings.ToLower(d.Tokens[k-1].Text)
	before := map[int]bool{} // entities named before the phrase
	for _, m := range d.Mentions {
		if m.End <= k-2 {
			before[st.find(m.Entity)] = true
		}
	}
	found := -1
	for i, e := range d.Entities {
		if st.find(i) != i || i == not || !before[i] || (e.Type != string(schema.Location) && e.Type != string(schema.Organization)) {
			continue
		}
		if w := strings.Fields(strings.ToLower(e.Name)); len(w) > 1 && w[len(w)-1] == head {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// addMentionOf records a mention of an existing entity.
func (st *state) addMentionOf(start, end, e int) {
	d := st.d
	mi := len(d.Mentions)
	d.Mentions = append(d.Mentions, nlp.Mention{Start: start, End: end, Type: d.Entities[st.find(e)].Type, Entity: e})
	for k := start; k < end; k++ {
		st.tokMention[k] = mi
	}
	ent := &d.Entities[st.find(e)]
	ent.Aliases = appendUnique(ent.Aliases, st.r.trimDeterminer(st.text(start, end)))
}

// initials returns the capital initials of a multi-word name's words
// ("Tigrayan People's Liberation Front" → "TPLF"), or "".
func initials(name string) string {
	var b strings.Builder
	words := strings.Fields(strings.NewReplacer("-", " ", "’s", "", "'s", "").Replace(name))
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// looksLikeAcronym reports whether w is an acronym: 2-8 letters, mostly capitals ("DoD", "TPLF").
func looksLikeAcronym(w string) bool {
	upper, letters := 0, 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return letters >= 2 && letters <= 8 && upper*2 > letters && unicode.IsUpper([]rune(w)[0])
}

// linkForces merges collective names into the organization they denote:
// "Houthi rebels" or "Tigrayan forces" into the armed group whose name
// shares their first word's stem (Houthis, Tigrayan People's Liberation
// Front), and "government forces" into the military of the state the
// document mentions most, when that state's military is named.
func (st *state) linkForces() {
	d := st.d
	counts := map[string]int{} // ISO3 → mentions of the country
	for _, m := range d.Mentions {
		if e := d.Entities[st.find(m.Entity)]; e.Type == string(schema.Country) {
			counts[e.Country]++
		}
	}
	for i, e := range d.Entities {
		if st.find(i) != i {
			continue
		}
		switch {
		case e.Type == string(schema.Group):
			words := strings.Fields(e.Name)
			if len(words) < 2 || !st.r.words.forces.Has(strings.ToLower(words[len(words)-1])) {
				continue
			}
			stem := strings.ToLower(words[0])
			named, described := -1, -1
			for j, o := range d.Entities {
				if j == i || st.find(j) != j || o.Type != string(schema.Organization) || o.Kind == "body" || o.Kind == "military" {
					continue
				}
				ow := strings.Fields(strings.ToLower(o.Name))
				if len(ow) > 0 && sharedStem(stem, ow[0]) {
					named = j
					break
				}
				if st.describedWith(j, stem) {
					if described == -1 {
						described = j
					} else {
						described = -2 // two organizations fit: keep the group apart
					}
				}
			}
			switch {
			case named >= 0:
				st.merge(i, named)
			case described >= 0:
				st.merge(i, described)
			}
		case e.Name == "government forces":
			best, bestN := -1, 0
			for j, o := range d.Entities {
				if st.find(j) == j && o.Kind == "military" && counts[o.Country] > bestN {
					best, bestN = j, counts[o.Country]
				}
			}
			if best >= 0 {
				st.merge(i, best)
			}
		}
	}
}

// describedWith reports whether the text describes organization e with
// a word sharing stem, in an apposition after one of its names ("the
// CSP-DPA, a coalition of mainly Tuareg groups") or as the first part of
// a hyphenated modifier before it ("the Tuareg-led CSP-DPA"): "Tuareg
// rebels" then means that organization.
func (st *state) describedWith(e int, stem string) bool {
	d := st.d
	for _, m := range d.Mentions {
		if m.Pronoun || st.find(m.Entity) != e {
			continue
		}
		s := d.Sentences[d.Tokens[m.Start].Sentence]
		if k := m.Start - 3; k >= s.Start && d.Tokens[k+1].Text == "-" && sharedStem(stem, strings.ToLower(d.Tokens[k].Text)) {
			return true
		}
		if m.End+1 >= s.End || d.Tokens[m.End].Text != "," {
			continue
		}
		if !st.r.words.articles.Has(strings.ToLower(d.Tokens[m.End+1].Text)) {
			continue
		}
		for k := m.End + 2; k < s.End && k < m.End+14; k++ {
			w := d.Tokens[k].Text
			if w == "," || w == "." || w == ";" {
				break
			}
			if sharedStem(stem, strings.ToLower(w)) {
				return true
			}
		}
	}
	return false
}

// sharedStem reports whether two words share a stem of at least five
// letters ("tigrayan"/"tigray", "houthi"/"houthis").
func sharedStem(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 || n >= 4 && (n == len(a) || n == len(b))
}

// officeholder returns the state or organization that the person called
// name serves according to the officeholders gazetteer in the office role
// the text gives without saying whose: "Defence Minister Pedro Sanchez" is
// not the Spanish prime minister of that name. Of several such tenures the
// open one, else the latest, counts. A state not named in the text is added
// as a relation-only entity; an organization must be named in the text. It
// returns -1 when the gazetteer lists no such tenure.
func (st *state) officeholder(name, role string) int {
	var best schema.Officeholder
	for _, t := range st.r.s.Officeholders(name) {
		if t.Role == role && (best.Role == "" || best.To != "" && (t.To == "" || t.From > best.From)) {
			best = t
		}
	}
	if best.Role == "" {
		return -1
	}
	if c := st.countryEntity(best.Affiliation); c >= 0 {
		return c
	}
	if o, ok := st.byKey[orgKey(best.Affiliation)]; ok {
		return st.find(o)
	}
	return -1
}
