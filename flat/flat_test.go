package flat

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

func TestSectionsRoundTrip(t *testing.T) {
	type pair struct {
		A uint32
		B float32
	}
	var b Builder
	Append(&b, []byte("abc"))
	Append(&b, []uint64{1, 1 << 40})
	Append(&b, []pair{{1, 0.5}, {2, -3}})
	Append[uint16](&b, nil)
	AppendMap(&b, []string{"Kyiv", "Lviv", "", "Odesa"})
	r := NewReader(b.Payload())
	if got := View[byte](r); string(got) != "abc" {
		t.Errorf("bytes %q", got)
	}
	if got := View[uint64](r); !slices.Equal(got, []uint64{1, 1 << 40}) {
		t.Errorf("uint64s %v", got)
	}
	if got := View[pair](r); !slices.Equal(got, []pair{{1, 0.5}, {2, -3}}) {
		t.Errorf("pairs %v", got)
	}
	if got := View[uint16](r); len(got) != 0 {
		t.Errorf("empty section %v", got)
	}
	m := ViewMap(r)
	if err := r.Done(); err != nil {
		t.Fatal(err)
	}
	for i, k := range []string{"Kyiv", "Lviv", "", "Odesa"} {
		if got := m.Index(k); got != i {
			t.Errorf("Index(%q) = %d, want %d", k, got, i)
		}
		if got := m.IndexBytes([]byte(k)); got != i {
			t.Errorf("IndexBytes(%q) = %d, want %d", k, got, i)
		}
	}
	for _, k := range []string{"Kharkiv", "kyiv", "Kyi", "Kyivv"} {
		if got := m.Index(k); got != -1 {
			t.Errorf("Index(%q) = %d, want -1", k, got)
		}
	}
}

func TestReaderRejectsMalformedPayloads(t *testing.T) {
	var b Builder
	Append(&b, []uint32{1, 2, 3})
	p := b.Payload()
	// A section read as a type whose size does not divide it.
	r := NewReader(p)
	if View[uint64](r); r.Err() == nil {
		t.Error("12 bytes read as uint64s: no error")
	}
	// Truncated.
	r = NewReader(p[:len(p)-8])
	if View[uint32](r); r.Err() == nil {
		t.Error("truncated section: no error")
	}
	// Left over.
	r = NewReader(append(slices.Clone(p), make([]byte, 8)...))
	View[uint32](r)
	if r.Done() == nil {
		t.Error("bytes after the last section: no error")
	}
}

// source is an embedded-like gzip file of content.
func source(t *testing.T, content string) fs.FS {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(content))
	zw.Close()
	return fstest.MapFS{"src.gz": {Data: b.Bytes()}}
}

// load runs Load on fsys's src.gz with a build that unzips it and counts
// its calls.
func load(t *testing.T, fsys fs.FS, dir string, builds *int) []byte {
	t.Helper()
	f, err := fsys.Open("src.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := Load(f, "test", dir, func(r io.Reader) ([]byte, error) {
		*builds++
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, err
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			return nil, err
		}
		var b Builder
		Append(&b, raw)
		return b.Payload(), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// content returns the one section of a payload of load.
func content(t *testing.T, p []byte) string {
	t.Helper()
	r := NewReader(p)
	s := View[byte](r)
	if err := r.Done(); err != nil {
		t.Fatal(err)
	}
	return string(s)
}

func TestLoadBuildsOnceThenUsesTheCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache") // created by Load
	src := source(t, "the decoded model")
	builds := 0
	if got := content(t, load(t, src, dir, &builds)); got != "the decoded model" || builds != 1 {
		t.Fatalf("first load: %q after %d builds", got, builds)
	}
	if _, err := os.Stat(filepath.Join(dir, "test.kgc")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if got := content(t, load(t, src, dir, &builds)); got != "the decoded model" {
			t.Fatalf("cached load: %q", got)
		}
	}
	if builds != 1 {
		t.Errorf("%d builds, want 1: the cache was not used", builds)
	}
	// Another source (a new model version) is not served the old payload.
	if got := content(t, load(t, source(t, "the next model"), dir, &builds)); got != "the next model" || builds != 2 {
		t.Errorf("new source: %q after %d builds", got, builds)
	}
}

