package csvws

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
)

// TestGeoColumns: a place's gazetteer entry and an event's location are
// written to their columns and read back; a workspace written before
// those columns reads with none.
func TestGeoColumns(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	saada := &graph.Geo{GeoNamesID: 71334, Lat: 16.94021, Lon: 43.76393, FeatureClass: "P", Confidence: 0.93}
	g := graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "a.txt", Sentences: 1}},
		Entities: []graph.Entity{
			{ID: "e1", Type: "Country", Name: "Saudi Arabia", Country: "SAU"},
			{ID: "e2", Type: "Location", Name: "Saada", Country: "YEM", Geo: saada},
		},
		Relations: []graph.Relation{{ID: "r1", SubjectID: "e1", Subject: "Saudi Arabia", Predicate: "strike", Relation: "ATTACKS",
			ObjectID: "e2", Object: "Saada", CAMEO: "190", QuadClass: 4, Goldstein: -10, DocumentID: "d1", Confidence: 0.8,
			PlaceID: "e2", Place: "Saada", PlaceGeo: &graph.Geo{GeoNamesID: 71334, Lat: 16.94021, Lon: 43.76393}, PlaceSource: "text"}},
		Mentions: []graph.Mention{{EntityID: "e2", DocumentID: "d1", End: 5, Text: "Saada"}},
	}
	if err := Write(ctx, dir, g); err != nil {
		t.Fatal(err)
	}
	files := readAll(t, dir)
	if !strings.Contains(files["entities.csv"], "e2,Location,Saada,,YEM,0,0,,,71334,16.94021,43.76393,P,0.93\n") {
		t.Errorf("entities.csv = %q, want Saada's GeoNames id, point, class and confidence", files["entities.csv"])
	}
	if !strings.Contains(files["relations.csv"], ",e2,Saada,16.94021,43.76393,71334,text\n") {
		t.Errorf("relations.csv = %q, want the event's place, point, GeoNames id and source", files["relations.csv"])
	}
	back, err := Read(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if e := back.Entities[1]; e.Geo == nil || *e.Geo != *saada {
		t.Errorf("read entity geo = %+v, want %+v", e.Geo, saada)
	}
	if back.Entities[0].Geo != nil {
		t.Errorf("a country read with geo %+v", back.Entities[0].Geo)
	}
	if r := back.Relations[0]; r.PlaceID != "e2" || r.PlaceGeo == nil || r.PlaceGeo.GeoNamesID != 71334 || r.PlaceSource != "text" {
		t.Errorf("read relation place = %q %+v %q", r.PlaceID, r.PlaceGeo, r.PlaceSource)
	}

	// A workspace of an older kg: no gazetteer columns.
	old := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(old, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(EntitiesFile, "id,type,name,aliases,country,mentions,documents,roles,first_seen\ne2,Location,Saada,,YEM,1,1,,\n")
	write(RelationsFile, oldRelationsHeader+",rule\nr1,e1,A,attack,ATTACKS,e2,Saada,190,4,-10.0,false,,d1,0,s,0.80,,,,,,relate.verb\n")
	back, err = Read(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Entities) != 1 || back.Entities[0].Geo != nil || len(back.Relations) != 1 || back.Relations[0].PlaceGeo != nil {
		t.Errorf("old workspace read as %+v", back)
	}
	// A malformed coordinate is an error naming the column.
	write(EntitiesFile, "id,type,name,aliases,country,mentions,documents,roles,first_seen,geonames_id,lat,lon,feature_class,geo_confidence\ne2,Location,Saada,,YEM,1,1,,,71334,north,43.7,P,0.9\n")
	if _, err := Read(ctx, old); err == nil || !strings.Contains(err.Error(), `lat "north"`) {
		t.Errorf("Read with a bad latitude = %v", err)
	}
}
