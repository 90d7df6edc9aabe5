package lemma

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/nlp"
)

// train is a tiny treebank; words outside it exercise the suffix rules.
const train = `1	stopped	stop	VERB	VBD	_	0	root	_	_
2	dropped	drop	VERB	VBD	_	1	conj	_	_
3	deciding	decide	VERB	VBG	_	1	conj	_	_
4	riding	ride	VERB	VBG	_	1	conj	_	_
5	rockets	rocket	NOUN	NNS	_	1	obj	_	_
6	tanks	tank	NOUN	NNS	_	1	obj	_	_
7	was	be	AUX	VBD	_	1	aux	_	_
8	n't	not	PART	RB	_	1	advmod	_	_
9	better	good	ADJ	JJR	_	1	amod	_	_
10	Hills	Hill	PROPN	NNPS	_	1	obl	_	_
11	Lakes	Lake	PROPN	NNPS	_	1	obl	_	_

`

func trained(t *testing.T) *Lemmatizer {
	t.Helper()
	sents, err := conllu.ReadAll(context.Background(), strings.NewReader(train))
	if err != nil {
		t.Fatal(err)
	}
	return Train(sents)
}

func TestLemma(t *testing.T) {
	l := trained(t)
	for _, c := range []struct{ form, xpos, want string }{
		{"was", "VBD", "be"},            // exception table
		{"n't", "RB", "not"},            // exception table
		{"better", "JJR", "good"},       // exception table
		{"shipped", "VBD", "ship"},      // rule of "-pped" (stopped, dropped)
		{"providing", "VBG", "provide"}, // rule of "-iding" (deciding, riding)
		{"missiles", "NNS", "missile"},  // rule of "-s"
		{"Missiles", "NNS", "missile"},  // common words are lower-cased
		{"Ukraine", "NNP", "Ukraine"},   // names keep their form
		{"Mountains", "NNPS", "Mountain"},
		{"quickly", "RB", "quickly"}, // unseen tag: identity
	} {
		if got := l.Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}

func TestProcessAndSaveLoad(t *testing.T) {
	l := trained(t)
	dir := t.TempDir()
	if err := l.Save(dir); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(os.DirFS(dir), "")
	if err != nil {
		t.Fatal(err)
	}
	d := &nlp.Document{Tokens: []nlp.Token{{Text: "Russia", XPOS: "NNP"}, {Text: "shipped", XPOS: "VBD"}, {Text: "rockets", XPOS: "NNS"}}}
	if err := loaded.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range d.Tokens {
		got = append(got, tok.Lemma)
	}
	if strings.Join(got, " ") != "Russia ship rocket" {
		t.Errorf("lemmas = %v, want [Russia ship rocket]", got)
	}
}

func TestUnknownVerbsFindTheirKnownStem(t *testing.T) {
	l := newLemmatizer(tables{exact: map[string]string{"blames\x00VBZ": "blame", "ships\x00VBZ": "ship"}, single: map[string]string{},
		rules: map[string]rule{"VBD\x00ed": {strip: 2}, "VBG\x00ing": {strip: 3}}})
	for _, c := range []struct{ form, xpos, want string }{
		{"blamed", "VBD", "blame"},  // the rule's "blam" is no verb
		{"shipping", "VBG", "ship"}, // undoubled
		{"frobbed", "VBD", "frobb"}, // unknown everywhere: the rule's guess stands
	} {
		if got := l.Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}

// TestIrregularVerbs checks that an irregular past form the treebank did
// not show with its tag takes its lemma from irregular.tsv rather than
// from a suffix rule, that a form the treebank showed keeps its learned
// lemma, that a form of two verbs is left to the rules, and that the
// table is for verbs only.
func TestIrregularVerbs(t *testing.T) {
	l := newLemmatizer(tables{exact: map[string]string{"sank\x00VBD": "sank-as-learned"}, single: map[string]string{},
		rules: map[string]rule{"VBD\x00ot": {strip: 2, add: "et"}, "VBD\x00ed": {strip: 2}}})
	for _, c := range []struct{ form, xpos, want string }{
		{"shot", "VBD", "shoot"},           // the rule would give "shet"
		{"bled", "VBN", "bleed"},           // the rule would give "bl"
		{"sank", "VBD", "sank-as-learned"}, // the treebank's lemma stands
		{"wound", "VBD", "wound"},          // wind or wound: not in the table
		{"shot", "NN", "shot"},             // a noun: not a verb form
	} {
		if got := l.Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}
