package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

// exportQueries select each workspace file's lines in the file's order:
// documents, entities and relations by id, mentions by document, start,
// end and entity (the order graph.Merge sorts them in).
var exportQueries = map[string]string{
	csvws.DocumentsFile: `SELECT line FROM documents ORDER BY id`,
	csvws.EntitiesFile:  `SELECT line FROM entities ORDER BY id`,
	csvws.RelationsFile: `SELECT line FROM relations ORDER BY id`,
	csvws.MentionsFile:  `SELECT line FROM mentions ORDER BY doc, start, end, entity`,
}

// Sync makes the store hold what the workspace's CSV files hold when they
// are not the files that the store last wrote or read: when a workspace
// has only CSV files (made by an earlier kg) or another program replaced
// them, the store's content is replaced by theirs. Workspace files that are
// all absent leave the store as it is (the next Export writes them). It
// reports whether it imported.
func (s *Store) Sync(ctx context.Context) (bool, error) {
	stamp, err := csvStamp(s.dir)
	if err != nil {
		return false, err
	}
	recorded, err := meta(ctx, s.db, "csv")
	if err != nil {
		return false, fmt.Errorf("store %s: %w", s.dir, err)
	}
	if stamp == "" || stamp == recorded {
		return false, nil
	}
	g, err := csvws.Read(ctx, s.dir) // its errors name the file and line
	if err != nil {
		return false, err
	}
	err = s.update(ctx, func(tx *sql.Tx) error {
		for _, table := range []string{"documents", "entities", "relations", "mentions", "relink"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
				return err
			}
		}
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, d := range g.Documents {
			if err := w.document(ctx, d); err != nil {
				return err
			}
		}
		for _, e := range g.Entities {
			if err := w.entity(ctx, e); err != nil {
				return err
			}
		}
		for _, r := range g.Relations {
			if err := w.relation(ctx, r); err != nil {
				return err
			}
		}
		for _, m := range g.Mentions {
			if err := w.mention(ctx, m); err != nil {
				return err
			}
		}
		// graph.Merge links the persons of the whole workspace; files
		// another program wrote may hold persons that link.
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO relink SELECT DISTINCT surname FROM entities WHERE surname IS NOT NULL`); err != nil {
			return err
		}
		return setMeta(ctx, tx, "csv", stamp)
	})
	if err != nil {
		return false, fmt.Errorf("import the CSV files of %s: %w", s.dir, err)
	}
	if err := os.Remove(filepath.Join(s.dir, staleFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return true, fmt.Errorf("store %s: %w", s.dir, err)
	}
	return true, nil
}

// update runs f in one transaction, committed when f returns nil.
func (s *Store) update(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Export writes the store as the workspace's four CSV files, replacing them
// atomically (csvws.WriteFiles), records them as the store's own and
// removes the stale marker. The files are those csvws.Write writes for the
// graph the store holds, byte for byte.
func (s *Store) Export(ctx context.Context) error {
	err := csvws.WriteFiles(ctx, s.dir, func(ctx context.Context, name string, w io.Writer) error {
		header, err := csvws.Header(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, header); err != nil {
			return err
		}
		rows, err := s.db.QueryContext(ctx, exportQueries[name])
		if err != nil {
			return fmt.Errorf("store %s: %w", s.dir, err)
		}
		defer rows.Close()
		var line string
		for rows.Next() {
			if err := rows.Scan(&line); err != nil {
				return fmt.Errorf("store %s: %w", s.dir, err)
			}
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store %s: %w", s.dir, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	stamp, err := csvStamp(s.dir)
	if err != nil {
		return err
	}
	if err := setMeta(ctx, s.db, "csv", stamp); err != nil {
		return fmt.Errorf("store %s: %w", s.dir, err)
	}
	if err := os.Remove(filepath.Join(s.dir, staleFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("store %s: %w", s.dir, err)
	}
	return nil
}

// Graph returns the whole graph the store holds, as csvws.Read returns the
// files Export writes: for a load into Neo4j.
func (s *Store) Graph(ctx context.Context) (graph.Graph, error) {
	var g graph.Graph
	var err error
	if g.Documents, err = scanAll(ctx, s, csvws.DocumentsFile, csvws.ParseDocument); err != nil {
		return graph.Graph{}, err
	}
	if g.Entities, err = scanAll(ctx, s, csvws.EntitiesFile, csvws.ParseEntity); err != nil {
		return graph.Graph{}, err
	}
	if g.Relations, err = scanAll(ctx, s, csvws.RelationsFile, csvws.ParseRelation); err != nil {
		return graph.Graph{}, err
	}
	if g.Mentions, err = scanAll(ctx, s, csvws.MentionsFile, csvws.ParseMention); err != nil {
		return graph.Graph{}, err
	}
	return g, nil
}

// scanAll parses every line of the file name's table, in file order.
func scanAll[T any](ctx context.Context, s *Store, name string, parse func(string) (T, error)) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, exportQueries[name])
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.dir, err)
	}
	defer rows.Close()
	var out []T
	var line string
	for rows.Next() {
		if err := rows.Scan(&line); err != nil {
			return nil, fmt.Errorf("store %s: %w", s.dir, err)
		}
		rec, err := parse(line)
		if err != nil {
			return nil, fmt.Errorf("store %s: %s: %w", s.dir, name, err)
		}
		out = append(out, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store %s: %w", s.dir, err)
	}
	return out, nil
}
