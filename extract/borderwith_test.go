package extract

import "testing"

// TestTheBorderWithAState checks that "the border with X" names the state
// across it, as "the X border" does, so troops sent there are a show of
// force toward it; a border with no state named gives nothing.
func TestTheBorderWithAState(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"sent to", "Peru sent 500 troops to the border with Chile.", []string{"Peru DEPLOYS Chile"}},
		{"along", "Bolivia deployed troops along its border with Paraguay.", []string{"Bolivia DEPLOYS Paraguay"}},
		{"no state", "Peru sent 500 troops to the border on Monday.", nil},
	})
}
