package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/fixtures"
	"github.com/kg-project/kg/graph"
)

func handGold() Gold {
	return Gold{
		ID: "hand",
		Entities: []GoldEntity{
			{Name: "Russia", Type: "Country", Aliases: []string{"Russia", "Russian Federation", "Moscow"}},
			{Name: "United States", Type: "Country", Aliases: []string{"U.S.", "US", "America", "Washington"}},
			{Name: "Ukraine", Type: "Country", Aliases: []string{"Ukraine", "Kyiv"}},
			{Name: "Sergey Ryabkov", Type: "Person", Aliases: []string{"Ryabkov"}},
			{Name: "NATO", Type: "Organization", Aliases: []string{"North Atlantic Treaty Organization"}},
			{Name: "anti-tank missiles", Type: "Weapon", Optional: true},
			{Name: "Kharkiv", Type: "Location"},
		},
		Relations: []GoldRelation{
			{Subject: []string{"Russia", "Sergey Ryabkov"}, Object: []string{"United States"}, Predicates: []string{"warn", "inform"}, CAMEO: []string{"13"}, Evidence: "Russia has informed"},
			{Subject: []string{"Sergey Ryabkov"}, Object: []string{"Russia"}, Predicates: []string{"deputy foreign minister"}, CAMEO: []string{"AFFILIATION"}},
			{Subject: []string{"United States"}, Object: []string{"Ukraine"}, Predicates: []string{"provide", "supply", "arm"}, CAMEO: []string{"07", "06"}},
			{Subject: []string{"Russia"}, Object: []string{"Ukraine"}, Predicates: []string{"invade", "attack"}, CAMEO: []string{"19", "18"}},
			{Subject: []string{"United States"}, Object: []string{"NATO"}, Predicates: []string{"member"}, CAMEO: []string{"MEMBER_OF"}, Optional: true},
			{Subject: []string{"NATO"}, Object: []string{"Ukraine"}, Predicates: []string{"send troops"}, CAMEO: []string{"07"}, Negated: true, Evidence: "No NATO troops"},
			{Subject: []string{"Kharkiv"}, Object: []string{"Ukraine"}, Predicates: []string{"city"}, CAMEO: []string{"LOCATED_IN"}},
		},
	}
}

func handSystem() graph.Graph {
	ents := []graph.Entity{
		{ID: "us", Type: "Country", Name: "United States", Aliases: []string{"U.S.", "the United States"}},
		{ID: "wash", Type: "Location", Name: "Washington"}, // duplicate of the US, wrong type
		{ID: "ru", Type: "Country", Name: "Russia", Aliases: []string{"Russia’s"}},
		{ID: "ua", Type: "Country", Name: "Ukraine"},
		{ID: "ry", Type: "Person", Name: "Ryabkov", Aliases: []string{"Sergey Ryabkov"}},
		{ID: "nato", Type: "Organization", Name: "NATO"},
		{ID: "atm", Type: "Weapon", Name: "anti-tank missiles"},                                   // optional in the gold
		{ID: "ifx", Type: "Organization", Name: "Interfax", Aliases: []string{"Interfax agency"}}, // not in the gold
	}
	name := map[string]string{}
	for _, e := range ents {
		name[e.ID] = e.Name
	}
	rel := func(sent int, subj, pred, typ, cameo, obj string, neg bool) graph.Relation {
		return graph.Relation{ID: "r" + pred + cameo, SubjectID: subj, Subject: name[subj], Predicate: pred, Relation: typ,
			CAMEO: cameo, ObjectID: obj, Object: name[obj], Negated: neg, DocumentID: "d", SentenceIndex: sent, Sentence: "sentence\nof the text"}
	}
	rels := []graph.Relation{
		rel(3, "ru", "warn", "WARNS", "130", "us", false),                                                                          // R0 by CAMEO
		rel(1, "ru", "warn", "WARNS", "130", "us", false),                                                                          // same tuple: counted once
		rel(2, "ry", "deputy foreign minister", "works for", "", "ru", false),                                                      // R1 by static type
		rel(4, "wash", "arm", "SUPPLIES", "070", "ua", false),                                                                      // R2 through the duplicate
		rel(5, "ru", "attack", "THREATENS", "138", "ua", false),                                                                    // R3 by predicate, wrong CAMEO
		rel(6, "us", "warn", "WARNS", "130", "ua", false),                                                                          // "warn" does not contain "arm": spurious
		rel(7, "nato", "send troops", "PROVIDES", "074", "ua", false),                                                              // negation differs: spurious
		rel(8, "us", "member", "MEMBER_OF", "", "nato", false),                                                                     // optional R4: correct
		{ID: "x", Subject: "Moscow", Predicate: "inform", Relation: "SAYS", CAMEO: "010", ObjectID: "us", Object: "United States"}, // R0 again, by predicate and by name; wrong CAMEO
	}
	return graph.Graph{Entities: ents, Relations: rels}
}

