package extract

import "testing"

// TestPastTenseReadAsParticipleInAShortClause checks the whole pipeline on
// a sentence whose past tense the tagger reads as a participle and which
// has no finite verb ("Chilean forces struck Tacna."): the act is stated;
// a headline's reduced relative is no act of its subject.
func TestPastTenseReadAsParticipleInAShortClause(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"no finite verb", "Chilean forces struck Tacna.", []string{"Chilean military ATTACKS Tacna", "Chilean military PART_OF Chile"}},
		{"headline", "Peruvian soldiers killed in ambush near Tacna", []string{"Peruvian military PART_OF Peru"}},
	})
}
