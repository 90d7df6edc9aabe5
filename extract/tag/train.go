package tag

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/flat"
)

// Files of a saved tagger.
const (
	FirstFile   = "tag.first.gz"
	ModelFile   = "tag.model.gz"
	LexiconFile = "tag.lexicon.tsv.gz"
)

// TrainOptions control training.
type TrainOptions struct {
	// Epochs is the number of passes over the training sentences.
	Epochs int
	// Seed fixes the shuffling of sentences between epochs.
	Seed uint64
	// Dev, when set, is tagged after each epoch and its accuracy logged.
	Dev []*conllu.Sentence
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// class returns the class name of a word: "UPOS XPOS".
func class(w conllu.Word) string { return w.UPOS + " " + w.XPOS }

// Train learns a tagger from treebank sentences.
func Train(ctx context.Context, sents []*conllu.Sentence, opts TrainOptions) (*Tagger, error) {
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	tags, forms, lower, feats := counter{}, counter{}, counter{}, counter{}
	for _, s := range sents {
		for _, w := range s.Words {
			tags.add("", class(w))
			forms.add(w.Form, class(w))
			lower.add(strings.ToLower(w.Form), w.XPOS)
			feats.add(strings.ToLower(w.Form)+"\x00"+w.XPOS, w.Feats)
			feats.add(w.XPOS, w.Feats)
		}
	}
	classes := slices.Sorted(func(yield func(string) bool) {
		for c := range tags[""] {
			if !yield(c) {
				return
			}
		}
	})
	index := make(map[string]int, len(classes))
	for i, c := range classes {
		index[c] = i
	}
	tabs := newLexTables()
	for form := range forms {
		c, n, total := forms.best(form)
		if total >= minFreq && float64(n)/float64(total) >= minShare {
			tabs.tagdict[form] = index[c]
		}
	}
	for form := range lower {
		if a := ambiguityClass(lower[form]); a != "" {
			tabs.ambNames[form] = a
		}
	}
	for key := range feats {
		v, n, _ := feats.best(key)
		if v == "_" {
			v = ""
		}
		if strings.Contains(key, "\x00") {
			if n >= 2 {
				tabs.wordFeats[key] = v
			}
		} else {
			tabs.tagFeats[key] = v
		}
	}
	lex, err := viewLexicon(tabs.flatten(classes), classes)
	if err != nil {
		return nil, err
	}

	// Pass 1, then its jackknifed predictions on train, then pass 2.
	first, err := trainPass(ctx, sents, nil, classes, index, lex, opts, "pass 1", nil, logw)
	if err != nil {
		return nil, err
	}
	firstTags := make([][]int, len(sents))
	for k := range firstFolds {
		var rest []*conllu.Sentence
		var held []int
		for i, s := range sents {
			if i*firstFolds/len(sents) == k {
				held = append(held, i)
			} else {
				rest = append(rest, s)
			}
		}
		fo := opts
		fo.Seed += uint64(k) + 1
		mk, err := trainPass(ctx, rest, nil, classes, index, lex, fo, "", nil, io.Discard)
		if err != nil {
			return nil, err
		}
		for _, i := range held {
			ws := words(sents[i])
			firstTags[i] = runPass(mk, lex, ws, contextOf(ws, lex), nil)
		}
	}
	second, err := trainPass(ctx, sents, firstTags, classes, index, lex, opts, "pass 2", first, logw)
	if err != nil {
		return nil, err
	}
	return newTagger(first, second, lex), nil
}

// firstFolds is the number of jackknife folds giving the second pass the
// first pass's predictions on the training sentences.
const firstFolds = 4

// words returns the word forms of s.
func words(s *conllu.Sentence) []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// trainPass trains one pass. For the second pass, firstTags holds the first
// pass's classes for every sentence, and first is the first-pass model used
// to tag dev; for the first pass both are nil. name labels the progress
// lines ("" for none).
func trainPass(ctx context.Context, sents []*conllu.Sentence, firstTags [][]int, classes []string, index map[string]int,
	lex *lexicon, opts TrainOptions, name string, first *perceptron.Model, logw io.Writer) (*perceptron.Model, error) {
	m := perceptron.New(classes)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7a9))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	scores := make([]float64, len(classes))
	var fs []uint64
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("train tagger: %w", err)
			}
			s := sents[si]
			ws := words(s)
			cx := contextOf(ws, lex)
			caps := capsBucket(ws)
			var right []int
			if firstTags != nil {
				right = firstTags[si]
			}
			var p1, p2 uint64
			for i, w := range s.Words {
				truth := index[class(w)]
				guess, ok := lex.class(w.Form)
				if !ok {
					fs = features(fs[:0], cx, caps, i, p1, p2)
					fs = lookahead(fs, right, i)
					guess = m.PredictHashed(fs, scores)
					m.UpdateHashed(truth, guess, fs)
				}
				if guess == truth {
					correct++
				}
				total++
				p2, p1 = p1, uint64(guess)+1
			}
		}
		if name == "" {
			continue
		}
		line := fmt.Sprintf("tag %s epoch %d: train accuracy %.4f", name, epoch, float64(correct)/float64(total))
		if len(opts.Dev) > 0 {
			var t *Tagger
			if first == nil {
				t = newTagger(m.Averaged(), nil, lex)
			} else {
				t = newTagger(first, m.Averaged(), lex)
			}
			line += fmt.Sprintf(", dev upos %.4f", t.Accuracy(opts.Dev))
		}
		fmt.Fprintln(logw, line)
	}
	m.Average()
	return m, nil
}

