package extract

import (
	"slices"
	"testing"
)

// TestNegotiatorAndCommissionerTitles checks that "chief negotiator",
// "peace commissioner" and "special coordinator" are titles whose holders
// work for the owner named before them, and that the plural nouns alone
// make no person.
func TestNegotiatorAndCommissionerTitles(t *testing.T) {
	g := extractText(t, "Hamas's chief negotiator, Luis Mora, said talks would resume.\n\n"+
		"Chile's peace commissioner Ana Vidal said the rebels had freed two soldiers.\n\n"+
		"Negotiators met in Doha on Sunday.")
	got := triples(g)
	for _, want := range []string{"Luis Mora AFFILIATION Hamas", "Ana Vidal AFFILIATION Chile"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q (got %q)", want, got)
		}
	}
	for _, e := range g.Entities {
		if e.Type == "Person" && e.Name != "Luis Mora" && e.Name != "Ana Vidal" {
			t.Errorf("unexpected person %q", e.Name)
		}
	}
}