func TestLoadRebuildsACorruptCache(t *testing.T) {
	src := source(t, "weights that must not change")
	for _, tc := range []struct {
		name   string
		damage func(b []byte) []byte
	}{
		{"truncated", func(b []byte) []byte { return b[:len(b)-5] }},
		{"truncated to its header", func(b []byte) []byte { return b[:headerSize] }},
		{"empty", func([]byte) []byte { return nil }},
		{"a header byte flipped", func(b []byte) []byte { b[20] ^= 0x80; return b }},
		{"extended", func(b []byte) []byte { return append(b, 0, 0, 0, 0, 0, 0, 0, 0) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			builds := 0
			load(t, src, dir, &builds)
			path := filepath.Join(dir, "test.kgc")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, tc.damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := content(t, load(t, src, dir, &builds)); got != "weights that must not change" {
				t.Errorf("after damage: %q", got)
			}
			if builds != 2 {
				t.Errorf("%d builds, want 2: the damaged file was used", builds)
			}
			// The rebuilt file serves the next process.
			if got := content(t, load(t, src, dir, &builds)); got != "weights that must not change" || builds != 2 {
				t.Errorf("after the rebuild: %q after %d builds", got, builds)
			}
		})
	}
}

func TestLoadWithoutAWritableCacheDecodes(t *testing.T) {
	src := source(t, "still loads")
	parent := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(parent, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"", filepath.Join(parent, "cache")} {
		builds := 0
		for range 2 {
			if got := content(t, load(t, src, dir, &builds)); got != "still loads" {
				t.Errorf("cache %q: %q", dir, got)
			}
		}
		if builds != 2 {
			t.Errorf("cache %q: %d builds, want 2", dir, builds)
		}
	}
	// A directory without write permission (which root ignores).
	ro := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	builds := 0
	if got := content(t, load(t, src, ro, &builds)); got != "still loads" || builds != 1 {
		t.Errorf("read-only cache: %q after %d builds", got, builds)
	}
}

func TestConcurrentLoadsAllSucceed(t *testing.T) {
	dir := t.TempDir()
	src := source(t, "shared between processes")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			builds := 0
			f, _ := src.Open("src.gz")
			defer f.Close()
			p, err := Load(f, "test", dir, func(r io.Reader) ([]byte, error) {
				builds++
				var b Builder
				Append(&b, []byte("shared between processes"))
				return b.Payload(), nil
			})
			if err == nil && content(t, p) != "shared between processes" {
				err = errors.New("wrong payload")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestDirFollowsTheEnvironment(t *testing.T) {
	t.Setenv(CacheEnv, "/somewhere/kg-cache")
	if got := Dir(); got != "/somewhere/kg-cache" {
		t.Errorf("Dir() = %q", got)
	}
	t.Setenv(CacheEnv, "off")
	if got := Dir(); got != "" {
		t.Errorf("Dir() with off = %q", got)
	}
	t.Setenv(CacheEnv, "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	t.Setenv("HOME", "/home/someone")
	if want := filepath.Join(userCache(t), "kg"); Dir() != want {
		t.Errorf("Dir() = %q, want %q", Dir(), want)
	}
}

func userCache(t *testing.T) string {
	d, err := os.UserCacheDir()
	if err != nil {
		t.Skip(err)
	}
	return d
}

func TestWriteRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	stale, fresh := filepath.Join(dir, ".test.kgc-1.tmp"), filepath.Join(dir, ".test.kgc-2.tmp")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("half a cache"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	builds := 0
	load(t, source(t, "x"), dir, &builds)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a temporary file an hour old is left (%v)", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a temporary file being written was removed: %v", err)
	}
}
