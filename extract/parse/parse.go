// Package parse is kg's dependency parser: a greedy transition-based
// parser (arc-eager, with the artificial root at the end of the buffer)
// whose averaged perceptron predicts each transition together with its
// Universal Dependencies relation, subtypes included (nsubj:pass,
// acl:relcl, obl:tmod, compound:prt...).
//
// Features follow Zhang and Nivre (2011): words and Penn tags of the stack
// and buffer, of the head, leftmost and rightmost dependents of the stack
// top and the leftmost dependents of the buffer front, their labels,
// valencies, label sets and the stack-buffer distance, plus the second
// stack item; each word also shows its suffix, coarse tag, ambiguity class
// and Brown cluster (extract/wordcluster), which generalize past the words
// and the tags of training. Training uses the dynamic oracle of Goldberg
// and Nivre (2012) with exploration, on tags predicted by the tagger so
// that accuracy holds on untagged text.
package parse

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/extract/wordcluster"
)

// rootLabel is the relation of the sentence root.
const rootLabel = "root"

// Parser fills Head and Dep. It is safe for concurrent use.
type Parser struct {
	model *perceptron.Model
	// amb gives a normalized word its ambiguity class, the Penn tags it
	// takes in training: evidence about a word's category that does not
	// depend on the tagger's choice.
	amb *ambClasses
	// clusters gives words their Brown cluster, whose prefixes generalize
	// past the words seen in training.
	clusters *wordcluster.Clusters
	labels   []string
	root     int   // index of rootLabel in labels
	move     []int // per class
	lab      []int // per class, -1 for SHIFT and REDUCE
}

// className names the model class of move with label lab.
func className(move int, lab string) string {
	switch move {
	case shift:
		return "SHIFT"
	case reduce:
		return "REDUCE"
	case left:
		return "L:" + lab
	}
	return "R:" + lab
}

// classesFor returns the model classes for labels.
func classesFor(labels []string) []string {
	out := []string{className(shift, ""), className(reduce, "")}
	for _, l := range labels {
		out = append(out, className(left, l), className(right, l))
	}
	return out
}

// newParser wraps a model whose classes come from classesFor.
func newParser(m *perceptron.Model) (*Parser, error) {
	c, err := wordcluster.Load()
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	p := &Parser{model: m, clusters: c, root: -1}
	index := map[string]int{}
	for _, c := range m.Classes() {
		var mv int
		var lab string
		switch {
		case c == "SHIFT":
			mv = shift
		case c == "REDUCE":
			mv = reduce
		case strings.HasPrefix(c, "L:"):
			mv, lab = left, c[2:]
		case strings.HasPrefix(c, "R:"):
			mv, lab = right, c[2:]
		default:
			return nil, fmt.Errorf("parser: unknown class %q", c)
		}
		li := -1
		if lab != "" {
			i, ok := index[lab]
			if !ok {
				i = len(p.labels)
				index[lab] = i
				p.labels = append(p.labels, lab)
			}
			li = i
		}
		p.move = append(p.move, mv)
		p.lab = append(p.lab, li)
	}
	if i, ok := index[rootLabel]; ok {
		p.root = i
	} else {
		return nil, fmt.Errorf("parser: no %q class", rootLabel)
	}
	return p, nil
}

// Name returns "parse".
func (p *Parser) Name() string { return "parse" }

