package segment_test

import (
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/segment"
)

// TestOverlongRunIsCut checks that a run of tokens without a sentence end
// is cut into sentences of at most segment.MaxTokens tokens, marked Cut
// but the last, preferring a cut after a comma.
func TestOverlongRunIsCut(t *testing.T) {
	words := strings.Fields("the patrol crossed the ridge near the old mill")
	var b strings.Builder
	for i := range 400 {
		b.WriteString(words[i%len(words)])
		if i == 120 {
			b.WriteString(",")
		}
		b.WriteString(" ")
	}
	d := run(t, b.String())
	if len(d.Sentences) < 3 {
		t.Fatalf("%d sentences, want the run cut into at least 3", len(d.Sentences))
	}
	for i, s := range d.Sentences {
		if s.Len() > segment.MaxTokens {
			t.Errorf("sentence %d has %d tokens, more than %d", i, s.Len(), segment.MaxTokens)
		}
		if last := i == len(d.Sentences)-1; s.Cut == last {
			t.Errorf("sentence %d: Cut = %v", i, s.Cut)
		}
	}
	if first := d.Sentences[0]; d.Tokens[first.End-1].Text != "," {
		t.Errorf("first piece ends with %q, want the comma", d.Tokens[first.End-1].Text)
	}
	sents := conllu.FromDocument(d)
	if v, ok := sents[0].Comment("cut"); !ok || v != "yes" {
		t.Errorf("CoNLL-U of the first piece lacks # cut = yes: %q", sents[0].Comments)
	}
	if _, ok := sents[len(sents)-1].Comment("cut"); ok {
		t.Errorf("CoNLL-U of the last piece says cut: %q", sents[len(sents)-1].Comments)
	}
}

// TestLongSentenceIsNotCut checks that a long but bounded sentence is kept
// whole.
func TestLongSentenceIsNotCut(t *testing.T) {
	text := strings.Repeat("the patrol crossed the ridge, ", 20) + "and stopped."
	d := run(t, text)
	if len(d.Sentences) != 1 || d.Sentences[0].Cut {
		t.Fatalf("got %d sentences (%+v), want one uncut", len(d.Sentences), d.Sentences)
	}
}
