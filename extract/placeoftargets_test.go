package extract

import (
	"slices"
	"testing"
)

// TestPlaceOfUnnamedTargets checks that an act of force on unnamed targets
// ("rebel positions") hits the place named after them whether the parser
// hangs the place on the targets or on the verb, and that a place that is
// not a state or a known place gives nothing.
func TestPlaceOfUnnamedTargets(t *testing.T) {
	got := triples(extractText(t, "Chilean warplanes bombed rebel positions in northern Peru on Sunday.\n\n"+
		"Chilean troops attacked rebel positions in the mountains."))
	if !slices.Contains(got, "Chile BOMBS Peru") {
		t.Errorf("missing \"Chile BOMBS Peru\" (got %q)", got)
	}
	for _, r := range got {
		if r == "Chilean military ATTACKS Peru" || r == "Chile ATTACKS Peru" {
			t.Errorf("unwanted %q (got %q)", r, got)
		}
	}
}

// TestPlaceOfUnnamedVictimsAfterOnAtAndCounts checks that an act of force on unnamed people,
// buildings or works (victim-nouns, also counted: "dozens of civilians",
// "the airport") hits the
// place named after them, also when the act takes them after "on" or "at"
// and its lexicon sense would otherwise want a named object ("fired on");
// an act on them with no place, an arrest (no act of force) and a named
// victim keep their readings.
func TestPlaceOfUnnamedVictimsAfterOnAtAndCounts(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"counted civilians", "Chilean troops killed dozens of civilians in Tacna.", []string{"Chilean military KILLS Tacna", "Chilean military PART_OF Chile"}},
		{"fired on", "Bolivian soldiers fired on protesters in La Paz.", []string{"Bolivian military ATTACKS La Paz", "Bolivian military PART_OF Bolivia"}},
		{"houses", "Peruvian troops attacked houses near Arica.", []string{"Peruvian military ATTACKS Arica", "Peruvian military PART_OF Peru"}},
		{"place on the count", "The Shining Path massacred hundreds of villagers in La Paz.", []string{"Shining Path MASS_KILLS La Paz"}},
		{"works", "Chilean jets struck the airport in Tacna on Monday.", []string{"Chile ATTACKS Tacna"}},
		{"no place", "Bolivian soldiers fired on protesters.", []string{"Bolivian military PART_OF Bolivia"}},
		{"no force", "Peru arrested protesters in Lima.", nil},
		{"named victims", "Chilean troops killed Peruvian protesters in Tacna.", []string{"Chilean military KILLS Peruvian protesters", "Chilean military PART_OF Chile"}},
	})
}
