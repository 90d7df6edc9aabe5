// Package tag is kg's part-of-speech tagger: a greedy, left-to-right
// averaged perceptron (Honnibal's design) that predicts the Universal POS
// tag and the Penn Treebank tag of each token jointly, as one class
// "UPOS XPOS", so the two never disagree. Frequent words that are nearly
// always tagged the same way skip the model through a tag dictionary.
//
// The tagger also fills morphological features from a lexicon learned
// from the treebank: the most frequent Feats of a (word, XPOS) pair, else
// of the XPOS alone. Negation words (not, n't, never, no) always carry
// Polarity=Neg, which downstream extraction reads.
package tag

import (
	"context"
	"fmt"
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/perceptron"
)

// Tagger assigns UPOS, XPOS and Feats. It is safe for concurrent use.
//
// Tagging takes two left-to-right passes: the first model tags the
// sentence; the second tags it again, seeing also the first pass's tags of
// the two following words, so each decision looks at its right context as
// well as its left.
type Tagger struct {
	first *perceptron.Model // nil: a single pass (while training pass 1)
	model *perceptron.Model
	upos  []string // per class
	xpos  []string // per class
	lex   *lexicon
}

// Name returns "tag".
func (t *Tagger) Name() string { return "tag" }

// Process fills UPOS, XPOS and Feats of every token, sentence by sentence.
// It requires Tokens and Sentences.
func (t *Tagger) Process(ctx context.Context, d *nlp.Document) error {
	words := make([]string, 0, 64)
	for si, s := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("tag: %w", err)
		}
		if s.Start < 0 || s.End > len(d.Tokens) || s.Start > s.End {
			return fmt.Errorf("tag: sentence %d has token range [%d,%d) outside %d tokens", si, s.Start, s.End, len(d.Tokens))
		}
		words = words[:0]
		for i := s.Start; i < s.End; i++ {
			words = append(words, d.ModelForm(i))
		}
		classes := t.tagWords(words)
		for i, c := range classes {
			tok := &d.Tokens[s.Start+i]
			tok.UPOS, tok.XPOS = t.upos[c], t.xpos[c]
			tok.Feats = t.lex.feats(tok.Text, tok.XPOS)
		}
	}
	return nil
}

// Tag returns the UPOS and XPOS tags of a sentence's words.
func (t *Tagger) Tag(words []string) (upos, xpos []string) {
	for _, c := range t.tagWords(words) {
		upos = append(upos, t.upos[c])
		xpos = append(xpos, t.xpos[c])
	}
	return upos, xpos
}

// tagWords returns the class of each word.
func (t *Tagger) tagWords(words []string) []int {
	ctx := contextOf(words, t.lex)
	if t.first == nil {
		return runPass(t.model, t.lex, words, ctx, nil)
	}
	return runPass(t.model, t.lex, words, ctx, runPass(t.first, t.lex, words, ctx, nil))
}

// runPass tags words, whose feature parts are ctx (contextOf), with model
// m, given the first pass's classes (nil during the first pass).
func runPass(m *perceptron.Model, lex *lexicon, words []string, ctx []tokenParts, firstTags []int) []int {
	caps := capsBucket(words)
	out := make([]int, len(words))
	scores := make([]float64, len(m.Classes()))
	var feats []uint64
	var p1, p2 uint64
	for i, w := range words {
		c, ok := lex.class(w)
		if !ok {
			feats = features(feats[:0], ctx, caps, i, p1, p2)
			feats = lookahead(feats, firstTags, i)
			c = m.PredictHashed(feats, scores)
		}
		out[i] = c
		p2, p1 = p1, uint64(c)+1
	}
	return out
}

// splitClass splits a class "UPOS XPOS".
func splitClass(c string) (upos, xpos string) {
	u, x, _ := strings.Cut(c, " ")
	return u, x
}

// newTagger returns the two-pass tagger first+second, or a one-pass
// tagger when second is nil.
func newTagger(first, second *perceptron.Model, lex *lexicon) *Tagger {
	t := &Tagger{first: first, model: second, lex: lex}
	if second == nil {
		t.first, t.model = nil, first
	}
	m := t.model
	for _, c := range m.Classes() {
		u, x := splitClass(c)
		t.upos = append(t.upos, u)
		t.xpos = append(t.xpos, x)
	}
	return t
}
