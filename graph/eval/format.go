package eval

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kg-project/kg/graph"
)

// Line formats a as one line:
//
//	ARTICLE <id> entity_p=0.xxx entity_r=0.xxx entity_dups=N relation_p=0.xxx relation_r=0.xxx relation_f1=0.xxx cameo_acc=0.xxx
func (a ArticleScore) Line() string {
	return fmt.Sprintf("ARTICLE %s entity_p=%.3f entity_r=%.3f entity_dups=%d relation_p=%.3f relation_r=%.3f relation_f1=%.3f cameo_acc=%.3f",
		a.ID, a.EntityPrecision(), a.EntityRecall(), a.Duplicates,
		a.RelationPrecision(), a.RelationRecall(), a.RelationF1(), a.CAMEOAccuracy())
}

// Line formats s as one line:
//
//	SUMMARY entity_p=0.xxx entity_r=0.xxx entity_f1=0.xxx entity_dups=N relation_p=0.xxx relation_r=0.xxx relation_f1=0.xxx cameo_acc=0.xxx type_acc=0.xxx static_r=0.xxx event_r=0.xxx
//
// When s.Gold is set (one folder of several), it follows SUMMARY as the
// line's second field, as an ARTICLE line's id does: "SUMMARY fixtures/newswire entity_p=…".
func (s Summary) Line() string {
	tag := ""
	if s.Gold != "" {
		tag = " " + s.Gold
	}
	return fmt.Sprintf("SUMMARY%s entity_p=%.3f entity_r=%.3f entity_f1=%.3f entity_dups=%d relation_p=%.3f relation_r=%.3f relation_f1=%.3f cameo_acc=%.3f type_acc=%.3f static_r=%.3f event_r=%.3f",
		tag, s.EntityPrecision(), s.EntityRecall(), s.EntityF1(), s.Duplicates,
		s.RelationPrecision(), s.RelationRecall(), s.RelationF1(), s.CAMEOAccuracy(),
		s.TypeAccuracy(), s.StaticRecall(), s.EventRecall())
}

// Line formats r as one line:
//
//	RULE <id> system=N matched=N false_pos=N precision=0.xxx
func (r RuleScore) Line() string {
	return fmt.Sprintf("RULE %s system=%d matched=%d false_pos=%d precision=%.3f",
		r.Rule, r.System, r.Matched, r.System-r.Matched, r.Precision())
}

// Details lists what a got wrong, one readable line per item, in this order:
// MISSED and SPURIOUS relations, WRONG_CAMEO events, MISSED_ENTITY,
// SPURIOUS_ENTITY and DUPLICATE entities. Each line starts with the kind and
// the article id; relation lines end with the gold evidence or the system
// sentence, and system relations with the rule that made them, when known.
func (a ArticleScore) Details() []string {
	var out []string
	add := func(kind, format string, args ...any) {
		out = append(out, kind+" "+a.ID+": "+oneLine(fmt.Sprintf(format, args...)))
	}
	for _, g := range a.Missed {
		add("MISSED", "%s -(%s; %s)-> %s%s — evidence %q",
			strings.Join(g.Subject, " | "), strings.Join(g.Predicates, ", "), strings.Join(g.CAMEO, "|"),
			strings.Join(g.Object, " | "), negation(g.Negated), g.Evidence)
	}
	for _, r := range a.Spurious {
		add("SPURIOUS", "%s — sentence %d %q%s", relation(r), r.SentenceIndex, r.Sentence, ruleOf(r))
	}
	for _, m := range a.WrongCAMEO {
		add("WRONG_CAMEO", "%s — gold %s — sentence %d %q%s",
			relation(m.System), strings.Join(m.Gold.CAMEO, "|"), m.System.SentenceIndex, m.System.Sentence, ruleOf(m.System))
	}
	for _, e := range a.MissedEntities {
		add("MISSED_ENTITY", "%s (%s)", e.Name, e.Type)
	}
	for _, e := range a.SpuriousEntities {
		aliases := ""
		if len(e.Aliases) > 0 {
			aliases = ", aliases " + strings.Join(e.Aliases, " | ")
		}
		add("SPURIOUS_ENTITY", "%s (%s)%s", e.Name, e.Type, aliases)
	}
	for _, d := range a.DuplicateGroups {
		add("DUPLICATE", "gold %q is matched by %s", d.Gold, quoteAll(d.System))
	}
	return out
}

// relation formats a system relation: subject -(predicate; RELATION cameo)-> object.
func relation(r graph.Relation) string {
	code := r.Relation
	if r.CAMEO != "" {
		code += " " + r.CAMEO
	}
	return fmt.Sprintf("%s -(%s; %s)-> %s%s", r.Subject, r.Predicate, code, r.Object, negation(r.Negated))
}

// ruleOf formats the rule of a system relation for a listing: " — rule relate.verb", or "" when unknown.
func ruleOf(r graph.Relation) string {
	if r.Rule == "" {
		return ""
	}
	return " — rule " + r.Rule
}

func negation(negated bool) string {
	if negated {
		return " [negated]"
	}
	return ""
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, " and ")
}

// oneLine collapses runs of white space, newlines included, to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
