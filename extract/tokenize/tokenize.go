// Package tokenize splits text into tokens with byte offsets, following the
// conventions of the Universal Dependencies English Web Treebank (EWT r2.16),
// on which kg's tagger and parser are trained.
//
// A token is a syntactic word, not a whitespace-separated chunk: where EWT
// splits a written word into several syntactic words (its multiword tokens)
// the tokenizer emits each word with its own offsets. Every token satisfies
// text[Start:End] == Text.
//
// Decisions, each checked against en_ewt-ud-train.conllu:
//
//   - Clitics are words: "Russia's" → Russia 's, "Russia’s" → Russia ’s,
//     "didn't" → did n't, "can't" → ca n't, "won't" → wo n't, "they're" →
//     they 're, and 've 'll 'd 'm likewise; a trailing apostrophe is its own
//     token ("Steffes'" → Steffes '). Contractions written without an
//     apostrophe are split as EWT does ("cannot" → can not, "gonna" → gon na,
//     "dont" → do nt).
//   - Hyphens: EWT r2.16 splits hyphenated compounds ("search - engine",
//     "Al - Jazeera", "27 - year - old", "155 - mm", "U.S. - orchestrated")
//     and keeps the hyphen only after a bound prefix ("anti-tank",
//     "e-mail", "non-violence", "de-Nazify", "pro-government"), inside
//     phone numbers ("713-853-3989") and inside URLs and e-mail addresses.
//     kg follows EWT so that tokens look like what the tagger was trained on.
//   - Abbreviations keep their period ("U.S.", "Feb.", "Gen.", "a.m.",
//     "etc.", "Dr."): words with internal periods, single letters (initials)
//     and a table of known abbreviations. At the end of a sentence EWT
//     splits the period off ("etc" "."), so a non-title abbreviation
//     followed by the end of the text, a line break, or a capitalized
//     sentence opener ("in the U.S. The …") gives up its period; titles
//     ("Dr.", "Gen.") always keep it.
//   - Numbers stay whole: "1,000", "3.5", "5:00", "9/11", "11/28/2000",
//     "1970s", "20th". Currency signs, percent signs, units and times of day
//     are separate tokens, as in EWT: "$6" → $ 6, "40%" → 40 %, "35mm" →
//     35 mm, "7:30PM" → 7:30 PM.
//   - Punctuation is separate, except runs that EWT keeps as one token:
//     ellipses ("...", "…"), repeated or mixed end marks ("!!", "?!"),
//     dash runs ("--", "---"), doubled quotes (two apostrophes or two
//     backquotes). Em and en dashes and curly and straight quotes are
//     tokens of their own.
//   - URLs, e-mail addresses, @handles, #hashtags and stand-alone emoticons
//     (":)", ":-)") are single tokens.
//
// The tokenizer is a hand-written scanner (no regular expressions) and
// never fails: invalid UTF-8 bytes become one-byte tokens.
package tokenize

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/nlp"
)

// Tokenizer is the tokenization stage. It fills Document.Tokens from
// Document.Text (Text, Start, End, SpaceAfter; Head = -1) and requires
// nothing. It has no state and is safe for concurrent use.
type Tokenizer struct{}

// New returns a Tokenizer.
func New() *Tokenizer { return &Tokenizer{} }

// Name returns "tokenize".
func (*Tokenizer) Name() string { return "tokenize" }

// Process replaces d.Tokens with the tokens of d.Text.
func (t *Tokenizer) Process(ctx context.Context, d *nlp.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("tokenize: %w", err)
	}
	d.Tokens = t.Tokenize(d.Text)
	return nil
}

