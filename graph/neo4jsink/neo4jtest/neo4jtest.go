// Package neo4jtest helps tests run against the real Neo4j that scripts/neo4j
// starts (scripts/test exports its address): it reads the server from the
// environment, serializes the tests of all packages that share it, empties
// the database and counts what is in it.
//
//	cfg := neo4jtest.Config(t) // skips the test when no server is configured
//	neo4jtest.Clear(t, cfg)
//	... load ...
//	nodes, rels := neo4jtest.Counts(t, cfg)
package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/neo4jsink"
)

// The environment variables that name the test server.
const (
	EnvURI      = "KG_TEST_NEO4J_URI"
	EnvUser     = "KG_TEST_NEO4J_USER"
	EnvPassword = "KG_TEST_NEO4J_PASSWORD"
)

// timeout bounds each helper's call to the server.
const timeout = 2 * time.Minute

// Config returns the configuration of the test server named by
// KG_TEST_NEO4J_URI, KG_TEST_NEO4J_USER and KG_TEST_NEO4J_PASSWORD. It skips
// the test, saying why, when KG_TEST_NEO4J_URI is unset.
//
// The first call in a test binary takes an exclusive lock on the server that
// the binary holds until it exits, so the test binaries of different
// packages (which go test runs in parallel) never use the one database at
// the same time. Tests within a package must not run in parallel with each
// other when they clear the database.
func Config(t testing.TB) neo4jsink.Config {
	t.Helper()
	uri := os.Getenv(EnvURI)
	if uri == "" {
		t.Skipf("%s is not set: no Neo4j to test against (scripts/test starts one; or: eval \"$(scripts/neo4j start)\")", EnvURI)
	}
	if _, err := processLock(); err != nil {
		t.Fatal(err)
	}
	return neo4jsink.Config{
		URI:      uri,
		Username: os.Getenv(EnvUser),
		Password: os.Getenv(EnvPassword),
	}
}

// processLock takes, once per process, an exclusive flock on a file in the
// temporary directory named after the test server's URI; the lock lasts
// until the process exits: the open file is kept as the Once's value so that
// it is never closed (nor collected, which would close it).
var processLock = sync.OnceValues(func() (*os.File, error) {
	sum := sha256.Sum256([]byte(os.Getenv(EnvURI)))
	path := filepath.Join(os.TempDir(), "kg-neo4jtest-"+hex.EncodeToString(sum[:8])+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return f, nil
})

// Rows runs cypher (which may write) on the test server and returns its
// rows; it fails the test on error.
func Rows(t testing.TB, cfg neo4jsink.Config, cypher string, params map[string]any) [][]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	_, rows, err := neo4jsink.Query(ctx, cfg, neo4jsink.ReadWrite, cypher, params)
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	return rows
}

