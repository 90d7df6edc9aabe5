package neo4jsink

import (
	"testing"

	"github.com/kg-project/kg/graph"
)

// TestRelationRowHasTheRule: a relationship carries its rule id as the
// property "rule"; a relation read from an old workspace (no rule) has none.
func TestRelationRowHasTheRule(t *testing.T) {
	if row := relationRow(graph.Relation{ID: "r1", Relation: "WARNS", CAMEO: "130", Rule: "relate.verb"}); row["rule"] != "relate.verb" {
		t.Errorf("rule property %v, want relate.verb", row["rule"])
	}
	if _, ok := relationRow(graph.Relation{ID: "r2", Relation: "WARNS", CAMEO: "130"})["rule"]; ok {
		t.Errorf("a relation without a rule has a rule property")
	}
}
