package graph

import (
	"reflect"
	"strings"
	"testing"
)

// docGraph builds the graph of one document in which each entity of names is
// mentioned once per listed offset, plus one relation from the first entity
// to the second.
func docGraph(docID, published string, ents []Entity, offsets map[string][]int, predicate string) Graph {
	g := Graph{Documents: []Document{{ID: docID, Path: docID + ".txt", Published: published, Sentences: 2}}}
	g.Entities = ents
	for _, e := range ents {
		for _, off := range offsets[e.ID] {
			g.Mentions = append(g.Mentions, Mention{EntityID: e.ID, DocumentID: docID, Start: off, End: off + 2, Text: e.Name})
		}
	}
	if predicate != "" {
		r := Relation{SubjectID: ents[0].ID, Subject: ents[0].Name, ObjectID: ents[1].ID, Object: ents[1].Name,
			Predicate: predicate, Relation: "SUPPLIES", CAMEO: "070", DocumentID: docID}
		r.ID = RelationID(r)
		g.Relations = []Relation{r}
	}
	return g
}

func TestMergeUnionsEntitiesAndRecomputesCounts(t *testing.T) {
	us := EntityID("Country", "United States")
	ua := EntityID("Country", "Ukraine")
	a := docGraph("da", "2022-03-12",
		[]Entity{{ID: us, Type: "Country", Name: "United States", Aliases: []string{"U.S.", "United States"}, Country: "USA"},
			{ID: ua, Type: "Country", Name: "Ukraine", Aliases: []string{"Ukraine"}}},
		map[string][]int{us: {10, 0}, ua: {20}}, "supply")
	b := docGraph("db", "2022-03-10",
		[]Entity{{ID: us, Type: "Country", Name: "United States", Aliases: []string{"America"}, Roles: []string{"donor"}},
			{ID: ua, Type: "Country", Name: "Ukraine", Aliases: []string{"Kyiv"}}},
		map[string][]int{us: {5}}, "provide")

	got := Merge(a, b)

	wantEntities := []Entity{
		{ID: ua, Type: "Country", Name: "Ukraine", Aliases: []string{"Kyiv", "Ukraine"}, Mentions: 1, Documents: 1, FirstSeen: "2022-03-12"},
		{ID: us, Type: "Country", Name: "United States", Aliases: []string{"America", "U.S.", "United States"}, Country: "USA",
			Mentions: 3, Documents: 2, Roles: []string{"donor"}, FirstSeen: "2022-03-10"},
	}
	if ua > us {
		wantEntities[0], wantEntities[1] = wantEntities[1], wantEntities[0]
	}
	if !reflect.DeepEqual(got.Entities, wantEntities) {
		t.Errorf("entities:\n got %+v\nwant %+v", got.Entities, wantEntities)
	}
	if len(got.Documents) != 2 || got.Documents[0].ID != "da" || got.Documents[1].ID != "db" {
		t.Errorf("documents = %+v, want da, db", got.Documents)
	}
	var starts []int
	for _, m := range got.Mentions {
		starts = append(starts, m.Start)
	}
	if want := []int{0, 10, 20, 5}; !reflect.DeepEqual(starts, want) {
		t.Errorf("mention starts = %v, want %v (by document, then start)", starts, want)
	}
	if len(got.Relations) != 2 || got.Relations[0].ID > got.Relations[1].ID {
		t.Errorf("relations = %+v, want 2 sorted by id", got.Relations)
	}
}

