package schema

import (
	"strings"
	"unicode"
)

// Match kinds, in the order of precedence used when one span names entries
// of several kinds ("Djibouti" is a country and a capital: country wins).
const (
	KindCountry = "country"
	KindCapital = "capital"
	KindDemonym = "demonym"
	KindOrg     = "org"
	KindBody    = "body"
	KindPlace   = "place"
	KindWeapon  = "weapon"
	KindTitle   = "title"
)

// kindRank gives each match kind its precedence (lower wins).
var kindRank = map[string]int{
	KindCountry: 0, KindCapital: 1, KindDemonym: 2, KindOrg: 3, KindBody: 4, KindPlace: 5, KindWeapon: 6, KindTitle: 7,
}

// GazetteerMatch is one gazetteer name found in a token sequence.
type GazetteerMatch struct {
	// Start and End are the token range [Start, End) of the name.
	Start, End int
	// Kind is country, capital, demonym, org, body, place, weapon or title.
	Kind string
	// Canonical is the canonical name: the country's name for country,
	// capital and demonym matches, the organization's or body's canonical
	// name, the place name, the weapon name, or the role text of a title ("deputy foreign
	// minister"; empty for honorifics such as "Mr.").
	Canonical string
	// Type is the entity type the span names: Country for country and
	// capital, Organization for org and body, Location for place, Weapon
	// for weapon, empty for
	// demonyms and titles (modifiers, not entities).
	Type string
	// Country is the ISO3 code of the country the name is, belongs to, lies
	// in or is the demonym of; empty when unknown (generic government bodies,
	// seas, regions spanning several states).
	Country string
	// Ambiguous is true when the matched name often means something else
	// ("Georgia", "Jordan", "Washington", "Patriot"); resolve it from context.
	Ambiguous bool
}

// caseReq is what a name's word requires of the text's capitalization.
type caseReq uint8

const (
	caseAny   caseReq = iota // lower-case word in the data: any case
	caseTitle                // capitalized in the data: must start with a capital
	caseUpper                // an acronym in the data: all capitals (or Title case from 4 letters)
)

