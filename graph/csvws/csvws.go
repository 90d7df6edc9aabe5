// Package csvws reads and writes kg's CSV workspace: a directory holding
// documents.csv, entities.csv, relations.csv and mentions.csv, one record
// type of package graph per file (columns in docs/workspace.md).
//
// Write replaces the four files as one atomic step: every file is written
// to a temporary file in the same directory and synced; only when all four
// are complete does a commit journal record the renames, which then
// happen. An error before the journal leaves the old files untouched and
// removes the temporary ones; a crash after it is completed when the
// workspace's exclusive lock is next taken (Lock, or RLock for a reader).
// Write is called under Lock and Read under Lock or RLock, so readers never
// see old and new files mixed and never race a writer's commit.
//
// Text cells that a spreadsheet would run as a formula (starting with "=",
// "+", "-", "@", tab or carriage return) are written with a leading "'", as
// OWASP recommends against CSV injection; Read removes exactly that quote, so
// Write, Read, Write reproduces the same bytes. Numeric cells are never
// prefixed. Aliases and roles are joined with "|" in one cell.
package csvws

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gocarina/gocsv"

	"github.com/kg-project/kg/graph"
)

// File names of the workspace.
const (
	DocumentsFile = "documents.csv"
	EntitiesFile  = "entities.csv"
	RelationsFile = "relations.csv"
	MentionsFile  = "mentions.csv"
)

// workspaceFiles are the workspace's files, in the order they are written.
var workspaceFiles = []string{DocumentsFile, EntitiesFile, RelationsFile, MentionsFile}

// Write stores g in dir as the four workspace files, replacing them
// atomically (see the package comment). The caller holds Lock(dir). Records
// are written in the order of g's slices; graph.Merge sorts them.
func Write(ctx context.Context, dir string, g graph.Graph) error {
	docs, err := toRows("document", g.Documents, documentToRow, rowToDocument)
	if err != nil {
		return fmt.Errorf("write workspace %s: %w", dir, err)
	}
	ents, err := toRows("entity", g.Entities, entityToRow, rowToEntity)
	if err != nil {
		return fmt.Errorf("write workspace %s: %w", dir, err)
	}
	rels, err := toRows("relation", g.Relations, relationToRow, rowToRelation)
	if err != nil {
		return fmt.Errorf("write workspace %s: %w", dir, err)
	}
	ments, err := toRows("mention", g.Mentions, mentionToRow, rowToMention)
	if err != nil {
		return fmt.Errorf("write workspace %s: %w", dir, err)
	}

	rows := map[string]any{DocumentsFile: docs, EntitiesFile: ents, RelationsFile: rels, MentionsFile: ments}
	return WriteFiles(ctx, dir, func(_ context.Context, name string, w io.Writer) error {
		return gocsv.MarshalCSV(rows[name], gocsv.NewSafeCSVWriter(csv.NewWriter(w)))
	})
}

// Stored returns g as Write stores it and Read returns it: every record
// through its row, so with numbers rounded as the files write them
// (confidences to two decimals, coordinates to five). kg ingest loads Neo4j
// with it, so that Neo4j holds exactly what the workspace holds.
func Stored(g graph.Graph) (graph.Graph, error) {
	var out graph.Graph
	var err error
	if out.Documents, err = stored("document", g.Documents, documentToRow, rowToDocument); err != nil {
		return graph.Graph{}, err
	}
	if out.Entities, err = stored("entity", g.Entities, entityToRow, rowToEntity); err != nil {
		return graph.Graph{}, err
	}
	if out.Relations, err = stored("relation", g.Relations, relationToRow, rowToRelation); err != nil {
		return graph.Graph{}, err
	}
	if out.Mentions, err = stored("mention", g.Mentions, mentionToRow, rowToMention); err != nil {
		return graph.Graph{}, err
	}
	return out, nil
}

// stored returns recs as their rows read back; kind names the record in errors.
func stored[T, R any](kind string, recs []T, conv func(T) (R, error), back func(R) (T, error)) ([]T, error) {
	out := make([]T, len(recs))
	for i, rec := range recs {
		row, err := conv(rec)
		if err == nil {
			out[i], err = back(row)
		}
		if err != nil {
			return nil, fmt.Errorf("%s %d: %w", kind, i+1, err)
		}
	}
	return out, nil
}

// toRows converts records to rows with conv and checks each row with back,
// the conversion Read uses, so that Write never stores what Read rejects
// (an empty id, for instance). kind names the record in errors.
func toRows[T, R any](kind string, recs []T, conv func(T) (R, error), back func(R) (T, error)) ([]R, error) {
	rows := make([]R, len(recs))
	for i, rec := range recs {
		row, err := conv(rec)
		if err == nil {
			_, err = back(row)
		}
		if err != nil {
			return nil, fmt.Errorf("%s %d: %w", kind, i+1, err)
		}
		rows[i] = row
	}
	return rows, nil
}

