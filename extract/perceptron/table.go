package perceptron

import (
	"math"
	"slices"
)

// entry is one averaged weight: a class and its weight.
type entry struct {
	class uint16
	w     float32
}

// slot is one cell of the open-addressing hash table: a 32-bit fingerprint
// of the feature hash (0 for an empty cell) and the offset of its row in
// table.data.
type slot struct {
	fp    uint32
	start uint32
}

// table is the read-only weight store of an averaged model, laid out for
// fast scoring: an open-addressing hash table (linear probing, at most two
// thirds full) indexed by the low bits of the feature hash and checked with its
// high 32 bits, pointing into one flat slice of rows. A row is a count
// followed by that many packed weights, each the class in the high 16 bits
// and the weight in the low 16 bits as a signed multiple of scale, so a
// lookup touches two cache lines at most. Quantizing to 16 bits changes a
// weight by at most scale/2, where scale is the largest absolute weight
// divided by 32767.
type table struct {
	slots []slot
	mask  uint64
	data  []uint32
	scale float32
	// keys holds each row's full hash, in increasing order, which is also
	// the order of the rows in data; writing and pruning walk it.
	keys []uint64
}

func fingerprint(h uint64) uint32 { return uint32(h>>32) | 1 }

// find returns the offset in data of the row of h.
func (t *table) find(h uint64) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.fp == fp {
			return s.start, true
		}
		if s.fp == 0 {
			return 0, false
		}
	}
}

// addAll adds the weights of features feats to out, in units of t.scale.
// It looks all the features of a batch up before summing any weight, and
// the summing touches every row before reading one, so that the processor
// waits for many cache misses at once instead of one after the other.
// With at most maxAcc classes the sums are kept as integers, by addRows.
func (t *table) addAll(feats []uint64, out []float64) {
	const chunk = 128
	var starts [chunk]uint32
	var acc [maxAcc]int32
	small := len(out) <= maxAcc
	for len(feats) > 0 {
		batch := feats[:min(len(feats), chunk)]
		feats = feats[len(batch):]
		k := 0
		for _, h := range batch {
			if start, ok := t.find(h); ok {
				starts[k] = start
				k++
			}
		}
		if small {
			addRows(&acc, t.data, starts[:k])
			continue
		}
		for _, start := range starts[:k] {
			for _, e := range t.data[start+1 : start+1+t.data[start]] {
				out[e>>16] += float64(int16(uint16(e)))
			}
		}
	}
	if small {
		for i := range out {
			out[i] += float64(acc[i])
		}
	}
}

// addRowsGeneric adds to acc the packed weights of the rows of data that
// start at starts (each a count, then that many weights, as table.data
// holds them), whose classes are all below maxAcc. It is addRows where no
// assembly version exists, and the reference that addRows is tested
// against.
func addRowsGeneric(acc *[maxAcc]int32, data, starts []uint32) {
	for _, start := range starts {
		for _, e := range data[start+1 : start+1+data[start]] {
			acc[uint8(e>>16)] += int32(int16(uint16(e)))
		}
	}
}

// maxAcc is the largest number of classes whose scores addAll sums as
// integers on the stack.
const maxAcc = 256

func (t *table) numRows() int { return len(t.keys) }

// rawRows calls fn for every row in increasing key order, with its packed
// weights (class << 16 | uint16(quantized weight)).
func (t *table) rawRows(fn func(key uint64, packed []uint32)) {
	start := uint32(0)
	for _, key := range t.keys {
		n := t.data[start]
		fn(key, t.data[start+1:start+1+n])
		start += n + 1
	}
}

// rows calls fn for every row in increasing key order, with its weights.
func (t *table) rows(fn func(key uint64, ents []entry)) {
	var ents []entry
	t.rawRows(func(key uint64, packed []uint32) {
		ents = ents[:0]
		for _, e := range packed {
			ents = append(ents, entry{class: uint16(e >> 16), w: float32(int16(uint16(e))) * t.scale})
		}
		fn(key, ents)
	})
}

// newTable returns an empty table sized for rows rows and data words.
func newTable(rows, words int, scale float32) table {
	size := 16
	for size < rows+rows/2 {
		size *= 2
	}
	return table{
		slots: make([]slot, size), mask: uint64(size - 1),
		data: make([]uint32, 0, words), keys: make([]uint64, 0, rows), scale: scale,
	}
}

// appendRow adds a row of packed weights for key, which must be greater
// than every key added before; an empty row is skipped.
func (t *table) appendRow(key uint64, packed []uint32) {
	if len(packed) == 0 {
		return
	}
	start := uint32(len(t.data))
	t.data = append(t.data, uint32(len(packed)))
	t.data = append(t.data, packed...)
	fp := fingerprint(key)
	i := key & t.mask
	for t.slots[i].fp != 0 && t.slots[i].fp != fp {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot{fp: fp, start: start}
	t.keys = append(t.keys, key)
}

// prune returns a copy of t without the weights smaller than minAbs in
// absolute value.
func (t *table) prune(minAbs float32) table {
	b := &tableBuilder{}
	var kept []entry
	t.rows(func(key uint64, ents []entry) {
		kept = kept[:0]
		for _, e := range ents {
			if float32(math.Abs(float64(e.w))) >= minAbs {
				kept = append(kept, e)
			}
		}
		b.addRow(key, kept)
	})
	return b.build()
}

// tableBuilder collects rows, in increasing key order, into a table.
type tableBuilder struct {
	keys []uint64
	offs []int
	ents []entry
}

// addRow adds feature h with its entries; a row without entries is skipped.
func (b *tableBuilder) addRow(h uint64, ents []entry) {
	if len(ents) == 0 {
		return
	}
	b.keys = append(b.keys, h)
	b.offs = append(b.offs, len(b.ents))
	b.ents = append(b.ents, ents...)
}

func (b *tableBuilder) build() table {
	var maxAbs float64
	for _, e := range b.ents {
		maxAbs = max(maxAbs, math.Abs(float64(e.w)))
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = float32(maxAbs / math.MaxInt16)
	}
	t := newTable(len(b.keys), len(b.keys)+len(b.ents), scale)
	var packed []uint32
	for r, key := range b.keys {
		end := len(b.ents)
		if r+1 < len(b.offs) {
			end = b.offs[r+1]
		}
		packed = packed[:0]
		for _, e := range b.ents[b.offs[r]:end] {
			q := int16(min(max(math.Round(float64(e.w/scale)), -math.MaxInt16), math.MaxInt16))
			if q != 0 {
				packed = append(packed, uint32(e.class)<<16|uint32(uint16(q)))
			}
		}
		t.appendRow(key, packed)
	}
	t.data = slices.Clip(t.data)
	return t
}
