package neo4jsink_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
	"github.com/kg-project/kg/schema"
)

// testDeadline is generous: the checks below are about not hanging, not speed.
const testDeadline = 60 * time.Second

func load(t *testing.T, cfg neo4jsink.Config, g graph.Graph) (neo4jsink.Stats, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	return neo4jsink.Load(ctx, cfg, s, g)
}

func assertCounts(t *testing.T, cfg neo4jsink.Config, wantNodes, wantRels int64) {
	t.Helper()
	if nodes, rels := neo4jtest.Counts(t, cfg); nodes != wantNodes || rels != wantRels {
		t.Fatalf("database has %d nodes and %d relationships, want %d and %d", nodes, rels, wantNodes, wantRels)
	}
}

func TestNeo4jLoadIsExactAndIdempotent(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)

	small := cfg
	small.BatchSize = 1 // every row its own transaction
	if _, err := load(t, small, neo4jtest.SampleGraph()); err != nil {
		t.Fatal(err)
	}
	assertCounts(t, cfg, neo4jtest.SampleNodes, neo4jtest.SampleRelationships)

	rows := neo4jtest.Rows(t, cfg,
		"MATCH (s:Country {name: 'United States'})-[r:SUPPLIES]->(o:Country {name: 'Ukraine'}) "+
			"RETURN r.sentence, r.cameo, r.quad_class, r.goldstein, r.predicate, r.sentence_index, r.negated", nil)
	want := [][]any{{neo4jtest.SuppliesSentence, "070", int64(2), 7.4, "provide weapon", int64(1), false}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("SUPPLIES relationship: got %v, want %v", rows, want)
	}
	if n := neo4jtest.Count(t, cfg, "MATCH (:Country {name: 'Russia'})-[r:INVADES {sentence: $s}]->(:Country {name: 'Ukraine'}) RETURN count(r)",
		map[string]any{"s": neo4jtest.InvadesSentence}); n != 1 {
		t.Errorf("INVADES relationships with their sentence: %d, want 1", n)
	}
	rows = neo4jtest.Rows(t, cfg,
		"MATCH (e:Entity:Country {name: 'United States'})-[m:MENTIONED_IN]->(d:Document) "+
			"RETURN e.aliases, e.country, e.mentions, e.first_seen, m.count, d.path, d.sentences", nil)
	want = [][]any{{[]any{"The United States", "U.S."}, "USA", int64(2), "2022-03-01", int64(2), "war.txt", int64(2)}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("United States node: got %v, want %v", rows, want)
	}
	if n := neo4jtest.Count(t, cfg, "SHOW CONSTRAINTS YIELD type, properties WHERE type = 'UNIQUENESS' AND properties = ['id'] RETURN count(*)", nil); n != 2 {
		t.Errorf("node id constraints: %d, want 2 (Entity, Document)", n)
	}
	// Community 5.26 has relationship uniqueness constraints: one per relation type.
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	if n := neo4jtest.Count(t, cfg, "SHOW CONSTRAINTS YIELD type, properties WHERE type = 'RELATIONSHIP_UNIQUENESS' AND properties = ['id'] RETURN count(*)", nil); n != int64(len(s.Relations())) {
		t.Errorf("relationship id constraints: %d, want %d", n, len(s.Relations()))
	}

	if _, err := load(t, cfg, neo4jtest.SampleGraph()); err != nil {
		t.Fatal(err)
	}
	assertCounts(t, cfg, neo4jtest.SampleNodes, neo4jtest.SampleRelationships)
}

