package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// cacheFiles are the files of a filled model cache (package flat).
var cacheFiles = []string{"geo.world.kgc", "lemma.kgc", "ner.lexicon.kgc", "ner.model.kgc", "parse.lexicon.kgc", "parse.model.kgc", "tag.first.kgc", "tag.lexicon.kgc", "tag.model.kgc", "wordcluster.kgc"}

// extractWithCache runs kg extract of the seed article with the cache
// setting env and returns its output, failing t unless it succeeds
// silently.
func extractWithCache(t *testing.T, env string, args ...string) string {
	t.Helper()
	res := runKG(t, kgCall{env: []string{env}}, append([]string{"extract", "--format", "jsonl", "--published", "2022-03-12", seedPath(t)}, args...)...)
	if res.code != exitOK || res.stderr != "" {
		t.Fatalf("kg extract with %s %q: exit %d, stderr %q", env, args, res.code, res.stderr)
	}
	return res.stdout
}

// cacheListing returns the names of the files in dir.
func cacheListing(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestE2EModelCache: kg writes the decoded models to the cache directory
// on its first run and uses them on the next ones, and its output is the
// same without a cache, with a cold one, a warm one, a damaged one (which
// it rebuilds), one it cannot create, and one two processes fill at once.
func TestE2EModelCache(t *testing.T) {
	want := extractWithCache(t, "KG_CACHE_DIR=off")
	if len(want) < 500 {
		t.Fatalf("little output: %q", want)
	}
	dir := filepath.Join(t.TempDir(), "cache")
	for _, run := range []string{"cold", "warm"} {
		if got := extractWithCache(t, "KG_CACHE_DIR="+dir); got != want {
			t.Errorf("%s cache: output differs", run)
		}
	}
	if got := cacheListing(t, dir); !slices.Equal(got, cacheFiles) {
		t.Fatalf("cache holds %q, want %q", got, cacheFiles)
	}

	// Damaged files are rebuilt.
	parse, world := filepath.Join(dir, "parse.model.kgc"), filepath.Join(dir, "geo.world.kgc")
	good, err := os.ReadFile(world)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(parse)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(parse, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	// A damaged header (here a byte of the key it names) is caught; a byte
	// changed in the payload is not, by decision (docs/nlp.md, "Loading the
	// models"): only the header is checked at each use.
	bad := bytes.Clone(good)
	bad[30] ^= 0x10
	if err := os.WriteFile(world, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := extractWithCache(t, "KG_CACHE_DIR="+dir); got != want {
		t.Error("damaged cache: output differs")
	}
	if fi2, err := os.Stat(parse); err != nil || fi2.Size() != fi.Size() {
		t.Errorf("the truncated parser cache was not rebuilt: %v, %v", fi2, err)
	}
	if b, err := os.ReadFile(world); err != nil || !bytes.Equal(b, good) {
		t.Errorf("the gazetteer cache with a damaged header was not rebuilt (%v)", err)
	}

	// A cache directory that cannot be created: kg decodes, silently.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := extractWithCache(t, "KG_CACHE_DIR="+filepath.Join(file, "cache")); got != want {
		t.Error("uncreatable cache: output differs")
	}

	// --cache-dir names the directory.
	flagDir := filepath.Join(t.TempDir(), "flag")
	if got := extractWithCache(t, "KG_CACHE_DIR="+dir, "--cache-dir", flagDir); got != want {
		t.Error("--cache-dir: output differs")
	}
	if got := cacheListing(t, flagDir); !slices.Equal(got, cacheFiles) {
		t.Errorf("--cache-dir holds %q, want %q", got, cacheFiles)
	}
}

// TestE2EModelCacheFilledByTwoProcesses: two kg processes that start
// with an empty cache directory both succeed with the same output.
func TestE2EModelCacheFilledByTwoProcesses(t *testing.T) {
	want := extractWithCache(t, "KG_CACHE_DIR=off")
	dir := filepath.Join(t.TempDir(), "cache")
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for range 2 {
		cmd := exec.Command(e2eBinary, "extract", "--format", "jsonl", "--published", "2022-03-12", seedPath(t))
		cmd.Env = append(os.Environ(), "KG_CACHE_DIR="+dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v: %s", i, err, outs[i])
		} else if outs[i].String() != want {
			t.Errorf("process %d: output differs", i)
		}
	}
	if got := cacheListing(t, dir); !slices.Equal(got, cacheFiles) {
		t.Errorf("cache holds %q, want %q", got, cacheFiles)
	}
}
