// Package segment splits a tokenized text into sentences.
//
// The splitter is rule-based. The hard decision, whether a period ends a
// sentence, is already taken by the tokenizer (package tokenize): it keeps
// an abbreviation's period inside the token ("Feb.", "U.S.") and splits it
// off only when the abbreviation ends the sentence. A stand-alone ".", "!"
// or "?" is therefore nearly always a sentence end, and what remains is
// layout and quotation, which a few rules capture exactly. A learned model
// was not chosen: the only segmented training text is EWT (emails, reviews,
// forums), whose habits differ from news, and rules stay readable and
// easy to fix. Each rule below was kept only if it raised sentence F1 on
// EWT train and dev (the test set scores the result).
//
// A sentence ends:
//   - after a terminal mark (". ! ? ?! ... …"), together with the closing
//     quotes and brackets attached to it and any emoticon (`He said
//     “stop.” Then` breaks after ”), unless the next token is lower case
//     after such a quote (`“Stop!” he said` is one sentence) or after an
//     ellipsis, or is a comma, semicolon or colon. A list number's period
//     ("1. The pricing") ends nothing;
//   - at a paragraph break: a blank line, or a single line break unless the
//     text is hard-wrapped (most lines nearly as long as the longest, 40 to
//     100 characters) and the line before is a full one. Headlines and list
//     items are lines without final punctuation and so become sentences of
//     their own;
//   - after a dateline ("ISLAMABAD (AP) -", a sentence of its own in EWT),
//     and, for e-mail, after a greeting or closing ("Dear All,", "Thanks,",
//     "Kay -", "Jill:" at the start of a line), a signature separator
//     ("--"), an address, date or time of a header ("Kay Mann 04/26/2001
//     07:17 AM") or an attachment marker (">>") before a capitalized word;
//     and after a separator ("=====") unless a lower-case word follows.
package segment

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/nlp"
)

// A text is hard-wrapped when it has at least minWrapped non-blank lines
// and its longest line has between minWrap and maxWrap runes (see
// wrapWidth).
const (
	minWrapped = 4
	minWrap    = 40
	maxWrap    = 100
)

// Segmenter is the sentence-splitting stage. It requires Document.Tokens
// (from package tokenize) and fills Document.Sentences and each
// Token.Sentence. It has no state and is safe for concurrent use.
type Segmenter struct{}

// New returns a Segmenter.
func New() *Segmenter { return &Segmenter{} }

// Name returns "segment".
func (*Segmenter) Name() string { return "segment" }

// Process fills d.Sentences and each token's Sentence index.
func (s *Segmenter) Process(ctx context.Context, d *nlp.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("segment: %w", err)
	}
	if len(d.Tokens) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("segment: document has text but no tokens (run tokenize first)")
	}
	d.Sentences = s.Split(d.Text, d.Tokens)
	for i, sent := range d.Sentences {
		for j := sent.Start; j < sent.End; j++ {
			d.Tokens[j].Sentence = i
		}
	}
	return nil
}

// Split returns the sentences of text, whose tokens are toks. The sentences
// are contiguous and cover every token in order.
func (*Segmenter) Split(text string, toks []nlp.Token) []nlp.Sentence {
	var out []nlp.Sentence
	wrap := wrapWidth(text)
	start := 0
	for i := 0; i < len(toks); i++ {
		end := i
		if isTerminal(toks[i].Text) && !(i == start+1 && toks[i].Text == "." && isListMarker(toks[start].Text)) {
			quoted := false
			for end+1 < len(toks) {
				nx := toks[end+1].Text
				if isTerminal(nx) && (!toks[end].SpaceAfter || nx == "." && toks[end].Text == ".") || isEmoticon(nx) {
					end++
				} else if !toks[end].SpaceAfter && isCloser(nx) {
					end++
					quoted = true
				} else {
					break
				}
			}
			if end+1 < len(toks) && !endsAfterMark(text, toks[i].Text, quoted, toks[end], toks[end+1]) {
				i = end
				continue
			}
		} else if end+1 < len(toks) && !paragraphBreak(text, wrap, toks[end], toks[end+1]) && !softBreak(text, toks, start, end) {
			continue
		}
		out = appendBounded(out, toks, start, end+1)
		start = end + 1
		i = end
	}
	return out
}