// changedSample returns the sample graph after a change of its document
// and the ingest of another: Russia is gone with its mention and its
// INVADES relation, the SUPPLIES relation of the first document has
// another confidence, the United States another alias, and a second
// document mentions the United States and Ukraine and has its own
// SUPPLIES relation.
func changedSample() graph.Graph {
	g := neo4jtest.SampleGraph()
	rus, ukr, usa := g.Entities[0], g.Entities[1], g.Entities[2]
	d2 := graph.Document{ID: graph.DocumentID("another text"), Path: "more.txt", Published: "2022-03-05", Sentences: 1}
	g.Documents = append(g.Documents, d2)
	usa.Aliases = append(usa.Aliases, "USA")
	usa.Mentions, usa.Documents, ukr.Mentions, ukr.Documents = 3, 2, 2, 2
	g.Entities = []graph.Entity{ukr, usa}
	g.Mentions = append(g.Mentions[1:],
		graph.Mention{EntityID: usa.ID, DocumentID: d2.ID, Start: 0, End: 3, Text: "USA"},
		graph.Mention{EntityID: ukr.ID, DocumentID: d2.ID, Start: 20, End: 27, Text: "Ukraine"})
	supplies := g.Relations[1]
	supplies.Confidence = 0.75
	again := supplies
	again.DocumentID, again.Sentence, again.SentenceIndex = d2.ID, "USA sends arms to Ukraine.", 0
	again.ID = graph.RelationID(again)
	g.Relations = []graph.Relation{supplies, again}
	if g.Relations[0].SubjectID == rus.ID {
		panic("changedSample: the sample's relations are not in the expected order")
	}
	return g
}

