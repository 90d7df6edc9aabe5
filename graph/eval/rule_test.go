package eval

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestByRuleCountsDistinctTuplesPerRule: each distinct system tuple counts
// once for the rule that made it, matched or spurious; the rules with the
// most false positives come first, and a relation with no rule counts as "-".
func TestByRuleCountsDistinctTuplesPerRule(t *testing.T) {
	sys := handSystem()
	for i := range sys.Relations {
		switch sys.Relations[i].Relation {
		case "WARNS", "SAYS":
			sys.Relations[i].Rule = "relate.speech"
		case "works for", "MEMBER_OF":
			sys.Relations[i].Rule = "resolve.personRole"
		case "PROVIDES":
			// no rule: a relation from an old workspace
		default:
			sys.Relations[i].Rule = "relate.verb"
		}
	}
	got := ByRule([]ArticleScore{Score(sys, handGold())})
	// speech: R0 twice (one tuple), the warning to Ukraine (spurious), the
	// Moscow statement; verb: R2, R3; the untyped troops relation is spurious.
	want := []RuleScore{
		{Rule: "-", System: 1, Matched: 0},
		{Rule: "relate.speech", System: 3, Matched: 2},
		{Rule: "relate.verb", System: 2, Matched: 2},
		{Rule: "resolve.personRole", System: 2, Matched: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ByRule:\n got %+v\nwant %+v", got, want)
	}
	if got, want := got[1].Line(), "RULE relate.speech system=3 matched=2 false_pos=1 precision=0.667"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	// The verbose listing names the rule of a spurious relation, and of
	// none when it has no rule.
	details := Score(sys, handGold()).Details()
	for _, want := range []string{
		`SPURIOUS hand: United States -(warn; WARNS 130)-> Ukraine — sentence 6 "sentence\nof the text" — rule relate.speech`,
		`SPURIOUS hand: NATO -(send troops; PROVIDES 074)-> Ukraine — sentence 7 "sentence\nof the text"`,
	} {
		if !slices.Contains(details, want) {
			t.Errorf("Details lack %q:\n%s", want, strings.Join(details, "\n"))
		}
	}
}
