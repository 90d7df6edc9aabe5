// Package segment splits a tokenized text into sentences.
//
// The splitter is rule-based. The hard decision, whether a period ends a
// sentence, is already taken by the tokenizer (package tokenize): it keeps
// an abbreviation's period inside the token ("Feb.", "U.S.") and splits it
// off only when the abbreviation ends the sentence. A stand-alone ".", "!"
// or "?" is therefore nearly always a sentence end, and what remains is
// layout and quotation, which a few rules capture exactly. A learned model
// would need sentence-segmented news text to train on, and EWT web text
// (emails, reviews, forums) teaches habits news does not have; rules are
// also easy to read and to fix.
//
// A sentence ends:
//   - after a terminal mark (". ! ? ?! ..."), together with the closing
//     quotes and brackets attached to it (`He said “stop.” Then` breaks
//     after ”), unless the next word starts in lower case after such a
//     quote (`“Stop!” he said` is one sentence) or after an ellipsis;
//   - at a paragraph break: a blank line, or a single line break unless the
//     text is evidently hard-wrapped there (a long line running on into a
//     lower-case word). Headlines, datelines and list items are lines
//     without final punctuation and so become sentences of their own.
package segment

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/nlp"
)

// wrapWidth is the line length from which a line break followed by a
// lower-case word is read as hard wrapping inside a paragraph rather than
// a paragraph break.
const wrapWidth = 40

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
	start := 0
	for i := 0; i < len(toks); i++ {
		end := i
		if isTerminal(toks[i].Text) && !(i == start+1 && toks[i].Text == "." && isListMarker(toks[start].Text)) {
			quoted := false
			for end+1 < len(toks) {
				nx := toks[end+1].Text
				if isTerminal(nx) || isEmoticon(nx) {
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
		} else if end+1 < len(toks) && !paragraphBreak(text, toks[end], toks[end+1]) && !softBreak(toks, start, end) {
			continue
		}
		out = append(out, nlp.Sentence{
			Start: start, End: end + 1,
			CharStart: toks[start].Start, CharEnd: toks[end].End,
		})
		start = end + 1
		i = end
	}
	return out
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
	if !unicode.IsLower(r) {
		return true
	}
	return !quoted && !isEllipsis(mark)
}

// softBreak reports whether a sentence that started at toks[start] ends
// after toks[i] although no terminal mark or line break says so: after a
// dateline ("ISLAMABAD (AP) -"), a letter's greeting or closing ("Dear
// All,", "Thanks,"), an e-mail header's address or time ("... 08:02 PM")
// before a capitalized word.
func softBreak(toks []nlp.Token, start, i int) bool {
	cur, next := toks[i].Text, toks[i+1].Text
	r, _ := utf8.DecodeRuneInString(next)
	upper := unicode.IsUpper(r)
	switch {
	case isDash(cur):
		return upper && isDateline(toks[start:i])
	case cur == ",":
		return upper && i-start <= 3 && (closings[strings.ToLower(toks[start].Text)] || greetings[strings.ToLower(toks[start].Text)])
	case cur == "AM" || cur == "PM":
		return i > start && strings.Contains(toks[i-1].Text, ":") && isDigit(toks[i-1].Text)
	case isAddress(cur):
		return upper || unicode.IsDigit(r)
	}
	return false
}

// isDateline reports whether the tokens before a dash are a news dateline:
// a place in capitals, optionally followed by an agency in parentheses.
func isDateline(toks []nlp.Token) bool {
	caps := 0
	for len(toks) > 0 && isCaps(toks[0].Text) {
		caps++
		toks = toks[1:]
	}
	if caps == 0 || caps > 4 {
		return false
	}
	if len(toks) == 3 && toks[0].Text == "(" && toks[2].Text == ")" {
		return true
	}
	return len(toks) == 0 && caps > 1
}

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
	return strings.HasPrefix(tok, "http") || strings.HasPrefix(tok, "www.")
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
// last and next separates paragraphs.
func paragraphBreak(text string, last, next nlp.Token) bool {
	gap := text[last.End:next.Start]
	nl := strings.IndexByte(gap, '\n')
	if nl < 0 {
		return false
	}
	if strings.Contains(gap[nl+1:], "\n") {
		return true // blank line
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	if !unicode.IsLower(r) {
		return true
	}
	lineStart := strings.LastIndexByte(text[:last.End], '\n') + 1
	return last.End-lineStart < wrapWidth
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
