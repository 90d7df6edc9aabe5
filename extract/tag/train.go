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
)

// Files of a saved tagger.
const (
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
	lex := newLexicon()
	for form := range forms {
		c, n, total := forms.best(form)
		if total >= minFreq && float64(n)/float64(total) >= minShare {
			lex.tagdict[form] = index[c]
		}
	}
	for form := range lower {
		if a := ambiguityClass(lower[form]); a != "" {
			lex.ambNames[form] = a
			lex.amb[form] = perceptron.Hash(a)
		}
	}
	for key := range feats {
		v, n, _ := feats.best(key)
		if v == "_" {
			v = ""
		}
		if strings.Contains(key, "\x00") {
			if n >= 2 {
				lex.wordFeats[key] = v
			}
		} else {
			lex.tagFeats[key] = v
		}
	}

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
			words := make([]string, len(s.Words))
			for i, w := range s.Words {
				words[i] = w.Form
			}
			cx := contextOf(words, lex.amb)
			caps := capsBucket(words)
			var p1, p2 uint64
			for i, w := range s.Words {
				truth := index[class(w)]
				guess, ok := lex.tagdict[w.Form]
				if !ok {
					fs = features(fs[:0], cx, caps, i, p1, p2)
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
		line := fmt.Sprintf("tag epoch %d: train accuracy %.4f", epoch, float64(correct)/float64(total))
		if len(opts.Dev) > 0 {
			acc := newTagger(m.Averaged(), lex).Accuracy(opts.Dev)
			line += fmt.Sprintf(", dev upos %.4f", acc)
		}
		fmt.Fprintln(logw, line)
	}
	m.Average()
	return newTagger(m, lex), nil
}

// Accuracy returns the share of words of sents whose UPOS the tagger gets right.
func (t *Tagger) Accuracy(sents []*conllu.Sentence) float64 {
	correct, total := 0, 0
	for _, s := range sents {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		upos, _ := t.Tag(words)
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
func (t *Tagger) Prune(minAbs float64) { t.model.Prune(minAbs) }

// Save writes the tagger's files (ModelFile, LexiconFile) into dir.
func (t *Tagger) Save(dir string) error {
	if err := writeFile(filepath.Join(dir, ModelFile), func(w io.Writer) error {
		_, err := t.model.WriteTo(w)
		return err
	}); err != nil {
		return err
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

// Load reads a tagger saved by Save from fsys.
func Load(fsys fs.FS) (*Tagger, error) {
	mf, err := fsys.Open(ModelFile)
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	defer mf.Close()
	m, err := perceptron.Read(mf)
	if err != nil {
		return nil, fmt.Errorf("load tagger %s: %w", ModelFile, err)
	}
	lf, err := fsys.Open(LexiconFile)
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	defer lf.Close()
	lex, err := readLexicon(lf, m.Classes())
	if err != nil {
		return nil, fmt.Errorf("load tagger %s: %w", LexiconFile, err)
	}
	return newTagger(m, lex), nil
}
