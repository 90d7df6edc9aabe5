package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/kg-project/kg/extract/perceptron"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Iterations is the number of passes over the training sentences.
	Iterations int
	// Seed seeds the shuffling of the training sentences between passes.
	Seed uint64
	// WordDropout is the probability with which a training token is seen
	// without its own word features, as if it were unknown.
	WordDropout float64
	// PruneBelow drops averaged weights whose absolute value is below it.
	PruneBelow float64
	// Log, when not nil, receives one line per pass with the dev score.
	Log io.Writer
}

// DefaultTrainOptions returns the settings the embedded model was trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Iterations: 20, Seed: 1, WordDropout: 0.2, PruneBelow: 0.05}
}

// Train trains a recognizer on train, whose sentences must carry XPOS
// (see TagTrainingData), reporting the exact-span F1 on dev (which may be
// empty) after each pass when opts.Log is set.
func Train(ctx context.Context, train, dev []Sentence, opts TrainOptions) (*Recognizer, error) {
	if opts.Iterations < 1 {
		return nil, fmt.Errorf("ner: train: %d iterations, want at least 1", opts.Iterations)
	}
	for i, s := range train {
		if len(s.XPOS) != len(s.Words) {
			return nil, fmt.Errorf("ner: train: sentence %d (%s) has no part-of-speech tags", i, s.ID)
		}
	}
	tagger, err := embeddedTagger()
	if err != nil {
		return nil, err
	}
	tagSentences(tagger, dev)
	classes := bilouClasses()
	index := make(map[string]int, len(classes))
	for i, c := range classes {
		index[c] = i
	}
	gold := make([][]int, len(train))
	for i, s := range train {
		for _, c := range toBILOU(s.Tags) {
			gold[i] = append(gold[i], index[c])
		}
	}
	lex, err := embeddedLexicon()
	if err != nil {
		return nil, err
	}
	model := perceptron.New(classes)
	dec := newDecoder(model, lex)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	dec.rng, dec.dropout = rng, opts.WordDropout
	for it := 1; it <= opts.Iterations; it++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, n := 0, 0
		for k, i := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("ner: train: %w", err)
				}
			}
			for j, c := range dec.run(train[i].Words, train[i].XPOS, gold[i]) {
				if c != gold[i][j] {
					errs++
				}
				n++
			}
		}
		if opts.Log != nil {
			line := fmt.Sprintf("ner: pass %d: train token error %.4f", it, float64(errs)/float64(max(n, 1)))
			if len(dev) > 0 {
				rec := &Recognizer{model: model.Averaged(), lexicon: lex, tagger: tagger}
				sc := Score(rec, dev)
				line += fmt.Sprintf(", dev %s", sc)
			}
			fmt.Fprintln(opts.Log, line)
		}
	}
	model.Average()
	if opts.PruneBelow > 0 {
		model.Prune(opts.PruneBelow)
	}
	return &Recognizer{model: model, lexicon: lex, tagger: tagger}, nil
}
