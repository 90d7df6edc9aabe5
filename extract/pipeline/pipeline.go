// Package pipeline runs kg's linguistic analysis of a text: tokenization,
// sentence splitting, part-of-speech tagging, lemmatization and dependency
// parsing, in that order, over one nlp.Document.
package pipeline

import (
	"context"
	"fmt"

	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/segment"
	"github.com/kg-project/kg/extract/tokenize"
)

// Pipeline is the sequence of stages. It is safe for concurrent use.
type Pipeline struct {
	split    []nlp.Stage // tokenize, segment
	annotate []nlp.Stage // tag, lemma, parse
}

// New returns the pipeline over the trained models m.
//
// Stages given as beforeParse run after tagging and lemmatization and
// before parsing: the recognizer, whose names can correct the tags the
// parser reads.
func New(m *model.Models, beforeParse ...nlp.Stage) *Pipeline {
	annotate := append([]nlp.Stage{m.Tagger, m.Lemmatizer}, beforeParse...)
	return &Pipeline{
		split:    []nlp.Stage{tokenize.New(), segment.New()},
		annotate: append(annotate, m.Parser),
	}
}

// Run analyzes text and returns the annotated document.
func (p *Pipeline) Run(ctx context.Context, text string) (*nlp.Document, error) {
	d := &nlp.Document{Text: text}
	if err := run(ctx, p.split, d); err != nil {
		return nil, err
	}
	if err := p.Annotate(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// Annotate tags, lemmatizes and parses a document whose Tokens and
// Sentences are already set (a treebank's gold tokenization, for example).
func (p *Pipeline) Annotate(ctx context.Context, d *nlp.Document) error {
	return run(ctx, p.annotate, d)
}

func run(ctx context.Context, stages []nlp.Stage, d *nlp.Document) error {
	for _, s := range stages {
		if err := s.Process(ctx, d); err != nil {
			return fmt.Errorf("pipeline: %w", err)
		}
	}
	return nil
}
