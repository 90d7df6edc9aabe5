package parse

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/flat"
)

// LexiconFile is the name of a saved parser's ambiguity classes.
const LexiconFile = "parse.lexicon.tsv.gz"

// Ambiguity-class thresholds: a word needs minAmbFreq occurrences, and a
// tag minAmbShare of them to enter its class.
const (
	minAmbFreq  = 3
	minAmbShare = 0.1
)

// ambiguityClasses maps each normalized word of sents seen at least
// minAmbFreq times to its ambiguity class: the gold Penn tags it takes at
// least minAmbShare of the time, sorted and joined by commas ("NN,VB").
func ambiguityClasses(sents []*conllu.Sentence) map[string]string {
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			norm := normalize(w.Form)
			if counts[norm] == nil {
				counts[norm] = map[string]int{}
			}
			counts[norm][w.XPOS]++
		}
	}
	out := map[string]string{}
	for word, tags := range counts {
		total := 0
		for _, n := range tags {
			total += n
		}
		if total < minAmbFreq {
			continue
		}
		var class []string
		for t, n := range tags {
			if float64(n) >= minAmbShare*float64(total) {
				class = append(class, t)
			}
		}
		slices.Sort(class)
		out[word] = strings.Join(class, ",")
	}
	return out
}

// ambClasses gives words their ambiguity class. Its tables are flat
// (package flat), so that a process maps them from the cache instead of
// building them.
type ambClasses struct {
	// names maps a word to its class, hashes holds the classes' feature
	// hashes by the index of the word.
	names  flat.StringMap
	hashes []uint64
}

// hash returns the feature hash of word's class, 0 for none.
func (a *ambClasses) hash(word string) uint64 {
	if i := a.names.Index(word); i >= 0 {
		return a.hashes[i]
	}
	return 0
}

// flattenClasses returns the payload of the ambiguity classes names
// (word → class; see viewClasses).
func flattenClasses(names map[string]string) []byte {
	var hashes []uint64
	for _, w := range slices.Sorted(maps.Keys(names)) {
		hashes = append(hashes, perceptron.Hash(names[w]))
	}
	var b flat.Builder
	flat.AppendStringMap(&b, names)
	flat.Append(&b, hashes)
	return b.Payload()
}

// viewClasses returns the ambiguity classes of payload p (of
// flattenClasses), whose tables point into p.
func viewClasses(p []byte) (*ambClasses, error) {
	r := flat.NewReader(p)
	a := &ambClasses{names: flat.ViewStringMap(r), hashes: flat.View[uint64](r)}
	if err := r.Done(); err != nil {
		return nil, err
	}
	if len(a.hashes) != a.names.Len() {
		return nil, errors.New("malformed ambiguity classes")
	}
	return a, nil
}

// writeLexicon writes the ambiguity classes as gzipped "word\tclass"
// lines, in the words' order (sorted: flattenClasses).
func writeLexicon(w io.Writer, a *ambClasses) error {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	for i := range a.names.Len() {
		fmt.Fprintf(bw, "%s\t%s\n", a.names.Keys.At(i), a.names.Values.At(i))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readLexicon reads what writeLexicon wrote and returns the payload of
// its classes.
func readLexicon(r io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		word, class, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: malformed", line)
		}
		out[word] = class
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return flattenClasses(out), nil
}
