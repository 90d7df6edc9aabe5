package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
)

func TestScoreGeo(t *testing.T) {
	gold := Gold{ID: "a", Entities: []GoldEntity{
		{Name: "Saada", Type: "Location"},
		{Name: "Sanaa", Type: "Location"},
		{Name: "Red Sea", Type: "Location"},
		{Name: "Ras Isa", Type: "Location", Optional: true},
		{Name: "Yemen", Type: "Country"},
	}}
	countries := Countries{"a": {"Saada": "YEM", "Sanaa": "YEM", "Red Sea": ""}}
	geo := &graph.Geo{GeoNamesID: 1, Lat: 16.9, Lon: 43.7, FeatureClass: "P"}
	sys := graph.Graph{
		Entities: []graph.Entity{
			{ID: "1", Type: "Location", Name: "Saada", Country: "YEM", Geo: geo},
			{ID: "2", Type: "Location", Name: "Sanaa", Country: "SAU", Geo: geo},    // wrong country
			{ID: "3", Type: "Location", Name: "Red Sea"},                            // no country counts
			{ID: "4", Type: "Location", Name: "Hodeidah", Country: "YEM", Geo: geo}, // not in the gold
			{ID: "5", Type: "Country", Name: "Yemen", Country: "YEM"},
		},
		Relations: []graph.Relation{
			{Relation: "BOMBS", CAMEO: "195", PlaceGeo: geo},
			{Relation: "ATTACKS", CAMEO: "190"},
			{Relation: "AFFILIATION", PlaceGeo: nil},
		},
	}
	c := ScoreGeo(sys, gold, countries)
	want := GeoCounts{GoldPlaces: 3, FoundGoldPlaces: 3, SystemPlaces: 4, MatchedSystemPlaces: 3,
		Annotated: 2, Resolved: 2, RightCountry: 1, Events: 2, LocatedEvents: 1,
		Misses: []string{"Sanaa (YEM): resolved in SAU"}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("ScoreGeo = %+v, want %+v", c, want)
	}
	if l := c.Line("dir"); !strings.HasPrefix(l, "GEO dir place_p=0.750 place_r=1.000 resolved=1.000 country_acc=0.500 located_events=0.500") {
		t.Errorf("Line = %q", l)
	}
}

func TestLoadCountries(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.tsv")
	os.WriteFile(path, []byte("# comment\ngold\tentity\tcountry\na\tSaada\tYEM\na\tRed Sea\t-\n"), 0o644)
	c, err := LoadCountries(path)
	if err != nil || c["a"]["Saada"] != "YEM" || c["a"]["Red Sea"] != "" {
		t.Errorf("LoadCountries = %v, %v", c, err)
	}
	os.WriteFile(path, []byte("gold\tentity\tcountry\na\tSaada\tYemen\n"), 0o644)
	if _, err := LoadCountries(path); err == nil || !strings.Contains(err.Error(), "c.tsv:2") {
		t.Errorf("LoadCountries(bad code) = %v, want an error naming line 2", err)
	}
}
