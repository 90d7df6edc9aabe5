package tag

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/extract/wordcluster"
	"github.com/kg-project/kg/flat"
)

// lexicon holds what the tagger learned from counting the treebank. Its
// tables are flat (package flat), so that a process maps them from the
// cache instead of building them.
type lexicon struct {
	// tagdict finds a word form that is frequent and nearly always tagged
	// the same way; tagClass is its class.
	tagdict  flat.Map
	tagClass []int32
	// wordFeats maps "form\x00XPOS" (form lower-cased) to its most frequent
	// Feats, tagFeats an XPOS.
	wordFeats, tagFeats flat.StringMap
	// amb maps a lower-cased form seen at least minAmbFreq times to its
	// ambiguity class: the XPOS tags it takes at least minAmbShare of the
	// time, sorted and joined by commas ("NN,VB"); ambHash holds their
	// hashes, by the index of the form. They give the tagger a look at the
	// words ahead.
	amb     flat.StringMap
	ambHash []uint64
	// clusters gives words their Brown cluster, learned from unlabeled
	// text rather than the treebank (extract/wordcluster).
	clusters *wordcluster.Clusters
}

// lexTables are a lexicon's tables as training makes them and its file
// holds them (see lexicon).
type lexTables struct {
	tagdict             map[string]int
	wordFeats, tagFeats map[string]string
	ambNames            map[string]string
}

func newLexTables() lexTables {
	return lexTables{tagdict: map[string]int{}, wordFeats: map[string]string{}, tagFeats: map[string]string{}, ambNames: map[string]string{}}
}

// flatten returns the payload of the lexicon of t for a tagger of classes
// classes (see viewLexicon).
func (t lexTables) flatten(classes []string) []byte {
	var b flat.Builder
	flat.AppendStrings(&b, classes)
	keys := slices.Sorted(maps.Keys(t.tagdict))
	class := make([]int32, len(keys))
	for i, k := range keys {
		class[i] = int32(t.tagdict[k])
	}
	flat.AppendMap(&b, keys)
	flat.Append(&b, class)
	flat.AppendStringMap(&b, t.wordFeats)
	flat.AppendStringMap(&b, t.tagFeats)
	flat.AppendStringMap(&b, t.ambNames)
	hashes := make([]uint64, len(t.ambNames))
	for i, k := range slices.Sorted(maps.Keys(t.ambNames)) {
		hashes[i] = perceptron.Hash(t.ambNames[k])
	}
	flat.Append(&b, hashes)
	return b.Payload()
}

// viewLexicon returns the lexicon of payload p (of lexTables.flatten),
// whose tables point into p, for a tagger of classes classes.
func viewLexicon(p []byte, classes []string) (*lexicon, error) {
	c, err := wordcluster.Load()
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	r := flat.NewReader(p)
	made := flat.ViewStrings(r)
	l := &lexicon{tagdict: flat.ViewMap(r), tagClass: flat.View[int32](r), wordFeats: flat.ViewStringMap(r),
		tagFeats: flat.ViewStringMap(r), amb: flat.ViewStringMap(r), ambHash: flat.View[uint64](r), clusters: c}
	if err := r.Done(); err != nil {
		return nil, err
	}
	if len(l.tagClass) != l.tagdict.Len() || len(l.ambHash) != l.amb.Len() {
		return nil, errors.New("malformed tagger lexicon")
	}
	if made.Len() != len(classes) {
		return nil, errors.New("tagger lexicon made for other classes")
	}
	for i, c := range classes {
		if made.At(i) != c {
			return nil, errors.New("tagger lexicon made for other classes")
		}
	}
	for _, c := range l.tagClass {
		if c < 0 || int(c) >= len(classes) {
			return nil, errors.New("malformed tagger lexicon")
		}
	}
	return l, nil
}

// class returns the tag dictionary's class of form w.
func (l *lexicon) class(w string) (int, bool) {
	i := l.tagdict.Index(w)
	if i < 0 {
		return 0, false
	}
	return int(l.tagClass[i]), true
}

// ambiguity returns the hash of the ambiguity class of lower-cased form
// lw, 0 for none.
func (l *lexicon) ambiguity(lw string) uint64 {
	if i := l.amb.Index(lw); i >= 0 {
		return l.ambHash[i]
	}
	return 0
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
	f, ok := l.wordFeats.Get(lw + "\x00" + xpos)
	if !ok {
		f, _ = l.tagFeats.Get(xpos)
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
// are written by name. The tables' keys are sorted (lexTables.flatten).
func writeLexicon(w io.Writer, l *lexicon, classes []string) error {
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	for i := range l.tagdict.Len() {
		fmt.Fprintf(bw, "D\t%s\t%s\n", l.tagdict.Keys.At(i), classes[l.tagClass[i]])
	}
	for i := range l.wordFeats.Len() {
		form, xpos, _ := strings.Cut(l.wordFeats.Keys.At(i), "\x00")
		fmt.Fprintf(bw, "F\t%s\t%s\t%s\n", form, xpos, l.wordFeats.Values.At(i))
	}
	for i := range l.tagFeats.Len() {
		fmt.Fprintf(bw, "X\t%s\t%s\n", l.tagFeats.Keys.At(i), l.tagFeats.Values.At(i))
	}
	for i := range l.amb.Len() {
		fmt.Fprintf(bw, "A\t%s\t%s\n", l.amb.Keys.At(i), l.amb.Values.At(i))
	}

	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readLexicon reads what writeLexicon wrote and returns the payload of
// its lexicon.
func readLexicon(r io.Reader, classes []string) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	index := make(map[string]int, len(classes))
	for i, c := range classes {
		index[c] = i
	}
	l := newLexTables()
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
		default:
			return nil, fmt.Errorf("line %d: malformed", line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return l.flatten(classes), nil
}
