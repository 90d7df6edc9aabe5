package conllu

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/fixtures"
)

const sample = `# newdoc id = d1
# sent_id = s1
# newpar id = p1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	knew	know	VERB	VBD	_	_	_	4:conj	CopyOf=4
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = s2
# text = Yes
1	Yes	yes	INTJ	UH	_	0	root	0:root	_

`

func TestRoundTrip(t *testing.T) {
	sents, err := ReadAll(context.Background(), strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("read %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if s.ID() != "s1" || s.Text() != "I don't know." || !s.NewDoc() || !s.NewPar() || sents[1].NewPar() {
		t.Errorf("comments: id %q text %q newdoc %v newpar %v", s.ID(), s.Text(), s.NewDoc(), s.NewPar())
	}
	if len(s.Words) != 5 || len(s.MultiWords) != 1 || len(s.Empty) != 1 {
		t.Fatalf("words %d multiwords %d empty %d, want 5 1 1", len(s.Words), len(s.MultiWords), len(s.Empty))
	}
	if w := s.Words[2]; w.Form != "n't" || w.Lemma != "not" || w.Head != 4 || w.Deprel != "advmod" {
		t.Errorf("word 3 = %+v", w)
	}
	var spaces []bool
	for i := range s.Words {
		spaces = append(spaces, s.SpaceAfter(i))
	}
	if got := spaces; got[0] != true || got[1] != false || got[2] != true || got[3] != false || got[4] != true {
		t.Errorf("SpaceAfter = %v, want [true false true false true]", got)
	}
	var buf bytes.Buffer
	for _, s := range sents {
		if err := Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	if buf.String() != sample {
		t.Errorf("round trip differs:\n%s", buf.String())
	}
}

func TestToDocument(t *testing.T) {
	sents, err := ReadAll(context.Background(), strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	d := ToDocument(sents)
	if d.Text != "I don't know.\nYes" {
		t.Errorf("text = %q", d.Text)
	}
	if len(d.Tokens) != 6 || d.Tokens[3].Head != -1 || d.Tokens[0].Head != 3 || d.Tokens[5].Head != -1 {
		t.Errorf("tokens = %+v", d.Tokens)
	}
	for _, tok := range d.Tokens {
		if d.Text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q has offsets %d:%d", tok.Text, tok.Start, tok.End)
		}
	}
	if s := d.Sentences[1]; s.Start != 5 || s.End != 6 || d.SentenceText(1) != "Yes" {
		t.Errorf("sentence 2 = %+v", s)
	}
}

func TestFromDocument(t *testing.T) {
	text := "Russia attacked.\nOK"
	d := &nlp.Document{Text: text,
		Tokens: []nlp.Token{
			{Text: "Russia", Start: 0, End: 6, SpaceAfter: true, UPOS: "PROPN", XPOS: "NNP", Lemma: "Russia", Head: 1, Dep: "nsubj"},
			{Text: "attacked", Start: 7, End: 15, UPOS: "VERB", XPOS: "VBD", Lemma: "attack", Head: -1, Dep: "root"},
			{Text: ".", Start: 15, End: 16, SpaceAfter: true, UPOS: "PUNCT", XPOS: ".", Lemma: ".", Head: 1, Dep: "punct"},
			{Text: "OK", Start: 17, End: 19, Sentence: 1, Head: -1},
		},
		Sentences: []nlp.Sentence{{Start: 0, End: 3, CharStart: 0, CharEnd: 16}, {Start: 3, End: 4, CharStart: 17, CharEnd: 19}},
	}
	var buf bytes.Buffer
	for _, s := range FromDocument(d) {
		if err := Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	want := "# newdoc\n# sent_id = 1\n# text = Russia attacked.\n" +
		"1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\tTokenRange=0:6\n" +
		"2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\tTokenRange=7:15|SpaceAfter=No\n" +
		"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tTokenRange=15:16\n\n" +
		"# sent_id = 2\n# text = OK\n" +
		"1\tOK\t_\t_\t_\t_\t_\t_\t_\tTokenRange=17:19|SpaceAfter=No\n\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestRoundTripEWT reads the EWT dev file and writes it back byte for byte.
func TestRoundTripEWT(t *testing.T) {
	path := fixtures.Shared(t, "data/ud-english-ewt/en_ewt-ud-dev.conllu")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadAll(context.Background(), bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2001 {
		t.Errorf("read %d sentences, want 2001", len(sents))
	}
	var buf bytes.Buffer
	for _, s := range sents {
		if err := Write(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(buf.Bytes(), data) {
		t.Error("EWT dev does not round-trip byte for byte")
	}
}
