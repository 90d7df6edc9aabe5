package main

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph/neo4jsink"
)

// QueryOptions are the options of kg query.
type QueryOptions struct {
	// Cypher is the statement to run.
	Cypher string
	// Params are its parameters ($name in the statement).
	Params map[string]any
	// Format is the output format.
	Format neo4jsink.Format
	// Access is ReadOnly unless --write is given.
	Access neo4jsink.Access
	// Neo4j is the server to run it on.
	Neo4j neo4jsink.Config
}

func newQueryCommand() *cli.Command {
	params := queryParams{}
	return &cli.Command{
		Name: "query",
		// positionalArgs parses every argument, so that "--" ends the flags.
		SkipFlagParsing: true,
		Usage:           "run Cypher on the configured Neo4j and print the result",
		ArgsUsage:       "'CYPHER'",
		Description: `Runs one Cypher statement in an auto-commit transaction and prints the
result to stdout as an aligned table (default), CSV or JSON. The session is
read-only, so the server refuses a statement that would change the graph,
unless --write is given. Flags may come
before or after the statement.

Parameters: --param name=value binds $name. A value is an integer when it is
written as one (42, -7; not 070), a float when it looks like one (7.5, 1e3),
true or false, or else a string; wrap it in double quotes to force a string
(--param 'code="070"').

In the table and CSV, nodes print as (:Label {key: value, ...}),
relationships as [:TYPE {key: value, ...}] and paths by their nodes' names,
e.g. (Russia)-[:INVADES]->(Ukraine). docs/neo4j.md has example queries.

   kg query 'MATCH (s)-[r:SUPPLIES]->(o) RETURN s.name, o.name, r.sentence'
   kg query 'MATCH (e:Entity {name: $n}) RETURN e' --param n=Russia --format json

EXIT STATUS
   0 on success, 1 on failure (unreachable server, wrong password, a Cypher
   error), 2 on a usage error.`,
		Flags: append(neo4jFlags(),
			&cli.GenericFlag{Name: "param", Value: &params, Usage: "bind $`NAME=VALUE` (repeatable)"},
			&cli.StringFlag{Name: "format", Value: string(neo4jsink.FormatTable), Usage: "output `FORMAT`: table, csv or json"},
			&cli.BoolFlag{Name: "write", Usage: "allow the statement to change the graph (default: a read session, which the server keeps from writing)"},
		),
		Action: func(c *cli.Context) error {
			args, err := positionalArgs(c)
			if err != nil {
				return err
			}
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usagef("query: want one Cypher statement (quote it), got %d arguments", len(args))
			}
			format := neo4jsink.Format(c.String("format"))
			if !slices.Contains(neo4jsink.Formats(), format) {
				return usagef("query: --format %q: want table, csv or json", format)
			}
			cfg, err := neo4jConfig(c)
			if err != nil {
				return err
			}
			if err := requireNeo4j("query", cfg); err != nil {
				return err
			}
			access := neo4jsink.ReadOnly
			if c.Bool("write") {
				access = neo4jsink.ReadWrite
			}
			opts := QueryOptions{Cypher: args[0], Params: params, Format: format, Access: access, Neo4j: cfg}
			return runQuery(c.Context, opts, c.App.Writer)
		},
	}
}

// runQuery runs the statement and writes the result.
func runQuery(ctx context.Context, opts QueryOptions, stdout io.Writer) error {
	cols, rows, err := neo4jsink.Query(ctx, opts.Neo4j, opts.Access, opts.Cypher, opts.Params)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	if err := neo4jsink.WriteResult(stdout, opts.Format, cols, rows); err != nil {
		return fmt.Errorf("query: write result: %w", err)
	}
	return nil
}

// queryParams collects --param NAME=VALUE flags; it is a cli.Generic.
type queryParams map[string]any

// paramName is what Cypher accepts unquoted after $.
var paramName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// looksFloat matches decimal floating-point literals (not Inf or NaN).
var looksFloat = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// Set parses one NAME=VALUE.
func (p queryParams) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok || !paramName.MatchString(name) {
		return fmt.Errorf("want NAME=VALUE with NAME a Cypher parameter name, got %q", s)
	}
	p[name] = parseParamValue(value)
	return nil
}

// String lists the parameters, for help output.
func (p queryParams) String() string {
	names := make([]string, 0, len(p))
	for n := range p {
		names = append(names, n)
	}
	slices.Sort(names)
	items := make([]string, len(names))
	for i, n := range names {
		items[i] = fmt.Sprintf("%s=%v", n, p[n])
	}
	return strings.Join(items, ",")
}

// parseParamValue types a parameter value: a canonical integer becomes an
// int64, another decimal number a float64, true/false a bool, "quoted" the
// string inside the quotes, anything else the string itself.
func parseParamValue(v string) any {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && strconv.FormatInt(n, 10) == v {
		return n
	}
	if looksFloat.MatchString(v) && !isDigits(strings.TrimLeft(v, "+-")) {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	}
	switch v {
	case "true":
		return true
	case "false":
		return false
	}
	if len(v) >= 2 && strings.HasPrefix(v, `"`) && strings.HasSuffix(v, `"`) {
		return v[1 : len(v)-1]
	}
	return v
}

// isDigits reports whether s is all ASCII digits: such a value that is not
// a canonical integer ("070", "+5") stays a string, like a CAMEO code.
func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
