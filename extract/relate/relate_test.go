package relate

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/schema"
)

// parsed builds a one-sentence document from "word/UPOS/lemma/head/dep"
// items (head 0 for the root, 1-based otherwise) and marks the listed
// tokens as mentions of new entities of the given types.
func parsed(t *testing.T, spec string, entities map[int]string) *nlp.Document {
	t.Helper()
	d := &nlp.Document{}
	var text strings.Builder
	for i, item := range strings.Fields(spec) {
		f := strings.Split(item, "/")
		if len(f) != 5 {
			t.Fatalf("bad item %q", item)
		}
		if i > 0 {
			text.WriteString(" ")
		}
		start := text.Len()
		text.WriteString(f[0])
		head, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("bad head in %q", item)
		}
		head-- // 1-based to 0-based; the root becomes -1
		d.Tokens = append(d.Tokens, nlp.Token{Text: f[0], Start: start, End: text.Len(), UPOS: f[1], Lemma: f[2], Head: head, Dep: f[4]})
	}
	d.Text = text.String()
	d.Sentences = []nlp.Sentence{{Start: 0, End: len(d.Tokens), CharEnd: len(d.Text)}}
	for k := range d.Tokens {
		typ, ok := entities[k]
		if !ok {
			continue
		}
		d.Mentions = append(d.Mentions, nlp.Mention{Start: k, End: k + 1, Type: typ, Entity: len(d.Entities)})
		d.Entities = append(d.Entities, nlp.Entity{Type: typ, Name: d.Tokens[k].Text})
	}
	return d
}

func triples(d *nlp.Document, rels []Relation) []string {
	var out []string
	for _, r := range rels {
		out = append(out, d.Entities[r.Subject].Name+" "+r.Relation+" "+d.Entities[r.Object].Name+" "+r.CAMEO)
	}
	return out
}

func TestVerbFramesOnAHandBuiltParse(t *testing.T) {
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		spec     string
		entities map[int]string
		want     string
	}{
		{"Russia/PROPN/Russia/2/nsubj attacked/VERB/attack/0/root Ukraine/PROPN/Ukraine/2/obj",
			map[int]string{0: "Country", 2: "Country"}, "Russia ATTACKS Ukraine 190"},
		{"Ukraine/PROPN/Ukraine/3/nsubj:pass was/AUX/be/3/aux:pass attacked/VERB/attack/0/root by/ADP/by/5/case Russia/PROPN/Russia/3/obl:agent",
			map[int]string{0: "Country", 4: "Country"}, "Russia ATTACKS Ukraine 190"},
		{"Germany/PROPN/Germany/2/nsubj sent/VERB/send/0/root tanks/NOUN/tank/2/obj to/ADP/to/5/case Poland/PROPN/Poland/2/obl",
			map[int]string{0: "Country", 4: "Country"}, "Germany SUPPLIES Poland 072"},
		{"Russia/PROPN/Russia/3/nmod:poss 's/PART/'s/1/case invasion/NOUN/invasion/0/root of/ADP/of/5/case Ukraine/PROPN/Ukraine/3/nmod",
			map[int]string{0: "Country", 4: "Country"}, "Russia INVADES Ukraine 192"},
	}
	for _, c := range cases {
		d := parsed(t, c.spec, c.entities)
		got := strings.Join(triples(d, x.Relations(d, time.Time{})), "; ")
		if got != c.want {
			t.Errorf("%s:\n got  %q\n want %q", d.Text, got, c.want)
		}
	}
}

func TestNegationAndModalityOnAHandBuiltParse(t *testing.T) {
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	d := parsed(t, "Turkey/PROPN/Turkey/4/nsubj will/AUX/will/4/aux not/PART/not/4/advmod attack/VERB/attack/0/root Greece/PROPN/Greece/4/obj",
		map[int]string{0: "Country", 4: "Country"})
	x, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	rels := x.Relations(d, time.Time{})
	if len(rels) != 1 || !rels[0].Negated || rels[0].Modality != Future {
		t.Fatalf("relations %+v, want one negated future attack", rels)
	}
}

// TestDepIs checks that a relation matches itself and its universal part,
// never a longer or other relation.
func TestDepIs(t *testing.T) {
	for _, tt := range []struct {
		dep, want string
		is        bool
	}{
		{"obl", "obl", true},
		{"obl:tmod", "obl", true},
		{"obl:tmod", "obl:tmod", true},
		{"obl", "obl:tmod", false},
		{"obl:npmod", "obl:tmod", false},
		{"nsubj:pass", "nsubj", true},
		{"nsubj", "nsubj:pass", false},
		{"nmod", "nmod:poss", false},
		{"oblique", "obl", false},
		{"ob", "obl", false},
	} {
		if got := depIs(tt.dep, tt.want); got != tt.is {
			t.Errorf("depIs(%q, %q) = %v, want %v", tt.dep, tt.want, got, tt.is)
		}
	}
}

// TestKidsMatchChildren checks the walker's index of dependents against
// nlp.Document.Children on a parse of two sentences.
func TestKidsMatchChildren(t *testing.T) {
	d := &nlp.Document{Sentences: []nlp.Sentence{{Start: 0, End: 4}, {Start: 4, End: 7}}}
	for i, h := range []int{1, -1, 1, 1, 5, -1, 5} {
		d.Tokens = append(d.Tokens, nlp.Token{Head: h, Sentence: i / 4})
	}
	w := &walker{d: d}
	w.indexChildren()
	for h := range d.Tokens {
		if got, want := w.kids(h), d.Children(h); !slices.Equal(got, want) {
			t.Errorf("kids(%d) = %v, Children = %v", h, got, want)
		}
	}
	if !slices.Equal(w.kids(1), []int{0, 2, 3}) {
		t.Errorf("kids(1) = %v, want [0 2 3]", w.kids(1))
	}
}
