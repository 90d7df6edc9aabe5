package graph

import (
	"strings"

	"github.com/kg-project/kg/schema"
)

// LinkPersons returns from with its persons that the text names only in part
// ("Ryabkov") or in another transliteration ("Sergei Ryabkov") re-pointed to
// the one person of into that the name rules of schema.PartOfName and
// schema.VariantName identify. A name that fits several persons of into
// stays its own entity. from is not modified; relations whose ends change
// get new ids. Linear in the size of both graphs.
func LinkPersons(from, into Graph) Graph {
	bySurname := map[string][]Entity{}
	for _, e := range into.Entities {
		if key, words := SurnameKey(e); words > 1 {
			bySurname[key] = append(bySurname[key], e)
		}
	}
	remap := map[string]Entity{}
	for _, e := range from.Entities {
		if e.Type != string(schema.Person) {
			continue
		}
		w := nameWords(e)
		if len(w) == 0 {
			continue
		}
		var match *Entity
		ambiguous := false
		for _, cand := range bySurname[schema.Surname(w[len(w)-1])] {
			cw := nameWords(cand)
			if cand.ID == e.ID || !(schema.PartOfName(w, cw) || schema.VariantName(w, cw)) {
				continue
			}
			if match != nil && match.ID != cand.ID {
				ambiguous = true
			}
			c := cand
			match = &c
		}
		if match != nil && !ambiguous {
			remap[e.ID] = *match
		}
	}
	if len(remap) == 0 {
		return from
	}
	out := Graph{Documents: from.Documents}
	for _, e := range from.Entities {
		if to, ok := remap[e.ID]; ok {
			e.Aliases = append(append([]string(nil), e.Aliases...), e.Name)
			e.ID, e.Name = to.ID, to.Name
		}
		out.Entities = append(out.Entities, e)
	}
	for _, m := range from.Mentions {
		if to, ok := remap[m.EntityID]; ok {
			m.EntityID = to.ID
		}
		out.Mentions = append(out.Mentions, m)
	}
	for _, r := range from.Relations {
		changed := false
		if to, ok := remap[r.SubjectID]; ok {
			r.SubjectID, r.Subject, changed = to.ID, to.Name, true
		}
		if to, ok := remap[r.ObjectID]; ok {
			r.ObjectID, r.Object, changed = to.ID, to.Name, true
		}
		if changed {
			r.ID = RelationID(r)
		}
		out.Relations = append(out.Relations, r)
	}
	return out
}

// SurnameKey returns the key under which LinkPersons looks a person up (the
// surname form of the last word of its name) and the number of words of
// its name; words is 0 for an entity that is no person. A person of one
// word is linked to persons of several words with its key, never the
// other way round.
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