// TestNeo4jLoadMirrorsTheGraph: a load makes the database hold exactly the
// graph, as a load into an empty database does, sending only the
// difference; then it repairs what others changed.
func TestNeo4jLoadMirrorsTheGraph(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	g2 := changedSample()
	if _, err := load(t, cfg, g2); err != nil {
		t.Fatal(err)
	}
	want := neo4jtest.Dump(t, cfg)
	if len(want) != 4+6 {
		t.Fatalf("the changed sample in an empty database: %d nodes and relationships, want 4 + 6:\n%s", len(want), strings.Join(want, "\n"))
	}

	neo4jtest.Clear(t, cfg)
	stats, err := load(t, cfg, neo4jtest.SampleGraph())
	if err != nil {
		t.Fatal(err)
	}
	if want := (neo4jsink.Stats{NodesCreated: 4, RelationshipsCreated: 5}); stats != want {
		t.Errorf("first load: %v, want %v", stats, want)
	}
	stats, err = load(t, cfg, g2)
	if err != nil {
		t.Fatal(err)
	}
	// Nodes: the second document created; Ukraine and the United States
	// updated; Russia deleted; the first document unchanged.
	// Relationships: the second document's two links and SUPPLIES created,
	// the first SUPPLIES updated, INVADES and Russia's link deleted, the
	// first document's two other links unchanged.
	wantStats := neo4jsink.Stats{NodesCreated: 1, NodesUpdated: 2, NodesDeleted: 1,
		RelationshipsCreated: 3, RelationshipsUpdated: 1, RelationshipsDeleted: 2, Unchanged: 3}
	if stats != wantStats {
		t.Errorf("second load: %v, want %v", stats, wantStats)
	}
	if got := neo4jtest.Dump(t, cfg); !slices.Equal(got, want) {
		t.Errorf("after the second load the database holds\n%s\nwant (as loaded into an empty database)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	stats, err = load(t, cfg, g2)
	if err != nil {
		t.Fatal(err)
	}
	if want := (neo4jsink.Stats{Unchanged: 10}); stats != want {
		t.Errorf("the same load again: %v, want %v", stats, want)
	}

	// Others wrote into kg's graph: a stray entity, a stray relationship
	// between two entities, a property changed (with the hash), a
	// relationship deleted.
	neo4jtest.Rows(t, cfg, "CREATE (:Entity:Person {id: 'e-stray', name: 'Nobody'})", nil)
	neo4jtest.Rows(t, cfg, "MATCH (a:Country {name: 'Ukraine'}), (b:Country {name: 'United States'}) CREATE (a)-[:KNOWS]->(b)", nil)
	neo4jtest.Rows(t, cfg, "MATCH (a:Country {name: 'Ukraine'}) SET a.name = 'Ukrainia', a.kg_hash = 'edited'", nil)
	neo4jtest.Rows(t, cfg, "MATCH ()-[r:SUPPLIES {sentence: $s}]->() DELETE r", map[string]any{"s": neo4jtest.SuppliesSentence})
	stats, err = load(t, cfg, g2)
	if err != nil {
		t.Fatal(err)
	}
	wantStats = neo4jsink.Stats{NodesUpdated: 1, NodesDeleted: 1, RelationshipsCreated: 1, RelationshipsDeleted: 1, Unchanged: 8}
	if stats != wantStats {
		t.Errorf("load after others' writes: %v, want %v", stats, wantStats)
	}
	if got := neo4jtest.Dump(t, cfg); !slices.Equal(got, want) {
		t.Errorf("after repairing, the database holds\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// randomGraph returns a graph of a few of six documents, chosen by r, each
// mentioning some of eight entities and stating relations between them
// whose properties r also varies; Merge makes it consistent (counts,
// first sightings, names) as the workspace does.
func randomGraph(r *rand.Rand) graph.Graph {
	type actor struct{ typ, name string }
	actors := []actor{{"Country", "Russia"}, {"Country", "Ukraine"}, {"Country", "Poland"}, {"Country", "China"},
		{"Person", "Sergey Ryabkov"}, {"Person", "Olena Kovalenko"}, {"Organization", "United Nations"}, {"Weapon", "Javelin"}}
	relations := []struct{ name, cameo string }{{"SUPPLIES", "070"}, {"WARNS", "130"}, {"AFFILIATION", ""}, {"RELATED_TO", ""}, {"MEETS", "040"}}
	var g graph.Graph
	for d := range 6 {
		if r.IntN(2) == 0 {
			continue
		}
		text := fmt.Sprintf("document %d", d)
		doc := graph.Document{ID: graph.DocumentID(text), Path: fmt.Sprintf("d%d.txt", d), Sentences: 3 + r.IntN(3),
			Published: fmt.Sprintf("2022-03-%02d", 1+r.IntN(3))}
		if r.IntN(2) == 0 {
			doc.Title = "A title"
		}
		g.Documents = append(g.Documents, doc)
		for _, a := range actors {
			if r.IntN(3) == 0 {
				continue
			}
			e := graph.Entity{ID: graph.EntityID(a.typ, a.name), Type: a.typ, Name: a.name}
			if r.IntN(2) == 0 {
				e.Aliases = []string{a.name}
			}
			if a.typ == "Person" && r.IntN(2) == 0 {
				e.Roles = []string{"minister"}
			}
			g.Entities = append(g.Entities, e)
			for m := range 1 + r.IntN(3) {
				g.Mentions = append(g.Mentions, graph.Mention{EntityID: e.ID, DocumentID: doc.ID, SentenceIndex: m, Start: 10 * m, End: 10*m + 5, Text: a.name})
			}
		}
		// The document's candidate relations are the same in every graph,
		// so that one relation id comes back with other properties.
		pool := rand.New(rand.NewPCG(uint64(d), 7))
		for k := range 4 {
			sa, oa, rel := actors[pool.IntN(len(actors))], actors[pool.IntN(len(actors))], relations[pool.IntN(len(relations))]
			if sa == oa || r.IntN(3) == 0 {
				continue
			}
			s := graph.Entity{ID: graph.EntityID(sa.typ, sa.name), Type: sa.typ, Name: sa.name}
			o := graph.Entity{ID: graph.EntityID(oa.typ, oa.name), Type: oa.typ, Name: oa.name}
			g.Entities = append(g.Entities, s, o)
			x := graph.Relation{SubjectID: s.ID, Subject: s.Name, Predicate: strings.ToLower(rel.name), Relation: rel.name,
				ObjectID: o.ID, Object: o.Name, CAMEO: rel.cameo, DocumentID: doc.ID, SentenceIndex: k,
				Sentence: "A sentence.", Confidence: float64(r.IntN(4)) / 4, Date: doc.Published, Modality: "asserted"}
			if rel.cameo != "" {
				x.QuadClass, x.Goldstein = 1+r.IntN(4), float64(r.IntN(21)-10)/2
			}
			x.ID = graph.RelationID(x)
			g.Relations = append(g.Relations, x)
		}
	}
	return graph.Merge(graph.Graph{}, g)
}

// TestNeo4jLoadMirrorsRandomSequences loads sequences of random graphs into
// one database; after each load the database holds exactly that graph.
func TestNeo4jLoadMirrorsRandomSequences(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	r := rand.New(rand.NewPCG(12, 2026))
	var deleted, updated int
	for step := range 12 {
		g := randomGraph(r)
		stats, err := load(t, cfg, g)
		if err != nil {
			t.Fatal(err)
		}
		deleted += stats.NodesDeleted + stats.RelationshipsDeleted
		updated += stats.NodesUpdated + stats.RelationshipsUpdated
		t.Logf("step %d: %d documents, %d relations: %v", step, len(g.Documents), len(g.Relations), stats)
		want := neo4jtest.GraphLines(g)
		if got := neo4jtest.Dump(t, cfg); !slices.Equal(got, want) {
			t.Fatalf("step %d (%v): the database holds\n%s\nwant\n%s", step, stats, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if stats.Unchanged+stats.NodesCreated+stats.NodesUpdated+stats.RelationshipsCreated+stats.RelationshipsUpdated != len(want) {
			t.Errorf("step %d: %v does not account for the %d nodes and relationships", step, stats, len(want))
		}
	}
	if deleted == 0 || updated == 0 {
		t.Errorf("the sequence deleted %d and updated %d nodes and relationships: it tests too little", deleted, updated)
	}
}

func TestNeo4jWrongPasswordFailsNamingURIOnly(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.Password = "not-the-password-4711"
	_, err := load(t, cfg, neo4jtest.SampleGraph())
	assertConnectError(t, err, cfg)
	if !strings.Contains(err.Error(), "unauthorized") && !strings.Contains(err.Error(), "Unauthorized") {
		t.Errorf("error %q does not say the login was refused", err)
	}
}

func TestNeo4jUnreachableFailsNamingURI(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close() // nothing listens there now
	cfg := neo4jsink.Config{URI: "bolt://127.0.0.1:" + strconv.Itoa(port), Username: "neo4j", Password: "secret-password-0815"}
	_, err = load(t, cfg, neo4jtest.SampleGraph())
	assertConnectError(t, err, cfg)
}

// assertConnectError checks that err is one line naming cfg.URI but not cfg.Password.
func assertConnectError(t *testing.T, err error, cfg neo4jsink.Config) {
	t.Helper()
	if err == nil {
		t.Fatal("Load succeeded, want an error")
	}
	msg := err.Error()
	t.Logf("error: %s", msg)
	if !strings.Contains(msg, cfg.URI) {
		t.Errorf("error %q does not name %s", msg, cfg.URI)
	}
	if strings.Contains(msg, cfg.Password) {
		t.Errorf("error %q shows the password", msg)
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("error %q is not one line", msg)
	}
}

func TestNeo4jRejectsUnknownRelationBeforeWriting(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	g := neo4jtest.SampleGraph()
	g.Relations[1].Relation = "SUPPLIES]->() DETACH DELETE n //"
	_, err := load(t, cfg, g)
	if err == nil || !strings.Contains(err.Error(), "not in the schema vocabulary") {
		t.Fatalf("Load error %v, want a vocabulary error", err)
	}
	assertCounts(t, cfg, 0, 0)
}

func TestNeo4jQuery(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	if _, err := load(t, cfg, neo4jtest.SampleGraph()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()

	cols, rows, err := neo4jsink.Query(ctx, cfg, neo4jsink.ReadOnly,
		"MATCH (s:Entity)-[r]->(o:Entity) WHERE r.cameo STARTS WITH $root "+
			"RETURN s.name AS subject, type(r) AS relation, o.name AS object ORDER BY subject",
		map[string]any{"root": "19"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"subject", "relation", "object"}; !reflect.DeepEqual(cols, want) {
		t.Errorf("columns %v, want %v", cols, want)
	}
	if want := [][]any{{"Russia", "INVADES", "Ukraine"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %v, want %v", rows, want)
	}

	_, rows, err = neo4jsink.Query(ctx, cfg, neo4jsink.ReadOnly,
		"MATCH p = shortestPath((a:Country {name: 'Russia'})-[:INVADES|SUPPLIES*]-(b:Country {name: 'United States'})) RETURN p", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("shortest path: %d rows, want 1", len(rows))
	}
	if got, want := neo4jsink.Text(rows[0][0]), "(Russia)-[:INVADES]->(Ukraine)<-[:SUPPLIES]-(United States)"; got != want {
		t.Errorf("path text %q, want %q", got, want)
	}

	_, _, err = neo4jsink.Query(ctx, cfg, neo4jsink.ReadOnly, "MATCH (n RETURN n", nil)
	if err == nil || !strings.Contains(err.Error(), cfg.URI) || strings.Contains(err.Error(), "\n") {
		t.Errorf("bad Cypher: error %v, want one line naming %s", err, cfg.URI)
	}
}
