package neo4jsink

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/kg-project/kg/graph/csvws"
)

// Format is an output format of WriteResult.
type Format string

// The output formats.
const (
	// FormatTable is an aligned text table with a header line and a dashed
	// rule; cells are rendered as by Text, with line breaks and tabs
	// turned into spaces.
	FormatTable Format = "table"
	// FormatCSV is RFC 4180 CSV with a header record; text cells that a
	// spreadsheet would run as a formula get a leading "'" (OWASP).
	FormatCSV Format = "csv"
	// FormatJSON is a JSON array with one object per row, keys in column
	// order; nodes, relationships and paths become objects (see JSONValue).
	FormatJSON Format = "json"
)

// Formats lists the output formats, in the order help text shows them.
func Formats() []Format { return []Format{FormatTable, FormatCSV, FormatJSON} }

// WriteResult writes a query result (as returned by Query) to w in format f.
func WriteResult(w io.Writer, f Format, cols []string, rows [][]any) error {
	switch f {
	case FormatTable:
		return writeTable(w, cols, rows)
	case FormatCSV:
		return writeCSV(w, cols, rows)
	case FormatJSON:
		return writeJSON(w, cols, rows)
	}
	return fmt.Errorf("unknown output format %q (want table, csv or json)", f)
}

func writeTable(w io.Writer, cols []string, rows [][]any) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	line := func(cells []string) { fmt.Fprintln(tw, strings.Join(cells, "\t")) }
	// What tabwriter or a terminal reads as a cell or line break becomes a
	// space, so that each row stays one line.
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ", "\v", " ", "\f", " ")
	heads := make([]string, len(cols))
	rule := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = flat.Replace(c)
		rule[i] = strings.Repeat("-", max(len([]rune(heads[i])), 1))
	}
	line(heads)
	line(rule)
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = flat.Replace(Text(v))
		}
		line(cells)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var out strings.Builder
	for l := range strings.Lines(buf.String()) {
		out.WriteString(strings.TrimRight(l, " \n") + "\n")
	}
	_, err := io.WriteString(w, out.String())
	return err
}

func writeCSV(w io.Writer, cols []string, rows [][]any) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(cols); err != nil {
		return err
	}
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = Text(v)
			if _, isString := v.(string); isString {
				cells[i] = csvws.Neutralize(cells[i])
			}
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeJSON(w io.Writer, cols []string, rows [][]any) error {
	var buf bytes.Buffer
	buf.WriteString("[")
	for i, row := range rows {
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n  {")
		for j, v := range row {
			if j > 0 {
				buf.WriteString(", ")
			}
			key, err := json.Marshal(cols[j])
			if err != nil {
				return err
			}
			val, err := json.Marshal(JSONValue(v))
			if err != nil {
				return fmt.Errorf("column %s: %w", cols[j], err)
			}
			buf.Write(key)
			buf.WriteString(": ")
			buf.Write(val)
		}
		buf.WriteString("}")
	}
	if len(rows) > 0 {
		buf.WriteString("\n")
	}
	buf.WriteString("]\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// Text renders a value returned by Query as text for a table or CSV cell:
// null as the empty string, strings as they are, numbers and booleans in Go
// syntax, dates and times in ISO 8601, lists as [a, b], maps as {k: v}; a
// node as (:Label {key: value, ...}), a relationship as [:TYPE {key: value,
// ...}] (properties sorted by key), and a path compactly by its nodes' names
// (or ids) and relationship types, e.g. (Russia)-[:INVADES]->(Ukraine).
func Text(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if v == nil {
		return ""
	}
	return literal(v)
}

// literal renders v as Text does, except that strings are quoted: the form
// values take inside lists, maps and node properties.
func literal(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(v)
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case []any:
		items := make([]string, len(v))
		for i, x := range v {
			items[i] = literal(x)
		}
		return "[" + strings.Join(items, ", ") + "]"
	case map[string]any:
		return properties(v)
	case dbtype.Node:
		return "(" + labels(v.Labels) + propertiesSuffix(v.Props) + ")"
	case dbtype.Relationship:
		return "[:" + v.Type + propertiesSuffix(v.Props) + "]"
	case dbtype.Path:
		return pathText(v)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// labels renders node labels as ":A:B", sorted.
func labels(ls []string) string {
	sorted := slices.Sorted(slices.Values(ls))
	if len(sorted) == 0 {
		return ""
	}
	return ":" + strings.Join(sorted, ":")
}

// propertiesSuffix renders " {k: v, ...}", or nothing for no properties.
func propertiesSuffix(props map[string]any) string {
	if len(props) == 0 {
		return ""
	}
	return " " + properties(props)
}

// properties renders a map as {k: v, ...} with keys sorted.
func properties(m map[string]any) string {
	keys := slices.Sorted(maps.Keys(m))
	items := make([]string, len(keys))
	for i, k := range keys {
		items[i] = k + ": " + literal(m[k])
	}
	return "{" + strings.Join(items, ", ") + "}"
}

// pathText renders a path by node name (or id, or element id) and
// relationship type, with each arrow pointing the relationship's way.
func pathText(p dbtype.Path) string {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 {
			r := p.Relationships[i-1]
			if r.StartElementId == n.ElementId {
				b.WriteString("<-[:" + r.Type + "]-")
			} else {
				b.WriteString("-[:" + r.Type + "]->")
			}
		}
		b.WriteString("(" + nodeName(n) + ")")
	}
	return b.String()
}

// nodeName is the short name of a node in a path.
func nodeName(n dbtype.Node) string {
	for _, key := range []string{"name", "id"} {
		if s, ok := n.Props[key].(string); ok && s != "" {
			return s
		}
	}
	return n.ElementId
}

// JSONValue converts a value returned by Query into one encoding/json writes
// readably: a node becomes {"element_id", "labels", "properties"}, a
// relationship {"element_id", "type", "start", "end", "properties"} (start
// and end are node element ids), a path {"nodes": [...], "relationships":
// [...]}, dates and times ISO 8601 strings; lists and maps are converted
// element by element.
func JSONValue(v any) any {
	switch v := v.(type) {
	case nil, string, bool, int64, float64:
		return v
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = JSONValue(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = JSONValue(x)
		}
		return out
	case dbtype.Node:
		return map[string]any{
			"element_id": v.ElementId,
			"labels":     slices.Sorted(slices.Values(v.Labels)),
			"properties": JSONValue(v.Props),
		}
	case dbtype.Relationship:
		return map[string]any{
			"element_id": v.ElementId,
			"type":       v.Type,
			"start":      v.StartElementId,
			"end":        v.EndElementId,
			"properties": JSONValue(v.Props),
		}
	case dbtype.Path:
		nodes := make([]any, len(v.Nodes))
		for i, n := range v.Nodes {
			nodes[i] = JSONValue(n)
		}
		rels := make([]any, len(v.Relationships))
		for i, r := range v.Relationships {
			rels[i] = JSONValue(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case fmt.Stringer:
		return v.String()
	}
	return v
}
