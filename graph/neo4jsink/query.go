package neo4jsink

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Query runs one Cypher statement (read or write) in an auto-commit
// transaction with params as its parameters and returns the column names and
// all rows. Values are as the driver returns them: nil, bool, int64, float64,
// string, []any, map[string]any, neo4j.Node, neo4j.Relationship, neo4j.Path,
// temporal and spatial types; WriteResult renders them.
func Query(ctx context.Context, cfg Config, cypher string, params map[string]any) (cols []string, rows [][]any, err error) {
	driver, err := connect(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	defer driver.Close(ctx)
	session := driver.NewSession(ctx, cfg.sessionConfig(neo4j.AccessModeWrite))
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
