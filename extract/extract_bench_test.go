package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/fixtures"
)

// devArticles reads the gold articles of ../shared/eval/dev (relative to
// the repository root), skipping the benchmark when the folder is absent.
func devArticles(b *testing.B) []source.Article {
	b.Helper()
	dev := fixtures.Shared(b, "eval/dev")
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
// and reports tokens and articles per second, and tokens per second of CPU
// time (cpu-tokens/s), which other jobs on a shared machine inflate less
// than wall time.
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
	began := cpuTime(b)
	for b.Loop() {
		for _, a := range articles {
			if _, err := x.Extract(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpu := (cpuTime(b) - began).Seconds()
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens*b.N)/cpu, "cpu-tokens/s")
	b.ReportMetric(float64(tokens*b.N)/secs, "tokens/s")
	b.ReportMetric(float64(len(articles)*b.N)/secs, "articles/s")
	b.ReportMetric(float64(tokens), "tokens/op")
}
