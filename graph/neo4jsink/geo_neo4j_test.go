package neo4jsink_test

import (
	"reflect"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
)

// nearCityQuery is the README's distance query: events within $km of a
// city, by the points the load stores on places and located events.
const nearCityQuery = `MATCH (c:Location {name: $city})
MATCH (s:Entity)-[r]->(o:Entity)
WHERE r.point IS NOT NULL AND point.distance(r.point, c.point) <= $km * 1000
RETURN s.name AS actor, type(r) AS event, r.place AS place,
       round(point.distance(r.point, c.point) / 1000) AS km
ORDER BY km, place`

// TestNeo4jDistanceQuery loads places and located events and runs the
// distance query against the real server: Chuhuiv (about 35 km from
// Kharkiv) is within 50 km of it, Kyiv (about 410 km) is not; the places'
// point index exists.
func TestNeo4jDistanceQuery(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	kharkiv := &graph.Geo{GeoNamesID: 706483, Lat: 49.98081, Lon: 36.25272, FeatureClass: "P", Confidence: 0.9}
	chuhuiv := &graph.Geo{GeoNamesID: 710403, Lat: 49.83549, Lon: 36.68577, FeatureClass: "P", Confidence: 0.8}
	kyiv := &graph.Geo{GeoNamesID: 703448, Lat: 50.45466, Lon: 30.5238, FeatureClass: "P", Confidence: 0.9}
	place := func(id, name string, g *graph.Geo) graph.Entity {
		return graph.Entity{ID: id, Type: "Location", Name: name, Country: "UKR", Geo: g}
	}
	event := func(id, rel, objID, obj string, g *graph.Geo) graph.Relation {
		return graph.Relation{ID: id, SubjectID: "ru", Subject: "Russia", Predicate: "shell", Relation: rel,
			ObjectID: objID, Object: obj, CAMEO: "194", QuadClass: 4, Goldstein: -10, DocumentID: "d1",
			Confidence: 0.8, PlaceID: objID, Place: obj, PlaceGeo: g, PlaceSource: "text"}
	}
	g := graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "a.txt", Sentences: 3}},
		Entities: []graph.Entity{
			{ID: "ru", Type: "Country", Name: "Russia", Country: "RUS"},
			place("kh", "Kharkiv", kharkiv), place("ch", "Chuhuiv", chuhuiv), place("ky", "Kyiv", kyiv),
		},
		Relations: []graph.Relation{
			event("r1", "SHELLS", "kh", "Kharkiv", kharkiv),
			event("r2", "SHELLS", "ch", "Chuhuiv", chuhuiv),
			event("r3", "ATTACKS", "ky", "Kyiv", kyiv),
		},
	}
	if _, err := load(t, cfg, g); err != nil {
		t.Fatal(err)
	}
	rows := neo4jtest.Rows(t, cfg, nearCityQuery, map[string]any{"city": "Kharkiv", "km": 50})
	want := [][]any{
		{"Russia", "SHELLS", "Kharkiv", 0.0},
		{"Russia", "SHELLS", "Chuhuiv", 35.0},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("events within 50 km of Kharkiv = %v, want %v", rows, want)
	}
	rows = neo4jtest.Rows(t, cfg, "MATCH (p:Location {name: 'Chuhuiv'}) RETURN p.geonames_id, p.point.latitude, p.point.longitude, p.point.srid, p.feature_class", nil)
	if want := [][]any{{int64(710403), 49.83549, 36.68577, int64(4326), "P"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("Chuhuiv's properties = %v, want %v", rows, want)
	}
	rows = neo4jtest.Rows(t, cfg, "SHOW INDEXES YIELD name, type, state WHERE name = 'entity_point' RETURN type", nil)
	if want := [][]any{{"POINT"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("entity_point index = %v, want a point index", rows)
	}
}
