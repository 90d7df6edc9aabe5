package align

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/nlp"
)

const treebank = `# newdoc id = d1
# newpar
# text = I didn't go.
2-3	didn't	_	_	_	_	_	_	_	_
1	I	I	PRON	PRP	_	4	nsubj	_	_
2	did	do	AUX	VBD	_	4	aux	_	SpaceAfter=No
3	n't	not	PART	RB	_	4	advmod	_	_
4	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = Fine.
1	Fine	fine	ADJ	JJ	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

# newpar
# text = Its ok
1-2	Its	_	_	_	_	_	_	_	_
1	It	it	PRON	PRP	_	3	nsubj	_	_
2	is	be	AUX	VBZ	_	3	cop	_	_
3	ok	ok	ADJ	JJ	_	0	root	_	_

# newdoc id = d2
# text = Next doc
1	Next	next	ADJ	JJ	_	2	amod	_	_
2	doc	doc	NOUN	NN	_	0	root	_	_
`

func TestRebuild(t *testing.T) {
	sents, err := conllu.ReadAll(context.Background(), strings.NewReader(treebank))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Rebuild(sents)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	d := docs[0]
	if want := "I didn't go. Fine.\nIts ok"; d.Text != want {
		t.Errorf("text = %q, want %q", d.Text, want)
	}
	var toks []string
	for _, s := range d.Tokens {
		toks = append(toks, d.Text[s.Start:s.End])
	}
	// "didn't" spells out did + n't; "Its" does not spell out It + is.
	if got, want := strings.Join(toks, "|"), "I|did|n't|go|.|Fine|.|Its|ok"; got != want {
		t.Errorf("tokens = %q, want %q", got, want)
	}
	if got, want := d.Origins[7], (Origin{Sentence: 2, First: 0, Last: 1}); got != want {
		t.Errorf("origin of Its = %+v, want %+v", got, want)
	}
	if got, want := d.Origins[2], (Origin{Sentence: 0, First: 2, Last: 2}); got != want {
		t.Errorf("origin of n't = %+v, want %+v", got, want)
	}
	wantSents := []Span{{0, 12}, {13, 18}, {19, 25}}
	if len(d.Sentences) != len(wantSents) {
		t.Fatalf("sentences = %v, want %v", d.Sentences, wantSents)
	}
	for i, s := range wantSents {
		if d.Sentences[i] != s {
			t.Errorf("sentence %d = %v, want %v", i, d.Sentences[i], s)
		}
	}
	if docs[1].Text != "Next doc" || len(docs[1].Tokens) != 2 {
		t.Errorf("second document = %q with %d tokens, want %q with 2", docs[1].Text, len(docs[1].Tokens), "Next doc")
	}
}

func TestRebuildMissingForm(t *testing.T) {
	bad := "# text = Hello\n1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_\n"
	sents, err := conllu.ReadAll(context.Background(), strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Rebuild(sents); err == nil {
		t.Error("Rebuild with a form absent from the text returned nil error")
	}
}

func TestAlignAndScore(t *testing.T) {
	gold := []Span{{0, 1}, {2, 5}, {5, 8}, {9, 12}}
	sys := []Span{{0, 1}, {2, 8}, {9, 12}, {12, 13}}
	if got, want := Align(gold, sys), []int{0, -1, -1, 2}; !slices.Equal(got, want) {
		t.Errorf("Align = %v, want %v", got, want)
	}
	var s Score
	s.Add(gold, sys)
	s.Add([]Span{{0, 2}}, []Span{{0, 2}})
	if s.Gold != 5 || s.System != 5 || s.Correct != 3 {
		t.Errorf("score = %+v, want {Gold:5 System:5 Correct:3}", s)
	}
	if s.Precision() != 0.6 || s.Recall() != 0.6 || s.F1() != 0.6 {
		t.Errorf("P/R/F1 = %v/%v/%v, want 0.6 each", s.Precision(), s.Recall(), s.F1())
	}
	if (Score{}).F1() != 0 {
		t.Error("F1 of an empty score is not 0")
	}
}

func TestSpansOfDocument(t *testing.T) {
	d := &nlp.Document{
		Tokens:    []nlp.Token{{Start: 0, End: 2}, {Start: 3, End: 4}},
		Sentences: []nlp.Sentence{{Start: 0, End: 2, CharStart: 0, CharEnd: 4}},
	}
	if got := TokenSpans(d); len(got) != 2 || got[1] != (Span{3, 4}) {
		t.Errorf("TokenSpans = %v, want [{0 2} {3 4}]", got)
	}
	if got := SentenceSpans(d); len(got) != 1 || got[0] != (Span{0, 4}) {
		t.Errorf("SentenceSpans = %v, want [{0 4}]", got)
	}
}
