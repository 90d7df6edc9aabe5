package parse

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/perceptron"
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

// hashClasses returns the feature hash of each word's class.
func hashClasses(names map[string]string) map[string]uint64 {
	out := make(map[string]uint64, len(names))
	for w, c := range names {
		out[w] = perceptron.Hash(c)
	}
	return out
}

// writeLexicon writes the ambiguity classes as gzipped "word\tclass" lines.
func writeLexicon(w io.Writer, names map[string]string) error {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	for _, word := range slices.Sorted(maps.Keys(names)) {
		fmt.Fprintf(bw, "%s\t%s\n", word, names[word])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readLexicon reads what writeLexicon wrote.
func readLexicon(r io.Reader) (map[string]string, error) {
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
	return out, nil
}
