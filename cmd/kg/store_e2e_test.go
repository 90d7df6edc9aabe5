package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/fixtures"
	"github.com/kg-project/kg/graph/csvws"
	"github.com/kg-project/kg/graph/store"
)

// csvFiles returns the four CSV files of the workspace dir.
func csvFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range csvws.Files() {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = data
	}
	return out
}

// ingest runs kg ingest of args into out and fails t unless it succeeds.
func ingest(t *testing.T, out string, args ...string) {
	t.Helper()
	res := runKG(t, kgCall{}, append([]string{"ingest", "--published", "2022-03-12", "--out", out}, args...)...)
	if res.code != exitOK {
		t.Fatalf("kg ingest %q: exit %d, stderr %q", args, res.code, res.stderr)
	}
}

// articleFiles returns the *.txt articles of the fixture folder name, in
// path order (the order kg ingest reads a folder in).
func articleFiles(t *testing.T, name string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(fixtures.Path(t, name), "*.txt"))
	if err != nil || len(paths) < 5 {
		t.Fatalf("fixture articles of %s: %q, %v", name, paths, err)
	}
	slices.Sort(paths)
	return paths
}

// TestE2EStoreIncrementalEqualsOneShot: a folder ingested in one call, in
// batches of one article, and article by article in separate calls (all
// but the last with --no-csv, leaving the files to the reader) gives the
// same CSV files byte for byte; ingesting it again changes no byte.
func TestE2EStoreIncrementalEqualsOneShot(t *testing.T) {
	paths := articleFiles(t, "newswire")
	tmp := t.TempDir()
	oneShot, batched, byCall := filepath.Join(tmp, "one"), filepath.Join(tmp, "batched"), filepath.Join(tmp, "calls")
	ingest(t, oneShot, paths...)
	want := csvFiles(t, oneShot)
	ingest(t, batched, append([]string{"--batch", "1"}, paths...)...)
	if diff := sameFiles(want, csvFiles(t, batched)); diff != "" {
		t.Errorf("--batch 1 vs one batch: %s", diff)
	}
	for _, p := range paths {
		ingest(t, byCall, "--no-csv", p)
	}
	if !store.Stale(byCall) {
		t.Fatal("after kg ingest --no-csv the workspace is not marked stale")
	}
	if _, err := os.Stat(filepath.Join(byCall, csvws.EntitiesFile)); !os.IsNotExist(err) {
		t.Fatalf("kg ingest --no-csv wrote %s (stat: %v)", csvws.EntitiesFile, err)
	}
	// A reader has the files written first.
	if res := runKG(t, kgCall{}, "export", "--format", "events", byCall); res.code != exitOK {
		t.Fatalf("kg export: exit %d, stderr %q", res.code, res.stderr)
	}
	if store.Stale(byCall) {
		t.Error("kg export left the workspace marked stale")
	}
	if diff := sameFiles(want, csvFiles(t, byCall)); diff != "" {
		t.Errorf("one call per article vs one call: %s", diff)
	}
	ingest(t, oneShot, paths...)
	if diff := sameFiles(want, csvFiles(t, oneShot)); diff != "" {
		t.Errorf("re-ingest: %s", diff)
	}
}

// TestE2EStoreImportsCSVWorkspaces: a workspace that has only CSV files (as
// kg wrote before the store) is imported by the next ingest, which then
// gives what ingesting into a store all along gives; CSV files that another
// program writes over a workspace replace what its store held.
func TestE2EStoreImportsCSVWorkspaces(t *testing.T) {
	paths := articleFiles(t, "newswire2")
	first, second := paths[:len(paths)/2], paths[len(paths)/2:]
	tmp := t.TempDir()
	migrated, native := filepath.Join(tmp, "migrated"), filepath.Join(tmp, "native")
	ingest(t, migrated, first...)
	ingest(t, native, first...)
	if err := os.Remove(filepath.Join(migrated, store.File)); err != nil {
		t.Fatal(err)
	}
	ingest(t, migrated, second...)
	if !store.Exists(migrated) {
		t.Fatal("the ingest into a CSV-only workspace made no store")
	}
	ingest(t, native, second...)
	if diff := sameFiles(csvFiles(t, native), csvFiles(t, migrated)); diff != "" {
		t.Errorf("CSV-only workspace, imported: %s", diff)
	}

	// Another program writes the seed's workspace over it: the store
	// follows the files, and the next ingest merges into the seed's graph.
	seed := filepath.Join(tmp, "seed")
	ingest(t, seed, seedPath(t))
	g, err := csvws.Read(context.Background(), seed)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond) // a later modification time than the store's export
	if err := csvws.Write(context.Background(), migrated, g); err != nil {
		t.Fatal(err)
	}
	ingest(t, migrated, second...)
	ingest(t, seed, second...)
	if diff := sameFiles(csvFiles(t, seed), csvFiles(t, migrated)); diff != "" {
		t.Errorf("CSV files written over the store: %s", diff)
	}
}

