package relate_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kg-project/kg/extract"
	"github.com/kg-project/kg/extract/relate"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/schema"
)

// TestConstructionExamples runs every example of
// schema/data/constructions.txt through the whole pipeline and asserts that
// the rule makes exactly the example's triples, and nothing from its "not"
// sentences. A failure names the file and line of the sentence.
func TestConstructionExamples(t *testing.T) {
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := s.Constructions()
	if len(cs) == 0 {
		t.Fatal("no constructions")
	}
	for _, c := range cs {
		t.Run(c.ID, func(t *testing.T) {
			for _, ex := range c.Examples {
				got := ruleTriples(t, x, c.ID, ex.Text)
				want := slices.Sorted(slices.Values(ex.Triples))
				if !slices.Equal(got, want) {
					t.Errorf("constructions.txt:%d: %q\n got  %q\n want %q", ex.Line, ex.Text, got, want)
				}
			}
			for _, n := range c.Not {
				if got := ruleTriples(t, x, c.ID, n.Text); len(got) > 0 {
					t.Errorf("constructions.txt:%d: %q must not fire, got %q", n.Line, n.Text, got)
				}
			}
		})
	}
}

// ruleTriples extracts text and returns, sorted, the triples "Subject
// RELATION Object" of the relations rule id made: those whose rule has id
// as one of its branches ("relate.verb/returned-fire").
func ruleTriples(t *testing.T, x *extract.Extractor, id, text string) []string {
	t.Helper()
	g, err := x.Extract(context.Background(), source.Article{Path: "example.txt", Text: text, Published: "2024-05-08"})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range g.Relations {
		if slices.Contains(strings.Split(r.Rule, "/")[1:], id) {
			out = append(out, fmt.Sprintf("%s %s %s", r.Subject, r.Relation, r.Object))
		}
	}
	slices.Sort(out)
	return out
}

// TestConstructionNamesAnUnknownAction: a rule whose action the registry
// lacks fails relate.New at the rule's line.
func TestConstructionNamesAnUnknownAction(t *testing.T) {
	rules := "rule fired-back\n  verb fire\n  obj back\n  objects last-one\n  yields FIGHTS 190\n" +
		"  example Chile fired back.\n  => Chile FIGHTS Peru\n  not Chile fired.\n"
	s, err := schema.Parse(withFile{os.DirFS("../../schema/data"), "constructions.txt", rules})
	if err != nil {
		t.Fatal(err)
	}
	_, err = relate.New(s)
	if want := `relate: constructions.txt:4: rule fired-back: no action "last-one" in extract/relate (known: act-agents, envoys-state, latest-attacker, named-or-referred)`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// withFile is a file system with one file's text replaced.
type withFile struct {
	fs.FS
	name, text string
}

func (w withFile) Open(name string) (fs.File, error) {
	if name == w.name {
		return fstest.MapFS{name: {Data: []byte(w.text)}}.Open(name)
	}
	return w.FS.Open(name)
}
