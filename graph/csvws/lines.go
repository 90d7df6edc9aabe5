package csvws

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/kg-project/kg/graph"
)

// Files are the workspace's four files, in the order Write and WriteFiles
// write them.
func Files() []string { return append([]string(nil), workspaceFiles...) }

// Header returns the header line of the workspace file name (with its
// line end), as Write writes it.
func Header(name string) (string, error) {
	var cols []string
	switch name {
	case DocumentsFile:
		cols = columns(documentRow{})
	case EntitiesFile:
		cols = columns(entityRow{})
	case RelationsFile:
		cols = columns(relationRow{})
	case MentionsFile:
		cols = columns(mentionRow{})
	default:
		return "", fmt.Errorf("%s is no workspace file", name)
	}
	return csvLine(cols)
}

// DocumentLine returns d as its line of documents.csv, exactly as Write
// writes it (line end included); what Read would reject is an error.
func DocumentLine(d graph.Document) (string, error) {
	return recordLine(d, documentToRow, rowToDocument)
}

// EntityLine returns e as its line of entities.csv (see DocumentLine).
func EntityLine(e graph.Entity) (string, error) { return recordLine(e, entityToRow, rowToEntity) }

// RelationLine returns r as its line of relations.csv (see DocumentLine).
func RelationLine(r graph.Relation) (string, error) {
	return recordLine(r, relationToRow, rowToRelation)
}

// MentionLine returns m as its line of mentions.csv (see DocumentLine).
func MentionLine(m graph.Mention) (string, error) { return recordLine(m, mentionToRow, rowToMention) }

// ParseDocument returns the document of a line that DocumentLine made.
func ParseDocument(line string) (graph.Document, error) { return parseLine(line, rowToDocument) }

// ParseEntity returns the entity of a line that EntityLine made.
func ParseEntity(line string) (graph.Entity, error) { return parseLine(line, rowToEntity) }

// ParseRelation returns the relation of a line that RelationLine made.
func ParseRelation(line string) (graph.Relation, error) { return parseLine(line, rowToRelation) }

// ParseMention returns the mention of a line that MentionLine made.
func ParseMention(line string) (graph.Mention, error) { return parseLine(line, rowToMention) }

// recordLine converts rec to its row, checks it with back as toRows does,
// and returns the row's CSV line.
func recordLine[T, R any](rec T, conv func(T) (R, error), back func(R) (T, error)) (string, error) {
	row, err := conv(rec)
	if err == nil {
		_, err = back(row)
	}
	if err != nil {
		return "", err
	}
	v := reflect.ValueOf(row)
	cells := make([]string, v.NumField())
	for i := range cells {
		cells[i] = v.Field(i).String()
	}
	return csvLine(cells)
}

// parseLine reads one CSV record of a row type's columns and converts it.
func parseLine[R, T any](line string, conv func(R) (T, error)) (T, error) {
	var zero T
	cells, err := csv.NewReader(strings.NewReader(line)).Read()
	if err != nil {
		return zero, fmt.Errorf("stored row %.40q: %w", line, err)
	}
	var row R
	v := reflect.ValueOf(&row).Elem()
	if len(cells) != v.NumField() {
		return zero, fmt.Errorf("stored row %.40q: %d cells, want %d", line, len(cells), v.NumField())
	}
	for i, c := range cells {
		v.Field(i).SetString(c)
	}
	return conv(row)
}

// csvLine returns cells as one CSV record with its line end, quoted as
// Write quotes.
func csvLine(cells []string) (string, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(cells); err != nil {
		return "", err
	}
	w.Flush()
	return b.String(), w.Error()
}

// WriteFiles replaces the four workspace files of dir atomically, as Write
// does, with what write writes for each file name (header and lines, see
// Header and the Line functions), so that a store can write the workspace
// without holding the graph in memory. The caller holds Lock(dir).
func WriteFiles(ctx context.Context, dir string, write func(ctx context.Context, name string, w io.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write workspace: %w", err)
	}
	var renames []rename
	for _, name := range workspaceFiles {
		if err := ctx.Err(); err != nil {
			removeTemps(dir, renames)
			return fmt.Errorf("write workspace %s: %w", dir, err)
		}
		tmp, err := writeTemp(dir, name, func(w io.Writer) error { return write(ctx, name, w) })
		if tmp != "" {
			renames = append(renames, rename{filepath.Base(tmp), name})
		}
		if err != nil {
			removeTemps(dir, renames)
			return err
		}
	}
	return commit(dir, renames)
}
