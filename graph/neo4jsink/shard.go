package neo4jsink

import (
	"context"
	"errors"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/graph"
)

// A shard load (Config.Shard, docs/shards.md) lists only what concerns its
// own graph: its documents and entities by id, the MENTIONED_IN links into
// its documents and the relations stated in them. What other loads wrote
// is never listed, so never deleted.
const (
	shardNode      = "RETURN elementId(n) AS eid, labels(n) AS labels, n.id AS id, n." + hashKey + " AS hash"
	listShardNodes = "UNWIND $documents AS id MATCH (n:" + labelDocument + " {id: id}) " + shardNode +
		" UNION ALL UNWIND $entities AS id MATCH (n:" + labelEntity + " {id: id}) " + shardNode
	shardRelationship      = "RETURN elementId(r) AS eid, type(r) AS type, elementId(a) AS a, elementId(b) AS b, r.id AS id, r." + hashKey + " AS hash, "
	listShardRelationships = "UNWIND $documents AS id MATCH (a:" + labelEntity + ")-[r:" + typeMentioned + "]->(b:" + labelDocument + " {id: id}) " +
		shardRelationship + "r.count AS count, size(keys(r)) AS keys" +
		" UNION ALL WITH $documents AS ids MATCH (a:" + labelEntity + ")-[r]->(b:" + labelEntity + ") WHERE r.document_id IN ids " +
		shardRelationship + "null AS count, null AS keys"
)

// shardParams returns the parameters of the shard listing: the ids of the
// target's documents and entities.
func (t *target) shardParams() map[string]any {
	var docs, ents []any
	for _, id := range t.nodeOrder {
		if t.nodes[id].entity() {
			ents = append(ents, id)
		} else {
			docs = append(docs, id)
		}
	}
	return map[string]any{"documents": docs, "entities": ents}
}

// Statements of mergeShardEntities. lockEntities takes each entity's write
// lock (SET, which REMOVE undoes within the transaction) before it reads
// the entity and its links, so that two loads merging one entity take
// turns and the second reads what the first wrote: no update is lost.
const (
	lockEntities = "UNWIND $ids AS id MATCH (e:" + labelEntity + " {id: id}) " +
		"SET e.kg_lock = true REMOVE e.kg_lock " +
		"WITH e OPTIONAL MATCH (e)-[m:" + typeMentioned + "]->(d:" + labelDocument + ") " +
		"RETURN e.id, properties(e), sum(m.count), count(d), min(d.published)"
	writeEntities = "UNWIND $rows AS row MATCH (e:" + labelEntity + " {id: row.id}) SET e = row"
	// staleNames finds the relations of renamed entities that still carry
	// an old subject or object name.
	staleNames = "UNWIND $ids AS id MATCH (e:" + labelEntity + " {id: id})-[r]-() " +
		"WHERE type(r) <> '" + typeMentioned + "' AND ((startNode(r) = e AND r.subject <> e.name) OR (endNode(r) = e AND r.object <> e.name)) " +
		"RETURN DISTINCT elementId(r), properties(r), startNode(r).name, endNode(r).name"
	writeRelationships = "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props"
)

