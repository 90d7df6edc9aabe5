package neo4jsink

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
)

// TestImportFilesHaveNeo4jAdminHeaders checks the files of neo4j-admin
// database import: the id, label, start, end and type columns, the typed
// property columns, and rows of the sample graph.
func TestImportFilesHaveNeo4jAdminHeaders(t *testing.T) {
	// A place with its gazetteer entry, where the invasion happened.
	g := sampleGraph()
	kyiv := &graph.Geo{GeoNamesID: 703448, Lat: 50.45466, Lon: 30.5238, FeatureClass: "P", Confidence: 0.9}
	g.Entities = append(g.Entities, graph.Entity{ID: "e-kyiv", Type: "Location", Name: "Kyiv", Aliases: []string{"Kyiv"},
		Roles: []string{"capital"}, Country: "UKR", Geo: kyiv})
	g.Relations[0].PlaceID, g.Relations[0].Place, g.Relations[0].PlaceGeo, g.Relations[0].PlaceSource = "e-kyiv", "Kyiv", kyiv, "text"
	files, err := ImportFiles(testVocab(t), g)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := newTarget(testVocab(t), g)
	if err != nil {
		t.Fatal(err)
	}
	invades := tg.relations["r2"].row[hashKey].(string)
	want := map[string]string{
		"documents.csv": "id:ID,:LABEL,path,title,url,published,sha256,sentences:int,kg_hash\n" +
			"d1,Document,a.txt,,,,,3," + tg.nodes["d1"].row[hashKey].(string) + "\n",
		// No entity of the sample has both aliases and roles: none has a kg_hash.
		"entities.csv": "id:ID,:LABEL,type,name,aliases:string[],country,mentions:int,documents:int,roles:string[],first_seen," +
			"geonames_id:long,lat:double,lon:double,point:point{crs:WGS-84},feature_class,geo_confidence:double,kg_hash\n" +
			"e-rus,Entity|Country,Country,Russia,,RUS,0,0,,,,,,,,,\n" +
			"e-ukr,Entity|Country,Country,Ukraine,Ukraine,,0,0,,,,,,,,,\n" +
			"e-jav,Entity|Weapon,Weapon,Javelin,,,0,0,,,,,,,,,\n" +
			"e-kyiv,Entity|Location,Location,Kyiv,Kyiv,UKR,0,0,capital,,703448,50.45466,30.5238,\"{latitude:50.45466,longitude:30.5238}\",P,0.9," + tg.nodes["e-kyiv"].row[hashKey].(string) + "\n",
		"mentioned_in.csv": ":START_ID,:END_ID,:TYPE,count:int\n" +
			"e-rus,d1,MENTIONED_IN,2\n" +
			"e-ukr,d1,MENTIONED_IN,1\n",
		"relations.csv": ":START_ID,:END_ID,:TYPE,id,subject_id,subject,predicate,relation,object_id,object,cameo,quad_class:int," +
			"goldstein:double,negated:boolean,date,document_id,sentence_index:int,sentence,confidence:double,date_source,modality," +
			"source,role,instrument,rule,place_id,place,place_source,geonames_id:long,lat:double,lon:double,point:point{crs:WGS-84},kg_hash\n" +
			"e-rus,e-ukr,INVADES,r2,e-rus,,,INVADES,e-ukr,,192,4,-9,false,,,0,,0,,,,,,,e-kyiv,Kyiv,text,703448,50.45466,30.5238," +
			"\"{latitude:50.45466,longitude:30.5238}\"," + invades + "\n" +
			"e-ukr,e-rus,AFFILIATION,r1,e-ukr,,,AFFILIATION,e-rus,,,,,false,,,0,,0,,,,,,,,,,,,,," + tg.relations["r1"].row[hashKey].(string) + "\n",
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if b.String() != want[f.Name] {
			t.Errorf("%s:\n%s\nwant:\n%s", f.Name, b.String(), want[f.Name])
		}
	}
	if got := strings.Join(names, " "); got != "documents.csv entities.csv mentioned_in.csv relations.csv" {
		t.Errorf("files %s", got)
	}
	cmd := strings.Join(ImportCommand(files, "neo4j"), " ")
	if want := "neo4j-admin database import full neo4j --array-delimiter=| --multiline-fields=true " +
		"--nodes=documents.csv --nodes=entities.csv --relationships=mentioned_in.csv --relationships=relations.csv"; cmd != want {
		t.Errorf("command %q, want %q", cmd, want)
	}
}
