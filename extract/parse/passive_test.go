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

// TestContactRelatives checks that "territory it holds" parsed as a clause
// of its own becomes a relative clause on the noun, and that a conjunct
// after it joins the verb the noun belongs to; a verb with an object of
// its own ("told Peru it wants talks") keeps its place.
func TestContactRelatives(t *testing.T) {
	tok := func(text, upos, xpos string, head int, dep string) nlp.Token {
		return nlp.Token{Text: text, UPOS: upos, XPOS: xpos, Head: head, Dep: dep}
	}
	// troops(0) crossed(1) into(2) territory(3) it(4) holds(5) and(6) fired(7)
	d := &nlp.Document{Tokens: []nlp.Token{
		tok("troops", "NOUN", "NNS", 1, "nsubj"), tok("crossed", "VERB", "VBD", -1, "root"), tok("into", "ADP", "IN", 3, "case"),
		tok("territory", "NOUN", "NN", 1, "obl"), tok("it", "PRON", "PRP", 5, "nsubj"), tok("holds", "VERB", "VBZ", 1, "ccomp"),
		tok("and", "CCONJ", "CC", 7, "cc"), tok("fired", "VERB", "VBD", 5, "conj"),
	}, Sentences: []nlp.Sentence{{Start: 0, End: 8}}}
	contactRelatives(d, d.Sentences[0])
	if got := d.Tokens[5]; got.Head != 3 || got.Dep != "acl:relcl" {
		t.Errorf("holds: head %d %s, want 3 acl:relcl", got.Head, got.Dep)
	}
	if got := d.Tokens[7]; got.Head != 1 || got.Dep != "conj" {
		t.Errorf("fired: head %d %s, want 1 conj", got.Head, got.Dep)
	}
	// told(0) Peru(1) it(2) wants(3) talks(4)
	d = &nlp.Document{Tokens: []nlp.Token{
		tok("told", "VERB", "VBD", -1, "root"), tok("Peru", "PROPN", "NNP", 0, "obj"), tok("it", "PRON", "PRP", 3, "nsubj"),
		tok("wants", "VERB", "VBZ", 0, "ccomp"), tok("talks", "NOUN", "NNS", 3, "obj"),
	}, Sentences: []nlp.Sentence{{Start: 0, End: 5}}}
	contactRelatives(d, d.Sentences[0])
	if got := d.Tokens[3]; got.Head != 0 || got.Dep != "ccomp" {
		t.Errorf("wants: head %d %s, want 0 ccomp", got.Head, got.Dep)
	}
}

// TestComplementAfterTime checks that "said last month that soldiers had
// executed civilians", parsed with "that" as a relative pronoun on
// "month", gets its reported clause back as the verb's complement; a real
// relative clause on a time noun ("the month that followed") stays one.
func TestComplementAfterTime(t *testing.T) {
	tok := func(text string, head int, dep string) nlp.Token {
		return nlp.Token{Text: text, UPOS: "X", Head: head, Dep: dep}
	}
	// said(0) month(1) that(2) soldiers(3) executed(4) civilians(5)
	d := &nlp.Document{Tokens: []nlp.Token{
		tok("said", -1, "root"), tok("month", 0, "obl:unmarked"), tok("that", 4, "obj"),
		tok("soldiers", 4, "nsubj"), tok("executed", 1, "acl:relcl"), tok("civilians", 4, "obj"),
	}, Sentences: []nlp.Sentence{{Start: 0, End: 6}}}
	d.Tokens[0].UPOS = "VERB"
	complementAfterTime(d, d.Sentences[0])
	if got := d.Tokens[4]; got.Head != 0 || got.Dep != "ccomp" {
		t.Errorf("executed: head %d %s, want 0 ccomp", got.Head, got.Dep)
	}
	if got := d.Tokens[2].Dep; got != "mark" {
		t.Errorf("that: %s, want mark", got)
	}
	// remembered(0) month(1) that(2) followed(3)
	d = &nlp.Document{Tokens: []nlp.Token{
		tok("remembered", -1, "root"), tok("month", 0, "obl:unmarked"), tok("that", 3, "nsubj"), tok("followed", 1, "acl:relcl"),
	}, Sentences: []nlp.Sentence{{Start: 0, End: 4}}}
	d.Tokens[0].UPOS = "VERB"
	complementAfterTime(d, d.Sentences[0])
	if got := d.Tokens[3]; got.Head != 1 || got.Dep != "acl:relcl" {
		t.Errorf("followed: head %d %s, want 1 acl:relcl", got.Head, got.Dep)
	}
}

