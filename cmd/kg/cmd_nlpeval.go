package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/ner"
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
	// NER is a Universal NER .iob2 file to score the entity recognizer on,
	// instead of a treebank.
	NER string
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

With --ner FILE.iob2 instead of --treebank, the entity recognizer runs on
the file's tokens and the line is

   NER f1=… per=… org=… loc=… p=… r=… sentences=N

(exact span match over PER, ORG and LOC; per, org and loc are F1).

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "treebank", Usage: "gold CoNLL-U `FILE`", Destination: &opts.Treebank},
			&cli.BoolFlag{Name: "raw", Usage: "tokenize and split the raw text too", Destination: &opts.Raw},
			&cli.StringFlag{Name: "ner", Usage: "score entity recognition on a Universal NER `FILE.iob2`", Destination: &opts.NER},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("nlp-eval: unexpected argument %q", c.Args().First())
			}
			if (opts.Treebank == "") == (opts.NER == "") {
				return usagef("nlp-eval: give exactly one of --treebank and --ner")
			}
			if opts.NER != "" {
				return runNLPEvalNER(c.Context, opts.NER, c.App.Writer)
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

// runNLPEvalNER scores the entity recognizer on a .iob2 file and prints the
// summary line.
func runNLPEvalNER(ctx context.Context, path string, stdout io.Writer) error {
	rec, err := ner.Load()
	if err != nil {
		return fmt.Errorf("nlp-eval: %w", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("nlp-eval: %w", err)
	}
	defer f.Close()
	sc, err := ner.Evaluate(ctx, rec, f)
	if err != nil {
		return fmt.Errorf("nlp-eval: %s: %w", path, err)
	}
	fmt.Fprintln(stdout, "NER "+sc.String())
	return nil
}
