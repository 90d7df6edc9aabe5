package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
)

// Articles of the mirror test. mirrorA names Sergey Ryabkov by his surname
// only; mirrorB has two open RELATED_TO relations (Germany replaced
// Poland, China overtook Russia) among typed ones and no date of its own;
// mirrorC names Ryabkov in full, which links mirrorA's "Ryabkov" to him.
const (
	mirrorA = "Ryabkov warned the United States on Tuesday against sending more weapons to Ukraine.\n" +
		"Russia invaded Ukraine in February.\n" +
		"Ryabkov said Moscow would respond to any attack on its forces.\n" +
		"The United Nations discussed the crisis with Ukraine.\n"
	mirrorAChanged = "Ryabkov warned the United States on Tuesday against sending more weapons to Ukraine.\n" +
		"Ryabkov said Moscow would respond to any attack on its forces.\n"
	mirrorB = "Turkey hosted talks between Russia and Ukraine in Istanbul.\n" +
		"Germany replaced Poland as the main donor to Ukraine.\n" +
		"Hungary blocked a European Union plan for Ukraine.\n" +
		"China overtook Russia.\n"
	mirrorC = "Russian Deputy Foreign Minister Sergey Ryabkov criticized NATO on Friday.\n" +
		"Sergey Ryabkov met Chinese officials in Beijing.\n"
)

