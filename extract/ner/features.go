package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/perceptron"
)

// Sentence casing classes: lower-case or upper-case sentences (common in
// web text) make capitalization mean something else.
const (
	caseMixed = "mixed"
	caseLower = "lower"
	caseUpper = "upper"
)

// featurizer computes the hashed features of each token of one sentence.
// Word-level strings (lower case, shapes, affixes) are computed once per
// sentence; features are hashed without building strings.
type featurizer struct {
	words   []string
	lower   []string
	shape   []string // collapsed shape: "Xx", "X.X.", "d"
	shape4  []string // shape with runs kept up to 4: "Xxxxx", "dddd"
	pos     []string // Penn Treebank tags
	lexicon *lexicon
	lex     [][]string // lexicon tags per token ("U-city", "B-country")
	casing  string
	feats   []uint64
	// interned holds the shapes made so far, so that the few distinct
	// shapes of a text are each allocated once (see shapes).
	interned map[string]string
}

// reset prepares f for a sentence of words with their Penn Treebank tags.
func (f *featurizer) reset(words, pos []string) {
	n := len(words)
	f.words = words
	f.pos = pos
	f.lower = grow(f.lower, n)
	f.shape = grow(f.shape, n)
	f.shape4 = grow(f.shape4, n)
	lowerLetters, upperLetters := 0, 0
	for i, w := range words {
		f.lower[i] = normalize(w)
		f.shape[i], f.shape4[i] = f.shapes(w)
		for _, r := range w {
			switch {
			case unicode.IsLower(r):
				lowerLetters++
			case unicode.IsUpper(r):
				upperLetters++
			}
		}
	}
	if cap(f.lex) < n {
		f.lex = append(f.lex[:cap(f.lex)], make([][]string, n-cap(f.lex))...)
	}
	f.lex = f.lex[:n]
	f.lexicon.match(words, f.lower, f.lex)
	switch {
	case upperLetters == 0:
		f.casing = caseLower
	case lowerLetters == 0 && upperLetters > 3:
		f.casing = caseUpper
	default:
		f.casing = caseMixed
	}
}

func grow(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}

// quoteFolder folds typographic quotes and apostrophes to ASCII.
var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "``", "\"", "''", "\"")

// normalize returns the form of w that word features use: lower case,
// ASCII quotes, digits as 0, and no final period on abbreviations
// ("Mr." and "Mr" are the same word).
func normalize(w string) string {
	n := w
	if !plain(w) {
		n = strings.ToLower(quoteFolder.Replace(w))
	}
	if len(n) > 1 && n[len(n)-1] == '.' {
		n = n[:len(n)-1]
	}
	if strings.ContainsAny(n, "123456789") {
		n = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '0'
			}
			return r
		}, n)
	}
	return n
}

// plain reports whether normalize leaves w's bytes as they are (but for a
// final period): ASCII without capitals, digits other than 0, quotes or
// backquotes. Most words of running text are plain; they are not copied.
func plain(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 0x80, 'A' <= c && c <= 'Z', '1' <= c && c <= '9', c == '\'', c == '`':
			return false
		}
	}
	return true
}

// word returns the normalized word at i, or a boundary marker.
func (f *featurizer) word(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(f.words):
		return "</s>"
	}
	return f.lower[i]
}

// shapeAt returns the collapsed shape at i, or a boundary marker.
func (f *featurizer) shapeAt(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(f.words):
		return "</s>"
	}
	return f.shape[i]
}

// posAt returns the tag at i, or a boundary marker.
func (f *featurizer) posAt(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(f.words):
		return "</s>"
	}
	return f.pos[i]
}

// lexAt returns the lexicon tags at i, none outside the sentence.
func (f *featurizer) lexAt(i int) []string {
	if i < 0 || i >= len(f.lex) {
		return nil
	}
	return f.lex[i]
}

