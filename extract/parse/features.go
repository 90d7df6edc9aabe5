package parse

import "github.com/kg-project/kg/extract/perceptron"

// sentence holds the hashed word, tag and suffix of each word of a
// sentence, plus the artificial root at index n. Suffixes let the parser
// see past a wrong tag ("-ing", "-ed", "-ly").
type sentence struct {
	w, p, s []uint64
	// c holds the coarse tags: the first two letters of the Penn tag, so
	// that VBD and VBN, or NN and NNP, which the tagger confuses, share
	// features.
	c []uint64
	// a holds the ambiguity classes (Parser.amb), 0 for unknown words.
	a []uint64
	// k4, k6 and kf hold the words' Brown cluster prefixes of 4 and 6
	// bits and their full paths (wordcluster.Path), 0 for words without a
	// cluster: classes of words that behave alike, learned from far more
	// text than the treebank (Koo et al. 2008).
	k4, k6, kf []uint64
}

var rootHash = perceptron.Hash("-ROOT-")

// feature template numbers, after Zhang and Nivre (2011), with the second
// stack item added, then suffixes, coarse tags, ambiguity classes and Brown
// clusters.
const (
	tS0wp = iota + 1
	tS0w
	tS0p
	tN0wp
	tN0w
	tN0p
	tN1wp
	tN1w
	tN1p
	tN2wp
	tN2w
	tN2p
	tS0wpN0wp
	tS0wpN0w
	tS0wN0wp
	tS0wpN0p
	tS0pN0wp
	tS0wN0w
	tS0pN0p
	tN0pN1p
	tN0pN1pN2p
	tS0pN0pN1p
	tS0hpS0pN0p
	tS0pS0lpN0p
	tS0pS0rpN0p
	tS0pN0pN0lp
	tS0wd
	tS0pd
	tN0wd
	tN0pd
	tS0wN0wd
	tS0pN0pd
	tS0wvr
	tS0pvr
	tS0wvl
	tS0pvl
	tN0wvl
	tN0pvl
	tS0hw
	tS0hp
	tS0l
	tS0lw
	tS0lp
	tS0ll
	tS0rw
	tS0rp
	tS0rl
	tN0lw
	tN0lp
	tN0ll
	tS0h2w
	tS0h2p
	tS0hl
	tS0l2w
	tS0l2p
	tS0l2l
	tS0r2w
	tS0r2p
	tS0r2l
	tN0l2w
	tN0l2p
	tN0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tS0pS0hpS0h2p
	tN0pN0lpN0l2p
	tS0wsr
	tS0psr
	tS0wsl
	tS0psl
	tN0wsl
	tN0psl
	tS1w
	tS1p
	tS1pS0pN0p
	tS1wpS0p
	tS0headedpN0p
	tS0s
	tN0s
	tN1s
	tS0pN0s
	tS0sN0p
	tN0wN1w
	tS1wS0w
	tS0wN0pN1p
	tS0c
	tN0c
	tN1c
	tS0cN0c
	tS0cN0cN1c
	tS1cS0cN0c
	tS0wN0c
	tS0cN0w
	tN0cN1cN2c
	tS0a
	tN0a
	tN1a
	tS0aN0a
	tN0aN1a
	tS0pN0a
	tS0aN0p
	tS0kf
	tN0kf
	tN1kf
	tS0k6
	tN0k6
	tS0k6pN0p
	tS0pN0k6p
	tS0kfN0kf
	tS0k4N0k4d
	tS0lk4
	tN0lk4
	tS1k4S0k4
	nTemplates
)

// seeds holds the hash of each template number alone, where the hash of
// each of its features starts (computed once; never written after).
var seeds = func() (s [nTemplates]uint64) {
	for i := range s {
		s[i] = perceptron.Combine(0, uint64(i))
	}
	return s
}()

// f1 to f4 hash a template with its one to four parts (one function per
// count, which the compiler inlines, where a variadic one cost as many
// instructions as the hashing itself).
func f1(tpl, a uint64) uint64 { return perceptron.Combine(seeds[tpl], a) }

func f2(tpl, a, b uint64) uint64 { return perceptron.Combine(f1(tpl, a), b) }

