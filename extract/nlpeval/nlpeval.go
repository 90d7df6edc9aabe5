// Package nlpeval scores kg's linguistic pipeline against a Universal
// Dependencies treebank.
//
// With gold tokenization (Gold) the pipeline tags, lemmatizes and parses
// the treebank's own words, and every score is an accuracy over words.
// With raw text (Raw) the pipeline also tokenizes and splits sentences: the
// text of each treebank document is rebuilt from its "# text" lines (see
// extract/align), system tokens are aligned to gold words by exact
// character span, sentence and token F1 are reported, and every other
// score becomes an F1 over aligned words, as in the CoNLL 2018 shared
// task: correct/system is the precision, correct/gold the recall.
//
// Attachment scores follow the CoNLL 2018 convention: every word counts,
// punctuation included; LAS compares the universal part of relations only
// (subtypes after ":" are ignored), so "nsubj:pass" for "nsubj:pass" and
// "obl" for "obl:tmod" both count as correct labels.
package nlpeval

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kg-project/kg/extract/align"
	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/parse"
	"github.com/kg-project/kg/extract/pipeline"
)

// Result holds the scores of one evaluation.
type Result struct {
	UPOS, XPOS, Lemma, UAS, LAS float64
	Sentences, Tokens           int
	// TokensPerSecond is the pipeline's throughput over the whole run.
	TokensPerSecond float64
	// Raw is set by Raw, which also fills SentenceF1 and TokenF1.
	Raw                 bool
	SentenceF1, TokenF1 float64
}

// Line formats r as the one-line summary printed by `kg nlp-eval`.
func (r Result) Line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "NLP upos=%.3f xpos=%.3f lemma=%.3f uas=%.3f las=%.3f sentences=%d tokens=%d tokens_per_s=%.0f",
		r.UPOS, r.XPOS, r.Lemma, r.UAS, r.LAS, r.Sentences, r.Tokens, r.TokensPerSecond)
	if r.Raw {
		fmt.Fprintf(&b, " sentence_f1=%.3f token_f1=%.3f", r.SentenceF1, r.TokenF1)
	}
	return b.String()
}

// counts accumulates correct annotations.
type counts struct {
	upos, xpos, lemma, uas, las int
}

// word compares one system token with its gold word; headOK says whether
// the heads agree.
func (c *counts) word(sys nlp.Token, gold conllu.Word, headOK bool) {
	if sys.UPOS == gold.UPOS {
		c.upos++
	}
	if sys.XPOS == gold.XPOS {
		c.xpos++
	}
	if sys.Lemma == gold.Lemma {
		c.lemma++
	}
	if headOK {
		c.uas++
		if parse.Universal(sys.Dep) == parse.Universal(gold.Deprel) {
			c.las++
		}
	}
}

// Gold scores the pipeline's tagger, lemmatizer and parser on the
// treebank's own tokenization and sentences.
func Gold(ctx context.Context, p *pipeline.Pipeline, sents []*conllu.Sentence) (Result, error) {
	d := conllu.ToDocument(sents)
	start := time.Now()
	if err := p.Annotate(ctx, d); err != nil {
		return Result{}, err
	}
	elapsed := time.Since(start)
	var c counts
	k := 0
	for _, s := range sents {
		base := k
		for _, w := range s.Words {
			sys := d.Tokens[k]
			headOK := sys.Head == -1 && w.Head == 0 || sys.Head >= 0 && sys.Head-base+1 == w.Head
			c.word(sys, w, headOK)
			k++
		}
	}
	n := float64(max(k, 1))
	return Result{
		UPOS: float64(c.upos) / n, XPOS: float64(c.xpos) / n, Lemma: float64(c.lemma) / n,
		UAS: float64(c.uas) / n, LAS: float64(c.las) / n,
		Sentences: len(sents), Tokens: k,
		TokensPerSecond: float64(k) / max(elapsed.Seconds(), 1e-9),
	}, nil
}

// Raw runs the whole pipeline on the raw text of the treebank's documents
// and scores it against the gold annotation.
func Raw(ctx context.Context, p *pipeline.Pipeline, sents []*conllu.Sentence) (Result, error) {
	docs, err := align.Rebuild(sents)
	if err != nil {
		return Result{}, err
	}
	var sentScore, tokScore align.Score
	var c counts
	var elapsed time.Duration
	sysTokens := 0
	for _, gd := range docs {
		start := time.Now()
		d, err := p.Run(ctx, gd.Text)
		if err != nil {
			return Result{}, err
		}
		elapsed += time.Since(start)
		sysTokens += len(d.Tokens)
		sysSpans := align.TokenSpans(d)
		sentScore.Add(gd.Sentences, align.SentenceSpans(d))
		tokScore.Add(gd.Tokens, sysSpans)

		// Gold word (sentence, index) → gold span index, for heads.
		spanOf := map[[2]int]int{}
		for i, o := range gd.Origins {
			if o.First == o.Last {
				spanOf[[2]int{o.Sentence, o.First}] = i
			}
		}
		toSys := align.Align(gd.Tokens, sysSpans)
		for gi, si := range toSys {
			o := gd.Origins[gi]
			if si < 0 || o.First != o.Last {
				continue
			}
			w := sents[o.Sentence].Words[o.First]
			sys := d.Tokens[si]
			var headOK bool
			if w.Head == 0 {
				headOK = sys.Head == -1
			} else if hg, ok := spanOf[[2]int{o.Sentence, w.Head - 1}]; ok {
				headOK = sys.Head >= 0 && toSys[hg] == sys.Head
			}
			c.word(sys, w, headOK)
		}
	}
	f1 := func(correct int) float64 {
		return 2 * float64(correct) / float64(max(tokScore.Gold+tokScore.System, 1))
	}
	return Result{
		UPOS: f1(c.upos), XPOS: f1(c.xpos), Lemma: f1(c.lemma), UAS: f1(c.uas), LAS: f1(c.las),
		Sentences: sentScore.Gold, Tokens: tokScore.Gold,
		TokensPerSecond: float64(sysTokens) / max(elapsed.Seconds(), 1e-9),
		Raw:             true, SentenceF1: sentScore.F1(), TokenF1: tokScore.F1(),
	}, nil
}
