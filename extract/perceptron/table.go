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

// slot is one cell of the open-addressing hash table: a feature hash (0 for
// an empty cell) and the range of its weights in table.ents.
type slot struct {
	key   uint64
	start uint32
	n     uint32
}

// table is the read-only weight store of an averaged model: an
// open-addressing hash table (linear probing, at most half full) from
// feature hash to a run of entries, sorted by class, in one flat slice.
// Rows appear in ents in increasing key order, which makes files
// deterministic.
type table struct {
	slots []slot
	mask  uint64
	ents  []entry
}

// slotKey maps the hash 0, which marks empty slots, to 1.
func slotKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// find returns the slot holding h, or nil.
func (t *table) find(h uint64) *slot {
	if len(t.slots) == 0 {
		return nil
	}
	h = slotKey(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == h {
			return s
		}
		if s.key == 0 {
			return nil
		}
	}
}

// add adds the weights of feature h to out.
func (t *table) add(h uint64, out []float64) {
	s := t.find(h)
	if s == nil {
		return
	}
	for _, e := range t.ents[s.start : s.start+s.n] {
		out[e.class] += float64(e.w)
	}
}

func (t *table) numRows() int {
	n := 0
	for _, s := range t.slots {
		if s.key != 0 && s.n > 0 {
			n++
		}
	}
	return n
}

// rows calls fn for every non-empty row in increasing key order.
func (t *table) rows(fn func(key uint64, ents []entry)) {
	var used []slot
	for _, s := range t.slots {
		if s.key != 0 && s.n > 0 {
			used = append(used, s)
		}
	}
	slices.SortFunc(used, func(a, b slot) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	for _, s := range used {
		fn(s.key, t.ents[s.start:s.start+s.n])
	}
}

// prune returns a copy of t without the weights smaller than minAbs in
// absolute value.
func (t *table) prune(minAbs float32) table {
	b := newTableBuilder(t.numRows())
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
	t table
}

func newTableBuilder(rows int) *tableBuilder {
	size := 16
	for size < 2*rows {
		size *= 2
	}
	return &tableBuilder{t: table{slots: make([]slot, size), mask: uint64(size - 1)}}
}

// addRow adds feature h with its entries; a row without entries is skipped.
func (b *tableBuilder) addRow(h uint64, ents []entry) {
	if len(ents) == 0 {
		return
	}
	h = slotKey(h)
	t := &b.t
	i := h & t.mask
	for t.slots[i].key != 0 && t.slots[i].key != h {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot{key: h, start: uint32(len(t.ents)), n: uint32(len(ents))}
	t.ents = append(t.ents, ents...)
}

func (b *tableBuilder) build() table {
	b.t.ents = slices.Clip(b.t.ents)
	return b.t
}
