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
)

// sharedDir returns ../shared/<rel> relative to the repository root, or
// skips the test when the shared folder is absent.
func sharedDir(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s absent: %v", p, err)
	}
	return p
}

// ewtDocuments reads an EWT file and rebuilds its documents' raw text.
func ewtDocuments(t testing.TB, name string) []align.Document {
	t.Helper()
	path := filepath.Join(sharedDir(t, "data/ud-english-ewt"), name)
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
