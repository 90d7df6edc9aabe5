package geo

import (
	"bytes"
	"io"
	"reflect"
	"testing"

	"github.com/kg-project/kg/flat"
)

// decode reads an index file into a Gazetteer, without a cache.
func decode(in io.Reader) (*Gazetteer, error) {
	p, err := flatten(in)
	if err != nil {
		return nil, err
	}
	return view(p)
}

// TestCachedGazetteerAnswersAsDecoded compares the gazetteer decoded from
// the embedded file with the one of a cache directory, cold and warm.
func TestCachedGazetteerAnswersAsDecoded(t *testing.T) {
	names := []string{"Kyiv", "Saada", "Springfield", "Paris", "Hodeidah", "Al Hazam", "Mosul", "no such place"}
	answers := func(g *Gazetteer) []any {
		var out []any
		for _, n := range names {
			ps := g.Lookup(n)
			out = append(out, ps, g.Known(n), g.LooseLookup(n, "YEM"))
			for _, p := range ps {
				a, ok := g.Admin1Of(p)
				byID, _ := g.ByID(p.ID)
				out = append(out, a, ok, byID, g.FullName(p), g.ADM1Code(p))
			}
		}
		c, ok := g.Country("UKR")
		return append(out, c, ok, g.Len())
	}
	decoded, err := decode(bytes.NewReader(world))
	if err != nil {
		t.Fatal(err)
	}
	want := answers(decoded)
	if len(decoded.Lookup("Kyiv")) == 0 {
		t.Fatal("Kyiv not found")
	}
	dir := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		p, err := flat.Load(bytes.NewReader(world), "geo.world", dir, flatten)
		if err != nil {
			t.Fatal(err)
		}
		g, err := view(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := answers(g); !reflect.DeepEqual(got, want) {
			t.Errorf("%s cache: answers differ from the decoded gazetteer's", run)
		}
	}
}
