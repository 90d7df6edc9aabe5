package csvws

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
)

// sample is a small graph with cells that need quoting or neutralization.
func sample() graph.Graph {
	return graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "-", Title: "=HYPERLINK(\"x\")", URL: "https://example.org/a,b",
			Published: "2022-03-12", SHA256: "abc", Sentences: 3}},
		Entities: []graph.Entity{
			{ID: "e1", Type: "Country", Name: "United States", Aliases: []string{"U.S.", "US"}, Country: "USA",
				Mentions: 2, Documents: 1, FirstSeen: "2022-03-12"},
			{ID: "e2", Type: "Group", Name: "+cmd", Aliases: []string{"-x", "@y"}, Roles: []string{"=r", "deputy"},
				Mentions: 1, Documents: 1},
			{ID: "e3", Type: "Person", Name: "'=quoted already", Aliases: []string{"\tTab"}},
		},
		Relations: []graph.Relation{
			{ID: "r1", SubjectID: "e1", Subject: "United States", Predicate: "supply weapon", Relation: "SUPPLIES",
				ObjectID: "e2", Object: "+cmd", CAMEO: "070", QuadClass: 2, Goldstein: -5, Date: "2022-03-12",
				DocumentID: "d1", SentenceIndex: 1, Sentence: "-The U.S. said \"no\",\nthen yes.", Confidence: 0.8,
				DateSource: "published", Modality: "asserted", Source: "@src", Instrument: "=1+1", Rule: "relate.verb"},
			{ID: "r2", SubjectID: "e3", Subject: "'=quoted already", Predicate: "spokesman", Relation: "AFFILIATION",
				ObjectID: "e1", Object: "United States", QuadClass: 9, Goldstein: 3, Negated: true,
				DocumentID: "d1", SentenceIndex: 2, Sentence: "\rX", Confidence: 0.555, Role: "spokesman"},
		},
		Mentions: []graph.Mention{
			{EntityID: "e1", DocumentID: "d1", SentenceIndex: 0, Start: 0, End: 4, Text: "U.S."},
			{EntityID: "e2", DocumentID: "d1", SentenceIndex: 1, Start: 10, End: 14, Text: "-cmd"},
		},
	}
}

func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func TestWriteExactFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	if err := Write(context.Background(), dir, sample()); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"documents.csv": "id,path,title,url,published,sha256,sentences\n" +
			"d1,'-,\"'=HYPERLINK(\"\"x\"\")\",\"https://example.org/a,b\",2022-03-12,abc,3\n",
		"entities.csv": "id,type,name,aliases,country,mentions,documents,roles,first_seen,geonames_id,lat,lon,feature_class,geo_confidence\n" +
			"e1,Country,United States,U.S.|US,USA,2,1,,2022-03-12,,,,,\n" +
			"e2,Group,'+cmd,'-x|@y,,1,1,'=r|deputy,,,,,,\n" +
			"e3,Person,''=quoted already,'\tTab,,0,0,,,,,,,\n",
		"relations.csv": "id,subject_id,subject,predicate,relation,object_id,object,cameo,quad_class,goldstein,negated,date,document_id,sentence_index,sentence,confidence,date_source,modality,source,role,instrument,rule,place_id,place,lat,lon,place_geonames_id,place_source\n" +
			"r1,e1,United States,supply weapon,SUPPLIES,e2,'+cmd,070,2,-5.0,false,2022-03-12,d1,1,\"'-The U.S. said \"\"no\"\",\nthen yes.\",0.80,published,asserted,'@src,,'=1+1,relate.verb,,,,,,\n" +
			"r2,e3,''=quoted already,spokesman,AFFILIATION,e1,United States,,,,true,,d1,2,\"'\rX\",0.56,,,,spokesman,,,,,,,,\n",
		"mentions.csv": "entity_id,document_id,sentence_index,start,end,text\n" +
			"e1,d1,0,0,4,U.S.\n" +
			"e2,d1,1,10,14,'-cmd\n",
	}
	got := readAll(t, dir)
	if !reflect.DeepEqual(got, want) {
		for name := range want {
			if got[name] != want[name] {
				t.Errorf("%s:\n got %q\nwant %q", name, got[name], want[name])
			}
		}
		if len(got) != len(want) {
			t.Errorf("files = %v, want exactly the four workspace files", got)
		}
	}
}