func TestScoreHandBuilt(t *testing.T) {
	a := Score(handSystem(), handGold())
	want := Counts{
		SystemEntities: 8, MatchedSystemEntities: 7, CorrectTypes: 6,
		GoldEntities: 6, FoundGoldEntities: 5, Duplicates: 1,
		SystemRelations: 8, MatchedSystemRelations: 6,
		GoldRelations: 6, FoundGoldRelations: 4,
		MatchedEvents: 4, CorrectCAMEO: 2,
		GoldStatic: 1, FoundGoldStatic: 1,
		GoldEvents: 4, FoundGoldEvents: 3,
	}
	if a.Counts != want {
		t.Errorf("counts:\n got %+v\nwant %+v", a.Counts, want)
	}
	if got, want := a.Line(), "ARTICLE hand entity_p=0.875 entity_r=0.833 entity_dups=1 relation_p=0.750 relation_r=0.667 relation_f1=0.706 cameo_acc=0.500"; got != want {
		t.Errorf("Line:\n got %s\nwant %s", got, want)
	}
	if got := a.TypeAccuracy(); got != 6.0/7 {
		t.Errorf("TypeAccuracy = %v, want 6/7", got)
	}
	var missed []string
	for _, g := range a.Missed {
		missed = append(missed, g.Subject[0]+">"+g.Object[0])
	}
	if want := []string{"NATO>Ukraine", "Kharkiv>Ukraine"}; !reflect.DeepEqual(missed, want) {
		t.Errorf("missed = %v, want %v", missed, want)
	}
	var spurious []string
	for _, r := range a.Spurious {
		spurious = append(spurious, r.Predicate)
	}
	if want := []string{"warn", "send troops"}; !reflect.DeepEqual(spurious, want) {
		t.Errorf("spurious = %v, want %v", spurious, want)
	}
	if want := []Duplicate{{Gold: "United States", System: []string{"United States", "Washington"}}}; !reflect.DeepEqual(a.DuplicateGroups, want) {
		t.Errorf("duplicates = %+v, want %+v", a.DuplicateGroups, want)
	}

	details := a.Details()
	wantDetails := []string{
		`MISSED hand: NATO -(send troops; 07)-> Ukraine [negated] — evidence "No NATO troops"`,
		`MISSED hand: Kharkiv -(city; LOCATED_IN)-> Ukraine — evidence ""`,
		`SPURIOUS hand: United States -(warn; WARNS 130)-> Ukraine — sentence 6 "sentence\nof the text"`,
		`SPURIOUS hand: NATO -(send troops; PROVIDES 074)-> Ukraine — sentence 7 "sentence\nof the text"`,
		`WRONG_CAMEO hand: Moscow -(inform; SAYS 010)-> United States — gold 13 — sentence 0 ""`,
		`WRONG_CAMEO hand: Russia -(attack; THREATENS 138)-> Ukraine — gold 19|18 — sentence 5 "sentence\nof the text"`,
		`MISSED_ENTITY hand: Kharkiv (Location)`,
		`SPURIOUS_ENTITY hand: Interfax (Organization), aliases Interfax agency`,
		`DUPLICATE hand: gold "United States" is matched by "United States" and "Washington"`,
	}
	if !reflect.DeepEqual(details, wantDetails) {
		t.Errorf("Details:\n got %q\nwant %q", details, wantDetails)
	}
}

