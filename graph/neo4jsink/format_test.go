package neo4jsink

import (
	"bytes"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

var (
	russia  = dbtype.Node{ElementId: "4:x:1", Labels: []string{"Entity", "Country"}, Props: map[string]any{"name": "Russia", "id": "e1"}}
	ukraine = dbtype.Node{ElementId: "4:x:2", Labels: []string{"Entity", "Country"}, Props: map[string]any{"name": "Ukraine"}}
	usa     = dbtype.Node{ElementId: "4:x:3", Labels: []string{"Country"}, Props: map[string]any{"id": "e3"}}
	invades = dbtype.Relationship{ElementId: "5:x:1", StartElementId: "4:x:1", EndElementId: "4:x:2", Type: "INVADES",
		Props: map[string]any{"cameo": "192", "goldstein": -9.0}}
	supplies = dbtype.Relationship{ElementId: "5:x:2", StartElementId: "4:x:3", EndElementId: "4:x:2", Type: "SUPPLIES"}
)

func TestText(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{nil, ""},
		{"Ukraine", "Ukraine"},
		{int64(-3), "-3"},
		{7.4, "7.4"},
		{true, "true"},
		{[]any{"a", int64(1), nil}, `["a", 1, null]`},
		{map[string]any{"b": "x", "a": []any{}}, `{a: [], b: "x"}`},
		{time.Date(2022, 2, 24, 5, 0, 0, 0, time.UTC), "2022-02-24T05:00:00Z"},
		{dbtype.Date(time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)), "2022-02-24"},
		{russia, `(:Country:Entity {id: "e1", name: "Russia"})`},
		{dbtype.Node{}, "()"},
		{invades, `[:INVADES {cameo: "192", goldstein: -9}]`},
		{dbtype.Path{Nodes: []dbtype.Node{russia, ukraine, usa}, Relationships: []dbtype.Relationship{invades, supplies}},
			"(Russia)-[:INVADES]->(Ukraine)<-[:SUPPLIES]-(e3)"},
	} {
		if got := Text(tc.v); got != tc.want {
			t.Errorf("Text(%#v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func render(t *testing.T, f Format, cols []string, rows [][]any) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteResult(&b, f, cols, rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteTable(t *testing.T) {
	got := render(t, FormatTable, []string{"subject", "n", "sentence"}, [][]any{
		{"United States", int64(12), "Line one\nline\ttwo."},
		{"Russia", nil, ""},
	})
	want := "subject        n   sentence\n" +
		"-------        -   --------\n" +
		"United States  12  Line one line two.\n" +
		"Russia\n"
	if got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteCSVNeutralizesFormulas(t *testing.T) {
	got := render(t, FormatCSV, []string{"name", "goldstein", "note"}, [][]any{
		{"=HYPERLINK(\"x\")", -9.0, "a, b"},
		{"@Russia", int64(-2), nil},
	})
	want := "name,goldstein,note\n" +
		"\"'=HYPERLINK(\"\"x\"\")\",-9,\"a, b\"\n" +
		"'@Russia,-2,\n"
	if got != want {
		t.Errorf("csv:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteJSONKeepsColumnOrder(t *testing.T) {
	got := render(t, FormatJSON, []string{"z", "a", "p"}, [][]any{
		{"Russia", int64(1), dbtype.Path{Nodes: []dbtype.Node{usa, ukraine}, Relationships: []dbtype.Relationship{supplies}}},
	})
	want := `[
  {"z": "Russia", "a": 1, "p": {"nodes":[{"element_id":"4:x:3","labels":["Country"],"properties":{"id":"e3"}},` +
		`{"element_id":"4:x:2","labels":["Country","Entity"],"properties":{"name":"Ukraine"}}],` +
		`"relationships":[{"element_id":"5:x:2","end":"4:x:2","properties":{},"start":"4:x:3","type":"SUPPLIES"}]}}
]
`
	if got != want {
		t.Errorf("json:\n%s\nwant:\n%s", got, want)
	}
	if got := render(t, FormatJSON, []string{"a"}, nil); got != "[]\n" {
		t.Errorf("empty json %q, want []", got)
	}
}

func TestWriteResultUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	if err := WriteResult(&b, "xml", []string{"a"}, nil); err == nil {
		t.Error("format xml accepted")
	}
}
