package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/extract/source"
)

// devArticles reads the gold articles of ../shared/eval/dev (relative to
// the repository root), skipping the benchmark when the folder is absent.
func devArticles(b *testing.B) []source.Article {
	b.Helper()
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			b.Fatal("no go.mod above the working directory")
		}
		dir = filepath.Dir(dir)
	}
	dev := filepath.Join(dir, "..", "shared", "eval", "dev")
	if _, err := os.Stat(dev); err != nil {
		b.Skipf("%s is absent: no dev articles to extract", dev)
	}
	paths, err := filepath.Glob(filepath.Join(dev, "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no *.txt articles in %s (%v)", dev, err)
	}
	articles := make([]source.Article, 0, len(paths))
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		articles = append(articles, source.Article{Path: p, Text: string(text), Published: "2024-05-08"})
	}
	return articles
}

// BenchmarkExtract extracts every dev article per iteration (one goroutine)
// and reports tokens and articles per second.
func BenchmarkExtract(b *testing.B) {
	articles := devArticles(b)
	x, err := loadExtractor()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	tokens := 0
	for _, a := range articles {
		d, err := x.Analyze(ctx, a.Text)
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(d.Tokens)
	}
	for b.Loop() {
		for _, a := range articles {
			if _, err := x.Extract(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens*b.N)/secs, "tokens/s")
	b.ReportMetric(float64(len(articles)*b.N)/secs, "articles/s")
	b.ReportMetric(float64(tokens), "tokens/op")
}
