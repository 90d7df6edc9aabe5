// Package schema is kg's domain vocabulary: entity types, the relation
// vocabulary and its CAMEO coding, the verb/noun lexicon that maps predicates
// to relations, the gazetteers (countries, organizations, government bodies,
// places, weapons, titles) and the Neo4j constraints kg creates.
//
// The knowledge lives in tab-separated data files under data/, with the
// verb constructions of data/constructions.txt, embedded in the binary and
// parsed once by Load. A *Schema is read-only and safe for
// concurrent use. docs/schema.md describes the files and where they came from.
package schema

import (
	"embed"
	"fmt"
	"io/fs"
	"sync"
)

//go:embed data/*.tsv data/words/*.tsv data/constructions.txt
var dataFS embed.FS

// EntityType is the type of a graph node; it is also the node's Neo4j label
// (besides :Entity).
type EntityType string

// The entity types.
const (
	Country      EntityType = "Country"
	Person       EntityType = "Person"
	Organization EntityType = "Organization"
	Location     EntityType = "Location"
	Group        EntityType = "Group"
	Weapon       EntityType = "Weapon"
)

// EntityTypes lists every entity type, in display order.
func EntityTypes() []EntityType {
	return []EntityType{Country, Person, Organization, Location, Group, Weapon}
}

// ValidEntityType reports whether s is one of the entity types (exact spelling).
func ValidEntityType(s string) bool {
	switch EntityType(s) {
	case Country, Person, Organization, Location, Group, Weapon:
		return true
	}
	return false
}

// Constraints returns the Cypher statements that create the uniqueness
// constraints kg relies on for its nodes and the point index of places,
// which distance queries use (docs/geo.md). Each is idempotent (IF NOT
// EXISTS). Schema.RelationConstraints gives those of the relationships.
func Constraints() []string {
	return []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
		"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
		"CREATE POINT INDEX entity_point IF NOT EXISTS FOR (e:Entity) ON (e.point)",
	}
}

// Schema is the parsed vocabulary. Obtain it with Load; it is read-only.
type Schema struct {
	events     map[string]Event
	eventCodes []string // in table order
	actorTypes map[string]ActorType

	relations     map[string]RelationType
	relationOrder []string

	countries     []CountryInfo
	countryByISO3 map[string]int
	orgs          []Org
	bodies        []Body
	places        []Place
	weapons       []WeaponSystem
	titles        []Title

	officeholders      []Officeholder
	officeholderByName map[string][]int // normalized name or alias → officeholders
	trie               *trie            // every gazetteer name, for Match and the lookups

	verbs map[lexKey][]LexEntry
	nouns map[string][]LexEntry
	lexN  int

	wordSets map[string]WordSet

	constructions []Construction
}

// Load parses the embedded data files once and returns the schema. Every call
// returns the same value (or the same error).
func Load() (*Schema, error) { return loadOnce() }

var loadOnce = sync.OnceValues(func() (*Schema, error) {
	data, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("load schema: %w", err)
	}
	s, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("load schema: %w", err)
	}
	return s, nil
})

// Parse reads a schema from fsys, which holds the files of data/ (the TSV
// files and constructions.txt at its root, the word sets under words/). Load parses the embedded
// copy; Parse lets a caller run extraction with another vocabulary, lexicon
// or word sets (a copy of data/ with changes, os.DirFS of a folder).
func Parse(fsys fs.FS) (*Schema, error) {
	s := &Schema{trie: newTrie()}
	steps := []struct {
		file string
		fn   func(*Schema, string) error
	}{
		{"cameo.tsv", (*Schema).parseEvents},
		{"cameo-actor-types.tsv", (*Schema).parseActorTypes},
		{"relations.tsv", (*Schema).parseRelations},
		{"lexicon.tsv", (*Schema).parseLexicon},
		{"countries.tsv", (*Schema).parseCountries},
		{"organizations.tsv", (*Schema).parseOrgs},
		{"bodies.tsv", (*Schema).parseBodies},
		{"places.tsv", (*Schema).parsePlaces},
		{"weapons.tsv", (*Schema).parseWeapons},
		{"titles.tsv", (*Schema).parseTitles},
		{"officeholders.tsv", (*Schema).parseOfficeholders},
	}
	for _, st := range steps {
		b, err := fs.ReadFile(fsys, st.file)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", st.file, err)
		}
		if err := st.fn(s, string(b)); err != nil {
			return nil, err
		}
	}
	if err := s.parseWordSets(fsys); err != nil {
		return nil, err
	}
	// The constructions name relations, codes and word sets: read last.
	b, err := fs.ReadFile(fsys, constructionsFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", constructionsFile, err)
	}
	if err := s.parseConstructions(string(b)); err != nil {
		return nil, err
	}
	return s, nil
}
