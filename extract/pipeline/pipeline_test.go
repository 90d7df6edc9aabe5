package pipeline

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/align"
	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/fixtures"
)

func newPipeline(t testing.TB) *Pipeline {
	t.Helper()
	m, err := model.Load()
	if err != nil {
		t.Fatal(err)
	}
	return New(m)
}

// arc is what a golden test expects of one token: its head's text ("" for
// the root), relation and lemma.
type arc struct {
	head, dep, lemma string
}

func checkArcs(t *testing.T, text string, want map[string]arc) {
	t.Helper()
	d, err := newPipeline(t).Run(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 1 {
		t.Fatalf("%q: %d sentences, want 1", text, len(d.Sentences))
	}
	byText := map[string]nlp.Token{}
	for _, tok := range d.Tokens {
		byText[tok.Text] = tok
	}
	for word, w := range want {
		tok, ok := byText[word]
		if !ok {
			t.Errorf("%q: no token %q", text, word)
			continue
		}
		head := ""
		if tok.Head >= 0 {
			head = d.Tokens[tok.Head].Text
		}
		if head != w.head || tok.Dep != w.dep || (w.lemma != "" && tok.Lemma != w.lemma) {
			t.Errorf("%q: %s ← %q %s (lemma %q), want ← %q %s (lemma %q)",
				text, word, head, tok.Dep, tok.Lemma, w.head, w.dep, w.lemma)
		}
	}
}

func TestActiveSentence(t *testing.T) {
	checkArcs(t, "Russia invaded Ukraine on Monday.", map[string]arc{
		"invaded": {"", "root", "invade"},
		"Russia":  {"invaded", "nsubj", "Russia"},
		"Ukraine": {"invaded", "obj", ""},
		"Monday":  {"invaded", "obl", ""},
		"on":      {"Monday", "case", ""},
	})
}

func TestPassiveSentence(t *testing.T) {
	checkArcs(t, "Ukraine was attacked by Russia.", map[string]arc{
		"attacked": {"", "root", "attack"},
		"Ukraine":  {"attacked", "nsubj:pass", ""},
		"was":      {"attacked", "aux:pass", "be"},
		"Russia":   {"attacked", "obl:agent", ""},
		"by":       {"Russia", "case", ""},
	})
}

func TestProgressiveSentence(t *testing.T) {
	checkArcs(t, "The United States has been providing weapons to Ukraine.", map[string]arc{
		"providing": {"", "root", "provide"},
		"weapons":   {"providing", "obj", "weapon"},
		"Ukraine":   {"providing", "obl", ""},
		"has":       {"providing", "aux", "have"},
		"been":      {"providing", "aux", "be"},
	})
}

func TestNegationPolarity(t *testing.T) {
	d, err := newPipeline(t).Run(context.Background(), "Russia didn't withdraw and will never stop.")
	if err != nil {
		t.Fatal(err)
	}
	neg := 0
	for _, tok := range d.Tokens {
		if tok.Text == "n't" || tok.Text == "never" {
			if !slices.Contains(strings.Split(tok.Feats, "|"), "Polarity=Neg") {
				t.Errorf("%q has Feats %q, want Polarity=Neg", tok.Text, tok.Feats)
			}
			neg++
		}
	}
	if neg != 2 {
		t.Errorf("found %d negation tokens, want 2 (tokens %v)", neg, d.Tokens)
	}
}

// BenchmarkPipeline measures tokenize + segment + tag + lemma + parse on
// the raw text of the EWT dev documents, reporting tokens per second.
func BenchmarkPipeline(b *testing.B) {
	f, err := os.Open(fixtures.Shared(b, "data/ud-english-ewt/en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	sents, err := conllu.ReadAll(context.Background(), f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	docs, err := align.Rebuild(sents)
	if err != nil {
		b.Fatal(err)
	}
	p := newPipeline(b)
	ctx := context.Background()
	tokens := 0
	b.ResetTimer()
	for b.Loop() {
		for _, gd := range docs {
			d, err := p.Run(ctx, gd.Text)
			if err != nil {
				b.Fatal(err)
			}
			tokens += len(d.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
