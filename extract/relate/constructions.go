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
// discourse navigation ("returned fire": the latest attacker). args are the
// words the rule's dependent lines matched, in line order.
type action func(w *walker, p int, subjects, args []int) []int

// actions is the registry of the actions the rules of
// schema/data/constructions.txt may name on their "objects" line.
func actions() map[string]action {
	return map[string]action{
		// The agents of the latest act of force stated so far, off the
		// subjects' side ("returned fire", "retaliated", "vowed to retaliate").
		"latest-attacker": func(w *walker, _ int, subjects, _ []int) []int { return w.latestAttackers(subjects) },
		// The agents of the acts of force the matched nouns name ("responded
		// to Indian unprovoked firing", "Russia's shelling", "attacks by the RSF").
		"act-agents": func(w *walker, _ int, _, args []int) []int {
			var out []int
			for _, n := range args {
				if w.d.Tokens[n].UPOS == "NOUN" && w.isAct(n) {
					out = append(out, w.actAgents(n)...)
				}
			}
			return out
		},
		// Who the matched nouns name or whose acts they name: an actor
		// itself, an act's own agents ("Peru's raid"), or the agents of the
		// act stated before that a definite noun refers to ("called the
		// bombing a war crime").
		"named-or-referred": func(w *walker, _ int, subjects, args []int) []int {
			var out []int
			for _, n := range args {
				if es := slices.DeleteFunc(w.argEntities(n), func(e int) bool { return !w.isActor(e) }); len(es) > 0 {
					out = append(out, es...)
				} else if w.d.Tokens[n].UPOS == "NOUN" && w.isAct(n) {
					if a := w.actAgents(n); len(a) > 0 {
						out = append(out, a...)
					} else {
						out = append(out, w.referredAgents(n, subjects)...)
					}
				}
			}
			return slices.DeleteFunc(out, func(a int) bool { return w.ownSide(subjects, a) })
		},
		// The actors whose diplomats the matched nouns are, named by a
		// possessive or an "of"/"from" phrase ("Peru's ambassador", "the
		// embassy's military attache", "the envoy of Chile").
		"envoys-state": func(w *walker, _ int, _, args []int) []int {
			var out []int
			for _, o := range args {
				for _, c := range w.children(o, "nmod") {
					if cs := w.caseOf(c); w.d.Tokens[c].Dep == "nmod:poss" || cs == "of" || cs == "from" {
						out = append(out, slices.DeleteFunc(w.argEntities(c), func(e int) bool { return !w.isActor(e) })...)
					}
				}
			}
			return out
		},
	}
}

// stage is where in the reading of a verb a rule is tried.
type stage int

const (
	beforeLexicon stage = iota // instead of the lexicon ("before lexicon")
	findsObjects               // when the sense found no object ("objects")
	recodes                    // after the objects are found
)

// stageOf returns the stage of rule c.
func stageOf(c *schema.Construction) stage {
	switch {
	case c.BeforeLexicon:
		return beforeLexicon
	case c.Action != "":
		return findsObjects
	}
	return recodes
}

// constructions are the rules of schema/data/constructions.txt, indexed by
// the verb lemma or the lexicon relation that triggers them, so a verb
// tries only the rules its own lemma and sense name.
type constructions struct {
	rules   []schema.Construction
	act     []action // per rule; nil for a rule without "objects"
	stage   []stage  // per rule
	byVerb  map[string][]int
	bySense map[string][]int
}

// loadConstructions indexes the constructions of s and finds their actions;
// an action not in the registry is an error at the rule's line.
func loadConstructions(s *schema.Schema) (constructions, error) {
	c := constructions{rules: s.Constructions(), byVerb: map[string][]int{}, bySense: map[string][]int{}}
	registry := actions()
	c.act = make([]action, len(c.rules))
	c.stage = make([]stage, len(c.rules))
	for i, r := range c.rules {
		c.stage[i] = stageOf(&r)
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
				if k := c.byVerb[l]; len(k) == 0 || k[len(k)-1] != i { // a lemma both listed and in a set
					c.byVerb[l] = append(k, i)
				}
			}
			continue // the verb is the narrower key; its sense is checked on match
		}
		for _, rel := range r.Senses {
			c.bySense[rel] = append(c.bySense[rel], i)
		}
	}
	return c, nil
}

// tries reports whether verb lemma triggers a rule of stage st.
func (c *constructions) tries(st stage, lemma string) bool {
	return slices.ContainsFunc(c.byVerb[strings.ToLower(lemma)], func(i int) bool { return c.stage[i] == st })
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

// construction tries the rules of stage st on verb p, read with sense e
// (none before the lexicon) and arguments r: the first whose pattern
// matches applies and, for a rule with an action, whose action finds
// objects; the dependents it consumes are marked. It returns the rule and
// the objects its action found, or nil.
func (w *walker) construction(st stage, p int, e schema.LexEntry, r roles) (*schema.Construction, []int) {
	cs := &w.x.cons
	for _, i := range cs.candidates(w.d.Tokens[p].Lemma, e.Relation) {
		if cs.stage[i] != st {
			continue
		}
		c := &cs.rules[i]
		args, consumed, ok := w.matchConstruction(c, p, e, r)
		if !ok {
			continue
		}
		var objs []int
		if cs.act[i] != nil {
			if objs = cs.act[i](w, p, r.subjects, args); len(objs) == 0 {
				continue
			}
		}
		for _, k := range consumed {
			w.consumed[k] = true
		}
		return c, objs
	}
	return nil, nil
}

// matchConstruction reports whether rule c matches verb p, read with sense
// e and arguments r, and returns the words its dependent lines matched and
// those of them it consumes.
func (w *walker) matchConstruction(c *schema.Construction, p int, e schema.LexEntry, r roles) (args, consumed []int, ok bool) {
	if !c.Verbs.Empty() && !c.Verbs.Has(w.d.Tokens[p].Lemma) ||
		len(c.Senses) > 0 && !slices.Contains(c.Senses, e.Relation) ||
		c.HasObject && len(r.objects) == 0 ||
		c.Negated && !w.negated(p) {
		return nil, nil, false
	}
	for _, dep := range c.Deps {
		var found []int
		for _, k := range w.children(p, dep.Dep) {
			if (len(dep.Cases) == 0 || slices.Contains(dep.Cases, w.caseOf(k))) && dep.Words.Has(w.d.Tokens[k].Lemma) {
				found = append(found, k)
			}
		}
		if len(found) == 0 {
			return nil, nil, false
		}
		args = append(args, found...)
		if slices.Contains(c.Consume, dep.Dep) {
			consumed = append(consumed, found...)
		}
	}
	return args, consumed, true
}
