package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
	"github.com/kg-project/kg/graph/store"
)

func newMergeCommand() *cli.Command {
	return &cli.Command{
		Name: "merge",
		// positionalArgs parses every argument, so that "--" ends the flags.
		SkipFlagParsing: true,
		Usage:           "merge workspaces (shards ingested apart) into one",
		ArgsUsage:       "STORE... --out STORE",
		Description: `Merges the CSV workspaces STORE... (each written by kg ingest, typically
on another machine or by another process over part of the articles) into
the workspace --out, which may already hold documents: they are merged too.
The result is the workspace that one kg ingest of all their articles
writes, byte for byte: entities shared between stores are one node with
their counts, documents and first sighting computed over all documents, and
a person named in part in one store ("Marchenko") and in full in another
("Oleksandr Marchenko") is one person. The order of the stores and how the
articles were split into them do not matter. docs/shards.md gives the
recipe of a sharded run and the limits.

--out is replaced atomically, under its lock, as kg ingest replaces it; each
STORE is read under its shared lock. A STORE that is not a complete
workspace or has a malformed file fails the merge, naming the file, before
--out is touched.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "workspace `DIR` to merge into (created when missing)"},
		},
		Action: func(c *cli.Context) error {
			stores, err := positionalArgs(c)
			if err != nil {
				return err
			}
			if len(stores) == 0 {
				return usagef("merge: at least one STORE is required")
			}
			if !c.IsSet("out") {
				return usagef("merge: --out is required (see kg merge --help)")
			}
			return runMerge(c.Context, stores, c.String("out"), c.App.ErrWriter)
		},
	}
}

// runMerge reads the stores, then merges them into the workspace out under
// its exclusive lock. The stores are read before the lock is taken, each
// under its own shared lock, so that two merges into each other's stores
// cannot wait for each other for ever. A store that is out itself is out's
// own content, read under its lock.
func runMerge(ctx context.Context, stores []string, out string, stderr io.Writer) error {
	began := time.Now()
	outInfo, _ := os.Stat(out) // a missing out is created
	var shards []graph.Graph
	for _, dir := range stores {
		info, err := statDir(dir)
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		if outInfo != nil && os.SameFile(info, outInfo) {
			continue
		}
		g, err := readWorkspace(ctx, dir, stderr)
		if err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		shards = append(shards, g)
	}
	unlock, err := csvws.Lock(ctx, out, waitNotice(stderr, out))
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	defer unlock()
	if store.Stale(out) {
		// out's files lag behind its store (kg ingest --no-csv): they
		// are written first, so that what is merged is all of out. The
		// files written below then replace the store's content at its
		// next use (store.Sync).
		if err := useStore(ctx, out, func(s *store.Store) error { return s.Export(ctx) }); err != nil {
			return fmt.Errorf("merge: %w", err)
		}
	}
	base, err := csvws.Read(ctx, out)
	if err != nil {
		return fmt.Errorf("merge: workspace %s: %w", out, err)
	}
	merged := graph.Combine(append(shards, base)...)
	if err := csvws.Write(ctx, out, merged); err != nil {
		return fmt.Errorf("merge: workspace %s: %w", out, err)
	}
	fmt.Fprintf(stderr, "kg: merged %s into %s: %s, %s, %s, %s in %s\n",
		count(len(stores), "store"), out, count(len(merged.Documents), "document"), count(len(merged.Entities), "entity"),
		count(len(merged.Mentions), "mention"), count(len(merged.Relations), "relation"), time.Since(began).Round(time.Millisecond))
	return nil
}

// statDir returns the file information of the directory dir, and an error
// when it is missing or not a directory.
func statDir(dir string) (os.FileInfo, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	return info, nil
}
