package extract

import "testing"

// TestPastTenseReadAsParticiple checks the whole pipeline on sentences whose
// past tense the tagger reads as a participle ("Chilean jets struck Tacna"
// with no finite verb; "the junta bombed villages" after a fronted
// participle): the act is stated; a headline's reduced relative is no act
// of its subject.
func TestPastTenseReadAsParticiple(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"no finite verb", "Chilean forces struck Tacna.", []string{"Chilean military ATTACKS Tacna", "Chilean military PART_OF Chile"}},
		{"after a participle", "Vowing to crush the uprising, the Bolivian junta bombed villages in Oruro.",
			[]string{"Bolivia BOMBS Oruro"}},
		{"headline", "Peruvian soldiers killed in ambush near Tacna", []string{"Peruvian military PART_OF Peru"}},
	})
}
