// Package perceptron implements a multi-class averaged perceptron, the
// learner behind kg's tagger, parser and entity recognizer.
//
// Features are hashed: every feature string is reduced to a 64-bit FNV-1a
// hash (Hash), and the model stores weights by hash only. Callers that build
// many features per decision can skip string building altogether and compute
// the hashes with HashAdd, then use the *Hashed methods; the string methods
// are thin wrappers over them. Two different strings sharing a hash would
// share weights; with 64-bit hashes and a few million features this is
// negligible.
//
// Weights are stored sparsely: a feature row holds only the classes whose
// weight was ever updated, so a model with a hundred classes costs no more
// than one with ten when each feature fires with few of them. Averaged
// models keep their weights as 16-bit multiples of one scale per model
// (see table), which halves the memory that scoring walks through.
//
// Averaging follows Honnibal's _perceptron.py: each weight keeps a running
// total and the time-stamp of its last change, so an update touches only the
// weights of the features involved, and Average divides the totals by the
// number of training examples seen.
package perceptron

import (
	"cmp"
	"slices"
)

// FNV-1a 64-bit parameters.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hash returns the feature hash of s (FNV-1a, 64 bits).
func Hash(s string) uint64 { return HashAdd(fnvOffset, s) }

// HashAdd continues hash h with the bytes of s. Building a feature as
// HashAdd(HashAdd(Hash("w"), "\x1f"), word) hashes it like "w\x1f"+word
// without allocating the string.
func HashAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// HashByte continues hash h with one byte.
func HashByte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	return h * fnvPrime
}

// param is one trainable weight with its averaging state.
type param struct {
	class  int32
	w      float64
	total  float64 // sum of w over all updates up to stamp
	tstamp int     // update count when w last changed
}

// Model is an averaged perceptron over a fixed list of classes. A new
// model is trainable (Update); Average turns it into a compact read-only
// model for prediction, which is also what Read returns.
type Model struct {
	classes []string

	// Training state; nil once averaged.
	index map[uint64]int32
	rows  [][]param
	n     int // number of Update calls

	// Averaged state (see table.go); used when index is nil.
	tab table
}

// New returns an empty trainable model predicting one of classes.
func New(classes []string) *Model {
	return &Model{
		classes: slices.Clone(classes),
		index:   make(map[uint64]int32),
	}
}

// Classes returns the class names; class i is Classes()[i].
func (m *Model) Classes() []string { return m.classes }

// Trainable reports whether the model can still be updated (it has not
// been averaged or read from a file).
func (m *Model) Trainable() bool { return m.index != nil }

// Scores sets out[c] to the score of class c for feats; len(out) must equal
// len(Classes()).
func (m *Model) Scores(feats []string, out []float64) {
	hs := make([]uint64, len(feats))
	for i, f := range feats {
		hs[i] = Hash(f)
	}
	m.ScoresHashed(hs, out)
}

// ScoresHashed is Scores for hashed features.
func (m *Model) ScoresHashed(feats []uint64, out []float64) {
	clear(out)
	if m.index == nil {
		m.tab.addAll(feats, out)
		for i := range out {
			out[i] *= float64(m.tab.scale)
		}
		return
	}
	for _, h := range feats {
		r, ok := m.index[h]
		if !ok {
			continue
		}
		for _, p := range m.rows[r] {
			out[p.class] += p.w
		}
	}
}

// Predict returns the best-scoring class for feats (the lowest index among ties).
func (m *Model) Predict(feats []string) int {
	scores := make([]float64, len(m.classes))
	m.Scores(feats, scores)
	return Argmax(scores)
}

// PredictHashed is Predict for hashed features; scratch, when it has
// len(Classes()), is used for the scores instead of allocating.
func (m *Model) PredictHashed(feats []uint64, scratch []float64) int {
	if len(scratch) != len(m.classes) {
		scratch = make([]float64, len(m.classes))
	}
	m.ScoresHashed(feats, scratch)
	return Argmax(scratch)
}

