package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract/ner"
)

// TrainNEROptions are the options of kg train-ner.
type TrainNEROptions struct {
	// DataDir is the shared data folder holding uner-english-ewt/ and wikigold/.
	DataDir string
	// OutDir receives the model file (ner.ModelFile).
	OutDir string
	// Iterations is the number of training passes.
	Iterations int
	// Folds is the number of jackknife folds for the training sentences' tags.
	Folds int
	// HoldOutDev keeps the EWT dev sentences out of training and scores them
	// after each pass (for tuning); by default they are trained on.
	HoldOutDev bool
}

func newTrainNERCommand() *cli.Command {
	opts := TrainNEROptions{}
	return &cli.Command{
		Name:  "train-ner",
		Usage: "train the named-entity recognizer on Universal NER English EWT and wikigold",
		Description: `Trains the averaged-perceptron recognizer on the provisional Universal NER
English EWT train file, the Universal NER English EWT dev file and wikigold
(part-of-speech tagged by kg's tagger, jackknifed over UD English EWT
train), and writes OUT/` + ner.ModelFile + `. With --hold-out-dev the dev file is left out of
training and scored after each pass on stderr, which is how the settings
were tuned.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "data", Value: "../shared/data", Usage: "shared data `DIR`", Destination: &opts.DataDir},
			&cli.StringFlag{Name: "out", Value: "extract/ner/model", Usage: "output `DIR`", Destination: &opts.OutDir},
			&cli.BoolFlag{Name: "hold-out-dev", Usage: "train without the EWT dev sentences and score them after each pass", Destination: &opts.HoldOutDev},
			&cli.IntFlag{Name: "folds", Value: 5, Usage: "jackknife folds for part-of-speech tags of the EWT training sentences", Destination: &opts.Folds},
			&cli.IntFlag{Name: "iterations", Value: ner.DefaultTrainOptions().Iterations, Usage: "training passes", Destination: &opts.Iterations},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("train-ner: unexpected argument %q", c.Args().First())
			}
			if opts.Iterations < 1 {
				return usagef("train-ner: --iterations must be at least 1")
			}
			if opts.Folds < 2 {
				return usagef("train-ner: --folds must be at least 2")
			}
			return runTrainNER(c.Context, opts, c.App.ErrWriter)
		},
	}
}

// runTrainNER trains the recognizer and writes its model file.
func runTrainNER(ctx context.Context, opts TrainNEROptions, log io.Writer) error {
	train, dev, err := ner.ReadTrainingData(ctx, opts.DataDir)
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	if !opts.HoldOutDev {
		train, dev = append(train, dev...), nil
	}
	fmt.Fprintf(log, "train-ner: %d training sentences, %d held-out dev sentences\n", len(train), len(dev))
	if err := ner.TagTrainingData(ctx, opts.DataDir, train, opts.Folds); err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	to := ner.DefaultTrainOptions()
	to.Iterations = opts.Iterations
	to.Log = log
	rec, err := ner.Train(ctx, train, dev, to)
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	path := filepath.Join(opts.OutDir, ner.ModelFile)
	if err := rec.Save(path); err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	fmt.Fprintf(log, "train-ner: wrote %s\n", path)
	return nil
}
