package schema

import (
	"fmt"
	"slices"
	"strings"
)

// tsvRow is one data line of a TSV file: its fields and its line number.
type tsvRow struct {
	line   int
	fields []string
}

// get returns the field named col (a header column).
func (t *tsvTable) get(r tsvRow, col string) string {
	return r.fields[t.index[col]]
}

// tsvTable is a parsed data file: a header line naming the columns, then rows.
type tsvTable struct {
	name  string // file name, for errors
	index map[string]int
	rows  []tsvRow
}

// parseTSV parses an embedded data file. Lines that are empty or start with
// '#' are comments. The first other line is the header and must list exactly
// the columns in want, in that order; every row must have that many fields.
func parseTSV(name, text string, want ...string) (*tsvTable, error) {
	t := &tsvTable{name: name, index: make(map[string]int, len(want))}
	header := false
	n := 0
	// The lines are substrings of text: no copy of each.
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if !header {
			if !slices.Equal(fields, want) {
				return nil, fmt.Errorf("%s:%d: header %q, want %q", name, n, fields, want)
			}
			for i, c := range want {
				t.index[c] = i
			}
			header = true
			continue
		}
		if len(fields) != len(want) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", name, n, len(fields), len(want))
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		t.rows = append(t.rows, tsvRow{line: n, fields: fields})
	}
	if !header {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return t, nil
}

// errorf returns an error located at row r of the table.
func (t *tsvTable) errorf(r tsvRow, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", t.name, r.line, fmt.Sprintf(format, args...))
}

// splitList splits a "|"-separated list field; an empty field or "-" is an empty list.
func splitList(s string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
