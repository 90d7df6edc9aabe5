package wordcluster

import (
	"bufio"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/kg-project/kg/flat"
)

// TestCachedTableIsTheFile compares every 97th line of the embedded file,
// read here line by line, with the table decoded without a cache and with
// one, cold and warm.
func TestCachedTableIsTheFile(t *testing.T) {
	f, err := files.Open("clusters.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		word, path string
		rank       int
	}
	var want []entry
	lines := 0
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		lines++
		if lines%97 == 1 {
			w, p, _ := strings.Cut(sc.Text(), "\t")
			want = append(want, entry{w, p[:min(len(p), maxBits)], lines})
		}
	}
	f.Close()
	dir := t.TempDir()
	for _, cache := range []string{"", dir, dir} {
		f, err := files.Open("clusters.tsv.gz")
		if err != nil {
			t.Fatal(err)
		}
		p, err := flat.Load(f, "wordcluster", cache, flatten)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		c, err := view(p)
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() < lines-100 {
			t.Errorf("cache %q: %d words for %d lines", cache, c.Len(), lines)
		}
		for _, e := range want {
			if got := c.Lookup(e.word).String(); got != e.path {
				t.Errorf("cache %q: Lookup(%q) = %s, want %s", cache, e.word, got, e.path)
			}
			if got := c.Rank(e.word); got != e.rank {
				t.Errorf("cache %q: Rank(%q) = %d, want %d", cache, e.word, got, e.rank)
			}
		}
		if c.Lookup("qzxv-not-a-word") != 0 || c.Rank("qzxv-not-a-word") != 0 {
			t.Errorf("cache %q: an unknown word has a cluster", cache)
		}
	}
}