func TestMergeReingestReplacesDocument(t *testing.T) {
	us := EntityID("Country", "United States")
	ua := EntityID("Country", "Ukraine")
	ru := EntityID("Country", "Russia")
	ents := []Entity{{ID: us, Type: "Country", Name: "United States"}, {ID: ua, Type: "Country", Name: "Ukraine"}}
	first := Merge(Graph{}, docGraph("da", "2022-03-12",
		append(ents, Entity{ID: ru, Type: "Country", Name: "Russia"}),
		map[string][]int{us: {0}, ua: {10}, ru: {30}}, "supply"))

	// The same document again, re-extracted: Russia is gone, the relation changed.
	again := docGraph("da", "2022-03-12", ents, map[string][]int{us: {0}, ua: {10}}, "provide")
	got := Merge(first, again)

	if len(got.Documents) != 1 {
		t.Errorf("documents = %d, want 1", len(got.Documents))
	}
	if len(got.Mentions) != 2 {
		t.Errorf("mentions = %d, want 2 (old ones replaced)", len(got.Mentions))
	}
	if len(got.Relations) != 1 || got.Relations[0].Predicate != "provide" {
		t.Errorf("relations = %+v, want only the re-extracted one", got.Relations)
	}
	for _, e := range got.Entities {
		if e.ID == ru {
			t.Errorf("Russia kept with no mention or relation: %+v", e)
		}
	}
	if len(got.Entities) != 2 {
		t.Errorf("entities = %d, want 2", len(got.Entities))
	}

	// Idempotent: merging the same document once more changes nothing.
	if twice := Merge(got, again); !reflect.DeepEqual(twice, got) {
		t.Errorf("second merge changed the graph:\n got %+v\nwant %+v", twice, got)
	}
}

// TestMergeKeepsTheNameThatSortsFirst: of two names of one entity the one
// that sorts first is kept, whichever graph has it, and relations follow.
func TestMergeKeepsTheNameThatSortsFirst(t *testing.T) {
	id := EntityID("Country", "US")
	ua := EntityID("Country", "Ukraine")
	base := Graph{Entities: []Entity{{ID: id, Type: "Country", Name: "U.S."}}}
	add := docGraph("da", "", []Entity{{ID: id, Type: "Country", Name: "US", Country: "USA"}, {ID: ua, Type: "Country", Name: "Ukraine"}},
		map[string][]int{id: {0}, ua: {5}}, "supply")
	got := Merge(base, add)
	var e Entity
	for _, x := range got.Entities {
		if x.ID == id {
			e = x
		}
	}
	if e.Name != "U.S." || !reflect.DeepEqual(e.Aliases, []string{"US"}) || e.Country != "USA" || e.FirstSeen != "" {
		t.Errorf("merged entity = %+v, want name U.S., aliases [US], country USA, no first_seen", e)
	}
	if got.Relations[0].Subject != "U.S." {
		t.Errorf("relation subject = %q, want the kept canonical name U.S.", got.Relations[0].Subject)
	}
	if add.Relations[0].Subject != "US" || base.Entities[0].Aliases != nil {
		t.Errorf("Merge modified its arguments: %+v %+v", add.Relations[0], base.Entities[0])
	}
	base.Entities[0].Name, add.Entities[0].Name = "US", "U.S."
	add.Relations[0].Subject = "U.S."
	if again := Merge(base, add); !reflect.DeepEqual(again, got) {
		t.Errorf("with the names the other way round:\n got %+v\nwant %+v", again, got)
	}
}

func TestMergeDeduplicates(t *testing.T) {
	us := EntityID("Country", "United States")
	ua := EntityID("Country", "Ukraine")
	g := docGraph("da", "", []Entity{{ID: us, Type: "Country", Name: "United States"}, {ID: ua, Type: "Country", Name: "Ukraine"}},
		map[string][]int{us: {0, 0}, ua: {4}}, "supply")
	g.Relations = append(g.Relations, g.Relations[0])
	got := Merge(Graph{}, g)
	if len(got.Mentions) != 2 || len(got.Relations) != 1 {
		t.Errorf("mentions = %d, relations = %d; want 2 and 1", len(got.Mentions), len(got.Relations))
	}
	if got.Entities[0].Mentions+got.Entities[1].Mentions != 2 {
		t.Errorf("entity mention counts = %+v, want 1 each", got.Entities)
	}
}