// caseOf derives the requirement from a word as written in the data.
func caseOf(orig string) caseReq {
	letters, upper := 0, 0
	first := rune(0)
	for _, r := range orig {
		if unicode.IsLetter(r) {
			if first == 0 {
				first = r
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	switch {
	case letters == 0:
		return caseAny
	case letters >= 2 && upper == letters:
		return caseUpper
	case unicode.IsUpper(first):
		return caseTitle
	}
	return caseAny
}

// fits reports whether surface (diacritics folded, case kept) satisfies c.
func (c caseReq) fits(surface string) bool {
	switch c {
	case caseTitle:
		for _, r := range surface {
			if unicode.IsLetter(r) {
				return unicode.IsUpper(r)
			}
		}
		return true
	case caseUpper:
		s := surface
		if len(s) > 2 && strings.HasSuffix(s, "s") {
			s = s[:len(s)-1] // plural of an acronym: "NLAWs"
		}
		if s == strings.ToUpper(s) {
			return true
		}
		letters := 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		rest := strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
		return letters >= 4 && len(rest) > 0 && unicode.IsUpper([]rune(rest)[0]) && rest[1:] == strings.ToLower(rest[1:])
	}
	return true
}

// trieEntry is one name ending at a trie node.
type trieEntry struct {
	kind      string
	ref       int    // index into the Schema slice of that kind
	canonical string // may contain "*", replaced by the wildcard word matched
	typ       string
	country   string
	ambiguous bool
	anyCase   bool      // capitalized words also match in lower case (generic body patterns)
	cases     []caseReq // one per subtoken of the name
}

// trie is the word trie over normalized subtokens. Its nodes are numbered,
// the root 0; one map holds every edge, so that loading the schema makes
// one map rather than one per node. The key "*" is a wildcard matching one
// word of letters and digits ("Hwasong-*").
type trie struct {
	entries  [][]trieEntry // of each node
	children map[trieEdge]int32
	inner    []bool // whether a node has children
	wild     []bool // whether a node has a "*" child
}

// trieEdge names the child of node parent by subtoken word.
type trieEdge struct {
	parent int32
	word   string
}

func newTrie() *trie {
	return &trie{entries: [][]trieEntry{nil}, children: map[trieEdge]int32{}, inner: []bool{false}, wild: []bool{false}}
}

// add inserts the name with the entry's data; it returns false when another
// entry of the same kind already has that key.
func (t *trie) add(sub []subtoken, e trieEntry) bool {
	n := int32(0)
	for _, s := range sub {
		c, ok := t.children[trieEdge{n, s.norm}]
		if !ok {
			c = int32(len(t.entries))
			t.entries = append(t.entries, nil)
			t.inner = append(t.inner, false)
			t.wild = append(t.wild, false)
			t.children[trieEdge{n, s.norm}] = c
			t.inner[n] = true
			t.wild[n] = t.wild[n] || s.norm == "*"
		}
		n = c
	}
	for _, old := range t.entries[n] {
		if old.kind == e.kind {
			return old.ref == e.ref // the same entry listed twice is harmless
		}
	}
	e.cases = make([]caseReq, len(sub))
	for i, s := range sub {
		e.cases[i] = caseOf(s.orig)
		if e.anyCase && e.cases[i] == caseTitle && s.orig[1:] == strings.ToLower(s.orig[1:]) {
			e.cases[i] = caseAny
		}
	}
	t.entries[n] = append(t.entries[n], e)
	return true
}

// isWildcardWord reports whether a subtoken can fill a "*" slot.
func isWildcardWord(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// scanned is one subtoken of the input with the token it came from.
type scanned struct {
	subtoken
	tok  int  // index of the input token
	last bool // last subtoken of its token
}

// candidate is a complete name found by walk.
type candidate struct {
	entry trieEntry
	end   int    // subtoken index after the name
	wild  string // the word that filled a "*", if any
}

// walk follows the trie from subtoken i and returns every name that ends on
// a token boundary, longest last. checkCase applies the data's
// capitalization requirements.
func (t *trie) walk(sub []scanned, i int, checkCase bool) []candidate {
	var out []candidate
	var rec func(node int32, j int, wild string)
	rec = func(node int32, j int, wild string) {
		if j > i && sub[j-1].last {
			for _, e := range t.entries[node] {
				if !checkCase || casesFit(e.cases, sub[i:j]) {
					out = append(out, candidate{entry: e, end: j, wild: wild})
				}
			}
		}
		if j == len(sub) || !t.inner[node] {
			return
		}
		if c, ok := t.children[trieEdge{node, sub[j].norm}]; ok {
			rec(c, j+1, wild)
		}
		if !t.wild[node] || wild != "" || !isWildcardWord(sub[j].norm) {
			return
		}
		if c, ok := t.children[trieEdge{node, "*"}]; ok {
			rec(c, j+1, sub[j].orig)
		}
	}
	rec(0, i, "")
	return out
}

// casesFit checks each subtoken's surface against its requirement.
func casesFit(cases []caseReq, sub []scanned) bool {
	for k, c := range cases {
		if !c.fits(sub[k].orig) {
			return false
		}
	}
	return true
}

// best picks the longest candidate, then the kind with precedence.
func best(cands []candidate) (candidate, bool) {
	var b candidate
	found := false
	for _, c := range cands {
		if !found || c.end > b.end || (c.end == b.end && kindRank[c.entry.kind] < kindRank[b.entry.kind]) {
			b, found = c, true
		}
	}
	return b, found
}

// scan splits tokens into subtokens.
func scan(tokens []string) []scanned {
	var sub []scanned
	var buf []subtoken
	for i, t := range tokens {
		parts := appendWord(buf[:0], t)
		buf = parts
		for k, p := range parts {
			sub = append(sub, scanned{subtoken: p, tok: i, last: k == len(parts)-1})
		}
	}
	return sub
}

// toMatch converts a candidate spanning sub[i:c.end] into a GazetteerMatch.
func toMatch(sub []scanned, i int, c candidate) GazetteerMatch {
	canon := c.entry.canonical
	if c.wild != "" {
		canon = strings.Replace(canon, "*", c.wild, 1)
	}
	return GazetteerMatch{
		Start: sub[i].tok, End: sub[c.end-1].tok + 1,
		Kind: c.entry.kind, Canonical: canon, Type: c.entry.typ,
		Country: c.entry.country, Ambiguous: c.entry.ambiguous,
	}
}

// Match finds gazetteer names in a token sequence, scanning left to right
// and taking the longest name at each position ("anti-tank missiles", not
// "missiles"; "North Korean", not "Korean"). A country, capital or demonym
// directly followed by a government body is one body match carrying that
// country ("the U.S. Department of Defense", "Russian Defense Ministry",
// "Ukraine's army"). When one span names entries of several kinds, the kind
// order is country, capital, demonym, org, body, place, weapon, title. Words are compared
// normalized (case, periods, diacritics, hyphens, a possessive "'s"), but
// capitalization must fit the data: acronyms ("US", "WHO", "CAR") only match
// in capitals, capitalized names only when capitalized, so "us", "who" and
// "turkey" in running text are not matched. A name starts and ends on token
// boundaries: "U.S.-made" as one token is not a match for "U.S.". A leading
// "the" is not part of the span.
func (s *Schema) Match(tokens []string) []GazetteerMatch {
	sub := scan(tokens)
	var out []GazetteerMatch
	for i := 0; i < len(sub); {
		if i > 0 && sub[i-1].tok == sub[i].tok { // not at a token start
			i++
			continue
		}
		cands := s.trie.walk(sub, i, true)
		c, ok := best(cands)
		if !ok {
			i++
			continue
		}
		m := bodyMatch{toMatch(sub, i, c), c.end}
		if b, ok := s.stateBody(sub, cands); ok && b.end > m.end {
			// "Russian Defense Ministry", "Ukraine's army": one body of that
			// country; "Ukrainian military intelligence" is the state's
			// intelligence service, not "Ukrainian military" and a word.
			m = b
			m.Start = sub[i].tok
		}
		out = append(out, m.GazetteerMatch)
		i = m.end
	}
	return out
}

// bodyMatch is a match with the subtoken index after it.
type bodyMatch struct {
	GazetteerMatch
	end int
}

// stateBody returns the longest government body that directly follows one
// of the country, capital or demonym names among cands (the names starting
// at one position), carrying that state.
func (s *Schema) stateBody(sub []scanned, cands []candidate) (bodyMatch, bool) {
	var out bodyMatch
	found := false
	for _, c := range cands {
		b, ok := s.bodyAfter(sub, c)
		if !ok || found && b.end <= out.end {
			continue
		}
		if b.Country == "" {
			b.Country = c.entry.country
		}
		out, found = b, true
	}
	return out, found
}

// bodyAfter returns the government body that directly follows a country,
// capital or demonym match c.
func (s *Schema) bodyAfter(sub []scanned, c candidate) (bodyMatch, bool) {
	switch c.entry.kind {
	case KindCountry, KindCapital, KindDemonym:
	default:
		return bodyMatch{}, false
	}
	if c.end >= len(sub) {
		return bodyMatch{}, false
	}
	var cands []candidate
	for _, b := range s.trie.walk(sub, c.end, true) {
		if b.entry.kind == KindBody {
			cands = append(cands, b)
		}
	}
	b, ok := best(cands)
	if !ok {
		return bodyMatch{}, false
	}
	return bodyMatch{toMatch(sub, c.end, b), b.end}, true
}

// find returns the entry of one kind whose name is exactly name (normalized,
// any capitalization), as a match over name's words, and the entry's index in
// the Schema slice of that kind.
func (s *Schema) find(kind, name string) (GazetteerMatch, int, bool) {
	sub := scan(strings.Fields(name))
	if len(sub) > 1 && sub[0].norm == "the" {
		sub = sub[1:]
	}
	if len(sub) == 0 {
		return GazetteerMatch{}, 0, false
	}
	for _, c := range s.trie.walk(sub, 0, false) {
		if c.end == len(sub) && c.entry.kind == kind {
			return toMatch(sub, 0, c), c.entry.ref, true
		}
	}
	return GazetteerMatch{}, 0, false
}