func TestRoundTripIsByteIdentical(t *testing.T) {
	ctx := context.Background()
	a, b := t.TempDir(), t.TempDir()
	if err := Write(ctx, a, sample()); err != nil {
		t.Fatal(err)
	}
	g, err := Read(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(ctx, b, g); err != nil {
		t.Fatal(err)
	}
	if fa, fb := readAll(t, a), readAll(t, b); !reflect.DeepEqual(fa, fb) {
		t.Errorf("Write→Read→Write changed bytes:\n%q\n%q", fa, fb)
	}
	// Text comes back exactly as it went in (the neutralizing quote removed).
	s := sample()
	if g.Entities[1].Name != "+cmd" || g.Entities[2].Name != "'=quoted already" ||
		!reflect.DeepEqual(g.Entities[1].Aliases, s.Entities[1].Aliases) ||
		g.Relations[0].Sentence != s.Relations[0].Sentence || g.Relations[0].Goldstein != -5 ||
		g.Relations[1].Sentence != "\rX" || g.Mentions[1].Text != "-cmd" || g.Documents[0].Title != s.Documents[0].Title {
		t.Errorf("read back %+v", g)
	}
	// Static relations lose their meaningless quad class and Goldstein score.
	if r := g.Relations[1]; r.QuadClass != 0 || r.Goldstein != 0 || r.Confidence != 0.56 {
		t.Errorf("static relation read back as %+v, want quad 0, goldstein 0, confidence 0.56", r)
	}
}

func TestReadAbsentIsEmpty(t *testing.T) {
	g, err := Read(context.Background(), filepath.Join(t.TempDir(), "nothing-here"))
	if err != nil || !reflect.DeepEqual(g, graph.Graph{}) {
		t.Errorf("Read(absent) = %+v, %v; want empty graph, nil", g, err)
	}
}

func TestReadRejectsMalformed(t *testing.T) {
	const entHeader = "id,type,name,aliases,country,mentions,documents,roles,first_seen\n"
	for _, c := range []struct {
		name, file, content, want string
	}{
		{"header", "entities.csv", "id,name,type\ne1,x,Country\n",
			`entities.csv:1: header ["id" "name" "type"], want ["id" "type" "name" "aliases" "country" "mentions" "documents" "roles" "first_seen" "geonames_id" "lat" "lon" "feature_class" "geo_confidence"]`},
		{"empty", "mentions.csv", "", `mentions.csv:1: empty file, want header`},
		{"number", "entities.csv", entHeader + "e1,Country,A,,,1,1,,\ne2,Country,B,,,x,1,,\n",
			`entities.csv:3: mentions "x" is not an integer`},
		{"multiline record", "entities.csv", entHeader + "e1,Country,\"A\nB\",,,1,1,,\ne2,Country,B,,,1,,,\n",
			`entities.csv:4: documents "" is not an integer`},
		{"id", "entities.csv", entHeader + ",Country,A,,,1,1,,\n", `entities.csv:2: empty id`},
		{"fields", "entities.csv", entHeader + "e1,Country\n", `entities.csv: record on line 2: wrong number of fields`},
		{"bool", "relations.csv", "id,subject_id,subject,predicate,relation,object_id,object,cameo,quad_class,goldstein,negated,date,document_id,sentence_index,sentence,confidence,date_source,modality,source,role,instrument\n" +
			"r1,e1,A,p,R,e2,B,,,,yes,,d1,0,s,0.50,,,,,\n", `relations.csv:2: negated "yes" is neither true nor false`},
		{"quoted number", "mentions.csv", "entity_id,document_id,sentence_index,start,end,text\ne1,d1,0,'-1,2,x\n",
			`mentions.csv:2: start "'-1" is not an integer`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, c.file), []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Read(context.Background(), dir)
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("Read error = %v, want one line containing %q", err, c.want)
			}
		})
	}
}

