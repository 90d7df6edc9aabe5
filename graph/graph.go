// Package graph holds kg's knowledge-graph records (documents, entities,
// mentions, relations), merges the graphs of many documents into one with
// stable content-derived ids, and hands the result to sinks (the CSV
// workspace, Neo4j).
package graph

// Document is one ingested article.
type Document struct {
	ID        string `csv:"id"`        // hex SHA-256 of the text, first 16 chars
	Path      string `csv:"path"`      // file path, "file.jsonl:LINE", or "-" for stdin
	Title     string `csv:"title"`     // from JSONL input, else empty
	URL       string `csv:"url"`       // from JSONL input, else empty
	Published string `csv:"published"` // ISO date (YYYY-MM-DD) or empty
	SHA256    string `csv:"sha256"`    // full hex SHA-256 of the UTF-8 text
	Sentences int    `csv:"sentences"` // number of sentences
}

// Entity is one real-world actor or thing: a node of the graph.
type Entity struct {
	ID        string   `csv:"id"`         // stable: derived from Type and canonical Name
	Type      string   `csv:"type"`       // a schema entity type: Country, Person, ...
	Name      string   `csv:"name"`       // canonical name
	Aliases   []string `csv:"aliases"`    // every surface form seen, sorted; CSV joins with "|"
	Country   string   `csv:"country"`    // ISO 3166-1 alpha-3 when the entity is or belongs to a state
	Mentions  int      `csv:"mentions"`   // number of mentions over all documents
	Documents int      `csv:"documents"`  // number of documents that mention it
	Roles     []string `csv:"roles"`      // titles and roles seen ("deputy foreign minister"); CSV joins with "|"
	FirstSeen string   `csv:"first_seen"` // earliest publication date of a document mentioning it
}

// Mention is one occurrence of an entity in a document.
type Mention struct {
	EntityID      string `csv:"entity_id"`
	DocumentID    string `csv:"document_id"`
	SentenceIndex int    `csv:"sentence_index"` // 0-based sentence number in the document
	Start         int    `csv:"start"`          // character (rune) offset in the document text
	End           int    `csv:"end"`            // character (rune) offset, exclusive
	Text          string `csv:"text"`
}

// Relation is one statement "subject acts toward / relates to object": an edge.
type Relation struct {
	ID            string  `csv:"id"` // stable: derived from document, sentence, ends and relation
	SubjectID     string  `csv:"subject_id"`
	Subject       string  `csv:"subject"`   // subject entity's canonical name
	Predicate     string  `csv:"predicate"` // normalized verb phrase: "supply weapon"
	Relation      string  `csv:"relation"`  // schema relation type: WARNS, SUPPLIES, AFFILIATION, RELATED_TO
	ObjectID      string  `csv:"object_id"`
	Object        string  `csv:"object"`
	CAMEO         string  `csv:"cameo"`      // CAMEO event code (3-4 digits); empty for static relations
	QuadClass     int     `csv:"quad_class"` // 1-4 for events, 0 (written empty) for static relations
	Goldstein     float64 `csv:"goldstein"`  // -10..10 for events (written empty for static relations)
	Negated       bool    `csv:"negated"`
	Date          string  `csv:"date"` // ISO date when known
	DocumentID    string  `csv:"document_id"`
	SentenceIndex int     `csv:"sentence_index"`
	Sentence      string  `csv:"sentence"`   // the sentence that states it
	Confidence    float64 `csv:"confidence"` // 0..1, see docs/relations.md

	DateSource string `csv:"date_source"` // "text" when the sentence fixes the date, "published" otherwise
	Modality   string `csv:"modality"`    // asserted, possible, future, conditional
	Source     string `csv:"source"`      // who reported it (speaker of reported speech), canonical name
	Role       string `csv:"role"`        // for AFFILIATION: "deputy foreign minister"
	Instrument string `csv:"instrument"`  // item supplied/used: "anti-tank missiles"
}

// Graph is a set of records, either one document's extraction or a merged corpus.
type Graph struct {
	Documents []Document
	Entities  []Entity
	Mentions  []Mention
	Relations []Relation
}