// MaxTokens is the length of the longest sentence the segmenter returns.
// A longer run of tokens without a sentence end (a table, a list or a page
// scraped without punctuation) is cut into pieces of at most MaxTokens
// tokens, each marked Cut but the last, so that the later stages, some of
// whose work grows faster than linearly with a sentence's length, stay
// linear in the size of the text. News sentences are far shorter: the
// longest of the evaluation articles has 91 tokens.
const MaxTokens = 150

// appendBounded appends the sentence of tokens [start, end) to out, cut
// into pieces of at most MaxTokens tokens when it is longer.
func appendBounded(out []nlp.Sentence, toks []nlp.Token, start, end int) []nlp.Sentence {
	for end-start > MaxTokens {
		cut := cutPoint(toks, start)
		out = append(out, nlp.Sentence{
			Start: start, End: cut,
			CharStart: toks[start].Start, CharEnd: toks[cut-1].End, Cut: true,
		})
		start = cut
	}
	return append(out, nlp.Sentence{
		Start: start, End: end,
		CharStart: toks[start].Start, CharEnd: toks[end-1].End,
	})
}

// cutPoint returns where an overlong run of tokens that starts at
// toks[start] is cut: after the last comma, semicolon, colon or dash in the
// second half of its first MaxTokens tokens, so that a piece ends at a
// clause boundary when it can, or else after MaxTokens tokens.
func cutPoint(toks []nlp.Token, start int) int {
	for i := start + MaxTokens - 1; i >= start+MaxTokens/2; i-- {
		if t := toks[i].Text; t == "," || t == ";" || t == ":" || isDash(t) {
			return i + 1
		}
	}
	return start + MaxTokens
}

// endsAfterMark decides whether the terminal mark (followed by closing
// quotes when quoted) ends the sentence, given the last token of the
// candidate sentence and the next token.
func endsAfterMark(text, mark string, quoted bool, last, next nlp.Token) bool {
	if strings.Contains(text[last.End:next.Start], "\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	if strings.ContainsRune(",;:", r) {
		return false
	}
	if isURL(next.Text) {
		return true
	}
	if !unicode.IsLower(r) {
		return true
	}
	return !quoted && !isEllipsis(mark)
}

// softBreak reports whether a sentence that started at toks[start] ends
// after toks[i] although no terminal mark or line break says so: after a
// dateline ("ISLAMABAD (AP) -") or a salutation ("Kay -", "Jill:") that
// opens a line, a letter's greeting or closing ("Dear All,", "Thanks,"),
// an e-mail header's address, date or time ("Kay Mann 04/26/2001 07:17
// AM"), or an attachment marker (">>") before a new capitalized word.
func softBreak(text string, toks []nlp.Token, start, i int) bool {
	cur, next := toks[i].Text, toks[i+1].Text
	r, _ := utf8.DecodeRuneInString(next)
	upper := unicode.IsUpper(r)
	switch {
	case isDash(cur) && (toks[i].SpaceAfter || i > 0 && toks[i-1].SpaceAfter):
		// A dash, not a hyphen inside a compound ("Saudi-led").
		if i == start {
			return upper && cur == "--" && startsLine(text, toks[i]) // a signature separator
		}
		return upper && (isDateline(toks[start:i]) || isSalutation(toks[start:i]) && startsLine(text, toks[start]))
	case cur == ",":
		return upper && i-start <= 3 && (closings[strings.ToLower(toks[start].Text)] || greetings[strings.ToLower(toks[start].Text)])
	case cur == ":":
		return upper && i-start <= 3 && isSalutation(toks[start:i]) && startsLine(text, toks[start])
	case cur == "AM" || cur == "PM":
		return !unicode.IsLower(r) && i > start && strings.Contains(toks[i-1].Text, ":") && isDigit(toks[i-1].Text)
	case cur == ">>":
		return upper || isDash(next)
	case isAddress(cur) || cur == ">" && i > start && isAddress(toks[i-1].Text):
		return upper || unicode.IsDigit(r) || isAddress(next)
	}
	if isRule(cur) && !unicode.IsLower(r) {
		return true
	}
	if i+2 < len(toks) && isDate(next) && isDigit(toks[i+2].Text) && strings.Contains(toks[i+2].Text, ":") {
		return upper || unicode.IsUpper(firstRune(cur))
	}
	return false
}