// TestE2EStoreCrashKeepsCommittedBatches kills kg ingest (SIGKILL) while it
// adds batches of one article, at a random moment after its first write:
// the workspace then holds exactly the articles of the batches committed
// before the kill, a prefix of the input, with the files that ingesting
// that prefix gives; nothing of the interrupted batch.
func TestE2EStoreCrashKeepsCommittedBatches(t *testing.T) {
	paths := articleFiles(t, "newswire3")
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "ws")
	cmd := exec.Command(e2eBinary, append([]string{"ingest", "--batch", "1", "--workers", "1", "--published", "2022-03-12", "--out", ws}, paths...)...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for !store.Stale(ws) { // the first batch's transaction has begun
		time.Sleep(time.Millisecond)
	}
	time.Sleep(time.Duration(rand.IntN(400)) * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	if res := runKG(t, kgCall{}, "export", "--format", "events", ws); res.code != exitOK {
		t.Fatalf("kg export after the crash: exit %d, stderr %q", res.code, res.stderr)
	}
	got := csvFiles(t, ws)
	docs := strings.Count(string(got[csvws.DocumentsFile]), "\n") - 1
	t.Logf("killed after %d of %d articles", docs, len(paths))
	if docs == 0 {
		if n := strings.Count(string(got[csvws.EntitiesFile]), "\n"); n != 1 {
			t.Fatalf("no document stored, but entities.csv has %d lines", n)
		}
		return
	}
	prefix := filepath.Join(tmp, "prefix")
	ingest(t, prefix, append([]string{"--batch", "1"}, paths[:docs]...)...)
	if diff := sameFiles(csvFiles(t, prefix), got); diff != "" {
		t.Errorf("after the crash vs ingesting the first %d articles: %s", docs, diff)
	}
	// The next ingest completes the work.
	ingest(t, ws, append([]string{"--batch", "1"}, paths...)...)
	all := filepath.Join(tmp, "all")
	ingest(t, all, append([]string{"--batch", "1"}, paths...)...)
	if diff := sameFiles(csvFiles(t, all), csvFiles(t, ws)); diff != "" {
		t.Errorf("re-run after the crash vs an uninterrupted run: %s", diff)
	}
}

// TestE2EStoreConcurrentIngestsLoseNothing: two kg ingest processes add
// two folders to one workspace at once, batch by batch, interleaved; the
// workspace ends with every document, mention, relation and entity of
// ingesting both folders in one call, byte for byte: no choice of the
// merge depends on the order the batches merged in (docs/workspace.md).
func TestE2EStoreConcurrentIngestsLoseNothing(t *testing.T) {
	a, b := fixtures.Path(t, "newswire"), fixtures.Path(t, "newswire4")
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "ws")
	var wg sync.WaitGroup
	results := make([]kgResult, 2)
	for i, folder := range []string{a, b} {
		wg.Go(func() {
			results[i] = runKG(t, kgCall{}, "ingest", "--batch", "1", "--published", "2022-03-12", "--out", ws, folder)
		})
	}
	wg.Wait()
	for i, res := range results {
		if res.code != exitOK {
			t.Fatalf("ingest %d: exit %d, stderr %q", i, res.code, res.stderr)
		}
	}
	both := filepath.Join(tmp, "both")
	ingest(t, both, a, b)
	got, want := csvFiles(t, ws), csvFiles(t, both)
	for _, name := range csvws.Files() {
		if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s of two concurrent ingests differs from one ingest of both folders", name)
		}
	}
}
