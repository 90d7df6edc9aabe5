package ner

import (
	"bytes"
	"compress/gzip"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/kg-project/kg/extract/perceptron"
)

func TestReadIOB2(t *testing.T) {
	in := "# newdoc id = d1\n" +
		"# sent_id = d1-0001\n" +
		"# text = The NATO summit in Vilnius\n" +
		"1\tThe\tB-O\t-\tx\n" +
		"2\tNATO\tI-ORG\t-\tx\n" +
		"3\tsummit\tO\n" +
		"4\tin\tO\n" +
		"5\tVilnius\tB-LOC\t-\tx\n" +
		"\n" +
		"# sent_id = d1-0002\n" +
		"1\tAmerican\tB-OTH\t-\tx\n" +
		"2\tforces\tO\n"
	got, err := ReadIOB2(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{ID: "d1-0001", Doc: "d1", Words: []string{"The", "NATO", "summit", "in", "Vilnius"}, Tags: []string{"O", "B-ORG", "O", "O", "B-LOC"}},
		{ID: "d1-0002", Doc: "d1", Words: []string{"American", "forces"}, Tags: []string{"B-MISC", "O"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadIOB2 =\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadIOB2RejectsShortLine(t *testing.T) {
	_, err := ReadIOB2(strings.NewReader("1\tword\n"))
	if err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("err = %v, want a line 1 error", err)
	}
}

func TestReadWikigold(t *testing.T) {
	in := "-DOCSTART- O\n\n" +
		"Al-Zaman I-ORG\n" +
		"Daily I-ORG\n" +
		"met O\n" +
		"John I-PER\n" +
		"Smith I-PER\n" +
		"in O\n" +
		"Japanese I-MISC\n" +
		"Osaka I-LOC\n" +
		"\n"
	got, err := ReadWikigold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{
		Doc:   "1",
		Words: []string{"Al", "-", "Zaman", "Daily", "met", "John", "Smith", "in", "Japanese", "Osaka"},
		Tags:  []string{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "O", "B-MISC", "B-LOC"},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadWikigold =\n%+v\nwant\n%+v", got, want)
	}
}

func TestToBILOU(t *testing.T) {
	got := toBILOU([]string{"B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"})
	want := []string{"B-PER", "I-PER", "L-PER", "O", "U-LOC", "B-LOC", "L-LOC"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("toBILOU = %v, want %v", got, want)
	}
}

func TestAllowed(t *testing.T) {
	tests := []struct {
		prev, cur string
		last      bool
		want      bool
	}{
		{"O", "B-PER", false, true},
		{"O", "B-PER", true, false},
		{"O", "I-PER", false, false},
		{"B-PER", "L-PER", true, true},
		{"B-PER", "I-ORG", false, false},
		{"I-ORG", "O", false, false},
		{"U-LOC", "U-LOC", true, true},
		{"L-LOC", "L-LOC", false, false},
	}
	for _, tt := range tests {
		if got := allowed(parseClass(tt.prev), parseClass(tt.cur), tt.last); got != tt.want {
			t.Errorf("allowed(%s, %s, last=%v) = %v, want %v", tt.prev, tt.cur, tt.last, got, tt.want)
		}
	}
}

func TestSpansOf(t *testing.T) {
	got := spansOf([]string{"B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG", "I-PER"})
	want := []Span{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 5, "ORG"}, {5, 7, "ORG"}, {7, 8, "PER"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spansOf = %v, want %v", got, want)
	}
}

func TestShape(t *testing.T) {
	for _, tt := range []struct {
		w    string
		run  int
		want string
	}{
		{"Geneva", 1, "Xx"},
		{"Geneva", 4, "Xxxxx"},
		{"U.S.", 1, "X.X."},
		{"F-16", 4, "X-dd"},
		{"iPhone", 1, "xXx"},
	} {
		if got := shape(tt.w, tt.run); got != tt.want {
			t.Errorf("shape(%q, %d) = %q, want %q", tt.w, tt.run, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for w, want := range map[string]string{"Mr.": "mr", "’s": "'s", "1999": "0000", ".": ".", "NATO": "nato",
		// plain words, which normalize does not copy, and their near misses
		"said": "said", "u.s.": "u.s", "0": "0", "x0": "x0", "a-b": "a-b", "''": "\"", "``": "\"", "don't": "don't", "café": "café", "Café": "café"} {
		if got := normalize(w); got != want {
			t.Errorf("normalize(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestLexiconMatchesNormalizedEntries(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte("gate-company\tApple Inc.\ncity\tAl-Zaman\n"))
	zw.Close()
	p, err := readLexicon(&b)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := viewLexicon(p)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Apple", "Inc", "of", "Al", "-", "Zaman"}
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = normalize(w)
	}
	out := make([][]string, len(words))
	lex.match(words, lower, out)
	want := [][]string{{"B-gate-company"}, {"L-gate-company", "U-orgword"}, nil, {"B-city"}, {"I-city"}, {"L-city"}}
	for i := range words {
		if strings.Join(out[i], " ") != strings.Join(want[i], " ") {
			t.Errorf("%q: lexicon tags %q, want %q", words[i], out[i], want[i])
		}
	}
}

func TestNoNameStartsAtPossessive(t *testing.T) {
	// A model whose only weight makes every token a one-word ORG.
	classes := bilouClasses()
	m := perceptron.New(classes)
	org := slices.Index(classes, "U-ORG")
	for range 2 {
		m.UpdateHashed(org, slices.Index(classes, "O"), []uint64{perceptron.Hash("bias")})
	}
	m.Average()
	lex, err := embeddedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	got := newDecoder(m, lex).bio([]string{"Acme", "'s", "plan", "’s"}, []string{"NNP", "POS", "NN", "POS"})
	if want := []string{"B-ORG", "O", "B-ORG", "O"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tags %q, want %q", got, want)
	}
}

// TestShapesMatchShape checks the one-pass ASCII shapes against shape for
// words of every kind, including non-ASCII, long and punctuation-only ones,
// and that a repeated shape is the same interned string.
func TestShapesMatchShape(t *testing.T) {
	var f featurizer
	for _, w := range []string{"Geneva", "GENEVA", "U.S.", "F-16", "iPhone", "1999", "a", "", "--", "Côte", "naïve", "x1Y2z3",
		"Supercalifragilisticexpialidocious", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "'s", "Mr.", "12,000"} {
		s1, s4 := f.shapes(w)
		if s1 != shape(w, 1) || s4 != shape(w, 4) {
			t.Errorf("shapes(%q) = %q, %q, want %q, %q", w, s1, s4, shape(w, 1), shape(w, 4))
		}
	}
	a, _ := f.shapes("Paris")
	b, _ := f.shapes("Tokyo")
	if unsafe.StringData(a) != unsafe.StringData(b) {
		t.Error("the shape Xx of two words is two strings, not one interned")
	}
}
