package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

// Add merges run, the graph of a batch of new documents (as graph.Combine of
// their extractions returns it), into the store in one transaction, with
// the result graph.Merge(store, run) would give (see graph.Merge), reading
// and writing only what the batch touches:
//
//   - persons are linked as graph.Merge links them (graph.PersonTargets),
//     over the stored persons of the batch's surname keys and the batch's:
//     persons link only within a key. The mentions and relations of a
//     re-linked stored person move to the person it now is (relation ids
//     change with their ends);
//   - a document of the batch replaces the stored one with its id, with its
//     mentions and relations;
//   - each entity the batch adds, re-links or leaves with fewer references
//     is made again from all its records (graph.JoinEntity, whose choices
//     do not depend on their order) and its counts and first sighting
//     updated from its stored mentions; an entity left with no mention
//     and no relation is dropped, unless the batch names it;
//   - of relations with one id, the one graph.RelationKey sorts first stays.
//
// On any error nothing of the batch is stored.
func (s *Store) Add(ctx context.Context, run graph.Graph) error {
	err := s.update(ctx, func(tx *sql.Tx) error {
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		m := &merger{tx: tx, w: w, names: map[string]string{}, before: map[pair]int{}, published: map[string]string{}}
		if err := m.merge(ctx, run); err != nil {
			return err
		}
		return s.markStale()
	})
	if err != nil {
		return fmt.Errorf("store %s: add %d documents: %w", s.dir, len(run.Documents), err)
	}
	return nil
}

// merger is one Add's transaction.
type merger struct {
	tx    *sql.Tx
	w     *writer
	names map[string]string // entity id → canonical name after the merge

	// before holds, for each (entity, document) pair whose mentions the
	// batch changes, the number of mentions before the batch; count
	// updates an entity's totals by the change of these pairs alone.
	before map[pair]int
	// published holds the publication date, before the batch, of each
	// stored document that the batch replaces.
	published map[string]string
	byEntity  map[string][]pair // the pairs of before by entity, built once they are all known
}

// pair is an entity in a document.
type pair struct{ entity, doc string }

func (m *merger) merge(ctx context.Context, run graph.Graph) error {
	// Persons across documents, as graph.Merge links them.
	from, err := m.persons(ctx, run)
	if err != nil {
		return err
	}
	targets := graph.PersonTargets(slices.Concat(from, run.Entities))
	add := graph.Relink(run, targets)
	remap := map[string]graph.Entity{} // stored person → what it becomes
	for i, e := range graph.Relink(graph.Graph{Entities: from}, targets).Entities {
		if e.ID != from[i].ID {
			remap[from[i].ID] = e
		}
	}

	affected := map[string]bool{} // entities to fold again
	// Documents of the batch replace the stored ones with their ids.
	for _, d := range add.Documents {
		if err := m.dropDocument(ctx, d.ID, affected); err != nil {
			return err
		}
		if err := m.w.document(ctx, d); err != nil {
			return err
		}
	}

	// Re-linked persons: their mentions and relations move to the new id.
	var pending []graph.Relation            // relations to store once entity names are final
	byTarget := map[string][]graph.Entity{} // re-linked stored persons by the person they become
	if len(remap) > 0 {
		if pending, err = m.relink(ctx, remap, affected); err != nil {
			return err
		}
		for _, e := range remap {
			byTarget[e.ID] = append(byTarget[e.ID], e)
		}
	}
	for _, mn := range add.Mentions {
		if p := (pair{mn.EntityID, mn.DocumentID}); !m.touched(p) {
			m.before[p] = 0 // the batch's document: its stored mentions are counted in dropDocument
		}
		if err := m.w.mention(ctx, mn); err != nil {
			return err
		}
	}
	for _, r := range add.Relations {
		pending = append(pending, r)
	}
	refs := map[string]bool{}
	for _, p := range pending {
		refs[p.SubjectID], refs[p.ObjectID] = true, true
	}

	// Entities, folded as graph.Merge folds them.
	added := map[string][]graph.Entity{}
	for _, e := range add.Entities {
		added[e.ID] = append(added[e.ID], e)
	}
	unmentioned, err := m.strings(ctx, `SELECT id FROM entities WHERE mentions = 0`)
	if err != nil {
		return err
	}
	for _, id := range unmentioned {
		affected[id] = true
	}
	for id := range added {
		affected[id] = true
	}
	for id := range byTarget {
		affected[id] = true
	}
	var renamed []string
	for _, id := range slices.Sorted(maps.Keys(affected)) {
		changed, err := m.fold(ctx, id, added[id], byTarget[id], refs[id], remap)
		if err != nil {
			return err
		}
		if changed {
			renamed = append(renamed, id)
		}
	}

	if err := m.storeRelations(ctx, pending); err != nil {
		return err
	}
	return m.rename(ctx, renamed)
}

