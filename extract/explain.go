package extract

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/relate"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Explanation says how one relation of an article's graph was made.
type Explanation struct {
	Rule string // the rule id (graph.Relation.Rule)
	// Words are the predicate word and the heads of the subject's and the
	// object's mentions in the sentence, as "word#N" (N: the token's number
	// in its sentence, as in `kg parse`) with their part in the relation.
	Words []string
	// Arcs are the dependency arcs on the path from the predicate to each
	// argument head: "warned#2 -obj-> Peru#3".
	Arcs []string
	// Lexicon lists the lexicon entries of the predicate word that give the
	// relation's type or CAMEO code, or, when the rule recoded the word,
	// all its entries, marked "recoded from"; empty for a relation with no
	// predicate word (a static link) or a word the lexicon lacks.
	Lexicon []string
}

// ExtractExplained is Extract, with one Explanation per relation of the
// graph (in the order of g.Relations).
func (x *Extractor) ExtractExplained(ctx context.Context, a source.Article) (graph.Graph, []Explanation, error) {
	d, rels, err := x.relations(ctx, a)
	if err != nil {
		return graph.Graph{}, nil, err
	}
	g, from := x.build(a, d, rels)
	out := make([]Explanation, len(from))
	for i, r := range from {
		out[i] = x.explain(d, r)
	}
	return g, out, nil
}

// explain gathers the words, arcs and lexicon entries behind r.
func (x *Extractor) explain(d *nlp.Document, r relate.Relation) Explanation {
	e := Explanation{Rule: r.Rule}
	p := r.Trigger - 1
	if p >= 0 {
		e.Words = append(e.Words, word(d, p)+" predicate ("+d.Tokens[p].UPOS+" "+d.Tokens[p].Lemma+")")
		e.Lexicon = x.lexiconEntries(d, p, r)
	}
	for _, arg := range []struct {
		role   string
		entity int
	}{{"subject", r.Subject}, {"object", r.Object}} {
		h := argumentHead(d, r.Sentence, arg.entity, p)
		if h < 0 {
			e.Words = append(e.Words, arg.role+" not named in the sentence")
			continue
		}
		e.Words = append(e.Words, word(d, h)+" "+arg.role+" head")
		if p >= 0 {
			e.Arcs = append(e.Arcs, arcPath(d, p, h)...)
		}
	}
	return e
}

// word formats token k as "text#N", N its 1-based number in its sentence.
func word(d *nlp.Document, k int) string {
	return fmt.Sprintf("%s#%d", d.Tokens[k].Text, k-d.Sentences[d.Tokens[k].Sentence].Start+1)
}

// argumentHead returns the head token of the mention of entity e in
// sentence si nearest to token p (any mention when p < 0), or -1.
func argumentHead(d *nlp.Document, si, e, p int) int {
	best := -1
	for _, m := range d.Mentions {
		if m.Entity != e || d.Tokens[m.Start].Sentence != si {
			continue
		}
		if h := d.Head(m); best < 0 || p >= 0 && abs(h-p) < abs(best-p) {
			best = h
		}
	}
	return best
}

func abs(n int) int { return max(n, -n) }

// arcPath returns the arcs from p up to the lowest head it shares with h
// and down from there to h, each as "head -dep-> dependent".
func arcPath(d *nlp.Document, p, h int) []string {
	up := func(k int) []int { // k and its heads, up to the root
		var out []int
		for ; k >= 0 && len(out) <= len(d.Tokens); k = d.Tokens[k].Head {
			out = append(out, k)
		}
		return out
	}
	fromP, fromH := up(p), up(h)
	top := slices.IndexFunc(fromP, func(k int) bool { return slices.Contains(fromH, k) })
	if top < 0 {
		return nil
	}
	arc := func(k int) string { return word(d, d.Tokens[k].Head) + " -" + d.Tokens[k].Dep + "-> " + word(d, k) }
	var out []string
	for _, k := range fromP[:top] {
		out = append(out, arc(k))
	}
	down := fromH[:slices.Index(fromH, fromP[top])]
	for i := len(down) - 1; i >= 0; i-- {
		out = append(out, arc(down[i]))
	}
	return out
}

// lexiconEntries returns the lexicon entries of predicate word p (with its
// particles, for a verb) that give r's relation type or CAMEO code; when
// none does, the rule recoded the word's entries ("said" read as an
// accusation), and they are returned marked "recoded from".
func (x *Extractor) lexiconEntries(d *nlp.Document, p int, r relate.Relation) []string {
	t := d.Tokens[p]
	lemma := strings.ToLower(t.Lemma)
	var entries []schema.LexEntry
	if t.UPOS == "VERB" {
		entries = x.schema.LookupVerb(lemma, "")
		for _, c := range d.Children(p) {
			if d.Tokens[c].Dep == "compound:prt" {
				entries = append(entries, x.schema.LookupVerb(lemma, strings.ToLower(d.Tokens[c].Text))...)
			}
		}
	} else {
		entries = x.schema.LookupNoun(lemma)
	}
	gives := func(e schema.LexEntry) bool { return e.Relation == r.Relation || e.CAMEO != "" && e.CAMEO == r.CAMEO }
	prefix := ""
	if !slices.ContainsFunc(entries, gives) {
		prefix = "recoded from "
	}
	var out []string
	for _, e := range entries {
		if prefix == "" && !gives(e) {
			continue
		}
		s := prefix + fmt.Sprintf("%s %q", e.POS, e.Lemma)
		if e.Particle != "" {
			s += fmt.Sprintf(" particle %q", e.Particle)
		}
		s += fmt.Sprintf(": %s %s subject %s object %s", e.Relation, e.CAMEO,
			strings.Join(e.Args.Subject, "|"), strings.Join(e.Args.Object, "|"))
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
