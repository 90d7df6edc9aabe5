package tag

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/nlp"
)

const tiny = `1	Russia	Russia	PROPN	NNP	Number=Sing	2	nsubj	_	_
2	attacked	attack	VERB	VBD	Tense=Past	0	root	_	_
3	Kyiv	Kyiv	PROPN	NNP	Number=Sing	2	obj	_	_

1	Troops	troop	NOUN	NNS	Number=Plur	2	nsubj	_	_
2	never	never	ADV	RB	PronType=Neg	3	advmod	_	_
3	left	leave	VERB	VBD	Tense=Past	0	root	_	_

1	The	the	DET	DT	Definite=Def	2	det	_	_
2	army	army	NOUN	NN	Number=Sing	3	nsubj	_	_
3	attacked	attack	VERB	VBD	Tense=Past	0	root	_	_

`

func TestTrainTagSaveLoad(t *testing.T) {
	sents, err := conllu.ReadAll(context.Background(), strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Train(context.Background(), sents, TrainOptions{Epochs: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if acc := tg.Accuracy(sents); acc != 1 {
		t.Errorf("training accuracy %.3f, want 1", acc)
	}
	dir := t.TempDir()
	if err := tg.Save(dir); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(os.DirFS(dir), "")
	if err != nil {
		t.Fatal(err)
	}
	d := &nlp.Document{
		Tokens:    []nlp.Token{{Text: "Troops"}, {Text: "never"}, {Text: "left"}},
		Sentences: []nlp.Sentence{{Start: 0, End: 3}},
	}
	if err := loaded.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range d.Tokens {
		got = append(got, tok.UPOS+"/"+tok.XPOS+"/"+tok.Feats)
	}
	want := []string{"NOUN/NNS/Number=Plur", "ADV/RB/Polarity=Neg|PronType=Neg", "VERB/VBD/Tense=Past"}
	if !slices.Equal(got, want) {
		t.Errorf("tags = %v, want %v", got, want)
	}
}

func TestShapeAndAddFeat(t *testing.T) {
	for in, want := range map[string]string{"Ukraine": "Xx", "U.S.": "X.X.", "155-mm": "d-x", "NATO": "X"} {
		if got := shape(in); got != want {
			t.Errorf("shape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := addFeat("PronType=Neg", "Polarity=Neg"); got != "Polarity=Neg|PronType=Neg" {
		t.Errorf("addFeat = %q", got)
	}
	if got := addFeat("", "Polarity=Neg"); got != "Polarity=Neg" {
		t.Errorf("addFeat on empty = %q", got)
	}
}
