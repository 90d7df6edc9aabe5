package graph

import (
	"cmp"
	"fmt"
	"slices"
)

// Merge returns the union of base (typically a workspace read from disk) and
// add (the graph of newly ingested documents).
//
//   - Documents are keyed by id. A document of add replaces the base document
//     with the same id together with all of its mentions and relations, so
//     re-ingesting an article never duplicates anything.
//   - A person named in part or in another transliteration ("Ryabkov",
//     "Sergei Ryabkov") becomes the one person of either graph that the
//     name fits (Sergey Ryabkov), whichever graph holds which name; of two
//     transliterations, the name that sorts first is the person
//     (PersonTargets).
//   - Entities are keyed by id. For an id in both graphs (or twice in one)
//     the name that sorts first in byte order is kept (the other joins the
//     aliases), the country that sorts first of those given, the place's
//     gazetteer entry of higher confidence; aliases and roles are unioned
//     and sorted. None of these depends on which graph came first. A base
//     entity left with no mention and no relation (its documents were
//     re-ingested without it) is dropped.
//   - Mentions are de-duplicated on (entity, document, start, end), the
//     first occurrence kept, and relations on id, the one whose fields
//     sort first kept (RelationKey).
//   - Each entity's Mentions, Documents and FirstSeen are recomputed from the
//     merged mentions and the documents' publication dates, and each
//     relation's Subject and Object names are refreshed from its entities.
//
// The result is sorted: documents, entities and relations by id, mentions by
// document, start, end and entity. Merge runs in time linear in the number of
// records (plus sorting) and does not modify its arguments.
func Merge(base, add Graph) Graph {
	// One person across articles: "Ryabkov" in one, "Sergey Ryabkov" in another.
	targets := PersonTargets(slices.Concat(base.Entities, add.Entities))
	base, add = Relink(base, targets), Relink(add, targets)
	replaced := make(map[string]bool, len(add.Documents))
	for _, d := range add.Documents {
		replaced[d.ID] = true
	}
	kept := func(docID string) bool { return !replaced[docID] }
	all := func(string) bool { return true }

	docs := make(map[string]Document, len(base.Documents)+len(add.Documents))
	for _, d := range base.Documents {
		docs[d.ID] = d
	}
	for _, d := range add.Documents {
		docs[d.ID] = d
	}

	var out Graph
	type mentionKey struct {
		entity, doc string
		start, end  int
	}
	seenMention := make(map[mentionKey]bool, len(base.Mentions)+len(add.Mentions))
	relationAt := make(map[string]int, len(base.Relations)+len(add.Relations))
	for _, src := range []struct {
		g    Graph
		keep func(string) bool
	}{{base, kept}, {add, all}} {
		for _, m := range src.g.Mentions {
			k := mentionKey{m.EntityID, m.DocumentID, m.Start, m.End}
			if !src.keep(m.DocumentID) || seenMention[k] {
				continue
			}
			seenMention[k] = true
			out.Mentions = append(out.Mentions, m)
		}
		for _, r := range src.g.Relations {
			if !src.keep(r.DocumentID) {
				continue
			}
			if i, ok := relationAt[r.ID]; ok {
				// Two relations that linking made one statement: keep
				// the same one whichever came first.
				if RelationKey(r) < RelationKey(out.Relations[i]) {
					out.Relations[i] = r
				}
				continue
			}
			relationAt[r.ID] = len(out.Relations)
			out.Relations = append(out.Relations, r)
		}
	}

	// Entities: add's are always kept; base's only while something refers to them.
	used := make(map[string]bool, len(out.Mentions))
	for _, m := range out.Mentions {
		used[m.EntityID] = true
	}
	for _, r := range out.Relations {
		used[r.SubjectID] = true
		used[r.ObjectID] = true
	}
	entities := make(map[string]*Entity, len(base.Entities)+len(add.Entities))
	for _, e := range base.Entities {
		if used[e.ID] {
			mergeEntity(entities, e)
		}
	}
	for _, e := range add.Entities {
		mergeEntity(entities, e)
	}

	// Counts, documents and first sighting, from the mentions.
	type entityDoc struct{ entity, doc string }
	seenDoc := make(map[entityDoc]bool, len(out.Mentions))
	for _, e := range entities {
		e.Mentions, e.Documents, e.FirstSeen = 0, 0, ""
	}
	for _, m := range out.Mentions {
		e := entities[m.EntityID]
		if e == nil {
			continue
		}
		e.Mentions++
		if k := (entityDoc{m.EntityID, m.DocumentID}); !seenDoc[k] {
			seenDoc[k] = true
			e.Documents++
			if p := docs[m.DocumentID].Published; p != "" && (e.FirstSeen == "" || p < e.FirstSeen) {
				e.FirstSeen = p
			}
		}
	}

	for i := range out.Relations {
		r := &out.Relations[i]
		if e := entities[r.SubjectID]; e != nil {
			r.Subject = e.Name
		}
		if e := entities[r.ObjectID]; e != nil {
			r.Object = e.Name
		}
	}

	for _, d := range docs {
		out.Documents = append(out.Documents, d)
	}
	for _, e := range entities {
		out.Entities = append(out.Entities, *e)
	}
	slices.SortFunc(out.Documents, func(a, b Document) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(out.Entities, func(a, b Entity) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(out.Relations, func(a, b Relation) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(out.Mentions, func(a, b Mention) int {
		return cmp.Or(
			cmp.Compare(a.DocumentID, b.DocumentID),
			cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.End, b.End),
			cmp.Compare(a.EntityID, b.EntityID),
		)
	})
	return out
}

// RelationKey returns every field of r as one string, for choosing among
// relations with one id independently of their order.
func RelationKey(r Relation) string {
	var place Geo
	if r.PlaceGeo != nil {
		place = *r.PlaceGeo
	}
	r.PlaceGeo = nil
	return fmt.Sprintf("%v %v", r, place)
}

// Concat returns the records of all graphs in one graph, as they are: pass
// it to Merge, which combines what the graphs share. Merging many documents
// at once this way stays linear, where merging them one by one into a
// growing graph would not.
func Concat(gs ...Graph) Graph {
	var out Graph
	for _, g := range gs {
		out.Documents = append(out.Documents, g.Documents...)
		out.Entities = append(out.Entities, g.Entities...)
		out.Mentions = append(out.Mentions, g.Mentions...)
		out.Relations = append(out.Relations, g.Relations...)
	}
	return out
}

// mergeEntity adds e to entities, merging it into the entity with the same
// id when there is one. The stored entity owns fresh alias and role slices.
// Every choice depends on the two records alone, never on which came
// first, so that merging graphs in any order or grouping gives the same
// entity: the name that sorts first in byte order (the other joins the
// aliases), the country that sorts first of those given, the surer
// gazetteer entry (of two as sure, the lower GeoNames id), aliases and
// roles unioned.
func mergeEntity(entities map[string]*Entity, e Entity) {
	cur := entities[e.ID]
	if cur == nil {
		e.Aliases = union(nil, e.Aliases)
		e.Roles = union(nil, e.Roles)
		entities[e.ID] = &e
		return
	}
	if e.Name != cur.Name {
		cur.Aliases = union(cur.Aliases, []string{max(e.Name, cur.Name)})
		cur.Name = min(e.Name, cur.Name)
	}
	if e.Country != "" && (cur.Country == "" || e.Country < cur.Country) {
		cur.Country = e.Country
	}
	if surer(e.Geo, cur.Geo) {
		cur.Geo = e.Geo // the surer reading of a place name that articles resolve apart
	}
	cur.Aliases = union(cur.Aliases, e.Aliases)
	cur.Roles = union(cur.Roles, e.Roles)
}

// surer reports whether gazetteer entry a is to be kept over b: it is
// more confident, or as confident with a lower GeoNames id.
func surer(a, b *Geo) bool {
	switch {
	case a == nil:
		return false
	case b == nil:
		return true
	}
	return cmp.Or(cmp.Compare(b.Confidence, a.Confidence), cmp.Compare(a.GeoNamesID, b.GeoNamesID)) < 0
}

// union returns the sorted, duplicate-free union of a and b without empty
// strings, in a new slice (nil when empty).
func union(a, b []string) []string {
	var out []string
	for _, s := range slices.Concat(a, b) {
		if s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