// Process fills Head (a document token index, -1 for the root) and Dep of
// every token, sentence by sentence. It requires Tokens, Sentences and XPOS.
func (p *Parser) Process(ctx context.Context, d *nlp.Document) error {
	var ws scratch
	words := make([]string, 0, 64)
	tags := make([]string, 0, 64)
	for si, s := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("parse: %w", err)
		}
		if s.Start < 0 || s.End > len(d.Tokens) || s.Start > s.End {
			return fmt.Errorf("parse: sentence %d has token range [%d,%d) outside %d tokens", si, s.Start, s.End, len(d.Tokens))
		}
		words, tags = words[:0], tags[:0]
		for i := s.Start; i < s.End; i++ {
			words = append(words, d.ModelForm(i))
			tags = append(tags, d.Tokens[i].XPOS)
		}
		heads, labels := p.parse(&ws, words, tags)
		// Past tenses the tagger took for participles or adjectives: the
		// sentence parsed again with them as verbs, kept when they find
		// their arguments (the first parse is copied out of ws, which the
		// next one reuses).
		var finite []int
		if verbs := p.strandedParticiples(words, tags, heads, labels); len(verbs) > 0 {
			heads, labels = slices.Clone(heads), slices.Clone(labels)
			bars := make([][2]int, len(verbs))
			for k, i := range verbs {
				bars[k] = [2]int{i, heads[i]} // not again on the noun it hung on
			}
			if h2, l2, ok := p.reparseAsPast(&ws, words, tags, verbs, bars, "nsubj"); ok {
				heads, labels, finite = h2, l2, verbs
			}
		}
		if adj := verblessPastTense(words, tags); adj >= 0 {
			heads, labels = slices.Clone(heads), slices.Clone(labels)
			if h2, l2, ok := p.reparseAsPast(&ws, words, tags, []int{adj}, nil, "nsubj", "obj"); ok {
				heads, labels, finite = h2, l2, append(finite, adj)
			}
		}
		for i := range words {
			t := &d.Tokens[s.Start+i]
			t.Dep = p.labels[labels[i]]
			if heads[i] < 0 {
				t.Head = -1
			} else {
				t.Head = s.Start + heads[i]
			}
		}
		for _, i := range finite {
			t := &d.Tokens[s.Start+i]
			t.UPOS, t.XPOS, t.Feats = "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"
		}
		activeWithoutPassiveAux(d, s)
		contactRelatives(d, s)
		complementAfterTime(d, s)
		phraseBeforeParticiple(d, s)
		secondSubjectAfterPreposition(d, s)
		rehangPunctuationDependents(d, s)
	}
	return nil
}

// strandedParticiples returns the words of one parsed sentence that are
// its clauses' finite verbs in the past but that the parser hung on the
// noun before them as reduced relatives, mostly because the tagger read
// them as past participles (VBN): "Peruvian forces detained X", "said
// troops crossed into territory it holds", "a statement from the
// government condoled with …" — the clause loses its subject. A verb
// tagged VBN or VBD qualifies when it directly follows the phrase of the
// noun it hangs on as `acl`, has no auxiliary, and either takes a direct
// object (a passive participle has none) or hangs on a noun that the parse
// cannot hold: the sentence's root or the object of a verb on its right
// that is no relative clause. One with a by-phrase stays a participle.
func (p *Parser) strandedParticiples(words, tags []string, heads, labels []int) []int {
	var out []int
	for i, tag := range tags {
		h := heads[i]
		if (tag != "VBN" && tag != "VBD") || h < 0 || h >= i || p.labels[labels[i]] != "acl" || !strings.HasPrefix(tags[h], "NN") || !phraseEndsBefore(heads, h, i) {
			continue
		}
		obj, blocked := false, false
		for j := range heads {
			if heads[j] != i {
				continue
			}
			switch p.labels[labels[j]] {
			case "obj":
				obj = true
			case "aux", "aux:pass", "cop", "obl:agent":
				blocked = true
			}
		}
		if blocked {
			continue
		}
		hh := heads[h]
		misplaced := hh < 0 || (hh > h && p.labels[labels[h]] == "obj" && p.labels[labels[hh]] != "acl:relcl")
		if obj || misplaced {
			out = append(out, i)
		}
	}
	return out
}

// verblessPastTense returns the word of a sentence with no verb at all that
// the tagger read as an adjective but that is its verb in the past ("A
// drone strike on Kharkiv by Russian forces wounded three civilians":
// "wounded" as JJ, the sentence a noun phrase): a JJ ending in "-ed" right
// before the start of a noun phrase. It returns -1 otherwise.
func verblessPastTense(words, tags []string) int {
	cand := -1
	for i, t := range tags {
		if strings.HasPrefix(t, "VB") || t == "MD" {
			return -1
		}
		if t == "JJ" && cand < 0 && i > 0 && i+1 < len(tags) && strings.HasSuffix(strings.ToLower(words[i]), "ed") {
			switch tags[i+1] {
			case "DT", "CD", "PRP$", "NNS", "NNP", "NNPS":
				cand = i
			}
		}
	}
	return cand
}

