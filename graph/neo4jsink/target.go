package neo4jsink

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Names that kg gives the nodes and relationships it owns in Neo4j.
const (
	labelEntity   = "Entity"
	labelDocument = "Document"
	typeMentioned = "MENTIONED_IN"
	// hashKey is the property that holds the fingerprint of a node's or a
	// relation relationship's other properties (see fingerprint).
	hashKey = "kg_hash"
)

// node is one node of the graph as Neo4j must hold it, and what the listing
// of the database found for it.
type node struct {
	label string         // labelDocument, or the entity type (the node is also an :Entity)
	row   map[string]any // its properties, hashKey included
	// Filled by the listing: the element id of the database node that is
	// this node (empty when there is none) and whether its properties differ.
	eid     string
	changed bool
}

// entity reports whether n is an entity (else a document).
func (n *node) entity() bool { return n.label != labelDocument }

// link is a MENTIONED_IN relationship: entity → document, count mentions.
type link struct{ entity, doc string }

// linkState is a link's count and what the listing found for it.
type linkState struct {
	count          int
	found, changed bool
}

// relation is a relation relationship as Neo4j must hold it, and what the
// listing found for it.
type relation struct {
	typ            string // relationship type, a schema relation name
	start, end     string // subject and object entity ids
	row            map[string]any
	found, changed bool
}

// target is the graph as Neo4j must hold it after a load, keyed as the
// listing of the database reports it: nodes by id, relations by relation
// id, links by entity and document. The order slices keep the graph's
// order, so that the writes are the same from one run to the next.
type target struct {
	nodes     map[string]*node
	nodeOrder []string
	links     map[link]*linkState
	linkOrder []link
	relations map[string]*relation
	relOrder  []string
	// shard is set for a shard load (Config.Shard): the listing covers
	// only the graph's own documents and entities, nothing is deleted
	// outside them, and entities are merged with what other loads wrote.
	shard bool
}

// newTarget validates g and returns its target. Every label and
// relationship type is checked against the schema vocabulary here, before
// anything is written; only such checked names are later spliced into
// Cypher.
func newTarget(vocab *schema.Schema, g graph.Graph) (*target, error) {
	t := &target{
		nodes:     make(map[string]*node, len(g.Documents)+len(g.Entities)),
		relations: make(map[string]*relation, len(g.Relations)),
	}
	add := func(id string, n *node) error {
		if t.nodes[id] != nil {
			return fmt.Errorf("two nodes with id %s", id)
		}
		n.row[hashKey] = fingerprint(n.row)
		t.nodes[id] = n
		t.nodeOrder = append(t.nodeOrder, id)
		return nil
	}
	for _, d := range g.Documents {
		if d.ID == "" {
			return nil, fmt.Errorf("document %q has no id", d.Path)
		}
		if err := add(d.ID, &node{label: labelDocument, row: documentRow(d)}); err != nil {
			return nil, err
		}
	}
	for _, e := range g.Entities {
		if e.ID == "" {
			return nil, fmt.Errorf("entity %q has no id", e.Name)
		}
		if !schema.ValidEntityType(e.Type) {
			return nil, fmt.Errorf("entity %s (%q): type %q is not a schema entity type", e.ID, e.Name, e.Type)
		}
		if err := add(e.ID, &node{label: e.Type, row: entityRow(e)}); err != nil {
			return nil, err
		}
	}

	t.links = make(map[link]*linkState)
	for _, m := range g.Mentions {
		e, d := t.nodes[m.EntityID], t.nodes[m.DocumentID]
		if e == nil || d == nil || !e.entity() || d.entity() {
			return nil, fmt.Errorf("mention %q: entity %s or document %s is not in the graph", m.Text, m.EntityID, m.DocumentID)
		}
		l := link{m.EntityID, m.DocumentID}
		if s := t.links[l]; s != nil {
			s.count++
			continue
		}
		t.links[l] = &linkState{count: 1}
		t.linkOrder = append(t.linkOrder, l)
	}
	slices.SortFunc(t.linkOrder, func(a, b link) int {
		return cmp.Or(cmp.Compare(a.entity, b.entity), cmp.Compare(a.doc, b.doc))
	})

	for _, r := range g.Relations {
		if r.ID == "" {
			return nil, fmt.Errorf("relation %s -%s-> %s has no id", r.SubjectID, r.Relation, r.ObjectID)
		}
		if !vocab.ValidRelation(r.Relation) {
			return nil, fmt.Errorf("relation %s: type %q is not in the schema vocabulary", r.ID, r.Relation)
		}
		s, o := t.nodes[r.SubjectID], t.nodes[r.ObjectID]
		if s == nil || o == nil || !s.entity() || !o.entity() {
			return nil, fmt.Errorf("relation %s: subject %s or object %s is not in the graph", r.ID, r.SubjectID, r.ObjectID)
		}
		if t.relations[r.ID] != nil {
			return nil, fmt.Errorf("two relations with id %s", r.ID)
		}
		row := relationRow(r)
		row[hashKey] = fingerprint(row)
		t.relations[r.ID] = &relation{typ: r.Relation, start: r.SubjectID, end: r.ObjectID, row: row}
		t.relOrder = append(t.relOrder, r.ID)
	}
	return t, nil
}

