package extract

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/extract/source"
)

// unpunctuated returns about n bytes of invented news words with no
// sentence end and no line break, as scraped tables and lists can be.
func unpunctuated(n int) string {
	words := strings.Fields("the army of Freedonia shelled villages near the river and officials in " +
		"Sylvania said they would respond while General Ostrow met Council leaders in Marsport " +
		"to discuss aid and weapons")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		// A stride coprime with the list's length varies the word order.
		b.WriteString(words[(i*7)%len(words)])
		b.WriteByte(' ')
	}
	return b.String()
}

// BenchmarkUnpunctuated extracts growing texts without a sentence end; its
// cpu-ns/KB (CPU time of the process, which a busy machine does not
// inflate as it does wall time) stays flat when extraction is linear in
// the size of the input.
func BenchmarkUnpunctuated(b *testing.B) {
	x, err := loadExtractor()
	if err != nil {
		b.Fatal(err)
	}
	for _, kb := range []int{25, 50, 100, 200, 400} {
		text := unpunctuated(kb * 1000)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			began := cpuTime(b)
			for b.Loop() {
				if _, err := x.Extract(context.Background(), source.Article{Path: "long.txt", Text: text, Published: "2024-05-08"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime(b)-began)/float64(b.N*kb), "cpu-ns/KB")
		})
	}
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// withOptions returns a copy of the shared extractor with other options.
func withOptions(t *testing.T, opts Options) *Extractor {
	t.Helper()
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	y := *x
	y.opts = opts
	return &y
}

// TestOverBudget checks that an article over its time budget fails with
// an error naming it, and that ExtractAll with OverBudget set skips it and
// keeps the others.
func TestOverBudget(t *testing.T) {
	x := withOptions(t, Options{Budget: time.Nanosecond})
	_, err := x.Extract(context.Background(), source.Article{Path: "slow.txt", Text: "Freedonia shelled Sylvania."})
	if !errors.Is(err, ErrOverBudget) || !strings.HasPrefix(err.Error(), "slow.txt: ") {
		t.Fatalf("err = %v, want slow.txt: … ErrOverBudget", err)
	}
	var skipped []string
	x = withOptions(t, Options{Budget: time.Nanosecond, OverBudget: func(a source.Article, err error) {
		skipped = append(skipped, a.Path)
	}})
	articles := []source.Article{{Path: "a.txt", Text: "Freedonia shelled Sylvania."}, {Path: "b.txt", Text: "Sylvania shelled Freedonia."}}
	graphs, err := x.ExtractAll(context.Background(), articles, 2, nil)
	if err != nil || len(graphs) != 2 || len(skipped) != 2 {
		t.Fatalf("ExtractAll: %d graphs, skipped %q, err %v; want both skipped, no error", len(graphs), skipped, err)
	}
}

// TestWithinBudget checks that a budget the article keeps changes nothing.
func TestWithinBudget(t *testing.T) {
	text := "Freedonia shelled Sylvania on Monday."
	want := extractText(t, text)
	x := withOptions(t, Options{Budget: time.Hour})
	got, err := x.Extract(context.Background(), source.Article{Path: "test.txt", Text: text, Published: "2024-05-08"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with a budget: %q, want %q", triples(got), triples(want))
	}
}
