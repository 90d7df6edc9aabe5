package neo4jsink

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/schema"
)

// What the listing reads: every node kg owns (an :Entity or a :Document)
// and every relationship between two of them, with the element ids that
// identify them in this database and just enough properties to tell
// whether they are as the graph wants them.
const (
	listNodes = "MATCH (n) WHERE n:" + labelEntity + " OR n:" + labelDocument + " " +
		"RETURN elementId(n), labels(n), n.id, n." + hashKey
	listRelationships = "MATCH (a)-[r]->(b) " +
		"WHERE (a:" + labelEntity + " OR a:" + labelDocument + ") AND (b:" + labelEntity + " OR b:" + labelDocument + ") " +
		"RETURN elementId(r), type(r), elementId(a), elementId(b), r.id, r." + hashKey + ", " +
		// Only a link's properties are counted: keys(r) reads them all.
		"CASE type(r) WHEN '" + typeMentioned + "' THEN r.count END, CASE type(r) WHEN '" + typeMentioned + "' THEN size(keys(r)) END"
)

// difference is what a load must delete to make the database hold the
// target (element ids of nodes and relationships), and how many of the
// database's nodes and relationships are already as the target wants them.
// Which of the target's nodes, links and relations exist, and which of
// those differ, is kept in the target itself.
type difference struct {
	deleteNodes, deleteRelationships []string
	unchanged                        int
}

// listDatabase reads what the database holds and compares it with t, in
// one read transaction (retried whole on transient errors, so it starts
// over each time); see compare.
func listDatabase(ctx context.Context, session neo4j.SessionWithContext, t *target) (difference, error) {
	var c *comparison
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		c = newComparison(t)
		nodes, relationships, params := listNodes, listRelationships, map[string]any(nil)
		if t.shard {
			nodes, relationships, params = listShardNodes, listShardRelationships, t.shardParams()
		}
		for _, q := range []struct {
			cypher string
			add    func([]any)
		}{{nodes, c.node}, {relationships, c.relationship}} {
			res, err := tx.Run(ctx, q.cypher, params)
			if err != nil {
				return nil, err
			}
			for res.Next(ctx) {
				q.add(res.Record().Values)
			}
			if err := res.Err(); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		return difference{}, err
	}
	return c.diff, nil
}

// comparison compares the records of a listing, nodes first, with the
// target. A node is kept when its id is the target's, its labels are
// exactly the target's and no other node with the id came before; a
// relationship when its type, its id (for a link: its entity and
// document) and both its ends are the target's and it is the first such.
// Everything else that kg owns is to be deleted.
type comparison struct {
	t     *target
	byEID map[string]*node // kept nodes by element id
	diff  difference
}

// newComparison starts a comparison with t, forgetting any earlier one.
func newComparison(t *target) *comparison {
	t.reset()
	return &comparison{t: t, byEID: map[string]*node{}}
}

// node takes one record of listNodes: element id, labels, id, hash.
func (c *comparison) node(v []any) {
	eid, id, hash := str(v[0]), str(v[2]), str(v[3])
	n := c.t.nodes[id]
	if n == nil || n.eid != "" || !sameLabels(n, v[1]) {
		c.diff.deleteNodes = append(c.diff.deleteNodes, eid)
		return
	}
	n.eid = eid
	c.byEID[eid] = n
	switch {
	case c.t.shard && n.entity():
		// mergeShardEntities compares it with what the load merges.
	case hash != n.row[hashKey]:
		n.changed = true
	default:
		c.diff.unchanged++
	}
}

// relationship takes one record of listRelationships: element id, type,
// element ids of its start and end, id, hash, count, number of properties.
func (c *comparison) relationship(v []any) {
	eid, typ := str(v[0]), str(v[1])
	a, b := c.byEID[str(v[2])], c.byEID[str(v[3])]
	keep, changed := false, false
	switch {
	case a == nil || b == nil:
	case typ == typeMentioned:
		// A link of the target joins an entity to a document.
		l := c.t.links[link{str(a.row["id"]), str(b.row["id"])}]
		if l != nil && !l.found {
			n, _ := v[6].(int64)
			l.found, l.changed = true, n != int64(l.count) || v[7] != int64(1)
			keep, changed = true, l.changed
		}
	default:
		r := c.t.relations[str(v[4])]
		if r != nil && !r.found && r.typ == typ && r.start == a.row["id"] && r.end == b.row["id"] {
			r.found, r.changed = true, str(v[5]) != r.row[hashKey]
			keep, changed = true, r.changed
		}
	}
	switch {
	case !keep:
		c.diff.deleteRelationships = append(c.diff.deleteRelationships, eid)
	case !changed:
		c.diff.unchanged++
	}
}

// sameLabels reports whether the labels a listing read (a []any of
// strings) are exactly those n must have.
func sameLabels(n *node, labels any) bool {
	l, _ := labels.([]any)
	switch {
	case !n.entity():
		return len(l) == 1 && l[0] == labelDocument
	case len(l) == 2:
		return (l[0] == labelEntity && l[1] == n.label) || (l[1] == labelEntity && l[0] == n.label)
	}
	return false
}

// str returns v if it is a string, else "" (a property that is absent or
// not a string, which matches no id).
func str(v any) string {
	s, _ := v.(string)
	return s
}

