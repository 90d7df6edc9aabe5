package model

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/segment"
	"github.com/kg-project/kg/extract/tokenize"
)

// sentences are our own, written for this test.
const sentences = `Rebels fired three rockets at the airport of the northern town on Sunday, the governor said.
Talks between the two delegations resumed in Doha after a week's pause.
"We will not withdraw our troops," the minister told reporters, who had waited since noon.
A convoy carrying food and medicine was stopped at the border crossing and searched.`

// analyze tags, lemmatizes and parses text with m.
func analyze(t *testing.T, m *Models, text string) []nlp.Token {
	t.Helper()
	d := &nlp.Document{Text: text}
	for _, s := range []nlp.Stage{tokenize.New(), segment.New(), m.Tagger, m.Lemmatizer, m.Parser} {
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d.Tokens
}

// TestCachedModelsPredictAsDecodedOnes compares the models decoded from the
// embedded files with those of a cache directory: written by the first
// load (cold), mapped in place by the second (warm).
func TestCachedModelsPredictAsDecodedOnes(t *testing.T) {
	decoded, err := decode("")
	if err != nil {
		t.Fatal(err)
	}
	want := analyze(t, decoded, sentences)
	if len(want) < 60 || want[0].UPOS == "" || want[1].Dep == "" {
		t.Fatalf("analysis looks empty: %+v", want[:2])
	}
	dir := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		m, err := decode(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := analyze(t, m, sentences); !reflect.DeepEqual(got, want) {
			t.Errorf("%s cache: analysis differs from the decoded models'", run)
		}
	}
	for _, name := range []string{"lemma", "parse.lexicon", "parse.model", "tag.first", "tag.lexicon", "tag.model"} {
		if _, err := os.Stat(filepath.Join(dir, name+".kgc")); err != nil {
			t.Error(err)
		}
	}
}
