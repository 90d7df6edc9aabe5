package segment_test

import (
	"testing"

	"github.com/kg-project/kg/extract/align"
)

// TestEWTTest measures token and sentence F1 on the raw text of the EWT
// test set and fails below the bars of issue 3.
func TestEWTTest(t *testing.T) {
	docs := ewtDocuments(t, "en_ewt-ud-test.conllu")
	var toks, sents align.Score
	for _, g := range docs {
		d := run(t, g.Text)
		toks.Add(g.Tokens, align.TokenSpans(d))
		sents.Add(g.Sentences, align.SentenceSpans(d))
	}
	t.Logf("EWT test: token P=%.4f R=%.4f F1=%.4f (%d gold); sentence P=%.4f R=%.4f F1=%.4f (%d gold)",
		toks.Precision(), toks.Recall(), toks.F1(), toks.Gold,
		sents.Precision(), sents.Recall(), sents.F1(), sents.Gold)
	if toks.F1() < 0.98 {
		t.Errorf("token F1 = %.4f, want >= 0.98", toks.F1())
	}
	if sents.F1() < 0.88 {
		t.Errorf("sentence F1 = %.4f, want >= 0.88", sents.F1())
	}
}
