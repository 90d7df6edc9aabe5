// Package ner recognizes named entities: a greedy left-to-right averaged
// perceptron over BILOU classes that tags each token of a document with a
// BIO tag over PER, ORG and LOC (nlp.Token.NER), and Spans turns the tags
// into typed token spans.
//
// The model is trained by Train on Universal NER English EWT and wikigold
// (see docs/ner.md) and embedded in the binary; Load returns it.
package ner

import (
	"context"
	"fmt"
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/extract/tag"
)

// Recognizer is the entity-recognition stage. It requires Tokens,
// Sentences and XPOS (from kg's tagger) and fills Token.NER with a BIO tag:
// "B-" or "I-" followed by PER, ORG, LOC or MISC (other names:
// nationalities, events, works, products), or "O". It is safe for
// concurrent use.
type Recognizer struct {
	model   *perceptron.Model
	lexicon *lexicon
	tagger  *tag.Tagger // for Tag and Evaluate, which start from bare words
}

// newRecognizer wraps a model whose classes are the BILOU classes.
func newRecognizer(m *perceptron.Model, lex *lexicon, t *tag.Tagger) (*Recognizer, error) {
	want := bilouClasses()
	got := m.Classes()
	if strings.Join(got, " ") != strings.Join(want, " ") {
		return nil, fmt.Errorf("ner model classes %q, want %q", got, want)
	}
	return &Recognizer{model: m, lexicon: lex, tagger: t}, nil
}

// Name returns "ner".
func (r *Recognizer) Name() string { return "ner" }

// Process tags every token of d (Token.NER), one sentence at a time, then
// makes the tags consistent across the document (see propagate).
func (r *Recognizer) Process(ctx context.Context, d *nlp.Document) error {
	dec := newDecoder(r.model, r.lexicon)
	words := make([][]string, len(d.Sentences))
	tags := make([][]string, len(d.Sentences))
	var pos []string
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("ner: %w", err)
			}
		}
		pos = pos[:0]
		for k, t := range d.Tokens[s.Start:s.End] {
			if t.XPOS == "" {
				return fmt.Errorf("ner: token %d (%q) has no XPOS: run the tagger first", s.Start+k, t.Text)
			}
			words[si] = append(words[si], t.Text)
			pos = append(pos, t.XPOS)
		}
		tags[si] = dec.bio(words[si], pos)
	}
	propagate(words, tags)
	for si, s := range d.Sentences {
		r.lexicon.joinHyphenated(d, s.Start, tags[si])
		for k, t := range tags[si] {
			d.Tokens[s.Start+k].NER = t
		}
	}
	return nil
}

// Tag returns the BIO tags of one tokenized sentence, tagging it for part
// of speech first.
func (r *Recognizer) Tag(words []string) []string {
	_, pos := r.tagger.Tag(words)
	return newDecoder(r.model, r.lexicon).bio(words, pos)
}

// Span is an entity mention: tokens [Start, End) with label PER, ORG or LOC.
type Span struct {
	Start, End int
	Label      string
}

// Spans returns the entity spans of d's BIO tags (Token.NER) in token
// order, with indices into d.Tokens. A span never crosses a sentence
// boundary; an I- tag that does not continue a span starts one.
func Spans(d *nlp.Document) []Span {
	var out []Span
	for _, s := range d.Sentences {
		tags := make([]string, s.Len())
		for k, t := range d.Tokens[s.Start:s.End] {
			tags[k] = t.NER
		}
		for _, sp := range spansOf(tags) {
			out = append(out, Span{Start: s.Start + sp.Start, End: s.Start + sp.End, Label: sp.Label})
		}
	}
	return out
}

// spansOf returns the spans of one sentence's BIO tags.
func spansOf(tags []string) []Span {
	var out []Span
	open := -1 // index in out of the span that may continue
	for i, t := range tags {
		move, label, ok := strings.Cut(t, "-")
		if !ok || (move != "B" && move != "I") {
			open = -1
			continue
		}
		if move == "I" && open >= 0 && out[open].Label == label && out[open].End == i {
			out[open].End = i + 1
			continue
		}
		out = append(out, Span{Start: i, End: i + 1, Label: label})
		open = len(out) - 1
	}
	return out
}
