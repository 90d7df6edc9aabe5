package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

// exportWorkspace writes a one-article workspace: an invasion, a negated
// supply and an affiliation.
func exportWorkspace(t *testing.T) string {
	t.Helper()
	g := graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "seed.txt", URL: "https://example.com/seed", Published: "2022-03-12", Sentences: 3}},
		Entities: []graph.Entity{
			{ID: "eRU", Type: "Country", Name: "Russia", Country: "RUS"},
			{ID: "eUA", Type: "Country", Name: "Ukraine", Country: "UKR"},
			{ID: "eUS", Type: "Country", Name: "United States", Country: "USA"},
			{ID: "eRyabkov", Type: "Person", Name: "Sergey Ryabkov"},
		},
		Relations: []graph.Relation{
			{ID: "r00000000000000a1", SubjectID: "eRU", Subject: "Russia", Predicate: "invade", Relation: "INVADES",
				ObjectID: "eUA", Object: "Ukraine", CAMEO: "192", QuadClass: 4, Goldstein: -9.5, Date: "2022-02-24",
				DocumentID: "d1", SentenceIndex: 0, Sentence: "Russia invaded Ukraine on Feb. 24.", Confidence: 0.75,
				DateSource: "text", Modality: "asserted"},
			{ID: "r00000000000000a2", SubjectID: "eUS", Subject: "United States", Predicate: "supply", Relation: "SUPPLIES",
				ObjectID: "eUA", Object: "Ukraine", CAMEO: "070", QuadClass: 2, Goldstein: 7.4, Negated: true, Date: "2022-03-12",
				DocumentID: "d1", SentenceIndex: 1, Sentence: "The United States did not supply jets to Ukraine.", Confidence: 0.6,
				DateSource: "published", Modality: "asserted"},
			{ID: "r00000000000000a3", SubjectID: "eRyabkov", Subject: "Sergey Ryabkov", Predicate: "deputy foreign minister",
				Relation: "AFFILIATION", ObjectID: "eRU", Object: "Russia", Date: "2022-03-12", DocumentID: "d1", SentenceIndex: 2,
				Sentence: "Russia's deputy foreign minister Sergey Ryabkov spoke.", Confidence: 0.8, Role: "deputy foreign minister"},
		},
	}
	dir := t.TempDir()
	if err := csvws.Write(context.Background(), dir, g); err != nil {
		t.Fatal(err)
	}
	return dir
}

const exportHeader = "GlobalEventID\tDay\tMonthYear\tYear\tFractionDate\t" +
	"Actor1Code\tActor1Name\tActor1CountryCode\tActor1KnownGroupCode\tActor1EthnicCode\tActor1Religion1Code\tActor1Religion2Code\tActor1Type1Code\tActor1Type2Code\tActor1Type3Code\t" +
	"Actor2Code\tActor2Name\tActor2CountryCode\tActor2KnownGroupCode\tActor2EthnicCode\tActor2Religion1Code\tActor2Religion2Code\tActor2Type1Code\tActor2Type2Code\tActor2Type3Code\t" +
	"IsRootEvent\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\tNumMentions\tNumSources\tNumArticles\tAvgTone\t" +
	"Actor1Geo_Type\tActor1Geo_FullName\tActor1Geo_CountryCode\tActor1Geo_ADM1Code\tActor1Geo_ADM2Code\tActor1Geo_Lat\tActor1Geo_Long\tActor1Geo_FeatureID\t" +
	"Actor2Geo_Type\tActor2Geo_FullName\tActor2Geo_CountryCode\tActor2Geo_ADM1Code\tActor2Geo_ADM2Code\tActor2Geo_Lat\tActor2Geo_Long\tActor2Geo_FeatureID\t" +
	"ActionGeo_Type\tActionGeo_FullName\tActionGeo_CountryCode\tActionGeo_ADM1Code\tActionGeo_ADM2Code\tActionGeo_Lat\tActionGeo_Long\tActionGeo_FeatureID\t" +
	"DATEADDED\tSOURCEURL\t" +
	"kg_relation_id\tkg_relation\tkg_predicate\tkg_sentence\tkg_confidence\tkg_document_id\tkg_date\tkg_modality"

// exportInvasion is the row of the invasion, in TSV.
const exportInvasion = "1166334289990864\t20220224\t202202\t2022\t2022.2301\t" +
	"RUS\tRussia\tRUS\t\t\t\t\t\t\t\t" +
	"UKR\tUkraine\tUKR\t\t\t\t\t\t\t\t" +
	"1\t192\t192\t19\t4\t-9.5\t1\t1\t1\t\t" +
	// Actor1Geo, Actor2Geo: the states at their centroids (GDELT's type 1,
	// FIPS codes); ActionGeo: the workspace does not locate the event.
	"1\tRussia\tRS\tRS\t\t54.29824\t52.71538\tRS\t" + "1\tUkraine\tUP\tUP\t\t48.87183\t32.40205\tUP\t" + "\t\t\t\t\t\t\t\t" +
	"20220312000000\thttps://example.com/seed\t" +
	"r00000000000000a1\tINVADES\tinvade\tRussia invaded Ukraine on Feb. 24.\t0.75\td1\t2022-02-24\tasserted"

