package nlp

import "testing"

type ruleHolder struct{}

func (ruleHolder) emit() string { return RuleID("", 0) }

func (h *ruleHolder) viaClosure() string {
	f := func() string { return RuleID("", 0) }
	return f()
}

func constructor(id string) string { return RuleID(id, 1) }

func callsConstructor() string { return constructor("") }

func branch() string { return constructor("/second") }

func TestRuleIDNamesTheEmittingFunction(t *testing.T) {
	var h ruleHolder
	for _, c := range []struct{ got, want string }{
		{h.emit(), "nlp.emit"},
		{h.viaClosure(), "nlp.viaClosure"}, // a closure is part of its function's rule
		{callsConstructor(), "nlp.callsConstructor"},
		{branch(), "nlp.branch/second"},   // a branch of a function that holds several rules
		{constructor("set.id"), "set.id"}, // an id the rule sets is kept
	} {
		if c.got != c.want {
			t.Errorf("RuleID = %q, want %q", c.got, c.want)
		}
	}
	for in, want := range map[string]string{
		"github.com/kg-project/kg/extract/relate.(*walker).verb.func2":      "relate.verb",
		"github.com/kg-project/kg/extract/resolve.(*state).addLink.func1.3": "resolve.addLink",
		"github.com/kg-project/kg/extract/relate.isForce":                   "relate.isForce",
	} {
		if got := ruleName(in); got != want {
			t.Errorf("ruleName(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkRuleID measures the cost of naming a rule, paid once per
// relation and link (docs/relations.md "Rule ids").
func BenchmarkRuleID(b *testing.B) {
	for b.Loop() {
		_ = callsConstructor()
	}
}
