package extract

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/graph"
)

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
		"Paraguayan military FIGHTS Bolivian military": "relate.verb/returned-fire",
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
	// Reported speech: an accusation read from a report of force, and a
	// verb whose own entry codes it.
	g = extractText(t, "Chile said Peru had shelled a border post. Bolivia accused Peru of arming rebels.")
	if got := find(t, g, "Chile ACCUSES Peru").Rule; got != "relate.speech/accusation" {
		t.Errorf("Chile ACCUSES Peru: rule %q, want relate.speech/accusation", got)
	}
	if got := find(t, g, "Bolivia ACCUSES Peru").Rule; got != "relate.verb" {
		t.Errorf("Bolivia ACCUSES Peru: rule %q, want relate.verb", got)
	}
}

// TestExplainShowsWordsArcsAndLexicon: the explanation of a relation names
// the predicate and argument heads, the arcs between them and the lexicon
// entry; a static link has no predicate word, arcs or entry.
func TestExplainShowsWordsArcsAndLexicon(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	g, ex, err := x.ExtractExplained(context.Background(), source.Article{Path: "t.txt", Text: "Chile warned Peru on Monday. The Chilean army said nothing."})
	if err != nil {
		t.Fatal(err)
	}
	if len(ex) != len(g.Relations) {
		t.Fatalf("%d explanations for %d relations", len(ex), len(g.Relations))
	}
	got := map[string]Explanation{}
	for i, r := range g.Relations {
		got[r.Subject+" "+r.Relation+" "+r.Object] = ex[i]
	}
	want := Explanation{
		Rule:    "relate.verb",
		Words:   []string{"warned#2 predicate (VERB warn)", "Chile#1 subject head", "Peru#3 object head"},
		Arcs:    []string{"warned#2 -nsubj-> Chile#1", "warned#2 -obj-> Peru#3"},
		Lexicon: []string{`verb "warn": WARNS 130 subject nsubj object obj|iobj`},
	}
	if e := got["Chile WARNS Peru"]; !reflect.DeepEqual(e, want) {
		t.Errorf("explanation of Chile WARNS Peru:\n got %+v\nwant %+v", e, want)
	}
	if e := got["Chilean military PART_OF Chile"]; e.Rule != "resolve.bodyLinks" || len(e.Arcs) != 0 || len(e.Lexicon) != 0 || len(e.Words) != 2 {
		t.Errorf("explanation of a static link: %+v", e)
	}
	// Reported speech recodes the verb of saying: its entries are shown as recoded.
	g, ex, err = x.ExtractExplained(context.Background(), source.Article{Path: "t.txt", Text: "Chile said Peru had shelled a border post."})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(g.Relations, func(r graph.Relation) bool { return r.Relation == "ACCUSES" })
	if i < 0 {
		t.Fatalf("no accusation: %q", triples(g))
	}
	if l := ex[i].Lexicon; len(l) == 0 || !strings.HasPrefix(l[0], `recoded from verb "say": STATES`) {
		t.Errorf("explanation of the accusation: lexicon %q, want the recoded entry of say", l)
	}
}
