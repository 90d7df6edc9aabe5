package main

import (
	"errors"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph/neo4jsink"
)

// Names of the flags that say which Neo4j to use.
const (
	flagNeo4jURI      = "neo4j-uri"
	flagNeo4jUser     = "neo4j-user"
	flagNeo4jPassword = "neo4j-password"
	flagNeo4jDatabase = "neo4j-database"
	flagBatchSize     = "batch-size"
	flagShard         = "shard"
)

// neo4jFlags returns the flags that say which Neo4j to use, each with its
// environment variable: kg load, kg query and kg ingest share them.
func neo4jFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: flagNeo4jURI, EnvVars: []string{"NEO4J_URI"}, Usage: "Neo4j `URI` (bolt://host:7687; neo4j://host or neo4j+s://host for a cluster or Aura)"},
		&cli.StringFlag{Name: flagNeo4jUser, EnvVars: []string{"NEO4J_USERNAME"}, Value: "neo4j", Usage: "Neo4j user `NAME`"},
		&cli.StringFlag{Name: flagNeo4jPassword, EnvVars: []string{"NEO4J_PASSWORD"}, Usage: "Neo4j `PASSWORD` (prefer the environment variable)"},
		&cli.StringFlag{Name: flagNeo4jDatabase, EnvVars: []string{"NEO4J_DATABASE"}, Usage: "Neo4j database `NAME` (default: the server's default database)"},
	}
}

// neo4jLoadFlags returns neo4jFlags, --batch-size and --shard, for the
// commands that write a graph into Neo4j.
func neo4jLoadFlags() []cli.Flag {
	return append(neo4jFlags(),
		&cli.IntFlag{Name: flagBatchSize, Value: neo4jsink.DefaultBatchSize, Usage: "rows per Neo4j write transaction"},
		&cli.BoolFlag{Name: flagShard, Usage: "load as one shard of many: add this workspace's documents beside what other loads wrote, " +
			"merging shared entities, instead of making Neo4j hold only this workspace (docs/shards.md)"})
}

// neo4jConfig builds the Neo4j configuration from the flags of neo4jFlags
// (and --batch-size when the command has it). URI is empty when no Neo4j is
// configured; a batch size below 1 is a usage error.
func neo4jConfig(c *cli.Context) (neo4jsink.Config, error) {
	cfg := neo4jsink.Config{
		URI:      strings.TrimSpace(c.String(flagNeo4jURI)),
		Username: c.String(flagNeo4jUser),
		Password: c.String(flagNeo4jPassword),
		Database: c.String(flagNeo4jDatabase),
	}
	if c.IsSet(flagShard) {
		cfg.Shard = c.Bool(flagShard)
	}
	if c.IsSet(flagBatchSize) {
		cfg.BatchSize = c.Int(flagBatchSize)
		if cfg.BatchSize < 1 {
			return neo4jsink.Config{}, usagef("--%s %d: must be at least 1", flagBatchSize, cfg.BatchSize)
		}
	}
	return cfg, nil
}

// requireNeo4j returns a usage error for command when cfg names no server.
func requireNeo4j(command string, cfg neo4jsink.Config) error {
	if cfg.URI == "" {
		return usagef("%s: no Neo4j configured: give --%s or set NEO4J_URI", command, flagNeo4jURI)
	}
	return nil
}

// errHelpShown ends a command whose help was asked for among its arguments.
var errHelpShown = errors.New("help shown")

// positionalArgs applies the flags written among or after a command's
// positional arguments ("kg ingest a.txt --out ws b.txt", "kg query
// 'CYPHER' --param k=v"), which the CLI library leaves among the arguments,
// and returns the positional arguments. A flag takes its value as
// --name=value or --name value (boolean flags need none); "--" ends the
// flags and "-" alone is an argument (standard input). The commands that
// call it set SkipFlagParsing, so that it sees every argument: the
// library's parser would drop a "--" that follows the first flags.
func positionalArgs(c *cli.Context) ([]string, error) {
	var out []string
	args := c.Args().Slice()
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			return append(out, args[i+1:]...), nil
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			out = append(out, arg)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name == "help" || name == "h" {
			if err := cli.ShowSubcommandHelp(c); err != nil {
				return nil, err
			}
			return nil, errHelpShown
		}
		f := findFlag(c.Command, name)
		if f == nil {
			return nil, usagef("%s: flag provided but not defined: %s", c.Command.Name, arg)
		}
		if _, isBool := f.(*cli.BoolFlag); isBool && !hasValue {
			value, hasValue = "true", true
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, usagef("%s: flag needs an argument: %s", c.Command.Name, arg)
			}
			i++
			value = args[i]
		}
		// Set the flag under its main name, so "-o" is read as "out".
		if err := c.Set(f.Names()[0], value); err != nil {
			return nil, usagef("%s: invalid value %q for flag %s: %v", c.Command.Name, value, arg, err)
		}
	}
	return out, applyCacheDir(c)
}

// findFlag returns the flag of cmd called name, or nil.
func findFlag(cmd *cli.Command, name string) cli.Flag {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}
