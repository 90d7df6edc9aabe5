package parse

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
	"time"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/flat"
)

// ModelFile is the name of a saved parser's file.
const ModelFile = "parse.model.gz"

// TrainOptions control training.
type TrainOptions struct {
	// Epochs is the number of passes over the training sentences.
	Epochs int
	// Seed fixes the shuffling and the exploration.
	Seed uint64
	// Explore is the probability, from the second epoch on, of following
	// the model's own (possibly wrong) transition rather than the oracle's,
	// so that the model learns to recover from its mistakes.
	Explore float64
	// Dev and DevTags (XPOS per word, as the tagger predicts them), when
	// set, are parsed after each epoch; the epoch with the best LAS wins.
	Dev     []*conllu.Sentence
	DevTags [][]string
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// example is a training sentence with gold heads (n for the root) and labels.
type example struct {
	words, tags []string
	gh, gl      []int
}

// Train learns a parser from treebank sentences, using tags[i] as the
// XPOS of the words of sents[i] (the tagger's predictions, so training
// sees the tagger's mistakes; nil tags means the gold XPOS). It returns the
// parser of the epoch with the best dev LAS, and that epoch (the last one
// when there is no dev set).
func Train(ctx context.Context, sents []*conllu.Sentence, tags [][]string, opts TrainOptions) (*Parser, int, error) {
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	labelSet := map[string]bool{rootLabel: true}
	for _, s := range sents {
		for _, w := range s.Words {
			labelSet[w.Deprel] = true
		}
	}
	labels := slices.Sorted(func(yield func(string) bool) {
		for l := range labelSet {
			if !yield(l) {
				return
			}
		}
	})
	m := perceptron.New(classesFor(labels))
	p, err := newParser(m)
	if err != nil {
		return nil, 0, err
	}
	if p.amb, err = viewClasses(flattenClasses(ambiguityClasses(sents))); err != nil {
		return nil, 0, err
	}
	li := map[string]int{}
	for i, l := range p.labels {
		li[l] = i
	}
	exs := make([]example, 0, len(sents))
	for si, s := range sents {
		ex := example{}
		n := len(s.Words)
		for i, w := range s.Words {
			ex.words = append(ex.words, w.Form)
			if tags != nil {
				ex.tags = append(ex.tags, tags[si][i])
			} else {
				ex.tags = append(ex.tags, w.XPOS)
			}
			h := w.Head - 1
			if w.Head == 0 {
				h = n
			}
			ex.gh = append(ex.gh, h)
			ex.gl = append(ex.gl, li[w.Deprel])
		}
		exs = append(exs, ex)
	}

	rng := rand.New(rand.NewPCG(opts.Seed, 0x9a75e))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var ws scratch
	ws.scores = make([]float64, len(p.move))
	costs := make([]int, len(p.move))
	var best *Parser
	bestLAS, bestEpoch := -1.0, opts.Epochs
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		good, total := 0, 0
		for _, ei := range order {
			if err := ctx.Err(); err != nil {
				return nil, 0, fmt.Errorf("train parser: %w", err)
			}
			ex := &exs[ei]
			r, t := p.trainSentence(&ws, costs, ex, epoch > 1, opts.Explore, rng)
			good += r
			total += t
		}
		line := fmt.Sprintf("parse epoch %d: train transition accuracy %.4f (%s)", epoch,
			float64(good)/float64(max(total, 1)), time.Since(start).Round(time.Second))
		if len(opts.Dev) > 0 {
			cand := &Parser{model: m.Averaged(), amb: p.amb, clusters: p.clusters, labels: p.labels, root: p.root, move: p.move, lab: p.lab}
			uas, las := cand.Score(opts.Dev, opts.DevTags)
			line += fmt.Sprintf(", dev uas %.4f las %.4f", uas, las)
			if las > bestLAS {
				best, bestLAS, bestEpoch = cand, las, epoch
			}
		}
		fmt.Fprintln(logw, line)
	}
	if best != nil {
		return best, bestEpoch, nil
	}
	m.Average()
	return p, opts.Epochs, nil
}

