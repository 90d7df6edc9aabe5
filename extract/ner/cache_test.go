package ner

import (
	"context"
	"reflect"
	"testing"

	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/flat"
)

// cacheSentences are our own, written for this test.
var cacheSentences = []string{
	"General Amira Haddad told the Kenyan parliament in Nairobi that the African Union would send observers.",
	"Protesters gathered outside the Bank of England on Thursday as Lord Mayor Peter Estlin spoke.",
	"The Red Sea port of Hodeidah was shelled, the Houthi-run Saba news agency said.",
}

// TestCachedRecognizerTagsAsDecoded compares the recognizer whose weights
// Read decodes with those of a cache directory, cold and warm.
func TestCachedRecognizerTagsAsDecoded(t *testing.T) {
	f, err := modelFS.Open("model/" + ModelFile)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := Read(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var want [][]string
	for _, s := range cacheSentences {
		d := document(t, s)
		if err := decoded.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		want = append(want, spanTexts(d))
	}
	if len(want[0]) < 3 {
		t.Fatalf("few spans: %q", want[0])
	}
	dir := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		f, err := modelFS.Open("model/" + ModelFile)
		if err != nil {
			t.Fatal(err)
		}
		m, err := perceptron.Load(f, "ner.model", dir)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		rec, err := withLexicon(m)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range cacheSentences {
			d := document(t, s)
			if err := rec.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if got := spanTexts(d); !reflect.DeepEqual(got, want[i]) {
				t.Errorf("%s cache: %q: spans %q, want %q", run, s, got, want[i])
			}
		}
	}
}

// TestCachedLexiconMatchesAsDecoded compares the lexicon read from the
// embedded file with the one of a cache directory, cold and warm.
func TestCachedLexiconMatchesAsDecoded(t *testing.T) {
	f, err := modelFS.Open("model/" + lexiconFile)
	if err != nil {
		t.Fatal(err)
	}
	p, err := readLexicon(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := viewLexicon(p)
	if err != nil {
		t.Fatal(err)
	}
	matches := func(l *lexicon) [][][]string {
		var out [][][]string
		for _, s := range cacheSentences {
			d := document(t, s)
			words, lower := make([]string, len(d.Tokens)), make([]string, len(d.Tokens))
			for i, tok := range d.Tokens {
				words[i], lower[i] = tok.Text, normalize(tok.Text)
			}
			m := make([][]string, len(words))
			l.match(words, lower, m)
			out = append(out, m)
		}
		return out
	}
	want := matches(decoded)
	if len(want[0][1]) == 0 || !decoded.isGivenName("Peter") || decoded.isGivenName("Nairobi") {
		t.Fatalf("lexicon looks wrong: %q", want[0][:3])
	}
	dir := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		f, err := modelFS.Open("model/" + lexiconFile)
		if err != nil {
			t.Fatal(err)
		}
		p, err := flat.Load(f, "ner.lexicon", dir, readLexicon)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		l, err := viewLexicon(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := matches(l); !reflect.DeepEqual(got, want) {
			t.Errorf("%s cache: lexicon matches differ", run)
		}
		if !l.isGivenName("Peter") || l.isGivenName("Nairobi") {
			t.Errorf("%s cache: first names wrong", run)
		}
	}
}
