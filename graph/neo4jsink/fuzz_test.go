package neo4jsink

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzWriteResult formats arbitrary text cells in every format: the table
// keeps one line per row, the CSV parses back to the same number of rows
// and columns, and the JSON is valid.
func FuzzWriteResult(f *testing.F) {
	for _, s := range []string{"Freedonia", "=cmd|' /C calc'!A0", "a\nb\r\nc", "\t\"quoted\",", "\xff", ""} {
		f.Add(s, int64(7))
	}
	f.Fuzz(func(t *testing.T, cell string, n int64) {
		cols := []string{"name", cell, "list"}
		rows := [][]any{{cell, n, []any{cell, n}}, {nil, float64(n) / 3, map[string]any{"k": cell}}}
		for _, format := range Formats() {
			var buf bytes.Buffer
			if err := WriteResult(&buf, format, cols, rows); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.String()
			switch format {
			case FormatTable:
				if got := strings.Count(out, "\n"); got != 2+len(rows) {
					t.Fatalf("table has %d lines, want %d:\n%s", got, 2+len(rows), out)
				}
			case FormatCSV:
				recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				if err != nil || len(recs) != 1+len(rows) || len(recs[1]) != len(cols) {
					t.Fatalf("CSV does not parse back to %d rows of %d cells (%v):\n%s", 1+len(rows), len(cols), err, out)
				}
			case FormatJSON:
				if !json.Valid(buf.Bytes()) {
					t.Fatalf("invalid JSON:\n%s", out)
				}
			}
		}
	})
}
