package neo4jsink

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// ImportArrayDelimiter separates the elements of a list cell (and the
// labels of a node) in the files of ImportFiles; the workspace never has
// it in an alias or a role. neo4j-admin must be told (--array-delimiter).
const ImportArrayDelimiter = "|"

// ImportFile is one CSV file for neo4j-admin database import: its name and
// the function that writes it.
type ImportFile struct {
	Name  string
	Nodes bool // a --nodes file, else a --relationships file
	Write func(w io.Writer) error
}

// importColumn is one column of an import file: the property key, the
// neo4j-admin type (empty for string) and whether it is a list.
type importColumn struct{ key, typ string }

// The columns of the import files after their id (or start, end and type)
// columns, in docs/neo4j.md's order; every property a load writes.
var (
	documentColumns = []importColumn{{"path", ""}, {"title", ""}, {"url", ""}, {"published", ""}, {"sha256", ""},
		{"sentences", "int"}, {hashKey, ""}}
	entityColumns = []importColumn{{"type", ""}, {"name", ""}, {"aliases", "string[]"}, {"country", ""},
		{"mentions", "int"}, {"documents", "int"}, {"roles", "string[]"}, {"first_seen", ""},
		{"geonames_id", "long"}, {"lat", "double"}, {"lon", "double"}, {"point", "point{crs:WGS-84}"},
		{"feature_class", ""}, {"geo_confidence", "double"}, {hashKey, ""}}
	relationColumns = []importColumn{{"id", ""}, {"subject_id", ""}, {"subject", ""}, {"predicate", ""},
		{"relation", ""}, {"object_id", ""}, {"object", ""}, {"cameo", ""}, {"quad_class", "int"},
		{"goldstein", "double"}, {"negated", "boolean"}, {"date", ""}, {"document_id", ""}, {"sentence_index", "int"},
		{"sentence", ""}, {"confidence", "double"}, {"date_source", ""}, {"modality", ""}, {"source", ""},
		{"role", ""}, {"instrument", ""}, {"rule", ""}, {"place_id", ""}, {"place", ""}, {"place_source", ""},
		{"geonames_id", "long"}, {"lat", "double"}, {"lon", "double"}, {"point", "point{crs:WGS-84}"}, {hashKey, ""}}
)

// ImportFiles returns the files from which neo4j-admin database import
// builds the graph g in an empty database, as a load would (docs/neo4j.md,
// "First loads of large workspaces"): documents.csv and entities.csv
// (nodes, header id:ID,:LABEL,...), mentioned_in.csv and relations.csv
// (relationships, header :START_ID,:END_ID,:TYPE,...), every property with
// its neo4j-admin type, kg_hash included, so that a later kg load finds the
// imported graph unchanged. An empty cell is an absent property, as in a
// load. An empty list cannot be told from an absent one in these files,
// so an entity without aliases or roles gets no kg_hash: the first kg load
// after the import writes its empty lists. g is checked as Load checks it.
func ImportFiles(vocab *schema.Schema, g graph.Graph) ([]ImportFile, error) {
	t, err := newTarget(vocab, g)
	if err != nil {
		return nil, err
	}
	nodes := func(label string, cols []importColumn) func(io.Writer) error {
		return func(w io.Writer) error {
			cw := csv.NewWriter(w)
			if err := cw.Write(header([]string{"id:ID", ":LABEL"}, cols)); err != nil {
				return err
			}
			for _, id := range t.nodeOrder {
				n := t.nodes[id]
				if (label == labelDocument) != !n.entity() {
					continue
				}
				labels := labelDocument
				row := n.row
				if n.entity() {
					labels = labelEntity + ImportArrayDelimiter + n.label
					if len(row["aliases"].([]string)) == 0 || len(row["roles"].([]string)) == 0 {
						row = withoutHash(row)
					}
				}
				if err := cw.Write(append([]string{id, labels}, cells(row, cols)...)); err != nil {
					return err
				}
			}
			cw.Flush()
			return cw.Error()
		}
	}
	links := func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write([]string{":START_ID", ":END_ID", ":TYPE", "count:int"}); err != nil {
			return err
		}
		for _, l := range t.linkOrder {
			if err := cw.Write([]string{l.entity, l.doc, typeMentioned, strconv.Itoa(t.links[l].count)}); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	relations := func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write(header([]string{":START_ID", ":END_ID", ":TYPE"}, relationColumns)); err != nil {
			return err
		}
		for _, id := range t.relOrder {
			r := t.relations[id]
			if err := cw.Write(append([]string{r.start, r.end, r.typ}, cells(r.row, relationColumns)...)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	return []ImportFile{
		{Name: "documents.csv", Nodes: true, Write: nodes(labelDocument, documentColumns)},
		{Name: "entities.csv", Nodes: true, Write: nodes(labelEntity, entityColumns)},
		{Name: "mentioned_in.csv", Write: links},
		{Name: "relations.csv", Write: relations},
	}, nil
}

// ImportCommand returns the arguments of the neo4j-admin command that
// imports files (in the current directory) into database. The database
// comes first: --nodes and --relationships take every argument after them.
func ImportCommand(files []ImportFile, database string) []string {
	cmd := []string{"neo4j-admin", "database", "import", "full", database, "--array-delimiter=" + ImportArrayDelimiter,
		"--multiline-fields=true"}
	for _, f := range files {
		kind := "--relationships="
		if f.Nodes {
			kind = "--nodes="
		}
		cmd = append(cmd, kind+f.Name)
	}
	return cmd
}

// header returns the header cells: first, then each column's key with its
// type ("sentences:int").
func header(first []string, cols []importColumn) []string {
	out := first
	for _, c := range cols {
		if c.typ == "" {
			out = append(out, c.key)
		} else {
			out = append(out, c.key+":"+c.typ)
		}
	}
	return out
}

// cells returns the row's values of cols as import cells; an absent
// property is an empty cell.
func cells(row map[string]any, cols []importColumn) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		switch v := row[c.key].(type) {
		case nil:
		case string:
			out[i] = v
		case int:
			out[i] = strconv.Itoa(v)
		case int64:
			out[i] = strconv.FormatInt(v, 10)
		case neo4j.Point2D: // WGS-84: x the longitude
			out[i] = "{latitude:" + strconv.FormatFloat(v.Y, 'g', -1, 64) + ",longitude:" + strconv.FormatFloat(v.X, 'g', -1, 64) + "}"
		case float64:
			out[i] = strconv.FormatFloat(v, 'g', -1, 64)
		case bool:
			out[i] = strconv.FormatBool(v)
		case []string:
			out[i] = strings.Join(v, ImportArrayDelimiter)
		default: // the row functions put only the types above
			out[i] = fmt.Sprint(v)
		}
	}
	return out
}

// withoutHash returns a copy of row without hashKey.
func withoutHash(row map[string]any) map[string]any {
	out := make(map[string]any, len(row))
	for k, v := range row {
		if k != hashKey {
			out[k] = v
		}
	}
	return out
}
