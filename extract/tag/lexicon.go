package tag

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/extract/wordcluster"
)

// lexicon holds what the tagger learned from counting the treebank.
type lexicon struct {
	// tagdict maps a word form to its class when the form is frequent and
	// nearly always tagged the same way.
	tagdict map[string]int
	// wordFeats maps "form\x00XPOS" (form lower-cased) to its most frequent Feats.
	wordFeats map[string]string
	// tagFeats maps an XPOS to its most frequent Feats.
	tagFeats map[string]string
	// ambNames maps a lower-cased form seen at least minAmbFreq times to its
	// ambiguity class: the XPOS tags it takes at least minAmbShare of the
	// time, sorted and joined by commas ("NN,VB"); amb holds their hashes.
	// They give the tagger a look at the words ahead.
	ambNames map[string]string
	amb      map[string]uint64
	// clusters gives words their Brown cluster, learned from unlabeled
	// text rather than the treebank (extract/wordcluster).
	clusters *wordcluster.Clusters
}

func newLexicon() (*lexicon, error) {
	c, err := wordcluster.Load()
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return &lexicon{tagdict: map[string]int{}, wordFeats: map[string]string{}, tagFeats: map[string]string{},
		ambNames: map[string]string{}, amb: map[string]uint64{}, clusters: c}, nil
}

// Ambiguity-class thresholds.
const (
	minAmbFreq  = 3
	minAmbShare = 0.1
)

// ambiguityClass returns the ambiguity class of a form given its XPOS
// counts, "" when the form is too rare.
func ambiguityClass(counts map[string]int) string {
	total := 0
	for _, n := range counts {
		total += n
	}
	if total < minAmbFreq {
		return ""
	}
	var tags []string
	for t, n := range counts {
		if float64(n) >= minAmbShare*float64(total) {
			tags = append(tags, t)
		}
	}
	slices.Sort(tags)
	return strings.Join(tags, ",")
}

// feats returns the morphological features of word tagged xpos ("" for none).
func (l *lexicon) feats(word, xpos string) string {
	lw := strings.ToLower(word)
	f, ok := l.wordFeats[lw+"\x00"+xpos]
	if !ok {
		f = l.tagFeats[xpos]
	}
	switch lw {
	case "not", "n't", "never", "no":
		f = addFeat(f, "Polarity=Neg")
	}
	return f
}

// addFeat adds feature kv to the UD feature string fs, keeping the
// canonical order (sorted by name, case-insensitively).
func addFeat(fs, kv string) string {
	if fs == "" {
		return kv
	}
	parts := strings.Split(fs, "|")
	if slices.Contains(parts, kv) {
		return fs
	}
	parts = append(parts, kv)
	slices.SortFunc(parts, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return strings.Join(parts, "|")
}

// Tag dictionary thresholds (Honnibal's): a form enters the dictionary when
// seen at least minFreq times with one class at least minShare of the time.
const (
	minFreq  = 20
	minShare = 0.97
)

// counter counts values per key.
type counter map[string]map[string]int

func (c counter) add(key, val string) {
	m := c[key]
	if m == nil {
		m = make(map[string]int)
		c[key] = m
	}
	m[val]++
}

// best returns the most frequent value of key (ties broken by value order),
// its count and the key's total.
func (c counter) best(key string) (val string, n, total int) {
	for _, v := range slices.Sorted(maps.Keys(c[key])) {
		k := c[key][v]
		total += k
		if k > n {
			val, n = v, k
		}
	}
	return val, n, total
}

// writeLexicon writes l as gzipped tab-separated lines: "D form class",
// "F form xpos feats", "X xpos feats", "A form ambiguity-class"; classes
// are written by name.
func writeLexicon(w io.Writer, l *lexicon, classes []string) error {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	for _, k := range slices.Sorted(maps.Keys(l.tagdict)) {
		fmt.Fprintf(bw, "D\t%s\t%s\n", k, classes[l.tagdict[k]])
	}
	for _, k := range slices.Sorted(maps.Keys(l.wordFeats)) {
		form, xpos, _ := strings.Cut(k, "\x00")
		fmt.Fprintf(bw, "F\t%s\t%s\t%s\n", form, xpos, l.wordFeats[k])
	}
	for _, k := range slices.Sorted(maps.Keys(l.tagFeats)) {
		fmt.Fprintf(bw, "X\t%s\t%s\n", k, l.tagFeats[k])
	}
	for _, k := range slices.Sorted(maps.Keys(l.ambNames)) {
		fmt.Fprintf(bw, "A\t%s\t%s\n", k, l.ambNames[k])
	}

	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readLexicon reads what writeLexicon wrote.
func readLexicon(r io.Reader, classes []string) (*lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	index := make(map[string]int, len(classes))
	for i, c := range classes {
		index[c] = i
	}
	l, err := newLexicon()
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		switch {
		case cols[0] == "D" && len(cols) == 3:
			c, ok := index[cols[2]]
			if !ok {
				return nil, fmt.Errorf("line %d: unknown class %s", line, strconv.Quote(cols[2]))
			}
			l.tagdict[cols[1]] = c
		case cols[0] == "F" && len(cols) == 4:
			l.wordFeats[cols[1]+"\x00"+cols[2]] = cols[3]
		case cols[0] == "X" && len(cols) == 3:
			l.tagFeats[cols[1]] = cols[2]
		case cols[0] == "A" && len(cols) == 3:
			l.ambNames[cols[1]] = cols[2]
			l.amb[cols[1]] = perceptron.Hash(cols[2])
		default:
			return nil, fmt.Errorf("line %d: malformed", line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return l, nil
}