func TestReadAcceptsExtraColumnsAndBOM(t *testing.T) {
	dir := t.TempDir()
	content := "\ufeffentity_id,document_id,sentence_index,start,end,text,note\ne1,d1,0,3,7,Kyiv,hello\n"
	if err := os.WriteFile(filepath.Join(dir, MentionsFile), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Read(context.Background(), dir)
	want := []graph.Mention{{EntityID: "e1", DocumentID: "d1", Start: 3, End: 7, Text: "Kyiv"}}
	if err != nil || !reflect.DeepEqual(g.Mentions, want) {
		t.Errorf("Read = %+v, %v; want %+v", g.Mentions, err, want)
	}
}

// failingAfter is a context whose Err starts failing after n calls, to break
// Write between two files.
type failingAfter struct {
	context.Context
	n int
}

func (c *failingAfter) Err() error {
	if c.n == 0 {
		return context.Canceled
	}
	c.n--
	return nil
}

func TestWriteFailureLeavesOldFiles(t *testing.T) {
	dir := t.TempDir()
	if err := Write(context.Background(), dir, sample()); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, dir)

	changed := sample()
	changed.Entities[0].Name = "Changed"
	for n := range 4 {
		err := Write(&failingAfter{Context: context.Background(), n: n}, dir, changed)
		if err == nil {
			t.Fatalf("Write with a context failing after %d files: no error", n)
		}
		if after := readAll(t, dir); !reflect.DeepEqual(after, before) {
			t.Errorf("failure after %d files changed the workspace or left temp files: %v", n, keys(after))
		}
	}

	bad := sample()
	bad.Entities[0].Aliases = []string{"a|b"}
	err := Write(context.Background(), dir, bad)
	if err == nil || !strings.HasSuffix(err.Error(), `: entity 1: alias "a|b" contains "|"`) {
		t.Errorf("Write(alias with |) = %v, want an error naming the entity", err)
	}
	if after := readAll(t, dir); !reflect.DeepEqual(after, before) {
		t.Errorf("bad input changed the workspace: %v", keys(after))
	}

	// Write refuses what Read would reject.
	bad = sample()
	bad.Relations[1].ObjectID = ""
	err = Write(context.Background(), dir, bad)
	if err == nil || !strings.HasSuffix(err.Error(), ": relation 2: empty object_id") {
		t.Errorf("Write(empty object id) = %v, want an error naming the relation", err)
	}
	if after := readAll(t, dir); !reflect.DeepEqual(after, before) {
		t.Errorf("bad input changed the workspace: %v", keys(after))
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestEmptyGraphWritesHeaders(t *testing.T) {
	dir := t.TempDir()
	if err := Write(context.Background(), dir, graph.Graph{}); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, dir)["mentions.csv"]; got != "entity_id,document_id,sentence_index,start,end,text\n" {
		t.Errorf("mentions.csv = %q, want the header only", got)
	}
	g, err := Read(context.Background(), dir)
	if err != nil || len(g.Documents)+len(g.Entities)+len(g.Relations)+len(g.Mentions) != 0 {
		t.Errorf("Read(empty workspace) = %+v, %v", g, err)
	}
}

func TestReingestChangesNoByte(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ingest := func() map[string]string {
		base, err := Read(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(ctx, dir, graph.Merge(base, sample())); err != nil {
			t.Fatal(err)
		}
		return readAll(t, dir)
	}
	first := ingest()
	if second := ingest(); !reflect.DeepEqual(first, second) {
		t.Errorf("second ingest changed the workspace:\n%q\n%q", first, second)
	}
	if !strings.Contains(first["entities.csv"], "e1,Country,United States,U.S.|US,USA,1,1,,2022-03-12,,,,,\n") {
		t.Errorf("entities.csv after merge = %q, want e1 with its counts recomputed (1 mention, 1 document)", first["entities.csv"])
	}
}

// TestStoredIsWhatReadReturns: Stored gives the graph that Write then Read
// give, without files: confidences rounded to two decimals, static
// relations without quad class and Goldstein, coordinates to five decimals.
func TestStoredIsWhatReadReturns(t *testing.T) {
	g := sample()
	g.Entities = append(g.Entities, graph.Entity{ID: "e4", Type: "Location", Name: "Kyiv",
		Geo: &graph.Geo{GeoNamesID: 703448, Lat: 50.454661, Lon: 30.523801, FeatureClass: "P", Confidence: 0.8333}})
	got, err := Stored(g)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Write(context.Background(), dir, g); err != nil {
		t.Fatal(err)
	}
	want, err := Read(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Stored:\n%+v\nRead after Write:\n%+v", got, want)
	}
	if c := got.Relations[1].Confidence; c != 0.56 {
		t.Errorf("confidence 0.555 stored as %v, want 0.56", c)
	}
	if geo := got.Entities[3].Geo; geo.Lat != 50.45466 || geo.Confidence != 0.83 {
		t.Errorf("Kyiv stored at %v with confidence %v, want 50.45466 and 0.83", geo.Lat, geo.Confidence)
	}
}
