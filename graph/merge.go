package graph

import (
	"cmp"
	"slices"
)

// Merge returns the union of base (typically a workspace read from disk) and
// add (the graph of newly ingested documents).
//
//   - Documents are keyed by id. A document of add replaces the base document
//     with the same id together with all of its mentions and relations, so
//     re-ingesting an article never duplicates anything.
//   - A person named in part or in another transliteration ("Ryabkov",
//     "Sergei Ryabkov") becomes the one person of the other graph that the
//     name fits (Sergey Ryabkov), in either direction.
//   - Entities are keyed by id. For an id in both graphs the base entity's
//     type, name and country are kept (country filled in from add when
//     empty), and the place's gazetteer entry of higher confidence; aliases and roles are unioned and sorted, and a differing name
//     of add joins the aliases. A base entity left with no mention and no
//     relation (its documents were re-ingested without it) is dropped.
//   - Mentions are de-duplicated on (entity, document, start, end) and
//     relations on id; the first occurrence wins, base before add.
//   - Each entity's Mentions, Documents and FirstSeen are recomputed from the
//     merged mentions and the documents' publication dates, and each
//     relation's Subject and Object names are refreshed from its entities.
//
// The result is sorted: documents, entities and relations by id, mentions by
// document, start, end and entity. Merge runs in time linear in the number of
// records (plus sorting) and does not modify its arguments.
func Merge(base, add Graph) Graph {
	// One person across articles: "Ryabkov" in one, "Sergey Ryabkov" in another.
	add = LinkPersons(add, add)
	add = LinkPersons(add, base)
	base = LinkPersons(base, add)
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
	seenRelation := make(map[string]bool, len(base.Relations)+len(add.Relations))
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
			if !src.keep(r.DocumentID) || seenRelation[r.ID] {
				continue
			}
			seenRelation[r.ID] = true
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
			entities[e.ID] = MergeEntity(entities[e.ID], e)
		}
	}
	for _, e := range add.Entities {
		entities[e.ID] = MergeEntity(entities[e.ID], e)
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

// MergeEntity merges e into cur, an entity with the same id, and returns
// cur; when cur is nil, it returns a copy of e. The first entity's type and
// name are kept (a differing later name joins the aliases), its country
// unless empty, and the gazetteer entry of higher confidence; aliases and
// roles are unioned and sorted. The returned entity owns fresh alias and
// role slices. Merge folds the entities of one id with it, base before add.
func MergeEntity(cur *Entity, e Entity) *Entity {
	if cur == nil {
		e.Aliases = union(nil, e.Aliases)
		e.Roles = union(nil, e.Roles)
		return &e
	}
	if cur.Country == "" {
		cur.Country = e.Country
	}
	if e.Geo != nil && (cur.Geo == nil || e.Geo.Confidence > cur.Geo.Confidence) {
		cur.Geo = e.Geo // the surer reading of a place name that articles resolve apart
	}
	cur.Aliases = union(cur.Aliases, e.Aliases)
	if e.Name != cur.Name {
		cur.Aliases = union(cur.Aliases, []string{e.Name})
	}
	cur.Roles = union(cur.Roles, e.Roles)
	return cur
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
