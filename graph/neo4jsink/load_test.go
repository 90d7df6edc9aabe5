package neo4jsink

import (
	"context"
	"errors"
	"maps"
	"net"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

func sampleGraph() graph.Graph {
	return graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "a.txt", Sentences: 3}},
		Entities: []graph.Entity{
			{ID: "e-rus", Type: "Country", Name: "Russia", Country: "RUS"},
			{ID: "e-ukr", Type: "Country", Name: "Ukraine", Aliases: []string{"Ukraine"}},
			{ID: "e-jav", Type: "Weapon", Name: "Javelin"},
		},
		Mentions: []graph.Mention{
			{EntityID: "e-rus", DocumentID: "d1"}, {EntityID: "e-rus", DocumentID: "d1"}, {EntityID: "e-ukr", DocumentID: "d1"},
		},
		Relations: []graph.Relation{
			{ID: "r2", SubjectID: "e-rus", Relation: "INVADES", ObjectID: "e-ukr", CAMEO: "192", QuadClass: 4, Goldstein: -9},
			{ID: "r1", SubjectID: "e-ukr", Relation: "AFFILIATION", ObjectID: "e-rus"},
		},
	}
}

// stepSummary returns each step as "what:" and one x per row.
func stepSummary(steps []step) []string {
	var out []string
	for _, s := range steps {
		out = append(out, s.what+":"+strings.Repeat("x", len(s.rows)))
	}
	return out
}

func TestStepsIntoAnEmptyDatabaseCreateEverything(t *testing.T) {
	tg, err := newTarget(testVocab(t), sampleGraph())
	if err != nil {
		t.Fatal(err)
	}
	steps, stats := tg.steps(newComparison(tg).diff)
	want := []string{"new documents:x", "new Country entities:xx", "new Weapon entities:x", "new MENTIONED_IN links:xx",
		"new AFFILIATION relations:x", "new INVADES relations:x"}
	if got := stepSummary(steps); !reflect.DeepEqual(got, want) {
		t.Fatalf("steps %v, want %v", got, want)
	}
	if want := (Stats{NodesCreated: 4, RelationshipsCreated: 4}); stats != want {
		t.Errorf("stats %+v, want %+v", stats, want)
	}
	if got, want := steps[2].cypher, "UNWIND $rows AS row CREATE (n:Entity:Weapon) SET n = row"; got != want {
		t.Errorf("weapon cypher %q, want %q", got, want)
	}
	if got, want := steps[5].cypher, "UNWIND $rows AS row MATCH (s:Entity {id: row.subject_id}) MATCH (o:Entity {id: row.object_id}) "+
		"CREATE (s)-[r:INVADES]->(o) SET r = row"; got != want {
		t.Errorf("INVADES cypher %q, want %q", got, want)
	}
	wantLinks := []any{
		map[string]any{"entity_id": "e-rus", "document_id": "d1", "count": 2},
		map[string]any{"entity_id": "e-ukr", "document_id": "d1", "count": 1},
	}
	if !reflect.DeepEqual(steps[3].rows, wantLinks) {
		t.Errorf("MENTIONED_IN rows %v, want %v", steps[3].rows, wantLinks)
	}
	if row := steps[5].rows[0].(map[string]any); row[hashKey] != fingerprint(relationRow(sampleGraph().Relations[0])) {
		t.Errorf("INVADES row %v: %s is not the fingerprint of its other properties", row, hashKey)
	}
}