func TestMergeLinksPersonsAcrossDocuments(t *testing.T) {
	full := Entity{ID: EntityID("Person", "Sergey Ryabkov"), Type: "Person", Name: "Sergey Ryabkov"}
	short := Entity{ID: EntityID("Person", "Ryabkov"), Type: "Person", Name: "Ryabkov"}
	variant := Entity{ID: EntityID("Person", "Sergei Ryabkov"), Type: "Person", Name: "Sergei Ryabkov"}
	us := Entity{ID: EntityID("Country", "United States"), Type: "Country", Name: "United States"}
	doc := func(id string, e Entity) Graph {
		r := Relation{SubjectID: e.ID, Subject: e.Name, Relation: "WARNS", ObjectID: us.ID, Object: us.Name, CAMEO: "130", DocumentID: id}
		r.ID = RelationID(r)
		return Graph{
			Documents: []Document{{ID: id}},
			Entities:  []Entity{e, us},
			Mentions:  []Mention{{EntityID: e.ID, DocumentID: id, Start: 0, End: 7, Text: e.Name}},
			Relations: []Relation{r},
		}
	}
	// The short name first: the later full name takes it over.
	g := Merge(Merge(Merge(Graph{}, doc("d1", short)), doc("d2", full)), doc("d3", variant))
	var persons []Entity
	for _, e := range g.Entities {
		if e.Type == "Person" {
			persons = append(persons, e)
		}
	}
	// Of the two transliterations, the one that sorts first is the person.
	if len(persons) != 1 || persons[0].ID != variant.ID || persons[0].Mentions != 3 || persons[0].Documents != 3 {
		t.Fatalf("persons = %+v, want one Sergei Ryabkov with 3 mentions in 3 documents", persons)
	}
	if got := strings.Join(persons[0].Aliases, "|"); got != "Ryabkov|Sergey Ryabkov" {
		t.Errorf("aliases = %q", got)
	}
	for _, r := range g.Relations {
		if r.SubjectID != variant.ID || r.Subject != "Sergei Ryabkov" || r.ID != RelationID(r) {
			t.Errorf("relation not re-pointed: %+v", r)
		}
	}
	// Two persons with the surname: "Ryabkov" stays apart.
	other := Entity{ID: EntityID("Person", "Andrei Ryabkov"), Type: "Person", Name: "Andrei Ryabkov"}
	g = Merge(Merge(Merge(Graph{}, doc("d1", full)), doc("d2", other)), doc("d3", short))
	if n := len(g.Entities); n != 4 {
		t.Errorf("%d entities, want 4 (two Ryabkovs, the short name, the United States)", n)
	}
}

func TestConcatThenMergeEqualsMergingOneByOne(t *testing.T) {
	ru := Entity{ID: EntityID("Country", "Russia"), Type: "Country", Name: "Russia", Aliases: []string{"Russia"}}
	ua := Entity{ID: EntityID("Country", "Ukraine"), Type: "Country", Name: "Ukraine", Aliases: []string{"Kyiv"}}
	g1 := docGraph("d1", "2022-03-12", []Entity{ru, ua}, map[string][]int{ru.ID: {0}, ua.ID: {10}}, "invade")
	g2 := docGraph("d2", "2022-03-10", []Entity{ua, ru}, map[string][]int{ua.ID: {0, 20}, ru.ID: {5}}, "attack")
	once := Merge(Graph{}, Concat(g1, g2))
	byOne := Merge(Merge(Graph{}, g1), g2)
	if !reflect.DeepEqual(once, byOne) {
		t.Errorf("Merge(Concat(g1, g2)) = %+v\nMerge(Merge(g1), g2) = %+v", once, byOne)
	}
}

// TestMergeKeepsTheSurerPlace: articles that resolve one place name apart
// leave the entity with the more confident gazetteer entry, whichever
// graph holds it.
func TestMergeKeepsTheSurerPlace(t *testing.T) {
	id := EntityID("Location", "Tripoli")
	ru := EntityID("Country", "Russia")
	libya := &Geo{GeoNamesID: 2210247, Lat: 32.88, Lon: 13.19, FeatureClass: "P", Confidence: 0.9}
	lebanon := &Geo{GeoNamesID: 266826, Lat: 34.44, Lon: 35.85, FeatureClass: "P", Confidence: 0.5}
	graphOf := func(doc string, g *Geo) Graph {
		return docGraph(doc, "2024-01-0"+doc[1:], []Entity{{ID: ru, Type: "Country", Name: "Russia"}, {ID: id, Type: "Location", Name: "Tripoli", Geo: g}},
			map[string][]int{id: {0}, ru: {5}}, "")
	}
	for _, order := range [][2]*Geo{{libya, lebanon}, {lebanon, libya}} {
		m := Merge(graphOf("d1", order[0]), graphOf("d2", order[1]))
		for _, e := range m.Entities {
			if e.ID == id && (e.Geo == nil || e.Geo.GeoNamesID != libya.GeoNamesID) {
				t.Errorf("merged Tripoli = %+v, want the surer Libyan entry", e.Geo)
			}
		}
	}
}