// persons returns the stored persons that graph.Merge would link with
// run's, sorted by id. Persons link only within one surname key
// (graph.SurnameKey), so they are those of run's keys; and of the keys
// where an earlier Add dropped or re-linked a person (table relink): where
// a name fitted that person and another, it may now fit one, which
// graph.Merge, linking over the whole workspace, finds at its next merge.
// The persons of every other key link as they did: they are as the last
// linking of their key left them.
func (m *merger) persons(ctx context.Context, run graph.Graph) ([]graph.Entity, error) {
	keys := map[string]bool{}
	for _, e := range run.Entities {
		if key, words := graph.SurnameKey(e); words > 0 {
			keys[key] = true
		}
	}
	again, err := m.strings(ctx, `DELETE FROM relink RETURNING surname`)
	if err != nil {
		return nil, err
	}
	for _, key := range again {
		keys[key] = true
	}
	var out []graph.Entity
	for _, key := range slices.Sorted(maps.Keys(keys)) {
		lines, err := m.strings(ctx, `SELECT line FROM entities WHERE surname = ?`, key)
		if err != nil {
			return nil, err
		}
		for _, line := range lines {
			e, err := csvws.ParseEntity(line)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b graph.Entity) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// dropDocument removes the stored mentions and relations of document id,
// adding the entities they name to affected.
func (m *merger) dropDocument(ctx context.Context, id string, affected map[string]bool) error {
	var published string
	err := m.tx.QueryRowContext(ctx, `SELECT published FROM documents WHERE id = ?`, id).Scan(&published)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // a new document
	}
	if err != nil {
		return err
	}
	m.published[id] = published
	rows, err := m.tx.QueryContext(ctx, `SELECT entity, COUNT(*) FROM mentions WHERE doc = ? GROUP BY entity`, id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var e string
		var n int
		if err := rows.Scan(&e, &n); err != nil {
			rows.Close()
			return err
		}
		m.before[pair{e, id}] = n
		affected[e] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ents, err := m.strings(ctx, `SELECT subject FROM relations WHERE doc = ?
		UNION SELECT object FROM relations WHERE doc = ?`, id, id)
	if err != nil {
		return err
	}
	for _, e := range ents {
		affected[e] = true
	}
	if _, err := m.tx.ExecContext(ctx, `DELETE FROM mentions WHERE doc = ?`, id); err != nil {
		return err
	}
	_, err = m.tx.ExecContext(ctx, `DELETE FROM relations WHERE doc = ?`, id)
	return err
}

// touched reports whether the batch changes the mentions of p.
func (m *merger) touched(p pair) bool {
	_, ok := m.before[p]
	return ok
}

// mentionsIn returns the number of stored mentions of p.
func (m *merger) mentionsIn(ctx context.Context, p pair) (int, error) {
	var n int
	err := m.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM mentions WHERE entity = ? AND doc = ?`, p.entity, p.doc).Scan(&n)
	return n, err
}

// relink moves the stored mentions of each re-linked person (the keys of
// remap) to the entity it becomes, removes its entity row, and returns its
// relations with their new ends and ids, to be stored by storeRelations.
func (m *merger) relink(ctx context.Context, remap map[string]graph.Entity, affected map[string]bool) ([]graph.Relation, error) {
	// Everything is read before anything moves: two persons may swap.
	var mentions []graph.Mention
	rels := map[string]graph.Relation{}
	for _, old := range slices.Sorted(maps.Keys(remap)) {
		affected[old], affected[remap[old].ID] = true, true
		lines, err := m.strings(ctx, `SELECT line FROM mentions WHERE entity = ?`, old)
		if err != nil {
			return nil, err
		}
		for _, line := range lines {
			mn, err := csvws.ParseMention(line)
			if err != nil {
				return nil, err
			}
			mentions = append(mentions, mn)
		}
		lines, err = m.strings(ctx, `SELECT line FROM relations WHERE subject = ?
			UNION SELECT line FROM relations WHERE object = ?`, old, old)
		if err != nil {
			return nil, err
		}
		for _, line := range lines {
			r, err := csvws.ParseRelation(line)
			if err != nil {
				return nil, err
			}
			rels[r.ID] = r
		}
	}
	left := map[pair]int{} // the mentions each re-linked person had in each document
	for _, mn := range mentions {
		left[pair{mn.EntityID, mn.DocumentID}]++
	}
	for p, n := range left {
		if !m.touched(p) {
			m.before[p] = n
		}
	}
	for _, mn := range mentions {
		if p := (pair{remap[mn.EntityID].ID, mn.DocumentID}); !m.touched(p) {
			n, err := m.mentionsIn(ctx, p)
			if err != nil {
				return nil, err
			}
			m.before[p] = n
		}
	}
	for old := range remap {
		if _, err := m.tx.ExecContext(ctx, `DELETE FROM mentions WHERE entity = ?`, old); err != nil {
			return nil, err
		}
		if err := m.dropEntity(ctx, old); err != nil {
			return nil, err
		}
	}
	for _, mn := range mentions {
		mn.EntityID = remap[mn.EntityID].ID
		if err := m.w.mention(ctx, mn); err != nil {
			return nil, err
		}
	}
	var out []graph.Relation
	for _, old := range slices.Sorted(maps.Keys(rels)) {
		r := rels[old]
		if to, ok := remap[r.SubjectID]; ok {
			r.SubjectID, r.Subject = to.ID, to.Name
		}
		if to, ok := remap[r.ObjectID]; ok {
			r.ObjectID, r.Object = to.ID, to.Name
		}
		r.ID = graph.RelationID(r)
		if _, err := m.tx.ExecContext(ctx, `DELETE FROM relations WHERE id = ?`, old); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// fold stores entity id as graph.Merge makes it: of the stored entity
// and the re-linked persons that become it, while anything refers to id,
// and of the batch's entities of that id, the one entity graph.JoinEntity
// makes (its choices do not depend on the order of the records), with
// counts recomputed from the stored mentions. An entity nothing folds into
// is deleted. referred tells whether a relation still to be stored names
// id. It reports whether a stored entity's canonical name changed, so that
// its relations are renamed.
func (m *merger) fold(ctx context.Context, id string, added []graph.Entity, relinks []graph.Entity, referred bool, remap map[string]graph.Entity) (bool, error) {
	var stored *graph.Entity
	if _, gone := remap[id]; !gone {
		var line string
		err := m.tx.QueryRowContext(ctx, `SELECT line FROM entities WHERE id = ?`, id).Scan(&line)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return false, err
		default:
			e, err := csvws.ParseEntity(line)
			if err != nil {
				return false, err
			}
			stored = &e
		}
	}
	used := referred
	if !used {
		if err := m.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM mentions WHERE entity = ?)
			OR EXISTS (SELECT 1 FROM relations WHERE subject = ?)
			OR EXISTS (SELECT 1 FROM relations WHERE object = ?)`, id, id, id).Scan(&used); err != nil {
			return false, err
		}
	}
	var records []graph.Entity
	if used {
		records = append(records, relinks...)
		if stored != nil {
			records = append(records, *stored)
		}
	}
	records = append(records, added...)
	if len(records) == 0 {
		return false, m.dropEntity(ctx, id)
	}
	cur := graph.JoinEntity(records[0], records[1:]...)
	if err := m.count(ctx, &cur, stored); err != nil {
		return false, err
	}
	if err := m.w.entity(ctx, cur); err != nil {
		return false, err
	}
	m.names[id] = cur.Name
	return stored != nil && used && stored.Name != cur.Name, nil
}

