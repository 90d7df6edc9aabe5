package neo4jsink

import (
	"bytes"
	"strings"
	"testing"
)

// TestImportFilesHaveNeo4jAdminHeaders checks the files of neo4j-admin
// database import: the id, label, start, end and type columns, the typed
// property columns, and rows of the sample graph.
func TestImportFilesHaveNeo4jAdminHeaders(t *testing.T) {
	files, err := ImportFiles(testVocab(t), sampleGraph())
	if err != nil {
		t.Fatal(err)
	}
	g := sampleGraph()
	tg, err := newTarget(testVocab(t), g)
	if err != nil {
		t.Fatal(err)
	}
	invades := tg.relations["r2"].row[hashKey].(string)
	want := map[string]string{
		"documents.csv": "id:ID,:LABEL,path,title,url,published,sha256,sentences:int,kg_hash\n" +
			"d1,Document,a.txt,,,,,3," + tg.nodes["d1"].row[hashKey].(string) + "\n",
		// No entity of the sample has both aliases and roles: none has a kg_hash.
		"entities.csv": "id:ID,:LABEL,type,name,aliases:string[],country,mentions:int,documents:int,roles:string[],first_seen,kg_hash\n" +
			"e-rus,Entity|Country,Country,Russia,,RUS,0,0,,,\n" +
			"e-ukr,Entity|Country,Country,Ukraine,Ukraine,,0,0,,,\n" +
			"e-jav,Entity|Weapon,Weapon,Javelin,,,0,0,,,\n",
		"mentioned_in.csv": ":START_ID,:END_ID,:TYPE,count:int\n" +
			"e-rus,d1,MENTIONED_IN,2\n" +
			"e-ukr,d1,MENTIONED_IN,1\n",
		"relations.csv": ":START_ID,:END_ID,:TYPE,id,subject_id,subject,predicate,relation,object_id,object,cameo,quad_class:int," +
			"goldstein:double,negated:boolean,date,document_id,sentence_index:int,sentence,confidence:double,date_source,modality," +
			"source,role,instrument,rule,kg_hash\n" +
			"e-rus,e-ukr,INVADES,r2,e-rus,,,INVADES,e-ukr,,192,4,-9,false,,,0,,0,,,,,,," + invades + "\n" +
			"e-ukr,e-rus,AFFILIATION,r1,e-ukr,,,AFFILIATION,e-rus,,,,,false,,,0,,0,,,,,,," + tg.relations["r1"].row[hashKey].(string) + "\n",
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