// add appends the feature of template tmpl (one of the hashes below) with
// the values vals, hashed as the string tmpl, then each value after a
// 0x1f byte.
func (f *featurizer) add(tmpl uint64, vals ...string) {
	h := tmpl
	for _, v := range vals {
		h = perceptron.HashAdd(perceptron.HashByte(h, 0x1f), v)
	}
	f.feats = append(f.feats, h)
}

// The recognizer's feature templates, hashed once: t plus the template's
// name, with "-" written M and "+" written P ("l-1" is tlM1).
var (
	tbias    = perceptron.Hash("bias")
	ts       = perceptron.Hash("s")
	tS       = perceptron.Hash("S")
	tw       = perceptron.Hash("w")
	tl       = perceptron.Hash("l")
	tp       = perceptron.Hash("p")
	tx       = perceptron.Hash("x")
	tlM1     = perceptron.Hash("l-1")
	tlP1     = perceptron.Hash("l+1")
	tlM2     = perceptron.Hash("l-2")
	tlP2     = perceptron.Hash("l+2")
	tsM1     = perceptron.Hash("s-1")
	tsP1     = perceptron.Hash("s+1")
	tsM2     = perceptron.Hash("s-2")
	tsP2     = perceptron.Hash("s+2")
	tlM1l    = perceptron.Hash("l-1l")
	tllP1    = perceptron.Hash("ll+1")
	ttM1l    = perceptron.Hash("t-1l")
	tsM1s    = perceptron.Hash("s-1s")
	tssP1    = perceptron.Hash("ss+1")
	tsM1ssP1 = perceptron.Hash("s-1ss+1")
	ttM1     = perceptron.Hash("t-1")
	ttM2tM1  = perceptron.Hash("t-2t-1")
	ttM1s    = perceptron.Hash("t-1s")
	ttM1lP1  = perceptron.Hash("t-1l+1")
	tcase    = perceptron.Hash("case")
	tfirst   = perceptron.Hash("first")
	tfirstl  = perceptron.Hash("firstl")
	tacronym = perceptron.Hash("acronym")
	tP       = perceptron.Hash("P")
	tPM1     = perceptron.Hash("P-1")
	tPP1     = perceptron.Hash("P+1")
	tPM1P    = perceptron.Hash("P-1P")
	tPPP1    = perceptron.Hash("PP+1")
	tPs      = perceptron.Hash("Ps")
	tPtM1    = perceptron.Hash("Pt-1")
	tg       = perceptron.Hash("g")
	tgs      = perceptron.Hash("gs")
	ttM1g    = perceptron.Hash("t-1g")
	tgM1     = perceptron.Hash("g-1")
	tgP1     = perceptron.Hash("g+1")
	tgP2     = perceptron.Hash("g+2")
)