// TestNeo4jE2EMirror ingests, with Neo4j configured, a sequence of articles
// into one workspace: two articles; one of them again (same text) with
// --typed-only and another publication date, so that its RELATED_TO
// relations disappear and its dates change in place; the other with a
// changed text (a new document, as the workspace keys documents by their
// text); a third article that re-links a person, so that an entity and
// the relations of another document change their ids. After each ingest,
// Neo4j holds exactly the workspace's graph: every node with its labels
// and properties, every relationship with its type, ends and properties,
// built here from the CSV files. And each ingest sends only what changed
// between the workspace before and after it.
func TestNeo4jE2EMirror(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	call := kgCall{dir: t.TempDir(), env: neo4jEnv(cfg)}
	write := func(name, text string) string {
		t.Helper()
		path := filepath.Join(call.dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ws := filepath.Join(call.dir, "ws")
	a, b := write("a.txt", mirrorA), write("b.txt", mirrorB)
	before := expectedGraph{}
	for _, step := range []struct {
		name string
		// args returns the arguments of kg ingest, writing the files the
		// step ingests.
		args func() []string
		// check inspects the workspace after the step, to show that the
		// step does what it is there for.
		check func(t *testing.T, before, after expectedGraph)
	}{
		{"two articles", func() []string { return []string{a, b, "--published", "2022-03-01"} }, func(t *testing.T, _, after expectedGraph) {
			if n := after.count("RELATED_TO"); n != 2 {
				t.Errorf("%d RELATED_TO relations, want 2", n)
			}
		}},
		{"b again, typed only, another date", func() []string { return []string{b, "--typed-only", "--published", "2022-03-02"} }, func(t *testing.T, before, after expectedGraph) {
			if n := after.count("RELATED_TO"); n != 0 {
				t.Errorf("%d RELATED_TO relations, want 0", n)
			}
			if changed := before.changedRelations(after); changed == 0 {
				t.Errorf("no relation kept its id with other properties (the date)")
			}
		}},
		{"a changed", func() []string { return []string{write("a.txt", mirrorAChanged), "--published", "2022-03-01"} }, func(t *testing.T, before, after expectedGraph) {
			if len(after.docs) != len(before.docs)+1 {
				t.Errorf("%d documents, want %d", len(after.docs), len(before.docs)+1)
			}
		}},
		{"c re-links a person", func() []string { return []string{write("c.txt", mirrorC), "--published", "2022-03-03"} }, func(t *testing.T, before, after expectedGraph) {
			if d := before.diff(after); d.NodesDeleted == 0 || d.RelationshipsDeleted < 2 {
				t.Errorf("the re-link deleted %d nodes and %d relationships, want the surname's entity and its relations", d.NodesDeleted, d.RelationshipsDeleted)
			}
		}},
	} {
		t.Run(step.name, func(t *testing.T) {
			res := runKG(t, call, append([]string{"ingest", "--out", ws}, step.args()...)...)
			if res.code != exitOK {
				t.Fatalf("kg ingest: exit %d, stderr:\n%s", res.code, res.stderr)
			}
			after := readExpectedGraph(t, ws)
			step.check(t, before, after)
			want := after.lines()
			if got := neo4jtest.Dump(t, cfg); !slices.Equal(got, want) {
				t.Errorf("Neo4j does not hold the workspace's graph:\n%s", lineDiff(got, want))
			}
			wantStats := before.diff(after)
			if got := loadStats(t, res.stderr, cfg.URI); got != wantStats {
				t.Errorf("the load did %v; want only the change of the workspace: %v", got, wantStats)
			}
			before = after
		})
		if t.Failed() {
			return
		}
	}

	// kg load of the same workspace sends nothing.
	res := runKG(t, call, "load", ws)
	if want := fmt.Sprintf("created 0 nodes and 0 relationships, updated 0 nodes and 0 relationships, deleted 0 nodes and 0 relationships, %d unchanged\n",
		len(before.lines())); res.code != exitOK || !strings.HasSuffix(res.stderr, want) {
		t.Errorf("kg load: exit %d, stderr %q; want it to end %q", res.code, res.stderr, want)
	}
}

// loadStats reads the load's summary line of kg ingest from stderr.
func loadStats(t *testing.T, stderr, uri string) neo4jsink.Stats {
	t.Helper()
	re := regexp.MustCompile(`(?m)^kg: loaded into ` + regexp.QuoteMeta(uri) + `: created (\d+) nodes? and (\d+) relationships?, ` +
		`updated (\d+) nodes? and (\d+) relationships?, deleted (\d+) nodes? and (\d+) relationships?, (\d+) unchanged$`)
	m := re.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no load summary in stderr:\n%s", stderr)
	}
	n := make([]int, len(m))
	for i := 1; i < len(m); i++ {
		n[i], _ = strconv.Atoi(m[i])
	}
	return neo4jsink.Stats{NodesCreated: n[1], RelationshipsCreated: n[2], NodesUpdated: n[3], RelationshipsUpdated: n[4],
		NodesDeleted: n[5], RelationshipsDeleted: n[6], Unchanged: n[7]}
}

// expectedGraph is the graph Neo4j must hold for a workspace, built from its
// CSV files by docs/neo4j.md's model: nodes by id, relations by id and
// MENTIONED_IN links by entity and document, each as its neo4jtest line.
type expectedGraph struct {
	docs, entities, relations, links map[string]string
	relationTypes                    map[string]string // relation id → type
}

// readExpectedGraph reads the workspace dir.
func readExpectedGraph(t *testing.T, dir string) expectedGraph {
	t.Helper()
	g := expectedGraph{docs: map[string]string{}, entities: map[string]string{}, relations: map[string]string{},
		links: map[string]string{}, relationTypes: map[string]string{}}
	read := func(file string) []map[string]string {
		rows := csvRows(t, filepath.Join(dir, file))
		for _, row := range rows {
			for k, v := range row {
				row[k] = unneutralize(v)
			}
		}
		return rows
	}
	integer := func(s string) int64 {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("%q is not an integer", s)
		}
		return n
	}
	float := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return f
	}
	// strings puts the non-empty cells of cols: an empty cell is an absent property.
	strs := func(props map[string]any, row map[string]string, cols ...string) {
		for _, c := range cols {
			if row[c] != "" {
				props[c] = row[c]
			}
		}
	}
	list := func(s string) []string {
		if s == "" {
			return []string{}
		}
		return strings.Split(s, "|")
	}
	for _, d := range read("documents.csv") {
		props := map[string]any{"sentences": integer(d["sentences"])}
		strs(props, d, "id", "path", "title", "url", "published", "sha256")
		g.docs[d["id"]] = neo4jtest.NodeLine([]string{"Document"}, props)
	}
	for _, e := range read("entities.csv") {
		props := map[string]any{"aliases": list(e["aliases"]), "roles": list(e["roles"]),
			"mentions": integer(e["mentions"]), "documents": integer(e["documents"])}
		strs(props, e, "id", "type", "name", "country", "first_seen", "feature_class")
		if e["geonames_id"] != "" {
			neo4jtest.PutGeo(props, integer(e["geonames_id"]), float(e["lat"]), float(e["lon"]))
			props["geo_confidence"] = float(e["geo_confidence"])
		}
		g.entities[e["id"]] = neo4jtest.NodeLine([]string{"Entity", e["type"]}, props)
	}
	for _, r := range read("relations.csv") {
		props := map[string]any{"negated": r["negated"] == "true", "sentence_index": integer(r["sentence_index"]),
			"confidence": float(r["confidence"])}
		strs(props, r, "id", "subject_id", "subject", "predicate", "relation", "object_id", "object", "cameo", "date",
			"document_id", "sentence", "date_source", "modality", "source", "role", "instrument", "rule", "place_id", "place", "place_source")
		if r["place_geonames_id"] != "" {
			neo4jtest.PutGeo(props, integer(r["place_geonames_id"]), float(r["lat"]), float(r["lon"]))
		}
		if r["cameo"] != "" {
			props["quad_class"] = integer(r["quad_class"])
			props["goldstein"] = float(r["goldstein"])
		}
		g.relations[r["id"]] = neo4jtest.RelationshipLine(r["relation"], r["subject_id"], r["object_id"], props)
		g.relationTypes[r["id"]] = r["relation"]
	}
	counts := map[[2]string]int64{}
	for _, m := range read("mentions.csv") {
		counts[[2]string{m["entity_id"], m["document_id"]}]++
	}
	for k, n := range counts {
		g.links[k[0]+" "+k[1]] = neo4jtest.RelationshipLine("MENTIONED_IN", k[0], k[1], map[string]any{"count": n})
	}
	return g
}

