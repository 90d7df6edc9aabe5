package ner

import (
	"context"
	"fmt"
	"io"
)

// Counts are exact-span match counts: a predicted span is correct when a
// gold span has the same start, end and label.
type Counts struct {
	Correct, Predicted, Gold int
}

// Precision is Correct/Predicted (0 when nothing was predicted).
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold (0 when there is no gold span).
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of Precision and Recall (0 when both are 0).
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are the results of an evaluation over PER, ORG and LOC.
type Scores struct {
	// All counts spans of every label.
	All Counts
	// ByLabel counts spans per label ("PER", "ORG", "LOC").
	ByLabel map[string]Counts
	// Sentences is the number of sentences evaluated.
	Sentences int
}

// String formats s as one line:
// "f1=0.xxx per=0.xxx org=0.xxx loc=0.xxx p=0.xxx r=0.xxx sentences=N"
// (per, org and loc are per-label F1).
func (s Scores) String() string {
	return fmt.Sprintf("f1=%.3f per=%.3f org=%.3f loc=%.3f p=%.3f r=%.3f sentences=%d",
		s.All.F1(), s.ByLabel["PER"].F1(), s.ByLabel["ORG"].F1(), s.ByLabel["LOC"].F1(),
		s.All.Precision(), s.All.Recall(), s.Sentences)
}

// Evaluate tags the sentences of a Universal NER .iob2 file read from r
// (see ReadIOB2) with kg's tagger and rec, on the file's own tokens, and
// scores the predicted spans against the gold ones.
func Evaluate(ctx context.Context, rec *Recognizer, r io.Reader) (Scores, error) {
	sents, err := ReadIOB2(r)
	if err != nil {
		return Scores{}, fmt.Errorf("ner: evaluate: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return Scores{}, fmt.Errorf("ner: evaluate: %w", err)
	}
	return Score(rec, sents), nil
}

// Score tags sents with rec (and with kg's tagger those without XPOS),
// document by document as Process does (consecutive sentences with the
// same Doc), and scores the predicted spans against their gold tags.
func Score(rec *Recognizer, sents []Sentence) Scores {
	s := Scores{ByLabel: make(map[string]Counts), Sentences: len(sents)}
	dec := newDecoder(rec.model, rec.lexicon)
	for start := 0; start < len(sents); {
		end := start + 1
		for end < len(sents) && sents[end].Doc == sents[start].Doc {
			end++
		}
		doc := sents[start:end]
		words := make([][]string, len(doc))
		pred := make([][]string, len(doc))
		for i, sent := range doc {
			pos := sent.XPOS
			if pos == nil {
				_, pos = rec.tagger.Tag(sent.Words)
			}
			words[i] = sent.Words
			pred[i] = dec.bio(sent.Words, pos)
		}
		propagate(words, pred)
		for i, sent := range doc {
			s.add(spansOf(sent.Tags), spansOf(pred[i]))
		}
		start = end
	}
	for _, c := range s.ByLabel {
		s.All.Correct += c.Correct
		s.All.Predicted += c.Predicted
		s.All.Gold += c.Gold
	}
	return s
}

// add counts one sentence's gold and predicted spans in s.ByLabel.
func (s *Scores) add(gold, pred []Span) {
	isGold := make(map[Span]bool, len(gold))
	for _, g := range gold {
		if !scored(g.Label) {
			continue
		}
		isGold[g] = true
		c := s.ByLabel[g.Label]
		c.Gold++
		s.ByLabel[g.Label] = c
	}
	for _, p := range pred {
		if !scored(p.Label) {
			continue
		}
		c := s.ByLabel[p.Label]
		c.Predicted++
		if isGold[p] {
			c.Correct++
		}
		s.ByLabel[p.Label] = c
	}
}
