package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	Gold      []string // gold folders, scored in this order
	Verbose   bool
	TypedOnly bool
	ByRule    bool
	Geo       string // country annotations of the gold places; "" for no GEO lines
}

func newEvalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score extraction against hand-made gold graphs",
		Description: `For each NAME.json / NAME.txt pair in the --gold directory, extracts NAME.txt
(with the gold file's "published" date as the article date) and scores the
result against NAME.json as ../shared/eval/README.md describes. Prints one
ARTICLE line per pair and a final SUMMARY line with entity and relation
precision, recall and F1, duplicates, CAMEO accuracy, type accuracy,
static-relation recall and event recall. --verbose lists missed and spurious
items.

--gold may be given several times (or as a comma-separated list): each
folder's ARTICLE lines are followed by its own SUMMARY line, tagged with the
folder ("SUMMARY DIR entity_p=…"), and the last line is the untagged SUMMARY
over all the folders' articles.

--by-rule adds, before that last SUMMARY, one line per extraction rule over
all the folders: "RULE ID system=N matched=N false_pos=N precision=P", the
rules with the most false positives first (rule ids: docs/relations.md).

--geo FILE (country annotations of the gold places: gold id, entity name,
ISO3 or "-", tab-separated; fixtures/geo/countries.tsv) adds after each
folder's SUMMARY, and last, a GEO line: place precision and recall, the
share of recognized places with an annotated country that resolve to a
gazetteer entry and to one in that country, and the share of events that
carry a location (docs/geo.md); with --verbose, each annotated place that
did not resolve, or resolved in another country, is listed under its
article ("place NAME (ISO3): unresolved").

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "gold", Required: true, Usage: "`DIR` with NAME.json and NAME.txt pairs (repeatable)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list missed and spurious entities and relations"},
			&cli.BoolFlag{Name: "typed-only", Usage: "score only relations of the schema vocabulary"},
			&cli.BoolFlag{Name: "by-rule", Usage: "print the precision of each extraction rule"},
			&cli.StringFlag{Name: "geo", Usage: "score places and event locations with the country annotations in `FILE`"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("eval: unexpected argument %q", c.Args().First())
			}
			opts := evalOptions{Gold: c.StringSlice("gold"), Verbose: c.Bool("verbose"), TypedOnly: c.Bool("typed-only"), ByRule: c.Bool("by-rule"), Geo: c.String("geo")}
			return runEval(c.Context, opts, c.App.Writer)
		},
	}
}

// runEval scores every gold pair in each of opts.Gold.
func runEval(ctx context.Context, opts evalOptions, stdout io.Writer) error {
	var countries eval.Countries
	if opts.Geo != "" {
		var err error
		if countries, err = eval.LoadCountries(opts.Geo); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	}
	x, err := newExtractor(extract.Options{TypedOnly: opts.TypedOnly})
	if err != nil {
		return err
	}
	var all []eval.ArticleScore
	var allGeo eval.GeoCounts
	for _, dir := range opts.Gold {
		scores, geo, err := evalFolder(ctx, x, dir, opts.Verbose, countries, stdout)
		if err != nil {
			return err
		}
		if len(opts.Gold) > 1 {
			s := eval.Summarize(scores)
			s.Gold = dir
			fmt.Fprintln(stdout, s.Line())
			if countries != nil {
				fmt.Fprintln(stdout, geo.Line(dir))
			}
		}
		all = append(all, scores...)
		allGeo.Add(geo)
	}
	if opts.ByRule {
		for _, r := range eval.ByRule(all) {
			fmt.Fprintln(stdout, r.Line())
		}
	}
	fmt.Fprintln(stdout, eval.Summarize(all).Line())
	if countries != nil {
		fmt.Fprintln(stdout, allGeo.Line(""))
	}
	return nil
}

// evalFolder scores the gold pairs of dir, printing one ARTICLE line each
// (and, when verbose, what each got wrong).
// With country annotations it also returns the folder's geography counts.
func evalFolder(ctx context.Context, x *extract.Extractor, dir string, verbose bool, countries eval.Countries, stdout io.Writer) ([]eval.ArticleScore, eval.GeoCounts, error) {
	var geo eval.GeoCounts
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, geo, fmt.Errorf("eval: %s: no such folder", dir)
		}
		return nil, geo, fmt.Errorf("eval: %w", err)
	} else if !fi.IsDir() {
		return nil, geo, fmt.Errorf("eval: %s: not a folder (--gold takes a folder of NAME.json/NAME.txt pairs)", dir)
	}
	golds, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, geo, fmt.Errorf("eval: %w", err)
	}
	sort.Strings(golds)
	var scores []eval.ArticleScore
	for _, gp := range golds {
		txt := strings.TrimSuffix(gp, ".json") + ".txt"
		if _, err := os.Stat(txt); err != nil {
			continue
		}
		gold, err := eval.LoadGold(gp)
		if err != nil {
			return nil, geo, err
		}
		res, err := source.Read(ctx, []string{txt}, source.Options{Published: gold.Published})
		if err != nil {
			return nil, geo, err
		}
		g, err := x.Extract(ctx, res.Articles[0])
		if err != nil {
			return nil, geo, err
		}
		s := eval.Score(g, gold)
		var gc eval.GeoCounts
		if countries != nil {
			gc = eval.ScoreGeo(g, gold, countries)
			geo.Add(gc)
		}
		scores = append(scores, s)
		fmt.Fprintln(stdout, s.Line())
		if verbose {
			for _, l := range s.Details() {
				fmt.Fprintln(stdout, "  "+l)
			}
			for _, m := range gc.Misses {
				fmt.Fprintln(stdout, "  place "+m)
			}
		}
	}
	if len(scores) == 0 {
		return nil, geo, fmt.Errorf("eval: %s: no NAME.json/NAME.txt pairs", dir)
	}
	return scores, geo, nil
}
