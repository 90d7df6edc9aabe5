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
		f.shape[i] = shape(w, 1)
		f.shape4[i] = shape(w, 4)
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

func (f *featurizer) add(tmpl string, vals ...string) {
	h := perceptron.Hash(tmpl)
	for _, v := range vals {
		h = perceptron.HashAdd(perceptron.HashByte(h, 0x1f), v)
	}
	f.feats = append(f.feats, h)
}

// token returns the features of token i given the two previous predicted
// tags (BILOU class names, "<s>" before the sentence). Training sets
// unknown to leave out the token's own word features (form, affixes), so
// that the model learns to tag words it has never seen from their shape,
// context and lexicon matches. The slice is reused by the next call.
func (f *featurizer) token(i int, prev, prev2 string, unknown bool) []uint64 {
	f.feats = f.feats[:0]
	w, lw, sh := f.words[i], f.lower[i], f.shape[i]
	f.add("bias")
	f.add("s", sh)
	f.add("S", f.shape4[i])
	if !unknown {
		f.add("w", w)
		f.add("l", lw)
		for k := 1; k <= 3; k++ {
			if p, ok := prefix(lw, k); ok {
				f.add("p", p)
			}
		}
		for k := 1; k <= 4; k++ {
			if s, ok := suffix(lw, k); ok {
				f.add("x", s)
			}
		}
	}
	f.add("l-1", f.word(i-1))
	f.add("l+1", f.word(i+1))
	f.add("l-2", f.word(i-2))
	f.add("l+2", f.word(i+2))
	f.add("s-1", f.shapeAt(i-1))
	f.add("s+1", f.shapeAt(i+1))
	f.add("s-2", f.shapeAt(i-2))
	f.add("s+2", f.shapeAt(i+2))
	if !unknown {
		f.add("l-1l", f.word(i-1), lw)
		f.add("ll+1", lw, f.word(i+1))
		f.add("t-1l", prev, lw)
	}
	f.add("s-1s", f.shapeAt(i-1), sh)
	f.add("ss+1", sh, f.shapeAt(i+1))
	f.add("s-1ss+1", f.shapeAt(i-1), sh, f.shapeAt(i+1))
	f.add("t-1", prev)
	f.add("t-2t-1", prev2, prev)
	f.add("t-1s", prev, sh)
	f.add("t-1l+1", prev, f.word(i+1))
	f.add("case", f.casing, sh)
	if i == 0 {
		f.add("first", sh)
		if !unknown {
			f.add("firstl", lw)
		}
	}
	if isAcronym(w) {
		f.add("acronym")
	}
	p := f.pos[i]
	f.add("P", p)
	f.add("P-1", f.posAt(i-1))
	f.add("P+1", f.posAt(i+1))
	f.add("P-1P", f.posAt(i-1), p)
	f.add("PP+1", p, f.posAt(i+1))
	f.add("Ps", p, sh)
	f.add("Pt-1", p, prev)
	for _, g := range f.lex[i] {
		f.add("g", g)
		f.add("gs", g, sh)
		f.add("t-1g", prev, g)
	}
	for _, g := range f.lexAt(i - 1) {
		f.add("g-1", g)
	}
	for _, g := range f.lexAt(i + 1) {
		f.add("g+1", g)
	}
	for _, g := range f.lexAt(i + 2) {
		f.add("g+2", g)
	}
	return f.feats
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
