package neo4jsink_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
	"github.com/kg-project/kg/schema"
)

// shardCorpus returns n one-document graphs over a dozen shared entities,
// whose records differ from document to document in everything a merge
// must combine: the case of the name, aliases, roles, country, and the
// gazetteer entry of a place.
func shardCorpus(r *rand.Rand, n int) []graph.Graph {
	type actor struct{ typ, name string }
	actors := []actor{{"Country", "Russia"}, {"Country", "Ukraine"}, {"Country", "Poland"}, {"Organization", "Navy"},
		{"Organization", "Kyiv Regional Council"}, {"Person", "Olena Kovalenko"}, {"Person", "Taras Hnatiuk"},
		{"Group", "Azov Brigade"}, {"Location", "Kharkiv"}, {"Location", "Tripoli"}, {"Weapon", "Javelin"}, {"Organization", "United Nations"}}
	geos := []*graph.Geo{{GeoNamesID: 706483, Lat: 49.98081, Lon: 36.25272, FeatureClass: "P", Confidence: 0.9},
		{GeoNamesID: 2210247, Lat: 32.88743, Lon: 13.18733, FeatureClass: "P", Confidence: 0.6},
		{GeoNamesID: 266826, Lat: 34.43667, Lon: 35.84972, FeatureClass: "P", Confidence: 0.6}}
	docs := make([]graph.Graph, n)
	for d := range n {
		text := fmt.Sprintf("shard test document %d", d)
		doc := graph.Document{ID: graph.DocumentID(text), Path: fmt.Sprintf("in/%03d.txt", d), Sentences: 4,
			Published: fmt.Sprintf("2024-02-%02d", 1+r.IntN(28))}
		g := graph.Graph{Documents: []graph.Document{doc}}
		var ents []graph.Entity
		for _, a := range actors {
			if r.IntN(3) != 0 {
				continue
			}
			name := a.name
			if r.IntN(3) == 0 {
				name = strings.ToLower(name)
			}
			e := graph.Entity{ID: graph.EntityID(a.typ, a.name), Type: a.typ, Name: name, Aliases: []string{name}}
			if r.IntN(2) == 0 {
				e.Roles = []string{[]string{"minister", "commander", "spokesman"}[r.IntN(3)]}
			}
			if r.IntN(2) == 0 {
				e.Country = []string{"UKR", "RUS", "POL"}[r.IntN(3)]
			}
			if a.typ == "Location" {
				e.Geo = geos[r.IntN(len(geos))]
			}
			ents = append(ents, e)
			for m := range 1 + r.IntN(3) {
				g.Mentions = append(g.Mentions, graph.Mention{EntityID: e.ID, DocumentID: doc.ID, SentenceIndex: m, Start: 20*m + len(ents), End: 20*m + len(ents) + 5, Text: name})
			}
		}
		g.Entities = ents
		for k := 0; k+1 < len(ents); k++ {
			s, o := ents[k], ents[k+1]
			x := graph.Relation{SubjectID: s.ID, Subject: s.Name, Predicate: "warn", Relation: "WARNS", CAMEO: "130", QuadClass: 3, Goldstein: -4,
				ObjectID: o.ID, Object: o.Name, DocumentID: doc.ID, SentenceIndex: k, Sentence: "A sentence.", Confidence: 0.75,
				Date: doc.Published, Modality: "asserted"}
			x.ID = graph.RelationID(x)
			g.Relations = append(g.Relations, x)
		}
		docs[d] = g
	}
	return docs
}

// loadShards loads the shards into the database at once, each by its own
// loader (a shard load), the odd ones through the routing scheme neo4j://.
func loadShards(t *testing.T, cfg neo4jsink.Config, shards []graph.Graph) []neo4jsink.Stats {
	t.Helper()
	vocab, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	stats := make([]neo4jsink.Stats, len(shards))
	errs := make([]error, len(shards))
	var wg sync.WaitGroup
	for i, g := range shards {
		c := cfg
		c.Shard, c.BatchSize = true, 7 // many small transactions, to interleave
		if i%2 == 1 {
			c.URI = strings.Replace(c.URI, "bolt://", "neo4j://", 1)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
			defer cancel()
			stats[i], errs[i] = neo4jsink.Load(ctx, c, vocab, g)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
	}
	return stats
}

// TestNeo4jConcurrentShardLoads loads shards of one corpus at once, each by
// its own loader, into one database, in several rounds: afterwards the
// database holds exactly the graph of the merged shards, every node and
// relationship with all its properties (entity counts and first sightings
// over all documents, names, aliases, roles, countries and places joined,
// relations naming their ends as the merge does), so that a mirror load of
// the merged graph finds nothing to change; loading a shard again sends
// nothing. A mirror load of one shard, by contrast, deletes the others.
func TestNeo4jConcurrentShardLoads(t *testing.T) {
	cfg := neo4jtest.Config(t)
	r := rand.New(rand.NewPCG(4, 2026))
	for round := range 3 {
		neo4jtest.Clear(t, cfg)
		docs := shardCorpus(r, 40)
		shards := make([]graph.Graph, 2+round)
		for i := range shards {
			var mine []graph.Graph
			for d := i; d < len(docs); d += len(shards) {
				mine = append(mine, docs[d])
			}
			shards[i] = graph.Combine(mine...)
		}
		merged := graph.Combine(shards...)
		if !slices.ContainsFunc(merged.Entities, func(e graph.Entity) bool { return len(e.Aliases) > 0 && e.Mentions > 10 }) {
			t.Fatal("the corpus has no entity shared by many documents")
		}
		stats := loadShards(t, cfg, shards)
		want := neo4jtest.GraphLines(merged)
		if got := neo4jtest.Dump(t, cfg); !slices.Equal(got, want) {
			t.Fatalf("round %d (%v): after the shard loads the database holds\n%s\nwant\n%s", round, stats, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if s, err := load(t, cfg, merged); err != nil || s.Written() != 0 {
			t.Fatalf("round %d: a mirror load of the merged graph after the shard loads: %v, %v; want nothing written", round, s, err)
		}
		again := cfg
		again.Shard = true
		if s, err := load(t, again, shards[0]); err != nil || s.Written() != 0 {
			t.Errorf("round %d: loading shard 0 again: %v, %v; want nothing written", round, s, err)
		}
	}

	// A mirror load of a shard leaves only that shard.
	neo4jtest.Clear(t, cfg)
	docs := shardCorpus(r, 4)
	a, b := graph.Combine(docs[:2]...), graph.Combine(docs[2:]...)
	for _, g := range []graph.Graph{a, b} {
		if _, err := load(t, cfg, g); err != nil {
			t.Fatal(err)
		}
	}
	if n := neo4jtest.Count(t, cfg, "MATCH (d:Document) RETURN count(d)", nil); n != 2 {
		t.Errorf("after mirror loads of two shards the database has %d documents, want the second shard's 2", n)
	}
}