// TestPhraseBeforeParticiple checks that "imposed sanctions on Peru,
// freezing its assets", parsed with "on Peru" as the participle's marker
// and subject, gets "on Peru" back as the verb's oblique; a participle
// whose marker is a conjunction of time ("after Peru, fearing …") is left.
func TestPhraseBeforeParticiple(t *testing.T) {
	tok := func(text, xpos string, head int, dep string) nlp.Token {
		return nlp.Token{Text: text, UPOS: "X", XPOS: xpos, Head: head, Dep: dep}
	}
	// imposed(0) sanctions(1) on(2) Peru(3) ,(4) freezing(5) assets(6)
	build := func(prep string) *nlp.Document {
		d := &nlp.Document{Tokens: []nlp.Token{
			tok("imposed", "VBD", -1, "root"), tok("sanctions", "NNS", 0, "obj"), tok(prep, "IN", 5, "mark"),
			tok("Peru", "NNP", 5, "nsubj"), tok(",", ",", 5, "punct"), tok("freezing", "VBG", 0, "advcl"), tok("assets", "NNS", 5, "obj"),
		}, Sentences: []nlp.Sentence{{Start: 0, End: 7}}}
		d.Tokens[0].UPOS = "VERB"
		return d
	}
	d := build("on")
	phraseBeforeParticiple(d, d.Sentences[0])
	if got := d.Tokens[3]; got.Head != 0 || got.Dep != "obl" {
		t.Errorf("Peru: head %d %s, want 0 obl", got.Head, got.Dep)
	}
	if got := d.Tokens[2]; got.Head != 3 || got.Dep != "case" {
		t.Errorf("on: head %d %s, want 3 case", got.Head, got.Dep)
	}
	d = build("after")
	phraseBeforeParticiple(d, d.Sentences[0])
	if got := d.Tokens[3]; got.Head != 5 || got.Dep != "nsubj" {
		t.Errorf("after: Peru head %d %s, want 5 nsubj", got.Head, got.Dep)
	}
}

// TestSecondSubjectAfterPreposition checks that "Chad, an ally in the
// campaign against Boko Haram, withdrew", parsed with "against" marking
// "withdrew" and "Boko Haram" its second subject, gets the prepositional
// phrase back on "campaign"; a subordinator ("after") keeps its clause.
func TestSecondSubjectAfterPreposition(t *testing.T) {
	tok := func(text, xpos string, head int, dep string) nlp.Token {
		return nlp.Token{Text: text, UPOS: "X", XPOS: xpos, Head: head, Dep: dep}
	}
	// Chad(0) ally(1) campaign(2) against(3) Haram(4) withdrew(5)
	build := func(prep string) *nlp.Document {
		d := &nlp.Document{Tokens: []nlp.Token{
			tok("Chad", "NNP", 5, "nsubj"), tok("ally", "NN", 0, "appos"), tok("campaign", "NN", 1, "nmod"),
			tok(prep, "IN", 5, "mark"), tok("Haram", "NNP", 5, "nsubj"), tok("withdrew", "VBD", -1, "root"),
		}, Sentences: []nlp.Sentence{{Start: 0, End: 6}}}
		d.Tokens[2].UPOS = "NOUN"
		return d
	}
	d := build("against")
	secondSubjectAfterPreposition(d, d.Sentences[0])
	if got := d.Tokens[4]; got.Head != 2 || got.Dep != "nmod" {
		t.Errorf("Haram: head %d %s, want 2 nmod", got.Head, got.Dep)
	}
	d = build("after")
	secondSubjectAfterPreposition(d, d.Sentences[0])
	if got := d.Tokens[4]; got.Head != 5 || got.Dep != "nsubj" {
		t.Errorf("after: Haram head %d %s, want 5 nsubj", got.Head, got.Dep)
	}
}
