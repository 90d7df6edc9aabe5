package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/graph/store"
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
	Batch       int  // articles merged into the store per transaction
	NoCSV       bool // leave the CSV files to the next reader or ingest
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

Articles stream through the extraction and are merged, --batch at a time,
into the workspace's store (--out DIR/kg.db, SQLite), each batch in one
transaction; then the CSV files (documents.csv, entities.csv, relations.csv,
mentions.csv) are written from the store, replaced atomically: re-ingesting
the same articles changes no byte. --no-csv leaves them to the next reader
(kg load, kg export, kg view) or ingest, for a feed of small ingests into a
large workspace. A workspace that has only CSV files is imported first. When a Neo4j server is
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
			&cli.IntFlag{Name: "batch", Value: defaultBatch, Usage: "articles merged into the store per transaction (memory grows with it)"},
			&cli.BoolFlag{Name: "no-csv", Usage: "update only the store; the CSV files are written by the next reader or ingest"},
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
			if n := c.Int("batch"); n < 1 {
				return usagef("ingest: --batch %d: must be at least 1", n)
			}
			opts := ingestOptions{
				Paths: paths, Out: c.String("out"), Published: published,
				TypedOnly: c.Bool("typed-only"), SkipInvalid: c.Bool("skip-invalid"), Workers: c.Int("workers"),
				Budget: c.Duration("budget"), Batch: c.Int("batch"), NoCSV: c.Bool("no-csv"), Neo4j: cfg,
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

// defaultBatch is the number of articles merged into the store in one
// transaction: large enough that a batch's fixed cost (its look-ups of
// shared entities) is spread thin, small enough that its graphs take
// tens of MiB (docs/workspace.md, "Store").
const defaultBatch = 500

// runIngest reads, extracts, merges into the workspace's store batch by
// batch, writes the CSV files and loads Neo4j. The articles are read twice:
// first to validate them all, so that an invalid one stops the run before
// anything is written, then one at a time as the extraction takes them.
func runIngest(ctx context.Context, opts ingestOptions, stdin io.Reader, stderr io.Writer) error {
	began := time.Now()
	if opts.Neo4j.URI != "" {
		// A wrong password or an unreachable server fails before the
		// extraction, not after it.
		if err := neo4jsink.Verify(ctx, opts.Neo4j); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	var input []byte // standard input, read once for both passes
	if slices.Contains(opts.Paths, "-") && stdin != nil {
		var err error
		if input, err = io.ReadAll(stdin); err != nil {
			return fmt.Errorf("ingest: standard input: %w", err)
		}
	}
	sopts := func() source.Options {
		o := source.Options{Published: opts.Published, SkipInvalid: opts.SkipInvalid}
		if stdin != nil {
			o.Stdin = bytes.NewReader(input)
		}
		return o
	}
	total := 0
	skips, err := source.Scan(ctx, opts.Paths, sopts(), func(source.Article) error { total++; return nil })
	if err != nil {
		return err
	}
	for _, s := range skips {
		fmt.Fprintf(stderr, "kg: skipped %v\n", s)
	}
	xopts := extract.Options{TypedOnly: opts.TypedOnly, Budget: opts.Budget}
	skipped := len(skips)
	if opts.SkipInvalid {
		xopts.OverBudget = func(_ source.Article, err error) {
			fmt.Fprintf(stderr, "kg: skipped %v (--budget)\n", err)
			skipped++
		}
	}
	x, err := newExtractor(xopts)
	if err != nil {
		return err
	}
	var sum ingestSummary
	var batch []graph.Graph
	flush := func() error {
		run := graph.Combine(batch...)
		batch = batch[:0]
		sum.add(run)
		return withStore(ctx, opts.Out, stderr, func(s *store.Store) error { return s.Add(ctx, run) })
	}
	scan := func(add func(source.Article) error) error {
		_, err := source.Scan(ctx, opts.Paths, sopts(), add)
		return err
	}
	bar := newProgress(stderr, "extracting", total)
	err = x.Stream(ctx, scan, opts.Workers, opts.Batch, bar.update, func(g graph.Graph) error {
		// Each article as its files will hold it (numbers rounded), so
		// that combining compares what kg merge of shards compares.
		g, err := csvws.Stored(g)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		if batch = append(batch, g); len(batch) < opts.Batch {
			return nil
		}
		return flush()
	})
	if err == nil {
		err = flush() // also when there was nothing: the store and files exist after an ingest
	}
	if err == nil && !opts.NoCSV {
		err = withStore(ctx, opts.Out, stderr, func(s *store.Store) error { return s.Export(ctx) })
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "kg: %s, %s, %s, %s in %s → %s",
		count(sum.documents, "document"), count(sum.sentences, "sentence"), count(len(sum.entities), "entity"),
		count(sum.relations, "relation"), time.Since(began).Round(time.Millisecond), opts.Out)
	if skipped > 0 {
		fmt.Fprintf(stderr, " (%d skipped)", skipped)
	}
	fmt.Fprintln(stderr)
	if opts.Neo4j.URI != "" {
		vocab, err := schema.Load()
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		// Neo4j mirrors the workspace: the graph as the store holds it.
		var stored graph.Graph
		err = withStore(ctx, opts.Out, stderr, func(s *store.Store) (err error) {
			stored, err = s.Graph(ctx)
			return err
		})
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

// ingestSummary counts what one kg ingest extracted, for its summary line.
type ingestSummary struct {
	documents, sentences, relations int
	entities                        map[string]bool
}

// add counts the merged graph of one batch.
func (s *ingestSummary) add(run graph.Graph) {
	if s.entities == nil {
		s.entities = map[string]bool{}
	}
	s.documents += len(run.Documents)
	for _, d := range run.Documents {
		s.sentences += d.Sentences
	}
	for _, e := range run.Entities {
		s.entities[e.ID] = true
	}
	s.relations += len(run.Relations)
}

// withStore runs f on the store of the workspace dir, holding the
// workspace's exclusive lock, after importing CSV files that the store did
// not write (store.Sync), so that concurrent ingests into one workspace
// never lose each other's records. While another kg process holds the
// workspace, it says so on stderr.
func withStore(ctx context.Context, dir string, stderr io.Writer, f func(*store.Store) error) error {
	unlock, err := csvws.Lock(ctx, dir, waitNotice(stderr, dir))
	if err != nil {
		return err
	}
	defer unlock()
	return useStore(ctx, dir, f)
}

// useStore runs f on the store of the workspace dir, after importing CSV
// files that the store did not write (store.Sync). The caller holds the
// workspace's exclusive lock.
func useStore(ctx context.Context, dir string, f func(*store.Store) error) error {
	s, err := store.Open(ctx, dir)
	if err != nil {
		return fmt.Errorf("workspace %s: %w", dir, err)
	}
	_, err = s.Sync(ctx)
	if err == nil {
		err = f(s)
	}
	if cerr := s.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("workspace %s: %w", dir, cerr)
	}
	return err
}

// readWorkspace reads the CSV workspace dir for a reader (kg load, kg
// export) under its shared lock, so that it never sees an ingest's
// half-done commit, once the files are up to date with the store; a folder
// without the four workspace files is an error.
// While a writer holds the workspace, it says so on stderr.
func readWorkspace(ctx context.Context, dir string, stderr io.Writer) (graph.Graph, error) {
	unlock, err := csvws.RLock(ctx, dir, waitNotice(stderr, dir))
	if err != nil {
		return graph.Graph{}, err
	}
	for store.Stale(dir) {
		// The files lag behind the store (kg ingest --no-csv, or an
		// ingest between its batches): have them written first.
		unlock()
		err := withStore(ctx, dir, stderr, func(s *store.Store) error { return s.Export(ctx) })
		if err != nil {
			return graph.Graph{}, err
		}
		if unlock, err = csvws.RLock(ctx, dir, waitNotice(stderr, dir)); err != nil {
			return graph.Graph{}, err
		}
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
