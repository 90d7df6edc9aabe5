// Package wordcluster gives words their Brown cluster: a path in a binary
// hierarchy of word classes learned from a large unlabeled English corpus,
// where words used in similar contexts share long path prefixes (Russia,
// China and Iran share one cluster; Paris, London and Tokyo another;
// invaded and attacked a third).
//
// Cluster prefixes are features that generalize past the labeled data:
// a name or a verb never seen in training still carries its neighbours'
// class (Koo et al. 2008 for parsing, Ratinov and Roth 2009 for NER). The
// table, clusters.tsv.gz, holds 190,129 words, most frequent first, one
// "WORD<TAB>PATH" per line, PATH a string of 0s and 1s from the root of
// the hierarchy. It comes from spacy-lookups-data 1.0.5 (MIT licence,
// ExplosionAI GmbH), file en_lexeme_cluster.json.gz, where each cluster is
// stored as the integer of the reversed path: the path's trailing zeros
// are not recoverable, so a path here may be a few bits shorter than the
// original, which only shortens its longest prefixes.
package wordcluster

import (
	"bufio"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/flat"
)

//go:embed clusters.tsv.gz
var files embed.FS

// Path is a cluster path packed into an integer: a leading 1 bit followed
// by the path's bits, root first. The zero Path means "no cluster".
type Path uint32

// maxBits is the longest path kept; longer ones are cut.
const maxBits = 30

// Prefix returns the path's first n bits (the whole path when it is
// shorter), as a Path. The prefixes of different lengths of one path
// differ, so they can serve as features of one template.
func (p Path) Prefix(n int) Path {
	if p == 0 {
		return 0
	}
	l := p.Len()
	if l <= n {
		return p
	}
	return p >> (l - n)
}

// Len is the number of bits of the path.
func (p Path) Len() int {
	if p == 0 {
		return 0
	}
	n := -1
	for v := p; v != 0; v >>= 1 {
		n++
	}
	return n
}

// String returns the path as 0s and 1s ("" for the zero Path).
func (p Path) String() string {
	var b strings.Builder
	for i := p.Len() - 1; i >= 0; i-- {
		b.WriteByte('0' + byte(p>>i&1))
	}
	return b.String()
}

// Clusters maps words to their cluster paths. It is read-only and safe for
// concurrent use. Its tables are flat (package flat), so that a process
// maps them from the cache instead of building them.
type Clusters struct {
	words flat.Map
	// paths and ranks are those of words' word i; rank 1 is the most
	// frequent word.
	paths []Path
	ranks []int32
}

// get returns the path and rank of word, or zeros.
func (c *Clusters) get(word string) (Path, int32) {
	i := c.words.Index(word)
	if i < 0 {
		return 0, 0
	}
	return c.paths[i], c.ranks[i]
}

// Lookup returns the cluster of word, trying the word as written, then in
// lower case, then with only its first letter upper-case ("RUSSIA" →
// "Russia"). It returns 0 for a word of none.
func (c *Clusters) Lookup(word string) Path {
	if p, _ := c.get(word); p != 0 {
		return p
	}
	lower := strings.ToLower(word)
	if p, _ := c.get(lower); p != 0 {
		return p
	}
	r, size := utf8.DecodeRuneInString(lower)
	if size == 0 {
		return 0
	}
	p, _ := c.get(string(unicode.ToUpper(r)) + lower[size:])
	return p
}

// Rank is the place of word, exactly as written, in the table's order of
// frequency (1 for the most frequent word), or 0 when the table lacks it.
// It tells a common word written with a capital ("Police", "Bar") from a
// name: the lower-case word ranks before it.
func (c *Clusters) Rank(word string) int {
	_, r := c.get(word)
	return int(r)
}

// Len is the number of words with a cluster.
func (c *Clusters) Len() int { return c.words.Len() }

// word is one entry of the table.
type word struct {
	path Path
	rank int32 // 1 for the most frequent word
}

// flatten parses a gzipped "WORD<TAB>PATH" table and returns the payload
// of its Clusters (see view). A word listed twice keeps its last line.
func flatten(r io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	words := make(map[string]word, 200000)
	var keys []string // in the file's order: sorting them costs more than the rest
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		w, bits, ok := strings.Cut(sc.Text(), "\t")
		if !ok || w == "" || bits == "" {
			return nil, fmt.Errorf("line %d: want WORD<TAB>PATH", line)
		}
		p := Path(1)
		for i := 0; i < len(bits) && i < maxBits; i++ {
			switch bits[i] {
			case '0':
				p <<= 1
			case '1':
				p = p<<1 | 1
			default:
				return nil, fmt.Errorf("line %d: path %q is not made of 0 and 1", line, bits)
			}
		}
		if _, ok := words[w]; !ok {
			keys = append(keys, w)
		}
		words[w] = word{path: p, rank: int32(line)}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := zr.Close(); err != nil {
		return nil, err
	}
	paths, ranks := make([]Path, len(keys)), make([]int32, len(keys))
	for i, k := range keys {
		paths[i], ranks[i] = words[k].path, words[k].rank
	}
	var b flat.Builder
	flat.AppendMap(&b, keys)
	flat.Append(&b, paths)
	flat.Append(&b, ranks)
	return b.Payload(), nil
}

// view returns the Clusters of payload p (of flatten), whose tables point
// into p.
func view(p []byte) (*Clusters, error) {
	r := flat.NewReader(p)
	c := &Clusters{words: flat.ViewMap(r), paths: flat.View[Path](r), ranks: flat.View[int32](r)}
	if err := r.Done(); err != nil {
		return nil, err
	}
	if len(c.paths) != c.words.Len() || len(c.ranks) != c.words.Len() {
		return nil, errors.New("malformed cluster table")
	}
	return c, nil
}

// load reads the embedded table once, through the cache (flat.Load).
var load = sync.OnceValues(func() (*Clusters, error) {
	f, err := files.Open("clusters.tsv.gz")
	if err != nil {
		return nil, fmt.Errorf("wordcluster: %w", err)
	}
	defer f.Close()
	p, err := flat.Load(f, "wordcluster", flat.Dir(), flatten)
	if err != nil {
		return nil, fmt.Errorf("wordcluster: clusters.tsv.gz: %w", err)
	}
	c, err := view(p)
	if err != nil {
		return nil, fmt.Errorf("wordcluster: clusters.tsv.gz: %w", err)
	}
	return c, nil
})

// Load returns the embedded clusters, decoding them on the first call.
func Load() (*Clusters, error) { return load() }
