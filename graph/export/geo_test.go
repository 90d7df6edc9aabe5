package export

import (
	"context"
	"strings"
	"testing"

	"github.com/kg-project/kg/geo"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// TestActionGeoFromTheEventsPlace: an event the workspace locates fills
// GDELT's ActionGeo columns — type, full name, FIPS country and ADM1 codes,
// point and GeoNames feature id — from the gazetteer.
func TestActionGeoFromTheEventsPlace(t *testing.T) {
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	g := graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "a.txt"}},
		Entities: []graph.Entity{
			{ID: "sa", Type: "Country", Name: "Saudi Arabia", Country: "SAU"},
			{ID: "ye", Type: "Country", Name: "Yemen", Country: "YEM"},
			{ID: "sd", Type: "Location", Name: "Saada", Country: "YEM",
				Geo: &graph.Geo{GeoNamesID: 71334, Lat: 16.94021, Lon: 43.76393, FeatureClass: "P", Confidence: 0.9}},
		},
		Relations: []graph.Relation{{ID: "r1", SubjectID: "sa", Subject: "Saudi Arabia", Relation: "BOMBS", ObjectID: "ye",
			Object: "Yemen", CAMEO: "195", QuadClass: 4, Goldstein: -10, DocumentID: "d1",
			PlaceID: "sd", Place: "Saada", PlaceGeo: &graph.Geo{GeoNamesID: 71334, Lat: 16.94021, Lon: 43.76393}, PlaceSource: "text"}},
	}
	rows, err := Events(context.Background(), g, s, Options{Gazetteer: gaz})
	if err != nil {
		t.Fatal(err)
	}
	a := rows[0].ActionGeo
	if a.Type != 4 || a.CountryCode != "YM" || !strings.HasPrefix(a.ADM1Code, "YM") || len(a.ADM1Code) != 4 ||
		a.Lat != "16.94021" || a.Long != "43.76393" || a.FeatureID != "71334" || !strings.HasSuffix(a.FullName, ", Yemen") {
		t.Errorf("ActionGeo = %+v", a)
	}
	rec := rows[0].Record(false)
	if got := strings.Join(rec[51:59], "|"); got != "4|"+a.FullName+"|YM|"+a.ADM1Code+"||16.94021|43.76393|71334" {
		t.Errorf("ActionGeo columns = %q", got)
	}
	// A country-level location is GDELT's type 1 with the FIPS code as
	// division and feature id.
	yemen, _ := gaz.Country("YEM")
	g.Relations[0].PlaceID, g.Relations[0].Place = "ye", "Yemen"
	g.Relations[0].PlaceGeo = &graph.Geo{GeoNamesID: yemen.GeoNamesID, Lat: yemen.Lat, Lon: yemen.Lon}
	rows, err = Events(context.Background(), g, s, Options{Gazetteer: gaz})
	if err != nil {
		t.Fatal(err)
	}
	if a := rows[0].ActionGeo; a.Type != 1 || a.FullName != "Yemen" || a.CountryCode != "YM" || a.ADM1Code != "YM" || a.FeatureID != "YM" {
		t.Errorf("country-level ActionGeo = %+v", a)
	}
	g.Relations[0].PlaceID, g.Relations[0].Place = "sd", "Saada"
	g.Relations[0].PlaceGeo = &graph.Geo{GeoNamesID: 71334, Lat: 16.94021, Lon: 43.76393}
	// Without the gazetteer: the workspace's name and point, no codes.
	rows, err = Events(context.Background(), g, s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := rows[0].ActionGeo; a.FullName != "Saada" || a.Lat != "16.94021" || a.FeatureID != "71334" || a.CountryCode != "" {
		t.Errorf("ActionGeo without gazetteer = %+v", a)
	}
}
