package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/schema"
)

// LoadOptions are the options of kg load.
type LoadOptions struct {
	// Dir is the CSV workspace to load.
	Dir string
	// Neo4j is the server to load it into.
	Neo4j neo4jsink.Config
}

func newLoadCommand() *cli.Command {
	return &cli.Command{
		Name: "load",
		// positionalArgs parses every argument, so that "--" ends the flags.
		SkipFlagParsing: true,
		Usage:           "load a CSV workspace into Neo4j",
		ArgsUsage:       "DIR",
		Description: `Reads the CSV workspace in DIR (as kg ingest writes it) and makes the
configured Neo4j hold exactly its graph: entities, documents, MENTIONED_IN
links and relations. kg lists what the database holds and sends only the
difference: what is new is created, what changed is updated, and what the
workspace no longer has is deleted, in batches of --batch-size rows, each
batch one write transaction. Loading is idempotent: running it twice leaves
the same graph (and sends nothing), and running it again after a failure
completes the load. docs/neo4j.md describes the graph model.

With --shard the workspace is one shard of many loaded into one database,
by any number of kg load --shard at once (docs/shards.md): its documents,
their links and relations are written beside what other loads wrote and
nothing outside them is deleted; an entity that other shards share gets
its counts from all loaded documents and its names, aliases and roles
joined with theirs.

Prints a one-line summary on stderr: what the workspace holds, and how many
nodes and relationships were created, updated, deleted and left unchanged.

EXIT STATUS
   0 on success, 1 on failure (unreadable workspace, unreachable server,
   wrong password), 2 on a usage error.`,
		Flags: neo4jLoadFlags(),
		Action: func(c *cli.Context) error {
			args, err := positionalArgs(c)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("load: want one workspace DIR, got %d arguments", len(args))
			}
			cfg, err := neo4jConfig(c)
			if err != nil {
				return err
			}
			if err := requireNeo4j("load", cfg); err != nil {
				return err
			}
			return runLoad(c.Context, LoadOptions{Dir: args[0], Neo4j: cfg}, c.App.ErrWriter)
		},
	}
}

// runLoad reads the workspace and loads it, then prints the summary.
func runLoad(ctx context.Context, opts LoadOptions, stderr io.Writer) error {
	start := time.Now()
	if _, err := statDir(opts.Dir); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	g, err := readWorkspace(ctx, opts.Dir, stderr)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	vocab, err := schema.Load()
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	stats, err := neo4jsink.Load(ctx, opts.Neo4j, vocab, g)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	fmt.Fprintf(stderr, "loaded %s, %s, %s, %s into %s in %.1fs: %v\n",
		count(len(g.Documents), "document"), count(len(g.Entities), "entity"), count(len(g.Mentions), "mention"), count(len(g.Relations), "relation"),
		neo4jsink.RedactURI(opts.Neo4j.URI), time.Since(start).Seconds(), stats)
	return nil
}