// TestComparisonFindsTheDifference feeds a listing of a database that
// holds the sample graph with changes and junk, and checks what the load
// would send.
func TestComparisonFindsTheDifference(t *testing.T) {
	g := sampleGraph()
	tg, err := newTarget(testVocab(t), g)
	if err != nil {
		t.Fatal(err)
	}
	hash := func(id string) string { return tg.nodes[id].row[hashKey].(string) }
	c := newComparison(tg)
	for _, rec := range [][]any{
		{"n1", []any{"Document"}, "d1", hash("d1")},                         // as wanted
		{"n2", []any{"Country", "Entity"}, "e-rus", "stale"},                // changed
		{"n3", []any{"Entity", "Country"}, "e-ukr", hash("e-ukr")},          // as wanted
		{"n4", []any{"Entity", "Country"}, "e-ukr", hash("e-ukr")},          // a second node with the id
		{"n5", []any{"Entity", "Country"}, "e-jav", hash("e-jav")},          // wrong type label
		{"n6", []any{"Entity", "Person"}, "e-gone", "x"},                    // not in the graph
		{"n7", []any{"Document", "Entity"}, "d2", nil},                      // not in the graph either
		{"n8", []any{"Entity", "Country", "Admin"}, "e-ukr", hash("e-ukr")}, // an extra label
	} {
		c.node(rec)
	}
	for _, rec := range [][]any{
		{"m1", "MENTIONED_IN", "n2", "n1", nil, nil, int64(2), int64(1)},                      // as wanted
		{"m2", "MENTIONED_IN", "n3", "n1", nil, nil, int64(5), int64(1)},                      // count changed
		{"m3", "MENTIONED_IN", "n4", "n1", nil, nil, int64(1), int64(1)},                      // from the duplicate node
		{"m4", "MENTIONED_IN", "n2", "n1", nil, nil, int64(2), int64(1)},                      // a second link
		{"r1", "INVADES", "n2", "n3", "r2", tg.relations["r2"].row[hashKey], nil, int64(12)},  // as wanted
		{"r2", "SUPPLIES", "n3", "n2", "r1", tg.relations["r1"].row[hashKey], nil, int64(12)}, // wrong type
		{"r3", "INVADES", "n2", "n3", "r2", tg.relations["r2"].row[hashKey], nil, int64(12)},  // a second one
		{"r4", "INVADES", "n3", "n2", "r9", "x", nil, int64(12)},                              // not in the graph
		{"r5", "KNOWS", "n3", "n2", nil, nil, nil, int64(0)},                                  // no id
	} {
		c.relationship(rec)
	}
	steps, stats := tg.steps(c.diff)
	want := []string{"deleted relationships:xxxxxx", "deleted nodes:xxxxx",
		"updated Country entities:x", "new Weapon entities:x", "updated MENTIONED_IN links:x", "new AFFILIATION relations:x"}
	if got := stepSummary(steps); !reflect.DeepEqual(got, want) {
		t.Fatalf("steps %v, want %v", got, want)
	}
	for i, s := range steps {
		if want := i >= 2; s.counted != want {
			t.Errorf("step %s: counted %v, want %v (every update and creation, no deletion)", s.what, s.counted, want)
		}
	}
	if got, want := steps[0].rows, []any{"m3", "m4", "r2", "r3", "r4", "r5"}; !reflect.DeepEqual(got, want) {
		t.Errorf("deleted relationships %v, want %v", got, want)
	}
	if got, want := steps[1].rows, []any{"n4", "n5", "n6", "n7", "n8"}; !reflect.DeepEqual(got, want) {
		t.Errorf("deleted nodes %v, want %v", got, want)
	}
	if got := steps[2].rows[0].(map[string]any)["id"]; got != "e-rus" {
		t.Errorf("updated entity %v, want e-rus", got)
	}
	if got, want := steps[4].cypher, "UNWIND $rows AS row MATCH (e:Entity {id: row.entity_id}) MATCH (d:Document {id: row.document_id}) "+
		"MATCH (e)-[m:MENTIONED_IN]->(d) SET m = {count: row.count}"; got != want {
		t.Errorf("link update cypher %q, want %q", got, want)
	}
	wantStats := Stats{NodesCreated: 1, NodesUpdated: 1, NodesDeleted: 5, RelationshipsCreated: 1, RelationshipsUpdated: 1,
		RelationshipsDeleted: 6, Unchanged: 4}
	if stats != wantStats {
		t.Errorf("stats %+v, want %+v", stats, wantStats)
	}
	if got, want := stats.String(), "created 1 node and 1 relationship, updated 1 node and 1 relationship, "+
		"deleted 5 nodes and 6 relationships, 4 unchanged"; got != want {
		t.Errorf("stats %q, want %q", got, want)
	}

	// A comparison starts over: what the first one found is forgotten.
	steps, _ = tg.steps(newComparison(tg).diff)
	if got := len(stepSummary(steps)); got != 6 {
		t.Errorf("after a new comparison: %d steps, want the 6 of an empty database", got)
	}
}

