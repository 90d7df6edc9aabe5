package wordcluster

import (
	"compress/gzip"
	"strings"
	"testing"
)

func TestPathPrefix(t *testing.T) {
	p := Path(0b1_0110_1)
	if got := p.String(); got != "01101" {
		t.Fatalf("String = %q, want 01101", got)
	}
	if got := p.Prefix(3).String(); got != "011" {
		t.Errorf("Prefix(3) = %q, want 011", got)
	}
	if got := p.Prefix(8); got != p {
		t.Errorf("Prefix(8) = %v, want the whole path", got)
	}
	if Path(0).Prefix(4) != 0 || Path(0).Len() != 0 {
		t.Error("the zero Path must stay zero")
	}
	// Prefixes of different lengths differ even when their bits agree.
	if Path(0b1_000).Prefix(2) == Path(0b1_000).Prefix(3) {
		t.Error("prefixes 00 and 000 must differ")
	}
}

func TestReadRejectsBadLines(t *testing.T) {
	for _, in := range []string{"word\n", "word\t01x\n", "\t01\n"} {
		var b strings.Builder
		zw := gzipWriter(&b)
		zw.Write([]byte(in))
		zw.Close()
		if _, err := flatten(strings.NewReader(b.String())); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("flatten(%q) = %v, want an error naming line 1", in, err)
		}
	}
}

func TestEmbeddedClustersGroupSimilarWords(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 150000 {
		t.Fatalf("%d words, want the whole table", c.Len())
	}
	same := [][2]string{{"Russia", "Iran"}, {"Paris", "Tokyo"}, {"invaded", "attacked"}}
	for _, p := range same {
		a, b := c.Lookup(p[0]), c.Lookup(p[1])
		if a == 0 || a != b {
			t.Errorf("%s %v and %s %v: want one cluster", p[0], a, p[1], b)
		}
	}
	if c.Lookup("Russia").Prefix(6) == c.Lookup("attacked").Prefix(6) {
		t.Error("a country and a verb share a 6-bit prefix")
	}
	// Words missing as written fall back to lower case, then to title case.
	if c.Lookup("RUSSIA") != c.Lookup("Russia") {
		t.Error("upper-case words must fall back to their usual case")
	}
	if c.Lookup("qzxqzxqzx") != 0 {
		t.Error("an unknown word has a cluster")
	}
}

func gzipWriter(b *strings.Builder) *gzip.Writer { return gzip.NewWriter(b) }

func TestRankOrdersByFrequency(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Rank("the"); r < 1 || r > 5 {
		t.Errorf(`Rank("the") = %d, want among the first five`, r)
	}
	// A common word written with a capital ranks after its lower case; a
	// city's name before its lower case.
	if c.Rank("police") >= c.Rank("Police") {
		t.Errorf("Rank(police) %d, Rank(Police) %d: want the lower case first", c.Rank("police"), c.Rank("Police"))
	}
	if c.Rank("Paris") >= c.Rank("paris") {
		t.Errorf("Rank(Paris) %d, Rank(paris) %d: want the name first", c.Rank("Paris"), c.Rank("paris"))
	}
	if c.Rank("Xqzzyv") != 0 {
		t.Error("Rank of a word not in the table is not 0")
	}
}
