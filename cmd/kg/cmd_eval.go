package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/graph/eval"
)

// evalOptions are the settings of kg eval.
type evalOptions struct {
	Gold      string
	Verbose   bool
	TypedOnly bool
}

func newEvalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score extraction against hand-made gold graphs",
		Description: `For each NAME.json / NAME.txt pair in the --gold directory, extracts NAME.txt
(with the gold file's "published" date as the article date) and scores the
result against NAME.json as ../shared/eval/README.md describes. Prints one
ARTICLE line per pair and a final SUMMARY line with entity and relation
precision, recall and F1, duplicates, CAMEO accuracy, type accuracy and
static-relation recall. --verbose lists missed and spurious items.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Required: true, Usage: "`DIR` with NAME.json and NAME.txt pairs"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list missed and spurious entities and relations"},
			&cli.BoolFlag{Name: "typed-only", Usage: "score only relations of the schema vocabulary"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("eval: unexpected argument %q", c.Args().First())
			}
			opts := evalOptions{Gold: c.String("gold"), Verbose: c.Bool("verbose"), TypedOnly: c.Bool("typed-only")}
			return runEval(c.Context, opts, c.App.Writer)
		},
	}
}

// runEval scores every gold pair in opts.Gold.
func runEval(ctx context.Context, opts evalOptions, stdout io.Writer) error {
	golds, err := filepath.Glob(filepath.Join(opts.Gold, "*.json"))
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	sort.Strings(golds)
	x, err := extract.New(extract.Options{TypedOnly: opts.TypedOnly})
	if err != nil {
		return err
	}
	var scores []eval.ArticleScore
	for _, gp := range golds {
		txt := strings.TrimSuffix(gp, ".json") + ".txt"
		if _, err := os.Stat(txt); err != nil {
			continue
		}
		gold, err := eval.LoadGold(gp)
		if err != nil {
			return err
		}
		res, err := source.Read(ctx, []string{txt}, source.Options{Published: gold.Published})
		if err != nil {
			return err
		}
		g, err := x.Extract(ctx, res.Articles[0])
		if err != nil {
			return err
		}
		s := eval.Score(g, gold)
		scores = append(scores, s)
		fmt.Fprintln(stdout, s.Line())
		if opts.Verbose {
			for _, l := range s.Details() {
				fmt.Fprintln(stdout, "  "+l)
			}
		}
	}
	if len(scores) == 0 {
		return fmt.Errorf("eval: %s: no NAME.json/NAME.txt pairs", opts.Gold)
	}
	fmt.Fprintln(stdout, eval.Summarize(scores).Line())
	return nil
}
