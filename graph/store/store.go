// Package store is the workspace's store of record: an SQLite database,
// kg.db, in the workspace directory beside the four CSV files, through a
// pure-Go driver (kg stays one static binary). Each record is kept as its
// CSV line (csvws.DocumentLine, ...) under the keys that sort and find it,
// so writing the CSV files is a sorted scan, and merging a batch of new
// documents (Add) reads and writes only the records that the batch
// touches: its documents, its entities, the persons that share a surname
// with its persons, and the mentions and relations of entities re-linked.
// The result is the one graph.Merge gives for the same workspace and batch
// (docs/workspace.md).
//
// The CSV files are the spreadsheet view of the store. Export rewrites them
// (atomically, through csvws.WriteFiles) and records their sizes and times;
// when another program has replaced them since (an older kg, a script
// writing with csvws.Write), Sync imports them in place of the store's
// content, so a workspace that has only CSV files is imported on first use.
// While the files lag behind the store (between the batches of a long
// ingest, or after kg ingest --no-csv), a marker file, .kg-csv-stale, says
// so; readers then have the files rewritten first (Stale, Export).
//
// Every method is called under the workspace's exclusive lock
// (csvws.Lock), which serializes kg processes on one workspace; SQLite's
// transactions make each Add and Sync all or nothing, across crashes too.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite", pure Go

	"github.com/kg-project/kg/graph/csvws"
)

// File is the store's database file in the workspace directory.
const File = "kg.db"

// staleFile marks a workspace whose CSV files lag behind its store.
const staleFile = ".kg-csv-stale"

// schemaVersion is the layout of the tables below; a database of another
// version is refused.
const schemaVersion = "1"

// tables creates the store's tables. Each record is its CSV line (line);
// the other columns are the keys that sort, find and link records. relink
// holds the surname keys whose persons the next Add links again (see
// merger.persons).
const tables = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents (
	id TEXT PRIMARY KEY, published TEXT NOT NULL, line TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
	id TEXT PRIMARY KEY, surname TEXT, words INTEGER NOT NULL,
	mentions INTEGER NOT NULL, line TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_surname ON entities (surname) WHERE surname IS NOT NULL;
CREATE INDEX IF NOT EXISTS entities_unmentioned ON entities (id) WHERE mentions = 0;
CREATE TABLE IF NOT EXISTS relations (
	id TEXT PRIMARY KEY, doc TEXT NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL,
	line TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS relations_doc ON relations (doc);
CREATE INDEX IF NOT EXISTS relations_subject ON relations (subject);
CREATE INDEX IF NOT EXISTS relations_object ON relations (object);
CREATE TABLE IF NOT EXISTS mentions (
	doc TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, entity TEXT NOT NULL,
	line TEXT NOT NULL, PRIMARY KEY (doc, start, end, entity)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity, doc);
CREATE TABLE IF NOT EXISTS relink (surname TEXT PRIMARY KEY) WITHOUT ROWID;
`

// Store is an open kg.db.
type Store struct {
	dir string
	db  *sql.DB
}

// Exists reports whether the workspace dir has a store.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, File))
	return err == nil
}

// Open opens (creating it when absent) the store of the workspace dir. The
// caller holds csvws.Lock(dir) and closes the store before releasing it.
func Open(ctx context.Context, dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	path := filepath.Join(dir, File)
	// WAL with full sync: a committed Add survives a crash or power loss,
	// an interrupted one leaves nothing. The cache bounds the memory.
	dsn := "file:" + path + "?_txlock=immediate" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" +
		"&_pragma=busy_timeout(60000)&_pragma=cache_size(-8192)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one connection: the pragmas hold for every statement
	s := &Store{dir: dir, db: db}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// init creates the tables of a new store and checks the version of an
// existing one.
func (s *Store) init(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, tables); err != nil {
		return err
	}
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'version'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('version', ?)`, schemaVersion)
		return err
	case err != nil:
		return err
	case v != schemaVersion:
		return fmt.Errorf("store version %q, this kg reads version %s", v, schemaVersion)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Stale reports whether the CSV files of the workspace dir lag behind its
// store, so that a reader must have them written (Export) first.
func Stale(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, staleFile))
	return err == nil
}

// markStale creates the marker of stale CSV files, durably, before a
// change of the store commits.
func (s *Store) markStale() error {
	path := filepath.Join(s.dir, staleFile)
	if Stale(s.dir) {
		return nil
	}
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		return fmt.Errorf("store %s: %w", s.dir, err)
	}
	return syncDir(s.dir)
}

// syncDir flushes dir's entries to stable storage.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// csvStamp describes the workspace's CSV files as they are now (size and
// modification time of each), or "" when none exists.
func csvStamp(dir string) (string, error) {
	var b strings.Builder
	found := false
	for _, name := range csvws.Files() {
		fi, err := os.Stat(filepath.Join(dir, name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(&b, "%s -\n", name)
		case err != nil:
			return "", fmt.Errorf("store %s: %w", dir, err)
		default:
			found = true
			fmt.Fprintf(&b, "%s %d %d\n", name, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	if !found {
		return "", nil
	}
	return b.String(), nil
}

// meta returns the value of key in the meta table ("" when absent).
func meta(ctx context.Context, q querier, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// setMeta sets key to value in the meta table.
func setMeta(ctx context.Context, q querier, key, value string) error {
	_, err := q.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, key, value)
	return err
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
