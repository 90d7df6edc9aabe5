package neo4jsink

import (
	"context"
	"errors"
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

func TestPlanOrdersStepsAndSplicesOnlyVocabulary(t *testing.T) {
	steps, err := plan(testVocab(t), sampleGraph())
	if err != nil {
		t.Fatal(err)
	}
	var what []string
	for _, s := range steps {
		what = append(what, s.what+":"+strings.Repeat("x", len(s.rows)))
	}
	want := []string{"documents:x", "Country entities:xx", "Weapon entities:x", "MENTIONED_IN links:xx", "AFFILIATION relations:x", "INVADES relations:x"}
	if !reflect.DeepEqual(what, want) {
		t.Fatalf("steps %v, want %v", what, want)
	}
	if got, want := steps[2].cypher, "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) SET e = row, e:Weapon"; got != want {
		t.Errorf("weapon cypher %q, want %q", got, want)
	}
	if got := steps[5].cypher; !strings.Contains(got, "MERGE (s)-[r:INVADES {id: row.id}]->(o) SET r = row") {
		t.Errorf("INVADES cypher %q does not merge on the relation id", got)
	}
	wantLinks := []any{
		map[string]any{"entity_id": "e-rus", "document_id": "d1", "count": 2},
		map[string]any{"entity_id": "e-ukr", "document_id": "d1", "count": 1},
	}
	if !reflect.DeepEqual(steps[3].rows, wantLinks) {
		t.Errorf("MENTIONED_IN rows %v, want %v", steps[3].rows, wantLinks)
	}
}

func TestPlanRejectsWhatItCannotWrite(t *testing.T) {
	for _, tc := range []struct {
		name   string
		break_ func(*graph.Graph)
		want   string
	}{
		{"unknown relation", func(g *graph.Graph) { g.Relations[0].Relation = "INVADES`]->() DELETE n //" }, `type "INVADES` + "`" + `]->() DELETE n //" is not in the schema vocabulary`},
		{"lower-case relation", func(g *graph.Graph) { g.Relations[0].Relation = "invades" }, `type "invades" is not in the schema vocabulary`},
		{"unknown entity type", func(g *graph.Graph) { g.Entities[2].Type = "Weapon:Admin" }, `type "Weapon:Admin" is not a schema entity type`},
		{"dangling relation", func(g *graph.Graph) { g.Relations[1].ObjectID = "e-nowhere" }, "relation r1: subject e-ukr or object e-nowhere is not in the graph"},
		{"dangling mention", func(g *graph.Graph) { g.Mentions[2].DocumentID = "d2" }, "entity e-ukr or document d2 is not in the graph"},
		{"relation without id", func(g *graph.Graph) { g.Relations[0].ID = "" }, "has no id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := sampleGraph()
			tc.break_(&g)
			_, err := plan(testVocab(t), g)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("plan error %v, want one containing %q", err, tc.want)
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
	err := Load(context.Background(), Config{URI: "bolt://127.0.0.1:1"}, testVocab(t), g)
	if err == nil || !strings.Contains(err.Error(), `type "NUKES" is not in the schema vocabulary`) {
		t.Fatalf("Load error %v, want the vocabulary error", err)
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
	err = Load(ctx, Config{URI: uri, Username: "neo4j", Password: "pw-12345678"}, testVocab(t), sampleGraph())
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
