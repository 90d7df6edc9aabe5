package extract

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kg-project/kg/extract/relate"
	"github.com/kg-project/kg/extract/resolve"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/schema"
)

// schemaWith returns the schema of ../schema/data with the files in change
// replaced (removed where the text is empty).
func schemaWith(t *testing.T, change map[string]string) *schema.Schema {
	t.Helper()
	s, err := schema.Parse(dataWith(t, change))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// dataWith returns the files of ../schema/data with the files in change
// replaced (removed where the text is empty).
func dataWith(t *testing.T, change map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	data := os.DirFS("../schema/data")
	err := fs.WalkDir(data, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, text := range change {
		m[p] = &fstest.MapFile{Data: []byte(text)}
		if text == "" {
			delete(m, p)
		}
	}
	return m
}

// TestExtractionReadsTheSchemaItIsGiven runs one sentence with the embedded
// schema and with a copy whose phase verbs lack "resume": the phase verb
// makes the attack, so without it there is none.
func TestExtractionReadsTheSchemaItIsGiven(t *testing.T) {
	const text = "Russia resumed attacks on Ukraine on Monday."
	run := func(s *schema.Schema) []string {
		x, err := New(Options{Schema: s})
		if err != nil {
			t.Fatal(err)
		}
		g, err := x.Extract(context.Background(), source.Article{Path: "test.txt", Text: text, Published: "2024-05-08"})
		if err != nil {
			t.Fatal(err)
		}
		return triples(g)
	}
	if got := run(nil); !slices.Contains(got, "Russia ATTACKS Ukraine") {
		t.Fatalf("embedded schema: %q, want Russia ATTACKS Ukraine", got)
	}
	b, err := os.ReadFile("../schema/data/words/phase-verbs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	without := strings.Replace(string(b), "\nresume\n", "\n", 1)
	if got := run(schemaWith(t, map[string]string{"words/phase-verbs.tsv": without})); slices.Contains(got, "Russia ATTACKS Ukraine") {
		t.Errorf("without the phase verb resume: %q, want no attack", got)
	}
	_, err = New(Options{Schema: schemaWith(t, map[string]string{"words/phase-verbs.tsv": ""})})
	if want := `relate: schema: no word set "phase-verbs" (data/words/phase-verbs.tsv)`; err == nil || err.Error() != want {
		t.Errorf("a schema without phase-verbs: error %v, want %q", err, want)
	}
}

// TestRelateChecksItsVocabulary removes from a copy of the schema a relation
// type the rules name (DECLINES_COMMENT) and a CAMEO code they give (036),
// with the lexicon rows that use them: the schema itself is consistent, and
// relate.New fails naming both.
func TestRelateChecksItsVocabulary(t *testing.T) {
	without := func(file string, drop func(fields []string) bool) string {
		b, err := os.ReadFile("../schema/data/" + file)
		if err != nil {
			t.Fatal(err)
		}
		var keep []string
		for _, line := range strings.Split(string(b), "\n") {
			if !drop(strings.Split(line, "\t")) {
				keep = append(keep, line)
			}
		}
		return strings.Join(keep, "\n")
	}
	s := schemaWith(t, map[string]string{
		"relations.tsv": without("relations.tsv", func(f []string) bool { return f[0] == "DECLINES_COMMENT" }),
		"cameo.tsv":     without("cameo.tsv", func(f []string) bool { return f[0] == "036" }),
		"lexicon.tsv": without("lexicon.tsv", func(f []string) bool {
			return len(f) > 4 && (f[3] == "DECLINES_COMMENT" || f[4] == "036")
		}),
	})
	_, err := relate.New(s)
	want := "relate: the rules name what the schema lacks: relation DECLINES_COMMENT is not in the vocabulary (relations.tsv); " +
		"CAMEO code 036 is not in the CAMEO table (cameo.tsv)"
	if err == nil || err.Error() != want {
		t.Errorf("relate.New on a schema without DECLINES_COMMENT and 036: error %v, want %q", err, want)
	}
	if _, err := relate.New(schemaWith(t, nil)); err != nil {
		t.Errorf("relate.New on an unchanged copy: %v", err)
	}
}

// TestEveryWordSetIsRead removes each word set of the embedded schema in
// turn: schema.Parse (for a set a construction of constructions.txt names),
// resolve.New or relate.New must then fail naming it. A set no rule reads,
// or a file renamed without its reader, fails here; a set a package reads
// that is missing fails every extraction test (extract.New).
func TestEveryWordSetIsRead(t *testing.T) {
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := resolve.New(s); err != nil {
		t.Fatal(err)
	}
	if _, err := relate.New(s); err != nil {
		t.Fatal(err)
	}
	for _, name := range s.WordSetNames() {
		want := `schema: no word set "` + name + `"`
		without, err := schema.Parse(dataWith(t, map[string]string{"words/" + name + ".tsv": ""}))
		if err != nil {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("without %s: schema.Parse error %v, want it to name the set", name, err)
			}
			continue
		}
		_, rerr := resolve.New(without)
		_, lerr := relate.New(without)
		if !(rerr != nil && strings.Contains(rerr.Error(), want) || lerr != nil && strings.Contains(lerr.Error(), want)) {
			t.Errorf("without %s: resolve.New error %v, relate.New error %v; want one to name the set", name, rerr, lerr)
		}
	}
}

// TestDescriptionHeadsAreDisjoint: a noun in two description-heads sets
// would refer to two kinds of antecedent; resolve.New says which.
func TestDescriptionHeadsAreDisjoint(t *testing.T) {
	b, err := os.ReadFile("../schema/data/words/state-description-heads.tsv")
	if err != nil {
		t.Fatal(err)
	}
	s := schemaWith(t, map[string]string{"words/state-description-heads.tsv": string(b) + "army\n"})
	_, err = resolve.New(s)
	if want := `resolve: schema: "army" is a description of Country and of military (data/words/military-description-heads.tsv)`; err == nil || err.Error() != want {
		t.Errorf("army a state and a military description: error %v, want %q", err, want)
	}
}
