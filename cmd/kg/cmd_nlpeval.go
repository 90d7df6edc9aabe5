package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/nlpeval"
	"github.com/kg-project/kg/extract/nlptrain"
	"github.com/kg-project/kg/extract/pipeline"
)

// NLPEvalOptions are the options of kg nlp-eval.
type NLPEvalOptions struct {
	// Treebank is the CoNLL-U file to score against.
	Treebank string
	// Raw makes the pipeline tokenize and split the text itself.
	Raw bool
}

func newNLPEvalCommand() *cli.Command {
	opts := NLPEvalOptions{}
	return &cli.Command{
		Name:  "nlp-eval",
		Usage: "score the tagger, lemmatizer and parser on a CoNLL-U treebank",
		Description: `Runs the pipeline on FILE.conllu and prints one final line:

   NLP upos=… xpos=… lemma=… uas=… las=… sentences=N tokens=N tokens_per_s=N

With gold tokenization (the default) the scores are accuracies over the
treebank's words. With --raw the pipeline also tokenizes and splits the text
rebuilt from the "# text" lines, the scores are F1 over words aligned by
character span, and the line adds sentence_f1=… token_f1=…. LAS follows
CoNLL 2018: punctuation counts, relation subtypes are ignored.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "treebank", Usage: "gold CoNLL-U `FILE`", Destination: &opts.Treebank},
			&cli.BoolFlag{Name: "raw", Usage: "tokenize and split the raw text too", Destination: &opts.Raw},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("nlp-eval: unexpected argument %q", c.Args().First())
			}
			if opts.Treebank == "" {
				return usagef("nlp-eval: --treebank is required")
			}
			return runNLPEval(c.Context, opts, c.App.Writer)
		},
	}
}

// runNLPEval scores the pipeline and prints the summary line.
func runNLPEval(ctx context.Context, opts NLPEvalOptions, stdout io.Writer) error {
	sents, err := nlptrain.ReadTreebank(ctx, opts.Treebank)
	if err != nil {
		return fmt.Errorf("nlp-eval: %w", err)
	}
	m, err := model.Load()
	if err != nil {
		return fmt.Errorf("nlp-eval: %w", err)
	}
	p := pipeline.New(m)
	score := nlpeval.Gold
	if opts.Raw {
		score = nlpeval.Raw
	}
	r, err := score(ctx, p, sents)
	if err != nil {
		return fmt.Errorf("nlp-eval: %w", err)
	}
	fmt.Fprintln(stdout, r.Line())
	return nil
}