func TestFingerprintDependsOnEveryValueAndItsType(t *testing.T) {
	base := map[string]any{"id": "r1", "n": 1, "f": 0.5, "b": true, "l": []string{"a", "b"}}
	seen := map[string]string{fingerprint(base): "base"}
	for name, change := range map[string]func(map[string]any){
		"string":        func(m map[string]any) { m["id"] = "r2" },
		"int":           func(m map[string]any) { m["n"] = 2 },
		"int as float":  func(m map[string]any) { m["n"] = 1.0 },
		"int as string": func(m map[string]any) { m["n"] = "1" },
		"float":         func(m map[string]any) { m["f"] = 0.25 },
		"bool":          func(m map[string]any) { m["b"] = false },
		"list":          func(m map[string]any) { m["l"] = []string{"ab"} },
		"list split":    func(m map[string]any) { m["l"] = []string{"a", "", "b"} },
		"absent":        func(m map[string]any) { delete(m, "f") },
		"added":         func(m map[string]any) { m["g"] = "" },
		"renamed":       func(m map[string]any) { m["nn"] = m["n"]; delete(m, "n") },
	} {
		m := maps.Clone(base)
		change(m)
		h := fingerprint(m)
		if other, ok := seen[h]; ok {
			t.Errorf("%s: same fingerprint as %s", name, other)
		}
		seen[h] = name
	}
	m := maps.Clone(base)
	m[hashKey] = "anything"
	if fingerprint(m) != fingerprint(base) {
		t.Errorf("the fingerprint depends on %s itself", hashKey)
	}
}