// trainSentence runs the oracle over one sentence, updating the model at
// every transition; with explore it follows the model's choice with
// probability pExplore. It returns the transitions predicted right and the
// total.
func (p *Parser) trainSentence(ws *scratch, costs []int, ex *example, explore bool, pExplore float64, rng *rand.Rand) (good, total int) {
	n := len(ex.words)
	ws.encode(ex.words, ex.tags, p.amb, p.clusters)
	st := &ws.st
	st.reset(n)
	var base [4]int
	for !st.terminal() {
		if mv, lab, ok := st.forced(p.root); ok {
			st.apply(mv, lab)
			continue
		}
		ws.feats = features(ws.feats[:0], st, &ws.x)
		p.model.ScoresHashed(ws.feats, ws.scores)
		s0, b := st.s0(), st.b
		for mv := range base {
			if st.possible(mv) {
				base[mv] = st.costNoLabel(mv, ex.gh)
			}
		}
		guess, truth := -1, -1
		minCost := 1 << 30
		for c := range p.move {
			mv, lab := p.move[c], p.lab[c]
			if !st.valid(mv, lab, p.root) {
				costs[c] = -1
				continue
			}
			cost := base[mv]
			switch {
			case mv == left && ex.gh[s0] == b && ex.gl[s0] != lab:
				cost++
			case mv == right && ex.gh[b] == s0 && ex.gl[b] != lab:
				cost++
			}
			costs[c] = cost
			minCost = min(minCost, cost)
			if guess < 0 || ws.scores[c] > ws.scores[guess] {
				guess = c
			}
		}
		for c, cost := range costs {
			if cost == minCost && (truth < 0 || ws.scores[c] > ws.scores[truth]) {
				truth = c
			}
		}
		p.model.UpdateHashed(truth, guess, ws.feats)
		if costs[guess] == minCost {
			good++
		}
		total++
		next := truth
		if explore && rng.Float64() < pExplore {
			next = guess
		}
		st.apply(p.move[next], p.lab[next])
	}
	return good, total
}

// Score parses sents with the given XPOS tags (nil: gold XPOS) and returns
// the unlabeled and labeled attachment scores, CoNLL 2018 style: every
// word counts, punctuation included, and labels are compared on their
// universal part (subtypes after ":" ignored).
func (p *Parser) Score(sents []*conllu.Sentence, tags [][]string) (uas, las float64) {
	var ws scratch
	var words, tg []string
	ua, la, total := 0, 0, 0
	for si, s := range sents {
		words, tg = words[:0], tg[:0]
		for i, w := range s.Words {
			words = append(words, w.Form)
			if tags != nil {
				tg = append(tg, tags[si][i])
			} else {
				tg = append(tg, w.XPOS)
			}
		}
		heads, labels := p.parse(&ws, words, tg)
		for i, w := range s.Words {
			total++
			if heads[i]+1 != w.Head {
				continue
			}
			ua++
			if Universal(p.labels[labels[i]]) == Universal(w.Deprel) {
				la++
			}
		}
	}
	return float64(ua) / float64(max(total, 1)), float64(la) / float64(max(total, 1))
}

// Universal returns the universal part of a relation ("nsubj:pass" → "nsubj").
func Universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

// Prune drops model weights smaller than minAbs in absolute value.
func (p *Parser) Prune(minAbs float64) { p.model.Prune(minAbs) }

// Save writes the parser to dir/ModelFile and dir/LexiconFile.
func (p *Parser) Save(dir string) error {
	for name, write := range map[string]func(io.Writer) error{
		ModelFile:   func(w io.Writer) error { _, err := p.model.WriteTo(w); return err },
		LexiconFile: func(w io.Writer) error { return writeLexicon(w, p.amb) },
	} {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("save parser: %w", err)
		}
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("save parser %s: %w", path, err)
		}
	}
	return nil
}

// Load reads a parser saved by Save from fsys, keeping its decoded model
// in the directory cache ("" for none; see perceptron.Load).
func Load(fsys fs.FS, cache string) (*Parser, error) {
	f, err := fsys.Open(ModelFile)
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	defer f.Close()
	m, err := perceptron.Load(f, strings.TrimSuffix(ModelFile, ".gz"), cache)
	if err != nil {
		return nil, fmt.Errorf("load parser %s: %w", ModelFile, err)
	}
	lf, err := fsys.Open(LexiconFile)
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	defer lf.Close()
	lp, err := flat.Load(lf, "parse.lexicon", cache, readLexicon)
	if err != nil {
		return nil, fmt.Errorf("load parser %s: %w", LexiconFile, err)
	}
	amb, err := viewClasses(lp)
	if err != nil {
		return nil, fmt.Errorf("load parser %s: %w", LexiconFile, err)
	}
	p, err := newParser(m)
	if err != nil {
		return nil, err
	}
	p.amb = amb
	return p, nil
}
