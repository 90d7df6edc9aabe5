package parse

// Transitions of the arc-eager system. A class of the model is a move
// with a label: SHIFT and REDUCE carry none, LEFT-ARC and RIGHT-ARC one.
const (
	shift = iota
	reduce
	left
	right
)

// state is a configuration of the arc-eager system over a sentence of n
// words, with an artificial root at index n that sits at the end of the
// buffer (Ballesteros and Nivre's placement): the sentence root is the word
// that ends up as the left dependent of that root.
type state struct {
	n     int
	stack []int
	b     int // front of the buffer; n is the artificial root

	heads  []int // head of each word, -1 while unattached
	labels []int // label of each word's arc, -1 while unattached
	barred []int // the one head each word may not take, -1 for none

	// For features: two leftmost and two rightmost dependents (-1 none),
	// dependent counts and label sets on each side.
	l1, l2, r1, r2 []int
	nl, nr         []int
	lset, rset     []uint64
}

// reset prepares s for a sentence of n words, reusing its slices.
func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	grow := func(v []int, fill int) []int {
		if cap(v) < n+1 {
			v = make([]int, n+1)
		}
		v = v[:n+1]
		for i := range v {
			v[i] = fill
		}
		return v
	}
	s.heads = grow(s.heads, -1)
	s.labels = grow(s.labels, -1)
	s.barred = grow(s.barred, -1)
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1, -1), grow(s.l2, -1), grow(s.r1, -1), grow(s.r2, -1)
	s.nl, s.nr = grow(s.nl, 0), grow(s.nr, 0)
	if cap(s.lset) < n+1 {
		s.lset, s.rset = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.lset, s.rset = s.lset[:n+1], s.rset[:n+1]
	clear(s.lset)
	clear(s.rset)
}

func (s *state) terminal() bool { return s.b == s.n && len(s.stack) == 0 }

// s0 returns the top of the stack, -1 when empty.
func (s *state) s0() int {
	if len(s.stack) == 0 {
		return -1
	}
	return s.stack[len(s.stack)-1]
}

// s1 returns the item below the top of the stack, -1 when none.
func (s *state) s1() int {
	if len(s.stack) < 2 {
		return -1
	}
	return s.stack[len(s.stack)-2]
}

// possible reports whether move may apply with some label.
func (s *state) possible(move int) bool {
	switch move {
	case shift:
		return s.b < s.n
	case reduce:
		return len(s.stack) > 0 && s.heads[s.s0()] >= 0
	case left:
		return len(s.stack) > 0 && s.heads[s.s0()] < 0
	case right:
		return len(s.stack) > 0 && s.b < s.n
	}
	return false
}

// valid reports whether move with label lab may apply; rootLabel is the
// index of "root", the one label of LEFT-ARC from the artificial root and
// of no other arc.
func (s *state) valid(move, lab, rootLabel int) bool {
	if !s.possible(move) {
		return false
	}
	switch move {
	case left:
		return (s.b == s.n) == (lab == rootLabel) && s.barred[s.s0()] != s.b
	case right:
		return lab != rootLabel && s.barred[s.b] != s.s0()
	}
	return true
}

// forced returns the one valid transition when there is only one: SHIFT
// when the stack is empty; once the buffer holds only the artificial root,
// REDUCE for a stack top that has a head and LEFT-ARC labelled rootLabel
// for one that has none. The model need not score those.
func (s *state) forced(rootLabel int) (move, lab int, ok bool) {
	switch {
	case len(s.stack) == 0:
		return shift, -1, true
	case s.b < s.n:
		return 0, 0, false
	case s.heads[s.s0()] >= 0:
		return reduce, -1, true
	}
	return left, rootLabel, true
}

// apply performs move with label lab.
func (s *state) apply(move, lab int) {
	switch move {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case left:
		d := s.s0()
		s.stack = s.stack[:len(s.stack)-1]
		s.addArc(s.b, d, lab)
	case right:
		s.addArc(s.s0(), s.b, lab)
		s.stack = append(s.stack, s.b)
		s.b++
	}
}

func (s *state) addArc(h, d, lab int) {
	s.heads[d] = h
	s.labels[d] = lab
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		s.nl[h]++
		s.lset[h] |= bit
		switch {
		case s.l1[h] < 0 || d < s.l1[h]:
			s.l2[h], s.l1[h] = s.l1[h], d
		case s.l2[h] < 0 || d < s.l2[h]:
			s.l2[h] = d
		}
		return
	}
	s.nr[h]++
	s.rset[h] |= bit
	switch {
	case d > s.r1[h]:
		s.r2[h], s.r1[h] = s.r1[h], d
	case d > s.r2[h]:
		s.r2[h] = d
	}
}

// costNoLabel returns the number of gold arcs that move makes
// unreachable, given gold heads gh (n for the root), ignoring labels: the
// dynamic oracle of Goldberg and Nivre (2012) for arc-eager. A wrong label
// on an arc that is otherwise gold costs one more, which the caller adds.
func (s *state) costNoLabel(move int, gh []int) int {
	c := 0
	s0, b := s.s0(), s.b
	switch move {
	case shift:
		for _, k := range s.stack {
			if (gh[k] == b && s.heads[k] < 0) || gh[b] == k {
				c++
			}
		}
	case reduce:
		for k := b; k < s.n; k++ {
			if gh[k] == s0 {
				c++
			}
		}
	case left:
		for k := b; k < s.n; k++ {
			if gh[k] == s0 {
				c++
			}
		}
		if gh[s0] > b {
			c++
		}
	case right:
		for _, k := range s.stack {
			if gh[k] == b && s.heads[k] < 0 {
				c++
			}
			if gh[b] == k && k != s0 {
				c++
			}
		}
		if gh[b] > b {
			c++
		}
	}
	return c
}
