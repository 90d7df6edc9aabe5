package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
)

// geoArticle is an article written for this test: a raid near Douentza
// (Mali), shelling in Boni (a village GeoNames' 1,000-inhabitant extract
// lacks, so it gets no point rather than a foreign namesake's), and a
// condemnation the text does not locate, filed from Bamako.
func geoArticle(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", "geo", "sahel-raid.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// douentzaID is Douentza's GeoNames id.
const douentzaID = "2458334"

// TestE2EGeoIngestAndExport: kg ingest gives the places their GeoNames
// entry and the events their location, from the sentence or the dateline;
// kg export fills GDELT's ActionGeo columns from them.
func TestE2EGeoIngestAndExport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ws")
	if res := runKG(t, kgCall{}, "ingest", geoArticle(t), "--published", "2024-05-08", "--out", out); res.code != exitOK {
		t.Fatalf("kg ingest: exit %d: %s", res.code, res.stderr)
	}
	places := map[string]map[string]string{}
	for _, e := range csvRows(t, filepath.Join(out, "entities.csv")) {
		if e["type"] == "Location" {
			places[e["name"]] = e
		}
		if e["type"] != "Location" && e["geonames_id"] != "" {
			t.Errorf("%s %s has a GeoNames id %s", e["type"], e["name"], e["geonames_id"])
		}
	}
	d := places["Douentza"]
	if d == nil || d["geonames_id"] != douentzaID || d["country"] != "MLI" || d["feature_class"] != "P" ||
		!strings.HasPrefix(d["lat"], "15.0") || !strings.HasPrefix(d["lon"], "-2.9") || d["geo_confidence"] == "" {
		t.Errorf("Douentza = %v, want GeoNames %s in MLI at 15.0,-2.9", d, douentzaID)
	}
	if b := places["Boni"]; b == nil || b["geonames_id"] != "" || b["lat"] != "" {
		t.Errorf("Boni = %v, want a place without a point", b)
	}
	located := map[string]map[string]string{}
	for _, r := range csvRows(t, filepath.Join(out, "relations.csv")) {
		located[r["relation"]] = r
	}
	if a := located["ATTACKS"]; a == nil || a["place"] != "Douentza" || a["place_id"] != d["id"] || a["place_source"] != "text" ||
		a["lat"] != d["lat"] || a["place_geonames_id"] != douentzaID {
		t.Errorf("the attack = %v, want it located at Douentza from the text", a)
	}
	if c := located["CONDEMNS"]; c == nil || c["place"] != "Bamako" || c["place_id"] != "" || c["place_source"] != "dateline" || !strings.HasPrefix(c["lat"], "12.6") {
		t.Errorf("the condemnation = %v, want the dateline's Bamako", c)
	}
	if p := located["PART_OF"]; p != nil && p["place"] != "" {
		t.Errorf("a static relation is located: %v", p)
	}

	res := runKG(t, kgCall{}, "extract", geoArticle(t), "--format", "jsonl")
	if res.code != exitOK || !strings.Contains(res.stdout, `"place":"Douentza","place_geonames_id":`+douentzaID+`,"place_source":"text"`) {
		t.Errorf("kg extract --format jsonl: exit %d, %q; want the attack's place", res.code, res.stdout)
	}

	res = runKG(t, kgCall{}, "export", out, "--format", "events-csv")
	if res.code != exitOK {
		t.Fatalf("kg export: exit %d: %s", res.code, res.stderr)
	}
	var attack map[string]string
	for _, r := range parseCSV(t, "export", []byte(res.stdout)) {
		if r["kg_relation"] == "ATTACKS" {
			attack = r
		}
	}
	if attack == nil || attack["ActionGeo_Type"] != "4" || attack["ActionGeo_CountryCode"] != "ML" || !strings.HasPrefix(attack["ActionGeo_ADM1Code"], "ML") ||
		attack["ActionGeo_FeatureID"] != douentzaID || attack["ActionGeo_Lat"] != d["lat"] || attack["ActionGeo_Long"] != d["lon"] ||
		!strings.HasSuffix(attack["ActionGeo_FullName"], ", Mali") {
		t.Errorf("exported attack = %v, want its ActionGeo columns filled", attack)
	}
}

// TestNeo4jE2EDistanceQuery: the README's query, run by kg query on the
// loaded workspace, finds the events within 50 km of Douentza and not the
// one filed from Bamako, 600 km away.
func TestNeo4jE2EDistanceQuery(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	call := kgCall{dir: t.TempDir(), env: neo4jEnv(cfg)}
	out := filepath.Join(call.dir, "ws")
	if res := runKG(t, call, "ingest", geoArticle(t), "--published", "2024-05-08", "--out", out); res.code != exitOK {
		t.Fatalf("kg ingest: exit %d: %s", res.code, res.stderr)
	}
	res := runKG(t, call, "query", readmeDistanceQuery, "--param", "city=Douentza", "--param", "km=50", "--format", "csv")
	if res.code != exitOK {
		t.Fatalf("kg query: exit %d: %s", res.code, res.stderr)
	}
	rows := parseCSV(t, "query", []byte(res.stdout))
	var events []string
	for _, r := range rows {
		events = append(events, r["event"]+"@"+r["place"]+"/"+r["km"])
	}
	if got := strings.Join(events, " "); !strings.Contains(got, "ATTACKS@Douentza/0") || strings.Contains(got, "Bamako") {
		t.Errorf("events within 50 km of Douentza: %v, want the attack there and nothing from Bamako", events)
	}
	res = runKG(t, call, "query", readmeDistanceQuery, "--param", "city=Douentza", "--param", "km=700", "--format", "csv")
	if !strings.Contains(res.stdout, "Bamako") {
		t.Errorf("within 700 km: %q, want the condemnation filed from Bamako too", res.stdout)
	}
}

// readmeDistanceQuery is the distance query of README.md and docs/geo.md.
const readmeDistanceQuery = `MATCH (c:Location {name: $city})
MATCH (s:Entity)-[r]->(o:Entity)
WHERE point.distance(r.point, c.point) <= $km * 1000
RETURN r.date AS date, s.name AS actor, type(r) AS event, o.name AS target, r.place AS place,
       round(point.distance(r.point, c.point) / 1000) AS km
ORDER BY km, date`
