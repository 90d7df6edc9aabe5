// Package nlptrain trains kg's tagger, lemmatizer and parser from the
// Universal Dependencies English EWT treebank and writes the model files
// that extract/model embeds.
//
// Training reads only the train and dev files: train to learn, dev to pick
// the parser's best epoch and to report progress. With FitDev, a second
// round then learns from train and dev together, with the parser's epoch
// count chosen in the first round, so the committed models see 16% more
// data. The test file is never read. Runs are reproducible: every random
// choice comes from Seed.
//
// The parser learns on tags predicted by the tagger, not gold tags, so it
// meets at training time the mistakes it will meet at run time. The train
// tags are jackknifed: the train set is cut into Folds parts and each part
// is tagged by a tagger trained on the others.
//
// Training and evaluation both live here, apart from extract/model, so that
// they build even before any model file exists.
package nlptrain

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/lemma"
	"github.com/kg-project/kg/extract/parse"
	"github.com/kg-project/kg/extract/tag"
)

// Treebank files under the data folder.
const (
	TrainFile = "ud-english-ewt/en_ewt-ud-train.conllu"
	DevFile   = "ud-english-ewt/en_ewt-ud-dev.conllu"
	TestFile  = "ud-english-ewt/en_ewt-ud-test.conllu"
)

// Options control a training run.
type Options struct {
	// DataDir holds ud-english-ewt/ (../shared/data).
	DataDir string
	// OutDir receives the model files.
	OutDir string
	// TagEpochs and ParseEpochs are the passes over the training data.
	TagEpochs, ParseEpochs int
	// Folds is the number of jackknife folds for the parser's training tags.
	Folds int
	// Explore is the parser's exploration probability (parse.TrainOptions).
	Explore float64
	// TagPrune and ParsePrune drop weights below these absolute values.
	TagPrune, ParsePrune float64
	// FitDev retrains on train and dev together once dev has chosen the
	// parser's epoch count.
	FitDev bool
	// Seed fixes every random choice.
	Seed uint64
	// Log receives progress lines.
	Log io.Writer
}

// DefaultOptions returns the settings of the committed models.
func DefaultOptions() Options {
	return Options{
		DataDir: filepath.Join("..", "shared", "data"), OutDir: filepath.Join("extract", "model"),
		TagEpochs: 6, ParseEpochs: 14, Folds: 5, Explore: 0.9,
		TagPrune: 0.01, ParsePrune: 1, FitDev: true, Seed: 1, Log: io.Discard,
	}
}

// ReadTreebank reads a CoNLL-U file.
func ReadTreebank(ctx context.Context, path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := conllu.ReadAll(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return sents, nil
}

// Run trains the three models and writes them to opts.OutDir.
func Run(ctx context.Context, opts Options) error {
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	opts.Log = logw
	start := time.Now()
	logf := func(format string, args ...any) {
		fmt.Fprintf(logw, "[%s] %s\n", time.Since(start).Round(time.Second), fmt.Sprintf(format, args...))
	}
	train, err := ReadTreebank(ctx, filepath.Join(opts.DataDir, TrainFile))
	if err != nil {
		return err
	}
	dev, err := ReadTreebank(ctx, filepath.Join(opts.DataDir, DevFile))
	if err != nil {
		return err
	}
	logf("read %d train and %d dev sentences", len(train), len(dev))
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return fmt.Errorf("train: %w", err)
	}

	epochs, err := fit(ctx, train, dev, opts, opts.ParseEpochs, logf)
	if err != nil {
		return err
	}
	if opts.FitDev {
		logf("refitting on train and dev with %d parser epochs", epochs)
		all := append(append([]*conllu.Sentence(nil), train...), dev...)
		if _, err := fit(ctx, all, nil, opts, epochs, logf); err != nil {
			return err
		}
	}
	logf("models written to %s", opts.OutDir)
	return nil
}

// fit trains the lemmatizer, the tagger and the parser on train, reports
// on dev when it is given, saves the models and returns the parser's best
// epoch.
func fit(ctx context.Context, train, dev []*conllu.Sentence, opts Options, parseEpochs int, logf func(string, ...any)) (int, error) {
	lem := lemma.Train(train)
	if dev != nil {
		logf("lemmatizer: dev accuracy with gold tags %.4f", lem.Accuracy(dev))
	}
	if err := lem.Save(opts.OutDir); err != nil {
		return 0, err
	}

	tagOpts := tag.TrainOptions{Epochs: opts.TagEpochs, Seed: opts.Seed, Dev: dev, Log: opts.Log}
	tagger, err := tag.Train(ctx, train, tagOpts)
	if err != nil {
		return 0, err
	}
	tagger.Prune(opts.TagPrune)
	if err := tagger.Save(opts.OutDir); err != nil {
		return 0, err
	}

	trainTags, err := jackknife(ctx, train, opts, logf)
	if err != nil {
		return 0, err
	}
	var devTags [][]string
	if dev != nil {
		devTags = predictXPOS(tagger, dev)
	}
	parser, epoch, err := parse.Train(ctx, train, trainTags, parse.TrainOptions{
		Epochs: parseEpochs, Seed: opts.Seed, Explore: opts.Explore,
		Dev: dev, DevTags: devTags, Log: opts.Log,
	})
	if err != nil {
		return 0, err
	}
	parser.Prune(opts.ParsePrune)
	if dev != nil {
		uas, las := parser.Score(dev, devTags)
		logf("parser: best epoch %d, dev uas %.4f las %.4f after pruning (predicted tags)", epoch, uas, las)
	}
	if err := parser.Save(opts.OutDir); err != nil {
		return 0, err
	}
	return epoch, nil
}

// jackknife returns XPOS tags for every train sentence, each predicted by
// a tagger that did not see it. Folds are contiguous runs of sentences, so
// a document's sentences mostly fall in the same fold and held-out
// accuracy resembles accuracy on new text.
func jackknife(ctx context.Context, train []*conllu.Sentence, opts Options, logf func(string, ...any)) ([][]string, error) {
	folds := max(opts.Folds, 2)
	tags := make([][]string, len(train))
	for k := range folds {
		var rest, held []*conllu.Sentence
		var heldIdx []int
		for i, s := range train {
			if i*folds/len(train) == k {
				held = append(held, s)
				heldIdx = append(heldIdx, i)
			} else {
				rest = append(rest, s)
			}
		}
		t, err := tag.Train(ctx, rest, tag.TrainOptions{Epochs: opts.TagEpochs, Seed: opts.Seed + uint64(k) + 1})
		if err != nil {
			return nil, err
		}
		for j, x := range predictXPOS(t, held) {
			tags[heldIdx[j]] = x
		}
		logf("jackknife fold %d/%d: held-out upos %.4f", k+1, folds, t.Accuracy(held))
	}
	return tags, nil
}

// predictXPOS tags sents and returns the XPOS of every word.
func predictXPOS(t *tag.Tagger, sents []*conllu.Sentence) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		words := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j] = w.Form
		}
		_, out[i] = t.Tag(words)
	}
	return out
}
