package segment_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/extract/align"
	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/segment"
	"github.com/kg-project/kg/extract/tokenize"
	"github.com/kg-project/kg/fixtures"
)

// ewtDocuments reads an EWT file and rebuilds its documents' raw text.
func ewtDocuments(t testing.TB, name string) []align.Document {
	t.Helper()
	path := filepath.Join(fixtures.Shared(t, "data/ud-english-ewt"), name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(context.Background(), f)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	docs, err := align.Rebuild(sents)
	if err != nil {
		t.Fatalf("rebuild %s: %v", path, err)
	}
	return docs
}

// run tokenizes and segments text.
func run(t testing.TB, text string) *nlp.Document {
	t.Helper()
	d := &nlp.Document{Text: text}
	ctx := context.Background()
	for _, st := range []nlp.Stage{tokenize.New(), segment.New()} {
		if err := st.Process(ctx, d); err != nil {
			t.Fatalf("%s: %v", st.Name(), err)
		}
	}
	return d
}
