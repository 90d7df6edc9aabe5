package parse

import (
	"fmt"
	"testing"

	"github.com/kg-project/kg/extract/nlp"
)

// TestPastTenseReadAsParticiple checks that a participle with an object on
// the root noun of a sentence without a finite verb, and a participle with
// a subject of its own hung as an adjective, become finite clause heads,
// while a headline's reduced relative without an object, an adjectival
// participle without a subject and a participle with an auxiliary stay.
func TestPastTenseReadAsParticiple(t *testing.T) {
	tok := func(text, upos, xpos string, head int, dep string) nlp.Token {
		return nlp.Token{Text: text, UPOS: upos, XPOS: xpos, Head: head, Dep: dep}
	}
	cases := []struct {
		name   string
		tokens []nlp.Token
		want   []string // "head dep" of each token after the repair; "-1 root" for the root
		vbd    int      // token that must be VBD after, -1 for none
	}{
		{"no finite verb", []nlp.Token{
			tok("Chilean", "ADJ", "JJ", 1, "amod"), tok("jets", "NOUN", "NNS", -1, "root"), tok("struck", "VERB", "VBN", 1, "acl"),
			tok("Tacna", "PROPN", "NNP", 2, "obj"), tok(".", "PUNCT", ".", 1, "punct"),
		}, []string{"1 amod", "2 nsubj", "-1 root", "2 obj", "2 punct"}, 2},
		{"participle with a subject", []nlp.Token{
			tok("Peruvian", "ADJ", "JJ", 1, "amod"), tok("troops", "NOUN", "NNS", 2, "nsubj"), tok("shelled", "VERB", "VBN", 3, "amod"),
			tok("homes", "NOUN", "NNS", -1, "root"), tok(".", "PUNCT", ".", 3, "punct"),
		}, []string{"1 amod", "2 nsubj", "-1 root", "2 obj", "2 punct"}, 2},
		{"headline without object", []nlp.Token{
			tok("soldiers", "NOUN", "NNS", -1, "root"), tok("killed", "VERB", "VBN", 0, "acl"),
			tok("in", "ADP", "IN", 3, "case"), tok("ambush", "NOUN", "NN", 1, "obl"),
		}, []string{"-1 root", "0 acl", "3 case", "1 obl"}, -1},
		{"adjective without subject", []nlp.Token{
			tok("the", "DET", "DT", 2, "det"), tok("shelled", "VERB", "VBN", 2, "amod"), tok("homes", "NOUN", "NNS", 3, "nsubj"),
			tok("stood", "VERB", "VBD", -1, "root"), tok(".", "PUNCT", ".", 3, "punct"),
		}, []string{"2 det", "2 amod", "3 nsubj", "-1 root", "3 punct"}, -1},
		{"auxiliary", []nlp.Token{
			tok("posts", "NOUN", "NNS", -1, "root"), tok("being", "AUX", "VBG", 2, "aux:pass"), tok("struck", "VERB", "VBN", 0, "acl"),
			tok("Tacna", "PROPN", "NNP", 2, "obj"),
		}, []string{"-1 root", "2 aux:pass", "0 acl", "2 obj"}, -1},
	}
	for _, c := range cases {
		d := &nlp.Document{Tokens: c.tokens, Sentences: []nlp.Sentence{{Start: 0, End: len(c.tokens)}}}
		pastTenseReadAsParticiple(d, d.Sentences[0])
		for i, w := range c.want {
			if got := fmt.Sprintf("%d %s", d.Tokens[i].Head, d.Tokens[i].Dep); got != w {
				t.Errorf("%s: %q is %s, want %s", c.name, d.Tokens[i].Text, got, w)
			}
		}
		for i, tk := range d.Tokens {
			if (tk.XPOS == "VBD" && tk.UPOS == "VERB") != (i == c.vbd) && tk.Text != "stood" {
				t.Errorf("%s: %q tagged %s", c.name, tk.Text, tk.XPOS)
			}
		}
	}
}
