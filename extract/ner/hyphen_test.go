package ner

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/tokenize"
)

func TestJoinHyphenated(t *testing.T) {
	cases := []struct {
		text       string
		tags, want string
	}{
		{"Ana Ruiz-Vega spoke", "B-PER I-PER O O O", "B-PER I-PER I-PER I-PER O"},
		{"the MLP-ARB said", "O O O B-ORG O", "O B-ORG I-ORG I-ORG O"},
		{"Ana Ruiz - Vega spoke", "B-PER I-PER O O O", "B-PER I-PER O O O"}, // spaced: a dash, not a hyphen
		{"Chile-Peru talks", "B-LOC O O O", "B-LOC O O O"},                  // places join two names
		{"Hamas-aligned media", "B-ORG O O O", "B-ORG O O O"},               // a lower-case word is no name
		{"Chile-Peru talks", "B-ORG O B-LOC O", "B-ORG O B-LOC O"},          // both sides already named
		{"Jean-Pierre Lacroix said", "O O B-PER I-PER O", "B-PER I-PER I-PER I-PER O"},
		{"Jean-Marc Ahouansou said", "B-PER O B-PER I-PER O", "B-PER I-PER I-PER I-PER O"}, // a given name first
		{"the Putin-Xi summit", "O B-PER O B-PER O", "O B-PER O B-PER O"},                  // two people
	}
	lex, err := embeddedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		d := &nlp.Document{Text: c.text, Tokens: tokenize.New().Tokenize(c.text)}
		tags := strings.Fields(c.tags)
		if len(tags) != len(d.Tokens) {
			t.Fatalf("%q: %d tokens, %d tags", c.text, len(d.Tokens), len(tags))
		}
		lex.joinHyphenated(d, 0, tags)
		if want := strings.Fields(c.want); !reflect.DeepEqual(tags, want) {
			t.Errorf("%q: %v, want %v", c.text, tags, want)
		}
	}
}
