package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/extract"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

// extractOptions are the settings of kg extract.
type extractOptions struct {
	Path      string
	Format    string
	Published string
	TypedOnly bool
	Explain   bool
}

func newExtractCommand() *cli.Command {
	return &cli.Command{
		Name: "extract",
		// positionalArgs parses every argument, so that "--" ends the flags.
		SkipFlagParsing: true,
		Usage:           "print the relations of one article (no files written)",
		ArgsUsage:       "PATH",
		Description: `Extracts PATH (a text file, a JSON Lines file or "-" for standard input) and
prints its relations: an aligned table (subject, relation, object, CAMEO,
sentence number) by default, or one JSON object per line (--format jsonl),
or CSV with the columns of relations.csv (--format csv).

--explain says how each relation was made: the id of the rule that made it,
the words it matched ("word#N", N the token's number in its sentence as in
kg parse: the predicate and the heads of the subject and object mentions),
the dependency arcs between the predicate and each argument head, and the
lexicon entries of the predicate that give the relation. In the table format
it prints one block per relation; in JSON Lines it adds an "explain" object.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "table", Usage: "`FORMAT`: table, jsonl or csv"},
			&cli.StringFlag{Name: "published", Usage: "publication `DATE` (YYYY-MM-DD) when the input has none"},
			&cli.BoolFlag{Name: "typed-only", Usage: "keep only relations of the schema vocabulary"},
			&cli.BoolFlag{Name: "explain", Usage: "print each relation's rule, matched words and arcs, and lexicon entries"},
		},
		Action: func(c *cli.Context) error {
			args, err := positionalArgs(c)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usagef("extract: exactly one PATH is required, got %d", len(args))
			}
			switch f := c.String("format"); f {
			case "table", "jsonl", "csv":
			default:
				return usagef("extract: unknown --format %q (want table, jsonl or csv)", f)
			}
			if c.Bool("explain") && c.String("format") == "csv" {
				return usagef("extract: --explain works with --format table or jsonl, not csv")
			}
			published, err := publishedFlag(c)
			if err != nil {
				return err
			}
			opts := extractOptions{Path: args[0], Format: c.String("format"), Published: published, TypedOnly: c.Bool("typed-only"), Explain: c.Bool("explain")}
			return runExtract(c.Context, opts, c.App.Reader, c.App.Writer)
		},
	}
}

// runExtract extracts the articles of one path and prints their relations.
func runExtract(ctx context.Context, opts extractOptions, stdin io.Reader, stdout io.Writer) error {
	res, err := source.Read(ctx, []string{opts.Path}, source.Options{Published: opts.Published, Stdin: stdin})
	if err != nil {
		return err
	}
	x, err := newExtractor(extract.Options{TypedOnly: opts.TypedOnly})
	if err != nil {
		return err
	}
	var rels []graph.Relation
	var explained []extract.Explanation
	for _, a := range res.Articles {
		g, ex, err := x.ExtractExplained(ctx, a)
		if err != nil {
			return err
		}
		rels = append(rels, g.Relations...)
		explained = append(explained, ex...)
	}
	if !opts.Explain {
		return printRelations(stdout, opts.Format, rels)
	}
	return printExplained(stdout, opts.Format, rels, explained)
}

// printExplained writes each relation with its explanation: a block per
// relation, or (jsonl) the JSON object with an "explain" object added.
func printExplained(w io.Writer, format string, rels []graph.Relation, ex []extract.Explanation) error {
	enc := json.NewEncoder(w)
	for i, r := range rels {
		e := ex[i]
		if format == "jsonl" {
			o := relationJSON(r)
			o["explain"] = map[string]any{"rule": e.Rule, "words": e.Words, "arcs": e.Arcs, "lexicon": e.Lexicon}
			if err := enc.Encode(o); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(w, "%s %s %s %s (sentence %d: %q)\n", r.Subject, relationLabel(r), r.Object, r.CAMEO, r.SentenceIndex+1, r.Sentence)
		fmt.Fprintf(w, "  rule: %s\n  words: %s\n", e.Rule, strings.Join(e.Words, "; "))
		if len(e.Arcs) > 0 {
			fmt.Fprintf(w, "  arcs: %s\n", strings.Join(e.Arcs, "; "))
		}
		for _, l := range e.Lexicon {
			fmt.Fprintf(w, "  lexicon: %s\n", l)
		}
	}
	return nil
}

// printRelations writes relations in the given format.
func printRelations(w io.Writer, format string, rels []graph.Relation) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		for _, r := range rels {
			if err := enc.Encode(relationJSON(r)); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"subject", "predicate", "relation", "object", "cameo", "negated", "date", "sentence_index", "sentence", "confidence"})
		n := csvws.Neutralize
		for _, r := range rels {
			_ = cw.Write([]string{n(r.Subject), n(r.Predicate), r.Relation, n(r.Object), r.CAMEO, strconv.FormatBool(r.Negated), r.Date,
				strconv.Itoa(r.SentenceIndex), n(r.Sentence), strconv.FormatFloat(r.Confidence, 'f', 2, 64)})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SUBJECT\tRELATION\tOBJECT\tCAMEO\tSENT\tPREDICATE")
	for _, r := range rels {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", r.Subject, relationLabel(r), r.Object, r.CAMEO, r.SentenceIndex+1, r.Predicate)
	}
	return tw.Flush()
}

// relationLabel is r's relation type as the table shows it: "NOT WARNS" when negated.
func relationLabel(r graph.Relation) string {
	if r.Negated {
		return "NOT " + r.Relation
	}
	return r.Relation
}

// relationJSON is the JSON Lines form of a relation.
func relationJSON(r graph.Relation) map[string]any {
	o := map[string]any{
		"subject": r.Subject, "predicate": r.Predicate, "relation": r.Relation, "object": r.Object,
		"cameo": r.CAMEO, "negated": r.Negated, "modality": r.Modality, "date": r.Date, "date_source": r.DateSource,
		"source": r.Source, "role": r.Role, "instrument": r.Instrument, "sentence_index": r.SentenceIndex,
		"sentence": r.Sentence, "confidence": r.Confidence, "rule": r.Rule,
	}
	if r.PlaceGeo != nil {
		o["place"], o["place_source"] = r.Place, r.PlaceSource
		o["lat"], o["lon"], o["place_geonames_id"] = r.PlaceGeo.Lat, r.PlaceGeo.Lon, r.PlaceGeo.GeoNamesID
	}
	return o
}