// writeTemp writes a new temporary file next to dir/name with write, syncs
// and closes it, and returns its path (also on error, once created).
func writeTemp(dir, name string, write func(io.Writer) error) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = errors.Join(
		write(bw),
		bw.Flush(),
		f.Chmod(Mode(filepath.Join(dir, name))),
		f.Sync(),
	)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return f.Name(), fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
	}
	return f.Name(), nil
}

// Mode returns the permission bits of the file at path, or 0644 when
// there is none, so that a file replaced by a temporary one keeps the mode
// its owner gave it.
func Mode(path string) fs.FileMode {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		return fi.Mode().Perm()
	}
	return 0o644
}

// syncDir flushes dir's entries (the renames) to stable storage.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync workspace: %w", err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync workspace %s: %w", dir, err)
	}
	return nil
}

// Read loads the workspace in dir; the caller holds Lock(dir) or RLock(dir),
// which complete a Write that a crash interrupted after its commit journal
// (Read fails when one is pending). An absent directory or an absent file
// reads as empty, so a first ingest can merge into Read's result. A file
// that is not a well-formed workspace file (wrong header, a bad number, an
// empty id, broken CSV) is an error naming the file and line. Records are
// returned in file order.
func Read(ctx context.Context, dir string) (graph.Graph, error) {
	if hasJournal(dir) {
		return graph.Graph{}, fmt.Errorf("workspace %s: unfinished write (read it under the workspace lock)", dir)
	}
	var g graph.Graph
	var err error
	if g.Documents, err = readFile(ctx, dir, DocumentsFile, rowToDocument); err != nil {
		return graph.Graph{}, err
	}
	if g.Entities, err = readFile(ctx, dir, EntitiesFile, rowToEntity); err != nil {
		return graph.Graph{}, err
	}
	if g.Relations, err = readFile(ctx, dir, RelationsFile, rowToRelation); err != nil {
		return graph.Graph{}, err
	}
	if g.Mentions, err = readFile(ctx, dir, MentionsFile, rowToMention); err != nil {
		return graph.Graph{}, err
	}
	return g, nil
}

// Complete reports, as an error naming it, the first workspace file that
// dir lacks: a reader (kg load, kg export) of a folder that is not a whole
// workspace fails instead of reading it as empty, as Read does for a first
// ingest.
func Complete(dir string) error {
	for _, name := range workspaceFiles {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s is not a kg workspace: %s is missing", dir, name)
			}
			return fmt.Errorf("read workspace: %w", err)
		}
	}
	return nil
}

// readFile parses dir/name into rows of type R and converts each with conv.
func readFile[R, T any](ctx context.Context, dir, name string, conv func(R) (T, error)) ([]T, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read workspace %s: %w", dir, err)
	}
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read workspace: %w", err)
	}
	defer f.Close()

	var zero R
	lr := &lineReader{r: csv.NewReader(f), path: path, header: columns(zero), required: requiredColumns(zero)}
	var rows []R
	if err := gocsv.UnmarshalCSV(lr, &rows); err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return nil, err
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	out := make([]T, len(rows))
	for i, row := range rows {
		if out[i], err = conv(row); err != nil {
			return nil, &lineError{path: path, line: lr.lines[i+1], err: err}
		}
	}
	return out, nil
}

// lineError is a problem at one line of a workspace file.
type lineError struct {
	path string
	line int
	err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("read %s:%d: %v", e.path, e.line, e.err) }

func (e *lineError) Unwrap() error { return e.err }

// lineReader reads CSV records for gocsv, remembering the line on which each
// record starts (records may span lines) and checking the header.
type lineReader struct {
	r        *csv.Reader
	path     string
	header   []string // the columns the file must start with
	required int      // how many of them it must have: older files lack the last ones
	lines    []int    // start line of each record read, header included
}

// Read returns the next record.
func (l *lineReader) Read() ([]string, error) {
	rec, err := l.r.Read()
	if err != nil {
		return nil, err
	}
	line, _ := l.r.FieldPos(0)
	l.lines = append(l.lines, line)
	return rec, nil
}

// ReadAll returns every record, the header first. The header must start with
// the expected columns in order; more columns may follow and are ignored,
// and a file written before the last columns were added (past required)
// may lack them: their cells read as empty.
func (l *lineReader) ReadAll() ([][]string, error) {
	var recs [][]string
	for {
		rec, err := l.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
	if len(recs) > 0 && len(recs[0]) > 0 {
		// Spreadsheets may save UTF-8 with a byte order mark.
		recs[0][0] = strings.TrimPrefix(recs[0][0], "\ufeff")
	}
	if len(recs) == 0 {
		return nil, &lineError{path: l.path, line: 1, err: fmt.Errorf("empty file, want header %q", l.header)}
	}
	if n := min(len(recs[0]), len(l.header)); n < l.required || !slices.Equal(recs[0][:n], l.header[:n]) {
		return nil, &lineError{path: l.path, line: l.lines[0], err: fmt.Errorf("header %q, want %q", recs[0], l.header)}
	}
	return recs, nil
}
