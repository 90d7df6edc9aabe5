package ner

import (
	"math/rand/v2"

	"github.com/kg-project/kg/extract/perceptron"
)

// decoder tags sentences greedily left to right with a BILOU model, never
// choosing a class that cannot follow the previous one, and never starting
// a name at a possessive ending ("'s": the data has one such span in
// 17,000 sentences). It holds scratch space and is not safe for
// concurrent use.
type decoder struct {
	model   *perceptron.Model
	names   []string   // class names, model.Classes()
	classes []tagClass // parsed names
	f       featurizer
	scores  []float64
	guess   []int

	// When training, each token's own word features are left out with
	// probability dropout.
	rng     *rand.Rand
	dropout float64
}

func newDecoder(m *perceptron.Model, lex *lexicon) *decoder {
	names := m.Classes()
	d := &decoder{model: m, names: names, scores: make([]float64, len(names))}
	d.f.lexicon = lex
	for _, n := range names {
		d.classes = append(d.classes, parseClass(n))
	}
	return d
}

// run predicts one class index per word, given the words' Penn Treebank
// tags, and returns them (the slice is reused by the next call).
// When gold is non-nil (gold class indices) the model is trained on the
// sentence as it is decoded: each decision is updated toward the best class
// reachable from the predicted history.
func (d *decoder) run(words, pos []string, gold []int) []int {
	d.f.reset(words, pos)
	d.guess = d.guess[:0]
	prev, prev2 := "<s>", "<s>"
	prevClass := tagClass{move: 'O'}
	for i := range words {
		last := i == len(words)-1
		clitic := isPossessive(words[i])
		unknown := gold != nil && d.dropout > 0 && d.rng.Float64() < d.dropout
		feats := d.f.token(i, prev, prev2, unknown)
		d.model.ScoresHashed(feats, d.scores)
		best := -1
		for c, tc := range d.classes {
			if clitic && (tc.move == 'B' || tc.move == 'U') {
				continue
			}
			if allowed(prevClass, tc, last) && (best < 0 || d.scores[c] > d.scores[best]) {
				best = c
			}
		}
		if gold != nil {
			d.model.UpdateHashed(d.oracle(prevClass, gold[i], last), best, feats)
		}
		d.guess = append(d.guess, best)
		prev2, prev = prev, d.names[best]
		prevClass = d.classes[best]
	}
	return d.guess
}

// bio returns the BIO tags of a sentence's words given their Penn
// Treebank tags.
func (d *decoder) bio(words, pos []string) []string {
	out := make([]string, len(words))
	for k, c := range d.run(words, pos, nil) {
		out[k] = d.classes[c].bio()
	}
	return out
}

// oracle returns the gold class when it may follow prev, and otherwise the
// allowed class closest to it: a span the history left open is closed
// (L-), and a gold I-/L- after a closed history starts a span (B-/U-).
func (d *decoder) oracle(prev tagClass, gold int, last bool) int {
	g := d.classes[gold]
	if allowed(prev, g, last) {
		return gold
	}
	var want string
	switch {
	case prev.open():
		want = "L-" + prev.label
	case g.move == 'I' && !last:
		want = "B-" + g.label
	default: // L-, or I- on the last token
		want = "U-" + g.label
	}
	for c, n := range d.names {
		if n == want {
			return c
		}
	}
	return gold
}

// isPossessive reports whether w is a possessive ending token: "'s", "'"
// or their typographic forms.
func isPossessive(w string) bool {
	switch w {
	case "'s", "’s", "'S", "’S", "'", "’":
		return true
	}
	return false
}
