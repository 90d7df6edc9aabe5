// Package graph holds kg's knowledge-graph records (documents, entities,
// mentions, relations), derives their stable content-based ids, and merges
// the graph of new documents into an existing one.
//
// Ids depend only on content, never on run order: a document's id is a
// prefix of the SHA-256 of its text, an entity's id hashes its type and
// normalized canonical name (see NormalizeName), and a relation's id hashes
// the fields that make it one statement of one sentence. Merge sorts its
// output, so ingesting the same inputs twice yields the same bytes.
//
// The CSV layout of these records is defined by package graph/csvws and
// documented in docs/workspace.md.
package graph

// Document is one ingested article.
type Document struct {
	ID        string // DocumentID of the text: first 16 hex digits of its SHA-256
	Path      string // file path, "file.jsonl:LINE", or "-" for stdin
	Title     string // from JSONL input, else empty
	URL       string // from JSONL input, else empty
	Published string // ISO date (YYYY-MM-DD) or empty
	SHA256    string // full hex SHA-256 of the UTF-8 text
	Sentences int    // number of sentences
}

// Entity is one real-world actor or thing: a node of the graph.
type Entity struct {
	ID        string   // EntityID of Type and Name
	Type      string   // a schema entity type: Country, Person, ...
	Name      string   // canonical name
	Aliases   []string // every surface form seen, sorted
	Country   string   // ISO 3166-1 alpha-3 when the entity is or belongs to a state
	Mentions  int      // number of mentions over all documents (Merge recomputes it)
	Documents int      // number of documents that mention it (Merge recomputes it)
	Roles     []string // titles and roles seen ("deputy foreign minister"), sorted
	FirstSeen string   // earliest publication date of a document mentioning it (Merge recomputes it)

	// Geo is where a Location is, from the world gazetteer (docs/geo.md);
	// nil for other entities and for places it does not know.
	Geo *Geo
}

// Geo is a gazetteer entry: a GeoNames id and its point.
type Geo struct {
	GeoNamesID   uint32
	Lat, Lon     float64 // WGS84 degrees
	FeatureClass string  // GeoNames feature class: "P" populated place, "A" first-level division
	Confidence   float64 // 0..1: how sure the choice among homonyms is
}

// Mention is one occurrence of an entity in a document.
type Mention struct {
	EntityID      string
	DocumentID    string
	SentenceIndex int    // 0-based sentence number in the document
	Start         int    // character (rune) offset in the document text
	End           int    // character (rune) offset, exclusive
	Text          string // the text as written
}

// Relation is one statement "subject acts toward / relates to object": an edge.
type Relation struct {
	ID            string // RelationID of the relation
	SubjectID     string
	Subject       string // subject entity's canonical name
	Predicate     string // normalized verb phrase: "supply weapon"
	Relation      string // schema relation type: WARNS, SUPPLIES, AFFILIATION, RELATED_TO
	ObjectID      string
	Object        string // object entity's canonical name
	CAMEO         string // CAMEO event code (2-4 digits); empty for static relations
	QuadClass     int    // 1-4 for events; unused (0) for static relations
	Goldstein     float64
	Negated       bool
	Date          string // ISO date when known
	DocumentID    string
	SentenceIndex int
	Sentence      string  // the sentence that states it
	Confidence    float64 // 0..1, see docs/relations.md

	DateSource string // "text" when the sentence fixes the date, "published" otherwise
	Modality   string // asserted, possible, future, conditional
	Source     string // who reported it (speaker of reported speech), canonical name
	Role       string // for AFFILIATION: "deputy foreign minister"
	Instrument string // item supplied/used: "anti-tank missiles"
	Rule       string // id of the extraction rule that made it ("relate.verb"; docs/relations.md); not part of ID

	// Where the event happened (docs/geo.md): the place entity's id and
	// name (PlaceID empty for a dateline's city, which is no entity), its
	// gazetteer entry and point, and "text" or "dateline". Empty for
	// static relations and events nothing locates. Not part of ID.
	PlaceID, Place string
	PlaceGeo       *Geo
	PlaceSource    string
}

// Static reports whether r is a static relation (AFFILIATION, PART_OF, ...)
// rather than a CAMEO-coded event: static relations have no CAMEO code, and
// their QuadClass and Goldstein carry no meaning.
func (r Relation) Static() bool { return r.CAMEO == "" }

// Graph is a set of records, either one document's extraction or a merged corpus.
type Graph struct {
	Documents []Document
	Entities  []Entity
	Mentions  []Mention
	Relations []Relation
}