// Tokenize returns the tokens of text in order. Only Text, Start, End,
// SpaceAfter and Head (-1) are set.
func (*Tokenizer) Tokenize(text string) []nlp.Token {
	s := scanner{text: text, toks: make([]nlp.Token, 0, len(text)/5+1)}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			i += w
			continue
		}
		j := i + w
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if isSpace(r) {
				break
			}
			j += w
		}
		s.chunk(i, j)
		i = j
	}
	for k := range s.toks {
		if end := s.toks[k].End; end < len(text) {
			r, _ := utf8.DecodeRuneInString(text[end:])
			s.toks[k].SpaceAfter = isSpace(r)
		}
	}
	return s.toks
}

// scanner holds the text and the tokens found so far.
type scanner struct {
	text string
	toks []nlp.Token
	// runEnd is the end of the last run of e-mail characters scanned, and
	// no e-mail address starts before noEmail: they keep special linear
	// in the length of a chunk.
	runEnd, noEmail int
}

func (s *scanner) emit(start, end int) {
	s.toks = append(s.toks, nlp.Token{Text: s.text[start:end], Start: start, End: end, Head: -1})
}

// chunk tokenizes the whitespace-free run text[a:b].
func (s *scanner) chunk(a, b int) {
	if b-a <= 3 && emoticons[s.text[a:b]] {
		s.emit(a, b)
		return
	}
	for p := a; p < b; {
		r, w := rune(s.text[p]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s.text[p:b])
		}
		if isWord(r) {
			p = s.word(p, a, b)
		} else {
			p = s.punct(p, a, b, r, w)
		}
	}
}

// word scans a word starting at p inside the chunk [a, b) and returns the
// position after it. It may emit several tokens (a word and its clitic).
func (s *scanner) word(p, a, b int) int {
	t := s.text
	if q := s.special(p, a, b); q > p {
		s.emit(p, q)
		return q
	}
	start, seg, q := p, p, p
scan:
	for {
		q = s.wordRun(q, b)
		if q >= b {
			break
		}
		switch c := t[q]; c {
		case '.':
			if q+1 < b && s.isWordAt(q+1) && s.keepDot(seg, q, b) {
				q++
				seg = q
				continue
			}
		case ',':
			if isDigit(t[q-1]) && digitRun(t, q+1, b) == 3 {
				q++
				continue
			}
		case ':':
			if isDigit(t[q-1]) && digitRun(t, q+1, b) == 2 {
				q++
				continue
			}
		case '/':
			if q+1 < b && isDigit(t[q-1]) && isDigit(t[q+1]) {
				q++
				seg = q
				continue
			}
			if q+1 < b && q-seg == 1 && s.isWordAt(q+1) && s.wordRun(q+1, b)-(q+1) == 1 {
				q++
				seg = q
				continue
			}
		case '&':
			if q+1 < b && isUpper(t[q-1]) && isUpper(t[q+1]) {
				q++
				continue
			}
		case '-':
			if q+1 >= b || !s.isWordAt(q+1) {
				break scan
			}
			if end := phoneEnd(t, start, b); seg == start && end > q {
				q = end
				continue
			}
			if seg == start && (start == a || t[start-1] != '-') && inTable(prefixes, t[seg:q]) {
				q++
				seg = q
				continue
			}
		case '\'', 0xE2:
			aw := apostropheAt(t, q, b)
			if aw == 0 {
				break scan
			}
			e := s.letterRun(q+aw, b)
			suffix := t[q+aw : e]
			if e > q+aw && (e == b || !s.isWordAt(e)) {
				if (suffix == "t" || suffix == "T") && q-1 > start && (t[q-1] == 'n' || t[q-1] == 'N') {
					s.emit(start, q-1)
					s.emit(q-1, e)
					return e
				}
				if inTable(clitics, suffix) {
					s.emit(start, q)
					s.emit(q, e)
					return e
				}
			}
			if e == q+aw {
				break scan
			}
			q = e
			seg = e
			continue
		}
		break
	}
	if q < b && t[q] == '.' {
		dots := 1
		for q+dots < b && t[q+dots] == '.' {
			dots++
		}
		// "Inc.." is the abbreviation and the sentence's period; three or
		// more periods are an ellipsis.
		if kind := s.abbrev(start, q); kind != notAbbrev && (dots == 1 && !s.periodEnds(kind, q+1, b) || dots == 2) {
			s.emit(start, q+1)
			return q + 1
		}
	}
	if n := unitSplit(t[start:q]); n > 0 {
		s.emit(start, start+n)
		s.emit(start+n, q)
		return q
	}
	if n, ok := fusedSplit(t[start:q]); ok {
		s.emit(start, start+n)
		s.emit(start+n, q)
		return q
	}
	s.emit(start, q)
	return q
}

