package extract

import (
	"context"
	"fmt"
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