func TestExportCommandToFile(t *testing.T) {
	dir := exportWorkspace(t)
	outDir := t.TempDir()
	out := filepath.Join(outDir, "events.tsv")
	if err := os.WriteFile(out, []byte("old contents\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := kgInProcess(t, "export", dir, "--out", out)
	if code != exitOK || stdout != "" || stderr != "kg: 1 event from 1 document → "+out+"\n" {
		t.Fatalf("kg export: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := exportHeader + "\n" + exportInvasion + "\n"; string(got) != want {
		t.Errorf("events.tsv:\n%s\nwant:\n%s", got, want)
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 1 {
		t.Errorf("output directory holds %d files, want only events.tsv (no temporary files)", len(entries))
	}
}

func TestExportCommandFormats(t *testing.T) {
	dir := exportWorkspace(t)

	code, stdout, _ := kgInProcess(t, "export", "--format", "events", "--header=false", dir)
	if code != exitOK || stdout != exportInvasion+"\n" {
		t.Errorf("--header=false: exit %d, stdout:\n%s\nwant:\n%s", code, stdout, exportInvasion)
	}

	code, stdout, _ = kgInProcess(t, "export", "--format", "events-csv", dir, "--header=false")
	if want := strings.ReplaceAll(exportInvasion, "\t", ",") + "\n"; code != exitOK || stdout != want {
		t.Errorf("--format events-csv: exit %d, stdout:\n%s\nwant:\n%s", code, stdout, want)
	}

	code, stdout, _ = kgInProcess(t, "export", dir, "--include-negated")
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if code != exitOK || len(lines) != 3 || lines[0] != exportHeader+"\tkg_negated" ||
		lines[1] != exportInvasion+"\tfalse" || !strings.HasPrefix(lines[2], "3222801652364700\t20220312\t") ||
		!strings.HasSuffix(lines[2], "\tasserted\ttrue") {
		t.Errorf("--include-negated: exit %d, output:\n%s", code, stdout)
	}
}

func TestExportCommandNeo4jImport(t *testing.T) {
	dir := exportWorkspace(t)
	out := filepath.Join(t.TempDir(), "import", "files")
	code, stdout, stderr := kgInProcess(t, "export", "--format", "neo4j-import", dir, "--out", out)
	wantCmd := "  cd " + out + " && neo4j-admin database import full neo4j --array-delimiter='|' --multiline-fields=true " +
		"--nodes=documents.csv --nodes=entities.csv --relationships=mentioned_in.csv --relationships=relations.csv\n"
	if code != exitOK || stdout != "" || !strings.HasPrefix(stderr, "kg: 5 nodes, 3 relations, 0 mentions from 1 document → "+out) ||
		!strings.HasSuffix(stderr, wantCmd) {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 0 and the command %q", code, stdout, stderr, wantCmd)
	}
	for name, header := range map[string]string{
		"documents.csv":    "id:ID,:LABEL,",
		"entities.csv":     "id:ID,:LABEL,type,name,aliases:string[],",
		"mentioned_in.csv": ":START_ID,:END_ID,:TYPE,count:int\n",
		"relations.csv":    ":START_ID,:END_ID,:TYPE,id,",
	} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !strings.HasPrefix(string(data), header) {
			t.Errorf("%s: %v; want it to start %q:\n%s", name, err, header, data)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(out, "relations.csv")); strings.Count(string(data), "\n") != 4 ||
		!strings.Contains(string(data), "\neRU,eUA,INVADES,r00000000000000a1,eRU,Russia,invade,INVADES,eUA,Ukraine,192,4,-9.5,false,2022-02-24,") {
		t.Errorf("relations.csv does not hold the 3 relations, the invasion as expected:\n%s", data)
	}
}

func TestExportCommandErrors(t *testing.T) {
	dir := exportWorkspace(t)
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"export"}, exitUsage, "kg: export: want one workspace DIR, got 0 arguments\n"},
		{[]string{"export", dir, dir}, exitUsage, "kg: export: want one workspace DIR, got 2 arguments\n"},
		{[]string{"export", dir, "--format", "gdelt"}, exitUsage, "kg: export: --format \"gdelt\": want events, events-csv, graphml or neo4j-import\n"},
		{[]string{"export", dir, "--format", "neo4j-import"}, exitUsage, "kg: export: --format neo4j-import writes several files: give their folder with --out\n"},
		{[]string{"export", filepath.Join(dir, "documents.csv")}, exitFailure, "kg: export: " + filepath.Join(dir, "documents.csv") + " is not a directory\n"},
		{[]string{"export", dir, "--out", filepath.Join(dir, "no-such-dir", "e.tsv")}, exitFailure, ""},
	} {
		code, stdout, stderr := kgInProcess(t, tc.args...)
		if code != tc.code || stdout != "" || tc.stderr != "" && stderr != tc.stderr || strings.Count(stderr, "\n") != 1 {
			t.Errorf("kg %q: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", tc.args, code, stdout, stderr, tc.code, tc.stderr)
		}
	}
}
