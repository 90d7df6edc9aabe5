package resolve

import (
	"maps"
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/schema"
)

// linkDescribedNames joins an organization's descriptive variants to it:
//   - the same name with lower-case describing words inserted ("the
//     Egyptian-led military coalition", "the Egyptian-led coalition"; "the
//     Kenyan-led international coalition"): same first and last word, and
//     the other words in order; capitalized insertions make another name
//     ("National Front", "National Liberation Front");
//   - a name before a force or organization noun ("the Zamir militia",
//     "the Red Hand gang"): the one named actor of that name ("Red Hand"),
//     or, for one word, whose name ends with it ("Harakat al-Zamir"): an organization, or a "person" the text has members
//     or leaders of ("a leader of Harakat al-Zamir", "a Harakat al-Zamir
//     member"), which the recognizer misread and which becomes the
//     organization.
func (st *state) linkDescribedNames() {
	d := st.d
	mentioned := make([]bool, len(d.Entities))
	for _, m := range d.Mentions {
		mentioned[st.find(m.Entity)] = true
	}
	live := func(i int) bool { return st.find(i) == i && mentioned[i] }
	words := func(i int) []string { return strings.Fields(d.Entities[i].Name) }
	for i, e := range d.Entities {
		if !live(i) || e.Type != string(schema.Organization) || e.Kind == "body" || e.Kind == "military" {
			continue
		}
		wi := words(i)
		for j, o := range d.Entities {
			if j == i || !live(j) || o.Type != string(schema.Organization) || o.Kind == "body" || o.Kind == "military" {
				continue
			}
			if wj := words(j); len(wj) > len(wi) && insertedDescription(wi, wj) {
				st.merge(j, i)
			}
		}
	}
	for i, e := range d.Entities {
		wi := words(i)
		n := len(wi) - 1
		if !live(i) || e.Type != string(schema.Organization) || st.fromGazetteer[i] || n < 1 || !isCapitalized(wi[0]) ||
			!st.r.words.forces.Has(wi[n]) && !st.r.words.institutionEnds.Has(wi[n]) && !st.r.words.namedOrgs.Has(wi[n]) {
			continue
		}
		name := strings.ToLower(strings.Join(wi[:n], " "))
		found := -1
		for j, o := range d.Entities {
			wj := words(j)
			whole := strings.ToLower(o.Name) == name
			ends := n == 1 && len(wj) >= 2 && schema.Surname(strings.ToLower(wj[len(wj)-1])) == name
			if j == i || !live(j) || !whole && !ends ||
				o.Type != string(schema.Organization) && (o.Type != string(schema.Person) || !st.hasMembers(j)) {
				continue
			}
			if found >= 0 {
				found = -2 // two actors so named: keep the description apart
				break
			}
			found = j
		}
		if found >= 0 {
			d.Entities[found].Type = string(schema.Organization)
			st.merge(i, found)
		}
	}
}

// insertedDescription reports whether long is short with lower-case words
// inserted between its first and last words.
func insertedDescription(short, long []string) bool {
	if len(short) < 2 || short[0] != long[0] || short[len(short)-1] != long[len(long)-1] {
		return false
	}
	k := 1
	for _, w := range long[1 : len(long)-1] {
		if k < len(short)-1 && w == short[k] {
			k++
			continue
		}
		if isCapitalized(w) {
			return false
		}
	}
	return k == len(short)-1
}