// phraseEndsBefore reports whether every word between h and i belongs to
// h's phrase and not to i's ("a statement [from the government] condoled"):
// i follows the phrase h heads.
func phraseEndsBefore(heads []int, h, i int) bool {
	for k := h + 1; k < i; k++ {
		a := k
		for steps := 0; a >= 0 && a != h && a != i && steps < len(heads); steps++ {
			a = heads[a]
		}
		if a != h {
			return false
		}
	}
	return true
}

// reparseAsPast parses the sentence again with the verbs tagged VBD and
// the arcs of bars barred, and returns the new parse (its slices belong to
// ws) when each verb has a dependent of every label in need; otherwise it
// restores the verbs' tags in tags and returns ok false.
func (p *Parser) reparseAsPast(ws *scratch, words, tags []string, verbs []int, bars [][2]int, need ...string) (heads, labels []int, ok bool) {
	was := make([]string, len(verbs))
	for k, i := range verbs {
		was[k], tags[i] = tags[i], "VBD"
	}
	h, l := p.parse(ws, words, tags, bars...)
	for _, i := range verbs {
		for _, label := range need {
			if !p.hasDependent(h, l, i, label) {
				for k, j := range verbs {
					tags[j] = was[k]
				}
				return nil, nil, false
			}
		}
	}
	return h, l, true
}

// hasDependent reports whether word i has a dependent labelled label in
// the parse.
func (p *Parser) hasDependent(heads, labels []int, i int, label string) bool {
	for j, h := range heads {
		if h == i && p.labels[labels[j]] == label {
			return true
		}
	}
	return false
}

// rehangPunctuationDependents reattaches the words of sentence s that the
// parser hung on a punctuation mark (which heads nothing in UD): when it
// fails to attach a word, the arc-eager parser leaves it for the final
// period, with an arbitrary label ("suspended all development aid and
// budgetary support to Niger": "aid" and "all" hung on "." as nmod:poss).
// A determiner, adjective, number or function word goes to the next noun
// or word on its right, a noun to the nearest verb before it that has no
// object (as its object), a verb to the sentence root as an adverbial
// clause; a word with no such place keeps its arc.
func rehangPunctuationDependents(d *nlp.Document, s nlp.Sentence) {
	root := -1
	for i := s.Start; i < s.End; i++ {
		if d.Tokens[i].Head < 0 {
			root = i
		}
	}
	// descends reports whether a is h or below h.
	descends := func(a, h int) bool {
		for steps := 0; a >= 0 && steps <= s.End-s.Start; steps++ {
			if a == h {
				return true
			}
			a = d.Tokens[a].Head
		}
		return false
	}
	hasObj := func(v int) bool {
		return slices.ContainsFunc(d.Children(v), func(k int) bool { return d.Tokens[k].Dep == "obj" || d.Tokens[k].Dep == "ccomp" })
	}
	attach := func(i, h int, dep string) {
		if h >= 0 && h != i && !descends(h, i) {
			d.Tokens[i].Head, d.Tokens[i].Dep = h, dep
		}
	}
	for i := s.Start; i < s.End; i++ {
		t := d.Tokens[i]
		if t.Head < 0 || d.Tokens[t.Head].UPOS != "PUNCT" || t.Dep == "punct" || t.UPOS == "PUNCT" {
			continue
		}
		switch t.UPOS {
		case "DET", "ADJ", "NUM", "ADP", "SCONJ", "CCONJ", "PART":
			dep := modifierLabel(t.UPOS)
			for j := i + 1; j < s.End; j++ {
				if u := d.Tokens[j].UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" || (u == "VERB" && (t.UPOS == "SCONJ" || t.UPOS == "PART")) {
					attach(i, j, dep)
					break
				}
				if d.Tokens[j].UPOS == "PUNCT" || d.Tokens[j].UPOS == "VERB" {
					break
				}
			}
		case "NOUN", "PROPN":
			for j := i - 1; j >= s.Start; j-- {
				if d.Tokens[j].UPOS == "VERB" {
					if !hasObj(j) {
						attach(i, j, "obj")
					}
					break
				}
			}
		case "VERB":
			if root >= 0 && root < i {
				attach(i, root, "advcl")
			}
		}
	}
}