// dropEntity deletes the stored entity id; when it is a person, the next
// Add links the persons of its surname key again (see persons).
func (m *merger) dropEntity(ctx context.Context, id string) error {
	if _, err := m.tx.ExecContext(ctx, `INSERT OR IGNORE INTO relink
		SELECT surname FROM entities WHERE id = ? AND surname IS NOT NULL`, id); err != nil {
		return err
	}
	_, err := m.tx.ExecContext(ctx, `DELETE FROM entities WHERE id = ?`, id)
	return err
}

// count sets e's mentions, documents and first sighting: those of the
// stored entity (zero when there is none) changed by the (entity,
// document) pairs the batch touched, so that an entity named in thousands
// of documents costs no more than one named once. Only when the batch
// takes the entity out of the document that gave its first sighting, or
// re-dates it, is that recounted over all the entity's mentions.
func (m *merger) count(ctx context.Context, e *graph.Entity, stored *graph.Entity) error {
	mentions, documents, first := 0, 0, ""
	if stored != nil {
		mentions, documents, first = stored.Mentions, stored.Documents, stored.FirstSeen
	}
	recount := false
	for _, p := range m.pairs(e.ID) {
		was := m.before[p]
		now, err := m.mentionsIn(ctx, p)
		if err != nil {
			return err
		}
		mentions += now - was
		documents += b2i(now > 0) - b2i(was > 0)
		var pub string
		if err := m.tx.QueryRowContext(ctx, `SELECT published FROM documents WHERE id = ?`, p.doc).Scan(&pub); err != nil {
			return err
		}
		old, replaced := m.published[p.doc]
		if !replaced {
			old = pub
		}
		if was > 0 && old == first && (now == 0 || pub != old) {
			recount = true // the first sighting's document left or was re-dated
		}
		if now > 0 && pub != "" && (first == "" || pub < first) {
			first = pub
		}
	}
	e.Mentions, e.Documents, e.FirstSeen = mentions, documents, first
	if !recount {
		return nil
	}
	var min sql.NullString
	err := m.tx.QueryRowContext(ctx, `SELECT MIN(d.published) FROM mentions m JOIN documents d ON d.id = m.doc
		WHERE m.entity = ? AND d.published <> ''`, e.ID).Scan(&min)
	e.FirstSeen = min.String
	return err
}