func TestSummarizeIsMicroAveraged(t *testing.T) {
	a := Score(handSystem(), handGold())
	empty := Score(graph.Graph{}, Gold{ID: "none", Entities: []GoldEntity{{Name: "Iran", Type: "Country"}},
		Relations: []GoldRelation{{Subject: []string{"Iran"}, Object: []string{"Iran"}, CAMEO: []string{"AFFILIATION"}}}})
	if got, want := empty.Line(), "ARTICLE none entity_p=0.000 entity_r=0.000 entity_dups=0 relation_p=0.000 relation_r=0.000 relation_f1=0.000 cameo_acc=0.000"; got != want {
		t.Errorf("empty Line:\n got %s\nwant %s", got, want)
	}
	s := Summarize([]ArticleScore{a, empty})
	// entities 7/8, 5/7; relations 6/8, 4/7; static 1/2; events 3/4.
	if got, want := s.Line(), "SUMMARY entity_p=0.875 entity_r=0.714 entity_f1=0.787 entity_dups=1 relation_p=0.750 relation_r=0.571 relation_f1=0.649 cameo_acc=0.500 type_acc=0.857 static_r=0.500 event_r=0.750"; got != want {
		t.Errorf("Summary:\n got %s\nwant %s", got, want)
	}
	s.Gold = "sets/one"
	if got, want := s.Line(), "SUMMARY sets/one entity_p=0.875 entity_r=0.714 entity_f1=0.787 entity_dups=1 relation_p=0.750 relation_r=0.571 relation_f1=0.649 cameo_acc=0.500 type_acc=0.857 static_r=0.500 event_r=0.750"; got != want {
		t.Errorf("Summary of one folder:\n got %s\nwant %s", got, want)
	}
	if s.Articles != 2 {
		t.Errorf("Articles = %d, want 2", s.Articles)
	}
}

func TestOptionalItems(t *testing.T) {
	gold := Gold{ID: "opt",
		Entities: []GoldEntity{{Name: "Hamas", Type: "Organization"}, {Name: "Gaza", Type: "Location", Optional: true}},
		Relations: []GoldRelation{
			{Subject: []string{"Hamas"}, Object: []string{"Gaza"}, Predicates: []string{"control"}, CAMEO: []string{"19"}, Optional: true},
		}}
	// Producing nothing optional costs no recall.
	none := Score(graph.Graph{Entities: []graph.Entity{{ID: "h", Type: "Organization", Name: "Hamas"}}}, gold)
	if none.EntityRecall() != 1 || none.GoldRelations != 0 || none.RelationRecall() != 0 || len(none.Missed) != 0 {
		t.Errorf("without optional items: %+v", none.Counts)
	}
	// Producing them counts as correct.
	sys := graph.Graph{
		Entities:  []graph.Entity{{ID: "h", Type: "Organization", Name: "Hamas"}, {ID: "g", Type: "Location", Name: "Gaza"}},
		Relations: []graph.Relation{{SubjectID: "h", ObjectID: "g", Predicate: "control", Relation: "OCCUPIES", CAMEO: "1"}},
	}
	some := Score(sys, gold)
	if some.EntityPrecision() != 1 || some.RelationPrecision() != 1 || some.MatchedEvents != 1 || some.CorrectCAMEO != 0 {
		t.Errorf("with optional items: %+v", some.Counts)
	}
}

func TestResolvePrefersCanonicalNameThenType(t *testing.T) {
	ix := newGoldIndex(Gold{Entities: []GoldEntity{
		{Name: "Kyiv", Type: "Location"},
		{Name: "Ukraine", Type: "Country", Aliases: []string{"Kyiv"}},
	}})
	for _, c := range []struct {
		typ, name string
		aliases   []string
		want      int
	}{
		{"Country", "Ukraine", []string{"Kyiv"}, 1}, // canonical name decides
		{"Location", "Kyiv", nil, 0},                // both have "kyiv": type decides
		{"Country", "Kyiv", nil, 1},
		{"Person", "Kyiv", nil, 0}, // full tie: first in the gold file
		{"Country", "Kiev", nil, -1},
	} {
		if got := ix.resolve(c.typ, c.name, c.aliases).gold; got != c.want {
			t.Errorf("resolve(%s %s %v) = %d, want %d", c.typ, c.name, c.aliases, got, c.want)
		}
	}
}

