package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/extract"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/fixtures"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

var (
	articlesOnce sync.Once
	articleGraph []graph.Graph
	articleErr   error
)

// articles returns the extraction of every article of the repository's
// fixtures (the seed and the newswire folders), in path order, extracted
// once for all tests. Dates alternate so that first sightings matter.
func articles(t *testing.T) []graph.Graph {
	t.Helper()
	articlesOnce.Do(func() {
		root := filepath.Dir(fixtures.Path(t, "seed-convoys.txt"))
		var paths []string
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".txt") {
				paths = append(paths, p)
			}
			return err
		})
		sort.Strings(paths)
		x, err := extract.New(extract.Options{})
		if err != nil {
			articleErr = err
			return
		}
		for i, p := range paths {
			text, err := os.ReadFile(p)
			if err != nil {
				articleErr = err
				return
			}
			pub := []string{"2024-03-01", "2023-11-20", ""}[i%3]
			g, err := x.Extract(context.Background(), source.Article{Path: filepath.Base(p), Text: string(text), Published: pub})
			if err != nil {
				articleErr = err
				return
			}
			articleGraph = append(articleGraph, g)
		}
	})
	if articleErr != nil {
		t.Fatal(articleErr)
	}
	if len(articleGraph) < 30 {
		t.Fatalf("%d fixture articles, want at least 30", len(articleGraph))
	}
	return articleGraph
}

// batches splits gs into runs of n graphs, each merged as kg ingest merges
// one batch.
func batches(gs []graph.Graph, n int) []graph.Graph {
	var out []graph.Graph
	for i := 0; i < len(gs); i += n {
		out = append(out, graph.Merge(graph.Graph{}, graph.Concat(gs[i:min(i+n, len(gs))]...)))
	}
	return out
}

// files returns the four workspace files of dir.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range csvws.Files() {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = string(b)
	}
	return out
}

// sameFiles fails t when the workspaces' files differ, naming the first
// differing line.
func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for _, name := range csvws.Files() {
		if got[name] == want[name] {
			continue
		}
		g, w := strings.Split(got[name], "\n"), strings.Split(want[name], "\n")
		for i := range max(len(g), len(w)) {
			var gl, wl string
			if i < len(g) {
				gl = g[i]
			}
			if i < len(w) {
				wl = w[i]
			}
			if gl != wl {
				t.Fatalf("%s: %s line %d:\n got %q\nwant %q", what, name, i+1, gl, wl)
			}
		}
	}
}

