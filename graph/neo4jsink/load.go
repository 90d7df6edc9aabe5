package neo4jsink

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// step is one kind of write: a fixed Cypher statement that UNWINDs $rows,
// and the rows it is run with, batch by batch.
type step struct {
	what   string // for errors: "new documents", "updated Country entities", "new SUPPLIES relations"
	cypher string
	rows   []any // each a map[string]any
	// counted steps (updates and creations) must write every row: Load
	// has the statement return the number of rows it matched and checks it.
	counted bool
}

// Stats counts what one Load changed in Neo4j: the nodes and
// relationships it created, updated (some property differed) and deleted,
// and those that were already as the graph wants them.
type Stats struct {
	NodesCreated, NodesUpdated, NodesDeleted                         int
	RelationshipsCreated, RelationshipsUpdated, RelationshipsDeleted int
	Unchanged                                                        int
}

// Written returns the number of nodes and relationships the load created,
// updated or deleted: the rows it sent.
func (s Stats) Written() int {
	return s.NodesCreated + s.NodesUpdated + s.NodesDeleted +
		s.RelationshipsCreated + s.RelationshipsUpdated + s.RelationshipsDeleted
}

// String says what the load did in one line: "created 4 nodes and 5
// relationships, updated 0 nodes and 0 relationships, deleted 0 nodes and
// 1 relationship, 12 unchanged".
func (s Stats) String() string {
	return fmt.Sprintf("created %s and %s, updated %s and %s, deleted %s and %s, %d unchanged",
		plural(s.NodesCreated, "node"), plural(s.RelationshipsCreated, "relationship"),
		plural(s.NodesUpdated, "node"), plural(s.RelationshipsUpdated, "relationship"),
		plural(s.NodesDeleted, "node"), plural(s.RelationshipsDeleted, "relationship"), s.Unchanged)
}

// plural returns n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Load makes the configured Neo4j hold exactly g (docs/neo4j.md, "Mirror"):
// it checks that every label and relationship type is in the schema
// vocabulary (before connecting), checks the connection and credentials,
// creates the constraints of schema.Constraints and
// Schema.RelationConstraints that are missing, lists the nodes and
// relationships kg owns in the database, and then sends only the
// difference: deletions of what g does not have, updates of what differs,
// creations of what is new, in batches of cfg.BatchSize rows, each batch
// one managed write transaction.
func Load(ctx context.Context, cfg Config, vocab *schema.Schema, g graph.Graph) (Stats, error) {
	t, err := newTarget(vocab, g)
	if err != nil {
		return Stats{}, err
	}
	t.shard = cfg.Shard
	driver, err := connect(ctx, cfg)
	if err != nil {
		return Stats{}, err
	}
	defer driver.Close(ctx)
	session := driver.NewSession(ctx, cfg.sessionConfig(neo4j.AccessModeWrite))
	defer session.Close(ctx)

	if err := createConstraints(ctx, session, vocab); err != nil {
		return Stats{}, cfg.errorf("create constraints: %w", err)
	}
	// The listing streams every record without waiting for the client
	// to ask for the next thousand, as it would by default.
	lcfg := cfg.sessionConfig(neo4j.AccessModeRead)
	lcfg.FetchSize = neo4j.FetchAll
	lister := driver.NewSession(ctx, lcfg)
	defer lister.Close(ctx)
	diff, err := listDatabase(ctx, lister, t)
	if err != nil {
		return Stats{}, cfg.errorf("list the graph in the database: %w", err)
	}
	steps, stats := t.steps(diff)
	if err := runSteps(ctx, cfg, session, steps); err != nil {
		return Stats{}, err
	}
	if t.shard {
		if err := mergeShardEntities(ctx, cfg, session, t, g, &stats); err != nil {
			return Stats{}, err
		}
	}
	return stats, nil
}

// runSteps runs the steps in order, each in batches of cfg's batch size,
// each batch one managed write transaction; a counted step that writes
// fewer rows than it sent fails, saying to run the load again.
func runSteps(ctx context.Context, cfg Config, session neo4j.SessionWithContext, steps []step) error {
	size := cfg.batchSize()
	for _, s := range steps {
		for start := 0; start < len(s.rows); start += size {
			end := min(start+size, len(s.rows))
			params := map[string]any{"rows": s.rows[start:end]}
			if !s.counted {
				if err := write(ctx, session, s.cypher, params); err != nil {
					return cfg.errorf("load %s %d-%d of %d: %w", s.what, start+1, end, len(s.rows), err)
				}
				continue
			}
			n, err := writeCount(ctx, session, s.cypher+" RETURN count(*)", params)
			if err != nil {
				return cfg.errorf("load %s %d-%d of %d: %w", s.what, start+1, end, len(s.rows), err)
			}
			if n != int64(end-start) {
				// A node it needed was deleted since the listing.
				return cfg.errorf("load %s %d-%d of %d: %d written: another writer changed the graph during the load; run it again",
					s.what, start+1, end, len(s.rows), n)
			}
		}
	}
	return nil
}

// schemaName returns the name that a CREATE CONSTRAINT or CREATE ... INDEX
// statement gives: the word after CONSTRAINT or INDEX.
func schemaName(statement string) string {
	f := strings.Fields(statement)
	for i := 0; i+1 < len(f); i++ {
		if f[i] == "CONSTRAINT" || f[i] == "INDEX" {
			return f[i+1]
		}
	}
	return ""
}

// writeCount runs one statement that returns one count in a managed write
// transaction, and returns the count.
func writeCount(ctx context.Context, session neo4j.SessionWithContext, cypher string, params map[string]any) (int64, error) {
	n, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		return rec.Values[0], nil
	})
	if err != nil {
		return 0, err
	}
	count, _ := n.(int64)
	return count, nil
}

// createConstraints creates the constraints and indexes of
// schema.Constraints and vocab.RelationConstraints that the database does
// not have yet (by name, as SHOW INDEXES lists them: a constraint's index
// has the constraint's name), so that a load into a prepared database
// costs one query, not one per relation type.
func createConstraints(ctx context.Context, session neo4j.SessionWithContext, vocab *schema.Schema) error {
	have := map[string]bool{}
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		clear(have)
		// A constraint's index has the constraint's name.
		res, err := tx.Run(ctx, "SHOW INDEXES YIELD name RETURN name", nil)
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			have[str(res.Record().Values[0])] = true
		}
		return nil, res.Err()
	})
	if err != nil {
		return err
	}
	for _, c := range slices.Concat(schema.Constraints(), vocab.RelationConstraints()) {
		if have[schemaName(c)] {
			continue
		}
		if err := write(ctx, session, c, nil); err != nil {
			return err
		}
	}
	return nil
}

// write runs one statement in a managed write transaction, which the driver
// retries on transient failures.
func write(ctx context.Context, session neo4j.SessionWithContext, cypher string, params map[string]any) error {
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	return err
}
