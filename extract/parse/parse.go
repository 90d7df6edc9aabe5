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
	// amb maps a normalized word to the hash of its ambiguity class, the
	// Penn tags it takes in training (ambNames holds the classes): evidence
	// about a word's category that does not depend on the tagger's choice.
	amb      map[string]uint64
	ambNames map[string]string
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
		for i := range words {
			t := &d.Tokens[s.Start+i]
			t.Dep = p.labels[labels[i]]
			if heads[i] < 0 {
				t.Head = -1
			} else {
				t.Head = s.Start + heads[i]
			}
		}
		activeWithoutPassiveAux(d, s)
		pastTenseReadAsParticiple(d, s)
		rehangPunctuationDependents(d, s)
	}
	return nil
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
		for i := s.Start; i < s.End; i++ {
			if d.Tokens[i].Head == v && (d.Tokens[i].Dep == "obj" || d.Tokens[i].Dep == "ccomp") {
				return true
			}
		}
		return false
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
func (ws *scratch) encode(words, tags []string, amb map[string]uint64, c *wordcluster.Clusters) {
	x := &ws.x
	x.w, x.p, x.s, x.c, x.a = x.w[:0], x.p[:0], x.s[:0], x.c[:0], x.a[:0]
	x.k4, x.k6, x.kf = x.k4[:0], x.k6[:0], x.kf[:0]
	for i, w := range words {
		norm := normalize(w)
		x.w = append(x.w, perceptron.Hash(norm))
		x.p = append(x.p, perceptron.Hash(tags[i]))
		x.s = append(x.s, perceptron.Hash(suffix3(norm)))
		x.c = append(x.c, perceptron.Hash(coarseTag(tags[i])))
		x.a = append(x.a, amb[norm])
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
// first keeps the role and the others attach to it as parataxis.
func (p *Parser) parse(ws *scratch, words, tags []string) (heads, labels []int) {
	n := len(words)
	ws.encode(words, tags, p.amb, p.clusters)
	if len(ws.scores) != len(p.move) {
		ws.scores = make([]float64, len(p.move))
	}
	st := &ws.st
	st.reset(n)
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
