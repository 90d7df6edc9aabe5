package nlpeval

import (
	"context"
	"os"
	"testing"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/pipeline"
	"github.com/kg-project/kg/fixtures"
)

// The bars of issue 3, on EWT test with gold tokenization and, for the
// splitters, on raw text.
const (
	minUPOS       = 0.955
	minUAS        = 0.87
	minLAS        = 0.84
	minLemma      = 0.97
	minSentenceF1 = 0.88
	minTokenF1    = 0.98
)

// readTest reads EWT test, skipping the test when the shared data is absent.
func readTest(t *testing.T) []*conllu.Sentence {
	t.Helper()
	f, err := os.Open(fixtures.Shared(t, "data/ud-english-ewt/en_ewt-ud-test.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func newPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	m, err := model.Load()
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.New(m)
}

// TestBarsGoldTokenization scores the embedded models on EWT test, which
// training never reads, and fails below the bars.
func TestBarsGoldTokenization(t *testing.T) {
	sents := readTest(t)
	r, err := Gold(context.Background(), newPipeline(t), sents)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Line())
	if r.Sentences != 2077 || r.Tokens != 25094 {
		t.Errorf("scored %d sentences and %d words, want 2077 and 25094", r.Sentences, r.Tokens)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"upos", r.UPOS, minUPOS}, {"uas", r.UAS, minUAS}, {"las", r.LAS, minLAS}, {"lemma", r.Lemma, minLemma},
	} {
		if c.got < c.want {
			t.Errorf("%s = %.4f, below the bar %.3f", c.name, c.got, c.want)
		}
	}
}

// TestBarsRaw runs the whole pipeline on EWT test's raw text.
func TestBarsRaw(t *testing.T) {
	sents := readTest(t)
	r, err := Raw(context.Background(), newPipeline(t), sents)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Line())
	if r.SentenceF1 < minSentenceF1 {
		t.Errorf("sentence F1 = %.4f, below the bar %.2f", r.SentenceF1, minSentenceF1)
	}
	if r.TokenF1 < minTokenF1 {
		t.Errorf("token F1 = %.4f, below the bar %.2f", r.TokenF1, minTokenF1)
	}
}