func f3(tpl, a, b, c uint64) uint64 { return perceptron.Combine(f2(tpl, a, b), c) }

func f4(tpl, a, b, c, d uint64) uint64 { return perceptron.Combine(f3(tpl, a, b, c), d) }

// features appends the features of state st over sentence x to dst.
func features(dst []uint64, st *state, x *sentence) []uint64 {
	word := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return x.w[i]
	}
	tag := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return x.p[i]
	}
	suf := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return x.s[i]
	}
	coarse := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return x.c[i]
	}
	amb := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return x.a[i]
	}
	clu := func(v []uint64, i int) uint64 {
		if i < 0 {
			return 0
		}
		return v[i]
	}
	at := func(v []int, i int) int {
		if i < 0 {
			return -1
		}
		return v[i]
	}
	label := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(st.labels[i] + 1)
	}
	s0, s1, n0 := st.s0(), st.s1(), st.b
	n1, n2 := -1, -1
	if n0+1 <= st.n {
		n1 = n0 + 1
	}
	if n0+2 <= st.n {
		n2 = n0 + 2
	}
	s0h := at(st.heads, s0)
	s0h2 := at(st.heads, s0h)
	s0l, s0l2 := at(st.l1, s0), at(st.l2, s0)
	s0r, s0r2 := at(st.r1, s0), at(st.r2, s0)
	n0l, n0l2 := at(st.l1, n0), at(st.l2, n0)

	s0w, s0p := word(s0), tag(s0)
	n0w, n0p := word(n0), tag(n0)
	n1w, n1p := word(n1), tag(n1)
	n2w, n2p := word(n2), tag(n2)

	var d uint64
	if s0 >= 0 {
		switch dist := n0 - s0; {
		case dist < 5:
			d = uint64(dist)
		case dist < 10:
			d = 5
		default:
			d = 6
		}
	}
	var vr, vl, nvl, sr, sl, nsl uint64
	if s0 >= 0 {
		vr, vl = uint64(st.nr[s0]), uint64(st.nl[s0])
		sr, sl = st.rset[s0], st.lset[s0]
	}
	nvl, nsl = uint64(st.nl[n0]), st.lset[n0]
	headed := uint64(0)
	if s0 >= 0 && st.heads[s0] >= 0 {
		headed = 1
	}

	return append(dst,
		f2(tS0wp, s0w, s0p), f1(tS0w, s0w), f1(tS0p, s0p),
		f2(tN0wp, n0w, n0p), f1(tN0w, n0w), f1(tN0p, n0p),
		f2(tN1wp, n1w, n1p), f1(tN1w, n1w), f1(tN1p, n1p),
		f2(tN2wp, n2w, n2p), f1(tN2w, n2w), f1(tN2p, n2p),

		f4(tS0wpN0wp, s0w, s0p, n0w, n0p), f3(tS0wpN0w, s0w, s0p, n0w), f3(tS0wN0wp, s0w, n0w, n0p),
		f3(tS0wpN0p, s0w, s0p, n0p), f3(tS0pN0wp, s0p, n0w, n0p), f2(tS0wN0w, s0w, n0w),
		f2(tS0pN0p, s0p, n0p), f2(tN0pN1p, n0p, n1p),

		f3(tN0pN1pN2p, n0p, n1p, n2p), f3(tS0pN0pN1p, s0p, n0p, n1p),
		f3(tS0hpS0pN0p, tag(s0h), s0p, n0p), f3(tS0pS0lpN0p, s0p, tag(s0l), n0p),
		f3(tS0pS0rpN0p, s0p, tag(s0r), n0p), f3(tS0pN0pN0lp, s0p, n0p, tag(n0l)),

		f2(tS0wd, s0w, d), f2(tS0pd, s0p, d), f2(tN0wd, n0w, d), f2(tN0pd, n0p, d),
		f3(tS0wN0wd, s0w, n0w, d), f3(tS0pN0pd, s0p, n0p, d),

		f2(tS0wvr, s0w, vr), f2(tS0pvr, s0p, vr), f2(tS0wvl, s0w, vl), f2(tS0pvl, s0p, vl),
		f2(tN0wvl, n0w, nvl), f2(tN0pvl, n0p, nvl),

		f1(tS0hw, word(s0h)), f1(tS0hp, tag(s0h)), f1(tS0l, label(s0)),
		f1(tS0lw, word(s0l)), f1(tS0lp, tag(s0l)), f1(tS0ll, label(s0l)),
		f1(tS0rw, word(s0r)), f1(tS0rp, tag(s0r)), f1(tS0rl, label(s0r)),
		f1(tN0lw, word(n0l)), f1(tN0lp, tag(n0l)), f1(tN0ll, label(n0l)),

		f1(tS0h2w, word(s0h2)), f1(tS0h2p, tag(s0h2)), f1(tS0hl, label(s0h)),
		f1(tS0l2w, word(s0l2)), f1(tS0l2p, tag(s0l2)), f1(tS0l2l, label(s0l2)),
		f1(tS0r2w, word(s0r2)), f1(tS0r2p, tag(s0r2)), f1(tS0r2l, label(s0r2)),
		f1(tN0l2w, word(n0l2)), f1(tN0l2p, tag(n0l2)), f1(tN0l2l, label(n0l2)),
		f3(tS0pS0lpS0l2p, s0p, tag(s0l), tag(s0l2)), f3(tS0pS0rpS0r2p, s0p, tag(s0r), tag(s0r2)),
		f3(tS0pS0hpS0h2p, s0p, tag(s0h), tag(s0h2)), f3(tN0pN0lpN0l2p, n0p, tag(n0l), tag(n0l2)),

		f2(tS0wsr, s0w, sr), f2(tS0psr, s0p, sr), f2(tS0wsl, s0w, sl), f2(tS0psl, s0p, sl),
		f2(tN0wsl, n0w, nsl), f2(tN0psl, n0p, nsl),

		f1(tS1w, word(s1)), f1(tS1p, tag(s1)), f3(tS1pS0pN0p, tag(s1), s0p, n0p),
		f3(tS1wpS0p, word(s1), tag(s1), s0p), f3(tS0headedpN0p, headed, s0p, n0p),

		f1(tS0s, suf(s0)), f1(tN0s, suf(n0)), f1(tN1s, suf(n1)),
		f2(tS0pN0s, s0p, suf(n0)), f2(tS0sN0p, suf(s0), n0p),
		f2(tN0wN1w, n0w, n1w), f2(tS1wS0w, word(s1), s0w), f3(tS0wN0pN1p, s0w, n0p, n1p),

		f1(tS0c, coarse(s0)), f1(tN0c, coarse(n0)), f1(tN1c, coarse(n1)),
		f2(tS0cN0c, coarse(s0), coarse(n0)), f3(tS0cN0cN1c, coarse(s0), coarse(n0), coarse(n1)),
		f3(tS1cS0cN0c, coarse(s1), coarse(s0), coarse(n0)),
		f2(tS0wN0c, s0w, coarse(n0)), f2(tS0cN0w, coarse(s0), n0w),
		f3(tN0cN1cN2c, coarse(n0), coarse(n1), coarse(n2)),

		f1(tS0a, amb(s0)), f1(tN0a, amb(n0)), f1(tN1a, amb(n1)),
		f2(tS0aN0a, amb(s0), amb(n0)), f2(tN0aN1a, amb(n0), amb(n1)),
		f2(tS0pN0a, s0p, amb(n0)), f2(tS0aN0p, amb(s0), n0p),

		f1(tS0kf, clu(x.kf, s0)), f1(tN0kf, clu(x.kf, n0)), f1(tN1kf, clu(x.kf, n1)),
		f1(tS0k6, clu(x.k6, s0)), f1(tN0k6, clu(x.k6, n0)),
		f3(tS0k6pN0p, clu(x.k6, s0), s0p, n0p), f3(tS0pN0k6p, s0p, clu(x.k6, n0), n0p),
		f2(tS0kfN0kf, clu(x.kf, s0), clu(x.kf, n0)), f3(tS0k4N0k4d, clu(x.k4, s0), clu(x.k4, n0), d),
		f1(tS0lk4, clu(x.k4, s0l)), f1(tN0lk4, clu(x.k4, n0l)), f2(tS1k4S0k4, clu(x.k4, s1), clu(x.k4, s0)),
	)
}
