// Package align scores tokenization and sentence splitting against a
// treebank by character offsets, in the manner of the CoNLL 2018 shared
// task: the raw text of each treebank document is rebuilt from its
// sentences' "# text" lines, the gold tokens and sentences are located in
// it as byte spans, and a system span is correct when both its start and
// its end equal those of a gold span.
//
// The unit of tokenization is the syntactic word, because that is what
// kg's tokenizer emits and the tagger and parser consume: a multiword token
// whose words spell it out ("didn't" = did + n't) contributes one span per
// word; one whose words do not (none in EWT r2.16) contributes a single span
// for the whole surface token.
package align

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/nlp"
)

// Span is the half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Document is the raw text of one treebank document with its gold spans.
type Document struct {
	// Text joins the sentences of a paragraph with a space and starts each
	// new paragraph on a new line.
	Text string
	// Sentences and Tokens are the gold spans in Text.
	Sentences, Tokens []Span
	// Origins[i] says where Tokens[i] comes from in the treebank.
	Origins []Origin
}

// Origin locates a gold token span in the sentences given to Rebuild.
type Origin struct {
	// Sentence is the index of the sentence in Rebuild's argument.
	Sentence int
	// First and Last are the 0-based indices in the sentence's Words of the
	// words the span covers (First == Last unless a multiword token does
	// not spell out its words).
	First, Last int
}

// Rebuild groups treebank sentences into documents (a new one at each
// "# newdoc"), rebuilds their raw text from the "# text" comments and
// locates the gold tokens and sentences in it. It fails when a word form
// cannot be found in its sentence's text.
func Rebuild(sents []*conllu.Sentence) ([]Document, error) {
	var docs []Document
	var text strings.Builder
	var cur *Document
	for i, s := range sents {
		if cur == nil || s.NewDoc() {
			if cur != nil {
				cur.Text = text.String()
			}
			docs = append(docs, Document{})
			cur = &docs[len(docs)-1]
			text.Reset()
		} else if s.NewPar() {
			text.WriteByte('\n')
		} else {
			text.WriteByte(' ')
		}
		base := text.Len()
		st := strings.TrimSpace(s.Text())
		text.WriteString(st)
		if err := locate(cur, i, s, st, base); err != nil {
			return nil, fmt.Errorf("sentence %s: %w", s.ID(), err)
		}
		cur.Sentences = append(cur.Sentences, Span{base, base + len(st)})
	}
	if cur != nil {
		cur.Text = text.String()
	}
	return docs, nil
}

// locate finds the words of sentence number si, whose text st starts at
// byte base of the document, and appends their spans to d.
func locate(d *Document, si int, s *conllu.Sentence, st string, base int) error {
	pos := 0
	mw := 0
	for i := 0; i < len(s.Words); i++ {
		form, first, last := s.Words[i].Form, i, i
		for mw < len(s.MultiWords) && s.MultiWords[mw].Last < s.Words[i].ID {
			mw++
		}
		if mw < len(s.MultiWords) && s.MultiWords[mw].First == s.Words[i].ID {
			form, last = s.MultiWords[mw].Form, min(s.MultiWords[mw].Last-1, len(s.Words)-1)
		}
		for pos < len(st) {
			r, w := utf8.DecodeRuneInString(st[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += w
		}
		if !strings.HasPrefix(st[pos:], form) {
			k := strings.Index(st[pos:], form)
			if k < 0 || form == "" {
				return fmt.Errorf("form %q not found after byte %d", form, pos)
			}
			pos += k
		}
		if words := s.Words[first : last+1]; last > first && spellsOut(form, words) {
			p := pos
			for j, w := range words {
				d.Tokens = append(d.Tokens, Span{base + p, base + p + len(w.Form)})
				d.Origins = append(d.Origins, Origin{si, first + j, first + j})
				p += len(w.Form)
			}
		} else {
			d.Tokens = append(d.Tokens, Span{base + pos, base + pos + len(form)})
			d.Origins = append(d.Origins, Origin{si, first, last})
		}
		pos += len(form)
		i = last
	}
	return nil
}

// spellsOut reports whether the words of a multiword token, concatenated,
// are its surface form up to letter case.
func spellsOut(form string, words []conllu.Word) bool {
	n := 0
	for _, w := range words {
		if w.Form == "" || n+len(w.Form) > len(form) || !strings.EqualFold(w.Form, form[n:n+len(w.Form)]) {
			return false
		}
		n += len(w.Form)
	}
	return n == len(form)
}

// TokenSpans returns the spans of d's tokens.
func TokenSpans(d *nlp.Document) []Span {
	out := make([]Span, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = Span{t.Start, t.End}
	}
	return out
}

// SentenceSpans returns the character spans of d's sentences.
func SentenceSpans(d *nlp.Document) []Span {
	out := make([]Span, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = Span{s.CharStart, s.CharEnd}
	}
	return out
}

// Align maps each gold span to the index of the system span with the same
// start and end, or -1. Both slices must be sorted by start, as token and
// sentence spans are.
func Align(gold, system []Span) []int {
	out := make([]int, len(gold))
	j := 0
	for i, g := range gold {
		for j < len(system) && system[j].Start < g.Start {
			j++
		}
		out[i] = -1
		for k := j; k < len(system) && system[k].Start == g.Start; k++ {
			if system[k].End == g.End {
				out[i] = k
				break
			}
		}
	}
	return out
}

// Score counts gold spans, system spans and exact matches; scores over
// several documents add up.
type Score struct {
	Gold, System, Correct int
}

// Add counts one document's gold and system spans (each sorted by start).
func (s *Score) Add(gold, system []Span) {
	s.Gold += len(gold)
	s.System += len(system)
	for _, k := range Align(gold, system) {
		if k >= 0 {
			s.Correct++
		}
	}
}

// Precision is Correct/System (0 when there are no system spans).
func (s Score) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall is Correct/Gold (0 when there are no gold spans).
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