func TestNewTargetRejectsWhatItCannotWrite(t *testing.T) {
	for _, tc := range []struct {
		name   string
		break_ func(*graph.Graph)
		want   string
	}{
		{"unknown relation", func(g *graph.Graph) { g.Relations[0].Relation = "INVADES`]->() DELETE n //" }, `type "INVADES` + "`" + `]->() DELETE n //" is not in the schema vocabulary`},
		{"lower-case relation", func(g *graph.Graph) { g.Relations[0].Relation = "invades" }, `type "invades" is not in the schema vocabulary`},
		{"unknown entity type", func(g *graph.Graph) { g.Entities[2].Type = "Weapon:Admin" }, `type "Weapon:Admin" is not a schema entity type`},
		{"dangling relation", func(g *graph.Graph) { g.Relations[1].ObjectID = "e-nowhere" }, "relation r1: subject e-ukr or object e-nowhere is not in the graph"},
		{"relation to a document", func(g *graph.Graph) { g.Relations[1].ObjectID = "d1" }, "relation r1: subject e-ukr or object d1 is not in the graph"},
		{"dangling mention", func(g *graph.Graph) { g.Mentions[2].DocumentID = "d2" }, "entity e-ukr or document d2 is not in the graph"},
		{"relation without id", func(g *graph.Graph) { g.Relations[0].ID = "" }, "has no id"},
		{"two relations with one id", func(g *graph.Graph) { g.Relations[0].ID = "r1" }, "two relations with id r1"},
		{"entity with a document's id", func(g *graph.Graph) { g.Entities[0].ID = "d1" }, "two nodes with id d1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := sampleGraph()
			tc.break_(&g)
			_, err := newTarget(testVocab(t), g)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("newTarget error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestRowsLeaveUnknownsOut(t *testing.T) {
	static := relationRow(graph.Relation{ID: "r1", Relation: "AFFILIATION", Role: "minister", QuadClass: 0})
	if _, ok := static["quad_class"]; ok {
		t.Errorf("static relation has quad_class: %v", static)
	}
	if _, ok := static["cameo"]; ok {
		t.Errorf("static relation has an empty cameo: %v", static)
	}
	if static["role"] != "minister" {
		t.Errorf("role %v, want minister", static["role"])
	}
	event := relationRow(graph.Relation{ID: "r2", Relation: "WARNS", CAMEO: "130", QuadClass: 3, Goldstein: -4})
	if event["quad_class"] != 3 || event["goldstein"] != -4.0 {
		t.Errorf("event row %v lacks quad_class 3 and goldstein -4", event)
	}
	e := entityRow(graph.Entity{ID: "e1", Type: "Person", Name: "Ryabkov"})
	if got, ok := e["aliases"].([]string); !ok || got == nil || len(got) != 0 {
		t.Errorf("aliases %#v, want an empty, non-nil list", e["aliases"])
	}
	if _, ok := e["country"]; ok {
		t.Errorf("entity without country has one: %v", e)
	}
}

func TestLoadValidatesBeforeConnecting(t *testing.T) {
	g := sampleGraph()
	g.Relations[0].Relation = "NUKES"
	// Nothing listens on port 1: had Load connected first, the error would
	// be a connection error.
	_, err := Load(context.Background(), Config{URI: "bolt://127.0.0.1:1"}, testVocab(t), g)
	if err == nil || !strings.Contains(err.Error(), `type "NUKES" is not in the schema vocabulary`) {
		t.Fatalf("Load error %v, want the vocabulary error", err)
	}
}

func TestSchemaNameOfEveryStatement(t *testing.T) {
	for _, c := range append(schema.Constraints(), testVocab(t).RelationConstraints()...) {
		name := schemaName(c)
		if name == "" || !strings.Contains(c, " "+name+" IF NOT EXISTS ") {
			t.Errorf("%s: name %q", c, name)
		}
	}
	if got := schemaName("CREATE POINT INDEX entity_point IF NOT EXISTS FOR (e:Entity) ON (e.point)"); got != "entity_point" {
		t.Errorf("point index name %q, want entity_point", got)
	}
}

func TestConfigValidate(t *testing.T) {
	if err := (Config{}).Validate(); err == nil || !strings.Contains(err.Error(), "NEO4J_URI") {
		t.Errorf("empty config: %v, want an error naming NEO4J_URI", err)
	}
	if err := (Config{URI: "bolt://x", BatchSize: -1}).Validate(); err == nil {
		t.Error("negative batch size accepted")
	}
	if got := (Config{}).batchSize(); got != DefaultBatchSize {
		t.Errorf("default batch size %d, want %d", got, DefaultBatchSize)
	}
}

func TestErrorHidesCredentials(t *testing.T) {
	cfg := Config{URI: "bolt://neo4j:s3cret-pw@db.example:7687", Password: "s3cret-pw"}
	err := cfg.errorf("auth failed for s3cret-pw\nsecond line")
	want := "neo4j at bolt://db.example:7687: auth failed for *** second line"
	if err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	var e *Error
	if !errors.As(err, &e) || e.URI != "bolt://db.example:7687" {
		t.Errorf("error %#v is not an *Error with the redacted URI", err)
	}
}

func TestLoadGivesUpOnASilentServer(t *testing.T) {
	// A server that accepts connections but never answers the handshake.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		var held []net.Conn
		for {
			c, err := l.Accept()
			if err != nil {
				for _, c := range held {
					c.Close()
				}
				return
			}
			held = append(held, c)
		}
	}()
	uri := "bolt://" + l.Addr().String()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err = Load(ctx, Config{URI: uri, Username: "neo4j", Password: "pw-12345678"}, testVocab(t), sampleGraph())
	if want := "neo4j at " + uri + ": no answer within 8s"; err == nil || err.Error() != want {
		t.Errorf("Load error %v, want %q", err, want)
	}
}

// testVocab returns the embedded schema.
func testVocab(t *testing.T) *schema.Schema {
	t.Helper()
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRoutingSchemesAreAccepted: the routing schemes of a cluster or Aura
// (neo4j://, neo4j+s://, neo4j+ssc://) reach the driver's routing, which
// asks the (here closed) address for its routing table; an unknown scheme
// is refused. TestNeo4jConcurrentShardLoads loads through neo4j:// for real.
func TestRoutingSchemesAreAccepted(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // a closed port: connecting is refused at once
	for _, scheme := range []string{"neo4j", "neo4j+s", "neo4j+ssc", "foo"} {
		uri := scheme + "://" + addr
		err := Verify(context.Background(), Config{URI: uri, Username: "neo4j", Password: "pw-12345678"})
		want := "neo4j at " + uri + ": ConnectivityError: Unable to retrieve routing table from " + addr
		if scheme == "foo" {
			want = "neo4j at " + uri + ": URI scheme foo is not supported"
		}
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Verify(%s) = %v, want an error starting %q", uri, err, want)
		}
	}
}
