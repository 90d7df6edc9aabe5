package neo4jsink

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// step is one kind of write: a fixed Cypher statement that UNWINDs $rows,
// and the rows it is run with, batch by batch.
type step struct {
	what   string // for errors: "documents", "Country entities", "SUPPLIES relations"
	cypher string
	rows   []any // each a map[string]any
}

// Load writes g into the configured Neo4j: it checks that every label and
// relationship type is in the schema vocabulary (before connecting), checks
// the connection and credentials, creates the constraints of
// schema.Constraints if absent, then merges documents, entities, MENTIONED_IN
// links and relations in batches of cfg.BatchSize rows, each batch one
// managed write transaction.
func Load(ctx context.Context, cfg Config, vocab *schema.Schema, g graph.Graph) error {
	steps, err := plan(vocab, g)
	if err != nil {
		return err
	}
	driver, err := connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer driver.Close(ctx)
	session := driver.NewSession(ctx, cfg.sessionConfig(neo4j.AccessModeWrite))
	defer session.Close(ctx)

	for _, c := range schema.Constraints() {
		if err := write(ctx, session, c, nil); err != nil {
			return cfg.errorf("create constraints: %w", err)
		}
	}
	size := cfg.batchSize()
	for _, s := range steps {
		for start := 0; start < len(s.rows); start += size {
			end := min(start+size, len(s.rows))
			params := map[string]any{"rows": s.rows[start:end]}
			if err := write(ctx, session, s.cypher, params); err != nil {
				return cfg.errorf("load %s %d-%d of %d: %w", s.what, start+1, end, len(s.rows), err)
			}
		}
	}
	return nil
}

// write runs one statement in a managed write transaction, which the driver
// retries on transient failures.
func write(ctx context.Context, session neo4j.SessionWithContext, cypher string, params map[string]any) error {
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	return err
}

// plan validates g and turns it into the ordered write steps: documents,
// entities by type, MENTIONED_IN links, relations by type. Labels and
// relationship types are spliced into the Cypher only after they were
// checked against the vocabulary of vocab.
func plan(vocab *schema.Schema, g graph.Graph) ([]step, error) {
	docs := make(map[string]bool, len(g.Documents))
	var docRows []any
	for _, d := range g.Documents {
		if d.ID == "" {
			return nil, fmt.Errorf("document %q has no id", d.Path)
		}
		docs[d.ID] = true
		docRows = append(docRows, documentRow(d))
	}
	steps := []step{{
		what:   "documents",
		cypher: "UNWIND $rows AS row MERGE (d:Document {id: row.id}) SET d = row",
		rows:   docRows,
	}}

	entities := make(map[string]bool, len(g.Entities))
	byType := map[string][]any{}
	for _, e := range g.Entities {
		if e.ID == "" {
			return nil, fmt.Errorf("entity %q has no id", e.Name)
		}
		if !schema.ValidEntityType(e.Type) {
			return nil, fmt.Errorf("entity %s (%q): type %q is not a schema entity type", e.ID, e.Name, e.Type)
		}
		entities[e.ID] = true
		byType[e.Type] = append(byType[e.Type], entityRow(e))
	}
	for _, t := range schema.EntityTypes() {
		if rows := byType[string(t)]; len(rows) > 0 {
			steps = append(steps, step{
				what:   string(t) + " entities",
				cypher: "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) SET e = row, e:" + string(t),
				rows:   rows,
			})
		}
	}

	type link struct{ entity, doc string }
	counts := map[link]int{}
	for _, m := range g.Mentions {
		if !entities[m.EntityID] || !docs[m.DocumentID] {
			return nil, fmt.Errorf("mention %q: entity %s or document %s is not in the graph", m.Text, m.EntityID, m.DocumentID)
		}
		counts[link{m.EntityID, m.DocumentID}]++
	}
	links := make([]link, 0, len(counts))
	for l := range counts {
		links = append(links, l)
	}
	slices.SortFunc(links, func(a, b link) int {
		return cmp.Or(cmp.Compare(a.entity, b.entity), cmp.Compare(a.doc, b.doc))
	})
	mentionRows := make([]any, len(links))
	for i, l := range links {
		mentionRows[i] = map[string]any{"entity_id": l.entity, "document_id": l.doc, "count": counts[l]}
	}
	steps = append(steps, step{
		what: "MENTIONED_IN links",
		cypher: "UNWIND $rows AS row " +
			"MATCH (e:Entity {id: row.entity_id}) MATCH (d:Document {id: row.document_id}) " +
			"MERGE (e)-[m:MENTIONED_IN]->(d) SET m.count = row.count",
		rows: mentionRows,
	})

	byRelation := map[string][]any{}
	for _, r := range g.Relations {
		if r.ID == "" {
			return nil, fmt.Errorf("relation %s -%s-> %s has no id", r.SubjectID, r.Relation, r.ObjectID)
		}
		if !vocab.ValidRelation(r.Relation) {
			return nil, fmt.Errorf("relation %s: type %q is not in the schema vocabulary", r.ID, r.Relation)
		}
		if !entities[r.SubjectID] || !entities[r.ObjectID] {
			return nil, fmt.Errorf("relation %s: subject %s or object %s is not in the graph", r.ID, r.SubjectID, r.ObjectID)
		}
		byRelation[r.Relation] = append(byRelation[r.Relation], relationRow(r))
	}
	names := make([]string, 0, len(byRelation))
	for name := range byRelation {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		steps = append(steps, step{
			what: name + " relations",
			cypher: "UNWIND $rows AS row " +
				"MATCH (s:Entity {id: row.subject_id}) MATCH (o:Entity {id: row.object_id}) " +
				"MERGE (s)-[r:" + name + " {id: row.id}]->(o) SET r = row",
			rows: byRelation[name],
		})
	}
	return steps, nil
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
	for k, v := range map[string]string{
		"subject":      r.Subject,
		"predicate":    r.Predicate,
		"object":       r.Object,
		"cameo":        r.CAMEO,
		"date":         r.Date,
		"document_id":  r.DocumentID,
		"sentence":     r.Sentence,
		"date_source":  r.DateSource,
		"modality":     r.Modality,
		"source":       r.Source,
		"role":         r.Role,
		"instrument":   r.Instrument,
		"rule":         r.Rule,
		"place_id":     r.PlaceID,
		"place":        r.Place,
		"place_source": r.PlaceSource,
	} {
		putString(row, k, v)
	}
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
