package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph/view"
	"github.com/kg-project/kg/schema"
)

func newViewCommand() *cli.Command {
	return &cli.Command{
		Name: "view",
		// positionalArgs parses every argument, so that "--" ends the flags.
		SkipFlagParsing: true,
		Usage:           "write a CSV workspace as one offline HTML page: graph, filters, timeline, map, table",
		ArgsUsage:       "DIR",
		Description: `Reads the CSV workspace in DIR (as kg ingest writes it) and writes one
self-contained HTML page that opens in any browser without network access:
the graph of actors and relations (click for aliases, roles, sentences and
documents), filters (dates, CAMEO root, quad class, entity type, document,
negation, modality, confidence) that the graph, timeline, map and table
follow, a timeline of events per day, a world map of events by country and a
sortable table of relations. docs/view.md describes the page.

The page is written atomically to --out (default DIR/view.html).

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "output `FILE` (default DIR/view.html)"},
			&cli.StringFlag{Name: "title", Usage: "page `TITLE` (default: kg view of DIR)"},
		},
		Action: func(c *cli.Context) error {
			args, err := positionalArgs(c)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("view: want one workspace DIR, got %d arguments", len(args))
			}
			out := c.String("out")
			if out == "" {
				out = filepath.Join(args[0], "view.html")
			}
			return runView(c.Context, args[0], out, c.String("title"), c.App.ErrWriter)
		},
	}
}

// runView reads the workspace in dir and writes its page to out.
func runView(ctx context.Context, dir, out, title string, stderr io.Writer) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("view: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("view: %s is not a directory", dir)
	}
	g, err := readWorkspace(ctx, dir, stderr)
	if err != nil {
		return fmt.Errorf("view: %w", err)
	}
	s, err := schema.Load()
	if err != nil {
		return fmt.Errorf("view: %w", err)
	}
	if title == "" {
		title = "kg view of " + filepath.Base(filepath.Clean(dir))
	}
	d, err := view.Build(ctx, g, s, view.Options{})
	if err != nil {
		return fmt.Errorf("view: %s: %w", dir, err)
	}
	if err := writeFileAtomic(out, func(w io.Writer) error { return view.Render(w, d, title) }); err != nil {
		return fmt.Errorf("view: %w", err)
	}
	fmt.Fprintf(stderr, "kg: %s, %s from %s → %s\n", count(len(g.Entities), "actor"), count(len(g.Relations), "relation"), count(len(g.Documents), "document"), out)
	return nil
}
