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
// of the feature hash (0 for an empty cell) and where its row starts: its
// offset in table.data, or denseRow | its offset in table.dense.
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
	// dense holds the long rows (minDense weights or more) a second time,
	// as rows of width int16 weights indexed by class (width is the number
	// of classes rounded up to 32 or 112; see denseWidth), so that scoring
	// sums them with a few vector additions instead of one scalar addition
	// per weight. The slot of such a row holds denseRow | the offset of its
	// dense row. data keeps every row sparse for writing and pruning.
	dense []int16
	width int
	scale float32
	// keys holds each row's full hash, in increasing order, which is also
	// the order of the rows in data; writing and pruning walk it.
	keys []uint64
}

func fingerprint(h uint64) uint32 { return uint32(h>>32) | 1 }

// probe returns the index in slots (a power of two long, mask one less)
// of the slot of h.
func probe(slots []slot, mask, h uint64) (uint64, bool) {
	if len(slots) == 0 {
		return 0, false
	}
	fp := fingerprint(h)
	for i := h & mask; ; i = (i + 1) & mask {
		switch slots[i].fp {
		case fp:
			return i, true
		case 0:
			return 0, false
		}
	}
}

// denseRow marks a slot's start as an offset in table.dense.
const denseRow = 1 << 31

// minDense is the length from which a row is also kept dense. Over the
// tagger's and parser's lookups in news text, rows this long take 85-90 %
// of the lookups and 98 % of the weights summed, while they are 2-7 % of
// the rows (2-7 MB of dense rows).
const minDense = 8

// denseWidth returns the width of the dense rows of a model of classes
// classes: 32 or 112, the widths the vector code sums (the recognizer has
// 17 classes, the parser 104 and the tagger 108), or 0 (no dense rows)
// for models of more than 112 classes.
func denseWidth(classes int) int {
	switch {
	case classes <= 32:
		return 32
	case classes <= 112:
		return 112
	}
	return 0
}

// densify copies the rows of minDense weights or more into t.dense, for a
// model of classes classes, and points their slots there; it keeps every
// row sparse where addDense has no vector code (vectorDense). A model
// cached with dense rows on another processor still scores right there,
// through addDenseGeneric.
func (t *table) densify(classes int) {
	t.width = denseWidth(classes)
	t.dense = nil
	if t.width == 0 || !vectorDense {
		return
	}
	start := uint32(0)
	for _, key := range t.keys {
		n := t.data[start]
		if n >= minDense {
			off := len(t.dense)
			t.dense = append(t.dense, make([]int16, t.width)...)
			for _, e := range t.data[start+1 : start+1+n] {
				t.dense[off+int(e>>16)] = int16(uint16(e))
			}
			i, _ := probe(t.slots, t.mask, key)
			t.slots[i].start = uint32(off) | denseRow
		}
		start += n + 1
	}
	t.dense = slices.Clip(t.dense)
}

// addAll adds the weights of features feats to out, in units of t.scale.
// It looks all the features of a batch up before summing any weight, and
// the summing touches every row before reading one, so that the processor
// waits for many cache misses at once instead of one after the other.
// With at most maxAcc classes the sums are kept as integers, by addRows
// for the sparse rows and addDense for the dense ones.
func (t *table) addAll(feats []uint64, out []float64) {
	var starts, dense [chunk]uint32
	var acc [maxAcc]int32
	small := len(out) <= maxAcc
	for len(feats) > 0 {
		batch := feats[:min(len(feats), chunk)]
		feats = feats[len(batch):]
		k, kd := findRows(t.slots, t.mask, batch, &starts, &dense)
		if small {
			addRows(&acc, t.data, starts[:k])
			addDense(&acc, t.dense, dense[:kd], t.width)
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

// chunk is the number of features addAll looks up at once.
const chunk = 128

// findRowsGeneric looks up the rows of hashes (at most chunk) in slots,
// a hash table of mask+1 slots, and stores the starts of the sparse rows
// found in sparse and the offsets of the dense ones in dense, in the order
// of hashes; it returns how many of each it stored.
func findRowsGeneric(slots []slot, mask uint64, hashes []uint64, sparse, dense *[chunk]uint32) (ns, nd int) {
	for _, h := range hashes {
		i, ok := probe(slots, mask, h)
		if !ok {
			continue
		}
		if start := slots[i].start; start&denseRow != 0 {
			dense[nd] = start &^ denseRow
			nd++
		} else {
			sparse[ns] = start
			ns++
		}
	}
	return ns, nd
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

// addDenseGeneric adds to acc the dense rows of width weights that start
// at the offsets starts of dense. It is addDense where no vector version
// exists, and the reference that addDense is tested against.
func addDenseGeneric(acc *[maxAcc]int32, dense []int16, starts []uint32, width int) {
	for _, start := range starts {
		for c, w := range dense[start : int(start)+width] {
			acc[c] += int32(w)
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

// makeSlots returns an empty hash table for n rows, at most two thirds
// full, and its mask.
func makeSlots(n int) ([]slot, uint64) {
	size := 16
	for size < n+n/2 {
		size *= 2
	}
	return make([]slot, size), uint64(size - 1)
}

// insert puts the row of key, starting at start, into slots.
func insert(slots []slot, mask, key uint64, start uint32) {
	fp := fingerprint(key)
	i := key & mask
	for slots[i].fp != 0 && slots[i].fp != fp {
		i = (i + 1) & mask
	}
	slots[i] = slot{fp: fp, start: start}
}

// newTable returns an empty table sized for rows rows and data words.
func newTable(rows, words int, scale float32) table {
	slots, mask := makeSlots(rows)
	return table{
		slots: slots, mask: mask,
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
	insert(t.slots, t.mask, key, start)
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