// pairs returns the touched pairs of entity id.
func (m *merger) pairs(id string) []pair {
	if m.byEntity == nil {
		m.byEntity = map[string][]pair{}
		for p := range m.before {
			m.byEntity[p.entity] = append(m.byEntity[p.entity], p)
		}
	}
	return m.byEntity[id]
}

// b2i is 1 for true, 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// name returns the canonical name of entity id after the merge, and
// whether the entity exists.
func (m *merger) name(ctx context.Context, id string) (string, bool, error) {
	if n, ok := m.names[id]; ok {
		return n, true, nil
	}
	var line string
	err := m.tx.QueryRowContext(ctx, `SELECT line FROM entities WHERE id = ?`, id).Scan(&line)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	e, err := csvws.ParseEntity(line)
	if err != nil {
		return "", false, err
	}
	m.names[id] = e.Name
	return e.Name, true, nil
}

// storeRelations stores the re-linked relations and the batch's with their
// ends' final names. Of relations that share an id (two statements that
// linking made one), the one graph.RelationKey sorts first stays, as
// graph.Merge keeps it, compared as Merge compares them: a stored one as
// stored, a pending one with the names it was re-linked or extracted with.
func (m *merger) storeRelations(ctx context.Context, pending []graph.Relation) error {
	best := map[string]graph.Relation{}
	for _, r := range pending {
		if cur, ok := best[r.ID]; !ok || graph.RelationKey(r) < graph.RelationKey(cur) {
			best[r.ID] = r
		}
	}
	for _, id := range slices.Sorted(maps.Keys(best)) {
		r := best[id]
		var line string
		err := m.tx.QueryRowContext(ctx, `SELECT line FROM relations WHERE id = ?`, id).Scan(&line)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			stored, err := csvws.ParseRelation(line)
			if err != nil {
				return err
			}
			if graph.RelationKey(stored) <= graph.RelationKey(r) {
				continue // the stored one stays; rename refreshes its names
			}
			if _, err := m.tx.ExecContext(ctx, `DELETE FROM relations WHERE id = ?`, id); err != nil {
				return err
			}
		}
		if r.Subject, err = m.refresh(ctx, r.SubjectID, r.Subject); err != nil {
			return err
		}
		if r.Object, err = m.refresh(ctx, r.ObjectID, r.Object); err != nil {
			return err
		}
		if err := m.w.relation(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

// refresh returns the final name of entity id, or name when it has none.
func (m *merger) refresh(ctx context.Context, id, name string) (string, error) {
	n, ok, err := m.name(ctx, id)
	if err != nil || !ok {
		return name, err
	}
	return n, nil
}

// rename rewrites the stored relations of the entities whose canonical
// name changed.
func (m *merger) rename(ctx context.Context, ids []string) error {
	for _, id := range ids {
		lines, err := m.strings(ctx, `SELECT line FROM relations WHERE subject = ?
			UNION SELECT line FROM relations WHERE object = ?`, id, id)
		if err != nil {
			return err
		}
		for _, line := range lines {
			r, err := csvws.ParseRelation(line)
			if err != nil {
				return err
			}
			if r.Subject, err = m.refresh(ctx, r.SubjectID, r.Subject); err != nil {
				return err
			}
			if r.Object, err = m.refresh(ctx, r.ObjectID, r.Object); err != nil {
				return err
			}
			if _, err := m.tx.ExecContext(ctx, `DELETE FROM relations WHERE id = ?`, r.ID); err != nil {
				return err
			}
			if err := m.w.relation(ctx, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// strings returns the one text column of a query's rows.
func (m *merger) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := m.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