// csvIngest is kg ingest before the store: each run read, merged and
// written back whole.
func csvIngest(t *testing.T, dir string, runs ...graph.Graph) map[string]string {
	t.Helper()
	ctx := context.Background()
	for _, run := range runs {
		base, err := csvws.Read(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := csvws.Write(ctx, dir, graph.Merge(base, run)); err != nil {
			t.Fatal(err)
		}
	}
	return files(t, dir)
}

// storeIngest adds each run to the store of dir and exports it.
func storeIngest(t *testing.T, dir string, runs ...graph.Graph) map[string]string {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	for _, run := range runs {
		if err := s.Add(ctx, run); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Export(ctx); err != nil {
		t.Fatal(err)
	}
	return files(t, dir)
}

// TestAddEqualsMergeOfTheWholeWorkspace: adding the fixture articles to the
// store in batches of 1, 7 and all gives, byte for byte, the CSV files that
// merging each batch into the whole workspace (graph.Merge, csvws.Write)
// gives, and here also the one-shot ingest of all of them at once.
func TestAddEqualsMergeOfTheWholeWorkspace(t *testing.T) {
	gs := articles(t)
	oneShot := csvIngest(t, t.TempDir(), batches(gs, len(gs))...)
	for _, n := range []int{len(gs), 7, 1} {
		runs := batches(gs, n)
		got := storeIngest(t, t.TempDir(), runs...)
		sameFiles(t, fmt.Sprintf("store, batches of %d vs csv", n), got, csvIngest(t, t.TempDir(), runs...))
		sameFiles(t, fmt.Sprintf("store, batches of %d vs one shot", n), got, oneShot)
	}
}

// randomRun returns a batch of documents naming persons of one surname in
// several forms (so that they link across documents, or stay apart where
// the name is ambiguous), countries and places with gazetteer entries of
// varying confidence; document ids repeat across runs, so that later runs
// replace earlier documents with other content.
func randomRun(rng *rand.Rand, docs int) graph.Graph {
	names := []string{"Ryabkov", "Sergey Ryabkov", "Sergei Ryabkov", "Andrei Ryabkov", "Lavrov", "Sergey Lavrov", "Zelensky", "Volodymyr Zelensky"}
	countries := []string{"Russia", "Ukraine", "United States", "U.S."}
	var gs []graph.Graph
	seen := map[string]bool{} // a document's id is its text's hash: one content per id in a batch
	for range docs {
		id := fmt.Sprintf("d%02d", rng.IntN(12))
		if seen[id] {
			continue
		}
		seen[id] = true
		g := graph.Graph{Documents: []graph.Document{{ID: id, Path: id + ".txt", Published: fmt.Sprintf("2024-0%d-1%d", 1+rng.IntN(9), rng.IntN(10)), Sentences: 1 + rng.IntN(5)}}}
		var ents []graph.Entity
		for range 1 + rng.IntN(4) {
			n := names[rng.IntN(len(names))]
			ents = append(ents, graph.Entity{ID: graph.EntityID("Person", n), Type: "Person", Name: n, Aliases: []string{n}, Roles: []string{[]string{"", "minister", "spokesman"}[rng.IntN(3)]}})
		}
		for range 1 + rng.IntN(2) {
			n := countries[rng.IntN(len(countries))]
			ents = append(ents, graph.Entity{ID: graph.EntityID("Country", n), Type: "Country", Name: n, Aliases: []string{n}, Country: "XYZ"})
		}
		if rng.IntN(2) == 0 {
			ents = append(ents, graph.Entity{ID: graph.EntityID("Location", "Kharkiv"), Type: "Location", Name: "Kharkiv",
				Geo: &graph.Geo{GeoNamesID: uint32(706000 + rng.IntN(3)), Lat: 50, Lon: 36.25, FeatureClass: "P", Confidence: float64(rng.IntN(100)) / 100}})
		}
		for i, e := range ents {
			for k := range 1 + rng.IntN(2) {
				g.Mentions = append(g.Mentions, graph.Mention{EntityID: e.ID, DocumentID: id, SentenceIndex: k, Start: 10*i + 100*k, End: 10*i + 100*k + 5, Text: e.Name})
			}
		}
		for k := range rng.IntN(4) {
			a, b := ents[rng.IntN(len(ents))], ents[rng.IntN(len(ents))]
			if a.ID == b.ID {
				continue
			}
			r := graph.Relation{SubjectID: a.ID, Subject: a.Name, Predicate: "warn", Relation: "WARNS", ObjectID: b.ID, Object: b.Name,
				CAMEO: "130", QuadClass: 3, Goldstein: -4, DocumentID: id, SentenceIndex: k, Sentence: "A sentence.", Confidence: 0.5 + float64(rng.IntN(50))/100,
				DateSource: "published", Modality: "asserted"}
			r.ID = graph.RelationID(r)
			g.Relations = append(g.Relations, r)
		}
		g.Entities = ents
		gs = append(gs, g)
	}
	return graph.Merge(graph.Graph{}, graph.Concat(gs...))
}

// TestAddEqualsMergeOnRandomRuns: over random sequences of batches (persons
// linked across batches in either order, names that become ambiguous,
// documents replaced by other content, places resolved apart), the store's
// files equal after every batch those of merging the batch into the whole
// workspace.
func TestAddEqualsMergeOnRandomRuns(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		csvDir, storeDir := t.TempDir(), t.TempDir()
		s, err := Open(ctx, storeDir)
		if err != nil {
			t.Fatal(err)
		}
		for step := range 6 {
			run := randomRun(rng, 1+rng.IntN(4))
			want := csvIngest(t, csvDir, run)
			if err := s.Add(ctx, run); err != nil {
				t.Fatal(err)
			}
			if err := s.Export(ctx); err != nil {
				t.Fatal(err)
			}
			sameFiles(t, fmt.Sprintf("seed %d, step %d", seed, step), files(t, storeDir), want)
		}
		s.Close()
	}
}

// TestAddFailingMidBatchKeepsThePreviousState: a batch whose last relation
// cannot be stored (an empty id) fails after its documents, mentions and
// entities were written in the transaction; the store then holds exactly
// what it held before, and the same batch without the bad relation adds as
// usual.
func TestAddFailingMidBatchKeepsThePreviousState(t *testing.T) {
	ctx := context.Background()
	gs := articles(t)
	dir := t.TempDir()
	before := storeIngest(t, dir, batches(gs[:10], 10)...)

	run := batches(gs[10:20], 10)[0]
	bad := run
	bad.Relations = append(append([]graph.Relation(nil), run.Relations...), graph.Relation{DocumentID: run.Documents[0].ID, SubjectID: run.Entities[0].ID, ObjectID: run.Entities[1].ID})
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Add(ctx, bad)
	if err == nil || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("Add of a relation without id: %v, want an error naming the empty id", err)
	}
	if err := s.Export(ctx); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "after the failed batch", files(t, dir), before)

	if err := s.Add(ctx, run); err != nil {
		t.Fatal(err)
	}
	if err := s.Export(ctx); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "after the batch", files(t, dir), csvIngest(t, t.TempDir(), batches(gs[:20], 10)...))
}
