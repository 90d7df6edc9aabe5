package ner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Sentence is one tokenized sentence with its gold BIO tags (labels PER,
// ORG, LOC; tags of any other class are read as "O").
type Sentence struct {
	// ID is the sent_id comment of the source file, empty when it has none.
	ID string
	// Doc identifies the sentence's document (the newdoc id of a .iob2
	// file, the article number in wikigold); consecutive sentences with the
	// same Doc form one document.
	Doc   string
	Words []string
	Tags  []string
	// XPOS are the words' Penn Treebank tags as kg's tagger predicts them;
	// nil until tagged (see TagTrainingData).
	XPOS []string
}

// labels are the entity classes the recognizer emits. PER, ORG and LOC
// are the classes it is scored on; MISC (other names: nationalities,
// events, works, products) is learned from the sources that mark it so that
// such names are not forced into O or into another class.
var labels = [...]string{"PER", "ORG", "LOC", "MISC"}

// scored reports whether spans of label l count in evaluation.
func scored(l string) bool { return l == "PER" || l == "ORG" || l == "LOC" }

// ReadIOB2 reads a Universal NER .iob2 file: "#" comment lines (sent_id is
// kept), one token per line as tab-separated ID, FORM, TAG and optional
// further columns, and a blank line after each sentence. Tags of classes
// other than PER/ORG/LOC ("B-OTH", the stray "B-O" of the provisional
// train file) become "O"; an I- tag that does not continue a span of its
// class becomes B-.
func ReadIOB2(r io.Reader) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		doc  string
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			repairBIO(cur.Tags)
			cur.Doc = doc
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line++
		text := sc.Text()
		switch {
		case strings.TrimSpace(text) == "":
			flush()
		case strings.HasPrefix(text, "#"):
			if id, ok := strings.CutPrefix(text, "# sent_id = "); ok {
				cur.ID = strings.TrimSpace(id)
			}
			if id, ok := strings.CutPrefix(text, "# newdoc id = "); ok {
				doc = strings.TrimSpace(id)
			}
		default:
			cols := strings.Split(text, "\t")
			if len(cols) < 3 {
				return nil, fmt.Errorf("line %d: want at least 3 tab-separated columns, got %d", line, len(cols))
			}
			cur.Words = append(cur.Words, cols[1])
			cur.Tags = append(cur.Tags, normalizeTag(cols[2]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// ReadWikigold reads the wikigold CoNLL file: "FORM TAG" per line with IO
// tags (I-PER, I-ORG, I-LOC, I-MISC, O), blank lines between sentences and
// "-DOCSTART-" lines between articles. Tags are converted to BIO over
// PER/ORG/LOC (MISC becomes "O", as Universal NER has no such class), and
// hyphenated words are split the way UD English EWT and kg's tokenizer split
// them ("Al-Zaman" → "Al", "-", "Zaman").
func ReadWikigold(r io.Reader) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		docs int
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			repairBIO(cur.Tags)
			cur.Doc = strconv.Itoa(docs)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flush()
			continue
		}
		if len(fields) != 2 {
			return nil, fmt.Errorf("line %d: want 2 space-separated fields, got %d", line, len(fields))
		}
		if fields[0] == "-DOCSTART-" {
			flush()
			docs++
			continue
		}
		tag := normalizeTag(fields[1])
		for k, w := range splitHyphens(fields[0]) {
			t := tag
			if k > 0 && t != "O" {
				t = "I-" + t[2:]
			}
			cur.Words = append(cur.Words, w)
			cur.Tags = append(cur.Tags, t)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// normalizeTag maps a source tag to B-X, I-X (X in labels) or "O"; the
// provisional UNER class OTH is MISC.
func normalizeTag(tag string) string {
	prefix, label, ok := strings.Cut(tag, "-")
	if label == "OTH" {
		label = "MISC"
	}
	if !ok || (prefix != "B" && prefix != "I") || !slices.Contains(labels[:], label) {
		return "O"
	}
	return prefix + "-" + label
}

// repairBIO turns every I-X that does not follow B-X or I-X into B-X, so IO
// input and sloppy BIO input both become valid BIO.
func repairBIO(tags []string) {
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
		prev = tags[i]
	}
}

// splitHyphens splits w at each hyphen that has a letter or digit on both
// sides, keeping the hyphens as tokens.
func splitHyphens(w string) []string {
	var out []string
	start := 0
	for i := 1; i < len(w)-1; i++ {
		if w[i] == '-' && isAlnum(w[i-1]) && isAlnum(w[i+1]) {
			out = append(out, w[start:i], "-")
			start = i + 1
		}
	}
	return append(out, w[start:])
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// Corpus file locations relative to the shared data folder.
const (
	unerTrainPath = "uner-english-ewt/provisional/en_ewt-ud-train.iob2.initial-0c7ce0d"
	wikigoldPath  = "wikigold/wikigold.conll.txt"
	unerDevPath   = "uner-english-ewt/en_ewt-ud-dev.iob2"
)

// ReadTrainingData reads the training sentences (the provisional Universal
// NER English EWT train file plus wikigold) and the development sentences
// (Universal NER English EWT dev) from dataDir, the shared data folder.
func ReadTrainingData(ctx context.Context, dataDir string) (train, dev []Sentence, err error) {
	read := func(rel string, parse func(io.Reader) ([]Sentence, error)) ([]Sentence, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		path := filepath.Join(dataDir, rel)
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		s, err := parse(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		return s, nil
	}
	ewt, err := read(unerTrainPath, ReadIOB2)
	if err != nil {
		return nil, nil, err
	}
	wiki, err := read(wikigoldPath, ReadWikigold)
	if err != nil {
		return nil, nil, err
	}
	dev, err = read(unerDevPath, ReadIOB2)
	if err != nil {
		return nil, nil, err
	}
	return append(ewt, wiki...), dev, nil
}
