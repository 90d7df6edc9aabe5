package schema

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestConstructions: the embedded rules load with their triggers, patterns,
// yields and examples.
func TestConstructions(t *testing.T) {
	s := mustLoad(t)
	cs := s.Constructions()
	i := slices.IndexFunc(cs, func(c Construction) bool { return c.ID == "vowed-to-retaliate" })
	if i < 0 {
		t.Fatalf("no rule vowed-to-retaliate among %d", len(cs))
	}
	c := cs[i]
	if !slices.Equal(c.Senses, []string{"THREATENS"}) || len(c.Deps) != 1 || c.Deps[0].Dep != "xcomp" ||
		!c.Deps[0].Words.Has("retaliate") || c.Deps[0].Words.Has("attack") || c.Action != "latest-attacker" ||
		!slices.Equal(c.Consume, []string{"xcomp"}) || c.Relation != "THREATENS" || c.CAMEO != "138" {
		t.Errorf("vowed-to-retaliate = %+v", c)
	}
	if len(c.Examples) == 0 || len(c.Examples[0].Triples) == 0 || len(c.Not) == 0 || c.Doc == "" {
		t.Errorf("vowed-to-retaliate: examples %+v, not %+v, doc %q", c.Examples, c.Not, c.Doc)
	}
	for _, c := range cs {
		if c.Relation == "" || len(c.Examples) == 0 || len(c.Not) == 0 {
			t.Errorf("rule %s lacks its relation or sentences", c.ID)
		}
	}
}

// TestParseConstructionErrors: a malformed rule fails the load with the
// file and line.
func TestParseConstructionErrors(t *testing.T) {
	const ok = "  yields   FIGHTS 190\n  example  Chile attacked Peru.\n  =>       Chile FIGHTS Peru\n  not      Chile attacked.\n"
	for text, want := range map[string]string{
		"rule a\n  verb fight\n  yields FIGHT 190\n":           `constructions.txt:3: yields: "FIGHT" is not an event relation of relations.tsv`,
		"rule a\n  verb fight\n  yields FIGHTS 999\n":          `constructions.txt:3: yields: CAMEO code "999" is not a 3-4 digit code of cameo.tsv`,
		"rule a\n  verb fight\n  yields LOCATED_IN 190\n":      `constructions.txt:3: yields: "LOCATED_IN" is not an event relation of relations.tsv`,
		"rule a\n  verb @no-such-set\n":                        `constructions.txt:2: schema: no word set "no-such-set" (data/words/no-such-set.tsv)`,
		"rule a\n  sense FIGHT\n":                              `constructions.txt:2: sense "FIGHT" is not an event relation of relations.tsv`,
		"rule a\n  verb fight\n  obl:to Peru\n":                `constructions.txt:3: lemma "Peru": one lower-case word`,
		"rule a\n  verb fight\n  with fire\n":                  `constructions.txt:3: unknown line "with fire" (docs/schema.md, Constructions)`,
		"verb fight\n":                                         `constructions.txt:1: "verb fight" outside a rule: a block starts with "rule ID" and its lines are indented`,
		"rule Fire_Back\n":                                     `constructions.txt:1: rule id "Fire_Back": lower-case words joined by hyphens`,
		"rule a\n  verb fight\n" + ok + "rule a\n":             `constructions.txt:7: rule "a" already defined on line 1`,
		"rule a\n" + ok:                                        `constructions.txt:1: rule a: no trigger: give a "verb" or a "sense" line`,
		"rule a\n  verb fight\n  example Chile fought.\n":      `constructions.txt:1: rule a: no "yields RELATION CODE" line`,
		"rule a\n  verb fight\n  yields FIGHTS 190\n  not x\n": `constructions.txt:1: rule a: no example: give an "example" sentence and its "=>" triples`,
		"rule a\n  verb fight\n  yields FIGHTS 190\n  example Chile fought Peru.\n  => Chile ATTACKS Peru\n  not x\n": `constructions.txt:4: rule a: triple "Chile ATTACKS Peru" is not of the relation it yields, FIGHTS`,
		"rule a\n  verb fight\n  yields FIGHTS 190\n  example Chile fought Peru.\n  => Chile fought Peru\n":           `constructions.txt:5: "Chile fought Peru" is not "Subject RELATION Object" with a relation of relations.tsv`,
		"rule a\n  verb fight\n  yields FIGHTS 190\n  example Chile fought Peru.\n  => Chile FIGHTS Peru\n":           `constructions.txt:1: rule a: no "not" sentence where the rule must not fire`,
		"rule a\n  verb fight\n  consume obj\n" + ok:                                                                  `constructions.txt:1: rule a: consume "obj": not a dependent the rule matches`,
	} {
		m := embeddedCopy(t)
		m[constructionsFile] = &fstest.MapFile{Data: []byte(text)}
		if _, err := Parse(m); err == nil || err.Error() != want {
			t.Errorf("%q:\n error %v\n want  %s", text, err, want)
		}
	}
	m := embeddedCopy(t)
	delete(m, constructionsFile)
	if _, err := Parse(m); err == nil {
		t.Error("a schema without constructions.txt loads")
	}
}
