// Package eval scores a system's graph against an article's gold graph,
// implementing "How a system's graph is scored" of ../shared/eval/README.md;
// `kg eval` prints its results.
//
// Names are compared with graph.NormalizeName. Where the README leaves room,
// this package decides as follows.
//
//   - Entity resolution. Each system entity resolves to at most one gold
//     entity: among the gold entities sharing a normalized name or alias with
//     it, the one whose names include the system entity's canonical name,
//     then the one of the same type, then the one sharing most names, then
//     the first in the gold file. So one system entity never satisfies two
//     gold entities (a system that merges Ukraine with Kyiv-the-city loses
//     one of them), while two system entities resolving to one gold entity
//     are duplicates: N system entities for one gold entity (optional ones
//     included) count N-1.
//   - Relation ends. A system relation's subject (object) is the system
//     entity named by SubjectID (ObjectID) — its name and aliases — or, when
//     no such entity is in the graph, the Subject (Object) name alone. It
//     maps to a gold name list when it resolves to a gold entity the list
//     names. A listed name names the gold entity with that canonical name,
//     else the ones with that alias; a listed name that names no gold entity
//     matches a system end having that name or alias.
//   - Tuples. System relations are de-duplicated on (subject id, object id,
//     predicate, relation type, CAMEO code, negated), keeping the first in
//     document and sentence order as the example shown in listings.
//   - Predicates. "The predicate contains a lemma" means the normalized lemma
//     occurs as whole words in the normalized predicate: "supply weapon"
//     contains "supply", "warn" does not contain "arm".
//   - Static types. A system relation type means a gold static type through
//     a fixed synonym table (WORKS_FOR, SPOKESPERSON_FOR, LEADS, ... mean
//     AFFILIATION); see StaticType.
//   - A system relation matching several gold relations counts once for
//     precision and makes each of them found. Its CAMEO code is correct when
//     its root (first two digits) is among the codes of any gold relation it
//     matches.
//   - type_acc compares types case-insensitively; static_r is the recall of
//     the required gold relations whose codes include AFFILIATION, PART_OF or
//     MEMBER_OF (LOCATED_IN is not counted there); event_r is the recall of
//     the required gold relations with at least one CAMEO code (a gold
//     relation coded both ways counts for both).
//   - A ratio with a zero denominator is 0. Summaries are micro-averaged:
//     counts are summed over articles before dividing.
package eval

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kg-project/kg/graph"
)

// Counts are the tallies behind every score; they add up over articles.
type Counts struct {
	SystemEntities        int // system entities
	MatchedSystemEntities int // system entities resolving to a gold entity
	CorrectTypes          int // matched system entities with the gold entity's type
	GoldEntities          int // required gold entities
	FoundGoldEntities     int // required gold entities some system entity resolves to
	Duplicates            int // extra system entities resolving to an already matched gold entity

	SystemRelations        int // distinct system relation tuples
	MatchedSystemRelations int // tuples matching some gold relation
	GoldRelations          int // required gold relations
	FoundGoldRelations     int // required gold relations some tuple matches
	MatchedEvents          int // matched tuples with a CAMEO code
	CorrectCAMEO           int // matched event tuples whose CAMEO root a matched gold relation lists
	GoldStatic             int // required AFFILIATION/PART_OF/MEMBER_OF gold relations
	FoundGoldStatic        int // of those, found
	GoldEvents             int // required gold relations with a CAMEO code
	FoundGoldEvents        int // of those, found
}

