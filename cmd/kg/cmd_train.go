package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract/nlptrain"
)

func newTrainCommand() *cli.Command {
	opts := nlptrain.DefaultOptions()
	return &cli.Command{
		Name:  "train",
		Usage: "train the tagger, lemmatizer and parser on UD English EWT",
		Description: `Trains the part-of-speech tagger, the lemmatizer and the dependency parser
on DATA/ud-english-ewt/en_ewt-ud-train.conllu, using the dev file to pick the
parser's best epoch, then trains them again on train and dev together with
that epoch count, and writes the model files to OUT (extract/model, which the
binary embeds). The test file is never read. Progress goes to stderr. Runs
are reproducible: the same options give the same files. See docs/nlp.md.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "data", Value: opts.DataDir, Usage: "shared data `DIR` holding ud-english-ewt/", Destination: &opts.DataDir},
			&cli.StringFlag{Name: "out", Value: opts.OutDir, Usage: "output `DIR`", Destination: &opts.OutDir},
			&cli.IntFlag{Name: "tag-epochs", Value: opts.TagEpochs, Usage: "tagger training passes", Destination: &opts.TagEpochs},
			&cli.IntFlag{Name: "parse-epochs", Value: opts.ParseEpochs, Usage: "parser training passes", Destination: &opts.ParseEpochs},
			&cli.IntFlag{Name: "folds", Value: opts.Folds, Usage: "jackknife folds for the parser's training tags", Destination: &opts.Folds},
			&cli.Uint64Flag{Name: "seed", Value: opts.Seed, Usage: "random seed", Destination: &opts.Seed},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("train: unexpected argument %q", c.Args().First())
			}
			if opts.TagEpochs < 1 || opts.ParseEpochs < 1 || opts.Folds < 2 {
				return usagef("train: --tag-epochs and --parse-epochs must be at least 1, --folds at least 2")
			}
			return runTrain(c.Context, opts, c.App.ErrWriter)
		},
	}
}

// runTrain trains the models and writes their files.
func runTrain(ctx context.Context, opts nlptrain.Options, log io.Writer) error {
	opts.Log = log
	if err := nlptrain.Run(ctx, opts); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	return nil
}