// modifierLabel returns the relation a word of part of speech upos takes
// to the word it modifies on its right ("the" det, "to" mark).
func modifierLabel(upos string) string {
	switch upos {
	case "DET":
		return "det"
	case "ADJ":
		return "amod"
	case "NUM":
		return "nummod"
	case "ADP":
		return "case"
	case "CCONJ":
		return "cc"
	}
	return "mark" // SCONJ, PART
}

// phraseBeforeParticiple repairs "imposed sanctions on X and Y, freezing
// their assets": the parser read "on X and Y" as the subject of
// "freezing", with "on" as its marker. A participle (VBG) after a comma
// whose marker is a preposition and whose subject comes between the two
// gets its phrase back: the subject becomes an oblique of the verb the
// participle hangs on, with the preposition as its case marker.
func phraseBeforeParticiple(d *nlp.Document, s nlp.Sentence) {
	for v := s.Start + 1; v < s.End; v++ {
		t := d.Tokens[v]
		if t.XPOS != "VBG" || t.Dep != "advcl" || t.Head < 0 || d.Tokens[v-1].Text != "," || d.Tokens[t.Head].UPOS != "VERB" {
			continue
		}
		mark, subj := -1, -1
		for _, k := range d.Children(v) {
			if k > v {
				break
			}
			switch {
			case d.Tokens[k].Dep == "mark" && d.Tokens[k].XPOS == "IN" && !strings.EqualFold(d.Tokens[k].Text, "while") && !strings.EqualFold(d.Tokens[k].Text, "after") && !strings.EqualFold(d.Tokens[k].Text, "before"):
				mark = k
			case d.Tokens[k].Dep == "nsubj":
				subj = k
			}
		}
		if mark < 0 || subj < mark || d.Tokens[subj].UPOS == "PRON" {
			continue
		}
		prepositionalPhrase(d, mark, subj, t.Head, "obl")
	}
}

// prepositionalPhrase rehangs noun n, which the parser made a clause's
// subject with preposition prep as the clause's marker, as a phrase on
// host with relation dep, prep its case marker.
func prepositionalPhrase(d *nlp.Document, prep, n, host int, dep string) {
	d.Tokens[n].Head, d.Tokens[n].Dep = host, dep
	d.Tokens[prep].Head, d.Tokens[prep].Dep, d.Tokens[prep].UPOS = n, "case", "ADP"
}

// secondSubjectAfterPreposition repairs "Chad, a key ally in the campaign
// against Boko Haram, withdrew its troops": the parser made "against" a
// marker of "withdrew" and "Boko Haram" its second subject. A subject that
// comes right after a preposition marking the same verb, while another
// subject of that verb stands before it, is the preposition's object: it
// joins the noun right before the preposition, the preposition its case.
func secondSubjectAfterPreposition(d *nlp.Document, s nlp.Sentence) {
	for n := s.Start + 2; n < s.End; n++ {
		t := d.Tokens[n]
		v, prep := t.Head, n-1
		if t.Dep != "nsubj" || v < 0 || d.Tokens[prep].Head != v || d.Tokens[prep].Dep != "mark" || d.Tokens[prep].XPOS != "IN" {
			continue
		}
		switch strings.ToLower(d.Tokens[prep].Text) {
		case "that", "whether", "if", "because", "while", "as", "since", "although", "though", "after", "before", "until", "once":
			continue // subordinators whose clause has its own subject
		}
		earlier := slices.ContainsFunc(d.Children(v), func(k int) bool { return k < prep && d.Tokens[k].Dep == "nsubj" })
		host := prep - 1
		if !earlier || (d.Tokens[host].UPOS != "NOUN" && d.Tokens[host].UPOS != "PROPN") {
			continue
		}
		prepositionalPhrase(d, prep, n, host, "nmod")
	}
}