// special recognizes a URL, an e-mail address or a host name starting at p
// and returns its end, or p when there is none.
func (s *scanner) special(p, a, b int) int {
	t := s.text[p:b]
	if p > a && isWordByte(s.text[p-1]) {
		return p
	}
	if hasPrefixFold(t, "http://") || hasPrefixFold(t, "https://") || hasPrefixFold(t, "ftp://") ||
		hasPrefixFold(t, "www.") || hasPrefixFold(t, "mailto:") {
		return p + trimURL(t)
	}
	if p < s.noEmail {
		return p
	}
	if p >= s.runEnd {
		q := p
		for q < b && isEmailByte(s.text[q]) {
			q++
		}
		s.runEnd = q
	}
	q := s.runEnd
	at := strings.IndexByte(s.text[p:q], '@')
	if at < 0 {
		s.noEmail = q
		return p
	}
	at += p
	if at+1 >= q || !isWordByte(s.text[at+1]) {
		s.noEmail = at + 1
		return p
	}
	for q > at+1 && (s.text[q-1] == '.' || s.text[q-1] == '-') {
		q--
	}
	return q
}

// trimURL returns the length of the URL at the start of t without the
// sentence punctuation that follows it.
func trimURL(t string) int {
	q := len(t)
	for {
		switch {
		case q > 0 && strings.IndexByte(".,;:!?'\")]}>", t[q-1]) >= 0:
			q--
		case strings.HasSuffix(t[:q], "’") || strings.HasSuffix(t[:q], "”"):
			q -= len("’")
		default:
			return q
		}
	}
}

// keepDot reports whether the period at q, between two word characters,
// is inside a word: a decimal ("3.5"), an acronym ("U.S", "a.m", "Ph.D") or
// a host or file name ("enron.com", "memo.doc").
func (s *scanner) keepDot(seg, q, b int) bool {
	t := s.text
	if isDigit(t[q-1]) && isDigit(t[q+1]) || isLower(t[q-1]) && isLower(t[q+1]) {
		return true
	}
	if r, w := utf8.DecodeRuneInString(t[seg:q]); w == q-seg && unicode.IsLetter(r) {
		return true
	}
	e := s.wordRun(q+1, b)
	if _, w := utf8.DecodeRuneInString(t[q+1 : e]); w == e-(q+1) && e < b && t[e] == '.' {
		return true
	}
	return inTable(tlds, t[q+1:e])
}

// abbrev classifies the word text[start:q] that a period follows.
func (s *scanner) abbrev(start, q int) abbrevKind {
	w := s.text[start:q]
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsLetter(r) {
		return plain // an initial or a single-letter abbreviation
	}
	if strings.IndexByte(w, '.') > 0 {
		// Acronyms with internal periods ("U.S", "a.m", "Ph.D") have
		// short letter-only segments; "enron.com" does not.
		for seg := range strings.SplitSeq(w, ".") {
			if len(seg) == 0 || len(seg) > 2 || !isLetters(seg) {
				return notAbbrev
			}
		}
		return plain
	}
	if k, ok := capAbbrevs[w]; ok {
		return k
	}
	return lookup(abbrevs, w)
}

