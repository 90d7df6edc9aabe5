package parse

import (
	"testing"

	"github.com/kg-project/kg/extract/nlp"
)

// TestPerfectWithoutPassiveAuxIsActive checks that a perfect the parser
// made passive without a passive auxiliary ("she had spoken by phone")
// becomes active, while a passive perfect ("had been seized by") and a
// passive with no auxiliary at all (a headline's "Five soldiers killed by
// militants") stay passive.
func TestPerfectWithoutPassiveAuxIsActive(t *testing.T) {
	tok := func(text, lemma string, head int, dep string) nlp.Token {
		return nlp.Token{Text: text, Lemma: lemma, Head: head, Dep: dep}
	}
	cases := []struct {
		name   string
		tokens []nlp.Token
		want   []string // Dep of each token after the repair
	}{
		{"perfect", []nlp.Token{
			tok("she", "she", 2, "nsubj:pass"), tok("had", "have", 2, "aux"), tok("spoken", "speak", -1, "root"),
			tok("by", "by", 4, "case"), tok("phone", "phone", 2, "obl:agent"),
		}, []string{"nsubj", "aux", "root", "case", "obl"}},
		{"passive perfect", []nlp.Token{
			tok("it", "it", 3, "nsubj:pass"), tok("had", "have", 3, "aux"), tok("been", "be", 3, "aux:pass"),
			tok("seized", "seize", -1, "root"), tok("by", "by", 5, "case"), tok("rebels", "rebel", 3, "obl:agent"),
		}, []string{"nsubj:pass", "aux", "aux:pass", "root", "case", "obl:agent"}},
		{"headline", []nlp.Token{
			tok("soldiers", "soldier", 1, "nsubj:pass"), tok("killed", "kill", -1, "root"),
			tok("by", "by", 3, "case"), tok("militants", "militant", 1, "obl:agent"),
		}, []string{"nsubj:pass", "root", "case", "obl:agent"}},
	}
	for _, c := range cases {
		d := &nlp.Document{Tokens: c.tokens, Sentences: []nlp.Sentence{{Start: 0, End: len(c.tokens)}}}
		activeWithoutPassiveAux(d, d.Sentences[0])
		for i, w := range c.want {
			if got := d.Tokens[i].Dep; got != w {
				t.Errorf("%s: %q is %s, want %s", c.name, d.Tokens[i].Text, got, w)
			}
		}
	}
}

// TestWordsHungOnPunctuationAreRehung checks that a noun the parser hung on
// the final period becomes the object of the verb before it, its
// determiner goes to the next noun, a participle goes to the root, and a
// word hung on a word keeps its arc.
func TestWordsHungOnPunctuationAreRehung(t *testing.T) {
	tok := func(text, upos string, head int, dep string) nlp.Token {
		return nlp.Token{Text: text, UPOS: upos, Head: head, Dep: dep}
	}
	// "France suspended all aid to Mali , calling ." with "all", "aid"
	// and "calling" hung on the period.
	d := &nlp.Document{Tokens: []nlp.Token{
		tok("France", "PROPN", 1, "nsubj"), tok("suspended", "VERB", -1, "root"), tok("all", "DET", 8, "nmod:poss"),
		tok("aid", "NOUN", 8, "nmod:poss"), tok("to", "ADP", 5, "case"), tok("Mali", "PROPN", 3, "nmod"),
		tok(",", "PUNCT", 7, "punct"), tok("calling", "VERB", 8, "nmod:poss"), tok(".", "PUNCT", 1, "punct"),
	}}
	d.Sentences = []nlp.Sentence{{Start: 0, End: len(d.Tokens)}}
	rehangPunctuationDependents(d, d.Sentences[0])
	want := []struct {
		head int
		dep  string
	}{{1, "nsubj"}, {-1, "root"}, {3, "det"}, {1, "obj"}, {5, "case"}, {3, "nmod"}, {7, "punct"}, {1, "advcl"}, {1, "punct"}}
	for i, w := range want {
		if got := d.Tokens[i]; got.Head != w.head || got.Dep != w.dep {
			t.Errorf("%q: head %d %s, want %d %s", got.Text, got.Head, got.Dep, w.head, w.dep)
		}
	}
}
