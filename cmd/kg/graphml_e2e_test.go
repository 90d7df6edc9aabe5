package main

import (
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

// graphMLWorkspace is exportWorkspace's graph with a second statement of
// the invasion (a parallel edge) whose sentence holds XML's special
// characters and a control character.
func graphMLWorkspace(t *testing.T) (string, graph.Graph) {
	t.Helper()
	g, err := csvws.Read(context.Background(), exportWorkspace(t))
	if err != nil {
		t.Fatal(err)
	}
	again := g.Relations[0]
	again.ID = "r00000000000000b1"
	again.SentenceIndex = 2
	again.Sentence = "Russia's <\"assault\"> & the \x01 shelling of Ukraine."
	g.Relations = append(g.Relations, again)
	dir := t.TempDir()
	if err := csvws.Write(context.Background(), dir, g); err != nil {
		t.Fatal(err)
	}
	g, err = csvws.Read(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, g
}

// TestReaderNetworkxGraphML exports a workspace as GraphML and reads it
// back with networkx (cmd/kg/testdata/read_graphml.py): the counts equal the
// workspace's, the graph is directed and keeps the parallel edge, and every
// attribute comes back with its type. scripts/test fails when it skips.
func TestReaderNetworkxGraphML(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 (scripts/test requires python3 with networkx)")
	}
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		t.Skip("python3 has no networkx (scripts/test installs it)")
	}
	dir, g := graphMLWorkspace(t)
	out := filepath.Join(t.TempDir(), "kg.graphml")
	res := runKG(t, kgCall{}, "export", "--format", "graphml", dir, "--out", out)
	if res.code != 0 {
		t.Fatalf("export: exit %d: %s", res.code, res.stderr)
	}
	if want := "4 nodes, 4 edges from 1 document"; !strings.Contains(res.stderr, want) {
		t.Errorf("export: stderr %q, want %q", res.stderr, want)
	}
	cmd := exec.Command(python, filepath.Join("testdata", "read_graphml.py"), out)
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx could not read %s: %v\n%s", out, err, stdout)
	}
	type value [2]any // Python type name, value
	var got struct {
		Nodes, Edges         int
		Directed, Multigraph bool
		Node                 map[string]map[string]value
		Edge                 map[string]map[string]value
	}
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatalf("read_graphml.py: %v\n%s", err, stdout)
	}
	if got.Nodes != len(g.Entities) || got.Edges != len(g.Relations) {
		t.Errorf("networkx reads %d nodes and %d edges, want %d and %d", got.Nodes, got.Edges, len(g.Entities), len(g.Relations))
	}
	if !got.Directed || !got.Multigraph {
		t.Errorf("networkx reads directed=%v multigraph=%v, want both (the invasion is stated twice)", got.Directed, got.Multigraph)
	}
	want := map[string]value{
		"_source": {"str", "eRU"}, "_target": {"str", "eUA"}, "label": {"str", "INVADES"}, "relation": {"str", "INVADES"},
		"cameo": {"str", "192"}, "quad_class": {"int", 4.0}, "goldstein": {"float", -9.5}, "negated": {"bool", false},
		"static": {"bool", false}, "confidence": {"float", 0.75}, "sentence_index": {"int", 0.0}, "date": {"str", "2022-02-24"},
		"document": {"str", "seed.txt"}, "sentence": {"str", "Russia invaded Ukraine on Feb. 24."},
	}
	for k, v := range want {
		if got.Edge["r00000000000000a1"][k] != v {
			t.Errorf("edge r…a1 %s = %v, want %v", k, got.Edge["r00000000000000a1"][k], v)
		}
	}
	if s := got.Edge["r00000000000000b1"]["sentence"]; s != (value{"str", "Russia's <\"assault\"> & the \uFFFD shelling of Ukraine."}) {
		t.Errorf("special characters came back as %v", s)
	}
	if v := got.Edge["r00000000000000a3"]; v["static"] != (value{"bool", true}) || v["quad_class"] != (value{}) || v["role"] != (value{"str", "deputy foreign minister"}) {
		t.Errorf("affiliation edge: %v", v)
	}
	if v := got.Node["eRU"]; v["type"] != (value{"str", "Country"}) || v["country"] != (value{"str", "RUS"}) || v["mentions"][0] != "int" {
		t.Errorf("node eRU: %v", v)
	}
}
