package lemma

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/flat"
)

// File is the name of a saved lemmatizer's file.
const File = "lemma.tsv.gz"

// Train learns the exception table and suffix rules from treebank sentences.
func Train(sents []*conllu.Sentence) *Lemmatizer {
	exact := map[string]map[string]int{}
	byForm := map[string]map[string]bool{}
	types := map[string]string{} // "lower\x00XPOS" → lower-cased lemma of its first occurrence
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "_" || w.XPOS == "_" {
				continue
			}
			k := w.Form + "\x00" + w.XPOS
			if exact[k] == nil {
				exact[k] = map[string]int{}
			}
			exact[k][w.Lemma]++
			if byForm[w.Form] == nil {
				byForm[w.Form] = map[string]bool{}
			}
			byForm[w.Form][w.Lemma] = true
			lk := strings.ToLower(w.Form) + "\x00" + w.XPOS
			if _, ok := types[lk]; !ok {
				types[lk] = strings.ToLower(w.Lemma)
			}
		}
	}
	l := tables{exact: map[string]string{}, single: map[string]string{}, rules: map[string]rule{}}
	for form, lemmas := range byForm {
		if len(lemmas) == 1 {
			for lem := range lemmas {
				l.single[form] = lem
			}
		}
	}
	for k, lemmas := range exact {
		best, n := "", 0
		for _, lem := range slices.Sorted(maps.Keys(lemmas)) {
			if lemmas[lem] > n {
				best, n = lem, lemmas[lem]
			}
		}
		l.exact[k] = best
	}
	// Count rules per (XPOS, suffix) over word types.
	counts := map[string]map[rule]int{}
	for k, lemma := range types {
		lower, xpos, _ := strings.Cut(k, "\x00")
		r := ruleOf(lower, lemma)
		for n := 0; n <= min(maxSuffix, len(lower)); n++ {
			key := xpos + "\x00" + lower[len(lower)-n:]
			if counts[key] == nil {
				counts[key] = map[rule]int{}
			}
			counts[key][r]++
		}
	}
	for key, rs := range counts {
		total, best, n := 0, rule{}, 0
		for r, c := range rs {
			total += c
			if c > n || c == n && (r.strip < best.strip || r.strip == best.strip && r.add < best.add) {
				best, n = r, c
			}
		}
		if total >= minSupport {
			l.rules[key] = best
		}
	}
	return newLemmatizer(l)
}

// Accuracy returns the share of words of sents whose lemma l gets right
// given the gold XPOS.
func (l *Lemmatizer) Accuracy(sents []*conllu.Sentence) float64 {
	correct, total := 0, 0
	for _, s := range sents {
		for _, w := range s.Words {
			if l.Lemma(w.Form, w.XPOS) == w.Lemma {
				correct++
			}
			total++
		}
	}
	return float64(correct) / float64(max(total, 1))
}

// Save writes the lemmatizer to dir/File as gzipped tab-separated lines:
// "E form xpos lemma" for the exception table, "S form lemma" for the
// single-lemma forms and "R xpos suffix strip add" for the rules.
func (l *Lemmatizer) Save(dir string) error {
	path := filepath.Join(dir, File)
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("save lemmatizer: %w", err)
	}
	zw := gzip.NewWriter(f)
	bw := bufio.NewWriter(zw)
	// The tables' keys are sorted (tables.flatten).
	for i := range l.exact.Len() {
		form, xpos, _ := strings.Cut(l.exact.Keys.At(i), "\x00")
		fmt.Fprintf(bw, "E\t%s\t%s\t%s\n", form, xpos, l.exact.Values.At(i))
	}
	for i := range l.single.Len() {
		fmt.Fprintf(bw, "S\t%s\t%s\n", l.single.Keys.At(i), l.single.Values.At(i))
	}
	for i := range l.rules.Len() {
		xpos, suf, _ := strings.Cut(l.rules.Keys.At(i), "\x00")
		fmt.Fprintf(bw, "R\t%s\t%s\t%d\t%s\n", xpos, suf, l.ruleStrip[i], l.ruleAdd.At(i))
	}
	err = bw.Flush()
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("save lemmatizer %s: %w", path, err)
	}
	return nil
}

// Load reads a lemmatizer saved by Save from fsys, keeping its tables in
// the directory cache ("" for none; see flat.Load).
func Load(fsys fs.FS, cache string) (*Lemmatizer, error) {
	f, err := fsys.Open(File)
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	defer f.Close()
	p, err := flat.Load(f, "lemma", cache, read)
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer %s: %w", File, err)
	}
	l, err := view(p)
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer %s: %w", File, err)
	}
	return l, nil
}

// read reads a file of Save and returns the payload of its lemmatizer.
func read(r io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	l := tables{exact: map[string]string{}, single: map[string]string{}, rules: map[string]rule{}}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		switch {
		case cols[0] == "E" && len(cols) == 4:
			l.exact[cols[1]+"\x00"+cols[2]] = cols[3]
		case cols[0] == "S" && len(cols) == 3:
			l.single[cols[1]] = cols[2]
		case cols[0] == "R" && len(cols) == 5:
			n, err := strconv.Atoi(cols[3])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("line %d: bad strip count %q", line, cols[3])
			}
			l.rules[cols[1]+"\x00"+cols[2]] = rule{strip: n, add: cols[4]}
		default:
			return nil, fmt.Errorf("line %d: malformed", line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return l.flatten(), nil
}
