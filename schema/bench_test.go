package schema

import (
	"strings"
	"testing"
)

func BenchmarkMatch(b *testing.B) {
	s, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	tokens := strings.Fields(strings.Repeat("The U.S. Defense Department said on Friday that it would send more HIMARS and anti-tank missiles to Ukraine , while Russian Deputy Foreign Minister Sergey Ryabkov warned Washington . ", 10))
	b.ReportAllocs()
	for b.Loop() {
		s.Match(tokens)
	}
}