// Accuracy returns the share of words of sents whose UPOS the tagger gets right.
func (t *Tagger) Accuracy(sents []*conllu.Sentence) float64 {
	correct, total := 0, 0
	for _, s := range sents {
		upos, _ := t.Tag(words(s))
		for i, w := range s.Words {
			if upos[i] == w.UPOS {
				correct++
			}
			total++
		}
	}
	return float64(correct) / float64(max(total, 1))
}

// Prune drops model weights smaller than minAbs in absolute value.
func (t *Tagger) Prune(minAbs float64) {
	t.first.Prune(minAbs)
	t.model.Prune(minAbs)
}

// Save writes the tagger's files (FirstFile, ModelFile, LexiconFile) into dir.
func (t *Tagger) Save(dir string) error {
	for name, m := range map[string]*perceptron.Model{FirstFile: t.first, ModelFile: t.model} {
		if err := writeFile(filepath.Join(dir, name), func(w io.Writer) error {
			_, err := m.WriteTo(w)
			return err
		}); err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(dir, LexiconFile), func(w io.Writer) error {
		return writeLexicon(w, t.lex, t.model.Classes())
	})
}

// writeFile creates path and fills it with write.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("save tagger %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	return nil
}

// Load reads a tagger saved by Save from fsys, keeping its decoded models
// in the directory cache ("" for none; see perceptron.Load).
func Load(fsys fs.FS, cache string) (*Tagger, error) {
	first, err := readModel(fsys, FirstFile, cache)
	if err != nil {
		return nil, err
	}
	m, err := readModel(fsys, ModelFile, cache)
	if err != nil {
		return nil, err
	}
	lf, err := fsys.Open(LexiconFile)
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	defer lf.Close()
	p, err := flat.Load(lf, "tag.lexicon", cache, func(r io.Reader) ([]byte, error) { return readLexicon(r, m.Classes()) })
	if err != nil {
		return nil, fmt.Errorf("load tagger %s: %w", LexiconFile, err)
	}
	lex, err := viewLexicon(p, m.Classes())
	if err != nil {
		return nil, fmt.Errorf("load tagger %s: %w", LexiconFile, err)
	}
	return newTagger(first, m, lex), nil
}

// readModel reads one perceptron file of a saved tagger.
func readModel(fsys fs.FS, name, cache string) (*perceptron.Model, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	defer f.Close()
	m, err := perceptron.Load(f, strings.TrimSuffix(name, ".gz"), cache)
	if err != nil {
		return nil, fmt.Errorf("load tagger %s: %w", name, err)
	}
	return m, nil
}