// periodEnds reports whether the period before position after (inside the
// chunk ending at b) ends the sentence rather than belonging to an
// abbreviation of the given kind.
func (s *scanner) periodEnds(kind abbrevKind, after, b int) bool {
	t := s.text
	switch kind {
	case title:
		return false
	case numbered:
		m := skipSpace(t, after)
		return m >= len(t) || !isDigit(t[m])
	}
	k := after
	for k < b {
		r, w := utf8.DecodeRuneInString(t[k:b])
		if !isCloser(r) {
			return false // something attached follows: "U.S.-led", "a.m.,"
		}
		k += w
	}
	m := skipSpace(t, b)
	if m >= len(t) || strings.IndexByte(t[b:m], '\n') >= 0 {
		return true
	}
	for m < len(t) {
		r, w := utf8.DecodeRuneInString(t[m:])
		if !isOpener(r) {
			break
		}
		m += w
	}
	e := s.letterRun(m, len(t))
	return e > m && isUpper(t[m]) && inTable(starters, t[m:e])
}

// punct emits the punctuation or symbol token starting at p, whose first
// rune r is w bytes long, and returns the position after it.
func (s *scanner) punct(p, a, b int, r rune, w int) int {
	t := s.text
	q := p + w
	switch {
	case r == '.' || r == '!' || r == '?':
		for q < b && t[q] == '.' {
			q++
		}
		if q-p == 1 || r != '.' {
			// "?!", "!!!", ".?"; an ellipsis stays apart from a following
			// "?" or "!" ("...", "?").
			for q < b && (t[q] == '.' || t[q] == '!' || t[q] == '?') {
				q++
			}
		}
	case r == '…':
		for q < b && (t[q] == '.' || strings.HasPrefix(t[q:b], "…")) {
			_, n := utf8.DecodeRuneInString(t[q:b])
			q += n
		}
	case r == '-' || r == '—' || r == '–' || r == '*' || r == '=' || r == '+' || r == '~' || r == '<' || r == '>':
		for strings.HasPrefix(t[q:b], string(r)) {
			q += w
		}
	case r == '\'' || r == '’' || r == '‘' || r == '`':
		e := s.letterRun(q, b)
		if p > a && e > q && (e == b || !s.isWordAt(e)) && inTable(clitics, t[q:e]) {
			return s.emitTo(p, e)
		}
		if (p == a || isOpener(lastRune(t[:p]))) && q < b && (isDigit(t[q]) || hasPrefixFold(t[q:b], "em") && s.wordRun(q, b) == q+2) {
			return s.emitTo(p, s.wordRun(q, b))
		}
		if q < b {
			if r2, w2 := utf8.DecodeRuneInString(t[q:b]); r2 == '\'' || r2 == '’' || r2 == '‘' || r2 == '`' {
				q += w2
			}
		}
	case r == '#' || r == '@':
		if e := s.wordRun(q, b); e > q && (r == '@' || !isDigit(t[q])) {
			q = e
		}
	}
	return s.emitTo(p, q)
}

func (s *scanner) emitTo(p, q int) int {
	s.emit(p, q)
	return q
}

// wordRun returns the end of the run of word characters starting at q.
func (s *scanner) wordRun(q, b int) int {
	t := s.text
	for q < b {
		c := t[q]
		if c < utf8.RuneSelf {
			if !isWordByte(c) {
				return q
			}
			q++
			continue
		}
		r, w := utf8.DecodeRuneInString(t[q:b])
		if !isWord(r) {
			return q
		}
		q += w
	}
	return q
}

// letterRun returns the end of the run of letters starting at q.
func (s *scanner) letterRun(q, b int) int {
	t := s.text
	for q < b {
		r, w := rune(t[q]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(t[q:b])
		}
		if !unicode.IsLetter(r) {
			return q
		}
		q += w
	}
	return q
}

func (s *scanner) isWordAt(q int) bool {
	c := s.text[q]
	if c < utf8.RuneSelf {
		return isWordByte(c)
	}
	r, _ := utf8.DecodeRuneInString(s.text[q:])
	return isWord(r)
}

