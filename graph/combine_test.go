package graph

import (
	"reflect"
	"testing"
)

// shardDocs are one-document graphs with everything whose merge could
// depend on order: a surname alone and the full name in other documents,
// two transliterations of one name, one entity named in two cases, a
// country given in one document only, a place that two documents resolve
// to two entries of equal confidence, and one text under two paths.
func shardDocs() []Graph {
	ru := Entity{ID: EntityID("Country", "Russia"), Type: "Country", Name: "Russia", Country: "RUS"}
	person := func(name string) Entity { return Entity{ID: EntityID("Person", name), Type: "Person", Name: name} }
	navy := func(name, country string) Entity {
		return Entity{ID: EntityID("Organization", "navy"), Type: "Organization", Name: name, Country: country, Aliases: []string{name}}
	}
	tripoli := func(geonames uint32) Entity {
		return Entity{ID: EntityID("Location", "Tripoli"), Type: "Location", Name: "Tripoli",
			Geo: &Geo{GeoNamesID: geonames, Lat: 1, Lon: 2, FeatureClass: "P", Confidence: 0.5}}
	}
	doc := func(id, published string, e Entity, more ...Entity) Graph {
		ents := append([]Entity{e, ru}, more...)
		offsets := map[string][]int{e.ID: {0}, ru.ID: {10}}
		for i, m := range more {
			offsets[m.ID] = []int{20 + 10*i}
		}
		return docGraph(id, published, ents, offsets, "warn")
	}
	dup := doc("d1", "2024-01-05", person("Oleksandr Marchenko"))
	dup.Documents[0].Path = "elsewhere/d1.txt"
	return []Graph{
		doc("d1", "2024-01-05", person("Oleksandr Marchenko")),
		doc("d2", "2024-01-03", person("Marchenko"), navy("navy", "")),
		doc("d3", "2024-01-04", person("Sergey Ryabkov"), tripoli(266826)),
		doc("d4", "2024-01-06", person("Sergei Ryabkov"), tripoli(2210247), navy("Navy", "UKR")),
		doc("d5", "2024-01-02", person("Ryabkov")),
		dup,
	}
}

// TestCombineIsOrderFree: combining the documents in one step, in any
// order, or first into shards of any grouping and then the shards in any
// order, gives the same graph.
func TestCombineIsOrderFree(t *testing.T) {
	docs := shardDocs()
	want := Combine(docs...)
	// The combination links what the test is about.
	names := map[string]Entity{}
	for _, e := range want.Entities {
		names[e.Name] = e
	}
	if _, ok := names["Marchenko"]; ok || names["Oleksandr Marchenko"].Documents != 2 {
		t.Fatalf("Marchenko not linked: %+v", want.Entities)
	}
	if r := names["Sergei Ryabkov"]; r.Documents != 3 || len(names) != 5 {
		t.Fatalf("Ryabkov not one person: %+v", want.Entities)
	}
	if n := names["Navy"]; n.Country != "UKR" || !reflect.DeepEqual(n.Aliases, []string{"Navy", "navy"}) {
		t.Errorf("navy = %+v", n)
	}
	if p := names["Tripoli"]; p.Geo.GeoNamesID != 266826 {
		t.Errorf("Tripoli = %+v, want the lower GeoNames id of two as sure", p.Geo)
	}
	if d := want.Documents[0]; d.Path != "d1.txt" || len(want.Documents) != 5 {
		t.Errorf("documents = %+v, want d1 from d1.txt", want.Documents)
	}

	n := 0
	permute(len(docs), func(order []int) {
		n++
		ordered := make([]Graph, len(order))
		for i, o := range order {
			ordered[i] = docs[o]
		}
		if got := Combine(ordered...); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %v: %+v\nwant %+v", order, got, want)
		}
		// Two and three shards at every cut of one order in seven,
		// combined last to first.
		if n%7 != 0 {
			return
		}
		for i := 1; i < len(ordered); i++ {
			for j := i; j < len(ordered); j++ {
				shards := []Graph{Combine(ordered[j:]...), Combine(ordered[i:j]...), Combine(ordered[:i]...)}
				if got := Combine(shards...); !reflect.DeepEqual(got, want) {
					t.Fatalf("order %v in shards at %d, %d: %+v\nwant %+v", order, i, j, got, want)
				}
				if got := Combine(Combine(shards[0], shards[2]), shards[1]); !reflect.DeepEqual(got, want) {
					t.Fatalf("order %v in shards at %d, %d, regrouped: %+v\nwant %+v", order, i, j, got, want)
				}
			}
		}
	})
}

// permute calls f with every permutation of 0..n-1 (Heap's algorithm).
func permute(n int, f func([]int)) {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	var gen func(k int)
	gen = func(k int) {
		if k == 1 {
			f(p)
			return
		}
		for i := 0; i < k; i++ {
			gen(k - 1)
			if k%2 == 0 {
				p[i], p[k-1] = p[k-1], p[i]
			} else {
				p[0], p[k-1] = p[k-1], p[0]
			}
		}
	}
	gen(n)
}

// TestCombineLinksTwoTransliterationsInOneRun: two spellings of one name in
// one run are one person (they used to trade ids and stay two).
func TestCombineLinksTwoTransliterationsInOneRun(t *testing.T) {
	docs := shardDocs()
	g := Combine(docs[2], docs[3])
	var persons []string
	for _, e := range g.Entities {
		if e.Type == "Person" {
			persons = append(persons, e.Name)
		}
	}
	if !reflect.DeepEqual(persons, []string{"Sergei Ryabkov"}) {
		t.Errorf("persons = %v, want [Sergei Ryabkov]", persons)
	}
}

// TestMergeKeepsOneOfTwoRelationsLinkingMadeOne: two statements of one
// sentence that become one when a partial name is linked leave the same
// relation whichever came first.
func TestMergeKeepsOneOfTwoRelationsLinkingMadeOne(t *testing.T) {
	full := Entity{ID: EntityID("Person", "Oleksandr Marchenko"), Type: "Person", Name: "Oleksandr Marchenko"}
	part := Entity{ID: EntityID("Person", "Marchenko"), Type: "Person", Name: "Marchenko"}
	ru := Entity{ID: EntityID("Country", "Russia"), Type: "Country", Name: "Russia"}
	rel := func(s Entity, confidence float64) Relation {
		r := Relation{SubjectID: s.ID, Subject: s.Name, Relation: "WARNS", CAMEO: "130", ObjectID: ru.ID, Object: ru.Name,
			Predicate: "warn", DocumentID: "d1", Confidence: confidence}
		r.ID = RelationID(r)
		return r
	}
	g := docGraph("d1", "2024-01-01", []Entity{full, part, ru}, map[string][]int{full.ID: {0}, part.ID: {30}, ru.ID: {10}}, "")
	a, b := g, g
	a.Relations = []Relation{rel(full, 0.5), rel(part, 0.9)}
	b.Relations = []Relation{rel(part, 0.9), rel(full, 0.5)}
	ga, gb := Combine(a), Combine(b)
	if len(ga.Relations) != 1 || !reflect.DeepEqual(ga, gb) {
		t.Errorf("relations %+v and %+v, want the same one", ga.Relations, gb.Relations)
	}
}