// mergeShardEntities makes each entity of a shard load what the merge of
// every loaded store would make it: its name, aliases, roles, country and
// place joined with what the database holds (graph.JoinEntity), and its
// mentions, documents and first sighting counted from every MENTIONED_IN
// link it has, whichever load wrote them. It runs after the load's links
// are written, batch by batch, each batch one managed write transaction
// (retried whole on transient errors, such as the deadlocks of two loads
// that lock shared entities in another order); the entities of a batch
// are locked before they are read. An entity whose name changes, or that
// the shard names otherwise, has the subject and object names of its
// relations brought up to date in the same transaction. It adds to st
// the entities it updated and those already as they should be.
func mergeShardEntities(ctx context.Context, cfg Config, session neo4j.SessionWithContext, t *target, g graph.Graph, st *Stats) error {
	own := make(map[string]graph.Entity, len(g.Entities))
	var ids []string
	for _, e := range g.Entities {
		own[e.ID] = e
		ids = append(ids, e.ID)
	}
	slices.Sort(ids) // every load locks shared entities in the same order
	size := cfg.batchSize()
	for start := 0; start < len(ids); start += size {
		batch := ids[start:min(start+size, len(ids))]
		var updated, unchanged int
		_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			updated, unchanged = 0, 0
			res, err := tx.Run(ctx, lockEntities, map[string]any{"ids": strings2any(batch)})
			if err != nil {
				return nil, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			var rows []any
			var renamed []any
			for _, rec := range recs {
				id, props := str(rec.Values[0]), propertyMap(rec.Values[1])
				held := entityFromProperties(props)
				e := graph.JoinEntity(own[id], held)
				e.Mentions, e.Documents, e.FirstSeen = int(asInt(rec.Values[2])), int(asInt(rec.Values[3])), str(rec.Values[4])
				row := entityRow(e)
				row[hashKey] = fingerprint(row)
				if row[hashKey] == props[hashKey] {
					unchanged++
				} else {
					rows = append(rows, row)
					if t.nodes[id].eid != "" { // not created by this load
						updated++
					}
				}
				if e.Name != held.Name || e.Name != own[id].Name {
					renamed = append(renamed, id)
				}
			}
			if len(recs) != len(batch) {
				return nil, errMissingEntities
			}
			if err := run(ctx, tx, writeEntities, map[string]any{"rows": rows}); err != nil {
				return nil, err
			}
			if len(renamed) == 0 {
				return nil, nil
			}
			return nil, renameInRelations(ctx, tx, renamed)
		})
		if err != nil {
			return cfg.errorf("merge entities %d-%d of %d: %w", start+1, start+len(batch), len(ids), err)
		}
		st.NodesUpdated += updated
		st.Unchanged += unchanged
	}
	return nil
}

// renameInRelations gives the relations of the entities ids the names
// their ends have now, with a new fingerprint.
func renameInRelations(ctx context.Context, tx neo4j.ManagedTransaction, ids []any) error {
	res, err := tx.Run(ctx, staleNames, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return err
	}
	rows := make([]any, 0, len(recs))
	for _, rec := range recs {
		props := propertyMap(rec.Values[1])
		props["subject"], props["object"] = rec.Values[2], rec.Values[3]
		props[hashKey] = fingerprint(props)
		rows = append(rows, map[string]any{"eid": rec.Values[0], "props": props})
	}
	return run(ctx, tx, writeRelationships, map[string]any{"rows": rows})
}

// errMissingEntities fails a shard load whose entities another writer
// deleted after this load created or found them.
var errMissingEntities = errors.New("an entity of the load is no longer in the database: another writer deleted it during the load; run it again")

// run runs one statement within tx and discards its result.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// entityFromProperties reads back the entity that entityRow wrote: what
// graph.JoinEntity needs (name, aliases, roles, country, place).
func entityFromProperties(p map[string]any) graph.Entity {
	e := graph.Entity{
		ID: str(p["id"]), Type: str(p["type"]), Name: str(p["name"]), Country: str(p["country"]),
		Aliases: strList(p["aliases"]), Roles: strList(p["roles"]),
	}
	if id, ok := p["geonames_id"].(int64); ok {
		lat, _ := p["lat"].(float64)
		lon, _ := p["lon"].(float64)
		conf, _ := p["geo_confidence"].(float64)
		e.Geo = &graph.Geo{GeoNamesID: uint32(id), Lat: lat, Lon: lon, FeatureClass: str(p["feature_class"]), Confidence: conf}
	}
	return e
}

// propertyMap returns v if it is a property map (as properties(n) returns
// it), else an empty map.
func propertyMap(v any) map[string]any {
	if p, ok := v.(map[string]any); ok {
		return p
	}
	return map[string]any{}
}

// strList returns a list property's strings (nil for none).
func strList(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, s := range l {
		out = append(out, str(s))
	}
	return out
}

// asInt returns v if it is an int64, else 0.
func asInt(v any) int64 {
	n, _ := v.(int64)
	return n
}
