package export

import (
	"context"
	"strconv"
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
	s, gaz := schemaAndGazetteer(t)
	g := graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "a.txt"}},
		Entities:  yemenEntities(),
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
	// A region made of divisions has a point and no GeoNames feature.
	g.Relations[0].PlaceID, g.Relations[0].Place = "df", "Darfur"
	g.Relations[0].PlaceGeo = &graph.Geo{Lat: 12.47576, Lon: 24.65581, FeatureClass: string(geo.ClassRegion)}
	rows, err = Events(context.Background(), g, s, Options{Gazetteer: gaz})
	if err != nil {
		t.Fatal(err)
	}
	if a := rows[0].ActionGeo; a.Type != 5 || a.FullName != "Darfur" || a.Lat != "12.47576" || a.FeatureID != "" {
		t.Errorf("region ActionGeo = %+v", a)
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

// TestActorGeo: a state actor is located at its centroid at GDELT's country
// level, a place actor at its own point; a person has no location of its
// own, whatever its nationality.
func TestActorGeo(t *testing.T) {
	s, gaz := schemaAndGazetteer(t)
	g := graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "a.txt"}},
		Entities:  yemenEntities(),
		Relations: []graph.Relation{
			{ID: "r1", SubjectID: "sa", Subject: "Saudi Arabia", Relation: "BOMBS", ObjectID: "sd", Object: "Saada",
				CAMEO: "195", QuadClass: 4, Goldstein: -10, DocumentID: "d1"},
			{ID: "r2", SubjectID: "p", Subject: "Ali Saleh", Relation: "MEETS", ObjectID: "sa", Object: "Saudi Arabia",
				CAMEO: "040", QuadClass: 1, Goldstein: 1, DocumentID: "d1", SentenceIndex: 1},
		},
	}
	rows, err := Events(context.Background(), g, s, Options{Gazetteer: gaz})
	if err != nil {
		t.Fatal(err)
	}
	saudi, _ := gaz.Country("SAU")
	lat, lon := strconv.FormatFloat(saudi.Lat, 'f', 5, 64), strconv.FormatFloat(saudi.Lon, 'f', 5, 64)
	rec := rows[0].Record(false)
	if got, want := strings.Join(rec[35:43], "|"), "1|Saudi Arabia|SA|SA||"+lat+"|"+lon+"|SA"; got != want {
		t.Errorf("Actor1Geo of a state = %q, want %q", got, want)
	}
	a2 := rows[0].Actor2Geo
	if got, want := strings.Join(rec[43:51], "|"), "4|"+a2.FullName+"|YM|"+a2.ADM1Code+"||16.94021|43.76393|71334"; got != want || !strings.HasPrefix(a2.FullName, "Sa") {
		t.Errorf("Actor2Geo of a place = %q, want %q", got, want)
	}
	if got := strings.Join(rows[1].Record(false)[35:43], ""); got != "" {
		t.Errorf("Actor1Geo of a person = %q, want empty", got)
	}
	if rows[1].Actor2Geo.Type != 1 || rows[1].Actor2Geo.CountryCode != "SA" {
		t.Errorf("Actor2Geo of a state = %+v", rows[1].Actor2Geo)
	}
	// Without the gazetteer a state has no centroid.
	rows, err = Events(context.Background(), g, s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].Actor1Geo != (Geo{}) {
		t.Errorf("Actor1Geo without gazetteer = %+v, want empty", rows[0].Actor1Geo)
	}
}

func schemaAndGazetteer(t *testing.T) (*schema.Schema, *geo.Gazetteer) {
	t.Helper()
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	return s, gaz
}

// yemenEntities are two states, a place with a point and a person.
func yemenEntities() []graph.Entity {
	return []graph.Entity{
		{ID: "sa", Type: "Country", Name: "Saudi Arabia", Country: "SAU"},
		{ID: "ye", Type: "Country", Name: "Yemen", Country: "YEM"},
		{ID: "sd", Type: "Location", Name: "Saada", Country: "YEM",
			Geo: &graph.Geo{GeoNamesID: 71334, Lat: 16.94021, Lon: 43.76393, FeatureClass: "P", Confidence: 0.9}},
		{ID: "p", Type: "Person", Name: "Ali Saleh", Country: "YEM"},
	}
}