// unneutralize undoes the workspace's spreadsheet formula neutralization
// (docs/workspace.md): a cell whose leading quotes are followed by =, +,
// -, @, a tab or a carriage return lost one quote.
func unneutralize(s string) string {
	rest := strings.TrimLeft(s, "'")
	if rest != s && rest != "" && strings.ContainsRune("=+-@\t\r", rune(rest[0])) {
		return s[1:]
	}
	return s
}

// lines returns every node and relationship line, sorted.
func (g expectedGraph) lines() []string {
	var out []string
	for _, m := range []map[string]string{g.docs, g.entities, g.relations, g.links} {
		for _, l := range m {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

// count returns the number of relations of type typ.
func (g expectedGraph) count(typ string) int {
	n := 0
	for _, t := range g.relationTypes {
		if t == typ {
			n++
		}
	}
	return n
}

// changedRelations returns the number of relations of g that after has
// with the same id and other properties.
func (g expectedGraph) changedRelations(after expectedGraph) int {
	n := 0
	for id, l := range g.relations {
		if m, ok := after.relations[id]; ok && m != l {
			n++
		}
	}
	return n
}

// diff returns what a load must do to turn a database that holds g into
// one that holds after: by key, the nodes and relationships only after
// has (created), both have with other lines (updated), only g has
// (deleted), and both have alike (unchanged).
func (g expectedGraph) diff(after expectedGraph) neo4jsink.Stats {
	var s neo4jsink.Stats
	count := func(before, after map[string]string, created, updated, deleted *int) {
		for k, l := range after {
			switch b, ok := before[k]; {
			case !ok:
				*created++
			case b != l:
				*updated++
			default:
				s.Unchanged++
			}
		}
		for k := range before {
			if _, ok := after[k]; !ok {
				*deleted++
			}
		}
	}
	count(g.docs, after.docs, &s.NodesCreated, &s.NodesUpdated, &s.NodesDeleted)
	count(g.entities, after.entities, &s.NodesCreated, &s.NodesUpdated, &s.NodesDeleted)
	count(g.relations, after.relations, &s.RelationshipsCreated, &s.RelationshipsUpdated, &s.RelationshipsDeleted)
	count(g.links, after.links, &s.RelationshipsCreated, &s.RelationshipsUpdated, &s.RelationshipsDeleted)
	return s
}

// lineDiff lists the lines only in got and only in want.
func lineDiff(got, want []string) string {
	var b strings.Builder
	for _, l := range got {
		if !slices.Contains(want, l) {
			fmt.Fprintf(&b, "  only in Neo4j:     %s\n", l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			fmt.Fprintf(&b, "  only in workspace: %s\n", l)
		}
	}
	if b.Len() == 0 {
		return fmt.Sprintf("  the same lines, %d in Neo4j and %d in the workspace (duplicates)\n", len(got), len(want))
	}
	return b.String()
}
