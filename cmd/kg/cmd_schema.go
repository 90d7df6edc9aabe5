package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/schema"
)

func newSchemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print the entity types, relation vocabulary with CAMEO codes, and Neo4j constraints",
		Description: `Prints kg's vocabulary: the entity types (Neo4j labels), every relation type
(Neo4j relationship type) with its kind, default CAMEO code, quad class and
Goldstein score, the size of the verb/noun lexicon and of the gazetteers, and
the Cypher constraints kg creates. See docs/schema.md.

EXIT STATUS
   0 on success, 1 on failure, 2 on a usage error.`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("schema: takes no arguments")
			}
			return runSchema(c.Context, c.App.Writer)
		},
	}
}

// runSchema loads the embedded schema and describes it on w.
func runSchema(_ context.Context, w io.Writer) error {
	s, err := schema.Load()
	if err != nil {
		return err
	}
	return schema.Describe(w, s)
}
