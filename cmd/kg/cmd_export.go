package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/geo"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
	"github.com/kg-project/kg/graph/export"
	"github.com/kg-project/kg/graph/graphml"
	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/schema"
)

// exportOptions are the settings of kg export.
type exportOptions struct {
	Dir            string
	Out            string // file, or "-" for standard output
	Format         export.Format
	GraphML        bool // --format graphml: the whole graph, not the events
	Neo4jImport    bool // --format neo4j-import: neo4j-admin import files in the folder Out
	Header         bool
	IncludeNegated bool
}

// exportFormats maps the values of --format to output formats.
var exportFormats = map[string]export.Format{"events": export.TSV, "events-csv": export.CSV}

func newExportCommand() *cli.Command {
	return &cli.Command{
		Name: "export",
		// positionalArgs parses every argument, so that "--" ends the flags.
		SkipFlagParsing: true,
		Usage:           "write the CAMEO-coded events of a CSV workspace as a GDELT-style event table, or the whole graph as GraphML",
		ArgsUsage:       "DIR",
		Description: `Reads the CSV workspace in DIR (as kg ingest writes it) and writes one row per
CAMEO-coded event: the 61 columns of the GDELT 2.0 event table, in GDELT's
order (dates, actor codes composed as GDELT does, event, base and root codes,
quad class, Goldstein scale, counts, source), then kg's columns (relation,
predicate, sentence, confidence, document). Static relations (AFFILIATION,
PART_OF ...) and open RELATED_TO relations are not events; negated events are
left out unless --include-negated, which adds a kg_negated column.
docs/export.md describes every column.

--format events writes tab-separated values, events-csv writes CSV.
--format graphml writes the whole graph instead (every entity a node, every
relation an edge, every column a typed GraphML key) for Gephi, yEd,
Cytoscape desktop and networkx; docs/export.md lists the keys. A file
given with --out is replaced atomically; "-" (the default) is standard output.

--format neo4j-import writes, into the folder --out, the CSV files from
which neo4j-admin database import builds the graph kg load would build, in
an empty database and far faster (documents.csv, entities.csv,
mentioned_in.csv, relations.csv), and prints the neo4j-admin command that
imports them; docs/neo4j.md ("First loads of large workspaces") tells how.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "events", Usage: "`FORMAT`: events (tab-separated), events-csv, graphml or neo4j-import"},
			&cli.StringFlag{Name: "out", Value: "-", Usage: "output `FILE`, - for standard output"},
			&cli.BoolFlag{Name: "header", Value: true, Usage: "write a header row (--header=false omits it, as GDELT files have none)"},
			&cli.BoolFlag{Name: "include-negated", Usage: "also write negated events, with a kg_negated column"},
		},
		Action: func(c *cli.Context) error {
			args, err := positionalArgs(c)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("export: want one workspace DIR, got %d arguments", len(args))
			}
			format, ok := exportFormats[c.String("format")]
			graphML, neo4jImport := c.String("format") == "graphml", c.String("format") == "neo4j-import"
			if !ok && !graphML && !neo4jImport {
				return usagef("export: --format %q: want events, events-csv, graphml or neo4j-import", c.String("format"))
			}
			if neo4jImport && c.String("out") == "-" {
				return usagef("export: --format neo4j-import writes several files: give their folder with --out")
			}
			opts := exportOptions{
				Dir: args[0], Out: c.String("out"), Format: format, GraphML: graphML, Neo4jImport: neo4jImport,
				Header: c.Bool("header"), IncludeNegated: c.Bool("include-negated"),
			}
			return runExport(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// runExport reads the workspace, selects and codes its events and writes
// them to opts.Out (stdout when "-"), then prints a summary on stderr.
func runExport(ctx context.Context, opts exportOptions, stdout, stderr io.Writer) error {
	info, err := os.Stat(opts.Dir)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("export: %s is not a directory", opts.Dir)
	}
	g, err := readWorkspace(ctx, opts.Dir, stderr)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if opts.GraphML {
		return runExportGraphML(ctx, g, opts.Out, stdout, stderr)
	}
	s, err := schema.Load()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if opts.Neo4jImport {
		return runExportNeo4jImport(s, g, opts.Out, stderr)
	}
	gaz, err := geo.Load()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	rows, err := export.Events(ctx, g, s, export.Options{IncludeNegated: opts.IncludeNegated, Gazetteer: gaz})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	wopts := export.WriteOptions{Format: opts.Format, Header: opts.Header, NegatedColumn: opts.IncludeNegated}
	if opts.Out == "-" {
		if err := export.Write(stdout, rows, wopts); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	} else if err := writeFileAtomic(opts.Out, func(w io.Writer) error { return export.Write(w, rows, wopts) }); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(stderr, "kg: %s from %s → %s\n", count(len(rows), "event"), count(len(g.Documents), "document"), opts.Out)
	return nil
}

// runExportGraphML writes g as GraphML to out (stdout when "-").
func runExportGraphML(ctx context.Context, g graph.Graph, out string, stdout, stderr io.Writer) error {
	write := func(w io.Writer) error { return graphml.Write(ctx, w, g) }
	if out == "-" {
		if err := write(stdout); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	} else if err := writeFileAtomic(out, write); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(stderr, "kg: %s, %s from %s → %s\n", count(len(g.Entities), "node"), count(len(g.Relations), "edge"), count(len(g.Documents), "document"), out)
	return nil
}

// runExportNeo4jImport writes the neo4j-admin import files of g into the
// folder out (made if missing), each replaced atomically, and prints the
// command that imports them.
func runExportNeo4jImport(vocab *schema.Schema, g graph.Graph, out string, stderr io.Writer) error {
	files, err := neo4jsink.ImportFiles(vocab, g)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, f := range files {
		if err := writeFileAtomic(filepath.Join(out, f.Name), f.Write); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	fmt.Fprintf(stderr, "kg: %s, %s, %s from %s → %s; import them into an empty database with\n  cd %s && %s\n",
		count(len(g.Documents)+len(g.Entities), "node"), count(len(g.Relations), "relation"), count(len(g.Mentions), "mention"),
		count(len(g.Documents), "document"), out, out, shellQuote(neo4jsink.ImportCommand(files, "neo4j")))
	return nil
}

// shellQuote joins args into a shell command line, single-quoting those
// with characters the shell would interpret ("--array-delimiter='|'").
func shellQuote(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if strings.ContainsAny(a, " |&;<>()$`\\\"'*?[]#~{}!") {
			k := strings.Index(a, "=") + 1 // "--flag='value'"
			out[i] = a[:k] + "'" + strings.ReplaceAll(a[k:], "'", `'\''`) + "'"
		}
	}
	return strings.Join(out, " ")
}

// writeFileAtomic writes path through write into a temporary file in the
// same directory, syncs it and renames it over path; on error path is left
// as it was and the temporary file is removed. A path that exists and is
// not a regular file (/dev/null, a named pipe) is written directly: the
// rename would replace the device or pipe by a regular file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	err = errors.Join(write(f), f.Chmod(csvws.Mode(path)), f.Sync())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
