package extract

import "testing"

// TestRelationsNameTheirRule: every relation carries the id of the rule
// that made it: the emitting function, or the branch of a function that
// holds several rules. A verb's own object names no branch.
func TestRelationsNameTheirRule(t *testing.T) {
	g := extractText(t, "Chile warned Peru on Monday. Ana Ruiz, a spokeswoman for the Chilean army, said the border was calm. "+
		"Bolivian troops shelled Paraguayan border posts on Tuesday. Paraguayan forces returned fire.")
	for triple, want := range map[string]string{
		"Chile WARNS Peru":                             "relate.verb",
		"Ana Ruiz AFFILIATION Chilean military":        "resolve.personRole/apposition",
		"Chilean military PART_OF Chile":               "resolve.bodyLinks",
		"Paraguayan military FIGHTS Bolivian military": "relate.verb/latestAttackers",
	} {
		if got := find(t, g, triple).Rule; got != want {
			t.Errorf("%s: rule %q, want %q", triple, got, want)
		}
	}
	for _, r := range g.Relations {
		if r.Rule == "" {
			t.Errorf("%s %s %s has no rule", r.Subject, r.Relation, r.Object)
		}
	}
}
