package graph

import "cmp"

// Combine returns the graph of the documents of all gs, as one ingest of
// all their articles makes it: each g is typically one article's
// extraction (kg ingest) or a whole workspace (kg merge of shards). Unlike
// Merge, no graph is newer than another: the result does not depend on
// the order of gs nor on how their documents were grouped into graphs
// before (Combine(a, b, c) = Combine(Combine(a, b), c) = Combine(c, a, b)),
// up to the limits of cross-document person linking that docs/shards.md
// states.
//
// A document in several graphs (the same text ingested twice) is taken
// whole, its record with its mentions and relations, from the graph whose
// record of it sorts first (by path, then publication date, title, url,
// sentences); the other copies are dropped.
func Combine(gs ...Graph) Graph {
	first := map[string]Document{}
	copies := false
	for _, g := range gs {
		for _, d := range g.Documents {
			cur, ok := first[d.ID]
			if ok {
				copies = true
			}
			if !ok || compareDocuments(d, cur) < 0 {
				first[d.ID] = d
			}
		}
	}
	if copies {
		kept := make([]Graph, len(gs))
		for i, g := range gs {
			kept[i] = onlyFirstCopies(g, first)
		}
		gs = kept
	}
	return Merge(Graph{}, Concat(gs...))
}

// onlyFirstCopies returns g without the documents whose first copy is
// another graph's (their record differs from first's), and without their
// mentions and relations. Entities are kept, as Merge keeps those of add.
func onlyFirstCopies(g Graph, first map[string]Document) Graph {
	drop := map[string]bool{}
	out := Graph{Entities: g.Entities}
	for _, d := range g.Documents {
		if d != first[d.ID] {
			drop[d.ID] = true
			continue
		}
		out.Documents = append(out.Documents, d)
	}
	for _, m := range g.Mentions {
		if !drop[m.DocumentID] {
			out.Mentions = append(out.Mentions, m)
		}
	}
	for _, r := range g.Relations {
		if !drop[r.DocumentID] {
			out.Relations = append(out.Relations, r)
		}
	}
	return out
}

// compareDocuments orders two records of one document: by path, then
// publication date, title, url and number of sentences.
func compareDocuments(a, b Document) int {
	return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Published, b.Published), cmp.Compare(a.Title, b.Title),
		cmp.Compare(a.URL, b.URL), cmp.Compare(a.SHA256, b.SHA256), cmp.Compare(a.Sentences, b.Sentences))
}

// JoinEntity returns the one entity that Merge makes of the records a and
// more of the entity a.ID (more's ids must be the same): the name that
// sorts first, the aliases and roles of all, and so on, as mergeEntity
// chooses; the result does not depend on the order of the records. With
// a alone, it is a with its aliases and roles sorted and duplicate-free.
// Mentions, Documents and FirstSeen are a's: Merge computes them from the
// mentions, a Neo4j shard load from the links, and graph/store from the
// mentions a batch changes.
func JoinEntity(a Entity, more ...Entity) Entity {
	m := map[string]*Entity{}
	mergeEntity(m, a)
	for _, b := range more {
		b.ID = a.ID
		mergeEntity(m, b)
	}
	return *m[a.ID]
}
