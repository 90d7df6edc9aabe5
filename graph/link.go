package graph

import (
	"strings"

	"github.com/kg-project/kg/schema"
)

// PersonTargets returns, for each person of entities that the text names
// only in part ("Ryabkov") or in another transliteration ("Sergei
// Ryabkov"), the person it is: the one person whose name the rules of
// schema.PartOfName and schema.VariantName fit, followed to the end ("Putin"
// → "Vladimir Putin" → "Vladimir Vladimirovich Putin"). A name that fits
// persons who stay apart stays its own entity.
//
// The result depends only on the set of entities, never on their order,
// so that merging graphs in any order or grouping links the same persons.
// Of two transliterations the one whose name sorts first (in byte order)
// is the person; a part of a name always points to a longer name. Both
// steps move the same way (to more words, or to as many words and a name
// that sorts first), so there is no cycle. Linear in the number of
// entities, times the persons sharing a surname.
func PersonTargets(entities []Entity) map[string]Entity {
	bySurname := map[string][]Entity{}
	persons := map[string]Entity{}
	for _, e := range entities {
		if e.Type != string(schema.Person) {
			continue
		}
		// Of the records of one person, the one whose name sorts first,
		// as Merge names the person.
		if cur, ok := persons[e.ID]; !ok || e.Name < cur.Name {
			persons[e.ID] = e
		}
	}
	for _, e := range persons {
		if w := nameWords(e); len(w) > 1 {
			last := schema.Surname(w[len(w)-1])
			bySurname[last] = append(bySurname[last], e)
		}
	}
	// direct returns the ids of the persons e's name fits.
	direct := func(e Entity) []string {
		w := nameWords(e)
		if len(w) == 0 {
			return nil
		}
		var ids []string
		for _, cand := range bySurname[schema.Surname(w[len(w)-1])] {
			cw := nameWords(cand)
			if cand.ID == e.ID {
				continue
			}
			if schema.PartOfName(w, cw) || (schema.VariantName(w, cw) && cand.Name < e.Name) {
				ids = append(ids, cand.ID)
			}
		}
		return ids
	}
	final := map[string]string{} // person id → the id it ends at (itself when it stays)
	var resolve func(id string) string
	resolve = func(id string) string {
		if f, ok := final[id]; ok {
			return f
		}
		f := id
		for _, c := range direct(persons[id]) {
			switch t := resolve(c); {
			case f == id:
				f = t
			case t != f:
				final[id] = id // fits two persons: stays apart
				return id
			}
		}
		final[id] = f
		return f
	}
	targets := map[string]Entity{}
	for id := range persons {
		if f := resolve(id); f != id {
			targets[id] = persons[f]
		}
	}
	return targets
}

// Relink returns g with the persons of targets re-pointed to their target
// person: the entity takes the target's id and name (its own name joins its
// aliases), and mentions and relations follow; relations whose ends change
// get new ids. g is not modified.
func Relink(g Graph, targets map[string]Entity) Graph {
	if len(targets) == 0 {
		return g
	}
	out := Graph{Documents: g.Documents}
	for _, e := range g.Entities {
		if to, ok := targets[e.ID]; ok {
			e.Aliases = append(append([]string(nil), e.Aliases...), e.Name)
			e.ID, e.Name = to.ID, to.Name
		}
		out.Entities = append(out.Entities, e)
	}
	for _, m := range g.Mentions {
		if to, ok := targets[m.EntityID]; ok {
			m.EntityID = to.ID
		}
		out.Mentions = append(out.Mentions, m)
	}
	for _, r := range g.Relations {
		changed := false
		if to, ok := targets[r.SubjectID]; ok {
			r.SubjectID, r.Subject, changed = to.ID, to.Name, true
		}
		if to, ok := targets[r.ObjectID]; ok {
			r.ObjectID, r.Object, changed = to.ID, to.Name, true
		}
		if changed {
			r.ID = RelationID(r)
		}
		out.Relations = append(out.Relations, r)
	}
	return out
}

// SurnameKey returns the key under which PersonTargets looks a person up
// (the surname form of the last word of its name) and the number of words
// of its name; words is 0 for an entity that is no person. Persons link
// only within one key, so that the persons of a key can be linked apart
// from all others (graph/store does).
func SurnameKey(e Entity) (key string, words int) {
	if e.Type != string(schema.Person) {
		return "", 0
	}
	w := nameWords(e)
	if len(w) == 0 {
		return "", 0
	}
	return schema.Surname(w[len(w)-1]), len(w)
}

// nameWords returns the lower-cased words of an entity's name.
func nameWords(e Entity) []string { return strings.Fields(strings.ToLower(e.Name)) }