// Add adds o's counts to c.
func (c *Counts) Add(o Counts) {
	c.SystemEntities += o.SystemEntities
	c.MatchedSystemEntities += o.MatchedSystemEntities
	c.CorrectTypes += o.CorrectTypes
	c.GoldEntities += o.GoldEntities
	c.FoundGoldEntities += o.FoundGoldEntities
	c.Duplicates += o.Duplicates
	c.SystemRelations += o.SystemRelations
	c.MatchedSystemRelations += o.MatchedSystemRelations
	c.GoldRelations += o.GoldRelations
	c.FoundGoldRelations += o.FoundGoldRelations
	c.MatchedEvents += o.MatchedEvents
	c.CorrectCAMEO += o.CorrectCAMEO
	c.GoldStatic += o.GoldStatic
	c.FoundGoldStatic += o.FoundGoldStatic
	c.GoldEvents += o.GoldEvents
	c.FoundGoldEvents += o.FoundGoldEvents
}

// EntityPrecision is matched system entities / system entities.
func (c Counts) EntityPrecision() float64 { return ratio(c.MatchedSystemEntities, c.SystemEntities) }

// EntityRecall is found required gold entities / required gold entities.
func (c Counts) EntityRecall() float64 { return ratio(c.FoundGoldEntities, c.GoldEntities) }

// EntityF1 is the harmonic mean of EntityPrecision and EntityRecall.
func (c Counts) EntityF1() float64 { return f1(c.EntityPrecision(), c.EntityRecall()) }

// RelationPrecision is matched system tuples / system tuples.
func (c Counts) RelationPrecision() float64 {
	return ratio(c.MatchedSystemRelations, c.SystemRelations)
}

// RelationRecall is found required gold relations / required gold relations.
func (c Counts) RelationRecall() float64 { return ratio(c.FoundGoldRelations, c.GoldRelations) }

// RelationF1 is the harmonic mean of RelationPrecision and RelationRecall.
func (c Counts) RelationF1() float64 { return f1(c.RelationPrecision(), c.RelationRecall()) }

// CAMEOAccuracy is correctly coded matched event tuples / matched event tuples.
func (c Counts) CAMEOAccuracy() float64 { return ratio(c.CorrectCAMEO, c.MatchedEvents) }

// TypeAccuracy is correctly typed matched system entities / matched system entities.
func (c Counts) TypeAccuracy() float64 { return ratio(c.CorrectTypes, c.MatchedSystemEntities) }

// StaticRecall is the recall of required AFFILIATION, PART_OF and MEMBER_OF gold relations.
func (c Counts) StaticRecall() float64 { return ratio(c.FoundGoldStatic, c.GoldStatic) }

// EventRecall is the recall of required gold relations with a CAMEO code.
func (c Counts) EventRecall() float64 { return ratio(c.FoundGoldEvents, c.GoldEvents) }

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ArticleScore is the result of scoring one article, with the items behind
// the errors for a verbose listing.
type ArticleScore struct {
	ID string // the gold graph's id
	Counts

	MissedEntities   []GoldEntity     // required gold entities no system entity resolves to
	SpuriousEntities []graph.Entity   // system entities resolving to no gold entity
	DuplicateGroups  []Duplicate      // gold entities with several system entities
	Missed           []GoldRelation   // required gold relations no system tuple matches
	Spurious         []graph.Relation // system tuples matching no gold relation
	Matched          []graph.Relation // system tuples matching some gold relation
	WrongCAMEO       []CAMEOMismatch  // matched event tuples with a CAMEO root the gold does not list
}

// Duplicate is a gold entity that several system entities resolve to.
type Duplicate struct {
	Gold   string   // gold entity name
	System []string // system entity names, in graph order
}

// CAMEOMismatch is a matched system event whose CAMEO root is wrong.
type CAMEOMismatch struct {
	System graph.Relation
	Gold   GoldRelation // the first gold relation it matches
}

// Summary is the micro-averaged score over many articles.
type Summary struct {
	Gold     string // the gold folder scored, when a run scores several; empty for one folder or the total
	Articles int
	Counts
}

// Summarize sums the counts of scores.
func Summarize(scores []ArticleScore) Summary {
	s := Summary{Articles: len(scores)}
	for _, a := range scores {
		s.Add(a.Counts)
	}
	return s
}

