package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/perceptron"
)

// Feature templates; each feature hashes its template number with its parts.
const (
	fBias = iota + 1
	fWord
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre3
	fShape
	fP1
	fP2
	fP1P2
	fP1Word
	fPrevWord
	fPrevSuf3
	fPrev2Word
	fNextWord
	fNextSuf3
	fNext2Word
	fNextShape
	fPrevWordWord
	fWordNextWord
	fFirstShape
	fP1Suf3
	fRawWord
	fNextSuf2
	fPrevShape
	fAmb
	fNextAmb
	fNext2Amb
	fPrevAmb
	fP1NextAmb
	fAmbNextAmb
	fWordNextAmb
	fCapsShape
	fShapeAmb
	fCapsAmb
	fR1
	fR2
	fR1R2
	fP1R1
	fWordR1
	fK4
	fK6
	fK10
	fKf
	fPrevKf
	fNextKf
	fNextK4
)

// tokenParts are the hashed, context-free parts of one token.
type tokenParts struct {
	word, raw, suf2, suf3, suf4, pre1, pre3, shape uint64
	// amb is the hash of the word's ambiguity class (lexicon.amb), 0 if unknown.
	amb uint64
	// k4, k6, k10 and kf are the word's Brown cluster prefixes of 4, 6 and
	// 10 bits and its full path (wordcluster.Path), 0 for unknown words.
	k4, k6, k10, kf uint64
}

// boundary parts stand for positions before the start and after the end.
var (
	startParts = tokenParts{word: perceptron.Hash("-START-"), suf2: 1, suf3: 1, suf4: 1, shape: 1}
	endParts   = tokenParts{word: perceptron.Hash("-END-"), suf2: 2, suf3: 2, suf4: 2, shape: 2}
)

// normalize maps a word to the form its features use: lower case, with
// numbers collapsed to their shape class.
func normalize(w string) string {
	if w == "" {
		return w
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case len(w) == 4 && isDigits(w):
		return "!YEAR"
	case unicode.IsDigit(r):
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// shape returns the compressed character-class shape of w: "Xx" for
// "Ukraine", "X.X." for "U.S.", "d-x" for "155-mm".
func shape(w string) string {
	var b strings.Builder
	var last rune = -1
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// suffix returns the last n runes of s (all of s when shorter).
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// prefix returns the first n runes of s.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func partsOf(w string, lex *lexicon) tokenParts {
	n := normalize(w)
	lw := strings.ToLower(w)
	k := lex.clusters.Lookup(w)
	return tokenParts{
		k4:    uint64(k.Prefix(4)),
		k6:    uint64(k.Prefix(6)),
		k10:   uint64(k.Prefix(10)),
		kf:    uint64(k),
		word:  perceptron.Hash(n),
		raw:   perceptron.Hash(w),
		suf2:  perceptron.Hash(suffix(lw, 2)),
		suf3:  perceptron.Hash(suffix(lw, 3)),
		suf4:  perceptron.Hash(suffix(lw, 4)),
		pre1:  perceptron.Hash(prefix(w, 1)),
		pre3:  perceptron.Hash(prefix(lw, 3)),
		shape: perceptron.Hash(shape(w)),
		amb:   lex.ambiguity(lw),
	}
}

// f0 to f2 hash a template with none to two parts (one function per
// count, which the compiler inlines, where a variadic one cost a slice and
// a loop per feature).
func f0(tpl uint64) uint64 { return perceptron.Combine(0, tpl) }

func f1(tpl, a uint64) uint64 { return perceptron.Combine(f0(tpl), a) }

func f2(tpl, a, b uint64) uint64 { return perceptron.Combine(f1(tpl, a), b) }

// features appends the features of position i to dst; ctx holds the parts
// of the sentence padded with two boundary tokens on each side (position i
// is ctx[i+2]); caps is the sentence's capitalization bucket (capsBucket);
// p1 and p2 are the classes predicted for the two previous words (+1, 0
// before the start).
func features(dst []uint64, ctx []tokenParts, caps uint64, i int, p1, p2 uint64) []uint64 {
	c := ctx[i+2]
	prev, prev2 := ctx[i+1], ctx[i]
	next, next2 := ctx[i+3], ctx[i+4]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(dst,
		f0(fBias),
		f1(fWord, c.word),
		f1(fRawWord, c.raw),
		f1(fSuf2, c.suf2),
		f1(fSuf3, c.suf3),
		f1(fSuf4, c.suf4),
		f1(fPre1, c.pre1),
		f1(fPre3, c.pre3),
		f1(fShape, c.shape),
		f1(fP1, p1),
		f1(fP2, p2),
		f2(fP1P2, p1, p2),
		f2(fP1Word, p1, c.word),
		f2(fP1Suf3, p1, c.suf3),
		f1(fPrevWord, prev.word),
		f1(fPrevSuf3, prev.suf3),
		f1(fPrevShape, prev.shape),
		f1(fPrev2Word, prev2.word),
		f1(fNextWord, next.word),
		f1(fNextSuf3, next.suf3),
		f1(fNextSuf2, next.suf2),
		f1(fNextShape, next.shape),
		f1(fNext2Word, next2.word),
		f2(fPrevWordWord, prev.word, c.word),
		f2(fWordNextWord, c.word, next.word),
		f2(fFirstShape, first, c.shape),
		f1(fAmb, c.amb),
		f1(fNextAmb, next.amb),
		f1(fNext2Amb, next2.amb),
		f1(fPrevAmb, prev.amb),
		f2(fP1NextAmb, p1, next.amb),
		f2(fAmbNextAmb, c.amb, next.amb),
		f2(fWordNextAmb, c.word, next.amb),
		f2(fCapsShape, caps, c.shape),
		f2(fShapeAmb, c.shape, c.amb),
		f2(fCapsAmb, caps, c.amb),
		f1(fK4, c.k4),
		f1(fK6, c.k6),
		f1(fK10, c.k10),
		f1(fKf, c.kf),
		f1(fPrevKf, prev.kf),
		f1(fNextKf, next.kf),
		f1(fNextK4, next.k4),
	)
}

// contextOf returns the padded parts of a sentence for features, with the
// ambiguity classes and Brown clusters of lex.
func contextOf(words []string, lex *lexicon) []tokenParts {
	ctx := make([]tokenParts, 0, len(words)+4)
	ctx = append(ctx, startParts, startParts)
	for _, w := range words {
		ctx = append(ctx, partsOf(w, lex))
	}
	return append(ctx, endParts, endParts)
}

// capsBucket sorts a sentence by the share of its words that start with a
// capital letter, in quarters (0-4), so that the tagger can tell a
// title-cased headline, where capitals do not mark names, from running text.
func capsBucket(words []string) uint64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			n++
		}
	}
	return uint64(4*n/len(words)) + 1
}

// lookahead appends the second pass's features of position i: the first
// pass's classes of the next two words (firstTags; nil in the first pass,
// which adds nothing).
func lookahead(dst []uint64, firstTags []int, i int) []uint64 {
	if firstTags == nil {
		return dst
	}
	var r1, r2 uint64
	if i+1 < len(firstTags) {
		r1 = uint64(firstTags[i+1]) + 1
	}
	if i+2 < len(firstTags) {
		r2 = uint64(firstTags[i+2]) + 1
	}
	var p1 uint64
	if i > 0 {
		p1 = uint64(firstTags[i-1]) + 1
	}
	cur := uint64(firstTags[i]) + 1
	return append(dst, f1(fR1, r1), f1(fR2, r2), f2(fR1R2, r1, r2), f2(fP1R1, p1, r1), f2(fWordR1, cur, r1))
}