// complementAfterTime repairs "said last month that soldiers had executed
// 130 civilians": the parser read "that" as a relative pronoun on "month"
// and the reported clause as a relative clause on the time phrase. When
// the relative clause already has its own subject and object, "that" is no
// pronoun of it but the complementizer: the clause becomes the verb's
// complement and "that" its marker.
func complementAfterTime(d *nlp.Document, s nlp.Sentence) {
	for v := s.Start; v < s.End; v++ {
		t := d.Tokens[v]
		n := t.Head
		if t.Dep != "acl:relcl" || n < 0 || d.Tokens[n].Head < 0 || d.Tokens[d.Tokens[n].Head].UPOS != "VERB" {
			continue
		}
		if dep := d.Tokens[n].Dep; dep != "obl:tmod" && dep != "obl:unmarked" && dep != "obl" {
			continue
		}
		that, subj, obj := -1, false, false
		for _, k := range d.Children(v) {
			c := d.Tokens[k]
			switch {
			case strings.EqualFold(c.Text, "that") && (c.Dep == "obj" || c.Dep == "nsubj"):
				that = k
			case c.Dep == "nsubj" || c.Dep == "nsubj:pass":
				subj = true
			case c.Dep == "obj":
				obj = true
			}
		}
		if that < 0 || !subj || (d.Tokens[that].Dep == "obj" && !obj) {
			continue
		}
		d.Tokens[v].Head, d.Tokens[v].Dep = d.Tokens[n].Head, "ccomp"
		d.Tokens[that].Dep, d.Tokens[that].UPOS, d.Tokens[that].XPOS, d.Tokens[that].Feats = "mark", "SCONJ", "IN", ""
	}
}

// contactRelatives repairs a relative clause without "that" that the
// parser took for a clause of its own: in "troops crossed into territory
// it holds and fired at a patrol", "it holds" was hung on the reporting
// verb, and "fired" joined to "holds" took its subject "it". A finite
// verb right after a pronoun subject that comes right after a common noun,
// with no object or clausal complement of its own (the object is the
// noun), attached as a complement, conjunct or parataxis, becomes a
// relative clause on the noun; the conjuncts after it join the verb the
// noun belongs to, whose subject they share.
func contactRelatives(d *nlp.Document, s nlp.Sentence) {
	for v := s.Start + 2; v < s.End; v++ {
		t := d.Tokens[v]
		subj, noun := v-1, v-2
		if t.UPOS != "VERB" || !strings.HasPrefix(t.XPOS, "VB") || t.XPOS == "VBG" || t.XPOS == "VBN" || t.XPOS == "VB" {
			continue
		}
		if t.Dep != "ccomp" && t.Dep != "conj" && t.Dep != "parataxis" {
			continue
		}
		if d.Tokens[subj].UPOS != "PRON" || d.Tokens[subj].Head != v || d.Tokens[subj].Dep != "nsubj" || strings.Contains(d.Tokens[subj].Feats, "PronType=Rel") {
			continue
		}
		if d.Tokens[noun].UPOS != "NOUN" {
			continue
		}
		if slices.ContainsFunc(d.Children(v), func(k int) bool {
			switch d.Tokens[k].Dep {
			case "obj", "ccomp", "xcomp", "cop", "obl", "iobj":
				return true // the clause is complete
			}
			return false
		}) {
			continue
		}
		host := d.Tokens[noun].Head
		d.Tokens[v].Head, d.Tokens[v].Dep = noun, "acl:relcl"
		if host < 0 || d.Tokens[host].UPOS != "VERB" {
			continue
		}
		for _, k := range d.Children(v) {
			if k > v && d.Tokens[k].Dep == "conj" {
				d.Tokens[k].Head = host
			}
		}
	}
}

// activeWithoutPassiveAux relabels as active the clauses of sentence s
// that the parser made passive though their verb is a perfect with no
// passive auxiliary: "she had spoken by phone with X" is no passive of
// "speak", whatever "by" suggested (a passive perfect has "been"). A
// passive without any auxiliary ("Five soldiers killed by militants", a
// headline) stays passive.
func activeWithoutPassiveAux(d *nlp.Document, s nlp.Sentence) {
	passive, perfect := map[int]bool{}, map[int]bool{}
	for i := s.Start; i < s.End; i++ {
		t := d.Tokens[i]
		switch {
		case t.Head < 0:
		case t.Dep == "aux:pass" || t.Dep == "expl:pass":
			passive[t.Head] = true
		case t.Dep == "aux" && t.Lemma == "have":
			perfect[t.Head] = true
		}
	}
	for i := s.Start; i < s.End; i++ {
		t := &d.Tokens[i]
		if t.Head < 0 || passive[t.Head] || !perfect[t.Head] {
			continue
		}
		switch t.Dep {
		case "nsubj:pass":
			t.Dep = "nsubj"
		case "csubj:pass":
			t.Dep = "csubj"
		case "obl:agent":
			t.Dep = "obl"
		}
	}
}

