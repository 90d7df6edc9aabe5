package relate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

// action finds the objects of verb p, whose subjects are given, where a
// construction's words say who they are but finding them takes tree or
// discourse navigation ("returned fire": the latest attacker).
type action func(w *walker, p int, subjects []int) []int

// actions is the registry of the actions the rules of
// schema/data/constructions.txt may name on their "objects" line.
func actions() map[string]action {
	return map[string]action{
		// The agents of the latest act of force stated so far, off the
		// subjects' side ("returned fire", "retaliated", "vowed to retaliate").
		"latest-attacker": func(w *walker, _ int, subjects []int) []int { return w.latestAttackers(subjects) },
	}
}

// constructions are the rules of schema/data/constructions.txt, indexed by
// the verb lemma or the lexicon relation that triggers them, so a verb
// tries only the rules its own lemma and sense name.
type constructions struct {
	rules   []schema.Construction
	act     []action // per rule; nil for a rule that only recodes
	byVerb  map[string][]int
	bySense map[string][]int
}

// loadConstructions indexes the constructions of s and finds their actions;
// an action not in the registry is an error at the rule's line.
func loadConstructions(s *schema.Schema) (constructions, error) {
	c := constructions{rules: s.Constructions(), byVerb: map[string][]int{}, bySense: map[string][]int{}}
	registry := actions()
	c.act = make([]action, len(c.rules))
	for i, r := range c.rules {
		if r.Action != "" {
			a, ok := registry[r.Action]
			if !ok {
				known := make([]string, 0, len(registry))
				for k := range registry {
					known = append(known, k)
				}
				sort.Strings(known)
				return c, fmt.Errorf("constructions.txt:%d: rule %s: no action %q in extract/relate (known: %s)",
					r.ActionLine, r.ID, r.Action, strings.Join(known, ", "))
			}
			c.act[i] = a
		}
		if !r.Verbs.Empty() {
			for _, l := range r.Verbs.All() {
				c.byVerb[l] = append(c.byVerb[l], i)
			}
			continue // the verb is the narrower key; its sense is checked on match
		}
		for _, rel := range r.Senses {
			c.bySense[rel] = append(c.bySense[rel], i)
		}
	}
	return c, nil
}

// candidates returns the rules that verb lemma or lexicon relation sense
// trigger, in file order.
func (c *constructions) candidates(lemma, sense string) []int {
	a, b := c.byVerb[strings.ToLower(lemma)], c.bySense[sense]
	switch {
	case len(b) == 0:
		return a
	case len(a) == 0:
		return b
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// constructionObjects tries the rules with an action on verb p, read with
// sense e, whose arguments r name no object: the first whose pattern
// matches and whose action finds objects applies, and the dependents it
// consumes are marked. It returns the rule and the objects, or nil.
func (w *walker) constructionObjects(p int, e schema.LexEntry, r roles) (*schema.Construction, []int) {
	cs := &w.x.cons
	for _, i := range cs.candidates(w.d.Tokens[p].Lemma, e.Relation) {
		if cs.act[i] == nil {
			continue
		}
		c := &cs.rules[i]
		consumed, ok := w.matchConstruction(c, p, e, r)
		if !ok {
			continue
		}
		objs := cs.act[i](w, p, r.subjects)
		if len(objs) == 0 {
			continue
		}
		for _, k := range consumed {
			w.consumed[k] = true
		}
		return c, objs
	}
	return nil, nil
}

// recoding returns the first rule without an action whose pattern matches
// verb p, read with sense e and arguments r, or nil.
func (w *walker) recoding(p int, e schema.LexEntry, r roles) *schema.Construction {
	cs := &w.x.cons
	for _, i := range cs.candidates(w.d.Tokens[p].Lemma, e.Relation) {
		if cs.act[i] != nil {
			continue
		}
		if _, ok := w.matchConstruction(&cs.rules[i], p, e, r); ok {
			return &cs.rules[i]
		}
	}
	return nil
}

// matchConstruction reports whether rule c matches verb p, read with sense
// e and arguments r, and returns the dependents it consumes.
func (w *walker) matchConstruction(c *schema.Construction, p int, e schema.LexEntry, r roles) ([]int, bool) {
	if !c.Verbs.Empty() && !c.Verbs.Has(w.d.Tokens[p].Lemma) ||
		len(c.Senses) > 0 && !slices.Contains(c.Senses, e.Relation) ||
		c.HasObject && len(r.objects) == 0 ||
		c.Negated && !w.negated(p) {
		return nil, false
	}
	var consumed []int
	for _, dep := range c.Deps {
		var found []int
		for _, k := range w.children(p, dep.Dep) {
			if (dep.Case == "" || w.caseOf(k) == dep.Case) && dep.Words.Has(w.d.Tokens[k].Lemma) {
				found = append(found, k)
			}
		}
		if len(found) == 0 {
			return nil, false
		}
		if slices.Contains(c.Consume, dep.Dep) {
			consumed = append(consumed, found...)
		}
	}
	return consumed, true
}