// steps turns the difference into the ordered writes, and counts them:
// deletions of relationships, then of nodes, by element id (before any
// node or relationship is created, so that no element id is reused in
// between); then per kind of node and relationship the updates, found
// through the id constraints' indexes, and the creations. Labels and
// relationship types spliced into Cypher were checked by newTarget.
func (t *target) steps(diff difference) ([]step, Stats) {
	st := Stats{
		NodesDeleted:         len(diff.deleteNodes),
		RelationshipsDeleted: len(diff.deleteRelationships),
		Unchanged:            diff.unchanged,
	}
	steps := []step{
		{what: "deleted relationships", cypher: "UNWIND $rows AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r",
			rows: strings2any(diff.deleteRelationships)},
		{what: "deleted nodes", cypher: "UNWIND $rows AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n",
			rows: strings2any(diff.deleteNodes)},
	}

	// Nodes: documents, then entities by type in the schema's order.
	labels := []string{labelDocument}
	for _, et := range schema.EntityTypes() {
		labels = append(labels, string(et))
	}
	update, create := map[string][]any{}, map[string][]any{}
	for _, id := range t.nodeOrder {
		n := t.nodes[id]
		switch {
		case n.eid == "":
			create[n.label] = append(create[n.label], n.row)
		case n.changed:
			update[n.label] = append(update[n.label], n.row)
		}
	}
	for _, l := range labels {
		match, createAs := "MATCH (n:"+labelEntity+" {id: row.id})", "CREATE (n:"+labelEntity+":"+l+") SET n = row"
		what := l + " entities"
		if l == labelDocument {
			match, createAs, what = "MATCH (n:"+labelDocument+" {id: row.id})", "CREATE (n:"+labelDocument+") SET n = row", "documents"
		}
		if t.shard {
			// Another loader may create the same node at the same time;
			// shared entities are then merged by mergeShardEntities.
			createAs = "MERGE (n:" + labelDocument + " {id: row.id}) SET n = row"
			if l != labelDocument {
				createAs = "MERGE (n:" + labelEntity + " {id: row.id}) ON CREATE SET n = row, n:" + l
				update[l] = nil // mergeShardEntities writes them
			}
		}
		steps = append(steps,
			step{what: "updated " + what, cypher: "UNWIND $rows AS row " + match + " SET n = row", rows: update[l]},
			step{what: "new " + what, cypher: "UNWIND $rows AS row " + createAs, rows: create[l]})
		st.NodesUpdated += len(update[l])
		st.NodesCreated += len(create[l])
	}

	var updateLinks, createLinks []any
	for _, l := range t.linkOrder {
		s := t.links[l]
		row := map[string]any{"entity_id": l.entity, "document_id": l.doc, "count": s.count}
		switch {
		case !s.found:
			createLinks = append(createLinks, row)
		case s.changed:
			updateLinks = append(updateLinks, row)
		}
	}
	ends := "MATCH (e:" + labelEntity + " {id: row.entity_id}) MATCH (d:" + labelDocument + " {id: row.document_id}) "
	createLink := "CREATE (e)-[:" + typeMentioned + " {count: row.count}]->(d)"
	if t.shard {
		// A document in two shards loaded at once gets one link.
		createLink = "MERGE (e)-[m:" + typeMentioned + "]->(d) SET m = {count: row.count}"
	}
	steps = append(steps,
		step{what: "updated " + typeMentioned + " links", rows: updateLinks,
			cypher: "UNWIND $rows AS row " + ends + "MATCH (e)-[m:" + typeMentioned + "]->(d) SET m = {count: row.count}"},
		step{what: "new " + typeMentioned + " links", rows: createLinks,
			cypher: "UNWIND $rows AS row " + ends + createLink})
	st.RelationshipsUpdated += len(updateLinks)
	st.RelationshipsCreated += len(createLinks)

	update, create = map[string][]any{}, map[string][]any{}
	for _, id := range t.relOrder {
		r := t.relations[id]
		switch {
		case !r.found:
			create[r.typ] = append(create[r.typ], r.row)
		case r.changed:
			update[r.typ] = append(update[r.typ], r.row)
		}
	}
	types := make([]string, 0, len(create)+len(update))
	for typ := range create {
		types = append(types, typ)
	}
	for typ := range update {
		types = append(types, typ)
	}
	slices.Sort(types)
	for _, typ := range slices.Compact(types) {
		steps = append(steps,
			step{what: "updated " + typ + " relations", rows: update[typ],
				cypher: "UNWIND $rows AS row MATCH ()-[r:" + typ + " {id: row.id}]->() SET r = row"},
			step{what: "new " + typ + " relations", rows: create[typ],
				cypher: "UNWIND $rows AS row " +
					"MATCH (s:" + labelEntity + " {id: row.subject_id}) MATCH (o:" + labelEntity + " {id: row.object_id}) " +
					"CREATE (s)-[r:" + typ + "]->(o) SET r = row"})
		st.RelationshipsUpdated += len(update[typ])
		st.RelationshipsCreated += len(create[typ])
	}
	for i := range steps[2:] {
		steps[2+i].counted = true // every step after the deletions
	}
	return slices.DeleteFunc(steps, func(s step) bool { return len(s.rows) == 0 }), st
}

// strings2any returns s as a []any, the form a query parameter list takes.
func strings2any(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
