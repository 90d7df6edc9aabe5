package neo4jsink

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Access says whether a query may change the database.
type Access int

// The accesses of Query.
const (
	// ReadOnly runs the query in a read session, in which the server
	// refuses to write.
	ReadOnly Access = iota
	// ReadWrite runs it in a write session.
	ReadWrite
)

// Query runs one Cypher statement in an auto-commit transaction of a
// session with the given access, with params as its parameters, and
// returns the column names and all rows. Values are as the driver returns them: nil, bool, int64, float64,
// string, []any, map[string]any, neo4j.Node, neo4j.Relationship, neo4j.Path,
// temporal and spatial types; WriteResult renders them.
func Query(ctx context.Context, cfg Config, access Access, cypher string, params map[string]any) (cols []string, rows [][]any, err error) {
	driver, err := connect(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	defer driver.Close(ctx)
	mode := neo4j.AccessModeRead
	if access == ReadWrite {
		mode = neo4j.AccessModeWrite
	}
	session := driver.NewSession(ctx, cfg.sessionConfig(mode))
	defer session.Close(ctx)

	res, err := session.Run(ctx, cypher, params)
	if err != nil {
		return nil, nil, cfg.errorf("%w", err)
	}
	records, err := res.Collect(ctx)
	if err != nil {
		return nil, nil, cfg.errorf("%w", err)
	}
	cols, err = res.Keys()
	if err != nil {
		return nil, nil, cfg.errorf("%w", err)
	}
	rows = make([][]any, len(records))
	for i, r := range records {
		rows[i] = r.Values
	}
	return cols, rows, nil
}