// RuleScore is the precision of one extraction rule: how many of the
// distinct system tuples it made match a gold relation.
type RuleScore struct {
	Rule    string // graph.Relation.Rule; "-" when the relation has none
	System  int    // distinct system tuples the rule made
	Matched int    // of those, matching some gold relation
}

// Precision is Matched / System.
func (r RuleScore) Precision() float64 { return ratio(r.Matched, r.System) }

// ByRule returns the precision of each rule over the scored articles, the
// rules with the most false positives first (then by name).
func ByRule(scores []ArticleScore) []RuleScore {
	index := map[string]int{}
	var out []RuleScore
	count := func(rels []graph.Relation, matched bool) {
		for _, r := range rels {
			id := cmp.Or(r.Rule, "-")
			i, ok := index[id]
			if !ok {
				i = len(out)
				index[id] = i
				out = append(out, RuleScore{Rule: id})
			}
			out[i].System++
			if matched {
				out[i].Matched++
			}
		}
	}
	for _, a := range scores {
		count(a.Matched, true)
		count(a.Spurious, false)
	}
	slices.SortFunc(out, func(a, b RuleScore) int {
		return cmp.Or(cmp.Compare(b.System-b.Matched, a.System-a.Matched), cmp.Compare(a.Rule, b.Rule))
	})
	return out
}

// staticTypes maps system relation types (upper case, words joined by "_")
// to the gold static type they mean.
var staticTypes = map[string]string{
	"AFFILIATION":      Affiliation,
	"AFFILIATED_WITH":  Affiliation,
	"WORKS_FOR":        Affiliation,
	"EMPLOYED_BY":      Affiliation,
	"SPOKESPERSON_FOR": Affiliation,
	"SPOKESMAN_FOR":    Affiliation,
	"REPRESENTS":       Affiliation,
	"LEADS":            Affiliation,
	"LEADER_OF":        Affiliation,
	"HEADS":            Affiliation,
	"HEAD_OF":          Affiliation,
	"COMMANDS":         Affiliation,
	"COMMANDER_OF":     Affiliation,
	"MEMBER_OF":        MemberOf,
	"PART_OF":          PartOf,
	"SUBORDINATE_TO":   PartOf,
	"BELONGS_TO":       PartOf,
	"LOCATED_IN":       LocatedIn,
}

// StaticType returns the gold static type (AFFILIATION, MEMBER_OF, PART_OF,
// LOCATED_IN) that the system relation type relation means, or "" for an
// event type. Case, spaces and hyphens do not matter: "works for" means
// AFFILIATION.
func StaticType(relation string) string {
	key := strings.ToUpper(strings.Join(strings.FieldsFunc(relation, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_'
	}), "_"))
	return staticTypes[key]
}

// cameoRoot returns the first two digits of a CAMEO code, or "" when code is
// not one.
func cameoRoot(code string) string {
	if !isCAMEORoot(code) {
		return ""
	}
	return code[:2]
}

// countsForStaticRecall reports whether a gold relation counts for static_r.
func countsForStaticRecall(g GoldRelation) bool {
	return slices.ContainsFunc(g.CAMEO, func(c string) bool {
		return c == Affiliation || c == PartOf || c == MemberOf
	})
}

// containsPhrase reports whether the normalized lemma occurs as whole words
// in the normalized predicate.
func containsPhrase(predicate, lemma string) bool {
	l := graph.NormalizeName(lemma)
	return l != "" && strings.Contains(" "+graph.NormalizeName(predicate)+" ", " "+l+" ")
}

// goldIndex finds gold entities by normalized name.
type goldIndex struct {
	gold      Gold
	canonical map[string][]int // normalized canonical name → entities
	byName    map[string][]int // normalized canonical name or alias → entities
	names     []map[string]bool
}