// token returns the features of token i given the two previous predicted
// tags (BILOU class names, "<s>" before the sentence). Training sets
// unknown to leave out the token's own word features (form, affixes), so
// that the model learns to tag words it has never seen from their shape,
// context and lexicon matches. The slice is reused by the next call.
func (f *featurizer) token(i int, prev, prev2 string, unknown bool) []uint64 {
	f.feats = f.feats[:0]
	w, lw, sh := f.words[i], f.lower[i], f.shape[i]
	f.add(tbias)
	f.add(ts, sh)
	f.add(tS, f.shape4[i])
	if !unknown {
		f.add(tw, w)
		f.add(tl, lw)
		for k := 1; k <= 3; k++ {
			if p, ok := prefix(lw, k); ok {
				f.add(tp, p)
			}
		}
		for k := 1; k <= 4; k++ {
			if s, ok := suffix(lw, k); ok {
				f.add(tx, s)
			}
		}
	}
	f.add(tlM1, f.word(i-1))
	f.add(tlP1, f.word(i+1))
	f.add(tlM2, f.word(i-2))
	f.add(tlP2, f.word(i+2))
	f.add(tsM1, f.shapeAt(i-1))
	f.add(tsP1, f.shapeAt(i+1))
	f.add(tsM2, f.shapeAt(i-2))
	f.add(tsP2, f.shapeAt(i+2))
	if !unknown {
		f.add(tlM1l, f.word(i-1), lw)
		f.add(tllP1, lw, f.word(i+1))
		f.add(ttM1l, prev, lw)
	}
	f.add(tsM1s, f.shapeAt(i-1), sh)
	f.add(tssP1, sh, f.shapeAt(i+1))
	f.add(tsM1ssP1, f.shapeAt(i-1), sh, f.shapeAt(i+1))
	f.add(ttM1, prev)
	f.add(ttM2tM1, prev2, prev)
	f.add(ttM1s, prev, sh)
	f.add(ttM1lP1, prev, f.word(i+1))
	f.add(tcase, f.casing, sh)
	if i == 0 {
		f.add(tfirst, sh)
		if !unknown {
			f.add(tfirstl, lw)
		}
	}
	if isAcronym(w) {
		f.add(tacronym)
	}
	p := f.pos[i]
	f.add(tP, p)
	f.add(tPM1, f.posAt(i-1))
	f.add(tPP1, f.posAt(i+1))
	f.add(tPM1P, f.posAt(i-1), p)
	f.add(tPPP1, p, f.posAt(i+1))
	f.add(tPs, p, sh)
	f.add(tPtM1, p, prev)
	for _, g := range f.lex[i] {
		f.add(tg, g)
		f.add(tgs, g, sh)
		f.add(ttM1g, prev, g)
	}
	for _, g := range f.lexAt(i - 1) {
		f.add(tgM1, g)
	}
	for _, g := range f.lexAt(i + 1) {
		f.add(tgP1, g)
	}
	for _, g := range f.lexAt(i + 2) {
		f.add(tgP2, g)
	}
	return f.feats
}

// shapes returns shape(w, 1) and shape(w, 4). An ASCII word's shapes are
// built on the stack in one pass and interned; others go through shape.
func (f *featurizer) shapes(w string) (string, string) {
	var b1, b4 [32]byte
	n1, n4, run := 0, 0, 0
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 0x80 || n4 == len(b4):
			return shape(w, 1), shape(w, 4)
		case 'A' <= c && c <= 'Z':
			c = 'X'
		case 'a' <= c && c <= 'z':
			c = 'x'
		case '0' <= c && c <= '9':
			c = 'd'
		}
		if c == last {
			run++
		} else {
			last, run = c, 1
		}
		if run <= 1 {
			b1[n1] = c
			n1++
		}
		if run <= 4 {
			b4[n4] = c
			n4++
		}
	}
	return f.intern(b1[:n1]), f.intern(b4[:n4])
}

// intern returns b as a string, the same string for the same bytes.
func (f *featurizer) intern(b []byte) string {
	if s, ok := f.interned[string(b)]; ok {
		return s
	}
	if f.interned == nil {
		f.interned = map[string]string{}
	}
	s := string(b)
	f.interned[s] = s
	return s
}

// shape maps letters to X/x, digits to d and keeps other characters,
// collapsing runs of the same class longer than maxRun ("Geneva" → "Xx"
// with maxRun 1, "Xxxxx" with 4).
func shape(w string, maxRun int) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'x'
		default:
			c = r
		}
		if c == last {
			run++
		} else {
			last, run = c, 1
		}
		if run <= maxRun {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// prefix returns the first k runes of w when w is longer than k runes.
func prefix(w string, k int) (string, bool) {
	i := 0
	for n := 0; n < k; n++ {
		if i >= len(w) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i], i < len(w)
}

// suffix returns the last k runes of w when w is longer than k runes.
func suffix(w string, k int) (string, bool) {
	i := len(w)
	for n := 0; n < k; n++ {
		if i <= 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:], i > 0
}

// isAcronym reports whether w is two or more letters, all upper case,
// possibly with dots ("NATO", "U.S.").
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2
}