// hasMembers reports whether the text speaks of members or leaders of
// entity e: a member noun, "of" or "for" and one of its mentions ("a
// leader of X", "a spokesman for X"), or a mention before a member noun ("one other X member").
func (st *state) hasMembers(e int) bool {
	d := st.d
	member := func(k int) bool {
		if k < 0 || k >= len(d.Tokens) {
			return false
		}
		l := strings.ToLower(d.Tokens[k].Lemma)
		return st.r.words.members.Has(l) || st.r.words.orgRoles.Has(l)
	}
	for _, m := range d.Mentions {
		if st.find(m.Entity) != e {
			continue
		}
		if m.Start >= 2 && (strings.EqualFold(d.Tokens[m.Start-1].Text, "of") || strings.EqualFold(d.Tokens[m.Start-1].Text, "for")) && member(m.Start-2) ||
			m.End < len(d.Tokens) && d.Tokens[m.End].Sentence == d.Tokens[m.Start].Sentence && member(m.End) {
			return true
		}
	}
	return false
}

// linkStatelessBodies joins a government body the text names without its
// state ("the defense ministry said", where no state was near enough to
// tell) to the one body of that kind of a named state in the article
// ("Chilean Defense Ministry"); with two such states' bodies it stays apart.
func (st *state) linkStatelessBodies() {
	keys := slices.Sorted(maps.Keys(st.byKey)) // one order, one result
	for _, key := range keys {
		canon, ok := strings.CutPrefix(key, "B::")
		if e := st.byKey[key]; !ok || st.find(e) != e {
			continue
		}
		found := -1
		for _, other := range keys {
			rest, ok := strings.CutPrefix(other, "B:")
			if !ok || !strings.HasSuffix(rest, ":"+canon) || strings.HasPrefix(rest, ":") {
				continue
			}
			o := st.find(st.byKey[other])
			if found >= 0 && found != o {
				found = -2
				break
			}
			found = o
		}
		if found >= 0 {
			st.merge(st.byKey[key], found)
		}
	}
}

// peacekeepingName is the gazetteer's name for the United Nations'
// peacekeepers in general ("U.N. peacekeepers", "blue helmets").
const peacekeepingName = "United Nations Peacekeeping"

// linkPeacekeepers makes "U.N. peacekeepers" the one United Nations
// peacekeeping mission the article names ("the U.N. peacekeepers" …
// "MONUSCO said"): the blue helmets of the story are that mission's. With
// two missions, or none, they stay the general United Nations
// peacekeepers.
func (st *state) linkPeacekeepers() {
	d := st.d
	pk, mission := -1, -1
	for _, m := range d.Mentions {
		e := st.find(m.Entity)
		switch {
		case d.Entities[e].Name == peacekeepingName:
			pk = e
		case e == mission:
		case st.unMission(e):
			if mission >= 0 {
				return
			}
			mission = e
		}
	}
	if pk >= 0 && mission >= 0 {
		st.merge(pk, mission)
	}
}

// linkContingents makes a state's peacekeepers ("Burundian peacekeepers")
// that state's military when the article names that military too ("Burundi
// troops", "the Burundian army"): a national contingent of a mission is a
// unit of the state's armed forces, and a reader counts one actor. Without
// the military named, the peacekeepers stay an actor of their own ("Russian
// peacekeepers" in a story about their mission).
func (st *state) linkContingents() {
	d := st.d
	military := map[string]int{} // ISO3 → the state's military
	for i, e := range d.Entities {
		if st.find(i) == i && e.Kind == "military" && e.Country != "" {
			military[e.Country] = i
		}
	}
	for i, e := range d.Entities {
		if st.find(i) != i || e.Kind != "body" || e.Country == "" || !strings.HasSuffix(e.Name, " peacekeepers") {
			continue
		}
		if m, ok := military[e.Country]; ok {
			st.merge(i, m)
		}
	}
}

// unMission reports whether entity e is a peacekeeping mission of the
// United Nations by the gazetteer: its part, named a mission or force by
// one of its names ("MONUSCO", "United Nations Interim Force in Lebanon").
func (st *state) unMission(e int) bool {
	o, ok := st.r.s.Org(st.d.Entities[e].Name)
	return ok && o.Parent == "United Nations" &&
		st.describes("mission", "mission")(nlp.Entity{Type: string(schema.Organization), Name: o.Name, Aliases: o.Aliases, Kind: o.Category})
}