// reset forgets what a listing found, so that a retried listing starts over.
func (t *target) reset() {
	for _, n := range t.nodes {
		n.eid, n.changed = "", false
	}
	for _, l := range t.links {
		l.found, l.changed = false, false
	}
	for _, r := range t.relations {
		r.found, r.changed = false, false
	}
}

// fingerprint returns the first 16 hex digits of the SHA-256 of row's keys
// and typed values in key order: two rows have the same fingerprint when
// they would store the same properties. Stored as the property hashKey, it
// tells a later load whether a node or relationship changed without
// reading its properties back.
func fingerprint(row map[string]any) string {
	keys := make([]string, 0, len(row))
	for k := range row {
		if k != hashKey {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b []byte
	for _, k := range keys {
		b = append(b, k...)
		b = append(b, 0)
		switch v := row[k].(type) {
		case string:
			b = append(b, 's')
			b = append(b, v...)
		case int:
			b = append(b, 'i')
			b = strconv.AppendInt(b, int64(v), 10)
		case int64:
			b = append(b, 'i')
			b = strconv.AppendInt(b, v, 10)
		case float64:
			b = append(b, 'f')
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
		case neo4j.Point2D:
			b = fmt.Appendf(b, "p%d %g %g", v.SpatialRefId, v.X, v.Y)
		case bool:
			b = append(b, 'b')
			b = strconv.AppendBool(b, v)
		case []string:
			b = append(b, 'l')
			b = strconv.AppendInt(b, int64(len(v)), 10)
			for _, s := range v {
				b = append(b, 0)
				b = append(b, s...)
			}
		default: // the row functions below put only the types above
			b = fmt.Appendf(b, "%T%v", v, v)
		}
		b = append(b, 0)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// documentRow is a document's node properties.
func documentRow(d graph.Document) map[string]any {
	row := map[string]any{"id": d.ID, "sentences": d.Sentences}
	putString(row, "path", d.Path)
	putString(row, "title", d.Title)
	putString(row, "url", d.URL)
	putString(row, "published", d.Published)
	putString(row, "sha256", d.SHA256)
	return row
}

// entityRow is an entity's node properties.
func entityRow(e graph.Entity) map[string]any {
	row := map[string]any{
		"id":        e.ID,
		"type":      e.Type,
		"name":      e.Name,
		"aliases":   list(e.Aliases),
		"roles":     list(e.Roles),
		"mentions":  e.Mentions,
		"documents": e.Documents,
	}
	putString(row, "country", e.Country)
	putString(row, "first_seen", e.FirstSeen)
	if e.Geo != nil {
		putGeo(row, e.Geo)
		row["feature_class"] = e.Geo.FeatureClass
		row["geo_confidence"] = e.Geo.Confidence
	}
	return row
}

// putGeo sets a place's GeoNames id, coordinates and point (WGS84,
// Neo4j's srid 4326, x the longitude), which point.distance measures in
// metres.
func putGeo(row map[string]any, g *graph.Geo) {
	row["geonames_id"] = int64(g.GeoNamesID)
	row["lat"], row["lon"] = g.Lat, g.Lon
	row["point"] = neo4j.Point2D{X: g.Lon, Y: g.Lat, SpatialRefId: 4326}
}

// relationRow is a relation's relationship properties: every field of the
// record, with quad_class and goldstein left out for static relations
// (no CAMEO code), as the CSV workspace leaves them empty.
func relationRow(r graph.Relation) map[string]any {
	row := map[string]any{
		"id":             r.ID,
		"subject_id":     r.SubjectID,
		"object_id":      r.ObjectID,
		"relation":       r.Relation,
		"negated":        r.Negated,
		"sentence_index": r.SentenceIndex,
		"confidence":     r.Confidence,
	}
	putString(row, "subject", r.Subject)
	putString(row, "predicate", r.Predicate)
	putString(row, "object", r.Object)
	putString(row, "cameo", r.CAMEO)
	putString(row, "date", r.Date)
	putString(row, "document_id", r.DocumentID)
	putString(row, "sentence", r.Sentence)
	putString(row, "date_source", r.DateSource)
	putString(row, "modality", r.Modality)
	putString(row, "source", r.Source)
	putString(row, "role", r.Role)
	putString(row, "instrument", r.Instrument)
	putString(row, "rule", r.Rule)
	putString(row, "place_id", r.PlaceID)
	putString(row, "place", r.Place)
	putString(row, "place_source", r.PlaceSource)
	if r.PlaceGeo != nil {
		putGeo(row, r.PlaceGeo)
	}
	if r.CAMEO != "" {
		row["quad_class"] = r.QuadClass
		row["goldstein"] = r.Goldstein
	}
	return row
}

// putString sets row[key] unless s is empty: an empty CSV cell means
// "unknown", which in Neo4j is an absent property (found by IS NULL).
func putString(row map[string]any, key, s string) {
	if s != "" {
		row[key] = s
	}
}

// list returns s, or an empty list for nil (which the driver would send as null).
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
