package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/schema"
)

// ingestOptions are the settings of kg ingest.
type ingestOptions struct {
	Paths       []string
	Out         string
	Published   string
	TypedOnly   bool
	SkipInvalid bool
	Workers     int
	Budget      time.Duration
	Neo4j       neo4jsink.Config
}

func newIngestCommand() *cli.Command {
	return &cli.Command{
		Name: "ingest",
		// positionalArgs parses every argument, so that "--" ends the flags.
		SkipFlagParsing: true,
		Usage:           "extract the knowledge graph of articles into the CSV workspace (and Neo4j)",
		ArgsUsage:       "PATH...",
		Description: `PATH is a text file, a directory (searched recursively for *.txt, *.md and
*.jsonl), a JSON Lines file (one article per line: "text" and optional "id",
"title", "url", "published"), or "-" for standard input.

The graph is merged into the CSV workspace in --out (documents.csv,
entities.csv, relations.csv, mentions.csv), which is replaced atomically:
re-ingesting the same articles changes no byte. When a Neo4j server is
configured (--neo4j-uri or NEO4J_URI), it is then made to hold exactly the
workspace's graph, as kg load does: only what differs is sent; with --shard
it loads the workspace as one shard of many, as kg load --shard does.
Any invalid input stops the run before anything is written, unless
--skip-invalid is given, which skips and counts such articles. So does an
article whose extraction takes longer than --budget.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "kg-out", Usage: "CSV workspace `DIR`"},
			&cli.StringFlag{Name: "published", Usage: "publication `DATE` (YYYY-MM-DD) for articles that carry none"},
			&cli.BoolFlag{Name: "typed-only", Usage: "keep only relations of the schema vocabulary (drop RELATED_TO)"},
			&cli.BoolFlag{Name: "skip-invalid", Usage: "skip and count invalid articles instead of failing"},
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "articles extracted in parallel"},
			&cli.DurationFlag{Name: "budget", Value: defaultBudget, Usage: "most time the extraction of one article may take (0: no limit)"},
		}, neo4jLoadFlags()...),
		Action: func(c *cli.Context) error {
			paths, err := positionalArgs(c)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				return usagef("ingest: at least one PATH is required")
			}
			cfg, err := neo4jConfig(c)
			if err != nil {
				return err
			}
			published, err := publishedFlag(c)
			if err != nil {
				return err
			}
			if n := c.Int("workers"); n < 1 {
				return usagef("ingest: --workers %d: must be at least 1", n)
			}
			if b := c.Duration("budget"); b < 0 {
				return usagef("ingest: --budget %s: must not be negative", b)
			}
			opts := ingestOptions{
				Paths: paths, Out: c.String("out"), Published: published,
				TypedOnly: c.Bool("typed-only"), SkipInvalid: c.Bool("skip-invalid"), Workers: c.Int("workers"),
				Budget: c.Duration("budget"), Neo4j: cfg,
			}
			return runIngest(c.Context, opts, c.App.Reader, c.App.ErrWriter)
		},
	}
}

// count returns n and the noun, in the plural unless n is 1 ("1 entity",
// "2 entities").
func count(n int, noun string) string {
	switch {
	case n == 1:
	case strings.HasSuffix(noun, "y"):
		noun = strings.TrimSuffix(noun, "y") + "ies"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// publishedFlag returns the --published date as YYYY-MM-DD ("" when not
// given); a date kg cannot read is a usage error.
func publishedFlag(c *cli.Context) (string, error) {
	p := c.String("published")
	if p == "" {
		return "", nil
	}
	d, err := source.NormalizeDate(p)
	if err != nil {
		return "", usagef("%s: --published: %v", c.Command.Name, err)
	}
	return d, nil
}

// defaultBudget is the time one article's extraction may take before it
// fails (or, with --skip-invalid, is skipped): far above the seconds the
// largest article allowed (8 MiB) takes, low enough that one runaway
// article cannot stall a corpus unnoticed.
const defaultBudget = 5 * time.Minute

// runIngest reads, extracts, merges into the workspace and loads Neo4j.
func runIngest(ctx context.Context, opts ingestOptions, stdin io.Reader, stderr io.Writer) error {
	began := time.Now()
	if opts.Neo4j.URI != "" {
		// A wrong password or an unreachable server fails before the
		// extraction, not after it.
		if err := neo4jsink.Verify(ctx, opts.Neo4j); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	res, err := source.Read(ctx, opts.Paths, source.Options{Published: opts.Published, SkipInvalid: opts.SkipInvalid, Stdin: stdin})
	if err != nil {
		return err
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(stderr, "kg: skipped %v\n", s)
	}
	xopts := extract.Options{TypedOnly: opts.TypedOnly, Budget: opts.Budget}
	skipped := len(res.Skipped)
	if opts.SkipInvalid {
		xopts.OverBudget = func(_ source.Article, err error) {
			fmt.Fprintf(stderr, "kg: skipped %v (--budget)\n", err)
			skipped++
		}
	}
	x, err := extract.New(xopts)
	if err != nil {
		return err
	}
	bar := newProgress(stderr, "extracting", len(res.Articles))
	graphs, err := x.ExtractAll(ctx, res.Articles, opts.Workers, bar.update)
	if err != nil {
		return err
	}
	// Each article as its files will hold it (numbers rounded), so that
	// combining compares what kg merge of shards compares.
	for i, g := range graphs {
		if graphs[i], err = csvws.Stored(g); err != nil {
			return fmt.Errorf("ingest %s: %w", res.Articles[i].Path, err)
		}
	}
	run := graph.Combine(graphs...)
	merged, err := mergeIntoWorkspace(ctx, opts.Out, run, stderr)
	if err != nil {
		return err
	}
	sentences := 0
	for _, d := range run.Documents {
		sentences += d.Sentences
	}
	fmt.Fprintf(stderr, "kg: %s, %s, %s, %s in %s → %s",
		count(len(run.Documents), "document"), count(sentences, "sentence"), count(len(run.Entities), "entity"),
		count(len(run.Relations), "relation"), time.Since(began).Round(time.Millisecond), opts.Out)
	if skipped > 0 {
		fmt.Fprintf(stderr, " (%d skipped)", skipped)
	}
	fmt.Fprintln(stderr)
	if opts.Neo4j.URI != "" {
		vocab, err := schema.Load()
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		// Neo4j mirrors the workspace: the graph as the files hold it.
		stored, err := csvws.Stored(merged)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		stats, err := neo4jsink.Load(ctx, opts.Neo4j, vocab, stored)
		if err != nil {
			return fmt.Errorf("ingest: the CSV workspace %s is written, but loading Neo4j failed: %w", opts.Out, err)
		}
		fmt.Fprintf(stderr, "kg: loaded into %s: %v\n", neo4jsink.RedactURI(opts.Neo4j.URI), stats)
	}
	return nil
}

// mergeIntoWorkspace merges run into the CSV workspace dir and returns the
// merged graph, holding the workspace's lock from read to write so that
// concurrent ingests into one workspace never lose each other's records.
// While another kg process holds the workspace, it says so on stderr.
func mergeIntoWorkspace(ctx context.Context, dir string, run graph.Graph, stderr io.Writer) (graph.Graph, error) {
	unlock, err := csvws.Lock(ctx, dir, waitNotice(stderr, dir))
	if err != nil {
		return graph.Graph{}, err
	}
	defer unlock()
	base, err := csvws.Read(ctx, dir)
	if err != nil {
		return graph.Graph{}, fmt.Errorf("workspace %s: %w", dir, err)
	}
	merged := graph.Merge(base, run)
	if err := csvws.Write(ctx, dir, merged); err != nil {
		return graph.Graph{}, fmt.Errorf("workspace %s: %w", dir, err)
	}
	return merged, nil
}

// readWorkspace reads the CSV workspace dir for a reader (kg load, kg
// export) under its shared lock, so that it never sees an ingest's
// half-done commit; a folder without the four workspace files is an error.
// While a writer holds the workspace, it says so on stderr.
func readWorkspace(ctx context.Context, dir string, stderr io.Writer) (graph.Graph, error) {
	unlock, err := csvws.RLock(ctx, dir, waitNotice(stderr, dir))
	if err != nil {
		return graph.Graph{}, err
	}
	defer unlock()
	if err := csvws.Complete(dir); err != nil {
		return graph.Graph{}, err
	}
	return csvws.Read(ctx, dir) // its errors name the file
}

// waitNotice returns the function that tells the user, once, that kg waits
// for the workspace dir because another kg process holds it.
func waitNotice(stderr io.Writer, dir string) func() {
	return func() {
		fmt.Fprintf(stderr, "kg: waiting for the workspace %s, which another kg process is using\n", dir)
	}
}