func newGoldIndex(g Gold) goldIndex {
	ix := goldIndex{gold: g, canonical: map[string][]int{}, byName: map[string][]int{}}
	for i, e := range g.Entities {
		names := map[string]bool{}
		for _, n := range normNames(e.Name, e.Aliases) {
			names[n] = true
			ix.byName[n] = append(ix.byName[n], i)
		}
		ix.names = append(ix.names, names)
		c := graph.NormalizeName(e.Name)
		ix.canonical[c] = append(ix.canonical[c], i)
	}
	return ix
}

// normNames returns the distinct non-empty normalized forms of name and aliases.
func normNames(name string, aliases []string) []string {
	var out []string
	for _, s := range append([]string{name}, aliases...) {
		if n := graph.NormalizeName(s); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// end is one end of a system relation: the gold entity it resolves to (-1
// for none) and its normalized names.
type end struct {
	gold  int
	names []string
}

// resolve returns the end for a system entity (see the package comment).
func (ix goldIndex) resolve(typ, name string, aliases []string) end {
	e := end{gold: -1, names: normNames(name, aliases)}
	shared := map[int]int{}
	for _, n := range e.names {
		for _, gi := range ix.byName[n] {
			shared[gi]++
		}
	}
	canonical := graph.NormalizeName(name)
	rank := func(gi int) [3]int {
		var r [3]int
		if ix.names[gi][canonical] {
			r[0] = 1
		}
		if strings.EqualFold(typ, ix.gold.Entities[gi].Type) {
			r[1] = 1
		}
		r[2] = shared[gi]
		return r
	}
	for gi := range shared {
		if e.gold < 0 {
			e.gold = gi
			continue
		}
		a, b := rank(gi), rank(e.gold)
		if c := slices.Compare(a[:], b[:]); c > 0 || c == 0 && gi < e.gold {
			e.gold = gi
		}
	}
	return e
}

// goldEnd is a gold relation's subject or object list, resolved.
type goldEnd struct {
	entities map[int]bool    // gold entities the list names
	literals map[string]bool // normalized listed names that name no gold entity
}

func (ix goldIndex) resolveList(names []string) goldEnd {
	g := goldEnd{entities: map[int]bool{}, literals: map[string]bool{}}
	for _, name := range names {
		n := graph.NormalizeName(name)
		found := ix.canonical[n]
		if len(found) == 0 {
			found = ix.byName[n]
		}
		if len(found) == 0 {
			g.literals[n] = true
		}
		for _, gi := range found {
			g.entities[gi] = true
		}
	}
	return g
}

// accepts reports whether system end e maps to one of the list's names.
func (g goldEnd) accepts(e end) bool {
	if e.gold >= 0 && g.entities[e.gold] {
		return true
	}
	return slices.ContainsFunc(e.names, func(n string) bool { return g.literals[n] })
}

// matches reports whether system relation r, with resolved ends subj and
// obj, matches gold relation g with resolved ends gs and gobj.
func matches(r graph.Relation, subj, obj end, g GoldRelation, gs, gobj goldEnd) bool {
	if r.Negated != g.Negated || !gs.accepts(subj) || !gobj.accepts(obj) {
		return false
	}
	if root := cameoRoot(r.CAMEO); root != "" && slices.ContainsFunc(g.CAMEO, func(c string) bool { return cameoRoot(c) == root }) {
		return true
	}
	if t := StaticType(r.Relation); t != "" && slices.Contains(g.CAMEO, t) {
		return true
	}
	return slices.ContainsFunc(g.Predicates, func(l string) bool { return containsPhrase(r.Predicate, l) })
}

// distinctTuples returns sys's relations de-duplicated on (subject, object,
// predicate, relation type, CAMEO, negated), first in document and sentence
// order kept.
func distinctTuples(rels []graph.Relation) []graph.Relation {
	sorted := slices.Clone(rels)
	slices.SortStableFunc(sorted, func(a, b graph.Relation) int {
		return cmp.Or(cmp.Compare(a.DocumentID, b.DocumentID), cmp.Compare(a.SentenceIndex, b.SentenceIndex))
	})
	type key struct {
		subj, obj, pred, rel, cameo string
		neg                         bool
	}
	endKey := func(id, name string) string {
		if id != "" {
			return id
		}
		return "\x00" + graph.NormalizeName(name)
	}
	seen := map[key]bool{}
	var out []graph.Relation
	for _, r := range sorted {
		k := key{endKey(r.SubjectID, r.Subject), endKey(r.ObjectID, r.Object), r.Predicate, r.Relation, r.CAMEO, r.Negated}
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// Score scores the system graph sys (one article's extraction) against the
// article's gold graph.
func Score(sys graph.Graph, gold Gold) ArticleScore {
	ix := newGoldIndex(gold)
	a := ArticleScore{ID: gold.ID}

	ends := make(map[string]end, len(sys.Entities))
	perGold := make([][]string, len(gold.Entities))
	for _, e := range sys.Entities {
		r := ix.resolve(e.Type, e.Name, e.Aliases)
		ends[e.ID] = r
		a.SystemEntities++
		if r.gold < 0 {
			a.SpuriousEntities = append(a.SpuriousEntities, e)
			continue
		}
		a.MatchedSystemEntities++
		if strings.EqualFold(e.Type, gold.Entities[r.gold].Type) {
			a.CorrectTypes++
		}
		perGold[r.gold] = append(perGold[r.gold], e.Name)
	}
	for gi, ge := range gold.Entities {
		if n := len(perGold[gi]); n > 1 {
			a.Duplicates += n - 1
			a.DuplicateGroups = append(a.DuplicateGroups, Duplicate{Gold: ge.Name, System: perGold[gi]})
		}
		if ge.Optional {
			continue
		}
		a.GoldEntities++
		if len(perGold[gi]) > 0 {
			a.FoundGoldEntities++
		} else {
			a.MissedEntities = append(a.MissedEntities, ge)
		}
	}

	endOf := func(id, name string) end {
		if e, ok := ends[id]; ok {
			return e
		}
		return ix.resolve("", name, nil)
	}
	subjects := make([]goldEnd, len(gold.Relations))
	objects := make([]goldEnd, len(gold.Relations))
	for i, g := range gold.Relations {
		subjects[i], objects[i] = ix.resolveList(g.Subject), ix.resolveList(g.Object)
	}
	found := make([]bool, len(gold.Relations))
	for _, r := range distinctTuples(sys.Relations) {
		subj, obj := endOf(r.SubjectID, r.Subject), endOf(r.ObjectID, r.Object)
		var matched []int
		for i, g := range gold.Relations {
			if matches(r, subj, obj, g, subjects[i], objects[i]) {
				matched = append(matched, i)
				found[i] = true
			}
		}
		a.SystemRelations++
		if len(matched) == 0 {
			a.Spurious = append(a.Spurious, r)
			continue
		}
		a.MatchedSystemRelations++
		a.Matched = append(a.Matched, r)
		if r.Static() {
			continue
		}
		a.MatchedEvents++
		root := cameoRoot(r.CAMEO)
		if slices.ContainsFunc(matched, func(i int) bool {
			return slices.ContainsFunc(gold.Relations[i].CAMEO, func(c string) bool { return cameoRoot(c) == root && root != "" })
		}) {
			a.CorrectCAMEO++
		} else {
			a.WrongCAMEO = append(a.WrongCAMEO, CAMEOMismatch{System: r, Gold: gold.Relations[matched[0]]})
		}
	}
	for i, g := range gold.Relations {
		if g.Optional {
			continue
		}
		a.GoldRelations++
		static, event := countsForStaticRecall(g), slices.ContainsFunc(g.CAMEO, isCAMEORoot)
		if static {
			a.GoldStatic++
		}
		if event {
			a.GoldEvents++
		}
		if !found[i] {
			a.Missed = append(a.Missed, g)
			continue
		}
		a.FoundGoldRelations++
		if static {
			a.FoundGoldStatic++
		}
		if event {
			a.FoundGoldEvents++
		}
	}
	return a
}