// Clear deletes every relationship and node of the database, in
// transactions of 10,000, so that a database left large by a benchmark
// does not exceed the server's transaction memory.
func Clear(t testing.TB, cfg neo4jsink.Config) {
	t.Helper()
	Rows(t, cfg, "MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS", nil)
	Rows(t, cfg, "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
}

// Counts returns the number of nodes and of relationships in the database.
func Counts(t testing.TB, cfg neo4jsink.Config) (nodes, relationships int64) {
	t.Helper()
	return Count(t, cfg, "MATCH (n) RETURN count(n)", nil),
		Count(t, cfg, "MATCH ()-[r]->() RETURN count(r)", nil)
}

// Count runs a query that returns one integer (such as a count) and returns
// it; it fails the test if the result has another shape.
func Count(t testing.TB, cfg neo4jsink.Config, cypher string, params map[string]any) int64 {
	t.Helper()
	rows := Rows(t, cfg, cypher, params)
	if len(rows) != 1 || len(rows[0]) != 1 {
		t.Fatalf("%s: want one row of one value, got %v", cypher, rows)
	}
	n, ok := rows[0][0].(int64)
	if !ok {
		t.Fatalf("%s: want an integer, got %T %v", cypher, rows[0][0], rows[0][0])
	}
	return n
}

// The sentences of SampleGraph's two relations.
const (
	SuppliesSentence = "The United States has been providing weapons to Ukraine."
	InvadesSentence  = "Russia invaded Ukraine on Feb. 24."
)

// What SampleGraph becomes in Neo4j: 3 :Country entities and 1 :Document;
// 3 MENTIONED_IN links, United States -SUPPLIES-> Ukraine and Russia
// -INVADES-> Ukraine.
const (
	SampleNodes         = 4
	SampleRelationships = 5
)

// SampleGraph returns a small hand-built graph: one document (path
// "war.txt", published 2022-03-01, 2 sentences) mentioning three countries
// (Russia RUS, Ukraine UKR, United States USA with aliases "The United
// States" and "U.S.", mentioned twice) and two relations: Russia INVADES
// (CAMEO 192) Ukraine in sentence 0 and United States SUPPLIES (CAMEO 070,
// predicate "provide weapon") Ukraine in sentence 1.
func SampleGraph() graph.Graph {
	text := InvadesSentence + " " + SuppliesSentence
	sum := sha256.Sum256([]byte(text))
	doc := graph.Document{ID: graph.DocumentID(text), Path: "war.txt", Published: "2022-03-01",
		SHA256: hex.EncodeToString(sum[:]), Sentences: 2}
	country := func(name, code string, aliases ...string) graph.Entity {
		return graph.Entity{ID: graph.EntityID("Country", name), Type: "Country", Name: name, Aliases: aliases,
			Country: code, Mentions: 1, Documents: 1, FirstSeen: doc.Published}
	}
	rus := country("Russia", "RUS", "Russia")
	ukr := country("Ukraine", "UKR", "Ukraine")
	usa := country("United States", "USA", "The United States", "U.S.")
	usa.Mentions = 2
	mention := func(e graph.Entity, sent, start int, text string) graph.Mention {
		return graph.Mention{EntityID: e.ID, DocumentID: doc.ID, SentenceIndex: sent, Start: start, End: start + len(text), Text: text}
	}
	relation := func(s graph.Entity, pred, rel, cameo string, quad int, goldstein float64, o graph.Entity, sent int, sentence string) graph.Relation {
		r := graph.Relation{SubjectID: s.ID, Subject: s.Name, Predicate: pred, Relation: rel, ObjectID: o.ID, Object: o.Name,
			CAMEO: cameo, QuadClass: quad, Goldstein: goldstein, Date: doc.Published, DocumentID: doc.ID,
			SentenceIndex: sent, Sentence: sentence, Confidence: 0.9, DateSource: "published", Modality: "asserted"}
		r.ID = graph.RelationID(r)
		return r
	}
	return graph.Graph{
		Documents: []graph.Document{doc},
		Entities:  []graph.Entity{rus, ukr, usa},
		Mentions: []graph.Mention{
			mention(rus, 0, 0, "Russia"),
			mention(ukr, 0, 15, "Ukraine"),
			mention(usa, 1, 35, "The United States"),
			mention(usa, 1, 90, "U.S."),
		},
		Relations: []graph.Relation{
			relation(rus, "invade", "INVADES", "192", 4, -9.0, ukr, 0, InvadesSentence),
			relation(usa, "provide weapon", "SUPPLIES", "070", 2, 7.4, ukr, 1, SuppliesSentence),
		},
	}
}

// HashKey is the property in which kg keeps the fingerprint of a node's or
// relation relationship's other properties (docs/neo4j.md, "Mirror").
const HashKey = "kg_hash"

// Dump returns every node and every relationship of the database, one
// line each (see NodeLine and RelationshipLine), sorted, without the
// HashKey property. It fails the test when an :Entity or :Document node,
// or a relationship other than MENTIONED_IN, has no HashKey.
func Dump(t testing.TB, cfg neo4jsink.Config) []string {
	t.Helper()
	var out []string
	for _, row := range Rows(t, cfg, "MATCH (n) RETURN labels(n), properties(n)", nil) {
		labels, _ := row[0].([]any)
		props, _ := row[1].(map[string]any)
		if _, ok := props[HashKey]; !ok && (slices.Contains(labels, any("Entity")) || slices.Contains(labels, any("Document"))) {
			t.Errorf("node %v %v has no %s", labels, props, HashKey)
		}
		delete(props, HashKey)
		var ls []string
		for _, l := range labels {
			ls = append(ls, fmt.Sprint(l))
		}
		out = append(out, NodeLine(ls, props))
	}
	for _, row := range Rows(t, cfg, "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)", nil) {
		typ, _ := row[0].(string)
		start, _ := row[1].(string)
		end, _ := row[2].(string)
		props, _ := row[3].(map[string]any)
		if _, ok := props[HashKey]; !ok && typ != "MENTIONED_IN" {
			t.Errorf("relationship %s %v has no %s", typ, props, HashKey)
		}
		delete(props, HashKey)
		out = append(out, RelationshipLine(typ, start, end, props))
	}
	slices.Sort(out)
	return out
}

// NodeLine describes a node by its labels (in any order) and properties:
// "(:Country:Entity {id: "e1", mentions: 2, ...})", labels and keys sorted,
// each value written with its type (see Value).
func NodeLine(labels []string, props map[string]any) string {
	labels = slices.Sorted(slices.Values(labels))
	return "(:" + strings.Join(labels, ":") + " " + Value(props) + ")"
}

// RelationshipLine describes a relationship by its type, the ids of its
// start and end nodes and its properties: "(e1)-[:SUPPLIES {...}]->(e2)".
func RelationshipLine(typ, start, end string, props map[string]any) string {
	return "(" + start + ")-[:" + typ + " " + Value(props) + "]->(" + end + ")"
}

// Value writes a property value so that values of different types never
// look alike: strings quoted, integers as they are, floats with a
// decimal point or exponent ("2.0"), lists in brackets, maps with sorted
// keys. Integers may be int or int64, lists []any or []string.
func Value(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEN") { // N: NaN, Inf
			s += ".0"
		}
		return s
	case bool:
		return strconv.FormatBool(v)
	case neo4j.Point2D:
		return fmt.Sprintf("point({srid: %d, x: %s, y: %s})", v.SpatialRefId, Value(v.X), Value(v.Y))
	case []string:
		parts := make([]string, len(v))
		for i, s := range v {
			parts[i] = Value(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = Value(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		parts := make([]string, 0, len(v))
		for _, k := range slices.Sorted(maps.Keys(v)) {
			parts = append(parts, k+": "+Value(v[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

// PutGeo sets the properties of a place's or a located event's gazetteer
// entry (docs/neo4j.md): geonames_id, lat, lon and the WGS84 point.
func PutGeo(props map[string]any, geonamesID int64, lat, lon float64) {
	props["geonames_id"], props["lat"], props["lon"] = geonamesID, lat, lon
	props["point"] = neo4j.Point2D{X: lon, Y: lat, SpatialRefId: 4326}
}

// GraphLines returns the lines (NodeLine, RelationshipLine) that Dump
// returns for a database holding exactly g, by the model of docs/neo4j.md:
// an empty string, as an empty CSV cell, is an absent property, lists are
// lists even when empty, static relations have no quad_class and goldstein.
func GraphLines(g graph.Graph) []string {
	var out []string
	put := func(props map[string]any, kv ...string) {
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] != "" {
				props[kv[i]] = kv[i+1]
			}
		}
	}
	list := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	for _, d := range g.Documents {
		props := map[string]any{"sentences": d.Sentences}
		put(props, "id", d.ID, "path", d.Path, "title", d.Title, "url", d.URL, "published", d.Published, "sha256", d.SHA256)
		out = append(out, NodeLine([]string{"Document"}, props))
	}
	for _, e := range g.Entities {
		props := map[string]any{"aliases": list(e.Aliases), "roles": list(e.Roles), "mentions": e.Mentions, "documents": e.Documents}
		put(props, "id", e.ID, "type", e.Type, "name", e.Name, "country", e.Country, "first_seen", e.FirstSeen)
		if e.Geo != nil {
			PutGeo(props, int64(e.Geo.GeoNamesID), e.Geo.Lat, e.Geo.Lon)
			props["feature_class"], props["geo_confidence"] = e.Geo.FeatureClass, e.Geo.Confidence
		}
		out = append(out, NodeLine([]string{"Entity", e.Type}, props))
	}
	counts := map[[2]string]int{}
	for _, m := range g.Mentions {
		counts[[2]string{m.EntityID, m.DocumentID}]++
	}
	for k, n := range counts {
		out = append(out, RelationshipLine("MENTIONED_IN", k[0], k[1], map[string]any{"count": n}))
	}
	for _, r := range g.Relations {
		props := map[string]any{"negated": r.Negated, "sentence_index": r.SentenceIndex, "confidence": r.Confidence}
		put(props, "id", r.ID, "subject_id", r.SubjectID, "subject", r.Subject, "predicate", r.Predicate, "relation", r.Relation,
			"object_id", r.ObjectID, "object", r.Object, "cameo", r.CAMEO, "date", r.Date, "document_id", r.DocumentID,
			"sentence", r.Sentence, "date_source", r.DateSource, "modality", r.Modality, "source", r.Source, "role", r.Role,
			"instrument", r.Instrument, "rule", r.Rule, "place_id", r.PlaceID, "place", r.Place, "place_source", r.PlaceSource)
		if r.PlaceGeo != nil {
			PutGeo(props, int64(r.PlaceGeo.GeoNamesID), r.PlaceGeo.Lat, r.PlaceGeo.Lon)
		}
		if r.CAMEO != "" {
			props["quad_class"] = r.QuadClass
			props["goldstein"] = r.Goldstein
		}
		out = append(out, RelationshipLine(r.Relation, r.SubjectID, r.ObjectID, props))
	}
	slices.Sort(out)
	return out
}
