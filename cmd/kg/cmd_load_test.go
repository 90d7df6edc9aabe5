package main

import (
	"context"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph/csvws"
	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
)

func TestNeo4jLoadAndQueryCommands(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	dir := t.TempDir()
	if err := csvws.Write(context.Background(), dir, neo4jtest.SampleGraph()); err != nil {
		t.Fatal(err)
	}
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USERNAME", cfg.Username)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", "")

	for range 2 { // the second load changes nothing
		code, stdout, stderr := kgInProcess(t, "load", "--batch-size", "2", dir)
		wantPrefix := "loaded 1 document, 3 entities, 4 mentions, 2 relations into " + cfg.URI + " in "
		if code != exitOK || stdout != "" || !strings.HasPrefix(stderr, wantPrefix) {
			t.Fatalf("kg load: exit %d, stdout %q, stderr %q; want 0 and %q...", code, stdout, stderr, wantPrefix)
		}
		if nodes, rels := neo4jtest.Counts(t, cfg); nodes != neo4jtest.SampleNodes || rels != neo4jtest.SampleRelationships {
			t.Fatalf("after kg load: %d nodes, %d relationships; want %d, %d", nodes, rels, neo4jtest.SampleNodes, neo4jtest.SampleRelationships)
		}
	}

	code, stdout, stderr := kgInProcess(t, "query",
		"MATCH (s:Country)-[r]->(o:Country) WHERE s.name <> $x "+
			"RETURN s.name AS subject, type(r) AS relation, o.name AS object, r.cameo AS cameo, r.sentence AS sentence ORDER BY subject",
		"--param", "x=Nobody", "--format=csv")
	want := "subject,relation,object,cameo,sentence\n" +
		"Russia,INVADES,Ukraine,192," + neo4jtest.InvadesSentence + "\n" +
		"United States,SUPPLIES,Ukraine,070," + neo4jtest.SuppliesSentence + "\n"
	if code != exitOK || stdout != want || stderr != "" {
		t.Errorf("kg query --format csv: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}

	code, stdout, _ = kgInProcess(t, "query", "--param", `code="070"`,
		"MATCH (s)-[r {cameo: $code}]->(o) RETURN s.name AS subject, o.name AS object, r.goldstein AS goldstein")
	want = "subject        object   goldstein\n" +
		"-------        ------   ---------\n" +
		"United States  Ukraine  7.4\n"
	if code != exitOK || stdout != want {
		t.Errorf("kg query (table): exit %d, stdout:\n%s\nwant:\n%s", code, stdout, want)
	}
}

func TestNeo4jLoadWrongPasswordFailsInOneLine(t *testing.T) {
	cfg := neo4jtest.Config(t)
	dir := t.TempDir()
	if err := csvws.Write(context.Background(), dir, neo4jtest.SampleGraph()); err != nil {
		t.Fatal(err)
	}
	const password = "wrong-password-31337"
	t.Setenv("NEO4J_PASSWORD", password)
	code, stdout, stderr := kgInProcess(t, "load", "--neo4j-uri", cfg.URI, "--neo4j-user", cfg.Username, dir)
	if code != exitFailure || stdout != "" {
		t.Fatalf("exit %d, stdout %q; want exit 1 and no output", code, stdout)
	}
	if !strings.HasPrefix(stderr, "kg: load: neo4j at "+cfg.URI+": ") || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, password) {
		t.Errorf("stderr %q: want one line naming %s, without the password", stderr, cfg.URI)
	}
}
