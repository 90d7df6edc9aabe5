package extract

import (
	"slices"
	"testing"

	"github.com/kg-project/kg/graph"
)

func TestSettlementOfAPlaceIsInIt(t *testing.T) {
	g := extractText(t, "Gunmen raided the Galilee town of Safed on Monday.")
	find(t, g, "Safed LOCATED_IN Galilee")
	if slices.Contains(triples(g), "Galilee LOCATED_IN Safed") {
		t.Errorf("the region put in its town: %q", triples(g))
	}
	// An area of a place is in that place.
	find(t, extractText(t, "Gunmen raided the Tigray region of Ethiopia on Monday."), "Tigray LOCATED_IN Ethiopia")
}

func TestPossessiveTitleHolderBeforeGovernment(t *testing.T) {
	// The holder of a title owns the government: the person is named, and
	// the government is still the state's.
	g := extractText(t, "Peru criticized Chilean President Omar Haddad's government on Monday.")
	if r := find(t, g, "Omar Haddad AFFILIATION Chile"); r.Role != "president" {
		t.Errorf("role %q, want president", r.Role)
	}
	if !slices.ContainsFunc(g.Relations, func(r graph.Relation) bool { return r.Subject == "Peru" && r.Object == "Chile" }) {
		t.Errorf("the government is no longer Chile: %q", triples(g))
	}
	// Without a possessive the demonym's government is the state alone.
	g = extractText(t, "Peru criticized the Chilean government on Monday.")
	if n := countType(g, "Person"); n != 0 {
		t.Errorf("%d persons in %q", n, triples(g))
	}
}
