package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

// writer stores records as their CSV lines, with prepared statements of
// one transaction.
type writer struct {
	doc, ent, rel, men *sql.Stmt
}

// newWriter prepares the statements in tx.
func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	var w writer
	var err error
	prepare := func(query string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, query)
		return st
	}
	w.doc = prepare(`INSERT OR REPLACE INTO documents (id, published, line) VALUES (?, ?, ?)`)
	w.ent = prepare(`INSERT OR REPLACE INTO entities (id, surname, words, mentions, line) VALUES (?, ?, ?, ?, ?)`)
	// A relation or mention already stored stays: the first one wins, as
	// in graph.Merge.
	w.rel = prepare(`INSERT OR IGNORE INTO relations (id, doc, subject, object, line) VALUES (?, ?, ?, ?, ?)`)
	w.men = prepare(`INSERT OR IGNORE INTO mentions (doc, start, end, entity, line) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		w.close()
		return nil, err
	}
	return &w, nil
}

// close releases the statements.
func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.doc, w.ent, w.rel, w.men} {
		if st != nil {
			st.Close()
		}
	}
}

// document stores d, replacing the document with its id.
func (w *writer) document(ctx context.Context, d graph.Document) error {
	line, err := csvws.DocumentLine(d)
	if err != nil {
		return fmt.Errorf("document %s: %w", d.ID, err)
	}
	_, err = w.doc.ExecContext(ctx, d.ID, d.Published, line)
	return err
}

// entity stores e, replacing the entity with its id.
func (w *writer) entity(ctx context.Context, e graph.Entity) error {
	line, err := csvws.EntityLine(e)
	if err != nil {
		return fmt.Errorf("entity %s: %w", e.ID, err)
	}
	var surname any
	key, words := graph.SurnameKey(e)
	if words > 0 {
		surname = key
	}
	_, err = w.ent.ExecContext(ctx, e.ID, surname, words, e.Mentions, line)
	return err
}

// relation stores r unless a relation with its id is stored.
func (w *writer) relation(ctx context.Context, r graph.Relation) error {
	line, err := csvws.RelationLine(r)
	if err != nil {
		return fmt.Errorf("relation %s: %w", r.ID, err)
	}
	_, err = w.rel.ExecContext(ctx, r.ID, r.DocumentID, r.SubjectID, r.ObjectID, line)
	return err
}

// mention stores m unless it is stored.
func (w *writer) mention(ctx context.Context, m graph.Mention) error {
	line, err := csvws.MentionLine(m)
	if err != nil {
		return fmt.Errorf("mention of %s in %s: %w", m.EntityID, m.DocumentID, err)
	}
	_, err = w.men.ExecContext(ctx, m.DocumentID, m.Start, m.End, m.EntityID, line)
	return err
}