// apostropheAt returns the byte length of the apostrophe (' or ’) at q, or 0.
func apostropheAt(t string, q, b int) int {
	if q < b && t[q] == '\'' {
		return 1
	}
	if strings.HasPrefix(t[q:b], "’") {
		return len("’")
	}
	return 0
}

// phoneEnd returns the end of a phone number ("713-853-3989", "345-9945")
// starting at start, or start when there is none.
func phoneEnd(t string, start, b int) int {
	var groups [4]int
	n, q := 0, start
	for n < len(groups) {
		d := digitsAt(t, q, b)
		if d == 0 {
			break
		}
		groups[n] = d
		n++
		q += d
		if q+1 >= b || t[q] != '-' || !isDigit(t[q+1]) {
			break
		}
		q++
	}
	if q < b && isWordByte(t[q]) {
		return start
	}
	if n >= 3 || n == 2 && groups[0] == 3 && groups[1] == 4 {
		return q
	}
	return start
}

// fusedSplit returns where to split a contraction written without an
// apostrophe ("cannot" → 3).
func fusedSplit(w string) (int, bool) {
	if len(w) > maxKey || !isLetters(w) {
		return 0, false
	}
	n, ok := fused[lower(w)]
	return n, ok
}

// unitSplit returns the length of the number in a number written together
// with a unit or time of day ("35mm", "7:30PM" → 2, 4), or 0.
func unitSplit(w string) int {
	if w == "" || !isDigit(w[0]) {
		return 0
	}
	k := 0
	for k < len(w) && (isDigit(w[k]) || w[k] == '.' || w[k] == ',' || w[k] == ':') {
		k++
	}
	if k == len(w) || !isDigit(w[k-1]) || !inTable(units, w[k:]) {
		return 0
	}
	return k
}

// digitRun returns the number of ASCII digits starting at q.
func digitRun(t string, q, b int) int {
	e := q
	for e < b && isDigit(t[e]) {
		e++
	}
	return e - q
}

// digitsAt returns the number of ASCII digits starting at q, but 0 when
// the run is followed by another word character.
func digitsAt(t string, q, b int) int {
	e := q
	for e < b && isDigit(t[e]) {
		e++
	}
	if e < b && isWordByte(t[e]) {
		return 0
	}
	return e - q
}

// skipSpace returns the position of the first non-space rune at or after i.
func skipSpace(t string, i int) int {
	for i < len(t) {
		r, w := utf8.DecodeRuneInString(t[i:])
		if !isSpace(r) {
			return i
		}
		i += w
	}
	return i
}

// inTable reports whether the lower-cased word is in table.
func inTable(table map[string]bool, w string) bool {
	return len(w) <= maxKey && table[lower(w)]
}

// lookup returns the abbreviation kind of the lower-cased word.
func lookup(table map[string]abbrevKind, w string) abbrevKind {
	if len(w) > maxKey {
		return notAbbrev
	}
	return table[lower(w)]
}

// lower lower-cases ASCII letters; callers bound len(w) by maxKey so the
// conversion stays on the stack.
func lower(w string) string {
	var buf [maxKey]byte
	n := copy(buf[:], w)
	for i := range n {
		if c := buf[i]; 'A' <= c && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return string(buf[:n])
}

func hasPrefixFold(t, prefix string) bool {
	return len(t) >= len(prefix) && strings.EqualFold(t[:len(prefix)], prefix)
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func lastRune(t string) rune {
	r, _ := utf8.DecodeLastRuneInString(t)
	return r
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// isWord reports whether r belongs inside a word: letters, digits,
// combining marks and the underscore.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isEmailByte(c byte) bool {
	return isWordByte(c) || c == '.' || c == '-' || c == '+' || c == '%' || c == '@'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '”', '’', '»', '›':
		return true
	}
	return false
}

// isOpener reports whether r opens a quotation or bracket.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '“', '‘', '«', '‹', '`':
		return true
	}
	return false
}
