package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/pipeline"
)

func newParseCommand() *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "print the pipeline's analysis of a text as CoNLL-U",
		ArgsUsage: "[PATH|-]",
		Description: `Tokenizes, splits, tags, lemmatizes and parses the text of PATH (standard
input when PATH is "-" or absent) and prints CoNLL-U: one block per sentence
with "# sent_id" and "# text", and in MISC the token's byte offsets in the
input as TokenRange=START:END (END exclusive) plus SpaceAfter=No where no
space follows.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("parse: at most one PATH, got %d", c.NArg())
			}
			return runParse(c.Context, c.Args().First(), c.App.Reader, c.App.Writer)
		},
	}
}

// runParse reads the text of path ("" or "-": stdin) and writes its CoNLL-U.
func runParse(ctx context.Context, path string, stdin io.Reader, stdout io.Writer) error {
	var text []byte
	var err error
	if path == "" || path == "-" {
		text, err = io.ReadAll(stdin)
	} else {
		text, err = os.ReadFile(path)
	}
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	m, err := model.Load()
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	d, err := pipeline.New(m).Run(ctx, string(text))
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	w := bufio.NewWriter(stdout)
	for _, s := range conllu.FromDocument(d) {
		if err := conllu.Write(w, s); err != nil {
			return fmt.Errorf("parse: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	return nil
}