// startsLine reports whether only spaces precede tok on its line.
func startsLine(text string, tok nlp.Token) bool {
	for i := tok.Start; i > 0; {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		i -= w
	}
	return true
}

// isSalutation reports whether tokens are a short run of capitalized names
// ("Jill", "Steve, Rod and Elyse", "Good Morning Debra").
func isSalutation(toks []nlp.Token) bool {
	if len(toks) == 0 || len(toks) > 6 {
		return false
	}
	for _, t := range toks {
		if t.Text != "," && t.Text != "and" && !unicode.IsUpper(firstRune(t.Text)) {
			return false
		}
	}
	return true
}

// isRule reports whether a token is a separator line ("=====", "*****").
func isRule(tok string) bool {
	if len(tok) < 4 || strings.IndexByte("=_*~#+-", tok[0]) < 0 {
		return false
	}
	return strings.Count(tok, tok[:1]) == len(tok)
}

// isDate reports whether a token is a numeric date ("08/16/2000").
func isDate(tok string) bool {
	return isDigit(tok) && strings.Count(tok, "/") == 2
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isDateline reports whether the tokens before a dash are a news dateline:
// a place in capitals, optionally followed by a comma and a few capitalized
// words or numbers (a state, country or date), optionally followed by an
// agency in parentheses: "ISLAMABAD (AP)", "NEW DELHI", "KYIV, Ukraine
// (AP)", "WASHINGTON, March 3 (Reuters)", "PORT-AU-PRINCE, Haiti (AP)" (the
// place's hyphens written without spaces), "KINSHASA, Democratic Republic
// of Congo (AFP)". A single capitalized word with
// nothing after it ("NATO -") is not one.
func isDateline(toks []nlp.Token) bool {
	caps := 0
	for len(toks) > 0 && isCaps(toks[0].Text) {
		caps++
		// "PORT-AU-PRINCE", "GUINEA-BISSAU": hyphens inside the place.
		if len(toks) > 2 && !toks[0].SpaceAfter && toks[1].Text == "-" && !toks[1].SpaceAfter && isCaps(toks[2].Text) {
			toks = toks[1:]
		}
		toks = toks[1:]
	}
	if caps == 0 || caps > 4 {
		return false
	}
	rest := 0
	if len(toks) > 1 && toks[0].Text == "," {
		toks = toks[1:]
		for len(toks) > 0 && rest < 6 && (unicode.IsUpper(firstRune(toks[0].Text)) || isDigit(toks[0].Text) ||
			rest > 0 && len(toks) > 1 && nameConnectors[toks[0].Text] && (unicode.IsUpper(firstRune(toks[1].Text)) || nameConnectors[toks[1].Text])) {
			rest++
			toks = toks[1:]
		}
		if rest == 0 {
			return false
		}
	}
	if len(toks) == 3 && toks[0].Text == "(" && toks[2].Text == ")" {
		return true
	}
	return len(toks) == 0 && (caps > 1 || rest > 0)
}

// nameConnectors are the lower-case words inside a country's name in a
// dateline ("Democratic Republic of Congo", "Bosnia and Herzegovina").
var nameConnectors = map[string]bool{"of": true, "the": true, "and": true}

// isCaps reports whether a word is written in capitals ("ISLAMABAD", "AP").
func isCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// isDash reports whether a token is a dash.
func isDash(tok string) bool {
	switch tok {
	case "-", "--", "—", "–":
		return true
	}
	return false
}

// isDigit reports whether a token starts with a digit.
func isDigit(tok string) bool { return tok != "" && '0' <= tok[0] && tok[0] <= '9' }

// isAddress reports whether a token is an e-mail address or a URL.
func isAddress(tok string) bool {
	if at := strings.IndexByte(tok, '@'); at > 0 && strings.Contains(tok[at:], ".") {
		return true
	}
	return isURL(tok)
}

// isURL reports whether a token is a web address.
func isURL(tok string) bool {
	return strings.HasPrefix(tok, "http://") || strings.HasPrefix(tok, "https://") || strings.HasPrefix(tok, "www.")
}

// closings and greetings open the lines of a letter that end in a comma
// and stand as sentences of their own ("Best regards," "Dear Sir,").
var (
	closings = map[string]bool{
		"thanks": true, "thank": true, "regards": true, "best": true,
		"sincerely": true, "cheers": true, "love": true, "yours": true,
		"respectfully": true, "cordially": true, "kind": true, "warm": true,
		"kindest": true, "many": true, "warmest": true,
	}
	greetings = map[string]bool{
		"dear": true, "hi": true, "hello": true, "hey": true,
		"greetings": true,
	}
)

// paragraphBreak reports whether the line break, if any, between tokens
// last and next separates paragraphs. In a hard-wrapped text (wrap > 0)
// only a blank line or a line break after a short line does; otherwise
// every line break does.
func paragraphBreak(text string, wrap int, last, next nlp.Token) bool {
	gap := text[last.End:next.Start]
	nl := strings.IndexByte(gap, '\n')
	if nl < 0 {
		return false
	}
	if wrap == 0 || strings.Contains(gap[nl+1:], "\n") {
		return true
	}
	lineStart := strings.LastIndexByte(text[:last.End], '\n') + 1
	return utf8.RuneCountInString(text[lineStart:last.End])*10 < wrap*7
}

// wrapWidth returns the width at which text is hard-wrapped, or 0 when it
// is not: when it has at least minWrapped lines, the longest has between
// minWrap and maxWrap runes, and most lines are nearly as long as the
// longest.
func wrapWidth(text string) int {
	var lens []int
	longest := 0
	for line := range strings.Lines(text) {
		n := utf8.RuneCountInString(strings.TrimRightFunc(line, unicode.IsSpace))
		if n == 0 {
			continue
		}
		lens = append(lens, n)
		longest = max(longest, n)
	}
	if len(lens) < minWrapped || longest < minWrap || longest > maxWrap {
		return 0
	}
	full := 0
	for _, n := range lens {
		if n*10 >= longest*7 {
			full++
		}
	}
	if full*2 <= len(lens) {
		return 0
	}
	return longest
}

// isTerminal reports whether a token ends a sentence by itself: a run of
// periods, question and exclamation marks, or an ellipsis.
func isTerminal(tok string) bool {
	if tok == "" {
		return false
	}
	for _, r := range tok {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

// isEllipsis reports whether a terminal token is an ellipsis, after which a
// lower-case word continues the sentence.
func isEllipsis(tok string) bool {
	return strings.HasPrefix(tok, "..") || strings.HasPrefix(tok, "…")
}

// isCloser reports whether a token closes a quotation or bracket.
func isCloser(tok string) bool {
	switch tok {
	case ")", "]", "}", "\"", "'", "”", "’", "»", "''", "’’":
		return true
	}
	return false
}

// isEmoticon reports whether a token is an emoticon, which after a terminal
// mark belongs to the sentence it closes.
func isEmoticon(tok string) bool {
	switch tok {
	case ":)", ":-)", ":(", ":-(", ";)", ";-)", ":P", ":p", ":D", ":-D", "=)", ":/":
		return true
	}
	return false
}

// isListMarker reports whether a token followed by a period at the start of
// a sentence numbers a list item ("1.", "b."): the period does not end a
// sentence there.
func isListMarker(tok string) bool {
	if len(tok) == 1 {
		return true
	}
	for _, r := range tok {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(tok) <= 3
}