func TestContainsPhraseAndStaticType(t *testing.T) {
	for _, c := range []struct {
		pred, lemma string
		want        bool
	}{
		{"supply weapon", "supply", true},
		{"warn", "arm", false},
		{"rule out dialogue", "rule out", true},
		{"be part of", "part of", true},
		{"call", "call for", false},
		{"express gratitude", "", false},
	} {
		if got := containsPhrase(c.pred, c.lemma); got != c.want {
			t.Errorf("containsPhrase(%q, %q) = %v, want %v", c.pred, c.lemma, got, c.want)
		}
	}
	for in, want := range map[string]string{"works for": Affiliation, "SPOKESPERSON_FOR": Affiliation, "member-of": MemberOf,
		"PART_OF": PartOf, "located_in": LocatedIn, "SUPPLIES": "", "": ""} {
		if got := StaticType(in); got != want {
			t.Errorf("StaticType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadGold(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "art-1.json")
	content := `{"published": null, "entities": [{"name": "Russia", "type": "Country", "aliases": ["Moscow"], "demonyms": ["Russian"]}],
	 "relations": [{"subject": ["Russia"], "object": ["Russia"], "predicates": ["x"], "cameo": ["19", "PART_OF"], "negated": true, "optional": true, "role": "r"}]}`
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := LoadGold(path)
	if err != nil {
		t.Fatal(err)
	}
	want := Gold{ID: "art-1",
		Entities:  []GoldEntity{{Name: "Russia", Type: "Country", Aliases: []string{"Moscow"}, Demonyms: []string{"Russian"}}},
		Relations: []GoldRelation{{Subject: []string{"Russia"}, Object: []string{"Russia"}, Predicates: []string{"x"}, CAMEO: []string{"19", "PART_OF"}, Negated: true, Optional: true, Role: "r"}},
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("LoadGold:\n got %+v\nwant %+v", g, want)
	}

	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"entities": [], "relations": [{"subject": ["A"], "object": ["B"], "cameo": ["WORKS_FOR"], "evidence": "e"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadGold(bad)
	if err == nil || !strings.Contains(err.Error(), `bad.json: relation 1 ("e"): cameo "WORKS_FOR" is neither CAMEO digits nor a static type`) {
		t.Errorf("LoadGold(bad) = %v", err)
	}
}

// TestDevGoldScoresItselfPerfectly turns every dev gold graph into a system
// graph and checks that the scorer gives it full marks.
func TestDevGoldScoresItselfPerfectly(t *testing.T) {
	dir := fixtures.Shared(t, "eval/dev")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(paths) == 0 {
		t.Skipf("no gold files in %s", dir)
	}
	for _, p := range paths {
		gold, err := LoadGold(p)
		if err != nil {
			t.Fatal(err)
		}
		var sys graph.Graph
		ids := map[string]string{}
		for _, e := range gold.Entities {
			id := graph.EntityID(e.Type, e.Name)
			ids[e.Name] = id
			sys.Entities = append(sys.Entities, graph.Entity{ID: id, Type: e.Type, Name: e.Name, Aliases: e.Aliases})
		}
		for _, r := range gold.Relations {
			rel := graph.Relation{SubjectID: ids[r.Subject[0]], Subject: r.Subject[0], ObjectID: ids[r.Object[0]], Object: r.Object[0],
				Predicate: r.Predicates[0], Negated: r.Negated}
			if isStaticType(r.CAMEO[0]) {
				rel.Relation = r.CAMEO[0]
			} else {
				rel.Relation, rel.CAMEO = "EVENT", r.CAMEO[0]+"0"
			}
			sys.Relations = append(sys.Relations, rel)
		}
		a := Score(sys, gold)
		if a.EntityPrecision() != 1 || a.EntityRecall() != 1 || a.Duplicates != 0 || a.TypeAccuracy() != 1 ||
			a.RelationPrecision() != 1 || a.RelationRecall() != 1 || a.CAMEOAccuracy() != 1 {
			t.Errorf("%s scored against itself: %s\n%s", p, a.Line(), strings.Join(a.Details(), "\n"))
		}
	}
}
