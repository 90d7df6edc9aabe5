package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
)

// neo4jEnv returns the NEO4J_* settings that point kg at cfg.
func neo4jEnv(cfg neo4jsink.Config) []string {
	return []string{"NEO4J_URI=" + cfg.URI, "NEO4J_USERNAME=" + cfg.Username, "NEO4J_PASSWORD=" + cfg.Password}
}

func TestNeo4jE2EIngestLoadQuery(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	call := kgCall{dir: t.TempDir(), env: neo4jEnv(cfg)}
	out := filepath.Join(call.dir, "ws")
	ingest := func() {
		t.Helper()
		res := runKG(t, call, "ingest", seedPath(t), "--published", "2022-03-12", "--out", out)
		if want := "\nkg: loaded into " + cfg.URI + ": created "; res.code != exitOK || !strings.Contains(res.stderr, want) || strings.Count(res.stderr, "\n") != 2 {
			t.Fatalf("kg ingest: exit %d, stderr %q; want exit 0, the summary and a line starting %q", res.code, res.stderr, want[1:])
		}
	}
	ingest()

	for _, want := range []struct{ subject, relation, object, sentence string }{
		{"United States", "SUPPLIES", "Ukraine", seedSuppliesSentence},
		{"Russia", "INVADES", "Ukraine", seedInvadesSentence},
	} {
		// The relationship type comes from this fixed table, never from input.
		cypher := "MATCH (:Entity:Country {name: $subject})-[r:" + want.relation + "]->(:Entity:Country {name: $object}) " +
			"WHERE r.sentence = $sentence RETURN count(r)"
		params := map[string]any{"subject": want.subject, "object": want.object, "sentence": want.sentence}
		if n := neo4jtest.Count(t, cfg, cypher, params); n != 1 {
			t.Errorf("%s -%s-> %s with sentence %q: %d relationships, want 1", want.subject, want.relation, want.object, want.sentence, n)
		}
	}
	// The graph in Neo4j is the workspace: every entity and document a node,
	// every relation and entity-document link a relationship.
	nodes, rels := neo4jtest.Counts(t, cfg)
	entities := csvRows(t, filepath.Join(out, "entities.csv"))
	docs := csvRows(t, filepath.Join(out, "documents.csv"))
	relations := csvRows(t, filepath.Join(out, "relations.csv"))
	if nodes != int64(len(entities)+len(docs)) {
		t.Errorf("%d nodes, want %d entities + %d documents", nodes, len(entities), len(docs))
	}
	if links := neo4jtest.Count(t, cfg, "MATCH (:Entity)-[m:MENTIONED_IN]->(:Document) RETURN count(m)", nil); rels != links+int64(len(relations)) {
		t.Errorf("%d relationships, want %d MENTIONED_IN + %d relations", rels, links, len(relations))
	}
	t.Logf("the seed in Neo4j: %d nodes, %d relationships", nodes, rels)
	if n := neo4jtest.Count(t, cfg, "MATCH ()-[r]->() WHERE type(r) <> 'MENTIONED_IN' AND (r.rule IS NULL OR r.rule = '') RETURN count(r)", nil); n != 0 {
		t.Errorf("%d relationships without a rule property", n)
	}
	if n := neo4jtest.Count(t, cfg, "MATCH (c:Country {name: 'United States'}) RETURN count(c)", nil); n != 1 {
		t.Errorf("%d United States nodes, want 1", n)
	}

	// Ingesting again changes nothing.
	ingest()
	if n, r := neo4jtest.Counts(t, cfg); n != nodes || r != rels {
		t.Errorf("after the second ingest: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}

	// kg load of the workspace into an empty database makes the same graph.
	neo4jtest.Clear(t, cfg)
	res := runKG(t, call, "load", out)
	if res.code != exitOK || res.stdout != "" || !strings.HasPrefix(res.stderr, "loaded ") || strings.Count(res.stderr, "\n") != 1 {
		t.Fatalf("kg load: exit %d, stdout %q, stderr %q; want exit 0 and one line", res.code, res.stdout, res.stderr)
	}
	if n, r := neo4jtest.Counts(t, cfg); n != nodes || r != rels {
		t.Errorf("after kg load: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}

	res = runKG(t, call, "query", "MATCH (a:Country)-[r:INVADES]->(b) RETURN a.name, b.name", "--format", "csv")
	if want := "a.name,b.name\nRussia,Ukraine\n"; res.code != exitOK || res.stdout != want || res.stderr != "" {
		t.Errorf("kg query --format csv: exit %d, stderr %q, stdout %q; want %q", res.code, res.stderr, res.stdout, want)
	}
	res = runKG(t, call, "query", "MATCH (a:Country)-[r:SUPPLIES]->(b:Country) WHERE r.sentence = $s RETURN a.name AS supplier, b.name AS recipient",
		"--param", "s="+seedSuppliesSentence, "--format", "json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(res.stdout), &got); res.code != exitOK || err != nil || len(got) != 1 ||
		got[0]["supplier"] != "United States" || got[0]["recipient"] != "Ukraine" || len(got[0]) != 2 {
		t.Errorf("kg query --format json: exit %d, stderr %q, stdout %q (%v); want one row, United States supplies Ukraine",
			res.code, res.stderr, res.stdout, err)
	}
}

func TestNeo4jE2EIngestWrongPassword(t *testing.T) {
	cfg := neo4jtest.Config(t)
	const password = "not-the-password-2718"
	call := kgCall{dir: t.TempDir(), env: []string{"NEO4J_URI=" + cfg.URI, "NEO4J_USERNAME=" + cfg.Username, "NEO4J_PASSWORD=" + password}}
	res := runKG(t, call, "ingest", seedPath(t), "--published", "2022-03-12", "--out", "ws")
	// Issue 15: the login is checked before any work (docs/neo4j.md), so
	// the run fails with one line and extracts and writes nothing.
	if res.code != exitFailure || res.stdout != "" || strings.Count(res.stderr, "\n") != 1 {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and one error line", res.code, res.stdout, res.stderr)
	}
	if !strings.HasPrefix(res.stderr, "kg: ingest: ") || !strings.Contains(res.stderr, cfg.URI) || !strings.Contains(res.stderr, "authentication failure") ||
		strings.Contains(res.stderr, password) {
		t.Errorf("error %q: want one line naming %s and the authentication failure, without the password", res.stderr, cfg.URI)
	}
	if _, err := os.Stat(filepath.Join(call.dir, "ws")); err == nil {
		t.Errorf("the failed run wrote the workspace ws")
	}
}
