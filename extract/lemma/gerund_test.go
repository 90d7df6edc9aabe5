package lemma

import (
	"context"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/conllu"
)

// nounOnly has "warning" as a noun only and "warn", "stop" as verbs.
const nounOnly = `1	warning	warning	NOUN	NN	_	0	root	_	_
2	warn	warn	VERB	VB	_	1	conj	_	_
3	stopping	stop	VERB	VBG	_	1	conj	_	_
4	building	building	NOUN	NN	_	1	obj	_	_

`

// TestGerundOfAWordSeenAsANoun: a gerund whose form the treebank saw only
// as a noun is lemmatized as a verb; the noun keeps its lemma.
func TestGerundOfAWordSeenAsANoun(t *testing.T) {
	sents, err := conllu.ReadAll(context.Background(), strings.NewReader(nounOnly))
	if err != nil {
		t.Fatal(err)
	}
	l := Train(sents)
	for _, c := range []struct{ form, xpos, want string }{
		{"warning", "VBG", "warn"},
		{"warning", "NN", "warning"},
		{"building", "NN", "building"},
	} {
		if got := l.Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}