// scratch holds the buffers reused across sentences.
type scratch struct {
	st     state
	x      sentence
	feats  []uint64
	scores []float64
}

// encode fills ws.x for a sentence, with ambiguity classes amb and Brown
// clusters c.
func (ws *scratch) encode(words, tags []string, amb *ambClasses, c *wordcluster.Clusters) {
	x := &ws.x
	x.w, x.p, x.s, x.c, x.a = x.w[:0], x.p[:0], x.s[:0], x.c[:0], x.a[:0]
	x.k4, x.k6, x.kf = x.k4[:0], x.k6[:0], x.kf[:0]
	for i, w := range words {
		norm := normalize(w)
		x.w = append(x.w, perceptron.Hash(norm))
		x.p = append(x.p, perceptron.Hash(tags[i]))
		x.s = append(x.s, perceptron.Hash(suffix3(norm)))
		x.c = append(x.c, perceptron.Hash(coarseTag(tags[i])))
		x.a = append(x.a, amb.hash(norm))
		k := c.Lookup(w)
		x.k4 = append(x.k4, uint64(k.Prefix(4)))
		x.k6 = append(x.k6, uint64(k.Prefix(6)))
		x.kf = append(x.kf, uint64(k))
	}
	for _, v := range []*[]uint64{&x.w, &x.p, &x.s, &x.c, &x.a, &x.k4, &x.k6, &x.kf} {
		*v = append(*v, rootHash)
	}
}

// parse parses one sentence; the returned slices belong to ws. A word
// whose head is -1 is the root; when the parser leaves several roots, the
// first keeps the role and the others attach to it as parataxis. Each
// pair of bars (dependent, head) is an arc the parse may not make.
func (p *Parser) parse(ws *scratch, words, tags []string, bars ...[2]int) (heads, labels []int) {
	n := len(words)
	ws.encode(words, tags, p.amb, p.clusters)
	if len(ws.scores) != len(p.move) {
		ws.scores = make([]float64, len(p.move))
	}
	st := &ws.st
	st.reset(n)
	for _, b := range bars {
		st.barred[b[0]] = b[1]
	}
	for !st.terminal() {
		if mv, lab, ok := st.forced(p.root); ok {
			st.apply(mv, lab) // the one valid transition needs no scoring
			continue
		}
		ws.feats = features(ws.feats[:0], st, &ws.x)
		p.model.ScoresHashed(ws.feats, ws.scores)
		st.apply(p.best(st, ws.scores))
	}
	heads, labels = st.heads[:n], st.labels[:n]
	root := -1
	for i := range n {
		if heads[i] != n {
			continue
		}
		if root < 0 {
			root = i
			heads[i] = -1
			continue
		}
		heads[i] = root
		labels[i] = p.labelIndex("parataxis", labels[i])
	}
	return heads, labels
}

// labelIndex returns the index of label name, or fallback when unknown.
func (p *Parser) labelIndex(name string, fallback int) int {
	for i, l := range p.labels {
		if l == name {
			return i
		}
	}
	return fallback
}

// best returns the move and label of the highest-scoring valid class.
func (p *Parser) best(st *state, scores []float64) (move, lab int) {
	best := -1
	for c, sc := range scores {
		if (best < 0 || sc > scores[best]) && st.valid(p.move[c], p.lab[c], p.root) {
			best = c
		}
	}
	return p.move[best], p.lab[best]
}

// normalize maps a word to the form the features use: lower case, numbers
// collapsed.
func normalize(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

// suffix3 returns the last three runes of w.
func suffix3(w string) string {
	i := len(w)
	for k := 0; k < 3 && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

// coarseTag returns the first two bytes of a Penn tag ("VB" for VBD).
func coarseTag(t string) string {
	if len(t) > 2 {
		return t[:2]
	}
	return t
}
