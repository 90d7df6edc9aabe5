package view

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

func loadSchema(t *testing.T) *schema.Schema {
	t.Helper()
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sample() graph.Graph {
	const sent = `Russia invaded Ukraine </script><script>alert("x")</script> on Feb. 24.`
	return graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "seed.txt", Published: "2022-03-12"}},
		Entities: []graph.Entity{
			{ID: "e1", Type: "Country", Name: "Russia", Country: "RUS", Mentions: 3},
			{ID: "e2", Type: "Country", Name: "Ukraine", Country: "UKR", Mentions: 2},
		},
		Relations: []graph.Relation{
			{ID: "r1", SubjectID: "e1", ObjectID: "e2", Relation: "INVADES", CAMEO: "192", QuadClass: 4, Sentence: sent, DocumentID: "d1",
				Place: "Kharkiv", PlaceSource: "text", PlaceGeo: &graph.Geo{Lat: 49.98, Lon: 36.25}},
			{ID: "r2", SubjectID: "e1", ObjectID: "e2", Relation: "ATTACKS", CAMEO: "190", QuadClass: 4, Sentence: sent, DocumentID: "d1"},
		},
	}
}

func TestBuild(t *testing.T) {
	d, err := Build(context.Background(), sample(), loadSchema(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Relations) != 2 || len(d.Sentences) != 1 {
		t.Errorf("%d relations, %d sentences; want 2 and 1 (a sentence is stored once)", len(d.Relations), len(d.Sentences))
	}
	if len(d.Relations[0]) != len(d.RelationColumns) {
		t.Errorf("a relation row has %d cells for %d columns", len(d.Relations[0]), len(d.RelationColumns))
	}
	cell := func(row int, name string) any { return d.Relations[row][slices.Index(d.RelationColumns, name)] }
	if cell(0, "place") != "Kharkiv" || cell(0, "lat") != 49.98 || cell(0, "lon") != 36.25 || cell(1, "lat") != nil {
		t.Errorf("places: %v %v %v, unlocated lat %v; want Kharkiv 49.98 36.25 and nil", cell(0, "place"), cell(0, "lat"), cell(0, "lon"), cell(1, "lat"))
	}
	if d.CAMEO["192"] == "" || d.CAMEO["19"] == "" {
		t.Errorf("CAMEO names missing: 192 %q, 19 %q", d.CAMEO["192"], d.CAMEO["19"])
	}
	if d.MaxEdges != DefaultMaxEdges || d.MaxNodes != DefaultMaxNodes {
		t.Errorf("caps %d, %d", d.MaxEdges, d.MaxNodes)
	}
	// The world outline's countries are tied to kg's codes, abbreviated
	// names included.
	for id, iso := range map[string]string{"804": "UKR", "643": "RUS", "840": "USA", "180": "COD", "728": "SSD", "760": "SYR", "275": "PSE", "Kosovo": "XKX"} {
		if d.AtlasISO3[id] != iso {
			t.Errorf("world outline country %s → %q, want %s", id, d.AtlasISO3[id], iso)
		}
	}
	// 177 shapes, less nine that kg's gazetteer does not list as countries
	// (Greenland, Western Sahara, Puerto Rico, Antarctica, Somaliland ...).
	if n := len(d.AtlasISO3); n < 168 {
		t.Errorf("only %d of the outline's 177 shapes are tied to a code", n)
	}
}

func TestBuildRejectsDanglingRelation(t *testing.T) {
	g := sample()
	g.Relations[1].ObjectID = "e9"
	if _, err := Build(context.Background(), g, loadSchema(t), Options{}); err == nil || !strings.Contains(err.Error(), "r2") {
		t.Fatalf("Build = %v, want an error naming r2", err)
	}
}

func TestWriteInlinesEverything(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, sample(), loadSchema(t), Options{Title: "a <b> title"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	// A sentence cannot end the data's <script> element.
	if strings.Contains(page, `<script>alert`) {
		t.Error("a sentence's </script> ended the data element")
	}
	if !strings.Contains(page, "<title>a &lt;b&gt; title</title>") {
		t.Error("the title is not escaped")
	}
	// Nothing is fetched: no src or href to load.
	for _, bad := range []string{` src=`, `<link `, `@import`, `url(http`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page loads something: %q", bad)
		}
	}
	start := strings.Index(page, `<script type="application/json" id="kg-data">`)
	end := strings.Index(page[start:], "</script>")
	raw := page[start+len(`<script type="application/json" id="kg-data">`) : start+end]
	var d Data
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatalf("the inlined data is not JSON: %v", err)
	}
	if len(d.Relations) != 2 {
		t.Errorf("inlined data has %d relations", len(d.Relations))
	}
}