// Argmax returns the index of the largest score, the lowest among ties.
func Argmax(scores []float64) int {
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	return best
}

// Update counts one training example whose correct class is truth and
// predicted class guess: when they differ, every feature's weight for truth
// gains 1 and for guess loses 1; when they are equal no weight changes (the
// example still counts for averaging). Update panics on an averaged model.
func (m *Model) Update(truth, guess int, feats []string) {
	m.n++
	if truth == guess {
		return
	}
	for _, f := range feats {
		m.updateFeat(Hash(f), truth, guess)
	}
}

// UpdateHashed is Update for hashed features.
func (m *Model) UpdateHashed(truth, guess int, feats []uint64) {
	m.n++
	if truth == guess {
		return
	}
	for _, h := range feats {
		m.updateFeat(h, truth, guess)
	}
}

func (m *Model) updateFeat(h uint64, truth, guess int) {
	if m.index == nil {
		panic("perceptron: Update on an averaged model")
	}
	r, ok := m.index[h]
	if !ok {
		r = int32(len(m.rows))
		m.index[h] = r
		m.rows = append(m.rows, nil)
	}
	m.rows[r] = m.bump(m.rows[r], truth, 1)
	m.rows[r] = m.bump(m.rows[r], guess, -1)
}

// bump adds v to the weight of class c in row, bringing its running total
// up to date first.
func (m *Model) bump(row []param, c int, v float64) []param {
	for i := range row {
		p := &row[i]
		if int(p.class) == c {
			p.total += float64(m.n-p.tstamp) * p.w
			p.tstamp = m.n
			p.w += v
			return row
		}
	}
	return append(row, param{class: int32(c), w: v, tstamp: m.n})
}

// Average replaces every weight by its average over all Update calls and
// makes the model read-only and compact. It does nothing on a model that is
// already averaged.
func (m *Model) Average() {
	if m.index == nil {
		return
	}
	*m = *m.Averaged()
}

// Averaged returns a read-only copy of m with averaged weights, leaving m
// trainable, so a training loop can evaluate after each epoch and go on.
// On an averaged model it returns m itself.
func (m *Model) Averaged() *Model {
	if m.index == nil {
		return m
	}
	keys := make([]uint64, 0, len(m.index))
	for h := range m.index {
		keys = append(keys, h)
	}
	slices.Sort(keys)
	b := &tableBuilder{}
	var ents []entry
	for _, h := range keys {
		ents = ents[:0]
		for _, p := range m.rows[m.index[h]] {
			total := p.total + float64(m.n-p.tstamp)*p.w
			avg := float32(total / float64(max(m.n, 1)))
			if avg != 0 {
				ents = append(ents, entry{class: uint16(p.class), w: avg})
			}
		}
		slices.SortFunc(ents, func(a, b entry) int { return cmp.Compare(a.class, b.class) })
		b.addRow(h, ents)
	}
	return averaged(m.classes, b.build())
}

// averaged returns the read-only model of classes whose weights are t,
// with t's long rows also made dense.
func averaged(classes []string, t table) *Model {
	t.densify(len(classes))
	return &Model{classes: classes, tab: t}
}

// Prune drops every weight whose absolute value is below minAbs, and the
// features left without weights, to shrink the model. Pruning averages a
// trainable model first.
func (m *Model) Prune(minAbs float64) {
	m.Average()
	*m = *averaged(m.classes, m.tab.prune(float32(minAbs)))
}

// NumFeatures returns the number of features with at least one weight.
func (m *Model) NumFeatures() int {
	if m.index != nil {
		return len(m.index)
	}
	return m.tab.numRows()
}

// Combine mixes the 64-bit value v into hash h (a multiply-xorshift step
// of the SplitMix64 finalizer), for features built from precomputed parts
// such as a template number, a word hash and a tag index.
func Combine(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}
